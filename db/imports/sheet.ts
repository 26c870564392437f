/**
 * Reading a spreadsheet file: its size, type and zip container checked, the workbook parsed by SheetJS under a time
 * limit, its sheet chosen (the template's, or the first), and the sheet's cells read with merged cells filled.
 */
import { createContext, Script } from 'node:vm';
import type * as XLSX from 'xlsx';
import type { ImportIssue } from '../../contract';
import { cellText } from './cell-values';
import { headerKey, TEMPLATE_SHEET } from './columns';
import { type FileContent, oldFontOfSheet, readContent } from './file-content';
import { loadedSheetJs, loadSheetJs } from './libraries';
import { markTextFormulas } from './text-formulas';
import { entriesIntact, isZip, summarizeZip } from './zip';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** What a workbook may unpack to; a real 100,000-row sheet is well under this. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
export const MAX_ROWS = 100_000;
const MAX_COLUMNS = 60;

/** A problem of the file as a whole (row 0, no column). */
export const fileIssue = (message: string, messageEn: string): ImportIssue => ({
  row: 0,
  column: '',
  message,
  messageEn,
});

/** The sheet an import reads, its cells by row and column (SheetJS's numbering, from 0). */
export interface Sheet {
  name: string;
  /** The cells read: the sheet's used range, at most `MAX_COLUMNS` columns past its first. */
  range: XLSX.Range;
  cellAt(r: number, c: number): XLSX.CellObject | undefined;
  /** The texts of a row's cells in the range, '' for an empty cell. */
  rowTexts(r: number): string[];
}

/** The file's sheet, or the problem the whole file is refused with. */
export async function readSheet(fileName: string, bytes: Buffer): Promise<Sheet | { problem: ImportIssue }> {
  const checked = checkFile(fileName, bytes);
  if ('problem' in checked) return checked;
  const content = readContent(bytes);
  if ('problem' in content) return content;
  const sheetJs = await loadSheetJs();
  let workbook: XLSX.WorkBook;
  const limitMs = parseTimeLimitMs(checked.bytesToParse);
  try {
    workbook = readWorkbook(content, bytes, limitMs);
  } catch (error) {
    if (error instanceof ParseTimeout)
      return {
        problem: fileIssue(
          `Đọc tệp quá ${Math.round(limitMs / 1000)} giây mà chưa xong; tệp có thể bị hỏng, hãy lưu lại bằng Excel hoặc LibreOffice rồi gửi lại`,
          `Reading the file took over ${Math.round(limitMs / 1000)} s without finishing; it may be damaged: save it again with Excel or LibreOffice and send it again`,
        ),
      };
    const why = error instanceof Error ? error.message.slice(0, 120) : '?';
    return { problem: fileIssue(`Không đọc được tệp bảng tính (${why})`, `The spreadsheet cannot be read (${why})`) };
  }
  if ('text' in content) markTextFormulas(workbook);
  const sheet = chooseSheet(workbook, sheetJs);
  return 'problem' in sheet ? sheet : (oldFontOfSheet(sheet) ?? sheet);
}

/** The checks made before parsing: size, type, and a zip's integrity; the bytes parsing will go through. */
function checkFile(fileName: string, bytes: Buffer): { bytesToParse: number } | { problem: ImportIssue } {
  const refuse = (message: string, messageEn: string) => ({ problem: fileIssue(message, messageEn) });
  if (bytes.length === 0) return refuse('Tệp rỗng', 'The file is empty');
  if (bytes.length > MAX_FILE_BYTES)
    return refuse(
      `Tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    );
  if (!/\.(xlsx|xls|ods|csv)$/i.test(fileName))
    return refuse('Chỉ nhận tệp .xlsx, .xls, .ods hoặc .csv', 'Only .xlsx, .xls, .ods or .csv files are accepted');

  let bytesToParse = bytes.length;
  if (isZip(bytes)) {
    const zip = summarizeZip(bytes);
    if (!zip) return refuse('Tệp nén (.xlsx/.ods) bị hỏng', 'The compressed file (.xlsx/.ods) is damaged');
    if (zip.uncompressedBytes > MAX_UNPACKED_BYTES)
      return refuse(
        `Tệp giải nén ra hơn ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; từ chối để bảo vệ máy`,
        `The file unpacks to more than ${MAX_UNPACKED_BYTES / 1024 / 1024} MB; refused to protect the computer`,
      );
    if (!entriesIntact(bytes))
      return refuse(
        'Tệp nén (.xlsx/.ods) bị hỏng: nội dung không khớp mã kiểm tra hoặc kích thước đã ghi',
        'The compressed file (.xlsx/.ods) is damaged: its content does not match its checksums or recorded sizes',
      );
    bytesToParse = Math.max(bytesToParse, zip.uncompressedBytes);
  }
  return { bytesToParse };
}

/** Parsing time allowed: a base plus 2 s per MB to parse, far above what a real file of that size needs. */
function parseTimeLimitMs(bytesToParse: number): number {
  return 3_000 + Math.ceil(bytesToParse / 1024) * 2;
}

class ParseTimeout extends Error {}

// Some damaged files send the parser into an endless loop (a formula record whose length disagrees with its
// contents, in .xls): it runs under a time limit, which V8 enforces on synchronous code run from a script.
const runRead = new Script('read()');
const readContext = createContext({ read: (): unknown => undefined });

function readWorkbook(content: FileContent, bytes: Buffer, limitMs: number): XLSX.WorkBook {
  // No formatted text or HTML per cell (a fifth of the parsing): a value is read from `v`, and the few samples a
  // mapping shows are formatted on demand from the cell's number format.
  const options: XLSX.ParsingOptions = {
    cellFormula: true,
    cellDates: false,
    cellNF: true,
    cellText: false,
    cellHTML: false,
    raw: true,
    sheetRows: MAX_ROWS + 2,
    dense: false,
  };
  // Text (CSV, whatever the file is named) is read as the text its encoding gives (Vietnamese letters would be garbled
  // as bytes); a workbook as its bytes, even named .csv: decoded as text its compressed parts are mangled, and the
  // parser may never finish them.
  const sheetJs = loadedSheetJs();
  const read =
    'text' in content
      ? () => sheetJs.read(content.text, { ...options, type: 'string' })
      : () => sheetJs.read(bytes, { ...options, type: 'buffer' });
  try {
    readContext.read = read;
    return runRead.runInContext(readContext, { timeout: limitMs }) as XLSX.WorkBook;
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw new ParseTimeout();
    throw error;
  } finally {
    readContext.read = () => undefined;
  }
}

/** The template's sheet, or the first; refused if it is empty or has more than `MAX_ROWS` rows. */
function chooseSheet(workbook: XLSX.WorkBook, sheetJs: typeof XLSX): Sheet | { problem: ImportIssue } {
  const sheetName =
    workbook.SheetNames.find((n) => headerKey(n) === headerKey(TEMPLATE_SHEET)) ?? workbook.SheetNames[0];
  const sheet = sheetName ? workbook.Sheets[sheetName] : undefined;
  if (!sheet?.['!ref'])
    return {
      problem: fileIssue(
        `Không có dữ liệu: tệp cần trang "${TEMPLATE_SHEET}"`,
        `No data: the file needs the sheet "${TEMPLATE_SHEET}"`,
      ),
    };
  const full = sheetJs.utils.decode_range(sheet['!fullref'] ?? sheet['!ref']);
  if (full.e.r - full.s.r > MAX_ROWS)
    return {
      problem: fileIssue(
        `Trang "${sheetName}" có hơn ${MAX_ROWS.toLocaleString('vi')} dòng; hãy chia thành nhiều tệp`,
        `The sheet "${sheetName}" has more than ${MAX_ROWS.toLocaleString('en')} rows; split it into several files`,
      ),
    };
  const range = sheetJs.utils.decode_range(sheet['!ref']);
  range.e.c = Math.min(range.e.c, range.s.c + MAX_COLUMNS);
  fillMerges(sheet, sheetJs);
  const cellAt = (r: number, c: number) => sheet[sheetJs.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined;
  const rowTexts = (r: number) =>
    Array.from({ length: range.e.c - range.s.c + 1 }, (_, i) => cellText(cellAt(r, range.s.c + i)));
  return { name: sheetName!, range, cellAt, rowTexts };
}

/** Merged cells: every cell of a merge holds the value of its first cell (a donor written once for several rows). */
function fillMerges(sheet: XLSX.WorkSheet, sheetJs: typeof XLSX): void {
  let filled = 0;
  for (const merge of sheet['!merges'] ?? []) {
    const first = sheet[sheetJs.utils.encode_cell(merge.s)] as XLSX.CellObject | undefined;
    if (!first || first.v === undefined) continue;
    for (let r = merge.s.r; r <= merge.e.r; r++) {
      for (let c = merge.s.c; c <= merge.e.c; c++) {
        if ((r === merge.s.r && c === merge.s.c) || ++filled > 1_000_000) continue;
        sheet[sheetJs.utils.encode_cell({ r, c })] = { t: first.t, v: first.v } as XLSX.CellObject;
      }
    }
  }
}
