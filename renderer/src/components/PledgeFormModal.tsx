/**
 * The pledge form: keyboard-first (Tab between fields, Enter saves, Esc cancels), money typed the Vietnamese way,
 * the rate proposed from the rates table for the pledge date, and errors shown on the field at fault.
 */
import { Alert, App as AntApp, Form, type FormInstance, Input, Modal } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeRow } from '../../../contract';
import { isCurrencyCode } from '../../../contract/money';
import { parseRateText } from '../format';
import { showSaveError, useLedger, useLedgerMutation } from '../queries';
import { useProposedRate } from './useProposedRate';
import { DonorFormModal } from './DonorFormModal';
import { isoDay } from './DateInput';
import { localToday } from '../dates';
import { DIALOG_LAYOUT, useCloseAsking } from './dialog';
import { parseMoneyText } from '../money';
import { usePlaces } from './pickers';
import { focusFirstField } from './focus';
import { useLiveValues } from './liveValues';
import { checkInputs } from './ngoFacts';
import { acknowledgeAfterSave, useFormWarning } from './NgoWarnings';
import { useFormSubmit } from './formSubmit';
import {
  PledgeAmountRow,
  PledgeRateRow,
  PledgeStatusRow,
  PledgeTodayInRow,
  PledgeWhoRows,
  ReasonField,
} from './PledgeFormFields';
import {
  amountHint,
  effectiveAmount,
  initialPledgeValues,
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
  const listsReady = usePickerLists();
  const open = wanted && listsReady;
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Values>();
  const closeAsking = useCloseAsking(form, onClose);
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
    'placeId',
    'donorId',
    'itemId',
  ] as const);
  const currency = live.currency ?? 'VND';
  const pledgeDate = isoDay(live.pledgeDate) ?? undefined;

  useFillOnOpen(open, pledge, form, lang, (opened) => {
    setRateEdited(Boolean(opened));
    setFormError(null);
    registry.setReason('');
  });

  const needsRate = currency !== 'VND' && isCurrencyCode(currency);
  const proposal = useProposedRate(form as never, { open, currency, date: pledgeDate, needsRate, rateEdited, lang });

  const { vndPreview, hint } = usePledgeFigures(live, currency, needsRate, lang);
  // The registry's check of the donor's certificate on the pledge's day, at its place, in its item's sector.
  const itemSector = useLedger('items.get', { id: live.itemId ?? '' }, { enabled: Boolean(live.itemId) }).data?.item
    .sector;
  const registry = useFormWarning(
    checkInputs(live.donorId, live.pledgeDate, [live.placeId], live.itemId ? itemSector : undefined),
  );

  async function save(values: Values) {
    setFormError(null);
    const input = pledgeInput(values, pledge, rateEdited, lang);
    try {
      const saved = pledge
        ? await update.mutateAsync({ id: pledge.id, ...input, reason: values.reason || null })
        : await create.mutateAsync(input);
      await acknowledgeAfterSave('pledge', saved.id, registry.warnings, registry.reason, message.error, lang);
      message.success(pledge ? t('form.savedEdit') : t('form.savedNew'));
      onSaved?.(saved);
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, Object.keys(input), setFormError);
    }
  }

  return (
    <>
      <Modal
        open={open}
        title={pledge ? t('form.editTitle') : t('form.createTitle')}
        onCancel={closeAsking}
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
          <PledgeWhoRows pledgeDate={pledgeDate} onCreateDonor={(name) => setDonorModal({ name })} />
          <PledgeAmountRow currency={currency} hint={hint} onCurrencyChange={() => setRateEdited(false)} />
          {needsRate && (
            <PledgeRateRow
              currency={currency}
              proposal={proposal.data}
              vndPreview={vndPreview}
              onEdited={() => setRateEdited(true)}
            />
          )}
          <PledgeStatusRow />
          {/* After the fields every pledge has: a field shown for some places only moves no key typed before it. */}
          <PledgeTodayInRow placeId={live.placeId} />
          <Form.Item name="notes" label={t('form.notes')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {registry.alert}
          {pledge && <ReasonField pledge={pledge} form={form} />}
          <UnitSuggestions />
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

/**
 * Whether the pickers have their lists. The dialog opens once they do: a donor typed at once (Alt+N as the app
 * starts) found an empty list, "no match", and Tab took nothing.
 */
function usePickerLists(): boolean {
  const donorList = useLedger('donors.list', {});
  const placeList = usePlaces();
  return !donorList.isPending && !placeList.isPending;
}

/**
 * Fills the form when the dialog opens (or turns to another pledge), not when the pledge is read again while it is
 * open: a refresh of the ledger must never wipe what the user is typing.
 */
function useFillOnOpen(
  open: boolean,
  pledge: PledgeRow | undefined,
  form: FormInstance<Values>,
  lang: string,
  onFilled: (pledge: PledgeRow | undefined) => void,
) {
  const pledgeNow = useRef(pledge);
  pledgeNow.current = pledge;
  const pledgeId = pledge?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled again when another record is opened (read from the ref)
  useEffect(() => {
    if (!open) return;
    form.resetFields();
    form.setFieldsValue(initialPledgeValues(pledgeNow.current, lang, localToday()));
    onFilled(pledgeNow.current);
  }, [open, pledgeId, form, lang]);
}

/** What the amount as typed comes to: the hint beneath it, and its VND equivalent at the rate as typed. */
function usePledgeFigures(
  live: Partial<Record<'quantity' | 'unitValueMinor' | 'amountMinor' | 'rate', string | undefined>>,
  currency: string,
  needsRate: boolean,
  lang: string,
) {
  const amount = parseMoneyText(live.amountMinor, currency, lang);
  const quantityText = live.quantity;
  const unitValueText = live.unitValueMinor;
  const product = useMemo(
    () => productOf(quantityText, unitValueText, currency, lang),
    [quantityText, unitValueText, currency, lang],
  );
  const rate = needsRate ? parseRateText(live.rate ?? '', lang) : '1';
  return {
    vndPreview: vndPreviewOf(effectiveAmount(amount, product), currency, rate),
    hint: amountHint(amount, product),
  };
}

/** The units offered in the unit field. */
function UnitSuggestions() {
  return (
    <datalist id="pledge-units">
      {PLEDGE_UNITS.map((u) => (
        <option key={u} value={u} />
      ))}
    </datalist>
  );
}
