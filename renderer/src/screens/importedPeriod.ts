/**
 * The period an import's report is of: the quarter most of the rows it added fall in — a receipt by the day it was
 * received, any other row by its pledge date — the latest of those holding as many. A quarter's files mostly carry
 * its own rows, with a few late ones of the quarter before.
 */
import type { ImportFilesResult, RowDay } from '../../../contract/imports';
import type { ReportChoices } from './reportChoices';

export type ReportPeriodChoice = Pick<ReportChoices, 'kind' | 'year' | 'part'>;

/** The quarter holding most of the rows (ties: the latest), or null when there are none. */
export function quarterOfMostRows(days: readonly RowDay[]): ReportPeriodChoice | null {
  const rowsByQuarter = new Map<string, number>();
  for (const { date, rows } of days) {
    const quarter = `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
    rowsByQuarter.set(quarter, (rowsByQuarter.get(quarter) ?? 0) + rows);
  }
  let best: [string, number] | null = null;
  for (const entry of rowsByQuarter) {
    // "2022-Q4" sorts after "2022-Q3" and "2021-Q4": of quarters holding as many rows, the later wins.
    if (!best || entry[1] > best[1] || (entry[1] === best[1] && entry[0] > best[0])) best = entry;
  }
  if (!best || best[1] <= 0) return null;
  return { kind: 'quarter', year: Number(best[0].slice(0, 4)), part: Number(best[0].slice(6)) };
}

/** The quarter of an import's rows, every file's together (a bundle's records are not rows: null for bundles alone). */
export function importedQuarter(result: ImportFilesResult): ReportPeriodChoice | null {
  return quarterOfMostRows(result.files.flatMap((f) => f.rowDays ?? []));
}
