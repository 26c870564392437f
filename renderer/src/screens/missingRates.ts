/**
 * The rates a report's USD figures lack, apart from the screen: whether to ask before writing it, how a month is shown,
 * the source a month's State Treasury rate is cited with, and what entering one sends (through the rates screen's rule).
 */
import type { MethodInput, MissingRates } from '../../../contract';
import { rateInput } from './rateEntry';

/** Whether to ask for rates before writing: the report gives USD figures, and some of its months have no rate. */
export function asksForRates(missing: MissingRates): boolean {
  return missing.usd && missing.months.length > 0;
}

/** "2026-03" as it is written: "03/2026". */
export function monthText(month: string): string {
  return `${month.slice(5, 7)}/${month.slice(0, 4)}`;
}

/** The source a month's rate is cited with by default: the State Treasury's accounting rate of that month. */
export function treasurySource(month: string): string {
  return `Tỷ giá hạch toán ngoại tệ tháng ${monthText(month)} — Kho bạc Nhà nước`;
}

/** What saving a month's USD rate sends: the rates screen's input for the whole month. */
export function monthRateInput(month: string, rate: string, source: string, lang: string): MethodInput<'rates.set'> {
  return rateInput({ currency: 'USD', period: monthText(month), rate, source: source.trim() }, 'month', lang);
}

/** Lines still without any USD rate: the report written now is marked with them. */
export function linesLeft(missing: MissingRates): number {
  return missing.unconverted.lines;
}
