/**
 * How the report screen opens. Opened from the import, after the quarter's files are in, it shows at once the whole
 * province's report of the period last chosen (the quarter being closed), made from the ledger as the import left it:
 * no answer from before the import is kept. Opened otherwise, it starts on the current quarter and makes nothing until
 * asked.
 */
import { queryClient } from '../queries';
import { initialReportChoices, type ReportChoices } from './reportChoices';

let previewOnOpen = false;
let lastPeriod: Pick<ReportChoices, 'kind' | 'year' | 'part'> | null = null;

/** What the report screen starts with: the choices, and whether their report is made at once. */
export function reportOpening(now: Date): { choices: ReportChoices; previewNow: boolean } {
  const initial = initialReportChoices(now);
  return previewOnOpen
    ? { choices: { ...initial, ...lastPeriod }, previewNow: true }
    : { choices: initial, previewNow: false };
}

/** The screen has opened: the next opening is an ordinary one unless the import asks again. */
export function reportOpened(): void {
  previewOnOpen = false;
}

/** The period the user chose last, for the report opened from the import. */
export function rememberReportChoices({ kind, year, part }: ReportChoices): void {
  lastPeriod = { kind, year, part };
}

/** Opens the report screen from the import: every report answered before is dropped, and the report made anew. */
export function openReportAfterImport(): void {
  queryClient.removeQueries({ queryKey: ['reports.preview'] });
  previewOnOpen = true;
  window.location.hash = 'reports';
}
