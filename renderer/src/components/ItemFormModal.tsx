/** Create or edit an aid item (khoản viện trợ): keyboard first, every field in the order of its approval decision. */
import { Alert, App as AntApp, Checkbox, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AID_MODALITIES, AID_STAGES, type AidItem } from '../../../contract/items';
import { CURRENCY_CODES } from '../../../contract/money';
import { localToday } from '../dates';
import { itemVocabulary } from '../i18n';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { dateRule, DateInput } from './DateInput';
import { DIALOG_LAYOUT, useCloseAsking } from './dialog';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';
import {
  initialCurrencies,
  initialItemValues,
  type ItemCurrencies,
  type ItemFormValues as Values,
  itemInput,
  itemMoneyProblem,
  itemStartInput,
  NEW_SECTOR,
  proposedStart,
  sectorOptions,
} from './itemForm';
import { ItemPlacesPicker, ItemTodayInFields } from './ItemPlacesPicker';
import { useLiveValues } from './liveValues';
import { checkInputs } from './ngoFacts';
import { acknowledgeAfterSave, useFormWarning } from './NgoWarnings';
import { MoneyInput } from './MoneyInput';
import { DonorPicker, searchByLabel, tabMovesOn } from './pickers';
import { donorLabel, matches } from './pickerOptions';

interface Props {
  open: boolean;
  item?: AidItem | undefined;
  onClose: () => void;
  onSaved?: (item: AidItem) => void;
}

/**
 * A sector picker: the standard sectors and the department's own, found as every picker finds (accents and case
 * aside); Enter or Tab takes the highlighted match. A name that is none of them is offered as a new sector, last and
 * highlighted only by ↓: chosen with Enter or a click it asks first; Tab never takes it.
 */
function SectorPicker({ value, onChange, id }: { value?: string; onChange?: (value: string) => void; id?: string }) {
  const { t, i18n } = useTranslation();
  const { modal } = AntApp.useApp();
  const words = itemVocabulary(i18n.language);
  const sectors = useLedger('items.sectors', {});
  const [search, setSearch] = useState('');
  const lastKey = useRef('');
  const typed = search.trim();
  const options = useMemo(
    () => sectorOptions(sectors.data ?? [], value, typed, words.sectorName, (text) => t('items.newSector', { text })),
    [sectors.data, words, typed, value, t],
  );
  const anyMatch = !typed || options.some((o) => o.value !== NEW_SECTOR && matches(typed, o.label));
  const addNew = (name: string) =>
    modal.confirm({
      title: t('items.newSectorConfirm', { name }),
      okText: t('items.newSectorOk'),
      cancelText: t('common.cancel'),
      onOk: () => onChange?.(name),
    });
  return (
    <div onKeyDownCapture={(event) => (lastKey.current = event.key)}>
      <Select
        id={id}
        value={value}
        onChange={(next: string) => {
          setSearch('');
          if (next !== NEW_SECTOR) onChange?.(next);
          else if (lastKey.current !== 'Tab') addNew(typed);
        }}
        showSearch={{
          filterOption: (input, option) => option?.value === NEW_SECTOR || matches(input, String(option?.label ?? '')),
          searchValue: search,
          onSearch: setSearch,
        }}
        // With no match, nothing is highlighted: Enter and Tab take nothing.
        defaultActiveFirstOption={anyMatch}
        onKeyDown={tabMovesOn}
        placeholder={t('items.sectorHint')}
        notFoundContent={t('common.noMatch')}
        options={options}
      />
    </div>
  );
}

export function ItemFormModal({ open, item, onClose, onSaved }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<Values>();
  const closeAsking = useCloseAsking(form, onClose);
  const submit = useFormSubmit(form, save);
  const create = useLedgerMutation('items.create');
  const update = useLedgerMutation('items.update');
  const [formError, setFormError] = useState<string | null>(null);
  const [currencies, setCurrencies] = useState<ItemCurrencies>({ value: 'VND', counterpart: 'VND' });
  const { message } = AntApp.useApp();
  // The registry's check of the donor's certificate on the item's day (its approval, else its stage's), places, sector.
  const [live, liveValues] = useLiveValues(form, [
    'donorId',
    'approvalDate',
    'stageDate',
    'placeIds',
    'sector',
  ] as const);
  const registry = useFormWarning(
    checkInputs(
      live.donorId,
      live.approvalDate || live.stageDate || item?.stageDate || localToday(),
      live.placeIds ?? [],
      live.sector,
    ),
  );

  // Filled when the dialog opens, not each time the item is read again while it is open.
  const itemNow = useRef(item);
  itemNow.current = item;
  // A new item's stage follows its approval decision until the user chooses the stage or its date.
  const stageChosen = useRef(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled again when another record is opened (read from the ref)
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setFormError(null);
    stageChosen.current = false;
    registry.setReason('');
    const values = initialItemValues(itemNow.current, lang, localToday());
    form.setFieldsValue(values);
    setCurrencies(initialCurrencies(values));
  }, [open, item?.id, form, lang]);

  async function save(values: Values) {
    setFormError(null);
    const input = itemInput(values, currencies, lang);
    try {
      const saved = item
        ? await update.mutateAsync({ id: item.id, ...input, reason: values.reason || null })
        : await create.mutateAsync({ ...input, ...itemStartInput(values, localToday()) });
      await acknowledgeAfterSave('item', saved.id, registry.warnings, registry.reason, message.error, lang);
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, [...Object.keys(input), 'reason', 'stage', 'stageDate'], setFormError);
    }
  }

  const onValuesChange = (changed: Partial<Values>, all: Values) => {
    if ('stage' in changed || 'stageDate' in changed) stageChosen.current = true;
    else if (!item && !stageChosen.current && ('approvalNumber' in changed || 'approvalDate' in changed))
      form.setFieldsValue(proposedStart(all, localToday()));
  };

  const onCurrency = (which: keyof ItemCurrencies, currency: string) =>
    setCurrencies((now) => ({ ...now, [which]: currency }));

  return (
    <Modal
      open={open}
      width={820}
      title={item ? t('items.editTitle') : t('items.createTitle')}
      onCancel={closeAsking}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'name')}
    >
      <Form
        form={form}
        layout="vertical"
        {...submit}
        onValuesChange={onValuesChange}
        name="item"
        data-testid="item-form"
      >
        {liveValues}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
        <ItemPartiesFields />
        <ItemTermsRows currencies={currencies} onCurrency={onCurrency} />
        <ItemApprovalRow />
        {!item && <ItemStageFields />}
        <Form.Item name="notes" label={t('items.notes')}>
          <Input.TextArea rows={2} />
        </Form.Item>
        {registry.alert}
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

/** The item's name, modality and sector, its donors, the body governing it, the owner of the aid and its places. */
function ItemPartiesFields() {
  const { t, i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  const donors = useLedger('donors.list', {});
  return (
    <>
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
              options={(donors.data ?? []).map((d) => ({ value: d.id, label: donorLabel(d) }))}
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
      <Form.Item name="placeIds" label={t('items.places')}>
        <ItemPlacesPicker />
      </Form.Item>
      <ItemTodayInFields />
    </>
  );
}

/** When the item runs, its value and its counterpart funds, each in its currency, and whether it is budget revenue. */
function ItemTermsRows({
  currencies,
  onCurrency,
}: {
  currencies: ItemCurrencies;
  onCurrency: (which: keyof ItemCurrencies, currency: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const moneyRule = (which: keyof ItemCurrencies) => ({
    validator: async (_: unknown, text?: string) => {
      const problem = itemMoneyProblem(text, currencies[which], lang, t);
      if (problem) throw new Error(problem);
    },
  });
  return (
    <>
      <Row gutter={12}>
        <Col span={6}>
          <OptionalDateField name="startDate" label={t('items.startDate')} />
        </Col>
        <Col span={6}>
          <OptionalDateField name="endDate" label={t('items.endDate')} />
        </Col>
        <Col span={8}>
          <Form.Item name="valueMinor" label={t('items.value')} rules={[moneyRule('value')]}>
            <MoneyInput currency={currencies.value} language={lang} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <CurrencyField name="valueCurrency" onChange={(c) => onCurrency('value', c)} />
        </Col>
      </Row>
      <Row gutter={12}>
        <Col span={8}>
          <Form.Item name="counterpartMinor" label={t('items.counterpart')} rules={[moneyRule('counterpart')]}>
            <MoneyInput currency={currencies.counterpart} language={lang} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <CurrencyField name="counterpartCurrency" onChange={(c) => onCurrency('counterpart', c)} />
        </Col>
        <Col span={12}>
          <Form.Item name="budgetRevenue" valuePropName="checked" label=" ">
            <Checkbox>{t('items.budgetRevenue')}</Checkbox>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** The approval decision: its number, its date and who approved it. */
function ItemApprovalRow() {
  const { t } = useTranslation();
  return (
    <Row gutter={12}>
      <Col span={8}>
        <Form.Item name="approvalNumber" label={t('items.approvalNumber')}>
          <Input />
        </Form.Item>
      </Col>
      <Col span={6}>
        <OptionalDateField name="approvalDate" label={t('items.approvalDate')} />
      </Col>
      <Col span={10}>
        <Form.Item name="approvedBy" label={t('items.approvedBy')}>
          <Input />
        </Form.Item>
      </Col>
    </Row>
  );
}

/** A date the item may leave empty, checked as it is typed and when the field is left. */
function OptionalDateField({ name, label }: { name: keyof Values; label: string }) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={label} rules={[dateRule(t, false)]} validateTrigger={['onBlur', 'onChange']}>
      <DateInput />
    </Form.Item>
  );
}

/** The currency of an amount; choosing one changes how its amount is read. */
function CurrencyField({
  name,
  onChange,
}: {
  name: 'valueCurrency' | 'counterpartCurrency';
  onChange: (currency: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <Form.Item name={name} label={t('items.currency')}>
      <Select
        showSearch={searchByLabel}
        onKeyDown={tabMovesOn}
        notFoundContent={t('common.noMatch')}
        options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
        onChange={onChange}
      />
    </Form.Item>
  );
}

/** A new item's first stage and its date. */
function ItemStageFields() {
  const { t, i18n } = useTranslation();
  const words = itemVocabulary(i18n.language);
  return (
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
  );
}
