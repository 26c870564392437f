/** A table's columns: their headers and widths, the style of their cells, and the height a row needs in them. */
import type ExcelJS from 'exceljs';
import type { CellValue } from './cells';
import { BORDER, DATE_FORMAT, FONT, MONEY_FORMAT } from './styles';

export interface Column {
  header: string;
  width: number;
  money?: boolean;
  align?: 'left' | 'center' | 'right';
}

/** Lines a text takes in a column of this width (Times New Roman 11: about one character per width unit). */
function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 1.1));
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(line.length / perLine)), 0);
}

/** A row tall enough for its longest wrapped text (spreadsheets do not grow a written row to fit it). */
export function rowHeight(columns: Column[], values: CellValue[]): number | undefined {
  let lines = 1;
  values.forEach((v, i) => {
    if (typeof v === 'string' && !columns[i]!.money) lines = Math.max(lines, linesIn(v, columns[i]!.width));
  });
  return lines > 1 ? Math.min(409, 15 * lines) : undefined;
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
