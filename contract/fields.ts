/** Field schemas every area of the contract shares (kept apart so the areas need not import the whole contract). */
import { z } from 'zod';

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
