/** A table on a sheet: its header (printed on every page), data rows, SUM totals rows, and rows across the table. */
import type ExcelJS from 'exceljs';
import { type CellValue, libraryValue } from './cells';
import { type Column, rowHeight, styleFor, stylesOf, TABLE_SIZE } from './columns';
import { cellPoints, heightOf, linesIn } from './measure';
import { BORDER, FONT, MONEY_FORMAT } from './styles';

/** The header row, as tall as its longest wrapped header; printed again on every page when `repeat`. */
export function tableHeader(sheet: ExcelJS.Worksheet, row: number, columns: Column[], repeat = true) {
  const header = sheet.getRow(row);
  let lines = 1;
  columns.forEach((c, i) => {
    lines = Math.max(lines, linesIn(c.header, cellPoints([c.width]), TABLE_SIZE, true));
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, size: TABLE_SIZE, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } };
    sheet.getColumn(i + 1).width = c.width;
  });
  header.height = heightOf(lines, TABLE_SIZE);
  if (repeat) sheet.pageSetup.printTitlesRow = `${row}:${row}`;
}

export function dataRow(sheet: ExcelJS.Worksheet, row: number, columns: Column[], values: CellValue[]) {
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

/** A totals row: SUM formulas over the rows above, each with its value cached. */
export function totalsRow(
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

/** Totals of columns that are not VND: a SUM over the rows above with its value cached (USD in dollars, with cents). */
export function otherTotals(
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

/** A row of one merged cell across the table (a paragraph or a section's title), as tall as its lines; its height. */
export function wideRow(
  sheet: ExcelJS.Worksheet,
  row: number,
  widths: number[],
  text: string,
  font: Partial<ExcelJS.Font>,
  size = 12,
): number {
  sheet.mergeCells(row, 1, row, widths.length);
  const cell = sheet.getCell(row, 1);
  cell.value = text;
  cell.font = { name: FONT, size, ...font };
  cell.alignment = { horizontal: 'justify', vertical: 'top', wrapText: true };
  const height = heightOf(linesIn(text, cellPoints(widths), size, Boolean(font.bold)), size);
  sheet.getRow(row).height = height;
  sheet.getRow(row).commit();
  return height;
}
