/**
 * Reading a spreadsheet file: its size, type and zip container checked, the workbook parsed by SheetJS, its sheet
 * chosen (the template's, or the first), and the sheet's cells read with merged cells filled (`sheet-grid.ts`), as
 * plain data. This runs in the cage (`db/cage/`), which gives it its time and memory; `read-sheet.ts` sends the file
 * there. Called directly, it reads in this thread with no limit but its checks.
 */
import type * as XLSX from 'xlsx';
import type { ImportIssue } from '../../contract';
import { mbText, unpackedLimit } from '../cage/limits';
import { headerKey, TEMPLATE_SHEET } from './columns';
import { type FileContent, readContent } from './file-content';
import { loadedSheetJs, loadSheetJs } from './libraries';
import { MAX_ROWS, type PlainSheet, plainSheet, READ_ROWS, type Sheet } from './sheet-grid';
import { markTextFormulas } from './text-formulas';
import { isZip, rebuildZip } from './zip';

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export { MAX_ROWS, type Sheet };

/** A problem of the file as a whole (row 0, no column). */
export const fileIssue = (message: string, messageEn: string): ImportIssue => ({
  row: 0,
  column: '',
  message,
  messageEn,
});

/** The file's sheet as plain data, or the problem the whole file is refused with. */
export async function parseSheet(fileName: string, bytes: Buffer): Promise<PlainSheet | { problem: ImportIssue }> {
  const checked = checkFile(fileName, bytes);
  if ('problem' in checked) return checked;
  const content = readContent(bytes);
  if ('problem' in content) return content;
  const sheetJs = await loadSheetJs();
  let workbook: XLSX.WorkBook;
  try {
    workbook = readWorkbook(content, checked.toParse);
  } catch (error) {
    const why = error instanceof Error ? error.message.slice(0, 120) : '?';
    return { problem: fileIssue(`Không đọc được tệp bảng tính (${why})`, `The spreadsheet cannot be read (${why})`) };
  }
  if ('text' in content) markTextFormulas(workbook);
  return chooseSheet(workbook, sheetJs);
}

/** The checks made before parsing: size, type, and a zip read and rebuilt; the bytes the parser is given. */
function checkFile(fileName: string, bytes: Buffer): { toParse: Buffer } | { problem: ImportIssue } {
  const refuse = (message: string, messageEn: string) => ({ problem: fileIssue(message, messageEn) });
  if (bytes.length === 0) return refuse('Tệp rỗng', 'The file is empty');
  if (bytes.length > MAX_FILE_BYTES)
    return refuse(
      `Tệp lớn hơn ${MAX_FILE_BYTES / 1024 / 1024} MB`,
      `The file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    );
  if (!/\.(xlsx|xls|ods|csv)$/i.test(fileName))
    return refuse('Chỉ nhận tệp .xlsx, .xls, .ods hoặc .csv', 'Only .xlsx, .xls, .ods or .csv files are accepted');
  if (!isZip(bytes)) return { toParse: bytes };
  const zip = rebuildZip(bytes, unpackedLimit(bytes.length));
  if (!('refused' in zip)) return { toParse: zip.zip };
  if (zip.refused === 'unpacked')
    return refuse(
      `Tệp giải nén ra hơn ${mbText(zip.limit, 'vi')} MB, quá mức cho một tệp ${mbText(bytes.length, 'vi')} MB; từ chối để bảo vệ máy`,
      `The file unpacks to more than ${mbText(zip.limit, 'en')} MB, too much for a ${mbText(bytes.length, 'en')} MB file; refused to protect the computer`,
    );
  return refuse(`Tệp nén (.xlsx/.ods) bị hỏng: ${zip.vi}`, `The compressed file (.xlsx/.ods) is damaged: ${zip.en}`);
}

function readWorkbook(content: FileContent, toParse: Buffer): XLSX.WorkBook {
  // No formatted text or HTML per cell (a fifth of the parsing): a value is read from `v`, and the few samples a
  // mapping shows are formatted on demand from the cell's number format.
  const options: XLSX.ParsingOptions = {
    cellFormula: true,
    cellDates: false,
    cellNF: true,
    cellText: false,
    cellHTML: false,
    raw: true,
    sheetRows: READ_ROWS,
    dense: false,
  };
  // Text (CSV, whatever the file is named) is read as the text its encoding gives (Vietnamese letters would be garbled
  // as bytes); a workbook as its bytes (a zip as rebuilt), even named .csv: decoded as text its compressed parts are
  // mangled, and the parser may never finish them.
  const sheetJs = loadedSheetJs();
  return 'text' in content
    ? sheetJs.read(content.text, { ...options, type: 'string' })
    : sheetJs.read(toParse, { ...options, type: 'buffer' });
}

/** The template's sheet, or the first, as plain data; refused if it is empty or has more than `MAX_ROWS` rows. */
function chooseSheet(workbook: XLSX.WorkBook, sheetJs: typeof XLSX): PlainSheet | { problem: ImportIssue } {
  const sheetName =
    workbook.SheetNames.find((n) => headerKey(n) === headerKey(TEMPLATE_SHEET)) ?? workbook.SheetNames[0];
  const sheet = sheetName ? workbook.Sheets[sheetName] : undefined;
  const noData = {
    problem: fileIssue(
      `Không có dữ liệu: tệp cần trang "${TEMPLATE_SHEET}"`,
      `No data: the file needs the sheet "${TEMPLATE_SHEET}"`,
    ),
  };
  if (!sheet) return noData;
  const plain = plainSheet(sheetName!, sheet, sheetJs);
  if (plain === 'empty') return noData;
  if (plain === 'too many rows')
    return {
      problem: fileIssue(
        `Trang "${sheetName}" có hơn ${MAX_ROWS.toLocaleString('vi')} dòng; hãy chia thành nhiều tệp`,
        `The sheet "${sheetName}" has more than ${MAX_ROWS.toLocaleString('en')} rows; split it into several files`,
      ),
    };
  if (plain === 'overlapping merges')
    return {
      problem: fileIssue(
        `Trang "${sheetName}" có các vùng gộp ô chồng lên nhau (tệp bị hỏng); hãy lưu lại bằng Excel hoặc LibreOffice rồi gửi lại`,
        `The sheet "${sheetName}" has merged ranges that overlap (the file is damaged); save it again with Excel or LibreOffice and send it again`,
      ),
    };
  return plain;
}
