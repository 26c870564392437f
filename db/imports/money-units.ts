/**
 * The unit a money column's header states, as official tables write it: "(đồng)", "(VNĐ)", "(nghìn đồng)",
 * "(1.000 đ)", "(triệu đồng)", "(Tr.đ)", "(tỷ đồng)", "(USD)", "(USD nghìn)", "(Đơn vị: triệu đồng)". A value under
 * "(triệu đồng)" is that many million đồng: scaled exactly, by moving its decimal point, never through a float.
 */
import { decimalToText, isCurrencyCode, parseDecimal } from '../../contract/money';
import { foldText } from '../../contract/text';

/** A money column's unit: the currency, and the power of ten a written value is multiplied by. */
export interface MoneyUnit {
  currency: string;
  /** 0 for "(đồng)", 3 for "(nghìn đồng)", 6 for "(triệu đồng)", 9 for "(tỷ đồng)". */
  exponent: number;
  /** The unit as the header writes it, for messages ("triệu đồng"). */
  label: string;
}

const MULTIPLIERS: Record<string, number> = {
  nghin: 3,
  ngan: 3,
  '1000': 3,
  trieu: 6,
  tr: 6,
  '1000000': 6,
  ty: 9,
  ti: 9,
  '1000000000': 9,
};
const VND_WORDS = new Set(['dong', 'd', 'vnd', 'dong viet nam', 'viet nam dong', 'vn dong']);

/** The money unit a header's bracketed text names, or null when it names none. */
export function moneyUnit(text: string): MoneyUnit | null {
  const label = text.replace(/\s+/g, ' ').trim();
  const words = foldText(label)
    // "Đơn vị: triệu đồng", "ĐVT: 1.000 đ": the unit after its label.
    .replace(/^(don vi tinh|don vi|dvt)\s*:?\s*/, '')
    .replace(/(\d)[.,\s](?=\d{3}\b)/g, '$1')
    .replace(/(\d)[.,\s](?=\d{3}\b)/g, '$1')
    // "Tr.đ", "trđ", "1000đ": the multiplier and the currency written together.
    .replace(/^(tr|\d+)\.?\s*(d|dong|vnd)$/, '$1 $2')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const tokens = words.split(' ');
  // The multiplier before the currency ("triệu đồng") or after it ("USD nghìn"), or none ("đồng").
  const readings: [string | undefined, string[]][] = [
    [undefined, tokens],
    [tokens[0], tokens.slice(1)],
    [tokens.at(-1), tokens.slice(0, -1)],
  ];
  for (const [multiplier, currencyWords] of readings) {
    const exponent = multiplier === undefined ? 0 : MULTIPLIERS[multiplier];
    if (exponent === undefined || !currencyWords.length) continue;
    const joined = currencyWords.join(' ');
    const currency = VND_WORDS.has(joined) ? 'VND' : joined.toUpperCase();
    if (isCurrencyCode(currency)) return { currency, exponent, label };
  }
  return null;
}

/** A decimal (plain text, "88.5") times ten to the unit's exponent, exactly: "88.5" triệu is "88500000". */
export function scaleDecimal(text: string, exponent: number): string {
  if (!exponent) return text;
  const { digits, scale } = parseDecimal(text, 'plain');
  return scale >= exponent
    ? decimalToText(digits, scale - exponent)
    : decimalToText(digits * 10n ** BigInt(exponent - scale), 0);
}
