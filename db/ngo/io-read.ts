/**
 * A register read from its sheet: the header row found by its words within the first rows (under a letterhead and a
 * title), each column's field from its words or the mapping remembered or chosen for the layout, and the rows under
 * it read as certificates — one a row; empty rows, section titles, totals and the signature block below passed over.
 * A row's refused value names its row and column; nothing here writes.
 */
import type * as XLSX from 'xlsx';
import type { ImportIssue } from '../../contract/imports';
import type { CertificateKind, CertificateStatus } from '../../contract/ngo';
import {
  REGISTRY_FIELD_HEADERS,
  REGISTRY_REQUIRED,
  type RegistryField,
  type RegistryLayout,
} from '../../contract/ngo-io';
import { cellText } from '../imports/cell-values';
import { HEADER_SEARCH_ROWS, isSignatureRow, mappingKey, sectionTitle, totalsLabel } from '../imports/layout';
import { loadedSheetJs } from '../imports/libraries';
import type { Sheet } from '../imports/sheet-grid';
import { readRegistryHeader } from './io-words';
import {
  datesIn,
  readDecision,
  readFields,
  readKind,
  readProvinces,
  readStatus,
  readValidity,
  ValueError,
} from './io-values';

/** A mapping of headers (keyed by `mappingKey`) to fields, and where each entry came from. */
export type RegistryMapping = Map<string, { field: RegistryField | 'ignore'; from: 'remembered' | 'chosen' }>;

/** A register's header row as read: each field's column, the STT column, and each header's reading. */
export interface RegistryHeader {
  /** The header's row (SheetJS's numbering, from 0). */
  row: number;
  texts: string[];
  fields: Map<RegistryField, number>;
  stt: number | null;
  layout: RegistryLayout;
}

/** One certificate row as read. */
export interface RegistryRow {
  /** The sheet's row number as the spreadsheet shows it. */
  row: number;
  name: string;
  shortName: string | null;
  country: string | null;
  kind: CertificateKind;
  number: string;
  issuedBy: string | null;
  issuedOn: string;
  validUntil: string;
  provinces: string[];
  fields: string[];
  status: CertificateStatus;
  /** The decision that changed its standing (from the decision column, else the standing's own cell). */
  decisionNumber: string | null;
  decisionDate: string | null;
  headName: string | null;
  officeAddress: string | null;
  contactName: string | null;
  contactRole: string | null;
  phone: string | null;
  email: string | null;
  notes: string | null;
}

/** The columns read from a header row's texts, a mapping first, then the words. */
function readHeaderRow(texts: string[], mapping: RegistryMapping) {
  const fields = new Map<RegistryField, number>();
  let stt: number | null = null;
  const read: (Omit<RegistryLayout['columns'][number], 'samples'> & { column: number })[] = [];
  texts.forEach((text, column) => {
    if (!text.trim()) return;
    const mapped = mapping.get(mappingKey(text));
    const own = readRegistryHeader(text);
    if (mapped) {
      if (mapped.field !== 'ignore' && !fields.has(mapped.field)) fields.set(mapped.field, column);
      read.push({ column, header: text, field: mapped.field, from: mapped.from });
    } else if (own.meaning?.kind === 'stt') {
      stt ??= column;
      read.push({ column, header: text, field: 'stt', from: 'known' });
    } else if (own.meaning && !fields.has(own.meaning.key)) {
      fields.set(own.meaning.key, column);
      read.push({ column, header: text, field: own.meaning.key, from: 'known' });
    } else {
      const could = own.meaning ? [own.meaning.key] : own.could;
      read.push({ column, header: text, field: null, from: null, could });
    }
  });
  return { fields, stt, read };
}

/** The header row: of the first rows, the one naming most fields (at least three). */
export function findHeader(sheet: Sheet, mappingFor: (texts: string[]) => RegistryMapping): RegistryHeader | null {
  const { range } = sheet;
  let best: { row: number; texts: string[]; read: ReturnType<typeof readHeaderRow> } | null = null;
  for (let r = range.s.r; r <= Math.min(range.e.r, range.s.r + HEADER_SEARCH_ROWS); r++) {
    const texts = sheet.rowTexts(r);
    const read = readHeaderRow(texts, mappingFor(texts));
    if (read.fields.size >= 3 && (!best || read.fields.size > best.read.fields.size)) best = { row: r, texts, read };
  }
  if (!best) return null;
  const { row, texts, read } = best;
  return {
    row,
    texts,
    fields: read.fields,
    stt: read.stt,
    layout: {
      headerRow: row + 1,
      remembered: read.read.some((c) => c.from === 'remembered'),
      columns: read.read.map(({ column, ...c }) => ({
        ...c,
        samples: Array.from({ length: Math.min(3, range.e.r - row) }, (_, i) =>
          shownText(sheet.cellAt(row + 1 + i, column + range.s.c)),
        ).filter(Boolean),
      })),
    },
  };
}

/** A cell as the sheet shows it (a date cell as dd/mm/yyyy, not its serial number). */
function shownText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  if (cell.t === 'n' && cell.z && /[dmy]/i.test(String(cell.z))) {
    const code = loadedSheetJs().SSF.parse_date_code(cell.v as number);
    if (code) return `${String(code.d).padStart(2, '0')}/${String(code.m).padStart(2, '0')}/${code.y}`;
  }
  if (cell.t === 'd' && cell.v instanceof Date) {
    const d = cell.v;
    return `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`;
  }
  return cellText(cell);
}

/** The columns a register cannot be read without, each an issue on the header row. */
export function missingColumns(header: RegistryHeader): ImportIssue[] {
  const unread = header.layout.columns.filter((c) => c.field === null);
  return REGISTRY_REQUIRED.filter((f) => !header.fields.has(f)).map((field) => {
    const could = unread.filter((c) => c.could?.includes(field)).map((c) => `"${c.header}"`);
    const others = unread.map((c) => `"${c.header}"`);
    const hint = could.length
      ? {
          vi: `; có thể là cột ${could.join(', ')}: hãy ghép cột`,
          en: `; it may be the column ${could.join(', ')}: map the columns`,
        }
      : others.length
        ? {
            vi: `; cột chưa đọc được: ${others.join(', ')}: hãy ghép cột`,
            en: `; columns not read: ${others.join(', ')}: map the columns`,
          }
        : { vi: '', en: '' };
    return {
      row: header.row + 1,
      column: REGISTRY_FIELD_HEADERS[field],
      message: `thiếu cột này ở dòng tiêu đề${hint.vi}`,
      messageEn: `this column is missing from the header row${hint.en}`,
    };
  });
}

/** The rows under the header, each a certificate or its issues. */
export function readRows(sheet: Sheet, header: RegistryHeader): { rows: RegistryRow[]; errors: ImportIssue[] } {
  const { range } = sheet;
  const rows: RegistryRow[] = [];
  const errors: ImportIssue[] = [];
  const at = (r: number, field: RegistryField) => {
    const column = header.fields.get(field);
    return column === undefined ? undefined : sheet.cellAt(r, column + range.s.c);
  };
  for (let r = header.row + 1; r <= range.e.r; r++) {
    const texts = sheet.rowTexts(r);
    const filled = texts.filter((t, i) => t && i !== header.stt);
    if (!filled.length) continue;
    // A row numbering the columns ("(1)", "(2)", "1", "2" …) under the header.
    if (texts.every((t) => !t || /^\(?\d{1,2}\)?$/.test(t))) continue;
    if (totalsLabel(filled) || sectionTitle(header.stt === null ? '' : texts[header.stt]!, filled) !== null) continue;
    if (isSignatureRow(filled) && !cellText(at(r, 'number'))) break;
    const row = readRow(r, (field) => at(r, field));
    if ('issues' in row) errors.push(...row.issues);
    else rows.push(row);
  }
  return { rows, errors };
}

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function readRow(
  r: number,
  cell: (field: RegistryField) => XLSX.CellObject | undefined,
): RegistryRow | { issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const text = (field: RegistryField) => shownText(cell(field));
  const optional = (field: RegistryField, max = 255) => oneLine(text(field)).slice(0, max) || null;
  function value<T>(field: RegistryField, read: (text: string) => T): T | undefined {
    try {
      return read(text(field));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      issues.push({ row: r + 1, column: REGISTRY_FIELD_HEADERS[field], message: error.vi, messageEn: error.en });
      return undefined;
    }
  }
  const required = (t: string) => {
    if (!oneLine(t)) throw new ValueError('bắt buộc phải nhập', 'is required');
    return oneLine(t);
  };
  const date = (t: string) => {
    const dates = datesIn(t);
    if (!dates.length) {
      if (!t.trim()) throw new ValueError('bắt buộc phải nhập', 'is required');
      throw new ValueError(`"${t}" không phải ngày dạng ngày/tháng/năm`, `"${t}" is not a day/month/year date`);
    }
    return dates[0]!;
  };
  const name = value('name', required);
  const number = value('number', required);
  const issuedOn = value('issuedOn', date);
  const validUntil = value('validUntil', (t) => readValidity(t, issuedOn ?? null));
  if (issuedOn && validUntil && validUntil < issuedOn)
    issues.push({
      row: r + 1,
      column: REGISTRY_FIELD_HEADERS.validUntil,
      message: `ngày hết hạn ${validUntil.split('-').reverse().join('/')} trước ngày cấp`,
      messageEn: `the end ${validUntil} is before the date of issue`,
    });
  const provinces = value('provinces', readProvinces);
  const fields = value('fields', readFields);
  const kind = value('kind', readKind);
  const status = value('status', readStatus);
  const decision = value('decision', readDecision) ?? { number: null, date: null };
  const inStatus = value('status', readDecision) ?? { number: null, date: null };
  const decisionNumber = decision.number ?? inStatus.number;
  const decisionDate = decision.date ?? inStatus.date;
  // Decree 58, Art. 7: a certificate is extended, amended, suspended or revoked by a decision of a day.
  if (status && status !== 'in_force' && !decisionDate)
    issues.push({
      row: r + 1,
      column: REGISTRY_FIELD_HEADERS.status,
      message: `"${text('status')}": cần ngày của quyết định (ở cột Quyết định, hoặc trong ô này)`,
      messageEn: `"${text('status')}": the decision's date is needed (in a column Quyết định, or in this cell)`,
    });
  if (issues.length) return { issues };
  return {
    row: r + 1,
    name: name!,
    shortName: optional('shortName'),
    country: optional('country'),
    kind: kind!,
    number: number!,
    issuedBy: optional('issuedBy'),
    issuedOn: issuedOn!,
    validUntil: validUntil!,
    provinces: provinces!,
    fields: fields!,
    status: status!,
    decisionNumber: status === 'in_force' ? null : decisionNumber,
    decisionDate: status === 'in_force' ? null : decisionDate,
    headName: optional('headName'),
    officeAddress: optional('officeAddress'),
    contactName: optional('contactName'),
    contactRole: optional('contactRole'),
    phone: optional('phone'),
    email: optional('email'),
    notes: optional('notes', 2000),
  };
}
