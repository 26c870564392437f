/**
 * One sheet row's cells as the header reads them: a money column's cell carries the unit its header states, and a
 * text field of several columns is their texts joined with their headers ("Thôn: Nà Pồng; Hộ: Nông Văn A").
 */
import type * as XLSX from 'xlsx';
import { cellText, type UnitCell } from './cell-values';
import type { ColumnKey } from './columns';
import type { RowCells } from './fields';
import type { SheetColumns } from './header';
import type { Sheet } from './sheet';

/** A row's cells by the header's columns. */
export function rowCells(sheet: Sheet, columns: SheetColumns, r: number): RowCells {
  const { fields, units, joined } = columns;
  const cell = (key: ColumnKey): XLSX.CellObject | undefined => {
    const found = fields.has(key) ? sheet.cellAt(r, fields.get(key)!) : undefined;
    const unit = units.get(key);
    if (!found || !unit) return found;
    const withUnit: UnitCell = { ...found, unit };
    return withUnit;
  };
  return {
    has: (key) => fields.has(key),
    cell,
    text: (key) => (joined.has(key) ? joinedText(sheet, joined.get(key)!, r) : cellText(cell(key))),
    at: (column) => sheet.cellAt(r, column),
  };
}

/** The row's texts in a field's columns, each after its header; '' when all are empty. */
function joinedText(sheet: Sheet, columns: { column: number; header: string }[], r: number): string {
  return columns
    .map(({ column, header }) => ({ header, text: cellText(sheet.cellAt(r, column)) }))
    .filter((c) => c.text !== '')
    .map((c) => (c.header ? `${c.header}: ${c.text}` : c.text))
    .join('; ');
}
