/** The exchange rates area of the contract: VND per unit of a currency, by month or day, and the rate for a date. */
import { z } from 'zod';
import { Currency, IsoDate, Name, Rate, RateValidOn } from './fields';
import { method } from './method';
import { ReportInput } from './reports';

export const RateListInput = z.strictObject({ currency: Currency.optional() });
export const RateSetInput = z.strictObject({
  currency: Currency,
  validOn: RateValidOn,
  rate: Rate,
  source: Name,
});
export const RateProposeInput = z.strictObject({ currency: Currency, date: IsoDate });

export interface ExchangeRate {
  id: string;
  currency: string;
  validOn: string;
  rate: string;
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface RateProposal {
  currency: string;
  rate: string;
  validOn: string;
  source: string;
}

/** A month of a report's lines with no USD rate of its own (no rate set for it, nor for a day of it before them). */
export interface MissingRateMonth {
  /** YYYY-MM. */
  month: string;
  /** The report's lines dated in it that are not in USD (pledges and deliveries), and their VND value. */
  lines: number;
  vnd: number;
  /** The earlier USD rate its lines are converted at; null when there is none, and they stand unconverted. */
  usedRate: RateProposal | null;
}

/** The USD rates a report's figures lack, asked for before it is written. */
export interface MissingRates {
  /** Whether the report gives USD figures (the 6-month and annual reports of the whole province). */
  usd: boolean;
  /** The period whose lines were read. */
  from: string;
  to: string;
  months: MissingRateMonth[];
  /** The lines no USD figure of the report will hold (those of the months without any rate), and their VND value. */
  unconverted: { lines: number; vnd: number };
}

export const rateMethods = {
  'rates.list': method<ExchangeRate[]>()(RateListInput),
  'rates.set': method<ExchangeRate>()(RateSetInput),
  'rates.propose': method<RateProposal | null>()(RateProposeInput),
  /** The months of a report's lines that have no USD rate of their own: the rates to enter before writing it. */
  'rates.missing': method<MissingRates>()(ReportInput),
} as const;
