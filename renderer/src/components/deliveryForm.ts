/**
 * The delivery form's rules, apart from the dialog: the values as typed, and what a save sends — in the pledge's
 * currency, with a rate only where the pledge's currency is not VND.
 */
import type { Delivery } from '../../../contract';
import { dayText } from '../../../contract/dates';
import { isoDay } from '../dates';
import { parseQuantity, parseRateText, showQuantity, showRate } from '../format';
import { moneyText, parseMoneyText } from '../money';

export interface DeliveryFormValues {
  /** As typed: dd/mm/yyyy (see DateInput). */
  deliveryDate?: string;
  amountMinor?: string;
  quantity?: string;
  rate?: string;
  rateSource?: string;
  notes?: string;
}

/**
 * A new delivery starts today (`today`: YYYY-MM-DD); an existing one shows what it holds, written the user's way, in
 * the pledge's currency (`currency`).
 */
export function initialDeliveryValues(
  delivery: Delivery | undefined,
  currency: string,
  lang: string,
  today: string,
): DeliveryFormValues {
  if (!delivery) return { deliveryDate: dayText(today) };
  return {
    deliveryDate: dayText(delivery.deliveryDate),
    amountMinor: moneyText(delivery.amountMinor, currency, lang),
    quantity: showQuantity(delivery.quantity, lang),
    rate: currency !== 'VND' ? showRate(delivery.rate, lang) : '',
    rateSource: delivery.rateSource ?? '',
    notes: delivery.notes ?? '',
  };
}

/**
 * What a save sends: the values read exactly (text the ledger then refuses, naming the field, where unreadable). The
 * rate is sent for a new delivery or when it was typed; otherwise the delivery keeps its own.
 */
export function deliveryInput(
  values: DeliveryFormValues,
  options: { currency: string; isNew: boolean; rateEdited: boolean },
  lang: string,
) {
  const needsRate = options.currency !== 'VND';
  const amount = parseMoneyText(values.amountMinor, options.currency, lang);
  const quantity = parseQuantity(values.quantity ?? '', lang);
  const rate = needsRate && options.rateEdited ? parseRateText(values.rate ?? '', lang) : null;
  return {
    deliveryDate: isoDay(values.deliveryDate)!,
    amountMinor: amount && 'minor' in amount ? amount.minor : null,
    quantity: quantity === 'invalid' ? (values.quantity ?? null) : quantity,
    ...(needsRate && (options.rateEdited || options.isNew)
      ? {
          rate: rate === 'invalid' ? values.rate : (rate ?? (values.rate ? parseRateText(values.rate, lang) : null)),
          rateSource: values.rateSource || null,
        }
      : {}),
    notes: values.notes || null,
  };
}
