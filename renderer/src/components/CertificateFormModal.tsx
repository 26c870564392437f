/**
 * A certificate typed in one keyboard-first form (Decree 58/2022/NĐ-CP): kind, number, the body that issued it (Bộ
 * Ngoại giao unless another), its dates, the provinces and fields it permits — many at once, typing filters and
 * Enter takes the match — and a representative office's city. Editing asks why; a change of standing (extended,
 * amended, suspended, revoked) names its decision.
 */
import { Alert, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CERTIFICATE_KINDS, CERTIFICATE_STATUSES, type Certificate, OFFICE_CITY_CODES } from '../../../contract';
import { itemVocabulary } from '../i18n';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { dateRule, DateInput } from './DateInput';
import { DIALOG_LAYOUT, useCloseAsking } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';
import {
  type CertificateFormValues as Values,
  certificateFields,
  initialCertificateValues,
  statusChangeInput,
} from './ngoFacts';
import { matches } from './pickerOptions';
import { searchByLabel, tabMovesOn } from './pickers';

const FORM_FIELDS = [
  'kind',
  'number',
  'issuedBy',
  'issuedOn',
  'validUntil',
  'provinces',
  'fields',
  'officeCity',
  'notes',
  'status',
  'decisionNumber',
  'decisionDate',
  'reason',
];

/** Today's provinces of the catalogue, "Tỉnh Cao Bằng", to pick; and the three cities an office may be in. */
function useProvinceOptions() {
  const setup = useLedger('places.setup', {});
  return useMemo(() => {
    const provinces = (setup.data?.provinces ?? []).map((p) => ({
      value: p.code,
      label: `${p.type} ${p.name}`,
      // A former province's name finds the province it became.
      search: `${p.type} ${p.name} ${p.merged.join(' ')}`,
    }));
    const cities = provinces.filter((p) => (OFFICE_CITY_CODES as readonly string[]).includes(p.value));
    return { provinces, cities };
  }, [setup.data]);
}

/** The standard sectors and the department's own, by their names. */
function useFieldOptions() {
  const { i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  const sectors = useLedger('items.sectors', {});
  return useMemo(
    () => (sectors.data ?? []).map((s) => ({ value: s, label: words.sectorName(s) })),
    [sectors.data, words],
  );
}

/** Many at once: typing filters (accents and case aside), Enter takes the highlighted match and the list stays open. */
function MultiPicker({
  options,
  testId,
  ...rest
}: {
  options: { value: string; label: string; search?: string }[];
  testId: string;
  value?: string[];
  onChange?: (value: string[]) => void;
  id?: string;
}) {
  const { t } = useTranslation();
  return (
    <Select
      {...rest}
      mode="multiple"
      showSearch={{
        filterOption: (input, option) =>
          matches(input, String((option as { search?: string })?.search ?? option?.label ?? '')),
      }}
      optionFilterProp="label"
      onKeyDown={tabMovesOn}
      placeholder={t('ngo.pickerHint')}
      notFoundContent={t('common.noMatch')}
      options={options}
      data-testid={testId}
    />
  );
}

export function CertificateFormModal({
  open,
  donorId,
  certificate,
  onClose,
}: {
  open: boolean;
  donorId: string;
  /** Absent: a new certificate. */
  certificate?: Certificate | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<Values>();
  const closeAsking = useCloseAsking(form, onClose);
  const submit = useFormSubmit(form, save);
  const add = useLedgerMutation('ngo.addCertificate');
  const update = useLedgerMutation('ngo.updateCertificate');
  const [formError, setFormError] = useState<string | null>(null);
  const { provinces, cities } = useProvinceOptions();
  const fieldOptions = useFieldOptions();
  const kind = Form.useWatch('kind', form);

  const certificateNow = useRef(certificate);
  certificateNow.current = certificate;
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled again when another certificate is opened (read from the ref)
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    form.setFieldsValue(initialCertificateValues(certificateNow.current));
  }, [open, certificate?.id, form]);

  async function save(values: Values) {
    setFormError(null);
    const fields = certificateFields(values);
    try {
      if (certificate) await update.mutateAsync({ id: certificate.id, ...fields, reason: values.reason?.trim() ?? '' });
      else await add.mutateAsync({ donorId, ...fields });
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, FORM_FIELDS, setFormError);
    }
  }

  return (
    <Modal
      open={open}
      width={760}
      title={certificate ? t('ngo.editCertificate') : t('ngo.addCertificate')}
      onCancel={closeAsking}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={add.isPending || update.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'kind')}
    >
      <Form form={form} layout="vertical" {...submit} name="certificate" data-testid="certificate-form">
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="kind" label={t('ngo.kind')} rules={[{ required: true, message: t('common.required') }]}>
              <Select
                autoFocus
                showSearch={searchByLabel}
                onKeyDown={tabMovesOn}
                notFoundContent={t('common.noMatch')}
                options={CERTIFICATE_KINDS.map((k) => ({ value: k, label: t(`ngo.kinds.${k}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item
              name="number"
              label={t('ngo.number')}
              rules={[{ required: true, whitespace: true, message: t('common.required') }]}
            >
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="issuedBy" label={t('ngo.issuedBy')}>
              <Input placeholder={t('ngo.issuedByDefault')} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="issuedOn"
              label={t('ngo.issuedOn')}
              required
              rules={[dateRule(t, true)]}
              validateTrigger={['onBlur', 'onChange']}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="validUntil"
              label={t('ngo.validUntil')}
              required
              rules={[dateRule(t, true)]}
              validateTrigger={['onBlur', 'onChange']}
            >
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="provinces"
          label={t('ngo.provinces')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
        >
          <MultiPicker options={provinces} testId="certificate-provinces" />
        </Form.Item>
        <Form.Item
          name="fields"
          label={t('ngo.fields')}
          rules={[{ required: true, type: 'array', min: 1, message: t('common.required') }]}
        >
          <MultiPicker options={fieldOptions} testId="certificate-fields" />
        </Form.Item>
        {kind === 'representative_office' && (
          <Form.Item name="officeCity" label={t('ngo.officeCity')}>
            <Select
              showSearch={searchByLabel}
              onKeyDown={tabMovesOn}
              notFoundContent={t('common.noMatch')}
              options={cities}
            />
          </Form.Item>
        )}
        <Form.Item name="notes" label={t('ngo.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {certificate && (
          <Form.Item
            name="reason"
            label={t('ngo.reason')}
            extra={t('ngo.reasonHint')}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input />
          </Form.Item>
        )}
        <p className="muted">{t('ngo.keyboardHint')}</p>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** A certificate extended, amended, suspended or revoked: the decision that did it, its date, and why. */
export function CertificateStatusModal({
  certificate,
  onClose,
}: {
  certificate: Certificate | null;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<Values>();
  const closeAsking = useCloseAsking(form, onClose);
  const submit = useFormSubmit(form, save);
  const update = useLedgerMutation('ngo.updateCertificate');
  const [formError, setFormError] = useState<string | null>(null);
  const status = Form.useWatch('status', form);

  useEffect(() => {
    if (!certificate) return;
    form.resetFields();
    setFormError(null);
    form.setFieldsValue({
      ...initialCertificateValues(certificate),
      decisionNumber: undefined,
      decisionDate: undefined,
    });
  }, [certificate, form]);

  async function save(values: Values) {
    if (!certificate) return;
    setFormError(null);
    try {
      await update.mutateAsync(statusChangeInput(certificate.id, values));
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, FORM_FIELDS, setFormError);
    }
  }

  return (
    <Modal
      open={certificate !== null}
      title={t('ngo.statusTitle', { number: certificate?.number ?? '' })}
      onCancel={closeAsking}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={update.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'status')}
    >
      <Form form={form} layout="vertical" {...submit} name="certificateStatus" data-testid="certificate-status-form">
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item name="status" label={t('ngo.newStatus')} rules={[{ required: true, message: t('common.required') }]}>
          <Select
            autoFocus
            showSearch={searchByLabel}
            onKeyDown={tabMovesOn}
            notFoundContent={t('common.noMatch')}
            options={CERTIFICATE_STATUSES.map((s) => ({ value: s, label: t(`ngo.statuses.${s}`) }))}
          />
        </Form.Item>
        {(status === 'extended' || status === 'amended') && (
          <Form.Item
            name="validUntil"
            label={t('ngo.validUntil')}
            rules={[dateRule(t, false)]}
            validateTrigger={['onBlur', 'onChange']}
          >
            <DateInput />
          </Form.Item>
        )}
        <Row gutter={12}>
          <Col span={14}>
            <Form.Item name="decisionNumber" label={t('ngo.decisionNumber')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item
              name="decisionDate"
              label={t('ngo.decisionDate')}
              rules={[dateRule(t, false)]}
              validateTrigger={['onBlur', 'onChange']}
            >
              <DateInput />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item
          name="reason"
          label={t('ngo.reason')}
          extra={t('ngo.reasonHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
