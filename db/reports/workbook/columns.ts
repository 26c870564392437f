/** A table's columns: their headers and widths, the style of their cells, and the height a row needs in them. */
import type ExcelJS from 'exceljs';
import type { CellValue } from './cells';
import { cellPoints, heightOf, linesIn, POINTS_PER_WIDTH, textWidth } from './measure';
import { BORDER, DATE_FORMAT, FONT, MONEY_FORMAT } from './styles';

export interface Column {
  header: string;
  width: number;
  money?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** The size of the tables' text. */
export const TABLE_SIZE = 11;

/** A row tall enough for its longest wrapped text (spreadsheets do not grow a written row to fit it). */
export function rowHeight(columns: Column[], values: CellValue[], size = TABLE_SIZE): number | undefined {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v === 'string' && !columns[i]!.money)
      lines = Math.max(lines, linesIn(v, cellPoints([columns[i]!.width]), size));
  });
  return lines > 1 ? heightOf(lines, size) : undefined;
}

/** The points a table takes: its header, its rows of these heights (the default where none) and its totals. */
export function tableHeight(columns: Column[], heights: (number | undefined)[]): number {
  const header = Math.max(...columns.map((c) => linesIn(c.header, cellPoints([c.width]), TABLE_SIZE, true)));
  return heightOf(header, TABLE_SIZE) + heights.reduce<number>((s, h) => s + (h ?? 15), 0) + 15;
}

/** "1,234,567.89": a number as its format shows it (a separator is as wide in either style). */
function shown(value: number, places: number): string {
  const [whole, fraction] = Math.abs(value).toFixed(places).split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction ? `.${fraction}` : ''}`;
}

/** A number or date cell's text as printed ('' for text, which wraps instead). */
export function printedNumber(value: CellValue, money = false): string {
  if (typeof value === 'number') return money ? shown(value, 0) : String(value);
  if (typeof value !== 'object') return '';
  if ('day' in value) return '00/00/0000';
  return shown(Number(value.decimal), value.format.split('.')[1]?.length ?? 0);
}

/**
 * The columns widened where a number or date would not fit (a spreadsheet prints such a cell as "###"): each number
 * of the rows, and the totals printed in bold, measured as printed.
 */
export function fitColumns(columns: Column[], rows: CellValue[][], totals: (CellValue | null)[] = []): Column[] {
  const need = columns.map(() => 0);
  const measure = (value: CellValue | null | undefined, i: number, bold: boolean) => {
    if (value === null || value === undefined || !columns[i]) return;
    const text = printedNumber(value, columns[i]!.money);
    if (text) need[i] = Math.max(need[i]!, textWidth(text, TABLE_SIZE, bold));
  };
  for (const values of rows)
    values.forEach((v, i) => {
      measure(v, i, false);
    });
  totals.forEach((v, i) => {
    measure(v, i, true);
  });
  return columns.map((c, i) => {
    const width = Math.ceil((need[i]! + 8) / POINTS_PER_WIDTH);
    return width > c.width ? { ...c, width } : c;
  });
}

/**
 * One style object per column, shared by every data cell of that column: the writer recognises a style it has
 * already seen by its identity, so tens of thousands of rows cost one style each instead of one per cell.
 */
const columnStyles = new WeakMap<Column[], Partial<ExcelJS.Style>[]>();

export function stylesOf(columns: Column[]): Partial<ExcelJS.Style>[] {
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

export function styleFor(base: Partial<ExcelJS.Style>, value: CellValue): Partial<ExcelJS.Style> {
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
