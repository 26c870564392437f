/**
 * What is wrong with a typed date, in the user's language, and the form rules built on it (see DateInput): a day
 * that does not exist, or text that is no date, is an error on its field — never a neighbouring date, never today.
 */
import type { TFunction } from 'i18next';
import { readDayText, readMonthText, type DayText, type MonthText } from '../../contract/dates';

type Translate = TFunction;

/** What is wrong with a typed day, in the user's language; null when it is a day the ledger takes. */
export function dayProblem(read: DayText, t: Translate): string | null {
  if ('iso' in read) return null;
  switch (read.reason) {
    case 'empty':
      return t('common.required');
    case 'unreadable':
      return t('form.dateUnreadable');
    case 'impossible':
      return read.daysInMonth === null
        ? t('form.dateNoSuchMonth', { month: read.month })
        : t('form.dateNoSuchDay', { day: read.day, month: read.month, year: read.year, days: read.daysInMonth });
    case 'year':
      return t('form.dateYear', { year: read.year });
  }
}

export function monthProblem(read: MonthText, t: Translate): string | null {
  if ('yearMonth' in read) return null;
  switch (read.reason) {
    case 'empty':
      return t('common.required');
    case 'unreadable':
      return t('form.monthUnreadable');
    case 'impossible':
      return t('form.dateNoSuchMonth', { month: read.month });
    case 'year':
      return t('form.dateYear', { year: read.year });
  }
}

/** The form rule of a date field: a day that exists, typed in a form the app reads (and present when required). */
export function dateRule(t: Translate, required: boolean) {
  return {
    validator: async (_: unknown, text: string | undefined) => {
      if (!required && !(text ?? '').trim()) return;
      const problem = dayProblem(readDayText(text), t);
      if (problem) throw new Error(problem);
    },
  };
}

export function monthRule(t: Translate) {
  return {
    validator: async (_: unknown, text: string | undefined) => {
      const problem = monthProblem(readMonthText(text), t);
      if (problem) throw new Error(problem);
    },
  };
}

/** The YYYY-MM of a field that passed `monthRule`. */
export function isoMonth(text: string | undefined): string | null {
  const read = readMonthText(text);
  return 'yearMonth' in read ? read.yearMonth : null;
}

/** The ISO day of a field that passed `dateRule`, or null when it was left empty. */
export function isoDay(text: string | undefined): string | null {
  const read = readDayText(text);
  return 'iso' in read ? read.iso : null;
}

/** Today as YYYY-MM-DD in the user's own time zone. */
export function localToday(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${String(now.getDate()).padStart(2, '0')}`;
}
