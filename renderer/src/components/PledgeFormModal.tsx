/**
 * The pledge form: keyboard-first (Tab between fields, Enter saves, Esc cancels), money typed the Vietnamese way,
 * the rate proposed from the rates table for the pledge date, and errors shown on the field at fault.
 */
import { Alert, App as AntApp, Col, Form, Input, Modal, Row, Select } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FIELDS_NEEDING_REASON, PLEDGE_KINDS, PLEDGE_STATUSES, type PledgeRow } from '../../../contract';
import { CURRENCY_CODES, isCurrencyCode } from '../../../contract/money';
import { money, parseQuantity, parseRateText, showDate, showRate } from '../format';
import { vocabulary } from '../i18n';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { useProposedRate } from './useProposedRate';
import { DonorFormModal } from './DonorFormModal';
import { dateRule, DateInput, isoDay } from './DateInput';
import { localToday } from '../dates';
import { DIALOG_LAYOUT } from './dialog';
import { parseMoneyText } from '../money';
import { MoneyInput } from './MoneyInput';
import { DonorPicker, PlacePicker, searchByLabel, tabMovesOn, usePlaces } from './pickers';
import { focusFirstField } from './focus';
import { useLiveValues } from './liveValues';
import { useFormSubmit } from './formSubmit';
import {
  amountHint,
  effectiveAmount,
  initialPledgeValues,
  moneyFieldProblem,
  needsReason,
  PLEDGE_UNITS,
  type PledgeFormValues as Values,
  pledgeInput,
  productOf,
  vndPreview as vndPreviewOf,
} from './pledgeForm';

interface Props {
  open: boolean;
  pledge?: PledgeRow | undefined;
  onClose: () => void;
  onSaved?: (pledge: PledgeRow) => void;
}

export function PledgeFormModal({ open: wanted, pledge, onClose, onSaved }: Props) {
  // The dialog opens once its pickers have their lists: a donor typed at once (Alt+N as the app starts) found an
  // empty list, "no match", and Tab took nothing.
  const donorList = useLedger('donors.list', {});
  const placeList = usePlaces();
  const open = wanted && !donorList.isPending && !placeList.isPending;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = vocabulary(lang);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const submit = useFormSubmit(form, save);
  const create = useLedgerMutation('pledges.create');
  const update = useLedgerMutation('pledges.update');
  const [rateEdited, setRateEdited] = useState(false);
  const [donorModal, setDonorModal] = useState<{ name: string } | null>(null);
  const [formError, setFormError] = useState<string | null>(null);

  const [live, liveValues] = useLiveValues(form, [
    'currency',
    'pledgeDate',
    'quantity',
    'unitValueMinor',
    'amountMinor',
    'rate',
  ] as const);
  const currency = live.currency ?? 'VND';
  const pledgeDate = isoDay(live.pledgeDate) ?? undefined;
  const quantityText = live.quantity;
  const unitValueText = live.unitValueMinor;
  const amountText = live.amountMinor;
  const rateText = live.rate;

  // Filled when the dialog opens (or turns to another pledge), not when the pledge is read again while it is open:
  // a refresh of the ledger must never wipe what the user is typing.
  const pledgeNow = useRef(pledge);
  pledgeNow.current = pledge;
  const pledgeId = pledge?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled again when another record is opened (read from the ref)
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialPledgeValues(pledgeNow.current, lang, localToday()));
    setRateEdited(Boolean(pledgeNow.current));
    setFormError(null);
  }, [open, pledgeId, form, lang]);

  const needsRate = currency !== 'VND' && isCurrencyCode(currency);
  const proposal = useProposedRate(form as never, { open, currency, date: pledgeDate, needsRate, rateEdited, lang });

  const amount = parseMoneyText(amountText, currency, lang);
  const product = useMemo(
    () => productOf(quantityText, unitValueText, currency, lang),
    [quantityText, unitValueText, currency, lang],
  );
  const rate = needsRate ? parseRateText(rateText ?? '', lang) : '1';
  const vndPreview = vndPreviewOf(effectiveAmount(amount, product), currency, rate);
  const hint = amountHint(amount, product);

  // Rules read the form's values when they run, not the values of the last render: Enter pressed right after a key
  // (before the form has drawn again) is checked against what was typed.
  const moneyRule =
    (required: boolean) =>
    ({ getFieldValue }: { getFieldValue: (name: keyof Values) => string | undefined }) => ({
      validator: async (_: unknown, text: string | undefined) => {
        const problem = moneyFieldProblem(text, required, getFieldValue, lang, t);
        if (problem) throw new Error(problem);
      },
    });

  async function save(values: Values) {
    setFormError(null);
    const input = pledgeInput(values, pledge, rateEdited, lang);
    try {
      const saved = pledge
        ? await update.mutateAsync({ id: pledge.id, ...input, reason: values.reason || null })
        : await create.mutateAsync(input);
      message.success(pledge ? t('form.savedEdit') : t('form.savedNew'));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, Object.keys(input), setFormError);
    }
  }

  const kindOptions = PLEDGE_KINDS.map((k) => ({ value: k, label: words.pledgeKind[k] }));
  const quantityRule = {
    validator: async (_: unknown, text?: string) => {
      if (parseQuantity(text ?? '', lang) === 'invalid')
        throw new Error(t('form.quantityInvalid', { text: text?.trim() }));
    },
  };
  const statusOptions = PLEDGE_STATUSES.map((s) => ({ value: s, label: words.pledgeStatus[s] }));

  return (
    <>
      <Modal
        open={open}
        title={pledge ? t('form.editTitle') : t('form.createTitle')}
        onCancel={onClose}
        onOk={() => form.submit()}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={create.isPending || update.isPending}
        width={920}
        destroyOnHidden
        {...DIALOG_LAYOUT}
        // The dialog takes focus when it opens; hand it to the first field so typing can start at once.
        afterOpenChange={focusFirstField(form, 'pledgeDate')}
      >
        <Form form={form} layout="vertical" {...submit} name="pledge" scrollToFirstError requiredMark>
          {liveValues}
          {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item
                name="pledgeDate"
                label={t('form.pledgeDate')}
                required
                rules={[dateRule(t, true)]}
                validateTrigger={['onBlur', 'onChange']}
              >
                <DateInput autoFocus />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item
                name="donorId"
                label={t('form.donor')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <DonorPicker onCreate={(name) => setDonorModal({ name })} />
              </Form.Item>
            </Col>
            <Col span={8}>
              <Form.Item
                name="placeId"
                label={t('form.place')}
                rules={[{ required: true, message: t('common.required') }]}
              >
                <PlacePicker {...(pledgeDate ? { onDate: pledgeDate } : {})} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="kind" label={t('form.kind')} rules={[{ required: true, message: t('common.required') }]}>
                <Select
                  options={kindOptions}
                  showSearch={searchByLabel}
                  onKeyDown={tabMovesOn}
                  notFoundContent={t('common.noMatch')}
                />
              </Form.Item>
            </Col>
            <Col span={18}>
              <Form.Item
                name="description"
                label={t('form.description')}
                rules={[{ required: true, whitespace: true, message: t('common.required') }]}
              >
                <Input />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={12}>
            <Col span={4}>
              <Form.Item name="quantity" label={t('form.quantity')} rules={[quantityRule]}>
                <Input inputMode="decimal" />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="unit" label={t('form.unit')}>
                {/* A plain field with suggestions: Tab always moves on, as in every other field. */}
                <Input list="pledge-units" />
              </Form.Item>
            </Col>
            <Col span={5}>
              <Form.Item name="unitValueMinor" label={t('form.unitValue')} rules={[moneyRule(false)]}>
                <MoneyInput currency={currency} language={lang} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item
                name="amountMinor"
                label={t('form.amount')}
                dependencies={['quantity', 'unitValueMinor', 'currency']}
                rules={[moneyRule(true)]}
                extra={
                  hint.kind === 'mismatch' ? (
                    <span className="warning-text">
                      {t('form.productMismatch', { product: money(hint.product, currency, lang) })}
                    </span>
                  ) : hint.kind === 'product' ? (
                    `= ${money(hint.product, currency, lang)}`
                  ) : (
                    t('form.amountComputed')
                  )
                }
              >
                <MoneyInput currency={currency} language={lang} />
              </Form.Item>
            </Col>
            <Col span={4}>
              <Form.Item name="currency" label={t('form.currency')} rules={[{ required: true }]}>
                <Select
                  showSearch={searchByLabel}
                  onKeyDown={tabMovesOn}
                  notFoundContent={t('common.noMatch')}
                  options={CURRENCY_CODES.map((c) => ({ value: c, label: c }))}
                  onChange={() => setRateEdited(false)}
                />
              </Form.Item>
            </Col>
          </Row>
          {needsRate && (
            <Row gutter={12}>
              <Col span={8}>
                <Form.Item
                  name="rate"
                  label={t('form.rate', { currency })}
                  rules={[
                    {
                      required: true,
                      message: proposal.data === null ? t('form.rateNone', { currency }) : t('common.required'),
                    },
                    {
                      validator: async (_, text?: string) => {
                        if (parseRateText(text ?? '', lang) === 'invalid')
                          throw new Error(t('form.rateInvalid', { text: text?.trim() }));
                      },
                    },
                  ]}
                  extra={
                    proposal.data
                      ? t('form.rateProposed', {
                          rate: showRate(proposal.data.rate, lang),
                          source: proposal.data.source,
                          validOn: showDate(proposal.data.validOn),
                        })
                      : proposal.data === null
                        ? t('form.rateNone', { currency })
                        : undefined
                  }
                >
                  <Input inputMode="decimal" onChange={() => setRateEdited(true)} />
                </Form.Item>
              </Col>
              <Col span={10}>
                <Form.Item name="rateSource" label={t('form.rateSource')}>
                  <Input onChange={() => setRateEdited(true)} />
                </Form.Item>
              </Col>
              <Col span={6}>
                <div className="vnd-preview" data-testid="vnd-preview">
                  {vndPreview !== null ? t('form.vndEquivalent', { vnd: money(vndPreview, 'VND', lang) }) : ''}
                </div>
              </Col>
            </Row>
          )}
          <Row gutter={12}>
            <Col span={6}>
              <Form.Item name="status" label={t('form.status')} rules={[{ required: true }]}>
                <Select
                  options={statusOptions}
                  showSearch={searchByLabel}
                  onKeyDown={tabMovesOn}
                  notFoundContent={t('common.noMatch')}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="beneficiaries"
                label={t('form.beneficiaries')}
                rules={[{ pattern: /^\d{0,9}$/, message: t('form.badNumber') }]}
              >
                <Input inputMode="numeric" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="approvalNumber" label={t('form.approvalNumber')}>
                <Input />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item
                name="approvalDate"
                label={t('form.approvalDate')}
                rules={[dateRule(t, false)]}
                validateTrigger={['onBlur', 'onChange']}
              >
                <DateInput />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item name="notes" label={t('form.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {pledge && (
            <Form.Item
              name="reason"
              label={t('form.reason')}
              dependencies={[...FIELDS_NEEDING_REASON]}
              rules={[
                {
                  validator: async (_, text?: string) => {
                    if (!text?.trim() && needsReason(pledge, form.getFieldsValue(true) as Values, lang))
                      throw new Error(t('form.reasonRequired'));
                  },
                },
              ]}
            >
              <Input placeholder={t('form.reasonPlaceholder')} />
            </Form.Item>
          )}
          <datalist id="pledge-units">
            {PLEDGE_UNITS.map((u) => (
              <option key={u} value={u} />
            ))}
          </datalist>
          <p className="muted">{t('form.keyboardHint')}</p>
          {/* Enter in any field submits through this button. */}
          <button type="submit" hidden />
        </Form>
      </Modal>
      <DonorFormModal
        open={donorModal !== null}
        initialName={donorModal?.name ?? ''}
        onClose={() => setDonorModal(null)}
        onSaved={(donor) => form.setFieldsValue({ donorId: donor.id })}
      />
    </>
  );
}
