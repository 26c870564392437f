/**
 * Lays the report's rows out as a printable workbook in the Decree 30/2020 form: the department and the national
 * motto, the title, the place and date line, tables with repeated headers, SUM totals (with their values cached,
 * so every reader sees them), and a signature block. Times New Roman, #,##0, A4 landscape fitted to the width.
 */
import type ExcelJS from 'exceljs';
import { loadedExcelJs, loadExcelJs } from '../imports/libraries';
import { PassThrough } from 'node:stream';
import type { Report, ReportDetailRow, ReportFigures } from '../../contract';
import { canonicalQuantity, currencyExponent, formatAmount, isCurrencyCode } from '../../contract/money';
import { foldText } from '../../contract/text';

const FONT = 'Times New Roman';
const MONEY_FORMAT = '#,##0';
const DATE_FORMAT = 'dd/mm/yyyy';

/**
 * A cell as a spreadsheet user needs it: a number they can add, sort and filter, shown in its format; a day as a date
 * cell (dd/mm/yyyy); or text. Numbers are written from exact decimal text, never through a rounded float.
 */
type CellValue = string | number | { decimal: string; format: string } | { day: string };

/** `#,##0` for whole numbers, `#,##0.00` for cents (as many places as the value has, up to `max`). */
function decimalFormat(decimal: string): string {
  const places = decimal.split('.')[1]?.length ?? 0;
  return places ? `#,##0.${'0'.repeat(places)}` : '#,##0';
}

/** An amount in its currency: exact, with the currency's decimals shown ("#,##0.00" for USD). */
function amountCell(minor: number | null, currency: string): CellValue {
  if (minor === null) return '';
  if (!isCurrencyCode(currency)) return String(minor);
  const exponent = currencyExponent(currency);
  // The number as the shortest exact decimal ("10000", "1234.5"); the format shows the currency's places.
  return {
    decimal: canonicalQuantity(formatAmount(minor, currency, 'plain')),
    format: exponent ? `#,##0.${'0'.repeat(exponent)}` : '#,##0',
  };
}

/** A quantity or rate ("2.5", "23070.5"): a number showing the places it has. */
function decimalCell(decimal: string | null): CellValue {
  return decimal === null ? '' : { decimal, format: decimalFormat(decimal) };
}

/** Days since 30/12/1899, as spreadsheets count dates. */
function excelDay(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Lines a text takes in a column of this width (Times New Roman 11: about one character per width unit). */
function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** A row tall enough for its longest wrapped text (spreadsheets do not grow a written row to fit it). */
function rowHeight(columns: Column[], values: CellValue[]): number | undefined {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v === 'string' && !columns[i]!.money) lines = Math.max(lines, linesIn(v, columns[i]!.width));
  });
  return lines > 1 ? Math.min(409, 15 * lines) : undefined;
}
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

interface Column {
  header: string;
  width: number;
  money?: boolean;
  align?: 'left' | 'center' | 'right';
}

export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** Header of every sheet; returns the row the table starts at. */
function letterhead(sheet: ExcelJS.Worksheet, report: Report, columns: number, subtitle: string): number {
  const split = Math.max(2, Math.floor(columns / 2) - 1);
  const put = (
    row: number,
    from: number,
    to: number,
    text: string,
    font: Partial<ExcelJS.Font>,
    align: ExcelJS.Alignment['horizontal'] = 'center',
  ) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  // A national ledger (all provinces) is kept by the committee for foreign NGO affairs.
  const department =
    report.departmentName ||
    (report.provinceName
      ? `SỞ NGOẠI VỤ ${report.provinceType} ${report.provinceName}`
      : 'ỦY BAN CÔNG TÁC VỀ CÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI');
  put(1, 1, split, department.toUpperCase(), { bold: true });
  put(1, split + 1, columns, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, split + 1, columns, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  const [y, m, d] = report.dated.split('-');
  put(3, split + 1, columns, `${report.provinceName || 'Hà Nội'}, ngày ${d} tháng ${m} năm ${y}`, { italic: true });
  put(5, 1, columns, report.title, { bold: true, size: 14 });
  sheet.getRow(5).height = 36;
  put(6, 1, columns, subtitle, { italic: true });
  return 8;
}

function tableHeader(sheet: ExcelJS.Worksheet, row: number, columns: Column[]) {
  const header = sheet.getRow(row);
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    sheet.getColumn(i + 1).width = c.width;
  });
  header.height = 45;
  // Printed on every page.
  sheet.pageSetup.printTitlesRow = `${row}:${row}`;
}

/**
 * One style object per column, shared by every data cell of that column: the writer recognises a style it has
 * already seen by its identity, so tens of thousands of rows cost one style each instead of one per cell.
 */
const columnStyles = new WeakMap<Column[], Partial<ExcelJS.Style>[]>();

function stylesOf(columns: Column[]): Partial<ExcelJS.Style>[] {
  let styles = columnStyles.get(columns);
  if (!styles) {
    styles = columns.map((column) => ({
      font: { name: FONT, size: 11 },
      border: BORDER,
      ...(column.money ? { numFmt: MONEY_FORMAT } : {}),
      alignment: {
        vertical: 'middle',
        wrapText: !column.money,
        horizontal: column.align ?? (column.money ? 'right' : 'left'),
      },
    }));
    columnStyles.set(columns, styles);
  }
  return styles;
}

/** The style of a column's cell holding a number or date in a given format: one object per (column, format). */
const formattedStyles = new WeakMap<Partial<ExcelJS.Style>, Map<string, Partial<ExcelJS.Style>>>();

function styleFor(base: Partial<ExcelJS.Style>, value: CellValue): Partial<ExcelJS.Style> {
  if (typeof value !== 'object') return base;
  const format = 'day' in value ? DATE_FORMAT : value.format;
  let byFormat = formattedStyles.get(base);
  if (!byFormat) {
    byFormat = new Map();
    formattedStyles.set(base, byFormat);
  }
  let style = byFormat.get(format);
  if (!style) {
    const horizontal = 'day' in value ? 'center' : 'right';
    style = { ...base, numFmt: format, alignment: { ...base.alignment, horizontal, wrapText: false } };
    byFormat.set(format, style);
  }
  return style;
}

/** The value the spreadsheet library takes for a cell (the same number or date `writeRows` writes as XML). */
function libraryValue(value: CellValue): ExcelJS.CellValue {
  if (typeof value !== 'object') return value;
  return 'day' in value ? new Date(`${value.day}T00:00:00Z`) : Number(value.decimal);
}

function dataRow(sheet: ExcelJS.Worksheet, row: number, columns: Column[], values: CellValue[]) {
  const r = sheet.getRow(row);
  const styles = stylesOf(columns);
  values.forEach((v, i) => {
    const cell = r.getCell(i + 1);
    cell.value = libraryValue(v);
    cell.style = styleFor(styles[i]!, v);
  });
  const height = rowHeight(columns, values);
  if (height) r.height = height;
  // Written out now: the workbook is streamed, so a long detail sheet is never held in memory whole.
  r.commit();
}

/** Tests set this to write every row through the library's cell models, to compare with `writeRows`. */
export const rowsThroughLibrary = { value: false };

/** The streamed worksheet's own row bookkeeping, which `writeRows` advances past the rows it writes. */
interface StreamedSheet {
  _rows: unknown[];
  _rowZero: number;
  _write(text: string): void;
}

/** XML text as the library escapes it: markup characters as entities, control characters other than tab, newline and return dropped. */
const XML_ESCAPES: Record<string, string> = { '"': '&quot;', '&': '&amp;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const xmlText = (text: string) => text.replace(/[<>&'"\x7F\x00-\x08\x0B-\x0C\x0E-\x1F]/g, (c) => XML_ESCAPES[c] ?? '');

/**
 * Plain data rows written as the XML the library writes for them (a test compares the two), instead of through its
 * per-cell models: the detail sheet holds tens of thousands of rows, and this costs a fraction of the library's way.
 * Rows before `first` are committed first; the sheet's row bookkeeping then continues after the last row written.
 */
function writeRows(
  workbook: Workbook,
  sheet: ExcelJS.Worksheet,
  first: number,
  columns: Column[],
  rows: CellValue[][],
) {
  if (rowsThroughLibrary.value || rows.length === 0) {
    rows.forEach((values, i) => {
      dataRow(sheet, first + i, columns, values);
    });
    return;
  }
  sheet.getRow(first - 1).commit();
  const streamed = sheet as unknown as StreamedSheet;
  if (streamed._rows.length !== 0 || streamed._rowZero !== first)
    throw new Error(`rows before ${first} are not all written`);
  const styles = stylesOf(columns);
  const library = workbook as unknown as {
    styles: { addStyleModel(style: Partial<ExcelJS.Style>, type: ExcelJS.ValueType): number };
  };
  // A style's id is fixed by the first cell written with it, as in the library (which adds the same style once).
  const ids = new Map<Partial<ExcelJS.Style>, number>();
  const idOf = (style: Partial<ExcelJS.Style>, value: CellValue) => {
    let id = ids.get(style);
    if (id === undefined) {
      const { ValueType } = loadedExcelJs();
      const type =
        typeof value === 'object'
          ? 'day' in value
            ? ValueType.Date
            : ValueType.Number
          : typeof value === 'number'
            ? ValueType.Number
            : ValueType.String;
      id = library.styles.addStyleModel(style, type);
      ids.set(style, id);
    }
    return id;
  };
  const letters = columns.map((_, i) => sheet.getColumn(i + 1).letter);
  const spans = ` spans="1:${columns.length}" x14ac:dyDescent="0.25">`;
  let xml = '';
  rows.forEach((values, i) => {
    const n = first + i;
    const height = rowHeight(columns, values);
    xml += `<row r="${n}"${height ? ` ht="${height}" customHeight="1"` : ''}${spans}`;
    values.forEach((value, c) => {
      const s = idOf(styleFor(styles[c]!, value), value);
      if (typeof value === 'object')
        xml += `<c r="${letters[c]}${n}" s="${s}"><v>${'day' in value ? excelDay(value.day) : value.decimal}</v></c>`;
      else if (typeof value === 'number') xml += `<c r="${letters[c]}${n}" s="${s}"><v>${value}</v></c>`;
      else xml += `<c r="${letters[c]}${n}" s="${s}" t="str"><v>${xmlText(value)}</v></c>`;
    });
    xml += '</row>';
    if (i % 1000 === 999 || i === rows.length - 1) {
      streamed._write(xml);
      xml = '';
    }
  });
  streamed._rowZero = first + rows.length;
}

/** A totals row: SUM formulas over the rows above, each with its value cached. */
function totalsRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  columns: Column[],
  label: string,
  firstData: number,
  lastData: number,
  sums: (number | null)[],
  labelSpan?: number,
) {
  const r = sheet.getRow(row);
  columns.forEach((column, i) => {
    const cell = r.getCell(i + 1);
    cell.border = BORDER;
    cell.font = { name: FONT, size: 11, bold: true };
    const sum = sums[i];
    if (column.money && sum !== null && sum !== undefined) {
      const letter = sheet.getColumn(i + 1).letter;
      cell.value =
        lastData >= firstData ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: sum } : 0;
      cell.numFmt = MONEY_FORMAT;
      cell.alignment = { horizontal: 'right' };
    }
  });
  sheet.mergeCells(
    row,
    1,
    row,
    labelSpan ??
      Math.max(
        1,
        columns.findIndex((c) => c.money),
      ),
  );
  r.getCell(1).value = label;
  r.getCell(1).alignment = { horizontal: 'center' };
}

function signatures(sheet: ExcelJS.Worksheet, row: number, columns: number) {
  const split = Math.max(2, Math.floor(columns / 2));
  const put = (r: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(r, from, r, to);
    const cell = sheet.getCell(r, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center' };
  };
  put(row, 1, split, 'NGƯỜI LẬP BIỂU', { bold: true });
  put(row, split + 1, columns, 'THỦ TRƯỞNG CƠ QUAN', { bold: true });
  put(row + 1, 1, split, '(Ký, ghi rõ họ tên)', { italic: true });
  put(row + 1, split + 1, columns, '(Ký tên, đóng dấu)', { italic: true });
}

type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** A sheet printed on A4 landscape, fitted to the page width, with page numbers. */
function addSheet(workbook: Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
}

const figureColumns: Column[] = [
  { header: 'Cam kết trong kỳ (VND)', width: 18, money: true },
  { header: 'Tiếp nhận trong kỳ (VND)', width: 18, money: true },
  { header: 'Lũy kế đã tiếp nhận (VND)', width: 18, money: true },
  { header: 'Còn lại (VND)', width: 18, money: true },
];
const figureValues = (f: ReportFigures) => [f.pledgedVnd, f.deliveredVnd, f.cumulativeDeliveredVnd, f.remainingVnd];

function subtitle(report: Report): string {
  const whole = report.provinceName ? `${report.provinceType.toLowerCase()} ${report.provinceName}` : 'cả nước';
  const units = report.unitsOf ? `, theo đơn vị hành chính ngày ${viDate(report.unitsOf)}` : '';
  const place = `Địa bàn: ${report.wholeProvince ? whole : report.placeName}${units}`;
  const scope = report.scope ? `; ${report.scope}` : '';
  return `(${place}${scope}; từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}; đơn vị tính: đồng)`;
}

function summarySheet(workbook: Workbook, report: Report) {
  const sheet = addSheet(workbook, 'Tổng hợp');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Loại hỗ trợ', width: 16 },
    { header: 'Địa bàn', width: 22 },
    ...figureColumns,
    { header: 'Nguyên tệ (cam kết trong kỳ, ngoài VND)', width: 22 },
  ];
  const head = letterhead(sheet, report, columns.length, subtitle(report));
  tableHeader(sheet, head, columns);
  report.summary.forEach((r, i) => {
    dataRow(sheet, head + 1 + i, columns, [i + 1, r.kindLabel, r.placeName, ...figureValues(r), r.original]);
  });
  const last = head + report.summary.length;
  totalsRow(sheet, last + 1, columns, 'Tổng cộng', head + 1, last, [
    null,
    null,
    null,
    ...figureValues(report.summaryTotal),
    null,
  ]);
  signatures(sheet, last + 4, columns.length);
  sheet.commit();
}

function donorSheet(workbook: Workbook, report: Report) {
  const sheet = addSheet(workbook, 'Theo nhà tài trợ');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Nhà tài trợ', width: 34 },
    { header: 'Quốc gia', width: 18 },
    ...figureColumns,
  ];
  const head = letterhead(sheet, report, columns.length, subtitle(report));
  tableHeader(sheet, head, columns);
  report.donors.forEach((r, i) => {
    dataRow(sheet, head + 1 + i, columns, [i + 1, r.donor, r.country, ...figureValues(r)]);
  });
  const last = head + report.donors.length;
  totalsRow(sheet, last + 1, columns, 'Tổng cộng', head + 1, last, [
    null,
    null,
    null,
    ...figureValues(report.donorTotal),
  ]);
  signatures(sheet, last + 4, columns.length);
  sheet.commit();
}

function detailSheet(workbook: Workbook, report: Report) {
  const sheet = addSheet(workbook, 'Chi tiết');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Ngày', width: 12, align: 'center' },
    { header: 'Nhà tài trợ', width: 26 },
    { header: 'Địa bàn', width: 16 },
    { header: 'Loại hỗ trợ', width: 13 },
    { header: 'Nội dung', width: 34 },
    { header: 'Số lượng', width: 10, align: 'right' },
    { header: 'Đơn vị tính', width: 9 },
    { header: 'Giá trị nguyên tệ', width: 16, align: 'right' },
    { header: 'Loại tiền', width: 8, align: 'center' },
    { header: 'Tỷ giá', width: 10, align: 'right' },
    { header: 'Quy đổi (VND)', width: 18, money: true },
  ];
  const head = letterhead(sheet, report, columns.length, subtitle(report));
  tableHeader(sheet, head, columns);
  let row = head + 1;
  const section = (title: string, rows: ReportDetailRow[], totalLabel: string, total: number) => {
    sheet.mergeCells(row, 1, row, columns.length);
    const cell = sheet.getCell(row, 1);
    cell.value = title;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = BORDER;
    row++;
    const first = row;
    writeRows(
      workbook,
      sheet,
      first,
      columns,
      rows.map((r, i) => [
        i + 1,
        { day: r.date },
        r.donor,
        r.placeName,
        r.kindLabel,
        r.description,
        decimalCell(r.quantity),
        r.unit ?? '',
        amountCell(r.amountMinor, r.currency),
        r.currency,
        r.currency === 'VND' ? '' : decimalCell(r.rate),
        r.vnd,
      ]),
    );
    row += rows.length;
    totalsRow(sheet, row, columns, totalLabel, first, row - 1, [...columns.slice(0, -1).map(() => null), total]);
    row++;
  };
  const sum = (rows: ReportDetailRow[]) => Number(rows.reduce((s, r) => s + BigInt(r.vnd), 0n));
  section('A. CAM KẾT TRONG KỲ', report.pledges, 'Cộng A', sum(report.pledges));
  section('B. TIẾP NHẬN / GIẢI NGÂN TRONG KỲ', report.deliveries, 'Cộng B', sum(report.deliveries));
  signatures(sheet, row + 2, columns.length);
  sheet.commit();
}

function changesSheet(workbook: Workbook, report: Report) {
  const sheet = addSheet(workbook, 'Điều chỉnh');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Ngày điều chỉnh', width: 13, align: 'center' },
    { header: 'Nhà tài trợ', width: 26 },
    { header: 'Nội dung cam kết', width: 34 },
    { header: 'Thay đổi (trước → sau)', width: 56 },
    { header: 'Lý do', width: 28 },
    { header: 'Người điều chỉnh', width: 26 },
  ];
  const head = letterhead(sheet, report, columns.length, subtitle(report));
  tableHeader(sheet, head, columns);
  report.changes.forEach((c, i) => {
    dataRow(sheet, head + 1 + i, columns, [i + 1, { day: c.date }, c.donor, c.description, c.changes, c.reason, c.by]);
  });
  if (report.changes.length === 0) {
    sheet.mergeCells(head + 1, 1, head + 1, columns.length);
    const cell = sheet.getCell(head + 1, 1);
    cell.value = 'Không có cam kết nào được điều chỉnh trong kỳ.';
    cell.font = { name: FONT, size: 11, italic: true };
  }
  signatures(sheet, head + Math.max(1, report.changes.length) + 3, columns.length);
  sheet.commit();
}

/** A row of one merged cell across the table: a paragraph or a section's title. */
function wideRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  columns: number,
  text: string,
  font: Partial<ExcelJS.Font>,
  height?: number,
) {
  sheet.mergeCells(row, 1, row, columns);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size: 12, ...font };
  cell.alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  if (height) sheet.getRow(row).height = height;
  sheet.getRow(row).commit();
}

const usdCell = (cents: number): CellValue => amountCell(cents, 'USD');

/** Totals of columns that are not VND: a SUM over the rows above with its value cached (USD in dollars, with cents). */
function otherTotals(
  sheet: ExcelJS.Worksheet,
  row: number,
  totals: { index: number; value: number; format: string }[],
  firstData: number,
  lastData: number,
) {
  const r = sheet.getRow(row);
  for (const { index, value, format } of totals) {
    const cell = r.getCell(index + 1);
    const letter = sheet.getColumn(index + 1).letter;
    cell.value =
      lastData >= firstData ? { formula: `SUM(${letter}${firstData}:${letter}${lastData})`, result: value } : 0;
    cell.numFmt = format;
    cell.alignment = { horizontal: format === '#,##0.00' ? 'right' : 'center' };
  }
}

const dollars = (cents: number) => Number(canonicalQuantity(formatAmount(cents, 'USD', 'plain')));

/**
 * The aid items of a 6-month or annual report (Decree 80/2020, 313/2025): the paragraph departments write, then the
 * items by sector, by modality and by donor country, in USD and VND; and, on a sheet of its own, the list of items with
 * their approval decision and stage.
 */
function itemSheets(workbook: Workbook, report: Report) {
  const statutory = report.statutory;
  if (!statutory) return;
  const sheet = addSheet(workbook, 'Khoản viện trợ');
  const groupColumns = (label: string): Column[] => [
    { header: 'STT', width: 6, align: 'center' },
    { header: label, width: 34 },
    { header: 'Số khoản viện trợ', width: 12, align: 'center' },
    { header: 'Cam kết (USD)', width: 17 },
    { header: 'Giải ngân (USD)', width: 17 },
    { header: 'Cam kết (VND)', width: 19, money: true },
    { header: 'Giải ngân (VND)', width: 19, money: true },
  ];
  const width = 7;
  const units = `(Từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}; đơn vị tính: đô la Mỹ (USD) và đồng (VND))`;
  let row = letterhead(sheet, report, width, units);
  wideRow(sheet, row, width, statutory.summary.paragraph, {}, 48);
  row += 2;
  const sections: [string, string, typeof statutory.bySector][] = [
    ['I. THEO LĨNH VỰC', 'Lĩnh vực', statutory.bySector],
    ['II. THEO HÌNH THỨC', 'Hình thức', statutory.byModality],
    ['III. THEO QUỐC GIA CỦA NHÀ TÀI TRỢ', 'Quốc gia', statutory.byCountry],
  ];
  for (const [title, label, rows] of sections) {
    const columns = groupColumns(label);
    wideRow(sheet, row, width, title, { bold: true });
    tableHeader(sheet, row + 1, columns);
    sheet.getRow(row + 1).commit();
    const first = row + 2;
    rows.forEach((r, i) => {
      dataRow(sheet, first + i, columns, [
        i + 1,
        r.label,
        r.items,
        usdCell(r.committed.USD),
        usdCell(r.disbursed.USD),
        r.committed.VND,
        r.disbursed.VND,
      ]);
    });
    const last = first + rows.length - 1;
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
    totalsRow(
      sheet,
      last + 1,
      columns,
      'Tổng cộng',
      first,
      last,
      [null, null, null, null, null, sum((r) => r.committed.VND), sum((r) => r.disbursed.VND)],
      2,
    );
    otherTotals(
      sheet,
      last + 1,
      [
        { index: 2, value: sum((r) => r.items), format: '#,##0' },
        { index: 3, value: dollars(sum((r) => r.committed.USD)), format: '#,##0.00' },
        { index: 4, value: dollars(sum((r) => r.disbursed.USD)), format: '#,##0.00' },
      ],
      first,
      last,
    );
    sheet.getRow(last + 1).commit();
    row = last + 3;
  }
  signatures(sheet, row + 1, width);
  sheet.commit();

  const list = addSheet(workbook, 'Danh sách khoản viện trợ');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Tên khoản viện trợ', width: 36 },
    { header: 'Hình thức', width: 12 },
    { header: 'Lĩnh vực', width: 20 },
    { header: 'Nhà tài trợ', width: 26 },
    { header: 'Quốc gia', width: 14 },
    { header: 'Số quyết định phê duyệt', width: 18 },
    { header: 'Ngày phê duyệt', width: 13, align: 'center' },
    { header: 'Giai đoạn', width: 15 },
    { header: 'Cam kết trong kỳ (VND)', width: 18, money: true },
    { header: 'Giải ngân trong kỳ (VND)', width: 18, money: true },
  ];
  const head = letterhead(list, report, columns.length, subtitle(report));
  tableHeader(list, head, columns);
  statutory.items.forEach((r, i) => {
    dataRow(list, head + 1 + i, columns, [
      i + 1,
      r.name,
      r.modality,
      r.sector,
      r.donor,
      r.country,
      r.approvalNumber ?? '',
      r.approvalDate ? { day: r.approvalDate } : '',
      r.stage,
      r.committedVnd,
      r.disbursedVnd,
    ]);
  });
  const last = head + statutory.items.length;
  const itemRows = statutory.items;
  const sum = (pick: (r: (typeof itemRows)[number]) => number) => itemRows.reduce((s, r) => s + pick(r), 0);
  totalsRow(list, last + 1, columns, 'Tổng cộng', head + 1, last, [
    ...Array(9).fill(null),
    sum((r) => r.committedVnd),
    sum((r) => r.disbursedVnd),
  ]);
  signatures(list, last + 4, columns.length);
  list.commit();
}

export async function writeReport(report: Report): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = report.departmentName || 'Aid Ledger';
  workbook.created = new Date(`${report.dated}T00:00:00Z`);
  summarySheet(workbook, report);
  detailSheet(workbook, report);
  donorSheet(workbook, report);
  changesSheet(workbook, report);
  itemSheets(workbook, report);
  await workbook.commit();
  return Buffer.concat(chunks);
}

export function reportFileName(report: Report): string {
  const place = report.wholeProvince ? '' : `-${report.placeName}`;
  // A report of some aid items says which in its name, so it is not taken for the whole report.
  const scope = report.scope
    ? `-${foldText(report.scope)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)}`
    : '';
  return `Bao-cao-vien-tro-${report.period.key}${place}${scope}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '-');
}
