/** A pledge's particulars as its detail reads them: amounts with their currency, quantities with their unit. */
import type { Delivery, PledgeDetail, PledgeRow } from '../../../contract';
import { money, showQuantity, showRate } from '../format';

/** An amount in its currency, the code after it: "10.000,00 USD". */
export function amountText(minor: number, currency: string, lang: string): string {
  return `${money(minor, currency, lang)} ${currency}`;
}

/** A quantity with its unit: "20 căn" (the unit left out when there is none). */
export function quantityText(quantity: string | null, unit: string | null, lang: string): string {
  return `${showQuantity(quantity, lang)} ${unit ?? ''}`;
}

/** The rate a foreign-currency pledge was converted at, and where it came from. */
export function rateText(pledge: PledgeRow, lang: string): string {
  return `${showRate(pledge.rate, lang)} ${pledge.rateSource ? `(${pledge.rateSource})` : ''}`;
}

/** What remains of a pledge's quantity, after its amount: " · 5 căn"; nothing when the pledge counts no quantity. */
export function remainingQuantityText(detail: PledgeDetail, lang: string): string {
  const { remaining, pledge } = detail;
  return remaining.quantity === null ? '' : ` · ${quantityText(remaining.quantity, pledge.unit, lang)}`;
}

/** A delivery's amount in its currency; nothing for a delivery of goods counted by quantity alone. */
export function deliveryAmountText(delivery: Delivery, lang: string): string {
  return delivery.amountMinor === null ? '' : amountText(delivery.amountMinor, delivery.currency, lang);
}

/** A cancelled pledge takes no more deliveries. */
export function takesDeliveries(pledge: PledgeRow): boolean {
  return pledge.status !== 'cancelled';
}

/** The value of one unit in the pledge's currency, per its unit: "5.000.000 VND / căn"; "—" when none is stated. */
export function unitValueText(pledge: PledgeRow, lang: string): string {
  if (pledge.unitValueMinor === null) return '—';
  return `${amountText(pledge.unitValueMinor, pledge.currency, lang)}${pledge.unit ? ` / ${pledge.unit}` : ''}`;
}

/** How many people the pledge benefits, grouped the user's way; "—" when not said. */
export function beneficiariesText(count: number | null, lang: string): string {
  return count === null ? '—' : count.toLocaleString(lang === 'en' ? 'en-US' : 'vi-VN');
}

/** An aid item by its name and its approval decision's number (`decision` words it): "Nhà ở (QĐ 12/QĐ-UBND)". */
export function itemNameText(
  item: { name: string; approvalNumber: string | null },
  decision: (number: string) => string,
): string {
  return item.approvalNumber ? `${item.name} (${decision(item.approvalNumber)})` : item.name;
}
