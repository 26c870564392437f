// @vitest-environment jsdom
/** The money field: typed the Vietnamese way, read exactly, tidied on leaving the field, errors flagged. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { MoneyInput, moneyText, parseMoneyText } from '../../renderer/src/components/MoneyInput';

afterEach(cleanup);

function Harness({ currency, language, onValue }: { currency: string; language: string; onValue?: (text: string) => void }) {
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
    expect(parseMoneyText('1,5', 'VND', 'vi')).toEqual({ error: 'decimals' });
    expect(parseMoneyText('1.5', 'VND', 'vi')).toEqual({ error: 'invalid' });
    expect(parseMoneyText('abc', 'USD', 'vi')).toEqual({ error: 'invalid' });
    expect(moneyText(123_457, 'USD', 'vi')).toBe('1.234,57');
    expect(moneyText(null, 'USD', 'vi')).toBe('');
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
