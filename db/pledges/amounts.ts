/**
 * The rules a pledge's figures keep: quantity × unit value equal to the amount, a VND equivalent the ledger can hold,
 * never less than what was delivered, a status following the deliveries, and a reason for changing what needs one.
 */
import { FIELDS_NEEDING_REASON, type FieldChange, type Pledge } from '../../contract';
import { fieldLabel } from '../../contract/validation';
import {
  amountLimitReason,
  AmountRangeError,
  formatAmount,
  MAX_AMOUNT_MINOR,
  multiplyQuantity,
  proportionalAmount,
  vndEquivalent,
  subtractQuantities,
  quantityToMilli,
} from '../../contract/money';
import { invalid } from '../core/errors';

export type PledgeDraft = Omit<Pledge, 'id' | 'createdAt' | 'updatedAt' | 'vndEquivalent' | 'amountMinor'> & {
  amountMinor: number | null;
};

/**
 * What a pledge's deliveries add up to (`deliveredSoFar`): the amounts given, every quantity, and the quantity of
 * those delivered without an amount (valued by `deliveredValue`).
 */
export interface Delivered {
  amountMinor: number;
  quantity: string;
  quantityOnly: string;
  count: number;
}

type Valued = { quantity: string | null; amountMinor: number; unitValueMinor: number | null };

/**
 * The value of part of a pledge's quantity in minor units of its currency: quantity × unit value when the pledge has
 * one, else its share of the amount (amount × quantity ÷ pledged quantity), rounded half up, in integers.
 */
export function valueOfQuantity(pledge: Valued, quantity: string): number {
  if (quantity === '0') return 0;
  if (pledge.unitValueMinor !== null) return multiplyQuantity(quantity, pledge.unitValueMinor);
  if (pledge.quantity === null) throw new Error('a quantity valued against a pledge without one');
  return proportionalAmount(quantity, pledge.quantity, pledge.amountMinor);
}

/**
 * What the deliveries are worth in the pledge's currency: the amounts given, plus the quantity delivered without an
 * amount at its value. One rule for what remains, the detail, the ledger's rows and the status.
 */
export function deliveredValue(pledge: Valued, delivered: Pick<Delivered, 'amountMinor' | 'quantityOnly'>): number {
  return delivered.amountMinor + valueOfQuantity(pledge, delivered.quantityOnly);
}

/** Amount from quantity × unit value when not given; a given amount must equal that product exactly. */
export function settleAmount(draft: PledgeDraft): number {
  const { quantity, unitValueMinor, amountMinor, currency } = draft;
  if (quantity !== null && unitValueMinor !== null) {
    let product: number;
    try {
      product = multiplyQuantity(quantity, unitValueMinor);
    } catch (error) {
      // Beyond what a number holds exactly: far past any amount the ledger accepts.
      if (!(error instanceof AmountRangeError)) throw error;
      const reason = amountLimitReason(currency);
      throw invalid(
        'quantity',
        { vi: `Số lượng × Đơn giá ${reason.vi}`, en: `quantity × unit value ${reason.en}` },
        'too_large',
      );
    }
    // Rounded to the minor unit, a product of some quantity and some value must not come to nothing (0,001 × 1 đồng).
    if (product === 0 && unitValueMinor > 0 && quantityToMilli(quantity) > 0) {
      throw invalid('quantity', {
        vi: `Số lượng × Đơn giá = ${quantity.replace('.', ',')} × ${formatAmount(unitValueMinor, currency, 'vi')} ${currency} làm tròn thành 0 ${currency}`,
        en: `quantity × unit value = ${quantity} × ${formatAmount(unitValueMinor, currency, 'en')} ${currency} rounds to 0 ${currency}`,
      });
    }
    if (amountMinor === null) {
      if (product > MAX_AMOUNT_MINOR) throw invalid('amountMinor', amountLimitReason(currency), 'too_large');
      return product;
    }
    if (product !== amountMinor) {
      const q = quantity.replace('.', ',');
      throw invalid(
        'amountMinor',
        {
          vi: `${formatAmount(amountMinor, currency, 'vi')} ${currency} khác Số lượng × Đơn giá = ${q} × ${formatAmount(unitValueMinor, currency, 'vi')} = ${formatAmount(product, currency, 'vi')} ${currency}`,
          en: `${formatAmount(amountMinor, currency, 'en')} ${currency} differs from quantity × unit value = ${quantity} × ${formatAmount(unitValueMinor, currency, 'en')} = ${formatAmount(product, currency, 'en')} ${currency}`,
        },
        'amount_mismatch',
      );
    }
  }
  if (amountMinor === null) {
    throw invalid('amountMinor', {
      vi: 'bắt buộc phải nhập (hoặc nhập Số lượng và Đơn giá)',
      en: 'is required (or give quantity and unit value)',
    });
  }
  return amountMinor;
}

export function computeVnd(amountMinor: number, currency: string, rate: string): number {
  let vnd: number;
  try {
    vnd = vndEquivalent(amountMinor, currency, rate);
  } catch (error) {
    if (!(error instanceof AmountRangeError)) throw error;
    vnd = Infinity;
  }
  if (vnd > MAX_AMOUNT_MINOR) {
    const reason = amountLimitReason('VND');
    throw invalid(
      'amountMinor',
      { vi: `giá trị quy đổi ra VND ${reason.vi}`, en: `the VND equivalent ${reason.en}` },
      'too_large',
    );
  }
  // Some money is worth some đồng: an amount whose VND equivalent rounds to nothing is refused, not counted as 0.
  if (vnd === 0 && amountMinor > 0) {
    throw invalid('amountMinor', {
      vi: `${formatAmount(amountMinor, currency, 'vi')} ${currency} theo tỷ giá ${rate.replace('.', ',')} quy đổi ra VND làm tròn thành 0 đồng`,
      en: `${formatAmount(amountMinor, currency, 'en')} ${currency} at the rate ${rate} comes to 0 đồng once rounded`,
    });
  }
  return vnd;
}

/**
 * A pledge changed once deliveries are recorded keeps its currency, and neither its amount nor its quantity goes
 * below what was delivered.
 */
export function checkNotBelowDelivered(
  before: Pledge,
  draft: PledgeDraft,
  amountMinor: number,
  delivered: Delivered,
): void {
  const { currency } = draft;
  if (delivered.count > 0 && currency !== before.currency) {
    throw invalid('currency', {
      vi: `không đổi được vì đã có ${delivered.count} lần giao/giải ngân bằng ${before.currency}`,
      en: `cannot change: ${delivered.count} deliveries are recorded in ${before.currency}`,
    });
  }
  if (draft.quantity === null && delivered.quantityOnly !== '0') {
    throw invalid('quantity', {
      vi: `không bỏ được vì đã giao ${delivered.quantityOnly} theo số lượng`,
      en: `cannot be removed: ${delivered.quantityOnly} was delivered by quantity`,
    });
  }
  const value = deliveredValue({ ...draft, amountMinor }, delivered);
  if (amountMinor < value) {
    throw invalid(
      'amountMinor',
      {
        vi: `không được nhỏ hơn số đã giao/giải ngân (${formatAmount(value, currency, 'vi')} ${currency})`,
        en: `cannot be less than what was already delivered (${formatAmount(value, currency, 'en')} ${currency})`,
      },
      'over_delivered',
    );
  }
  if (
    draft.quantity !== null &&
    delivered.quantity !== '0' &&
    subtractQuantities(draft.quantity, delivered.quantity).startsWith('-')
  ) {
    throw invalid(
      'quantity',
      {
        vi: `không được nhỏ hơn số lượng đã giao (${delivered.quantity})`,
        en: `cannot be less than the quantity delivered (${delivered.quantity})`,
      },
      'over_delivered',
    );
  }
}

/**
 * The status the deliveries give a pledge (see `statusFollowsDeliveries`): none yet → pledged; some → in progress;
 * the whole amount (or the whole quantity) → completed.
 */
export function statusFromDeliveries(
  pledge: Pick<Pledge, 'amountMinor' | 'quantity' | 'unitValueMinor'>,
  delivered: Delivered,
): 'pledged' | 'in_progress' | 'completed' {
  const wholeAmount = deliveredValue(pledge, delivered) >= pledge.amountMinor;
  const wholeQuantity =
    pledge.quantity !== null &&
    pledge.quantity !== '0' &&
    !subtractQuantities(delivered.quantity, pledge.quantity).startsWith('-');
  return delivered.count === 0 ? 'pledged' : wholeAmount || wholeQuantity ? 'completed' : 'in_progress';
}

/** Changing a field of `FIELDS_NEEDING_REASON` needs a reason, kept in the pledge's history. */
export function checkReasonGiven(changes: FieldChange[], reason: string | null | undefined): void {
  if (!reason?.trim() && changes.some((c) => (FIELDS_NEEDING_REASON as readonly string[]).includes(c.field))) {
    const named = changes
      .filter((c) => (FIELDS_NEEDING_REASON as readonly string[]).includes(c.field))
      .map((c) => fieldLabel(c.field));
    throw invalid('reason', {
      vi: `cần ghi lý do khi đổi ${named.map((l) => l.vi).join(', ')}`,
      en: `give the reason for changing ${named.map((l) => l.en).join(', ')}`,
    });
  }
}
