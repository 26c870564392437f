/** The streamed workbook the report is written into, and its sheets' page setup. */
import type ExcelJS from 'exceljs';

export type Workbook = ExcelJS.stream.xlsx.WorkbookWriter;

/** A sheet printed on A4 landscape, fitted to the page width, with page numbers. */
export function addSheet(workbook: Workbook, name: string): ExcelJS.Worksheet {
  return workbook.addWorksheet(name, {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&CTrang &P/&N' },
  });
}
