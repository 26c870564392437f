/** Record or edit a delivery (hand-over / disbursement) against a pledge, in the pledge's currency. */
import { Alert, DatePicker, Form, Input, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Delivery, PledgeRow } from '../../../contract';
import { parseQuantity, parseRateText, showDate, showQuantity, showRate } from '../format';
import { showSaveError, useLedgerMutation } from '../queries';
import { useProposedRate } from './useProposedRate';
import { decimalsOf, MoneyInput, moneyText, parseMoneyText } from './MoneyInput';
import { DATE_FORMAT } from './PledgeFormModal';
import { focusFirstField } from './focus';
import { useFormSubmit } from './formSubmit';

interface Values {
  deliveryDate?: Dayjs;
  amountMinor?: string;
  quantity?: string;
  rate?: string;
  rateSource?: string;
  notes?: string;
}

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
  const submit = useFormSubmit(form, save);
  const create = useLedgerMutation('deliveries.create');
  const update = useLedgerMutation('deliveries.update');
  const [formError, setFormError] = useState<string | null>(null);
  const [rateEdited, setRateEdited] = useState(false);
  const currency = pledge.currency;
  const needsRate = currency !== 'VND';
  const date = Form.useWatch('deliveryDate', form)?.format('YYYY-MM-DD');
  const proposal = useProposedRate(form as never, { open, currency, date, needsRate, rateEdited, lang });

  // Filled when the dialog opens, not when the delivery is read again while it is open (see PledgeFormModal).
  const deliveryNow = useRef(delivery);
  deliveryNow.current = delivery;
  const deliveryId = delivery?.id;
  useEffect(() => {
    if (!open) return;
    const delivery = deliveryNow.current;
    form.resetFields();
    setFormError(null);
    setRateEdited(Boolean(delivery));
    form.setFieldsValue(
      delivery
        ? {
            deliveryDate: dayjs(delivery.deliveryDate),
            amountMinor: moneyText(delivery.amountMinor, currency, lang),
            quantity: showQuantity(delivery.quantity, lang),
            rate: needsRate ? showRate(delivery.rate, lang) : '',
            rateSource: delivery.rateSource ?? '',
            notes: delivery.notes ?? '',
          }
        : { deliveryDate: dayjs() },
    );
  }, [open, deliveryId, form, currency, lang, needsRate]);


  async function save(values: Values) {
    setFormError(null);
    const amount = parseMoneyText(values.amountMinor, currency, lang);
    const quantity = parseQuantity(values.quantity ?? '', lang);
    const rate = needsRate && rateEdited ? parseRateText(values.rate ?? '', lang) : null;
    const input = {
      deliveryDate: values.deliveryDate!.format('YYYY-MM-DD'),
      amountMinor: amount && 'minor' in amount ? amount.minor : null,
      quantity: quantity === 'invalid' ? (values.quantity ?? null) : quantity,
      ...(needsRate && (rateEdited || !delivery) ? { rate: rate === 'invalid' ? values.rate : (rate ?? (values.rate ? parseRateText(values.rate, lang) : null)), rateSource: values.rateSource || null } : {}),
      notes: values.notes || null,
    };
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
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={create.isPending || update.isPending}
      destroyOnHidden
      afterOpenChange={focusFirstField(form, 'deliveryDate')}

    >
      <Form form={form} layout="vertical" {...submit} name="delivery">
        {formError && <Alert type="error" showIcon title={formError} style={{ marginBottom: 12 }} role="alert" />}
        <Form.Item name="deliveryDate" label={t('detail.deliveryDate')} rules={[{ required: true, message: t('common.required') }]}>
          <DatePicker format={DATE_FORMAT} autoFocus allowClear={false} />
        </Form.Item>
        <Form.Item
          name="amountMinor"
          label={t('detail.amount')}
          rules={[
            {
              validator: async (_, text?: string) => {
                const parsed = parseMoneyText(text, currency, lang);
                if (parsed && 'error' in parsed) {
                  throw new Error(parsed.error === 'decimals' ? t('form.tooManyDecimals', { currency, digits: decimalsOf(currency) }) : t('form.badNumber'));
                }
              },
            },
          ]}
        >
          <MoneyInput currency={currency} language={lang} />
        </Form.Item>
        {pledge.quantity !== null && (
          <Form.Item name="quantity" label={`${t('detail.quantity')}${pledge.unit ? ` (${pledge.unit})` : ''}`}>
            <Input inputMode="decimal" />
          </Form.Item>
        )}
        {needsRate && (
          <>
            <Form.Item
              name="rate"
              label={t('form.rate', { currency })}
              rules={[{ required: true, message: t('form.rateNone', { currency }) }]}
              extra={proposal.data ? t('form.rateProposed', { rate: showRate(proposal.data.rate, lang), source: proposal.data.source, validOn: showDate(proposal.data.validOn) }) : undefined}
            >
              <Input inputMode="decimal" onChange={() => setRateEdited(true)} />
            </Form.Item>
            <Form.Item name="rateSource" label={t('form.rateSource')}>
              <Input onChange={() => setRateEdited(true)} />
            </Form.Item>
          </>
        )}
        <Form.Item name="notes" label={t('detail.notes')}>
          <Input />
        </Form.Item>
        <button type="submit" hidden />
      </Form>
    </Modal>
  );
}
