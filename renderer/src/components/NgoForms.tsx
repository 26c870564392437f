/**
 * The registry's smaller forms: an NGO's profile (home country and registration, office, head), a contact person, an
 * activity plan received and a yearly report received. Each is keyboard-first (Tab, Enter saves, Esc asks before
 * discarding), and shows the ledger's refusal on the field it names.
 */
import { Alert, Col, Form, type FormInstance, Input, InputNumber, Modal, Row, Select } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Certificate, type NgoContact, type NgoProfile, OFFICE_CITY_CODES } from '../../../contract';
import { isoDay, localToday } from '../dates';
import { showDate } from '../format';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { dateRule, DateInput } from './DateInput';
import { DIALOG_LAYOUT, useCloseAsking } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';
import { initialProfileValues, type ProfileFormValues, profileInput } from './ngoFacts';
import { searchByLabel, tabMovesOn } from './pickers';
import { ItemPlacesPicker } from './ItemPlacesPicker';

/** What each of these dialogs shares: its form filled when it opens, saved by Enter, closed asking by Esc. */
function RegistryDialog<V extends object>({
  open,
  title,
  name,
  first,
  initial,
  save,
  onClose,
  pending,
  children,
}: {
  open: boolean;
  title: string;
  name: string;
  first: string;
  initial: () => Partial<V>;
  save: (values: V, form: FormInstance<V>, setError: (text: string | null) => void) => Promise<void>;
  onClose: () => void;
  pending: boolean;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<V>();
  const closeAsking = useCloseAsking(form, onClose);
  const [formError, setFormError] = useState<string | null>(null);
  const submit = useFormSubmit(form, (values) => save(values as V, form, setFormError));
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled when the dialog opens, not when its record is read again
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    form.setFieldsValue(initial() as never);
  }, [open, form]);
  return (
    <Modal
      open={open}
      title={title}
      onCancel={closeAsking}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={pending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, first)}
    >
      <Form form={form} layout="vertical" {...submit} name={name} data-testid={`${name}-form`}>
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
        {children}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** Shows a refusal on the field the ledger names, else above the form. */
function refusal<V>(form: FormInstance<V>, fields: string[], lang: string, setError: (text: string | null) => void) {
  return (error: unknown) => showSaveError(form as FormInstance, error, lang, fields, setError);
}

export function ProfileModal({
  open,
  donorId,
  profile,
  onClose,
}: {
  open: boolean;
  donorId: string;
  profile: NgoProfile;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const saveProfile = useLedgerMutation('ngo.saveProfile');
  const setup = useLedger('places.setup', {});
  const cities = (setup.data?.provinces ?? [])
    .filter((p) => (OFFICE_CITY_CODES as readonly string[]).includes(p.code))
    .map((p) => ({ value: p.code, label: `${p.type} ${p.name}` }));
  return (
    <RegistryDialog<ProfileFormValues>
      open={open}
      title={t('ngo.editProfile')}
      name="ngoProfile"
      first="homeCountry"
      initial={() => initialProfileValues(profile)}
      pending={saveProfile.isPending}
      onClose={onClose}
      save={async (values, form, setError) => {
        const input = profileInput(donorId, values);
        await saveProfile.mutateAsync(input).then(onClose, refusal(form, Object.keys(input), i18n.language, setError));
      }}
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="homeCountry" label={t('ngo.homeCountry')}>
            <Input autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="headName" label={t('ngo.headName')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="homeRegistration" label={t('ngo.homeRegistration')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item
            name="homeRegistrationUntil"
            label={t('ngo.homeRegistrationUntil')}
            rules={[dateRule(t, false)]}
            validateTrigger={['onBlur', 'onChange']}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={14}>
          <Form.Item name="officeAddress" label={t('ngo.officeAddress')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item name="officeCity" label={t('ngo.officeCity')}>
            <Select
              allowClear
              showSearch={searchByLabel}
              onKeyDown={tabMovesOn}
              notFoundContent={t('common.noMatch')}
              options={cities}
            />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('ngo.notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="reason" label={t('ngo.reason')} extra={t('ngo.reasonHint')}>
        <Input />
      </Form.Item>
    </RegistryDialog>
  );
}

interface ContactValues {
  name?: string;
  role?: string;
  phone?: string;
  email?: string;
}

export function ContactModal({
  open,
  donorId,
  contact,
  onClose,
}: {
  open: boolean;
  donorId: string;
  contact?: NgoContact | undefined;
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const saveContact = useLedgerMutation('ngo.saveContact');
  return (
    <RegistryDialog<ContactValues>
      open={open}
      title={contact ? t('ngo.editContact') : t('ngo.addContact')}
      name="ngoContact"
      first="name"
      initial={() => ({
        name: contact?.name,
        role: contact?.role ?? undefined,
        phone: contact?.phone ?? undefined,
        email: contact?.email ?? undefined,
      })}
      pending={saveContact.isPending}
      onClose={onClose}
      save={async (values, form, setError) => {
        const text = (v: string | undefined) => v?.trim() || null;
        const input = {
          ...(contact ? { id: contact.id } : {}),
          donorId,
          name: values.name?.trim() ?? '',
          role: text(values.role),
          phone: text(values.phone),
          email: text(values.email),
        };
        await saveContact.mutateAsync(input).then(onClose, refusal(form, Object.keys(input), i18n.language, setError));
      }}
    >
      <Form.Item
        name="name"
        label={t('ngo.contactName')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input autoFocus />
      </Form.Item>
      <Form.Item name="role" label={t('ngo.role')}>
        <Input />
      </Form.Item>
      <Row gutter={12}>
        <Col span={10}>
          <Form.Item name="phone" label={t('ngo.phone')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={14}>
          <Form.Item name="email" label={t('ngo.email')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </RegistryDialog>
  );
}

interface PlanValues {
  certificateId?: string;
  receivedOn?: string;
  periodFrom?: string;
  periodTo?: string;
  placeIds?: string[];
  summary?: string;
}

export function PlanModal({
  open,
  donorId,
  certificates,
  onClose,
}: {
  open: boolean;
  donorId: string;
  certificates: Certificate[];
  onClose: () => void;
}) {
  const { t, i18n } = useTranslation();
  const addPlan = useLedgerMutation('ngo.addPlan');
  const latest = certificates[0];
  return (
    <RegistryDialog<PlanValues>
      open={open}
      title={t('ngo.addPlan')}
      name="ngoPlan"
      first="receivedOn"
      initial={() => ({ certificateId: latest?.id, placeIds: [] })}
      pending={addPlan.isPending}
      onClose={onClose}
      save={async (values, form, setError) => {
        const input = {
          donorId,
          certificateId: values.certificateId ?? null,
          receivedOn: isoDay(values.receivedOn) ?? '',
          periodFrom: isoDay(values.periodFrom),
          periodTo: isoDay(values.periodTo),
          placeIds: values.placeIds ?? [],
          summary: values.summary?.trim() || null,
        };
        await addPlan.mutateAsync(input).then(onClose, refusal(form, Object.keys(input), i18n.language, setError));
      }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item
            name="receivedOn"
            label={t('ngo.receivedOn')}
            required
            rules={[dateRule(t, true)]}
            validateTrigger={['onBlur', 'onChange']}
          >
            <DateInput autoFocus />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item name="certificateId" label={t('ngo.forCertificate')}>
            <Select
              allowClear
              showSearch={searchByLabel}
              onKeyDown={tabMovesOn}
              notFoundContent={t('common.noMatch')}
              options={certificates.map((c) => ({
                value: c.id,
                label: `${c.number} (${showDate(c.issuedOn)} – ${showDate(c.validUntil)})`,
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item
            name="periodFrom"
            label={t('ngo.periodFrom')}
            rules={[dateRule(t, false)]}
            validateTrigger={['onBlur', 'onChange']}
          >
            <DateInput />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="periodTo"
            label={t('ngo.periodTo')}
            rules={[dateRule(t, false)]}
            validateTrigger={['onBlur', 'onChange']}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="placeIds" label={t('ngo.places')}>
        <ItemPlacesPicker />
      </Form.Item>
      <Form.Item name="summary" label={t('ngo.summary')}>
        <Input.TextArea rows={3} />
      </Form.Item>
    </RegistryDialog>
  );
}

interface ReportValues {
  year?: number;
  receivedOn?: string;
  notes?: string;
}

export function YearReportModal({ open, donorId, onClose }: { open: boolean; donorId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const addReport = useLedgerMutation('ngo.addYearReport');
  return (
    <RegistryDialog<ReportValues>
      open={open}
      title={t('ngo.addReport')}
      name="ngoReport"
      first="year"
      // The year last reported on: the one before today's.
      initial={() => ({ year: Number(localToday().slice(0, 4)) - 1 })}
      pending={addReport.isPending}
      onClose={onClose}
      save={async (values, form, setError) => {
        const input = {
          donorId,
          year: values.year ?? 0,
          receivedOn: isoDay(values.receivedOn) ?? '',
          notes: values.notes?.trim() || null,
        };
        await addReport.mutateAsync(input).then(onClose, refusal(form, Object.keys(input), i18n.language, setError));
      }}
    >
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="year" label={t('ngo.year')} rules={[{ required: true, message: t('common.required') }]}>
            <InputNumber autoFocus min={2000} max={2100} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item
            name="receivedOn"
            label={t('ngo.receivedOn')}
            required
            rules={[dateRule(t, true)]}
            validateTrigger={['onBlur', 'onChange']}
          >
            <DateInput />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item name="notes" label={t('ngo.notes')}>
        <Input.TextArea rows={2} />
      </Form.Item>
    </RegistryDialog>
  );
}
