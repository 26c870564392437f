/**
 * Exact money. Amounts are integers of the currency's minor unit (ISO 4217 exponent);
 * rates are decimal strings (VND per one major unit). All arithmetic goes through BigInt,
 * so no value ever passes through floating point.
 */

/** ISO 4217 minor-unit exponents of the currencies the ledger accepts. */
export const CURRENCY_EXPONENTS = {
  VND: 0,
  USD: 2,
  EUR: 2,
  AUD: 2,
  JPY: 0,
  GBP: 2,
  CHF: 2,
  CAD: 2,
  NZD: 2,
  KRW: 0,
  CNY: 2,
  TWD: 2,
  HKD: 2,
  SGD: 2,
  THB: 2,
  MYR: 2,
  LAK: 2,
  KHR: 2,
  INR: 2,
  SEK: 2,
  NOK: 2,
  DKK: 2,
  KWD: 3,
} as const satisfies Record<string, number>;

export type CurrencyCode = keyof typeof CURRENCY_EXPONENTS;
export const CURRENCY_CODES = Object.keys(CURRENCY_EXPONENTS) as CurrencyCode[];

/**
 * Largest amount accepted, in minor units: 10^15 (a thousand million million đồng). JS numbers are exact integers up
 * to 2^53 (about 9 × 10^15): the limit leaves room for sums and products of amounts to be checked before they pass it.
 */
export const MAX_AMOUNT_MINOR = 1_000_000_000_000_000; // 10^15

export function isCurrencyCode(code: string): code is CurrencyCode {
  return Object.hasOwn(CURRENCY_EXPONENTS, code);
}

export function currencyExponent(code: string): number {
  if (!isCurrencyCode(code)) throw new RangeError(`Unknown currency ${code}`);
  return CURRENCY_EXPONENTS[code];
}

export type NumberStyle = 'vi' | 'en' | 'plain';

const SEPARATORS: Record<NumberStyle, { group: string | null; decimal: string }> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
  plain: { group: null, decimal: '.' },
};

export type DecimalParseFailure = 'empty' | 'not_a_number' | 'bad_grouping' | 'too_many_decimals' | 'negative';

export class DecimalParseError extends Error {
  constructor(
    readonly reason: DecimalParseFailure,
    readonly input: string,
  ) {
    super(`${reason}: ${JSON.stringify(input)}`);
  }
}

/**
 * Parses a non-negative decimal written in the given style into its digits and scale,
 * e.g. vi "1.234,57" -> { digits: 123457n, scale: 2 }. Grouping, when used, must be
 * in threes, so "1.5" in vi is rejected instead of being read as 15.
 */
export function parseDecimal(text: string, style: NumberStyle): { digits: bigint; scale: number } {
  const { group, decimal } = SEPARATORS[style];
  const trimmed = text.replace(/[\s\u00a0\u202f]/g, '');
  if (trimmed === '') throw new DecimalParseError('empty', text);
  // A minus sign as typed, or as word processors and spreadsheets write it (− U+2212, – U+2013).
  if (/^[-\u2212\u2013]/.test(trimmed)) throw new DecimalParseError('negative', text);
  const parts = trimmed.split(decimal);
  if (parts.length > 2) throw new DecimalParseError('not_a_number', text);
  const [intPart, fracPart = ''] = parts as [string, string?];
  if (parts.length === 2 && fracPart === '') throw new DecimalParseError('not_a_number', text);
  if (!/^\d*$/.test(fracPart)) throw new DecimalParseError('not_a_number', text);
  let intDigits = intPart;
  if (group !== null && intPart.includes(group)) {
    const groups = intPart.split(group);
    const [first, ...rest] = groups as [string, ...string[]];
    if (!/^\d{1,3}$/.test(first) || rest.some((g) => !/^\d{3}$/.test(g))) {
      throw new DecimalParseError('bad_grouping', text);
    }
    intDigits = groups.join('');
  }
  if (!/^\d*$/.test(intDigits) || (intDigits === '' && fracPart === '')) {
    throw new DecimalParseError('not_a_number', text);
  }
  return { digits: BigInt((intDigits || '0') + fracPart), scale: fracPart.length };
}

/** Decimal text -> integer minor units of the currency; more decimals than the currency has is an error. */
export function parseAmount(text: string, currency: string, style: NumberStyle): number {
  const exp = currencyExponent(currency);
  const { digits, scale } = parseDecimal(text, style);
  if (scale > exp) {
    // Trailing zeros beyond the exponent are harmless ("10.000,00" VND is 10000).
    const extra = scale - exp;
    const divisor = 10n ** BigInt(extra);
    if (digits % divisor !== 0n) throw new DecimalParseError('too_many_decimals', text);
    return toSafeNumber(digits / divisor, text);
  }
  return toSafeNumber(digits * 10n ** BigInt(exp - scale), text);
}

function toSafeNumber(value: bigint, text: string): number {
  if (value > BigInt(MAX_AMOUNT_MINOR)) throw new DecimalParseError('not_a_number', text);
  return Number(value);
}

/** Why an amount over `MAX_AMOUNT_MINOR` is refused, naming the limit in the currency ("1.000.000.000.000.000 VND"). */
export function amountLimitReason(currency: string): { vi: string; en: string } {
  return {
    vi: `quá lớn: tối đa ${formatAmount(MAX_AMOUNT_MINOR, currency, 'vi')} ${currency} (10^15 đơn vị nhỏ nhất)`,
    en: `is too large: at most ${formatAmount(MAX_AMOUNT_MINOR, currency, 'en')} ${currency} (10^15 minor units)`,
  };
}

function groupDigits(digits: string, group: string): string {
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += group;
    out += digits[i];
  }
  return out;
}

/** Integer minor units -> text in the given style with exactly the currency's decimals. */
export function formatAmount(minor: number | bigint, currency: string, style: NumberStyle = 'vi'): string {
  const exp = currencyExponent(currency);
  const value = BigInt(minor);
  const negative = value < 0n;
  const abs = (negative ? -value : value).toString().padStart(exp + 1, '0');
  const intDigits = abs.slice(0, abs.length - exp);
  const frac = abs.slice(abs.length - exp);
  const { group, decimal } = SEPARATORS[style];
  const intText = group === null ? intDigits : groupDigits(intDigits, group);
  return (negative ? '-' : '') + intText + (exp > 0 ? decimal + frac : '');
}

/** A rate is VND per one major unit of a currency, kept as canonical decimal text ("23000", "23070.5"). */
export const RATE_PATTERN = /^\d{1,12}(\.\d{1,8})?$/;

export function parseRate(rate: string): { digits: bigint; scale: number } {
  if (!RATE_PATTERN.test(rate)) throw new DecimalParseError('not_a_number', rate);
  const parsed = parseDecimal(rate, 'plain');
  if (parsed.digits === 0n) throw new DecimalParseError('not_a_number', rate);
  return parsed;
}

/** Canonical text of a rate: no trailing fractional zeros, no leading zeros. */
export function canonicalRate(rate: string): string {
  const { digits, scale } = parseRate(rate);
  return decimalToText(digits, scale);
}

export function decimalToText(digits: bigint, scale: number): string {
  const s = digits.toString().padStart(scale + 1, '0');
  if (scale === 0) return s;
  const intPart = s.slice(0, s.length - scale);
  const frac = s.slice(s.length - scale).replace(/0+$/, '');
  return frac ? `${intPart}.${frac}` : intPart;
}

/** Raised when an exact result would not fit a JS number exactly (above 2^53). */
export class AmountRangeError extends RangeError {
  constructor(readonly value: bigint) {
    super(`Amount ${value} is too large to be exact`);
  }
}

/** bigint -> number, refusing values a number cannot hold exactly. */
export function exactNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < -BigInt(Number.MAX_SAFE_INTEGER))
    throw new AmountRangeError(value);
  return Number(value);
}

/** Rounds numerator/denominator (both non-negative) half up to an integer. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new RangeError('denominator must be positive');
  return (numerator * 2n + denominator) / (denominator * 2n);
}

/** VND equivalent of an amount at a rate, rounded half up to the đồng. */
export function vndEquivalent(amountMinor: number, currency: string, rate: string): number {
  const exp = currencyExponent(currency);
  const { digits, scale } = parseRate(rate);
  return exactNumber(divideHalfUp(BigInt(amountMinor) * digits, 10n ** BigInt(exp + scale)));
}

/** Converts a VND sum into minor units of another currency at a rate, rounded half up. */
export function vndToMinor(vnd: number | bigint, currency: string, rate: string): bigint {
  const exp = currencyExponent(currency);
  const { digits, scale } = parseRate(rate);
  return divideHalfUp(BigInt(vnd) * 10n ** BigInt(exp + scale), digits);
}

/** Quantities are decimal text with up to 3 decimals ("20", "2.5"). */
export const QUANTITY_PATTERN = /^\d{1,12}(\.\d{1,3})?$/;

/** quantity × unit value, rounded half up to the minor unit. */
export function multiplyQuantity(quantity: string, unitValueMinor: number): number {
  const { digits, scale } = parseDecimal(quantity, 'plain');
  return exactNumber(divideHalfUp(digits * BigInt(unitValueMinor), 10n ** BigInt(scale)));
}

function alignedQuantities(a: string, b: string): { x: bigint; y: bigint; scale: number } {
  const x = parseDecimal(a, 'plain');
  const y = parseDecimal(b, 'plain');
  const scale = Math.max(x.scale, y.scale);
  return { x: x.digits * 10n ** BigInt(scale - x.scale), y: y.digits * 10n ** BigInt(scale - y.scale), scale };
}

/** amount × part / whole, rounded half up: the value of part of a quantity that has no unit value. */
export function proportionalAmount(part: string, whole: string, amountMinor: number): number {
  const { x, y } = alignedQuantities(part, whole);
  if (y === 0n) return 0;
  return exactNumber(divideHalfUp(x * BigInt(amountMinor), y));
}

/** Exact sum of non-negative quantities as canonical text. */
export function addQuantities(a: string, b: string): string {
  const { x, y, scale } = alignedQuantities(a, b);
  return decimalToText(x + y, scale);
}

/** Exact a − b as canonical text, with a leading '-' when negative. */
export function subtractQuantities(a: string, b: string): string {
  const { x, y, scale } = alignedQuantities(a, b);
  return x >= y ? decimalToText(x - y, scale) : `-${decimalToText(y - x, scale)}`;
}

/** Quantities are stored as integer thousandths, so the database can add them exactly. */
export function quantityToMilli(quantity: string): number {
  const { digits, scale } = parseDecimal(quantity, 'plain');
  if (scale > 3) throw new DecimalParseError('too_many_decimals', quantity);
  return exactNumber(digits * 10n ** BigInt(3 - scale));
}

export function milliToQuantity(milli: number | bigint): string {
  return decimalToText(BigInt(milli), 3);
}

/** Canonical text of a quantity ("20.500" -> "20.5"). */
export function canonicalQuantity(quantity: string): string {
  const { digits, scale } = parseDecimal(quantity, 'plain');
  return decimalToText(digits, scale);
}
