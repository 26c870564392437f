/** The mapping step's rules, apart from the panel: which files need it, how a field is named, and a choice made. */
import type { TFunction } from 'i18next';
import {
  IMPORT_FIELD_HEADERS,
  type IMPORT_FIELDS,
  type ColumnMapping,
  type ImportedFile,
  type ImportLayout,
} from '../../../contract/imports';
import { TEMPLATE_HEADERS_EN } from '../../../contract/labels';

/** Whether a file's columns need the mapping step: a column not named, or a required one missing. */
export function needsMapping(file: ImportedFile): boolean {
  return Boolean(file.layout?.columns.some((c) => c.field === null || c.from === 'chosen'));
}

/** Whether a file's columns can be mapped: every workbook's, those read by their own words included. */
export function canMap(file: ImportedFile): boolean {
  return Boolean(file.layout?.columns.length);
}

/**
 * The field a column's choice shows: the one chosen, else the field it was read as (a row number or a place column
 * by unit type is no field to choose: it shows as the placeholder).
 */
export function shownField(column: ImportLayout['columns'][number], mapping: ColumnMapping): string | undefined {
  const chosen = mapping.find((m) => m.header === column.header)?.field;
  if (chosen) return chosen;
  return column.field === null || column.field === 'stt' || column.field === 'place' ? undefined : column.field;
}

/** The fields a column not read could be, by name. */
export function couldText(fields: readonly (typeof IMPORT_FIELDS)[number][], en: boolean): string {
  return fields.map((f) => importFieldLabel(f, en)).join(', ');
}

/** A field by the template's header (Vietnamese), and in English what it means. */
export function importFieldLabel(field: (typeof IMPORT_FIELDS)[number], en: boolean): string {
  const vi = IMPORT_FIELD_HEADERS[field];
  return en && TEMPLATE_HEADERS_EN[vi] ? `${TEMPLATE_HEADERS_EN[vi]} (${vi})` : vi;
}

/** What a column was read as, in words; null for a column not named (the user chooses). */
export function columnFieldText(column: ImportLayout['columns'][number], en: boolean, t: TFunction): string | null {
  if (column.field === 'stt') return t('imports.mapping.stt');
  if (column.field === 'place') return t('imports.mapping.placeByType');
  if (column.field === 'ignore') return t('imports.mapping.ignore');
  return column.field ? importFieldLabel(column.field, en) : null;
}

/** The mapping with a column's field chosen anew (none: the column's choice taken back). */
export function chooseField(mapping: ColumnMapping, header: string, field: string | undefined): ColumnMapping {
  return [
    ...mapping.filter((m) => m.header !== header),
    ...(field ? [{ header, field: field as ColumnMapping[number]['field'] }] : []),
  ];
}
