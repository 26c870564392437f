/** Data rows written straight into the streamed sheet as XML, for the sheets with tens of thousands of rows. */
import type ExcelJS from 'exceljs';
import { loadedExcelJs } from '../../imports/libraries';
import { type CellValue, excelDay } from './cells';
import { type Column, rowHeight, styleFor, stylesOf } from './columns';
import type { Workbook } from './page';
import { dataRow } from './table';

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
export function writeRows(
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
