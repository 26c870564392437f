/**
 * Imports pledges from the spreadsheets officers send (.xlsx, .xls, .ods, .csv). Every row is read and checked
 * first; a file with any bad row is rejected whole, each error naming the sheet row, the column and the reason.
 * Rows are then written through the same code as the form, inside a savepoint: a preview rolls back, a failure
 * rolls back, and only a clean import is kept. Rows already imported (by content) are skipped.
 */
import { createHash } from 'node:crypto';
import { createContext, Script } from 'node:vm';
import { sql } from 'kysely';
import type * as XLSX from 'xlsx';
import { z } from 'zod';
import { AidItemCreateInput } from '../../contract/items';
import {
  DonorCreateInput,
  PledgeCreateInput,
  type ImportIssue,
  type ImportResult,
  type PledgeKind,
  type PledgeStatus,
} from '../../contract';
import { LedgerError } from '../../contract/errors';
import {
  decimalToText,
  formatAmount,
  isCurrencyCode,
  MAX_AMOUNT_MINOR,
  multiplyQuantity,
  parseAmount,
  parseDecimal,
  RATE_PATTERN,
} from '../../contract/money';
import { foldText } from '../../contract/text';
import { describeZodError } from '../../contract/validation';
import { insertRow, prepared, savepointIf, type Ctx } from '../context';
import { addDonor } from '../donors';
import { addPledge, newPledgeChecks, type PledgeChecks } from '../pledges/writes';
import { loadedSheetJs, loadSheetJs } from './libraries';
import { PlaceIndex } from '../places/match';
import { withTotalsDeferred } from '../totals-bulk';
import { entriesIntact, isZip, summarizeZip } from './zip';
import type { ColumnMapping, ImportLayout } from '../../contract/imports';
import {
  HEADER_SEARCH_ROWS,
  headerScore,
  isSignatureRow,
  layoutKey,
  letterheadUnit,
  mappingKey,
  readHeaderRow,
  type HeaderMapping,
  sectionTitle,
  totalsLabel,
  type HeaderColumns,
} from './layout';
import {
  KINDS_BY_TEXT,
  MODALITIES_BY_TEXT,
  sectorOfText,
  STATUSES_BY_TEXT,
  TEMPLATE_COLUMNS,
  TEMPLATE_SHEET,
  headerKey,
  type ColumnKey,
} from './columns';
import { createItem } from '../items';
import { withSearchTextDeferred } from '../search';
import type { AidModality } from '../../contract/items';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What a workbook may unpack to; a real 100,000-row sheet is well under this. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
export const MAX_ROWS = 100_000;
const MAX_COLUMNS = 60;
const MAX_ERRORS = 200;

const HEADER_OF = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, c.header])) as Record<ColumnKey, string>;
// The kind may come from the list's section rows ("I. NHÀ Ở"), the place from columns named by unit type ("Xã").
const REQUIRED: ColumnKey[] = ['date', 'donor', 'description'];

/** A cell's text as quoted in a message: a 10,000-character cell must not make a 10,000-character message. */
const quoted = (text: string) => `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`;

/** A cell the row cannot be read with: its column and the reason, in Vietnamese and English. */
class RowError extends Error {
  constructor(
    readonly column: ColumnKey,
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
  }
}

const REQUIRED_VI = 'bắt buộc phải nhập';
const REQUIRED_EN = 'is required';

interface ParsedRow {
  row: number;
  date: string;
  donorName: string;
  country: string | null;
  placeId: string;
  kind: PledgeKind;
  description: string;
  quantity: string | null;
  unit: string | null;
  unitValueMinor: number | null;
  amountMinor: number;
  currency: string;
  rate: string | null;
  beneficiaries: number | null;
  status: PledgeStatus;
  notes: string | null;
  /** The aid item the row names (Tên khoản viện trợ and the columns after it), if any. */
  item: RowItem | null;
}

interface RowItem {
  name: string;
  modality: AidModality | null;
  sector: string | null;
  approvalNumber: string | null;
  approvalDate: string | null;
}

/** Parsing time allowed: a base plus 2 s per MB to parse, far above what a real file of that size needs. */
function parseTimeLimitMs(bytesToParse: number): number {
  return 3_000 + Math.ceil(bytesToParse / 1024) * 2;
}

class ParseTimeout extends Error {}

/** An OLE compound file: how .xls workbooks are stored. */
const isCompoundFile = (bytes: Buffer) =>
  bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;

// Some damaged files send the parser into an endless loop (a formula record whose length disagrees with its
// contents, in .xls): it runs under a time limit, which V8 enforces on synchronous code run from a script.
const runRead = new Script('read()');
const readContext = createContext({ read: (): unknown => undefined });

function readWorkbook(fileName: string, bytes: Buffer, limitMs: number): XLSX.WorkBook {
  // No formatted text or HTML per cell (a fifth of the parsing): a value is read from `v`, and the few samples a
  // mapping shows are formatted on demand from the cell's number format.
  const options: XLSX.ParsingOptions = {
    cellFormula: true,
    cellDates: false,
    cellNF: true,
    cellText: false,
    cellHTML: false,
    raw: true,
    sheetRows: MAX_ROWS + 2,
    dense: false,
  };
  // CSV files are read as UTF-8 text (Vietnamese letters would be garbled as bytes), unless the file is in fact a
  // workbook renamed .csv: decoded as text its compressed parts are mangled, and the parser may never finish them.
  const sheetJs = loadedSheetJs();
  const read =
    /\.csv$/i.test(fileName) && !isZip(bytes) && !isCompoundFile(bytes)
      ? () => sheetJs.read(new TextDecoder('utf-8').decode(bytes), { ...options, type: 'string' })
      : () => sheetJs.read(bytes, { ...options, type: 'buffer' });
  try {
    readContext.read = read;
    return runRead.runInContext(readContext, { timeout: limitMs }) as XLSX.WorkBook;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new ParseTimeout();
    throw error;
  } finally {
    readContext.read = () => undefined;
  }
}

function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  return String(cell.v).trim();
}

/** A date cell or dd/mm/yyyy text (05/09/2022 is 5 September). */
function readDate(cell: XLSX.CellObject | undefined, column: ColumnKey = 'date'): string {
  let y: number, m: number, d: number;
  if (cell?.t === 'n') {
    const code = loadedSheetJs().SSF.parse_date_code(cell.v as number);
    if (!code || !Number.isInteger(cell.v as number))
      throw new RowError(column, 'không phải ngày hợp lệ', 'is not a valid date');
    ({ y, m, d } = code);
  } else {
    const text = cellText(cell);
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
    else if (isoDate) [y, m, d] = [Number(isoDate[1]), Number(isoDate[2]), Number(isoDate[3])];
    else if (text)
      throw new RowError(
        column,
        `${quoted(text)} không phải ngày dạng ngày/tháng/năm`,
        `${quoted(text)} is not a day/month/year date`,
      );
    else throw new RowError(column, REQUIRED_VI, REQUIRED_EN);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new RowError(column, 'không phải ngày hợp lệ', 'is not a valid date');
  if (y < 1990 || y > 2100)
    throw new RowError(column, `năm ${y} nằm ngoài khoảng 1990–2100`, `the year ${y} is outside 1990–2100`);
  return date.toISOString().slice(0, 10);
}

/** A number cell or vi-VN text, as exact decimal text. */
function readDecimal(cell: XLSX.CellObject | undefined, column: ColumnKey): string | null {
  if (!cell || cell.v === undefined || cell.v === null || cellText(cell) === '') return null;
  if (cell.t === 'n') {
    const value = cell.v as number;
    if (!Number.isFinite(value) || value < 0)
      throw new RowError(column, 'phải là số không âm', 'must be a number, not negative');
    const text = String(value);
    if (/e/i.test(text)) throw new RowError(column, 'số quá lớn hoặc quá nhỏ', 'the number is too large or too small');
    return text;
  }
  if (cell.t === 'b') throw new RowError(column, 'phải là số', 'must be a number');
  const text = cellText(cell);
  try {
    const { digits, scale } = parseDecimal(text, 'vi');
    return decimalToText(digits, scale);
  } catch {
    throw new RowError(
      column,
      `${quoted(text)} không phải số (ví dụ: 700.000.000 hoặc 1.234,57)`,
      `${quoted(text)} is not a number (write it the Vietnamese way, e.g. 700.000.000 or 1.234,57)`,
    );
  }
}

function readAmount(cell: XLSX.CellObject | undefined, column: ColumnKey, currency: string): number | null {
  const text = readDecimal(cell, column);
  if (text === null) return null;
  try {
    const minor = parseAmount(text, currency, 'plain');
    if (minor > MAX_AMOUNT_MINOR) throw new Error('too large');
    return minor;
  } catch {
    throw new RowError(
      column,
      `${text} không hợp lệ cho ${currency} (quá lớn hoặc quá nhiều chữ số thập phân)`,
      `${text} is not valid for ${currency} (too large or too many decimals)`,
    );
  }
}

// The aid item's fields, as the template's columns.
const ITEM_COLUMN_OF: Record<string, ColumnKey> = {
  name: 'itemName',
  modality: 'modality',
  sector: 'sector',
  approvalNumber: 'approvalNumber',
  approvalDate: 'approvalDate',
};

// The contract's field names, as the template's columns.
const COLUMN_OF: Record<string, ColumnKey> = {
  donorId: 'donor',
  name: 'donor',
  country: 'country',
  placeId: 'place',
  kind: 'kind',
  description: 'description',
  quantity: 'quantity',
  unit: 'unit',
  unitValueMinor: 'unitValue',
  amountMinor: 'amount',
  currency: 'currency',
  rate: 'rate',
  pledgeDate: 'date',
  status: 'status',
  beneficiaries: 'beneficiaries',
  notes: 'notes',
};

/**
 * The row checked by the same rules as the form (text lengths, ranges): the rows are written without the contract's
 * boundary, and an import must not store what the form would refuse.
 */
function contractIssues(r: ParsedRow): ImportIssue[] {
  const pledge = PledgeCreateInput.safeParse({
    donorId: '00000000-0000-4000-8000-000000000000',
    placeId: r.placeId,
    kind: r.kind,
    description: r.description,
    quantity: r.quantity,
    unit: r.unit,
    unitValueMinor: r.unitValueMinor,
    amountMinor: r.amountMinor,
    currency: r.currency,
    rate: r.rate,
    pledgeDate: r.date,
    status: r.status,
    beneficiaries: r.beneficiaries,
    notes: r.notes,
  });
  const donor = DonorCreateInput.safeParse({ name: r.donorName, country: r.country, kind: 'foreign_ngo' });
  const item = r.item
    ? AidItemCreateInput.safeParse({
        name: r.item.name,
        modality: r.item.modality ?? 'project',
        sector: r.item.sector ?? 'other',
        donorId: '00000000-0000-4000-8000-000000000000',
        approvalNumber: r.item.approvalNumber,
        approvalDate: r.item.approvalDate,
      })
    : null;
  const issues = [...(pledge.error?.issues ?? []), ...(donor.error?.issues ?? [])];
  const itemIssues = item?.error?.issues ?? [];
  return [
    ...issues.map((issue) => [issue, COLUMN_OF[String(issue.path[0])]] as const),
    ...itemIssues.map((issue) => [issue, ITEM_COLUMN_OF[String(issue.path[0])]] as const),
  ].map(([issue, column]) => {
    // The column is named beside the message: the message keeps only the reason.
    const { message } = describeZodError(new z.ZodError([issue]));
    return {
      row: r.row,
      column: column ? HEADER_OF[column] : '',
      message: message.vi.replace(/^[^:]*: /, ''),
      messageEn: message.en.replace(/^[^:]*: /, ''),
    };
  });
}

export interface ImportOptions {
  fileName: string;
  bytes: Buffer;
  dryRun: boolean;
  /** Columns mapped by the user (see SpreadsheetImportInput.mapping). */
  mapping?: ColumnMapping | undefined;
  /** The sending office's unit (see SpreadsheetImportInput.placeId). */
  placeId?: string | null;
  /** The ledger's units, when the caller has them read already (a pass over many workbooks reads them once). */
  places?: PlaceIndex;
  /** The donors and places rows were checked against, kept by a caller importing several workbooks in a row. */
  checks?: PledgeChecks;
  /**
   * In a savepoint of its own (the default), so that a file refused halfway leaves nothing. False: the caller rolls
   * back everything itself if the file is refused (a quarter's pass, see `importFiles`).
   */
  isolated?: boolean;
}

export async function importSpreadsheet(ctx: Ctx, options: ImportOptions): Promise<ImportResult> {
  let officePlace: ImportResult['officePlace'] = null;
  let importLayout: ImportLayout | null = null;
  const result = (errors: ImportIssue[], extra: Partial<ImportResult> = {}): ImportResult => ({
    added: 0,
    skipped: 0,
    newDonors: [],
    dryRun: options.dryRun,
    ...(officePlace ? { officePlace } : {}),
    ...(importLayout ? { layout: importLayout } : {}),
    ...extra,
    errors: errors.slice(0, MAX_ERRORS),
  });
  const fileError = (message: string, messageEn: string) => result([{ row: 0, column: '', message, messageEn }]);
  if (options.bytes.length === 0) return fileError('Tệp rỗng', 'The file is empty');
  if (options.bytes.length > MAX_FILE_BYTES)
    return fileError(
      `Tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    );
  if (!/\.(xlsx|xls|ods|csv)$/i.test(options.fileName))
    return fileError('Chỉ nhận tệp .xlsx, .xls, .ods hoặc .csv', 'Only .xlsx, .xls, .ods or .csv files are accepted');

  let bytesToParse = options.bytes.length;
  if (isZip(options.bytes)) {
    const zip = summarizeZip(options.bytes);
    if (!zip) return fileError('Tệp nén (.xlsx/.ods) bị hỏng', 'The compressed file (.xlsx/.ods) is damaged');
    if (zip.uncompressedBytes > MAX_UNPACKED_BYTES)
      return fileError(
        `Tệp giải nén ra hơn ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; từ chối để bảo vệ máy`,
        `The file unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; refused to protect the computer`,
      );
    if (!entriesIntact(options.bytes))
      return fileError(
        'Tệp nén (.xlsx/.ods) bị hỏng: nội dung không khớp mã kiểm tra hoặc kích thước đã ghi',
        'The compressed file (.xlsx/.ods) is damaged: its content does not match its checksums or recorded sizes',
      );
    bytesToParse = Math.max(bytesToParse, zip.uncompressedBytes);
  }
  const sheetJs = await loadSheetJs();
  let workbook: XLSX.WorkBook;
  const limitMs = parseTimeLimitMs(bytesToParse);
  try {
    workbook = readWorkbook(options.fileName, options.bytes, limitMs);
  } catch (error) {
    if (error instanceof ParseTimeout)
      return fileError(
        `Đọc tệp quá ${Math.round(limitMs / 1000)} giây mà chưa xong; tệp có thể bị hỏng, hãy lưu lại bằng Excel hoặc LibreOffice rồi gửi lại`,
        `Reading the file took over ${Math.round(limitMs / 1000)} s without finishing; it may be damaged: save it again with Excel or LibreOffice and send it again`,
      );
    const why = error instanceof Error ? error.message.slice(0, 120) : '?';
    return fileError(`Không đọc được tệp bảng tính (${why})`, `The spreadsheet cannot be read (${why})`);
  }
  const sheetName =
    workbook.SheetNames.find((n) => headerKey(n) === headerKey(TEMPLATE_SHEET)) ?? workbook.SheetNames[0];
  const sheet = sheetName ? workbook.Sheets[sheetName] : undefined;
  if (!sheet?.['!ref'])
    return fileError(
      `Không có dữ liệu: tệp cần trang "${TEMPLATE_SHEET}"`,
      `No data: the file needs the sheet "${TEMPLATE_SHEET}"`,
    );
  const full = sheetJs.utils.decode_range(sheet['!fullref'] ?? sheet['!ref']);
  if (full.e.r - full.s.r > MAX_ROWS)
    return fileError(
      `Trang "${sheetName}" có hơn ${MAX_ROWS.toLocaleString('vi')} dòng; hãy chia thành nhiều tệp`,
      `The sheet "${sheetName}" has more than ${MAX_ROWS.toLocaleString('en')} rows; split it into several files`,
    );
  const range = sheetJs.utils.decode_range(sheet['!ref']);
  range.e.c = Math.min(range.e.c, range.s.c + MAX_COLUMNS);
  fillMerges(sheet, sheetJs);
  const cellAt = (r: number, c: number) => sheet[sheetJs.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  const rowTexts = (r: number) =>
    Array.from({ length: range.e.c - range.s.c + 1 }, (_, i) => cellText(cellAt(r, range.s.c + i)));

  // The header row: of the top rows (under letterheads, titles and notes), the one naming most known columns, at least
  // three — by their own words, the mapping chosen now, or the one remembered for a row of the same headers.
  const remembered = new Map(
    (await ctx.db.selectFrom('importLayouts').select(['layoutKey', 'mapping']).execute()).map((l) => [
      l.layoutKey,
      JSON.parse(l.mapping) as ColumnMapping,
    ]),
  );
  const chosen: HeaderMapping = new Map(
    (options.mapping ?? []).map((m) => [mappingKey(m.header), { field: m.field, from: 'chosen' as const }]),
  );
  let headerRow = -1;
  let layout: HeaderColumns | null = null;
  let proposed: { row: number; columns: HeaderColumns; texts: number } | null = null;
  let rememberedLayout = false;
  for (let r = range.s.r; r <= Math.min(range.e.r, range.s.r + HEADER_SEARCH_ROWS - 1); r++) {
    const texts = rowTexts(r);
    const earlier = remembered.get(layoutKey(texts));
    const mapping: HeaderMapping = new Map([
      ...(earlier ?? []).map((m) => [mappingKey(m.header), { field: m.field, from: 'remembered' as const }] as const),
      ...chosen,
    ]);
    const found = readHeaderRow(texts, mapping);
    if (headerScore(found) >= 3 && (!layout || headerScore(found) > headerScore(layout)))
      [headerRow, layout, rememberedLayout] = [r, found, Boolean(earlier)];
    // Without one, the row of most headers is proposed for the mapping step.
    const filled = texts.filter((x) => x !== '').length;
    if (filled >= 3 && (!proposed || filled > proposed.texts)) proposed = { row: r, columns: found, texts: filled };
  }
  const describe = (row: number, columns: HeaderColumns, isRemembered: boolean): ImportLayout => ({
    headerRow: row + 1,
    remembered: isRemembered,
    columns: columns.read.map((c) => ({
      header: c.header,
      field: c.field,
      from: c.from,
      // As the sheet shows them (a date cell as a date, not its serial number).
      samples: Array.from({ length: Math.min(3, range.e.r - row) }, (_, i) => cellAt(row + 1 + i, c.column + range.s.c))
        .map((cell) =>
          (cell && cell.v !== undefined && cell.v !== null ? loadedSheetJs().utils.format_cell(cell) : '').trim(),
        )
        .filter((x) => x !== ''),
    })),
  });
  if (headerRow < 0 || !layout) {
    if (proposed) importLayout = describe(proposed.row, proposed.columns, false);
    return fileError(
      `Không tìm thấy dòng tiêu đề trong ${HEADER_SEARCH_ROWS} dòng đầu (${TEMPLATE_COLUMNS.map((c) => c.header).join(' | ')}); hãy ghép cột`,
      `No header row found in the first ${HEADER_SEARCH_ROWS} rows (${TEMPLATE_COLUMNS.map((c) => c.header).join(' | ')}); map the columns`,
    );
  }
  importLayout = describe(headerRow, layout, rememberedLayout);
  const columns = new Map([...layout.fields].map(([key, c]) => [key, c + range.s.c]));
  const placeColumns = layout.places.map((p) => ({ ...p, column: p.column + range.s.c }));
  const sttColumn = layout.stt === null ? null : layout.stt + range.s.c;
  const missing = REQUIRED.filter((k) => !columns.has(k));
  if (!columns.has('place') && !placeColumns.length) missing.push('place');
  if (!columns.has('amount') && !(columns.has('quantity') && columns.has('unitValue'))) missing.push('amount');
  if (missing.length) {
    return result(
      missing.map((k) => ({
        row: headerRow + 1,
        column: HEADER_OF[k],
        message: 'thiếu cột này ở dòng tiêu đề',
        messageEn: 'this column is missing from the header row',
      })),
    );
  }

  const places = options.places ?? (await PlaceIndex.load(ctx));
  // The office whose file it is: the one chosen, or the unit its letterhead names.
  if (options.placeId) {
    const chosen = places.get(options.placeId);
    if (!chosen)
      return fileError(
        'Không có địa bàn đã chọn cho đơn vị gửi tệp',
        'The chosen place of the sending office does not exist',
      );
    officePlace = { id: chosen.id, name: chosen.displayName, from: 'chosen' };
  } else {
    for (let r = range.s.r; r < headerRow && !officePlace; r++) {
      const unit = letterheadUnit(rowTexts(r));
      const found = unit
        ? places.candidates(unit.withType).length
          ? places.match(unit.withType, null)
          : places.match(unit.name, null)
        : null;
      if (found && 'place' in found)
        officePlace = { id: found.place.id, name: found.place.displayName, from: 'letterhead' };
    }
  }
  // Every name a donor is known by (folded) to its id, read once per file: rows are checked against it, and new donors
  // join it as they are created.
  const donorIds = new Map<string, string>();
  for (const d of prepared(ctx.sqlite, 'SELECT id, name_key, short_name FROM donors').all() as {
    id: string;
    name_key: string;
    short_name: string | null;
  }[]) {
    donorIds.set(d.name_key, d.id);
    if (d.short_name && !donorIds.has(foldText(d.short_name))) donorIds.set(foldText(d.short_name), d.id);
  }
  const errors: ImportIssue[] = [];
  const rows: ParsedRow[] = [];

  // The kind the list's current section names ("I. NHÀ Ở"), and where the section's rows begin (for its "Cộng" row).
  let sectionKind: PledgeKind | null = null;
  let sectionStart = 0;
  let rowsWithErrors = 0;
  for (let r = headerRow + 1; r <= range.e.r && errors.length < MAX_ERRORS; r++) {
    const cell = (key: ColumnKey) => (columns.has(key) ? cellAt(r, columns.get(key)!) : undefined);
    const used = [...columns.values(), ...placeColumns.map((p) => p.column)].some((c) => cellText(cellAt(r, c)) !== '');
    // Its texts other than the STT column's, each once (a merged title fills every cell it spans).
    const texts = [...new Set(rowTexts(r).filter((text, i) => i + range.s.c !== sttColumn && text !== ''))];
    if (!used && !texts.length) continue;
    const rowNumber = r + 1;
    const hasDate = cellText(cell('date')) !== '';
    const hasAmount = cellText(cell('amount')) !== '' || cellText(cell('unitValue')) !== '';
    // Rows of the list's own making: totals, sections, signatures.
    // (A totals label may stand in the date column; a date may not stand in a totals row.)
    const totals =
      !hasDate || totalsLabel([cellText(cell('date'))])
        ? totalsLabel([sttColumn === null ? '' : cellText(cellAt(r, sttColumn)), ...texts])
        : null;
    if (totals) {
      if (errors.length === 0 && rowsWithErrors === 0)
        errors.push(
          ...totalsDisagreement(rowNumber, cell('amount'), totals === 'grand' ? rows : rows.slice(sectionStart)),
        );
      if (totals === 'grand') break;
      sectionStart = rows.length;
      continue;
    }
    // One text, perhaps merged across the row: a section's title.
    const section = sectionTitle(sttColumn === null ? '' : cellText(cellAt(r, sttColumn)), texts);
    if (section !== null) {
      sectionKind = kindOfTitle(section);
      sectionStart = rows.length;
      continue;
    }
    if (!hasDate && !hasAmount && isSignatureRow(texts)) continue;
    if (!used) continue;
    // Every field is checked, so one pass shows every problem of the row.
    const rowErrors: ImportIssue[] = [];
    const check = <T>(read: () => T): T | undefined => {
      try {
        return read();
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        rowErrors.push({ row: rowNumber, column: HEADER_OF[error.column], message: error.vi, messageEn: error.en });
        return undefined;
      }
    };
    const text = (key: ColumnKey) => cellText(cell(key));
    const formulas = [...columns].filter(([, c]) => cellAt(r, c)?.f);
    for (const [key] of formulas)
      check(() => {
        throw new RowError(
          key,
          'ô chứa công thức; hãy dán giá trị (Paste Values)',
          'the cell holds a formula; paste its value (Paste Values)',
        );
      });
    if (formulas.length) {
      errors.push(...rowErrors);
      continue;
    }
    const date = check(() => readDate(cell('date')));
    const currency = check(() => {
      // Without a currency column, the unit the amount's header states ("Số tiền (USD)"), or VND.
      const code = text('currency').toUpperCase() || layout.currency || 'VND';
      if (!isCurrencyCode(code))
        throw new RowError(
          'currency',
          `${quoted(text('currency'))} không phải mã tiền tệ được hỗ trợ`,
          `${quoted(text('currency'))} is not a supported currency code`,
        );
      return code;
    });
    const kind = check(() => {
      // No kind column: the section's kind, or "other".
      if (!columns.has('kind')) return sectionKind ?? 'other';
      const found = KINDS_BY_TEXT.get(foldText(text('kind')));
      if (!found && !text('kind')) throw new RowError('kind', REQUIRED_VI, REQUIRED_EN);
      if (!found) {
        const kinds = 'Nhà ở, Quà, Học bổng, Tiền mặt, Trang thiết bị, Dự án, Khác';
        throw new RowError(
          'kind',
          `${quoted(text('kind'))} không phải loại hỗ trợ (${kinds})`,
          `${quoted(text('kind'))} is not a supported kind (${kinds})`,
        );
      }
      return found;
    });
    const status = check(() => {
      const statusText = text('status');
      const found = statusText ? STATUSES_BY_TEXT.get(foldText(statusText)) : 'pledged';
      if (!found) {
        const statuses = 'Cam kết, Đang thực hiện, Hoàn thành, Hủy';
        throw new RowError(
          'status',
          `${quoted(statusText)} không phải trạng thái (${statuses})`,
          `${quoted(statusText)} is not a status (${statuses})`,
        );
      }
      return found;
    });
    const description = check(() => {
      if (!text('description')) throw new RowError('description', REQUIRED_VI, REQUIRED_EN);
      return text('description');
    });
    const placeId = check(() => {
      // A place column, then the columns named by unit type, most local first: "Hưng Đạo" under "Xã" beside "Bảo
      // Lạc" under "Huyện" is "Xã Hưng Đạo, Huyện Bảo Lạc".
      const named = (withType: boolean) =>
        [text('place'), ...placeColumns.map((p) => typed(cellText(cellAt(r, p.column)), withType ? p.unitType : null))]
          .filter(Boolean)
          .join(', ');
      // With the column's unit type when a unit of that type has the name (units seeded without a type have not).
      const placeText = places.candidates(named(true)).length ? named(true) : named(false);
      if (!placeText) throw new RowError('place', REQUIRED_VI, REQUIRED_EN);
      // Matched among the units in force on the row's date (a row without a valid date: today's units).
      const found = places.match(placeText, date ?? null, officePlace?.id ?? null);
      if ('problem' in found) throw new RowError('place', found.problem.vi, found.problem.en);
      return found.place.id;
    });
    const donorName = text('donor');
    const country = text('country') || null;
    check(() => {
      if (!donorName) throw new RowError('donor', REQUIRED_VI, REQUIRED_EN);
      if (!donorIds.has(foldText(donorName)) && !country)
        throw new RowError(
          'donor',
          `chưa có nhà tài trợ ${quoted(donorName)}; ghi Quốc gia để tạo mới`,
          `no donor ${quoted(donorName)} yet; fill in Quốc gia (country) to create it`,
        );
    });
    const quantity = check(() => {
      const q = readDecimal(cell('quantity'), 'quantity');
      if (q !== null && (parseDecimal(q, 'plain').scale > 3 || q.replace('.', '').length > 15))
        throw new RowError('quantity', 'quá nhiều chữ số', 'has too many digits');
      return q;
    });
    let amountMinor: number | null | undefined;
    let unitValueMinor: number | null | undefined;
    let rate: string | null | undefined = null;
    if (currency) {
      unitValueMinor = check(() => readAmount(cell('unitValue'), 'unitValue', currency));
      amountMinor = check(() => {
        let amount = readAmount(cell('amount'), 'amount', currency);
        if (quantity && unitValueMinor !== undefined && unitValueMinor !== null) {
          let product: number;
          try {
            product = multiplyQuantity(quantity, unitValueMinor);
          } catch {
            // Past what a number holds exactly, so past any amount the ledger takes.
            throw new RowError(
              'amount',
              'Số lượng × Đơn giá quá lớn',
              'quantity × unit value (Số lượng × Đơn giá) is too large',
            );
          }
          if (amount === null) amount = product;
          else if (amount !== product) {
            throw new RowError(
              'amount',
              `${formatAmount(amount, currency, 'vi')} khác Số lượng × Đơn giá = ${formatAmount(product, currency, 'vi')}`,
              `${formatAmount(amount, currency, 'en')} differs from quantity × unit value (Số lượng × Đơn giá) = ${formatAmount(product, currency, 'en')}`,
            );
          }
        }
        if (amount === null)
          throw new RowError(
            'amount',
            'bắt buộc phải nhập (hoặc Số lượng và Đơn giá)',
            'is required (or quantity and unit value: Số lượng and Đơn giá)',
          );
        return amount;
      });
      if (currency !== 'VND') {
        rate = check(() => {
          const typed = readDecimal(cell('rate'), 'rate');
          if (typed !== null && (!RATE_PATTERN.test(typed) || /^0+(\.0+)?$/.test(typed)))
            throw new RowError('rate', `tỷ giá ${typed} không hợp lệ`, `the rate ${typed} is not valid`);
          return typed;
        });
        if (rate === null && date) {
          const month = date.slice(0, 7);
          const monthly = await sql<{ n: number }>`SELECT count(*) AS n FROM exchange_rates WHERE currency = ${currency}
            AND (valid_on = ${month} OR (valid_on LIKE ${`${month}-%`} AND valid_on <= ${date}))`.execute(ctx.db);
          if (!monthly.rows[0]?.n)
            check(() => {
              throw new RowError(
                'rate',
                `chưa có tỷ giá ${currency} tháng ${date.slice(5, 7)}/${date.slice(0, 4)}; hãy ghi Tỷ giá`,
                `no ${currency} rate for ${date.slice(5, 7)}/${date.slice(0, 4)} yet; fill in Tỷ giá (rate)`,
              );
            });
        }
      }
    }
    const item = check((): RowItem | null => {
      const name = text('itemName');
      const given = (['modality', 'sector', 'approvalNumber', 'approvalDate'] as const).filter((k) => text(k));
      if (!name) {
        if (given.length)
          throw new RowError(
            'itemName',
            `bắt buộc khi ghi ${given.map((k) => HEADER_OF[k]).join(', ')}`,
            `is required with ${given.map((k) => HEADER_OF[k]).join(', ')}`,
          );
        return null;
      }
      const modalityText = text('modality');
      const modality = modalityText ? MODALITIES_BY_TEXT.get(foldText(modalityText)) : null;
      if (modality === undefined)
        throw new RowError(
          'modality',
          `${quoted(modalityText)} không phải hình thức (Chương trình, Dự án, Phi dự án)`,
          `${quoted(modalityText)} is not a modality (Chương trình, Dự án, Phi dự án: programme, project, non-project aid)`,
        );
      const approvalDate =
        text('approvalDate') || cell('approvalDate')?.t === 'n' ? readDate(cell('approvalDate'), 'approvalDate') : null;
      return {
        name,
        modality,
        sector: text('sector') ? sectorOfText(text('sector')) : null,
        approvalNumber: text('approvalNumber') || null,
        approvalDate,
      };
    });
    const beneficiaries = check(() => {
      const b = readDecimal(cell('beneficiaries'), 'beneficiaries');
      if (b !== null && !/^\d{1,9}$/.test(b))
        throw new RowError('beneficiaries', 'phải là số nguyên', 'must be a whole number');
      return b === null ? null : Number(b);
    });
    if (rowErrors.length) {
      errors.push(...rowErrors);
      rowsWithErrors++;
      continue;
    }
    const parsed: ParsedRow = {
      row: rowNumber,
      date: date!,
      donorName,
      country,
      placeId: placeId!,
      kind: kind!,
      description: description!,
      quantity: quantity ?? null,
      unit: text('unit') || null,
      unitValueMinor: unitValueMinor ?? null,
      amountMinor: amountMinor!,
      currency: currency!,
      rate: rate ?? null,
      beneficiaries: beneficiaries ?? null,
      status: status!,
      notes: text('notes') || null,
      item: item ?? null,
    };
    const outOfBounds = contractIssues(parsed);
    if (outOfBounds.length) errors.push(...outOfBounds);
    else rows.push(parsed);
  }
  errors.push(...itemDisagreements(rows));
  if (errors.length) return result(errors);
  if (rows.length === 0)
    return fileError(`Trang "${sheetName}" không có dòng dữ liệu nào`, `The sheet "${sheetName}" has no data rows`);

  // Same content, same key: re-sending a file adds nothing. Identical rows in one file count in order.
  const seen = new Map<string, number>();
  const keyed = rows.map((r) => {
    const content = JSON.stringify([
      r.date,
      foldText(r.donorName),
      r.placeId,
      r.kind,
      foldText(r.description),
      r.quantity,
      r.amountMinor,
      r.currency,
    ]);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return { ...r, key: createHash('sha256').update(`${content}#${n}`).digest('hex') };
  });
  const existing = new Set(
    (
      await ctx.db
        .selectFrom('importedRows')
        .select('key')
        .where(
          'key',
          'in',
          keyed.map((r) => r.key),
        )
        .execute()
    ).map((r) => r.key),
  );
  const fresh = keyed.filter((r) => !existing.has(r.key));

  const isolated = options.isolated ?? true;
  if (options.dryRun && !isolated) throw new Error('a check of a workbook is rolled back in its own savepoint');
  const start = savepointIf(ctx, 'spreadsheet_import', isolated);
  const newDonors: string[] = [];
  const newItems: string[] = [];
  try {
    const itemIds = new Map<string, string>();
    const checks = options.checks ?? newPledgeChecks();
    // Totals are folded, and the new pledges' search text set, once after every row is written.
    await withSearchTextDeferred(ctx, () =>
      withTotalsDeferred(ctx.sqlite, ctx.tracking, async () => {
        for (const r of fresh) {
          try {
            let donorId = donorIds.get(foldText(r.donorName));
            if (!donorId) {
              const donor = await addDonor(ctx, { name: r.donorName, country: r.country, kind: 'foreign_ngo' });
              donorIds.set(foldText(donor.name), donor.id);
              donorIds.set(foldText(r.donorName), donor.id);
              donorId = donor.id;
              newDonors.push(donor.name);
            }
            const itemId = r.item ? await itemFor(ctx, r, donorId, rows, itemIds, newItems) : null;
            const pledgeId = await addPledge(
              ctx,
              {
                donorId,
                placeId: r.placeId,
                kind: r.kind,
                description: r.description,
                quantity: r.quantity,
                unit: r.unit,
                unitValueMinor: r.unitValueMinor,
                amountMinor: r.amountMinor,
                currency: r.currency as never,
                rate: r.rate,
                rateSource: r.rate ? `Tệp ${options.fileName}` : null,
                pledgeDate: r.date,
                status: r.status,
                beneficiaries: r.beneficiaries,
                notes: r.notes,
                itemId,
              },
              checks,
            );
            insertRow(ctx, 'imported_rows', { key: r.key, pledgeId, fileName: options.fileName, importedAt: ctx.now });
          } catch (error) {
            if (error instanceof RowError) {
              errors.push({ row: r.row, column: HEADER_OF[error.column], message: error.vi, messageEn: error.en });
              continue;
            }
            if (!(error instanceof LedgerError)) throw error;
            const shape = error.toShape();
            const column = {
              name: 'donor',
              donorId: 'donor',
              placeId: 'place',
              amountMinor: 'amount',
              unitValueMinor: 'unitValue',
              pledgeDate: 'date',
              rate: 'rate',
              quantity: 'quantity',
              currency: 'currency',
            }[shape.field ?? ''] as ColumnKey | undefined;
            errors.push({
              row: r.row,
              column: column ? HEADER_OF[column] : '',
              message: shape.message.vi,
              messageEn: shape.message.en,
            });
          }
        }
      }),
    );
  } catch (error) {
    await start.undo();
    await start.keep();
    throw error;
  }
  // A layout mapped by the user is remembered with the import, so the office's next file goes straight through.
  const mapped = layout.read
    .filter((c) => c.from === 'chosen' || c.from === 'remembered')
    .map((c) => ({ header: c.header, field: c.field as ColumnKey | 'ignore' }));
  if (!errors.length && !options.dryRun && layout.read.some((c) => c.from === 'chosen')) {
    const headers = rowTexts(headerRow);
    await ctx.db
      .insertInto('importLayouts')
      .values({
        layoutKey: layoutKey(headers),
        headers: JSON.stringify(headers.filter(Boolean)),
        mapping: JSON.stringify(mapped),
        fileName: options.fileName,
        savedAt: ctx.now,
      })
      .onConflict((oc) =>
        oc
          .column('layoutKey')
          .doUpdateSet({ mapping: JSON.stringify(mapped), fileName: options.fileName, savedAt: ctx.now }),
      )
      .execute();
  }
  if (errors.length || options.dryRun) await start.undo();
  await start.keep();
  if (errors.length) return result(errors, { skipped: keyed.length - fresh.length });
  return result([], {
    added: fresh.length,
    skipped: keyed.length - fresh.length,
    newDonors,
    ...(newItems.length ? { newItems } : {}),
  });
}

/** A place's name under a column of its unit type ("Hưng Đạo" under "Xã"), with the type unless it has one. */
function typed(name: string, unitType: string | null): string {
  if (!name || !unitType || foldText(name).startsWith(`${foldText(unitType)} `)) return name;
  return `${unitType} ${name}`;
}

/** The kind a section's title names ("NHÀ Ở", "Hỗ trợ quà tặng"), or null. */
function kindOfTitle(title: string): PledgeKind | null {
  const folded = foldText(title)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const exact = KINDS_BY_TEXT.get(folded);
  if (exact) return exact;
  const words = [...KINDS_BY_TEXT.keys()].sort((a, b) => b.length - a.length);
  const found = words.find((w) => ` ${folded} `.includes(` ${w} `));
  return found ? KINDS_BY_TEXT.get(found)! : null;
}

/** Merged cells: every cell of a merge holds the value of its first cell (a donor written once for several rows). */
function fillMerges(sheet: XLSX.WorkSheet, sheetJs: typeof XLSX): void {
  let filled = 0;
  for (const merge of sheet['!merges'] ?? []) {
    const first = sheet[sheetJs.utils.encode_cell(merge.s)] as XLSX.CellObject | undefined;
    if (!first || first.v === undefined) continue;
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      for (let c = merge.s.c; c <= merge.e.c; c++) {
        if ((r === merge.s.r && c === merge.s.c) || ++filled > 1_000_000) continue;
        sheet[sheetJs.utils.encode_cell({ r, c })] = { t: first.t, v: first.v } as XLSX.CellObject;
      }
    }
  }
}

/**
 * A totals row checked against the rows it adds up: its amount (a formula's value counts) must equal their sum, when
 * they are in one currency; a difference is an error naming the row.
 */
function totalsDisagreement(rowNumber: number, cell: XLSX.CellObject | undefined, rows: ParsedRow[]): ImportIssue[] {
  const currencies = new Set(rows.map((r) => r.currency));
  if (!cell || cell.v === undefined || cellText(cell) === '' || currencies.size !== 1) return [];
  const currency = [...currencies][0]!;
  const sum = rows.reduce((total, r) => total + BigInt(r.amountMinor), 0n);
  let stated: number | null;
  try {
    stated = readAmount({ ...cell, f: undefined } as XLSX.CellObject, 'amount', currency);
  } catch (error) {
    if (!(error instanceof RowError)) throw error;
    return [
      {
        row: rowNumber,
        column: HEADER_OF.amount,
        message: `dòng tổng: ${error.vi}`,
        messageEn: `totals row: ${error.en}`,
      },
    ];
  }
  if (stated === null || BigInt(stated) === sum) return [];
  const [said, added] = [formatAmount(stated, currency, 'vi'), formatAmount(Number(sum), currency, 'vi')];
  const [saidEn, addedEn] = [formatAmount(stated, currency, 'en'), formatAmount(Number(sum), currency, 'en')];
  return [
    {
      row: rowNumber,
      column: HEADER_OF.amount,
      message: `dòng tổng ghi ${said} ${currency}, nhưng ${rows.length} dòng ở trên cộng lại là ${added} ${currency}`,
      messageEn: `the totals row says ${saidEn} ${currency}, but the ${rows.length} rows above add up to ${addedEn} ${currency}`,
    },
  ];
}

const itemKey = (name: string, donor: string) => `${foldText(name)}|${foldText(donor)}`;

/** Rows naming one item (same name, same donor) must not say different things of it: each such row is an error. */
function itemDisagreements(rows: ParsedRow[]): ImportIssue[] {
  const first = new Map<string, ParsedRow>();
  const issues: ImportIssue[] = [];
  for (const r of rows) {
    if (!r.item) continue;
    const key = itemKey(r.item.name, r.donorName);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, r);
      continue;
    }
    for (const field of ['modality', 'sector', 'approvalNumber', 'approvalDate'] as const) {
      const [was, now] = [earlier.item![field], r.item[field]];
      if (was !== null && now !== null && was !== now) {
        issues.push({
          row: r.row,
          column: HEADER_OF[field],
          message: `khác dòng ${earlier.row} của cùng khoản viện trợ (${String(was)})`,
          messageEn: `differs from row ${earlier.row} of the same aid item (${String(was)})`,
        });
      }
    }
  }
  return issues;
}

/**
 * The item a row belongs to: one of this donor's items by that name, or one made from the rows naming it (the first
 * value each column has among them). A new item needs its modality and sector; with an approval decision it is
 * recorded as approved on that date, otherwise as proposed on its first row's date.
 */
async function itemFor(
  ctx: Ctx,
  r: ParsedRow,
  donorId: string,
  rows: ParsedRow[],
  itemIds: Map<string, string>,
  newItems: string[],
): Promise<string> {
  const item = r.item!;
  const key = `${foldText(item.name)}|${donorId}`;
  const known = itemIds.get(key);
  if (known) return known;
  const existing = await ctx.db
    .selectFrom('aidItems')
    .selectAll()
    .where('nameFolded', '=', foldText(item.name))
    .where('donorId', '=', donorId)
    .executeTakeFirst();
  if (existing) {
    for (const field of ['modality', 'sector', 'approvalNumber', 'approvalDate'] as const) {
      const given = item[field];
      if (given !== null && existing[field] !== null && given !== existing[field]) {
        throw new RowError(
          field,
          `khác khoản viện trợ "${existing.name}" đã có trong sổ (${String(existing[field])})`,
          `differs from the aid item "${existing.name}" already in the ledger (${String(existing[field])})`,
        );
      }
    }
    itemIds.set(key, existing.id);
    return existing.id;
  }
  const same = rows.filter((x) => x.item && itemKey(x.item.name, x.donorName) === itemKey(item.name, r.donorName));
  const firstOf = <K extends keyof RowItem>(field: K): RowItem[K] | null =>
    same.find((x) => x.item![field] !== null)?.item?.[field] ?? null;
  const modality = firstOf('modality');
  const sector = firstOf('sector');
  if (!modality)
    throw new RowError('modality', 'bắt buộc để tạo khoản viện trợ mới', 'is required to create a new aid item');
  if (!sector)
    throw new RowError('sector', 'bắt buộc để tạo khoản viện trợ mới', 'is required to create a new aid item');
  const approvalNumber = firstOf('approvalNumber');
  const approvalDate = firstOf('approvalDate');
  const approved = Boolean(approvalNumber && approvalDate);
  const created = await createItem(ctx, {
    name: item.name,
    modality,
    sector,
    donorId,
    approvalNumber,
    approvalDate,
    stage: approved ? 'approved' : 'proposed',
    stageDate: approved ? approvalDate! : same.map((x) => x.date).sort()[0]!,
  });
  itemIds.set(key, created.id);
  newItems.push(created.name);
  return created.id;
}
