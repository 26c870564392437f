/**
 * The report as printed: the workbook's first sheet (the report in the Decree 30/2020 form — letterhead, title,
 * summary table, totals, the amounts in words, the signature), read back from a workbook written as `reports.xlsx`
 * writes it, so the page and the file never differ by a word or a đồng. The appendices' rows (every pledge and
 * delivery, the donors, the amendments) are left out of that workbook: the first sheet shows none of them, only the
 * appendices' titles, and a long period's detail would cost more than the page. Printing keeps nothing in the list
 * of reports sent.
 */
import type ExcelJS from 'exceljs';
import type { ParsedInput, PrintCell, PrintRow, ReportPrint } from '../../contract';
import type { Ctx } from '../core/context';
import { loadExcelJs } from '../imports/libraries';
import { buildReport } from './build';
import { reportFileName, writeReport } from './excel';
import { reportForm } from './form';
import { cutoffOf } from './rules';
import { POINTS_PER_WIDTH } from './workbook/measure';
import { PRINTABLE } from './workbook/page';
import { DATE_FORMAT } from './workbook/styles';

export async function printReport(ctx: Ctx, input: ParsedInput<'reports.print'>): Promise<ReportPrint> {
  // As saveReport builds it: Vietnamese rows, the form in the language asked for.
  const cutoff = await cutoffOf(ctx, input.cutoff);
  const report = await buildReport(ctx, { ...input, cutoff, lang: 'vi' });
  const form = await reportForm(ctx, input, report.period.kind, report.dated);
  const firstSheetOnly = { ...report, pledges: [], deliveries: [], donors: [], changes: [] };
  const bytes = await writeReport(firstSheetOnly, form);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  return { fileName: reportFileName(report).replace(/\.xlsx$/, '.pdf'), ...printedSheet(sheet) };
}

/** A sheet's columns, rows and cells as the spreadsheet shows them. */
export function printedSheet(sheet: ExcelJS.Worksheet): Omit<ReportPrint, 'fileName'> {
  const columns = sheet.columnCount;
  const widths = Array.from({ length: columns }, (_, i) => sheet.getColumn(i + 1).width ?? 9);
  const spans = mergedSpans(sheet);
  const rows: PrintRow[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: PrintCell[] = [];
    for (let c = 1; c <= columns; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged && cell.master.address !== cell.address) continue;
      cells.push(printedCell(sheet, cell, spans.get(cell.address) ?? 1));
    }
    rows.push({ part: partOf(row, columns), height: row.height ?? 0, cells });
  }
  const orientation = sheet.pageSetup.orientation === 'portrait' ? 'portrait' : 'landscape';
  const points = widths.reduce((sum, w) => sum + w * POINTS_PER_WIDTH + 3.75, 0);
  // As the workbook's setWidths reckons it.
  return { orientation, widths, scale: Math.min(1, PRINTABLE.width / points), rows };
}

/** How many columns each merged cell covers, by its address ("A1:D1" → A1 covers 4). */
function mergedSpans(sheet: ExcelJS.Worksheet): Map<string, number> {
  const spans = new Map<string, number>();
  for (const range of sheet.model.merges ?? []) {
    const [from, to] = range.split(':') as [string, string];
    spans.set(from, sheet.getCell(to).fullAddress.col - sheet.getCell(from).fullAddress.col + 1);
  }
  return spans;
}

/** The table's header is shaded; its data and totals rows are ruled; everything else is text. */
function partOf(row: ExcelJS.Row, columns: number): PrintRow['part'] {
  let ruled = false;
  for (let c = 1; c <= columns; c++) {
    const cell = row.getCell(c);
    if (cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid') return 'header';
    if (cell.border?.top || cell.border?.bottom) ruled = true;
  }
  return ruled ? 'table' : 'text';
}

function printedCell(sheet: ExcelJS.Worksheet, cell: ExcelJS.Cell, span: number): PrintCell {
  const font = cell.font ?? {};
  const value = cellValue(cell.value) ?? sumOf(sheet, cell.value);
  const horizontal = cell.alignment?.horizontal;
  const align =
    horizontal === 'left' || horizontal === 'center' || horizontal === 'right' || horizontal === 'justify'
      ? horizontal
      : typeof value === 'number'
        ? 'right'
        : 'left';
  return {
    text: shown(value, cell.numFmt),
    span,
    size: font.size ?? 11,
    bold: Boolean(font.bold),
    italic: Boolean(font.italic),
    underline: Boolean(font.underline),
    align,
  };
}

/** A formula's cached result, or the value itself. */
function cellValue(value: ExcelJS.CellValue): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string' || value instanceof Date) return value;
  if (typeof value === 'boolean') return String(value);
  if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('text' in value) return String(value.text);
  return null;
}

/**
 * A total whose cached result the workbook left out (the writer omits a result of 0): its SUM over the rows above,
 * as the spreadsheet computes it on opening.
 */
function sumOf(sheet: ExcelJS.Worksheet, value: ExcelJS.CellValue): number | null {
  const formula = value && typeof value === 'object' && 'formula' in value ? value.formula : '';
  const range = /^SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(formula ?? '');
  if (!range) return null;
  const [, column, from, , to] = range as unknown as [string, string, string, string, string];
  let sum = 0;
  for (let r = Number(from); r <= Number(to); r++) {
    const cell = cellValue(sheet.getCell(`${column}${r}`).value);
    if (typeof cell === 'number') sum += cell;
  }
  return sum;
}

/**
 * A value as a Vietnamese spreadsheet shows it in its format: "#,##0" as 3.700.000.000, "#,##0.00" as 1.234,50, a
 * day as dd/mm/yyyy.
 */
export function shown(value: string | number | Date | null, format: string | undefined): string {
  if (value === null) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return format === DATE_FORMAT || !format ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : iso;
  }
  if (typeof value === 'string') return value;
  const places = format?.match(/0\.(0+)/)?.[1]?.length ?? 0;
  const grouped = format?.includes('#,##0') ?? false;
  const [whole, fraction] = Math.abs(value).toFixed(places).split('.') as [string, string | undefined];
  const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.') : whole;
  return `${value < 0 ? '-' : ''}${digits}${fraction ? `,${fraction}` : ''}`;
}
