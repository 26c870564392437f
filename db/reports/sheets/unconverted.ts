/**
 * Lines a USD table cannot hold, said where the table is: a USD cell whose lines all lack a rate reads "chưa quy đổi"
 * (never 0.00), one holding only some of them is marked "*", and a note under the table says how many lines and how
 * much VND stand unconverted, and the months without a USD rate (see `db/usd.ts`).
 */
import type ExcelJS from 'exceljs';
import type { UnconvertedInUsd } from '../../../contract';
import { unconvertedText } from '../../items/summary';
import { amountCell, type CellValue } from '../workbook/cells';
import type { PageFlow } from '../workbook/flow';
import { wideRow } from '../workbook/table';

export const NOT_CONVERTED = 'chưa quy đổi';
/** Cents shown with the mark that sends the reader to the note under the table. */
const MARKED_FORMAT = '#,##0.00"*"';

/** A group's USD cell: its lines' cents, or "chưa quy đổi" when none of its `unconverted` lines could be converted. */
export function usdAmountCell(cents: number, unconverted = 0): CellValue {
  if (!unconverted) return amountCell(cents, 'USD');
  if (!cents) return NOT_CONVERTED;
  const plain = amountCell(cents, 'USD');
  return typeof plain === 'object' && 'decimal' in plain ? { decimal: plain.decimal, format: MARKED_FORMAT } : plain;
}

/**
 * Ends a USD table whose totals row is `row` (not yet committed): marks its USD totals (`columns`: the committed and
 * the disbursed column, counted from 1) as the cells are, commits it, and writes the note under it when some lines
 * stand unconverted. Returns the row the next table's title goes on.
 */
export function unconvertedNote(
  sheet: ExcelJS.Worksheet,
  row: number,
  widths: number[],
  columns: { committed: number; disbursed: number },
  unconverted: UnconvertedInUsd,
  flow: PageFlow,
): number {
  const totals = sheet.getRow(row);
  const sides = [
    [columns.committed, unconverted.pledgeCount],
    [columns.disbursed, unconverted.deliveryCount],
  ] as const;
  for (const [column, lines] of sides) {
    if (!lines) continue;
    const cell = totals.getCell(column);
    const value = cell.value as ExcelJS.CellFormulaValue | number | null;
    const cached = typeof value === 'number' ? value : Number(value?.result ?? 0);
    if (cached) cell.numFmt = MARKED_FORMAT;
    else cell.value = NOT_CONVERTED;
    cell.alignment = { horizontal: 'right' };
  }
  totals.commit();
  const text = unconvertedText(unconverted, 'vi').trim();
  if (!text) {
    flow.add(undefined, undefined);
    return row + 2;
  }
  flow.add(undefined, wideRow(sheet, row + 1, widths, `(*) ${text}`, { italic: true }, 11), undefined);
  return row + 3;
}
