/** The rates screen's rules, apart from the screen: the currencies a rate is for, and what a save sends. */
import type { MethodInput } from '../../../contract';
import { CURRENCY_CODES } from '../../../contract/money';
import { isoDay, isoMonth } from '../dates';
import { parseRateText } from '../format';

/** A rate is valid for a month (mm/yyyy) or for one day (dd/mm/yyyy). */
export type RatePeriodMode = 'month' | 'day';

export interface RateFormValues {
  currency: string;
  /** As typed: mm/yyyy or dd/mm/yyyy (see DateInput). */
  period: string;
  rate: string;
  source: string;
}

/** Every currency but the dong, whose rate is 1. */
export const RATE_CURRENCIES = CURRENCY_CODES.filter((c) => c !== 'VND');

/** What a save sends: the month's or the day's date, and the rate read (the form's rule refuses one unreadable). */
export function rateInput(values: RateFormValues, mode: RatePeriodMode, lang: string): MethodInput<'rates.set'> {
  const rate = parseRateText(values.rate, lang);
  return {
    currency: values.currency,
    validOn: (mode === 'month' ? isoMonth(values.period) : isoDay(values.period))!,
    rate: rate ?? values.rate,
    source: values.source,
  };
}
