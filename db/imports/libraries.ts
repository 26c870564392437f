/**
 * The spreadsheet libraries take most of a second to load between them (exceljs ~0.4 s, SheetJS ~0.2 s), more than
 * the rest of the ledger: they are loaded when first needed (a report, a template, an import), so the app, the
 * server and every command line run that writes no workbook start that much sooner.
 */
import type ExcelJS from 'exceljs';
import type * as SheetJS from 'xlsx';

let excelJs: typeof ExcelJS | undefined;
let sheetJs: typeof SheetJS | undefined;

/** exceljs, which writes the styled report and the template. */
export async function loadExcelJs(): Promise<typeof ExcelJS> {
  if (!excelJs) {
    const loaded = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
    excelJs = loaded.default ?? loaded;
  }
  return excelJs;
}

/** exceljs once `loadExcelJs` has loaded it, for code that runs inside a workbook already being written. */
export function loadedExcelJs(): typeof ExcelJS {
  if (!excelJs) throw new Error('exceljs is used before it was loaded');
  return excelJs;
}

/** SheetJS, which reads the spreadsheets people bring. */
export async function loadSheetJs(): Promise<typeof SheetJS> {
  sheetJs ??= await import('xlsx');
  return sheetJs;
}

/** SheetJS once `loadSheetJs` has loaded it, for code that runs inside a file being read. */
export function loadedSheetJs(): typeof SheetJS {
  if (!sheetJs) throw new Error('SheetJS is used before it was loaded');
  return sheetJs;
}
