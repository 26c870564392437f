/**
 * The lists officers really send, not only the template: headers in their own words ("Tên nhà tài trợ", "SL", "ĐVT",
 * "Xã", "Thời gian", "Số tiền (đồng)"), found anywhere in the first 30 rows under letterheads, titles and notes; an STT
 * column; section rows ("I. NHÀ Ở"); totals rows ("Tổng cộng", "Cộng"); signature rows below. This file only reads
 * the layout; `rows.ts` reads the rows.
 */
import { foldText } from '../../contract/text';
import { headerKey, TEMPLATE_COLUMNS, type ColumnKey } from './columns';
import { readHeaderWords } from './header-words';
import { type MoneyUnit, moneyUnit } from './money-units';

/** How far down the header row may be. */
export const HEADER_SEARCH_ROWS = 30;

/** What a header names; a money column with the unit its header states ("Số tiền (triệu đồng)"). */
export type HeaderMeaning =
  | { kind: 'field'; key: ColumnKey; unit: MoneyUnit | null }
  | { kind: 'stt' }
  | { kind: 'place'; unitType: string | null };

/** Fields holding money: the unit in their header ("(triệu đồng)", "(USD)") is the amount's currency and scale. */
export const MONEY_FIELDS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['amount', 'unitValue', 'receivedAmount']);
/**
 * Fields of free text: several columns read as one are joined with their headers ("Thôn: Nà Pồng; Hộ: Nông Văn A"),
 * none dropped.
 */
export const TEXT_FIELDS: ReadonlySet<ColumnKey> = new Set<ColumnKey>(['notes', 'description', 'recipient', 'village']);

const TEMPLATE_HEADERS = new Map(TEMPLATE_COLUMNS.map((c) => [headerKey(c.header), c.key]));

type HeaderReading = { meaning: HeaderMeaning | null; could: ColumnKey[] };

/**
 * Cells already read: the top rows of every file are read cell by cell, and their texts (headers, names, places) recur
 * from row to row and file to file. Short texts only, up to a bound; the cache starts over when full.
 */
const readCells = new Map<string, HeaderReading>();
const READ_CELLS_KEPT = 5_000;
const READ_CELL_LENGTH = 200;

/** What a header cell names (the template's own headers first, then its words), or the fields it could be. */
export function readHeader(text: string): HeaderReading {
  if (text.length > READ_CELL_LENGTH) return readHeaderAfresh(text);
  let read = readCells.get(text);
  if (!read) {
    read = readHeaderAfresh(text);
    if (readCells.size >= READ_CELLS_KEPT) readCells.clear();
    readCells.set(text, read);
  }
  // A copy: what is returned is the caller's to keep or change.
  const { meaning, could } = read;
  const copied =
    meaning?.kind === 'field' && meaning.unit ? { ...meaning, unit: { ...meaning.unit } } : meaning && { ...meaning };
  return { meaning: copied, could: [...could] };
}

function readHeaderAfresh(text: string): HeaderReading {
  if (!text.trim()) return { meaning: null, could: [] };
  // The unit in brackets, if any: "Số tiền (đồng)" is an amount in VND.
  const unit = headerUnit(text);
  const template = TEMPLATE_HEADERS.get(headerKey(text));
  if (template) return { meaning: { kind: 'field', key: template, unit: null }, could: [] };
  const read = readHeaderWords(text);
  if (!read.meaning) return { meaning: null, could: read.could };
  if (read.meaning.kind !== 'field') return { meaning: read.meaning, could: [] };
  const key = read.meaning.key;
  return { meaning: { kind: 'field', key, unit: MONEY_FIELDS.has(key) ? unit : null }, could: [] };
}

/** What a header cell names, or null. */
export function headerMeaning(text: string): HeaderMeaning | null {
  return readHeader(text).meaning;
}

/** The columns a header row names: each field's first column, place columns by unit type, and the STT column. */
export interface HeaderColumns {
  fields: Map<ColumnKey, number>;
  /** Place columns named by unit type, most local first ("Xã" before "Huyện"). */
  places: { column: number; unitType: string | null }[];
  stt: number | null;
  /** The currency the amount headers state ("Thành tiền (USD)"), when they do. */
  currency: string | null;
  /** The unit each money column's header states ("(triệu đồng)"), by field. */
  units: Map<ColumnKey, MoneyUnit>;
  /** A text field read from several columns: each column and its header, in the sheet's order. */
  joined: Map<ColumnKey, { column: number; header: string }[]>;
  /** Each non-empty header and how it was read (for the mapping step); one not read, with the fields it could be. */
  read: {
    column: number;
    header: string;
    field: ColumnKey | 'ignore' | 'stt' | 'place' | null;
    from: 'known' | 'remembered' | 'chosen' | null;
    could?: ColumnKey[];
  }[];
}

/** A header as mappings are keyed: folded, single-spaced. */
export const mappingKey = (header: string) => foldText(header).replace(/\s+/g, ' ').trim();

/** A header row's signature, by which its mapping is remembered: its non-empty headers, folded, in order. */
export function layoutKey(texts: string[]): string {
  return texts.map(mappingKey).filter(Boolean).join(' | ');
}

/** A mapping of headers (keyed by `mappingKey`) to fields, and where each entry came from. */
export type HeaderMapping = Map<string, { field: ColumnKey | 'ignore'; from: 'remembered' | 'chosen' }>;

const LOCAL_FIRST = ['Xã', 'Phường', 'Thị trấn', null, 'Quận', 'Thị xã', 'Thành phố', 'Huyện'];

export function readHeaderRow(texts: string[], mapping: HeaderMapping = new Map()): HeaderColumns {
  const columns: HeaderColumns = {
    fields: new Map(),
    places: [],
    stt: null,
    currency: null,
    units: new Map(),
    joined: new Map(),
    read: [],
  };
  texts.forEach((text, column) => {
    if (!text.trim()) return;
    // A mapping chosen for this header comes first; then the header's own words.
    const mapped = mapping.get(mappingKey(text));
    const own = readHeader(text);
    const meaning: HeaderMeaning | null = !mapped
      ? own.meaning
      : mapped.field === 'ignore'
        ? null
        : { kind: 'field', key: mapped.field, unit: MONEY_FIELDS.has(mapped.field) ? headerUnit(text) : null };
    const from = mapped ? mapped.from : meaning ? 'known' : null;
    if (!meaning) columns.read.push({ column, header: text, field: mapped ? 'ignore' : null, from, could: own.could });
    else addColumn(columns, meaning, { column, header: text, from });
  });
  columns.places.sort((a, b) => LOCAL_FIRST.indexOf(a.unitType) - LOCAL_FIRST.indexOf(b.unitType));
  return columns;
}

/** A column read as `meaning` added to the header's columns: a field's second column is joined (text) or asked about. */
function addColumn(
  columns: HeaderColumns,
  meaning: HeaderMeaning,
  at: { column: number; header: string; from: HeaderColumns['read'][number]['from'] },
): void {
  const { column, header } = at;
  if (meaning.kind === 'stt') {
    columns.stt ??= column;
    columns.read.push({ ...at, field: 'stt' });
  } else if (meaning.kind === 'place') {
    columns.places.push({ column, unitType: meaning.unitType });
    columns.read.push({ ...at, field: 'place' });
  } else if (!columns.fields.has(meaning.key)) {
    columns.fields.set(meaning.key, column);
    if (meaning.unit) columns.units.set(meaning.key, meaning.unit);
    columns.currency ??= meaning.unit?.currency ?? null;
    columns.read.push({ ...at, field: meaning.key });
  } else if (TEXT_FIELDS.has(meaning.key)) {
    const first = columns.fields.get(meaning.key)!;
    const joined = columns.joined.get(meaning.key) ?? [{ column: first, header: headerLabel(columns, first) }];
    columns.joined.set(meaning.key, [...joined, { column, header: headerLabel(columns, column, header) }]);
    columns.read.push({ ...at, field: meaning.key });
  } else columns.read.push({ column, header, field: null, from: null, could: [meaning.key] });
}

/** A header as a joined text names its column: as written, on one line, without its bracketed note. */
function headerLabel(columns: HeaderColumns, column: number, header?: string): string {
  const text = header ?? columns.read.find((c) => c.column === column)?.header ?? '';
  return (
    text
      .replace(/\([^)]*\)/g, ' ')
      .replace(/\s+/g, ' ')
      .trim() || text.trim()
  ).replace(/[:\s]+$/, '');
}

/** The money unit a header's brackets state ("(triệu đồng)"), if any. */
export function headerUnit(text: string): MoneyUnit | null {
  const bracketed = /\(([^)]*)\)/.exec(text)?.[1];
  return bracketed === undefined ? null : moneyUnit(bracketed);
}

/** How many fields a header row names: the row naming most (at least three) is the header. */
export function headerScore(columns: HeaderColumns): number {
  return columns.fields.size + (columns.places.length && !columns.fields.has('place') ? 1 : 0);
}

/** A Roman numeral or a capital letter, as section rows are numbered ("I", "II", "A"). */
const SECTION_NUMBER = /^(?:[IVXLC]+|[A-Z])$/;
const SECTION_TITLE = /^(?:[IVXLC]+|[A-Z])\s*[.)/-]\s*(\S.*)$/;

/**
 * A section row ("I. NHÀ Ở", or "II" in the STT column and "QUÀ TẶNG" beside it): its title, or null when the row is
 * not one. `texts` are the row's non-empty cells other than STT, `stt` its STT cell.
 */
export function sectionTitle(stt: string, texts: string[]): string | null {
  if (texts.length > 1) return null;
  const only = texts[0] ?? '';
  if (SECTION_NUMBER.test(stt.trim()) && only) return only;
  if (!stt.trim() || SECTION_NUMBER.test(stt.trim())) {
    const titled = SECTION_TITLE.exec(only.trim());
    if (titled) return titled[1]!;
  }
  return null;
}

/** A totals row's label: "Tổng cộng" / "Tổng" / "Tổng số" (every row above) or "Cộng" (the section's rows). */
export function totalsLabel(texts: string[]): 'grand' | 'section' | null {
  for (const text of texts) {
    const folded = foldText(text)
      .replace(/[^a-z0-9+() ]/g, ' ')
      .trim()
      .replace(/\s+/g, ' ');
    if (folded.length > 30) continue;
    if (/^(tong cong|tong so|tong)( \(?[a-z0-9+ ]*\)?)?$/.test(folded)) return 'grand';
    if (/^cong( [ivxlc0-9]+| \(?[a-z0-9+ ]*\)?)?$/.test(folded)) return 'section';
  }
  return null;
}

/** Rows under a list that sign it: "Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "…, ngày … tháng … năm". */
export function isSignatureRow(texts: string[]): boolean {
  return texts.some((text) => {
    const folded = foldText(text);
    return (
      /(nguoi lap|thu truong|ky,? ghi ro ho ten|ky ten|ky va ghi|xac nhan cua|giam doc|chu tich|ke toan|dong dau|truong phong)/.test(
        folded,
      ) || /ngay\s*[.…\d\s]*\s*thang\s*[.…\d\s]*\s*nam/.test(folded)
    );
  });
}
