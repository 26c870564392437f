/**
 * The import screen's rules, apart from the screen: which files it reads and in what order, what a check or an import
 * sends, and what the outcome of each file, its problems and the whole batch say.
 */
import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../contract';
import type { ColumnMapping, ImportedFile, ImportFilesResult, ReceiptChoice } from '../../../contract/imports';
import { TEMPLATE_HEADERS_EN } from '../../../contract/labels';

/** The files offered by the file chooser, and those read among what was chosen or dropped. */
export const ACCEPT = '.xlsx,.xls,.ods,.csv,.aidledger';
const ACCEPTED = /\.(xlsx|xls|ods|csv|aidledger)$/i;

/** A file as read: its name and its bytes in base64. */
export interface ReadFile {
  fileName: string;
  base64: string;
}

/** The workbooks and bundles among the files chosen, in the order of their names (as Vietnamese sorts them). */
export function acceptedFiles<F extends { name: string }>(chosen: F[]): F[] {
  return chosen.filter((f) => ACCEPTED.test(f.name)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** The files to send, each with the columns the user mapped for it (when any). */
export function withMappings(read: ReadFile[], maps: Map<string, ColumnMapping>) {
  return read.map((f) => ({ ...f, ...(maps.get(f.fileName)?.length ? { mapping: maps.get(f.fileName)! } : {}) }));
}

/** The office the files are read as, when one was chosen. */
export function officeOf(id: string | undefined): { placeId?: string } {
  return id ? { placeId: id } : {};
}

/** What the user chose for the files read: each is checked, and imported, with it. */
export interface ImportChoices {
  officeId: string | undefined;
  /** The columns mapped, by file. */
  mappings: Map<string, ColumnMapping>;
  /** The pledges chosen for receipt rows, by file. */
  choices: Map<string, ReceiptChoice[]>;
  /** The bundles' deletions confirmed. */
  allowDeletions: boolean;
  /**
   * The lists' only date is the day received (as `cli import --receipts`); undefined until the switch is used: each
   * list as its layout was remembered.
   */
  receipts: boolean | undefined;
}

/** What a check or an import of the files read sends: each file with its mapping and choices, and the options. */
export function importInput(read: ReadFile[], chosen: ImportChoices) {
  return {
    files: withMappings(read, chosen.mappings).map((f) => {
      const matches = chosen.choices.get(f.fileName);
      return { ...f, ...(matches?.length ? { matches } : {}) };
    }),
    allowDeletions: chosen.allowDeletions,
    ...(chosen.receipts === undefined ? {} : { receipts: chosen.receipts }),
    ...officeOf(chosen.officeId),
  };
}

/** Whether the switch shows the lists as receipts: as the user set it, else as a file's layout was remembered. */
export function readAsReceipts(chosen: boolean | undefined, result: ImportFilesResult | null): boolean {
  return chosen ?? (result?.files.some((f) => f.layout?.receipts) || false);
}

/** Every file's problems in one list, each with the file it is in. */
export function importErrors(result: ImportFilesResult | null): (ImportIssue & { fileName: string })[] {
  return result?.files.flatMap((f) => f.errors.map((e) => ({ ...e, fileName: f.fileName }))) ?? [];
}

/** Whether the check covers more than one file. */
export function isMany(result: ImportFilesResult | null): boolean {
  return (result?.files.length ?? 0) > 1;
}

/** Whether the check is shown file by file: several files, or a bundle (whose records are counted apart). */
export function showsFiles(result: ImportFilesResult): boolean {
  return isMany(result) || result.files[0]?.kind === 'bundle';
}

/** What a file brings: a workbook's rows added and skipped, or a bundle's records (its problems are counted apart). */
export function fileOutcomeText(file: ImportedFile, t: TFunction): string {
  if (file.kind === 'bundle')
    return t('imports.bundleCounts', {
      inserted: file.merge?.inserted ?? 0,
      updated: file.merge?.updated ?? 0,
      unchanged: file.merge?.unchanged ?? 0,
      conflicts: file.merge?.conflicts ?? 0,
    });
  const receipts = receiptsOf(file);
  return withReceipts(
    t('imports.workbookCounts', { added: file.added - receipts, skipped: file.skipped }),
    receipts,
    t,
  );
}

/**
 * A list's receipt rows recorded as deliveries of pledges already in the ledger: among its rows added, but they add
 * no pledge, so the outcome counts them apart. A receipt with no pledge to fulfil makes one, and counts as added.
 */
export function receiptsOf(file: ImportedFile): number {
  // A refused file adds nothing, its receipts included.
  if (!file.added) return 0;
  return (
    file.receipts?.filter((r) => r.outcome === 'item' || r.outcome === 'place' || r.outcome === 'chosen').length ?? 0
  );
}

const receiptsIn = (result: ImportFilesResult) => result.files.reduce((n, f) => n + receiptsOf(f), 0);

/** The outcome (its pledges added counted without them), then the receipts recorded against pledges already entered. */
function withReceipts(text: string, receipts: number, t: TFunction): string {
  if (!receipts) return text;
  const said = t('receiptCounts.delivered', { count: receipts });
  return text.endsWith('.') ? `${text.slice(0, -1)}, ${said}.` : `${text}, ${said}`;
}

/** The office a file was read as, and whether its letterhead said so; for a bundle, the office that signed it. */
export function fileOfficeText(file: ImportedFile, t: TFunction): string {
  if (file.sender) return `${file.sender} (${t('fileOrigin.signed')})`;
  if (!file.officePlace) return '';
  return `${file.officePlace.name}${file.officePlace.from === 'letterhead' ? ` (${t('imports.fromLetterhead')})` : ''}`;
}

/** Where one file is from, in a line: its office and its province, as far as they are known. */
export function fileOriginText(file: ImportedFile, t: TFunction): string {
  const office = fileOfficeText(file, t);
  return [
    ...(office ? [t('fileOrigin.officeIs', { office })] : []),
    ...(file.province ? [t('fileOrigin.provinceIs', { province: file.province })] : []),
  ].join(' · ');
}

/** A problem's column: the file's own header (Vietnamese), and in English what it means. */
export function issueColumnText(column: string, language: string): string {
  return language === 'en' && TEMPLATE_HEADERS_EN[column] ? `${TEMPLATE_HEADERS_EN[column]} (${column})` : column;
}

export function issueMessage(issue: ImportIssue, language: string): string {
  return language === 'en' ? issue.messageEn : issue.message;
}

/** The heading of a refused check: how many problems, and (of several files) in how many of them. */
export function rejectedText(result: ImportFilesResult, errorCount: number, t: TFunction): string {
  return isMany(result)
    ? t('imports.rejectedMany', { count: errorCount, files: result.totals.refusedFiles })
    : t('imports.rejected', { count: errorCount });
}

/** What a clean check will do: rows added and skipped, and (file by file) records merged and conflicts. */
export function readyText(result: ImportFilesResult, t: TFunction): string {
  const receipts = receiptsIn(result);
  const totals = { ...result.totals, added: result.totals.added - receipts };
  const text = showsFiles(result)
    ? t('imports.willAddMany', {
        files: result.files.length,
        added: totals.added,
        skipped: totals.skipped,
        inserted: totals.inserted,
        updated: totals.updated,
        conflicts: totals.conflicts,
      })
    : t('imports.willAdd', { added: totals.added, skipped: totals.skipped });
  return withReceipts(text, receipts, t);
}

/** What an import did. */
export function doneText(result: ImportFilesResult, t: TFunction): string {
  const receipts = receiptsIn(result);
  const text = t('imports.doneMany', {
    files: result.files.length,
    added: result.totals.added - receipts,
    skipped: result.totals.skipped,
    inserted: result.totals.inserted,
    updated: result.totals.updated,
  });
  return withReceipts(text, receipts, t);
}

/** Whether importing would change anything: rows to add or records to insert or update. */
export function changesAnything(result: ImportFilesResult): boolean {
  return result.totals.added + result.totals.inserted + result.totals.updated !== 0;
}

/** The donors the files name that the ledger does not know yet (they are added with the rows). */
export function newDonorNames(result: ImportFilesResult): string[] {
  return result.files.flatMap((f) => f.newDonors);
}
