/**
 * Where a sheet's rows fall on its printed pages, so a table that fits on a page is not split across two: before such
 * a table, a page break when the rest of the page cannot hold it. (A table longer than a page runs on, its header
 * printed again on each page where the sheet has one table.)
 */
import type ExcelJS from 'exceljs';
import { PRINTABLE } from './page';

/** Rows without a height of their own print at the sheet's default. */
export const DEFAULT_ROW_HEIGHT = 15;

export class PageFlow {
  /** Points used on the current page. */
  private used = 0;
  /** The page's height in the sheet's own points: taller when the sheet is scaled down to fit the width. */
  private readonly page: number;

  constructor(scale: number) {
    this.page = PRINTABLE.height / scale;
  }

  /** Rows written: their heights, in order. */
  add(...heights: (number | undefined)[]) {
    for (const h of heights) {
      const height = h ?? DEFAULT_ROW_HEIGHT;
      this.used = this.used + height > this.page ? height : this.used + height;
    }
  }

  /** Rows `from`…`to` already on the sheet (not yet committed), by their heights. */
  addRows(sheet: ExcelJS.Worksheet, from: number, to: number) {
    for (let r = from; r <= to; r++) this.add(sheet.getRow(r).height);
  }

  /** Whether a block of `height` points fits in the rest of the current page. */
  fits(height: number): boolean {
    return this.used + height <= this.page;
  }

  /**
   * Before a block of `height` points starting at `row`: a page break above it when it fits on a page but not in the
   * rest of this one. The row above must not be committed yet (a streamed sheet writes a break with its row).
   */
  keepTogether(sheet: ExcelJS.Worksheet, row: number, height: number) {
    if (this.used + height <= this.page || height > this.page || this.used === 0) return;
    sheet.getRow(row - 1).addPageBreak();
    this.used = 0;
  }
}
