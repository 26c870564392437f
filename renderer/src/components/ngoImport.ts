/**
 * The register import's rules, apart from the dialog: which files it reads, what a check or an import sends, what each
 * file brings, its problems, and a column's field in words.
 */
import type { TFunction } from 'i18next';
import type { ImportIssue } from '../../../contract';
import {
  REGISTRY_FIELD_HEADERS,
  type NgoImportedFile,
  type NgoImportResult,
  type RegistryColumnMapping,
  type RegistryField,
  type RegistryLayout,
} from '../../../contract/ngo-io';
import type { ReadFile } from '../screens/importFiles';

/** The workbooks a register can be: the file chooser's choice, and those read among what was chosen or dropped. */
export const REGISTER_ACCEPT = '.xlsx,.xls,.ods,.csv';
const REGISTER_FILE = /\.(xlsx|xls|ods|csv)$/i;

export function registerFiles<F extends { name: string }>(chosen: F[]): F[] {
  return chosen.filter((f) => REGISTER_FILE.test(f.name)).sort((a, b) => a.name.localeCompare(b.name, 'vi'));
}

/** What a check (or the import) sends: each file with the columns the user mapped for it, when any. */
export function registerInput(read: ReadFile[], mappings: Map<string, RegistryColumnMapping>, dryRun: boolean) {
  return {
    files: read.map((f) => {
      const mapping = mappings.get(f.fileName);
      return { ...f, ...(mapping?.length ? { mapping } : {}) };
    }),
    dryRun,
  };
}

type Column = RegistryLayout['columns'][number];

/** Whether a file's columns are shown for mapping: one not understood, or one the user has mapped. */
export function asksMapping(file: NgoImportedFile): boolean {
  return Boolean(file.layout?.columns.some((c) => c.field === null || c.from === 'chosen'));
}

/** A field by the register's header (Vietnamese), and in English what it means with the header beside it. */
export function registryFieldLabel(field: RegistryField, t: TFunction, en: boolean): string {
  const vi = REGISTRY_FIELD_HEADERS[field];
  return en ? `${t(`ngoIo.fields.${field}`)} (${vi})` : vi;
}

/** The field a column's picker shows: the one chosen, else the field it was read as (a row number is none). */
export function shownRegistryField(column: Column, mapping: RegistryColumnMapping): string | undefined {
  const chosen = mapping.find((m) => m.header === column.header)?.field;
  if (chosen) return chosen;
  return column.field === null || column.field === 'stt' ? undefined : column.field;
}

/** The mapping with a column's field chosen anew (none: the choice taken back). */
export function chooseRegistryField(
  mapping: RegistryColumnMapping,
  header: string,
  field: string | undefined,
): RegistryColumnMapping {
  return [
    ...mapping.filter((m) => m.header !== header),
    ...(field ? [{ header, field: field as RegistryColumnMapping[number]['field'] }] : []),
  ];
}

/** A problem's column: the file's own header, in English with its meaning when it is one of the register's. */
export function registerColumnText(column: string, t: TFunction, en: boolean): string {
  const field = (Object.keys(REGISTRY_FIELD_HEADERS) as RegistryField[]).find(
    (f) => REGISTRY_FIELD_HEADERS[f] === column,
  );
  return en && field ? `${t(`ngoIo.fields.${field}`)} (${column})` : column;
}

export function registerIssueMessage(issue: ImportIssue, en: boolean): string {
  return en ? issue.messageEn : issue.message;
}

/** Every file's problems in one list, each with the file it is in. */
export function registerErrors(result: NgoImportResult | null): (ImportIssue & { fileName: string })[] {
  return result?.files.flatMap((f) => f.errors.map((e) => ({ ...e, fileName: f.fileName }))) ?? [];
}

/** What a file brings: its rows, NGOs new, certificates added, changed and already recorded, contacts added. */
export function registerOutcomeText(file: NgoImportedFile, t: TFunction): string {
  return t('ngoIo.outcome', {
    rows: file.rows,
    newNgos: file.newNgos.length,
    added: file.added,
    updated: file.updated,
    unchanged: file.unchanged,
    contacts: file.contacts,
  });
}

/** The whole batch's counts. */
export function registerTotals(result: NgoImportResult) {
  const sum = (pick: (f: NgoImportedFile) => number) => result.files.reduce((n, f) => n + pick(f), 0);
  return {
    files: result.files.length,
    rows: sum((f) => f.rows),
    newNgos: sum((f) => f.newNgos.length),
    added: sum((f) => f.added),
    updated: sum((f) => f.updated),
    unchanged: sum((f) => f.unchanged),
    contacts: sum((f) => f.contacts),
  };
}

/** Whether importing would change the ledger: an NGO, a certificate or a contact to write. */
export function registerChangesAnything(result: NgoImportResult): boolean {
  const totals = registerTotals(result);
  return totals.newNgos + totals.added + totals.updated + totals.contacts > 0;
}

/** The first and last day of the year a day is in (the export's default period). */
export function yearOf(isoDay: string): { from: string; to: string } {
  const year = isoDay.slice(0, 4);
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}
