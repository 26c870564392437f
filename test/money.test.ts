import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { propertyParams } from './random';
import {
  AmountRangeError,
  CURRENCY_CODES,
  currencyExponent,
  DecimalParseError,
  divideHalfUp,
  formatAmount,
  MAX_AMOUNT_MINOR,
  multiplyQuantity,
  parseAmount,
  vndEquivalent,
  vndToMinor,
} from '../contract/money';

const currency = fc.constantFrom(...CURRENCY_CODES);
const minor = fc.integer({ min: 0, max: MAX_AMOUNT_MINOR });
const style = fc.constantFrom('vi' as const, 'en' as const, 'plain' as const);

describe('amount parsing and formatting', () => {
  it('reads what users type, exactly', () => {
    expect(parseAmount('1234.57', 'USD', 'plain')).toBe(123457);
    expect(parseAmount('1.234,57', 'USD', 'vi')).toBe(123457);
    expect(parseAmount('1,234.57', 'USD', 'en')).toBe(123457);
    expect(parseAmount('700.000.000', 'VND', 'vi')).toBe(700000000);
    expect(parseAmount('0,1', 'USD', 'vi')).toBe(10);
    expect(parseAmount('10.000,00', 'VND', 'vi')).toBe(10000);
    expect(parseAmount(' 1 234,5 ', 'EUR', 'vi')).toBe(123450);
    // 0.1 + 0.2 style values stay exact
    expect(parseAmount('0.29', 'USD', 'plain')).toBe(29);
    expect(parseAmount('1.005', 'KWD', 'plain')).toBe(1005);
  });

  it('rejects ambiguous or impossible input with a reason', () => {
    const reason = (text: string, cur: string, s: 'vi' | 'en' | 'plain') => {
      try {
        parseAmount(text, cur, s);
        return 'accepted';
      } catch (error) {
        return error instanceof DecimalParseError ? error.reason : 'other';
      }
    };
    expect(reason('1.5', 'VND', 'vi')).toBe('bad_grouping');
    expect(reason('12.34.567', 'VND', 'vi')).toBe('bad_grouping');
    expect(reason('1234,567', 'USD', 'vi')).toBe('too_many_decimals');
    expect(reason('100,5', 'VND', 'vi')).toBe('too_many_decimals');
    expect(reason('', 'VND', 'vi')).toBe('empty');
    expect(reason('-5', 'VND', 'vi')).toBe('negative');
    expect(reason('abc', 'VND', 'vi')).toBe('not_a_number');
    expect(reason('1e5', 'USD', 'plain')).toBe('not_a_number');
    expect(reason('5,', 'USD', 'vi')).toBe('not_a_number');
  });

  it('formats in vi-VN and en styles', () => {
    expect(formatAmount(700000000, 'VND', 'vi')).toBe('700.000.000');
    expect(formatAmount(123457, 'USD', 'vi')).toBe('1.234,57');
    expect(formatAmount(123457, 'USD', 'en')).toBe('1,234.57');
    expect(formatAmount(5, 'USD', 'vi')).toBe('0,05');
    expect(formatAmount(0, 'VND', 'vi')).toBe('0');
  });

  it('round-trips: parse(format(x)) = x for every currency and style', () => {
    fc.assert(
      fc.property(minor, currency, style, (value, cur, s) => {
        expect(parseAmount(formatAmount(value, cur, s), cur, s)).toBe(value);
      }),
      propertyParams(2000),
    );
  });

  it('parses any decimal string to the same integer BigInt would', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.integer({ min: 0, max: 2 }), (digits, scale) => {
        const text = digits.toString().padStart(scale + 1, '0');
        const decimal = scale ? `${text.slice(0, text.length - scale)}.${text.slice(text.length - scale)}` : text;
        const expected = digits * 10n ** BigInt(2 - scale);
        expect(BigInt(parseAmount(decimal, 'USD', 'plain'))).toBe(expected);
      }),
      propertyParams(2000),
    );
  });
});

describe('conversion to VND', () => {
  it('rounds half up to the đồng', () => {
    expect(vndEquivalent(1000000, 'USD', '23000')).toBe(230000000); // 10,000.00 USD
    expect(vndEquivalent(1, 'USD', '23070.5')).toBe(231); // 230.705 -> 231
    expect(vndEquivalent(3, 'USD', '0.5')).toBe(0); // 0.015 -> 0
    expect(vndEquivalent(100, 'USD', '0.5')).toBe(1); // 0.5 -> 1
    expect(vndEquivalent(123, 'JPY', '170.25')).toBe(20941); // 20940.75 -> 20941
    expect(vndEquivalent(700000000, 'VND', '1')).toBe(700000000);
  });

  it('equals the exact rational result rounded half up, with no float on the way', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 12 }),
        currency,
        fc.bigInt({ min: 1n, max: 10n ** 10n }),
        fc.integer({ min: 0, max: 6 }),
        (amount, cur, rateDigits, rateScale) => {
          const rateText = rateDigits.toString().padStart(rateScale + 1, '0');
          const rate = rateScale ? `${rateText.slice(0, -rateScale)}.${rateText.slice(-rateScale)}` : rateText;
          const numerator = BigInt(amount) * rateDigits;
          const denominator = 10n ** BigInt(currencyExponent(cur) + rateScale);
          const floor = numerator / denominator;
          const remainder = numerator - floor * denominator;
          const expected = remainder * 2n >= denominator ? floor + 1n : floor;
          if (expected > BigInt(Number.MAX_SAFE_INTEGER)) {
            // Too large to be held exactly: refused, never rounded through a float.
            expect(() => vndEquivalent(amount, cur, rate)).toThrow(AmountRangeError);
          } else {
            expect(BigInt(vndEquivalent(amount, cur, rate))).toBe(expected);
          }
        },
      ),
      propertyParams(2000),
    );
  });

  it('converts VND back to minor units exactly', () => {
    expect(vndToMinor(230000000, 'USD', '23000')).toBe(1000000n);
    expect(vndToMinor(3700000000, 'USD', '23000')).toBe(16086957n); // 160,869.565.. -> .57
  });

  it('checks quantity × unit value exactly', () => {
    expect(multiplyQuantity('20', 44000000)).toBe(880000000);
    expect(multiplyQuantity('2.5', 3)).toBe(8); // 7.5 -> 8
    expect(multiplyQuantity('0.001', 499)).toBe(0);
    expect(divideHalfUp(5n, 2n)).toBe(3n);
  });
});
