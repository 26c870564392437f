/** The exchange rates area of the contract: VND per unit of a currency, by month or day, and the rate for a date. */
import { z } from 'zod';
import { Currency, IsoDate, Name, Rate, RateValidOn } from './fields';
import { method } from './method';

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

export const rateMethods = {
  'rates.list': method<ExchangeRate[]>()(RateListInput),
  'rates.set': method<ExchangeRate>()(RateSetInput),
  'rates.propose': method<RateProposal | null>()(RateProposeInput),
} as const;
