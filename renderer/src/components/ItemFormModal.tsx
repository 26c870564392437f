/** Create or edit an aid item (khoản viện trợ): keyboard first, every field in the order of its approval decision. */
import { Alert, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayText } from '../../../contract/dates';
import { AID_MODALITIES, AID_STAGES, type AidItem } from '../../../contract/items';
import { CURRENCY_CODES } from '../../../contract/money';
import { foldText } from '../../../contract/text';
import { itemVocabulary } from '../i18n';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { dateRule, DateInput, isoDay } from './DateInput';
import { DIALOG_LAYOUT } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';
import { moneyProblem, moneyText, parseMoneyText } from '../money';
import { MoneyInput } from './MoneyInput';
import { DonorPicker, searchByLabel, tabMovesOn } from './pickers';

interface Values {
  name: string;
  modality: AidItem['modality'];
  sector: string;
  donorId: string;
  coDonorIds?: string[];
  governingBody?: string;
  aidOwner?: string;
  startDate?: string;
  endDate?: string;
  valueMinor?: string;
  valueCurrency?: string;
  counterpartMinor?: string;
  counterpartCurrency?: string;
  budgetRevenue?: boolean;
  approvalNumber?: string;
  approvalDate?: string;
  approvedBy?: string;
  notes?: string;
  stage?: AidItem['stage'];
  stageDate?: string;
  reason?: string;
}

interface Props {
  open: boolean;
  item?: AidItem | undefined;
  onClose: () => void;
  onSaved?: (item: AidItem) => void;
}

const today = () => new Date().toLocaleDateString('sv-SE');

function valuesOf(item: AidItem | undefined, lang: string): Partial<Values> {
  if (!item)
    return {
      modality: 'non_project',
      sector: 'social',
      valueCurrency: 'VND',
      counterpartCurrency: 'VND',
      stage: 'proposed',
      stageDate: dayText(today()),
    };
  return {
    name: item.name,
    modality: item.modality,
    sector: item.sector,
    donorId: item.donorId,
    coDonorIds: item.coDonorIds,
    governingBody: item.governingBody ?? '',
    aidOwner: item.aidOwner ?? '',
    startDate: item.startDate ? dayText(item.startDate) : '',
    endDate: item.endDate ? dayText(item.endDate) : '',
    valueCurrency: item.valueCurrency ?? 'VND',
    valueMinor: moneyText(item.valueMinor, item.valueCurrency ?? 'VND', lang),
    counterpartCurrency: item.counterpartCurrency ?? 'VND',
    counterpartMinor: moneyText(item.counterpartMinor, item.counterpartCurrency ?? 'VND', lang),
    budgetRevenue: item.budgetRevenue,
    approvalNumber: item.approvalNumber ?? '',
    approvalDate: item.approvalDate ? dayText(item.approvalDate) : '',
    approvedBy: item.approvedBy ?? '',
    notes: item.notes ?? '',
  };
}

/** A sector picker: the standard sectors and the department's own; a name typed that matches none is offered as new. */
function SectorPicker({ value, onChange, id }: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const { t, i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  const sectors = useLedger('items.sectors', {});
  const [search, setSearch] = useState('');
  const typed = search.trim();
  const options = useMemo(() => {
    const list = (sectors.data ?? []).map((s) => ({ value: s, label: words.sectorName(s) }));
    if (value && !list.some((o) => o.value === value)) list.push({ value, label: words.sectorName(value) });
    if (typed && !list.some((o) => foldText(o.label) === foldText(typed)))
      list.push({ value: typed, label: `+ ${typed}` });
    return list;
  }, [sectors.data, words, typed, value]);
  return (
    <Select
      id={id}
      value={value}
      onChange={(next: string) => {
        onChange?.(next);
        setSearch('');
      }}
      showSearch={{ ...searchByLabel, searchValue: search, onSearch: setSearch }}
      onKeyDown={tabMovesOn}
      placeholder={t('items.sectorHint')}
      notFoundContent={t('common.noMatch')}
      options={options}
    />
  );
}

export function ItemFormModal({ open, item, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = itemVocabulary(lang);
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const create = useLedgerMutation('items.create');
  const update = useLedgerMutation('items.update');
  const donors = useLedger('donors.list', {});
  const [formError, setFormError] = useState<string | null>(null);
  const [currencies, setCurrencies] = useState({ value: 'VND', counterpart: 'VND' });

  // Filled when the dialog opens, not each time the item is read again while it is open.
  const itemNow = useRef(item);
  itemNow.current = item;
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled again when another record is opened (read from the ref)
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    const values = valuesOf(itemNow.current, lang);
    form.setFieldsValue(values);
    setCurrencies({ value: values.valueCurrency ?? 'VND', counterpart: values.counterpartCurrency ?? 'VND' });
  }, [open, item?.id, form, lang]);

  const moneyRule = (which: 'value' | 'counterpart') => ({
    validator: async (_: unknown, text?: string) => {
      if (!(text ?? '').trim()) return;
      const currency = currencies[which];
      const problem = moneyProblem(parseMoneyText(text, currency, lang), text ?? '', currency, lang, t);
      if (problem) throw new Error(problem);
    },
  });

  async function save(values: Values) {
    setFormError(null);
    const amount = (text: string | undefined, currency: string) => {
      const parsed = parseMoneyText(text, currency, lang);
      return parsed && 'minor' in parsed ? parsed.minor : null;
    };
    const valueMinor = amount(values.valueMinor, currencies.value);
    const counterpartMinor = amount(values.counterpartMinor, currencies.counterpart);
    const input = {
      name: values.name,
      modality: values.modality,
      sector: values.sector,
      donorId: values.donorId,
      coDonorIds: values.coDonorIds ?? [],
      governingBody: values.governingBody || null,
      aidOwner: values.aidOwner || null,
      startDate: isoDay(values.startDate),
      endDate: isoDay(values.endDate),
      valueMinor,
      valueCurrency: valueMinor === null ? null : currencies.value,
      counterpartMinor,
      counterpartCurrency: counterpartMinor === null ? null : currencies.counterpart,
      budgetRevenue: Boolean(values.budgetRevenue),
      approvalNumber: values.approvalNumber || null,
      approvalDate: isoDay(values.approvalDate),
      approvedBy: values.approvedBy || null,
      notes: values.notes || null,
    };
    try {
      const saved = item
        ? await update.mutateAsync({ id: item.id, ...input, reason: values.reason || null })
        : await create.mutateAsync({
            ...input,
            stage: values.stage ?? 'proposed',
            stageDate: isoDay(values.stageDate) ?? today(),
          });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, [...Object.keys(input), 'reason', 'stage', 'stageDate'], setFormError);
    }
  }

  const currencySelect = (which: 'value' | 'counterpart') => (
    <Form.Item name={which === 'value' ? 'valueCurrency' : 'counterpartCurrency'} label={t('items.currency')}>
      <Select
        showSearch={searchByLabel}
        onKeyDown={tabMovesOn}
        notFoundContent={t('common.noMatch')}
        options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
        onChange={(c: string) => setCurrencies((now) => ({ ...now, [which]: c }))}
      />
    </Form.Item>
  );

  return (
    <Modal
      open={open}
      width={820}
      title={item ? t('items.editTitle') : t('items.createTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'name')}
    >
      <Form form={form} layout="vertical" {...submit} name="item" data-testid="item-form">
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item
          name="name"
          label={t('items.name')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input autoFocus />
        </Form.Item>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item
              name="modality"
              label={t('items.modality')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <Select
                showSearch={searchByLabel}
                onKeyDown={tabMovesOn}
                notFoundContent={t('common.noMatch')}
                options={AID_MODALITIES.map((m) => ({ value: m, label: words.modality[m] }))}
              />
            </Form.Item>
          </Col>
          <Col span={16}>
            <Form.Item
              name="sector"
              label={t('items.sector')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <SectorPicker />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item
              name="donorId"
              label={t('items.donor')}
              rules={[{ required: true, message: t('common.required') }]}
            >
              <DonorPicker />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="coDonorIds" label={t('items.coDonors')}>
              <Select
                mode="multiple"
                showSearch={searchByLabel}
                notFoundContent={t('common.noMatch')}
                options={(donors.data ?? []).map((d) => ({
                  value: d.id,
                  label: d.shortName ? `${d.name} (${d.shortName})` : d.name,
                }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={12}>
            <Form.Item name="governingBody" label={t('items.governingBody')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="aidOwner" label={t('items.aidOwner')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={6}>
            <Form.Item
              name="startDate"
              label={t('items.startDate')}
              rules={[dateRule(t, false)]}
              validateTrigger={['onBlur', 'onChange']}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="endDate"
              label={t('items.endDate')}
              rules={[dateRule(t, false)]}
              validateTrigger={['onBlur', 'onChange']}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="valueMinor" label={t('items.value')} rules={[moneyRule('value')]}>
              <MoneyInput currency={currencies.value} language={lang} />
            </Form.Item>
          </Col>
          <Col span={4}>{currencySelect('value')}</Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="counterpartMinor" label={t('items.counterpart')} rules={[moneyRule('counterpart')]}>
              <MoneyInput currency={currencies.counterpart} language={lang} />
            </Form.Item>
          </Col>
          <Col span={4}>{currencySelect('counterpart')}</Col>
          <Col span={12}>
            <Form.Item name="budgetRevenue" valuePropName="checked" label=" ">
              <Checkbox>{t('items.budgetRevenue')}</Checkbox>
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={12}>
          <Col span={8}>
            <Form.Item name="approvalNumber" label={t('items.approvalNumber')}>
              <Input />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item
              name="approvalDate"
              label={t('items.approvalDate')}
              rules={[dateRule(t, false)]}
              validateTrigger={['onBlur', 'onChange']}
            >
              <DateInput />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="approvedBy" label={t('items.approvedBy')}>
              <Input />
            </Form.Item>
          </Col>
        </Row>
        {!item && (
          <Row gutter={12}>
            <Col span={12}>
              <Form.Item name="stage" label={t('items.stage')}>
                <Select
                  showSearch={searchByLabel}
                  onKeyDown={tabMovesOn}
                  notFoundContent={t('common.noMatch')}
                  options={AID_STAGES.map((s) => ({ value: s, label: words.stage[s] }))}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="stageDate"
                label={t('items.stageDate')}
                rules={[dateRule(t, true)]}
                validateTrigger={['onBlur', 'onChange']}
              >
                <DateInput />
              </Form.Item>
            </Col>
          </Row>
        )}
        <Form.Item name="notes" label={t('items.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {item && (
          <Form.Item name="reason" label={t('items.reason')}>
            <Input />
          </Form.Item>
        )}
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
