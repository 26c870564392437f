/**
 * How the report screen opens. Opened from the import, after the quarter's files are in, it shows at once the whole
 * province's report of the quarter the imported rows fall in (`importedPeriod.ts`; the period last chosen when the
 * import brought no rows, only bundles), made from the ledger as the import left it: no answer from before the import
 * is kept. Opened otherwise, it starts on the current quarter and makes nothing until asked.
 */
import { queryClient } from '../queries';
import type { ReportPeriodChoice } from './importedPeriod';
import { initialReportChoices, type ReportChoices } from './reportChoices';

let previewOnOpen = false;
let lastPeriod: ReportPeriodChoice | null = null;
let importedPeriod: ReportPeriodChoice | null = null;

/** What the report screen starts with: the choices, and whether their report is made at once. */
export function reportOpening(now: Date): { choices: ReportChoices; previewNow: boolean } {
  const initial = initialReportChoices(now);
  return previewOnOpen
    ? { choices: { ...initial, ...(importedPeriod ?? lastPeriod) }, previewNow: true }
    : { choices: initial, previewNow: false };
}

/** The screen has opened: the next opening is an ordinary one unless the import asks again. */
export function reportOpened(): void {
  previewOnOpen = false;
  importedPeriod = null;
}

/** The period the user chose last, for the report opened from an import that brought no rows. */
export function rememberReportChoices({ kind, year, part }: ReportChoices): void {
  lastPeriod = { kind, year, part };
}

/**
 * Opens the report screen from the import, on the period of the rows it imported (null: none; the period last
 * chosen): every report answered before is dropped, and the report made anew.
 */
export function openReportAfterImport(period: ReportPeriodChoice | null): void {
  queryClient.removeQueries({ queryKey: ['reports.preview'] });
  previewOnOpen = true;
  importedPeriod = period;
  window.location.hash = 'reports';
}
