/**
 * Dates as officers type them: day/month/year ("07/07/2022", "7/7/2022", "07.07.2022", "07072022"), or ISO. A date
 * that cannot be read, or does not exist (31/02/2022), is an answer naming why — never a neighbouring date, never
 * today: nothing is saved with a date nobody typed.
 */

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

export type DayTextProblem =
  /** Nothing typed. */
  | { reason: 'empty' }
  /** Not in a form of day, month and year. */
  | { reason: 'unreadable' }
  /** Day, month and year read, but no such day: the month has fewer days, or there is no such month. */
  | { reason: 'impossible'; day: number; month: number; year: number; daysInMonth: number | null }
  /** A real day outside the years the ledger holds (a typo such as 2202). */
  | { reason: 'year'; year: number };

export type DayText = { iso: string } | DayTextProblem;

const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads a typed day; `{ iso }` only for a day that exists in the calendar and in the ledger's years. */
export function readDayText(text: string | null | undefined): DayText {
  const typed = (text ?? '').trim();
  if (!typed) return { reason: 'empty' };
  let day: number;
  let month: number;
  let year: number;
  const dmy = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(typed);
  const compact = /^(\d{2})(\d{2})(\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (dmy ?? compact) [day, month, year] = (dmy ?? compact)!.slice(1, 4).map(Number) as [number, number, number];
  else if (iso) [year, month, day] = iso.slice(1, 4).map(Number) as [number, number, number];
  else return { reason: 'unreadable' };
  if (month < 1 || month > 12) return { reason: 'impossible', day, month, year, daysInMonth: null };
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return { reason: 'impossible', day, month, year, daysInMonth: days };
  if (year < FIRST_YEAR || year > LAST_YEAR) return { reason: 'year', year };
  return { iso: `${year}-${pad(month)}-${pad(day)}` };
}

export type MonthText =
  | { yearMonth: string }
  | { reason: 'empty' | 'unreadable' }
  | { reason: 'impossible'; month: number }
  | { reason: 'year'; year: number };

/** Reads a typed month ("07/2022", "7/2022", "2022-07") as YYYY-MM. */
export function readMonthText(text: string | null | undefined): MonthText {
  const typed = (text ?? '').trim();
  if (!typed) return { reason: 'empty' };
  const my = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(typed);
  const ym = /^(\d{4})-(\d{1,2})$/.exec(typed);
  let month: number;
  let year: number;
  if (my) [month, year] = [Number(my[1]), Number(my[2])];
  else if (ym) [year, month] = [Number(ym[1]), Number(ym[2])];
  else return { reason: 'unreadable' };
  if (month < 1 || month > 12) return { reason: 'impossible', month };
  if (year < FIRST_YEAR || year > LAST_YEAR) return { reason: 'year', year };
  return { yearMonth: `${year}-${pad(month)}` };
}

/** dd/mm/yyyy of an ISO day (mm/yyyy of a month), as Vietnamese documents write them. */
export function dayText(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return d ? `${d}/${m}/${y}` : `${m}/${y}`;
}
