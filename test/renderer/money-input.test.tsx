// @vitest-environment jsdom
/** The money field: typed the Vietnamese way, read exactly, tidied on leaving the field, errors flagged. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MoneyInput } from '../../renderer/src/components/MoneyInput';
import { moneyProblem, moneyText, parseMoneyText } from '../../renderer/src/money';
import { initI18n } from '../../renderer/src/i18n';

afterEach(cleanup);

function Harness({
  currency,
  language,
  onValue,
}: {
  currency: string;
  language: string;
  onValue?: (text: string) => void;
}) {
  const [text, setText] = useState('');
  return (
    <MoneyInput
      aria-label="amount"
      currency={currency}
      language={language}
      value={text}
      onChange={(next) => {
        setText(next);
        onValue?.(next);
      }}
    />
  );
}

function type(text: string) {
  const input = screen.getByLabelText('amount') as HTMLInputElement;
  fireEvent.change(input, { target: { value: text } });
  return input;
}

describe('parseMoneyText', () => {
  it('reads vi-VN and en amounts into exact minor units', () => {
    expect(parseMoneyText('700.000.000', 'VND', 'vi')).toEqual({ minor: 700_000_000 });
    expect(parseMoneyText('1.234,57', 'USD', 'vi')).toEqual({ minor: 123_457 });
    expect(parseMoneyText('1,234.57', 'USD', 'en')).toEqual({ minor: 123_457 });
    expect(parseMoneyText('0,29', 'USD', 'vi')).toEqual({ minor: 29 });
    expect(parseMoneyText('', 'VND', 'vi')).toBeNull();
    expect(parseMoneyText('1,5', 'VND', 'vi')).toEqual({ error: 'too_many_decimals' });
    expect(parseMoneyText('1.5', 'VND', 'vi')).toEqual({ error: 'bad_grouping' });
    expect(parseMoneyText('abc', 'USD', 'vi')).toEqual({ error: 'not_a_number' });
    expect(parseMoneyText('50tr', 'VND', 'vi')).toEqual({ error: 'not_a_number' });
    for (const minus of ['-', '\u2212', '\u2013'])
      expect(parseMoneyText(`${minus}50.000.000`, 'VND', 'vi')).toEqual({ error: 'negative' });
    expect(moneyText(123_457, 'USD', 'vi')).toBe('1.234,57');
    expect(moneyText(null, 'USD', 'vi')).toBe('');
  });
});

describe('moneyProblem', () => {
  const i18n = initI18n('vi');
  const say = (text: string, currency: string, language: 'vi' | 'en') =>
    moneyProblem(parseMoneyText(text, currency, language), text, currency, language, i18n.getFixedT(language));

  it("says what is wrong with an amount, with an example to copy, in the user's language and number style", () => {
    expect(say('\u221250.000.000', 'VND', 'vi')).toBe('Số tiền không được âm: bỏ dấu trừ (ví dụ 50.000.000)');
    expect(say('50tr', 'VND', 'vi')).toBe(
      '"50tr" không phải là số: gõ đủ các chữ số, ví dụ 50.000.000 (không viết tắt "tr", "tỷ")',
    );
    expect(say('1.5', 'VND', 'vi')).toBe(
      '"1.5" không rõ: dấu chấm để tách hàng nghìn, mỗi nhóm đủ 3 chữ số (ví dụ 1.500.000); phần lẻ viết sau dấu phẩy',
    );
    expect(say('1,5', 'VND', 'vi')).toBe('VND không có phần lẻ: bỏ phần sau dấu phẩy (ví dụ 50.000.000)');
    expect(say('1,555', 'USD', 'vi')).toBe('USD chỉ có 2 chữ số sau dấu phẩy (ví dụ 50.000.000,50)');
    expect(say('-5', 'USD', 'en')).toBe('An amount cannot be negative: drop the minus sign (e.g. 50,000,000.50)');
    expect(say('1,5', 'VND', 'en')).toBe(
      '"1,5" is ambiguous: commas separate thousands, in groups of three digits (e.g. 1,500,000); decimals come after the point',
    );
    expect(say('1.5', 'VND', 'en')).toBe(
      'VND has no decimals: drop the part after the decimal point (e.g. 50,000,000)',
    );
    expect(say('50m', 'VND', 'en')).toBe('"50m" is not a number: type every digit, e.g. 50,000,000 (no "m" or "bn")');
    expect(say('700.000.000', 'VND', 'vi')).toBeNull();
    expect(say('', 'VND', 'vi')).toBeNull();
  });
});

describe('MoneyInput', () => {
  it('tidies a valid amount when the user leaves the field', () => {
    const seen: string[] = [];
    render(<Harness currency="VND" language="vi" onValue={(v) => seen.push(v)} />);
    const input = type('700000000');
    expect(input.getAttribute('aria-invalid')).toBe('false');
    fireEvent.blur(input);
    expect(input.value).toBe('700.000.000');
    expect(seen.at(-1)).toBe('700.000.000');
    expect(screen.getByText('VND')).toBeTruthy();
  });

  it('keeps cents exact in USD', () => {
    render(<Harness currency="USD" language="vi" />);
    const input = type('1234,5');
    fireEvent.blur(input);
    expect(input.value).toBe('1.234,50');
    expect(parseMoneyText(input.value, 'USD', 'vi')).toEqual({ minor: 123_450 });
  });

  it('flags what it cannot read and leaves it as typed', () => {
    render(<Harness currency="VND" language="vi" />);
    const input = type('12,5');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.blur(input);
    expect(input.value).toBe('12,5');
  });

  it('follows the English style when the UI is in English', () => {
    render(<Harness currency="USD" language="en" />);
    const input = type('10000');
    fireEvent.blur(input);
    expect(input.value).toBe('10,000.00');
  });
});
