/**
 * Working days as Decree 58/2022's deadlines count them: every day but Saturdays, Sundays and the public holidays the
 * ledger's list holds (Bộ luật Lao động 2019, Art. 111–112). Days are ISO dates (YYYY-MM-DD), computed in UTC so a
 * time zone never moves one.
 */

const DAY_MS = 86_400_000;

const toTime = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const toIso = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The day `n` days after `iso` (before it when `n` is negative). */
export function addDays(iso: string, n: number): string {
  return toIso(toTime(iso) + n * DAY_MS);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toTime(to) - toTime(from)) / DAY_MS);
}

/** Saturday or Sunday. */
export function isWeekend(iso: string): boolean {
  const day = new Date(toTime(iso)).getUTCDay();
  return day === 0 || day === 6;
}

/** Whether a day is worked: not a weekend, not a holiday. */
export function isWorkingDay(iso: string, holidays: ReadonlySet<string>): boolean {
  return !isWeekend(iso) && !holidays.has(iso.slice(0, 10));
}

/**
 * The `n`th working day after `from` (`from` itself not counted: a period "within n days of" a decision starts the
 * day after it). n = 0 gives `from`.
 */
export function addWorkingDays(from: string, n: number, holidays: ReadonlySet<string>): string {
  let day = from.slice(0, 10);
  for (let counted = 0; counted < n; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) counted++;
  }
  return day;
}
