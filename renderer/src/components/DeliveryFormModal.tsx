/** Record or edit a delivery (hand-over / disbursement) against a pledge, in the pledge's currency. */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, PledgeRow, RateProposal } from '../../../contract';
import { localToday } from '../dates';
import { showSaveError, useLedgerMutation } from '../queries';
import { proposedRateText, quantityProblem, withUnit } from './amountRules';
import { useProposedRate } from './useProposedRate';
import { dateRule, DateInput, isoDay } from './DateInput';
import { type DeliveryFormValues as Values, deliveryInput, initialDeliveryValues } from './deliveryForm';
import { DIALOG_LAYOUT, useCloseAsking } from './dialog';
import { moneyProblem, parseMoneyText } from '../money';
import { MoneyInput } from './MoneyInput';
import { focusFirstField } from './focus';
import { useLiveValues } from './liveValues';
import { useFormSubmit } from './formSubmit';

interface Props {
  open: boolean;
  pledge: PledgeRow;
  delivery?: Delivery | undefined;
  onClose: () => void;
}

export function DeliveryFormModal({ open, pledge, delivery, onClose }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [form] = Form.useForm<Values>();
  const closeAsking = useCloseAsking(form, onClose);
  const submit = useFormSubmit(form, save);
  const create = useLedgerMutation('deliveries.create');
  const update = useLedgerMutation('deliveries.update');
  const [formError, setFormError] = useState<string | null>(null);
  const [rateEdited, setRateEdited] = useState(false);
  const currency = pledge.currency;
  const needsRate = currency !== 'VND';
  const [live, liveValues] = useLiveValues(form, ['deliveryDate'] as const);
  const date = isoDay(live.deliveryDate) ?? undefined;
  const proposal = useProposedRate(form as never, { open, currency, date, needsRate, rateEdited, lang });

  // Filled when the dialog opens, not when the delivery is read again while it is open (see PledgeFormModal).
  const deliveryNow = useRef(delivery);
  deliveryNow.current = delivery;
  const deliveryId = delivery?.id;
  // biome-ignore lint/correctness/useExhaustiveDependencies: filled again when another record is opened (read from the ref)
  useEffect(() => {
    if (!open) return;
    const delivery = deliveryNow.current;
    form.resetFields();
    setFormError(null);
    setRateEdited(Boolean(delivery));
    form.setFieldsValue(initialDeliveryValues(delivery, currency, lang, localToday()));
  }, [open, deliveryId, form, currency, lang, needsRate]);

  async function save(values: Values) {
    setFormError(null);
    const input = deliveryInput(values, { currency, isNew: !delivery, rateEdited }, lang);
    try {
      if (delivery) await update.mutateAsync({ id: delivery.id, ...input });
      else await create.mutateAsync({ pledgeId: pledge.id, ...input });
      onClose();
    } catch (error) {
      showSaveError(form, error, lang, Object.keys(input), setFormError);
    }
  }

  return (
    <Modal
      open={open}
      title={delivery ? t('detail.editDelivery') : t('detail.addDelivery')}
      onCancel={closeAsking}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      {...DIALOG_LAYOUT}
      afterOpenChange={focusFirstField(form, 'deliveryDate')}
    >
      <Form form={form} layout="vertical" {...submit} name="delivery">
        {liveValues}
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item
          name="deliveryDate"
          label={t('detail.deliveryDateField')}
          required
          rules={[dateRule(t, true)]}
          validateTrigger={['onBlur', 'onChange']}
        >
          <DateInput autoFocus />
        </Form.Item>
        <DeliveryAmountFields currency={currency} pledge={pledge} />
        {needsRate && (
          <DeliveryRateFields currency={currency} proposal={proposal.data} onEdited={() => setRateEdited(true)} />
        )}
        <Form.Item name="notes" label={t('detail.notes')}>
          <Input />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}

/** The amount delivered in the pledge's currency, and (for a pledge counted in units) the quantity. */
function DeliveryAmountFields({ currency, pledge }: { currency: string; pledge: PledgeRow }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  return (
    <>
      <Form.Item
        name="amountMinor"
        label={t('form.amount')}
        rules={[
          {
            validator: async (_, text?: string) => {
              const problem = moneyProblem(parseMoneyText(text, currency, lang), text ?? '', currency, lang, t);
              if (problem) throw new Error(problem);
            },
          },
        ]}
      >
        <MoneyInput currency={currency} language={lang} />
      </Form.Item>
      {pledge.quantity !== null && (
        <Form.Item
          name="quantity"
          label={withUnit(t('form.quantity'), pledge.unit)}
          rules={[
            {
              validator: async (_, text?: string) => {
                const problem = quantityProblem(text, lang, t);
                if (problem) throw new Error(problem);
              },
            },
          ]}
        >
          <Input inputMode="decimal" />
        </Form.Item>
      )}
    </>
  );
}

/** The rate of a delivery in a foreign currency and its source, with the rate the rates table proposes. */
function DeliveryRateFields({
  currency,
  proposal,
  onEdited,
}: {
  currency: string;
  proposal: RateProposal | null | undefined;
  onEdited: () => void;
}) {
  const { t, i18n } = useTranslation();
  return (
    <>
      <Form.Item
        name="rate"
        label={t('form.rate', { currency })}
        rules={[{ required: true, message: t('form.rateNone', { currency }) }]}
        extra={proposal ? proposedRateText(proposal, i18n.language, t) : undefined}
      >
        <Input inputMode="decimal" onChange={onEdited} />
      </Form.Item>
      <Form.Item name="rateSource" label={t('form.rateSource')}>
        <Input onChange={onEdited} />
      </Form.Item>
    </>
  );
}
