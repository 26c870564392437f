/**
 * The streamed workbook the report is written into, and its sheets' page setup (Decree 30/2020/NĐ-CP, Phụ lục I,
 * Phần I, Mục I): A4, margins of 20 mm top and bottom, 30 mm left and 15 mm right; a document of tables may be laid
 * across the page's width. Page numbers are centred in the top margin and not shown on a document's first page; each
 * appendix is numbered on its own, as its own sheet.
 */
import type ExcelJS from 'exceljs';
import { POINTS_PER_WIDTH } from './measure';

export type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

const MM = 1 / 25.4;
const MARGINS = { left: 30 * MM, right: 15 * MM, top: 20 * MM, bottom: 20 * MM, header: 8 * MM, footer: 8 * MM };
/** A4 across its width, in points. */
const PAGE = { width: 841.89, height: 595.28 };
/** The printable width and height of a page, in points. */
export const PRINTABLE = {
  width: PAGE.width - (MARGINS.left + MARGINS.right) * 72,
  height: PAGE.height - (MARGINS.top + MARGINS.bottom) * 72,
};

/** A sheet printed on A4 landscape, fitted to the page width, numbered from its second page. */
export function addSheet(workbook: Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
    },
    headerFooter: { differentFirst: true, oddHeader: '&C&"Times New Roman,Regular"&13&P' },
  });
}

/** Sets the columns' widths; returns how much the page is scaled to fit them across its width (1 when they fit). */
export function setWidths(sheet: ExcelJS.Worksheet, widths: number[]): number {
  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  const points = widths.reduce((sum, w) => sum + w * POINTS_PER_WIDTH + 3.75, 0);
  return Math.min(1, PRINTABLE.width / points);
}
