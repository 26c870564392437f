/**
 * The pledge form's rules, apart from the dialog that shows them: the values as typed, what they come to (quantity ×
 * unit value, the VND equivalent), whether an amendment needs a reason, and what a save sends to the ledger.
 */
import {
  FIELDS_NEEDING_REASON,
  type MethodInput,
  type PledgeKind,
  type PledgeRow,
  type PledgeStatus,
  type RateProposal,
} from '../../../contract';
import { dayText } from '../../../contract/dates';
import { isCurrencyCode, multiplyQuantity, vndEquivalent } from '../../../contract/money';
import { parseQuantity, parseRateText, showQuantity, showRate } from '../format';
import type { TFunction } from 'i18next';
import { moneyProblem, moneyText, parseMoneyText, type MoneyParse } from '../money';
import { isoDay } from '../dates';
import { proposedRateText } from './amountRules';
import { matches } from './pickerOptions';

/** Units offered as suggestions in the unit field. */
export const PLEDGE_UNITS = ['căn', 'hộ', 'suất', 'học bổng', 'bộ', 'chiếc', 'tấn', 'dự án'];

/** The form's values: text as typed (dates dd/mm/yyyy, money and quantities in the user's style). */
export interface PledgeFormValues {
  pledgeDate?: string;
  donorId?: string;
  placeId?: string;
  /** "Nay thuộc": offered only for a former place become several units (see `PledgeTodayInRow`). */
  todayPlaceId?: string;
  kind?: PledgeKind;
  description?: string;
  quantity?: string;
  unit?: string;
  unitValueMinor?: string;
  amountMinor?: string;
  currency: string;
  rate?: string;
  rateSource?: string;
  status: PledgeStatus;
  beneficiaries?: string;
  approvalNumber?: string;
  approvalDate?: string;
  /** The aid item (khoản viện trợ) the line belongs to; empty for none. */
  itemId?: string;
  notes?: string;
  reason?: string;
}

/** A new pledge starts today, in VND, pledged; an existing one shows what it holds, written the user's way. */
export function initialPledgeValues(pledge: PledgeRow | undefined, language: string, today: string): PledgeFormValues {
  if (!pledge) return { pledgeDate: dayText(today), currency: 'VND', status: 'pledged' };
  return {
    pledgeDate: dayText(pledge.pledgeDate),
    donorId: pledge.donorId,
    placeId: pledge.placeId,
    ...(pledge.todayPlaceId ? { todayPlaceId: pledge.todayPlaceId } : {}),
    kind: pledge.kind,
    description: pledge.description,
    quantity: showQuantity(pledge.quantity, language),
    unit: pledge.unit ?? '',
    unitValueMinor: moneyText(pledge.unitValueMinor, pledge.currency, language),
    amountMinor: moneyText(pledge.amountMinor, pledge.currency, language),
    currency: pledge.currency,
    rate: pledge.currency === 'VND' ? '' : showRate(pledge.rate, language),
    rateSource: pledge.rateSource ?? '',
    status: pledge.status,
    beneficiaries: pledge.beneficiaries === null ? '' : String(pledge.beneficiaries),
    approvalNumber: pledge.approvalNumber ?? '',
    approvalDate: dayText(pledge.approvalDate),
    ...(pledge.itemId ? { itemId: pledge.itemId } : {}),
    notes: pledge.notes ?? '',
    reason: '',
  };
}

/** Quantity × unit value as typed, or null while either is missing or unreadable. */
export function productOf(
  quantityText: string | undefined,
  unitValueText: string | undefined,
  currency: string,
  language: string,
): number | null {
  const quantity = parseQuantity(quantityText ?? '', language);
  const unitValue = parseMoneyText(unitValueText, currency, language);
  if (!quantity || quantity === 'invalid' || !unitValue || !('minor' in unitValue)) return null;
  try {
    return multiplyQuantity(quantity, unitValue.minor);
  } catch {
    return null;
  }
}

/**
 * What is wrong with a money field as typed, in the user's language: unreadable, or (`required`: the amount) empty
 * while quantity × unit value cannot stand in for it.
 */
export function moneyFieldProblem(
  text: string | undefined,
  required: boolean,
  fieldValue: (name: 'currency' | 'quantity' | 'unitValueMinor') => string | undefined,
  language: string,
  t: TFunction,
): string | null {
  const currency = fieldValue('currency') ?? 'VND';
  const parsed = parseMoneyText(text, currency, language);
  if (parsed !== null) return moneyProblem(parsed, text ?? '', currency, language, t);
  const product = productOf(fieldValue('quantity'), fieldValue('unitValueMinor'), currency, language);
  return required && product === null ? t('common.required') : null;
}

/** The amount the pledge comes to: the one typed, or (left empty) quantity × unit value; null when unreadable. */
export function effectiveAmount(amount: MoneyParse, product: number | null): number | null {
  if (amount && 'minor' in amount) return amount.minor;
  return amount === null ? product : null;
}

/** The VND equivalent of an amount at a rate as typed ('1' for VND), or null while it cannot be computed. */
export function vndPreview(amount: number | null, currency: string, rate: string | null): number | null {
  if (amount === null || !rate || rate === 'invalid' || !isCurrencyCode(currency)) return null;
  try {
    return vndEquivalent(amount, currency, rate);
  } catch {
    return null;
  }
}

/** What the amount field says beneath it: the product it differs from, the product it will be, or how it is made. */
export type AmountHint = { kind: 'mismatch'; product: number } | { kind: 'product'; product: number } | { kind: 'how' };

export function amountHint(amount: MoneyParse, product: number | null): AmountHint {
  if (product !== null && amount && 'minor' in amount && amount.minor !== product) return { kind: 'mismatch', product };
  if (product !== null && amount === null) return { kind: 'product', product };
  return { kind: 'how' };
}

/**
 * What the rate field says beneath it: the rate the rates table proposes, or (`null`: the table has none for the day)
 * that the user must type one; nothing while the proposal is being read.
 */
export function rateHint(
  proposal: RateProposal | null | undefined,
  currency: string,
  lang: string,
  t: TFunction,
): string | undefined {
  if (proposal) return proposedRateText(proposal, lang, t);
  return proposal === null ? t('form.rateNone', { currency }) : undefined;
}

/** The message of a rate left empty: that the table has none for the day, or plainly that it is required. */
export function rateRequiredMessage(proposal: RateProposal | null | undefined, currency: string, t: TFunction): string {
  return proposal === null ? t('form.rateNone', { currency }) : t('common.required');
}

/** A field among those an amendment must explain, as the form would save it. */
function typedValue(
  field: (typeof FIELDS_NEEDING_REASON)[number],
  values: PledgeFormValues,
  pledge: PledgeRow,
  language: string,
): unknown {
  switch (field) {
    case 'amountMinor':
    case 'unitValueMinor': {
      const parsed = parseMoneyText(values[field], values.currency, language);
      if (parsed && 'minor' in parsed) return parsed.minor;
      if (parsed !== null) return 'invalid';
      return field === 'amountMinor' ? pledge.amountMinor : null;
    }
    case 'quantity':
      return parseQuantity(values.quantity ?? '', language);
    case 'rate':
      return values.currency === 'VND' ? pledge.rate : parseRateText(values.rate ?? '', language);
    default:
      return values[field] ?? null;
  }
}

/** Whether the form changes a field of the pledge that an amendment must explain (see FIELDS_NEEDING_REASON). */
export function needsReason(pledge: PledgeRow | undefined, values: PledgeFormValues, language: string): boolean {
  if (!pledge) return false;
  return FIELDS_NEEDING_REASON.some(
    (field) => typedValue(field, values, pledge, language) !== (pledge[field as keyof PledgeRow] ?? null),
  );
}

/** What is wrong with the reason as typed: left empty while the amendment changes a field that needs one. */
export function reasonProblem(
  text: string | undefined,
  pledge: PledgeRow,
  values: PledgeFormValues,
  language: string,
  t: TFunction,
): string | null {
  return !text?.trim() && needsReason(pledge, values, language) ? t('form.reasonRequired') : null;
}

/**
 * What a save sends: the values read exactly (text the ledger then refuses, naming the field, where unreadable). The
 * rate is sent for a new pledge, or when it was typed or the currency changed; otherwise the pledge keeps its own.
 */
export function pledgeInput(
  values: PledgeFormValues,
  pledge: PledgeRow | undefined,
  rateEdited: boolean,
  language: string,
): MethodInput<'pledges.create'> {
  const minor = (text: string | undefined) => {
    const parsed = parseMoneyText(text, values.currency, language);
    return parsed && 'minor' in parsed ? parsed.minor : null;
  };
  const quantity = parseQuantity(values.quantity ?? '', language);
  const needsRate = values.currency !== 'VND' && isCurrencyCode(values.currency);
  const typedRate = needsRate ? parseRateText(values.rate ?? '', language) : null;
  const currencyChanged = pledge ? pledge.currency !== values.currency : true;
  const sendRate = needsRate && (!pledge || rateEdited || currencyChanged);
  return {
    pledgeDate: isoDay(values.pledgeDate)!,
    donorId: values.donorId!,
    placeId: values.placeId!,
    todayPlaceId: values.todayPlaceId || null,
    kind: values.kind!,
    description: values.description ?? '',
    quantity: quantity === 'invalid' ? (values.quantity ?? null) : quantity,
    unit: values.unit || null,
    unitValueMinor: minor(values.unitValueMinor),
    amountMinor: minor(values.amountMinor),
    currency: values.currency,
    ...(sendRate
      ? { rate: typedRate === 'invalid' ? values.rate : typedRate, rateSource: values.rateSource || null }
      : {}),
    status: values.status,
    beneficiaries: values.beneficiaries ? Number(values.beneficiaries) : null,
    approvalNumber: values.approvalNumber || null,
    approvalDate: isoDay(values.approvalDate),
    itemId: values.itemId || null,
    notes: values.notes || null,
  };
}

/** An aid item as the pledge form offers it. */
export interface AidItemChoice {
  id: string;
  name: string;
  approvalNumber: string | null;
  donorId: string;
  donorName: string;
  coDonorIds: string[];
}

/** An aid item option: its label, and what it is found by (its name, decision number and donor). */
export interface AidItemOption {
  value: string;
  label: string;
  item: AidItemChoice;
}

/** Whether what was typed finds the item, accents and case aside: in its name, its decision's number or its donor. */
export function aidItemMatches(item: AidItemChoice, typed: string): boolean {
  return matches(typed, item.name, item.approvalNumber, item.donorName);
}

/**
 * The aid items the pledge form offers: those of the pledge's donor (its own or co-funded) first, under their heading,
 * then every other donor's; a list without headings while no donor is chosen or one part is empty.
 */
export function aidItemOptions(
  items: AidItemChoice[],
  donorId: string | undefined,
  label: (item: AidItemChoice) => string,
  headings: { own: string; others: string },
): (AidItemOption | { label: string; options: AidItemOption[] })[] {
  const option = (item: AidItemChoice): AidItemOption => ({ value: item.id, label: label(item), item });
  const own = items.filter((i) => donorId !== undefined && (i.donorId === donorId || i.coDonorIds.includes(donorId)));
  const others = items.filter((i) => !own.includes(i));
  if (!own.length || !others.length) return [...own, ...others].map(option);
  return [
    { label: headings.own, options: own.map(option) },
    { label: headings.others, options: others.map(option) },
  ];
}
