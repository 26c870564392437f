/**
 * Field schemas and shapes several areas of the contract share (kept apart so that an area imports only what it uses,
 * never the whole contract).
 */
import { z } from 'zod';
import { isCurrencyCode, MAX_AMOUNT_MINOR, QUANTITY_PATTERN, RATE_PATTERN } from './money';

export const PLACE_LEVELS = ['province', 'district', 'commune'] as const;
export type PlaceLevel = (typeof PLACE_LEVELS)[number];

export function isRealDate(text: string): boolean {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number?];
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  // Date.UTC reads years 0-99 as 1900-1999, so those years never pass: no aid was pledged then.
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A calendar date as YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine(isRealDate, { message: 'not_a_date' });
export const Id = z.uuid();
/** One line of visible text: control characters (line breaks, tabs, NUL) have no place in a name. */
export const oneLine = (text: string) => !/[\u0000-\u001f\u007f]/.test(text);
export const Name = z.string().trim().min(1).max(300).refine(oneLine, { message: 'control_character' });

/** A rate's validity: a month (YYYY-MM) or a day (YYYY-MM-DD). */
export const RateValidOn = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/)
  .refine(isRealDate, { message: 'not_a_date' });
export const Currency = z.string().trim().toUpperCase().refine(isCurrencyCode, { message: 'unknown_currency' });
export const AmountMinor = z.number().int().min(0).max(MAX_AMOUNT_MINOR);
export const Quantity = z.string().trim().regex(QUANTITY_PATTERN);
export const Rate = z
  .string()
  .trim()
  .regex(RATE_PATTERN)
  .refine((r) => !/^0+(\.0+)?$/.test(r), { message: 'zero_rate' });
export const ShortText = z.string().trim().max(300).refine(oneLine, { message: 'control_character' });
export const LongText = z.string().trim().max(4000);

export const IdInput = z.strictObject({ id: Id });
export const EmptyInput = z.strictObject({});

/** A file as a call carries it: its name and its bytes, base64-encoded. */
export interface ExcelFile {
  fileName: string;
  base64: string;
}

/**
 * How a report period's dates are cut: by the calendar (a quarter from its 1st to its last day), or by the cut-off of
 * Decree 09/2019/NĐ-CP, Art. 12 (a quarter from the 15th of the month before it to the 14th of its last month).
 */
export const REPORT_CUTOFFS = ['calendar', 'statutory'] as const;
export type ReportCutoff = (typeof REPORT_CUTOFFS)[number];
export const ReportCutoffInput = z.enum(REPORT_CUTOFFS);
