/**
 * A parsed sheet as plain data, bounded by the cells really in it: its range runs from its first cell to its last
 * (a `<dimension>` or DIMENSIONS record claiming a million rows is not believed), and merged ranges are clipped to
 * that range before they are filled. The cells are a list, and the grid of the range holds each place's index in it
 * (-1: empty), so a merge over many cells fills integers, not objects; the worker hands both back as they are.
 */
import type * as XLSX from 'xlsx';
import { cellText } from './cell-values';

export const MAX_ROWS = 100_000;
/**
 * Rows parsed: a header within the first 30 rows and `MAX_ROWS` rows under it, and one more, so that a sheet reaching
 * past them is seen to; what lies below is never parsed.
 */
export const READ_ROWS = MAX_ROWS + 32;
/** The columns read, past the sheet's first. */
const MAX_COLUMNS = 60;

/** What an import reads of a cell: its type, value, formula and number format. */
export type PlainCell = Pick<XLSX.CellObject, 't' | 'v' | 'f' | 'z'>;

/** The sheet an import reads, its cells by row and column (SheetJS's numbering, from 0). */
export interface Sheet {
  name: string;
  /** The cells read: from the sheet's first cell to its last, at most `MAX_COLUMNS` columns past its first. */
  range: XLSX.Range;
  cellAt(r: number, c: number): XLSX.CellObject | undefined;
  /** The texts of a row's cells in the range, '' for an empty cell. */
  rowTexts(r: number): string[];
}

export interface PlainSheet {
  name: string;
  range: XLSX.Range;
  cells: PlainCell[];
  /** Row by row over the range, each place's index in `cells`, -1 where it is empty. */
  grid: Int32Array;
}

/** The cells of a parsed sheet, and its range: from the first cell present (or the sheet's stated start) to the last. */
function presentCells(sheet: XLSX.WorkSheet, sheetJs: typeof XLSX) {
  const at: { r: number; c: number; cell: XLSX.CellObject }[] = [];
  const stated = sheet['!ref'] ? sheetJs.utils.decode_range(sheet['!ref']) : null;
  const range = { s: { r: stated?.s.r ?? Infinity, c: stated?.s.c ?? Infinity }, e: { r: -1, c: -1 } };
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const cell = sheet[key] as XLSX.CellObject;
    if (!cell || cell.t === 'z') continue;
    const { r, c } = sheetJs.utils.decode_cell(key);
    if (r < 0 || c < 0) continue;
    at.push({ r, c, cell });
    range.s.r = Math.min(range.s.r, r);
    range.s.c = Math.min(range.s.c, c);
    range.e.r = Math.max(range.e.r, r);
    range.e.c = Math.max(range.e.c, c);
  }
  return { at, range };
}

/**
 * The sheet as plain data, or why it is refused: no cell, more than `MAX_ROWS` rows (counted from its cells, or
 * reaching the last row parsed, past which more may follow), or merged ranges overlapping.
 */
export function plainSheet(
  name: string,
  sheet: XLSX.WorkSheet,
  sheetJs: typeof XLSX,
): PlainSheet | 'empty' | 'too many rows' | 'overlapping merges' {
  const { at, range } = presentCells(sheet, sheetJs);
  if (!at.length) return 'empty';
  if (range.e.r - range.s.r > MAX_ROWS || range.e.r >= READ_ROWS - 1) return 'too many rows';
  range.e.c = Math.min(range.e.c, range.s.c + MAX_COLUMNS);
  const width = range.e.c - range.s.c + 1;
  const grid = new Int32Array((range.e.r - range.s.r + 1) * width).fill(-1);
  const place = (r: number, c: number) => (r - range.s.r) * width + (c - range.s.c);
  const cells: PlainCell[] = [];
  for (const { r, c, cell } of at) {
    if (c > range.e.c) continue;
    grid[place(r, c)] = cells.push(plainCell(cell)) - 1;
  }
  if (!fillMerges(sheet['!merges'] ?? [], range, grid, cells, place)) return 'overlapping merges';
  return { name, range, cells, grid };
}

function plainCell(cell: XLSX.CellObject): PlainCell {
  const plain: PlainCell = { t: cell.t, v: cell.v };
  if (cell.f !== undefined) plain.f = cell.f;
  if (cell.z !== undefined) plain.z = cell.z;
  return plain;
}

/**
 * Merged cells: every cell of a merge holds the value of its first cell (a donor written once for several rows), its
 * value only (not its formula). A merge is clipped to the range first; merges that do not overlap fill at most the
 * range's cells between them, so more than that is refused (Excel itself calls overlapping merges damage).
 */
function fillMerges(
  merges: XLSX.Range[],
  range: XLSX.Range,
  grid: Int32Array,
  cells: PlainCell[],
  place: (r: number, c: number) => number,
): boolean {
  let budget = grid.length;
  for (const merge of merges) {
    const [r0, r1] = [Math.max(merge.s.r, range.s.r), Math.min(merge.e.r, range.e.r)];
    const [c0, c1] = [Math.max(merge.s.c, range.s.c), Math.min(merge.e.c, range.e.c)];
    if (r0 > r1 || c0 > c1 || merge.s.r !== r0 || merge.s.c !== c0) continue;
    const first = cells[grid[place(r0, c0)]!];
    if (!first || first.v === undefined) continue;
    budget -= (r1 - r0 + 1) * (c1 - c0 + 1);
    if (budget < 0) return false;
    const filled = cells.push({ t: first.t, v: first.v }) - 1;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (r !== r0 || c !== c0) grid[place(r, c)] = filled;
  }
  return true;
}

/** The sheet an import reads, over its plain data. */
export function sheetOf({ name, range, cells, grid }: PlainSheet): Sheet {
  const width = range.e.c - range.s.c + 1;
  const cellAt = (r: number, c: number) => {
    if (r < range.s.r || r > range.e.r || c < range.s.c || c > range.e.c) return undefined;
    return cells[grid[(r - range.s.r) * width + (c - range.s.c)]!] as XLSX.CellObject | undefined;
  };
  const rowTexts = (r: number) => Array.from({ length: width }, (_, i) => cellText(cellAt(r, range.s.c + i)));
  return { name, range, cellAt, rowTexts };
}
