/**
 * Amounts as the user types and reads them (vi-VN: 700.000.000; 1.234,57), read exactly against the currency's
 * decimals, with what is wrong said in the user's language.
 */
import type { TFunction } from 'i18next';
import {
  currencyExponent,
  DecimalParseError,
  formatAmount,
  isCurrencyCode,
  parseAmount,
  type DecimalParseFailure,
} from '../../contract/money';
import { styleFor } from './format';

export type MoneyParse = { minor: number } | { error: Exclude<DecimalParseFailure, 'empty'> } | null;

export function parseMoneyText(text: string | undefined, currency: string, language: string): MoneyParse {
  if (!text?.trim()) return null;
  if (!isCurrencyCode(currency)) return { error: 'not_a_number' };
  try {
    return { minor: parseAmount(text, currency, styleFor(language)) };
  } catch (error) {
    if (error instanceof DecimalParseError && error.reason !== 'empty') return { error: error.reason };
    return { error: 'not_a_number' };
  }
}

/**
 * What is wrong with a typed amount, in the user's language and number style, with an example to copy: negative, not a
 * number ("50tr"), grouping that could mean two things ("1.5"), or more decimals than the currency has ("1,5" VND).
 */
export function moneyProblem(
  parsed: MoneyParse,
  text: string,
  currency: string,
  language: string,
  t: TFunction,
): string | null {
  if (parsed === null || 'minor' in parsed) return null;
  const code = isCurrencyCode(currency) ? currency : 'VND';
  const style = styleFor(language);
  const decimals = currencyExponent(code);
  // 50 million in the currency's units: a round sum typed in full, with its decimals where the currency has them.
  const example = formatAmount(
    50_000_000n * 10n ** BigInt(decimals) + (decimals ? 50n * 10n ** BigInt(decimals - 2) : 0n),
    code,
    style,
  );
  switch (parsed.error) {
    case 'negative':
      return t('form.moneyNegative', { example });
    case 'bad_grouping':
      return t('form.moneyGrouping', {
        text: text.trim(),
        example: formatAmount(1_500_000n * 10n ** BigInt(decimals), code, style),
      });
    case 'too_many_decimals':
      return decimals === 0
        ? t('form.noDecimals', { currency: code, example })
        : t('form.tooManyDecimals', { currency: code, digits: decimals, example });
    default:
      return t('form.moneyNotNumber', { text: text.trim(), example });
  }
}

/** Text for an amount in the user's style, or '' for none. */
export function moneyText(minor: number | null | undefined, currency: string, language: string): string {
  return minor === null || minor === undefined ? '' : formatAmount(minor, currency, styleFor(language));
}
