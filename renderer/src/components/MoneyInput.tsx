/**
 * A money field that reads and shows amounts the way the user writes them (vi-VN: 700.000.000; 1.234,57)
 * and checks them exactly against the currency's decimals. Its value is the text; parseMoneyText gives minor units.
 */
import { Input } from 'antd';
import { forwardRef, type InputHTMLAttributes } from 'react';
import { moneyText, parseMoneyText } from '../money';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'size' | 'prefix'> {
  value?: string;
  onChange?: (text: string) => void;
  currency: string;
  language: string;
}

export const MoneyInput = forwardRef<HTMLInputElement, Props>(function MoneyInput(
  { value, onChange, currency, language, onBlur, ...rest },
  _ref,
) {
  const parsed = parseMoneyText(value, currency, language);
  return (
    <Input
      {...rest}
      inputMode="decimal"
      value={value ?? ''}
      status={parsed && 'error' in parsed ? 'error' : undefined}
      aria-invalid={parsed !== null && 'error' in parsed}
      suffix={<span className="currency-suffix">{currency}</span>}
      className="money-input"
      onChange={(e) => onChange?.(e.target.value)}
      onBlur={(e) => {
        // Tidy what was typed ("700000000" -> "700.000.000") once it is a valid amount.
        if (parsed && 'minor' in parsed) onChange?.(moneyText(parsed.minor, currency, language));
        onBlur?.(e);
      }}
    />
  );
});
