/**
 * What a file is, by its content rather than its name: a workbook (a zip of .xlsx or .ods, an .xls compound file, an
 * Excel 2003 XML or an old BIFF stream), text read as CSV whatever it is named (in the encodings of
 * `text-encoding.ts`), or something else refused, naming what it is. The workbook reader would read a web page
 * renamed .xls as a sheet of its tables, and a PDF or a letter as lines of text.
 */
import type { ImportIssue } from '../../contract';
import { decodeText, oldFontOf } from './text-encoding';
import { isZip } from './zip';

export type FileContent = { kind: 'workbook' } | { kind: 'text'; text: string } | { problem: ImportIssue };

const refusal = (message: string, messageEn: string): { problem: ImportIssue } => ({
  problem: { row: 0, column: '', message, messageEn },
});

/** A file that is not a spreadsheet: what it is, and what to send instead. */
function notSpreadsheet(vi: string, en: string, adviceVi: string, adviceEn: string) {
  return refusal(
    `Tệp là ${vi}, không phải bảng tính: ${adviceVi}`,
    `The file is ${en}, not a spreadsheet: ${adviceEn}`,
  );
}

const SEND_SPREADSHEET_VI = 'hãy gửi bảng tính gốc (.xlsx, .xls, .ods hoặc .csv)';
const SEND_SPREADSHEET_EN = 'send the spreadsheet itself (.xlsx, .xls, .ods or .csv)';

const startsWith = (bytes: Buffer, ...signature: number[]) => signature.every((b, i) => bytes[i] === b);
const ascii = (bytes: Buffer, text: string, at = 0) => bytes.toString('latin1', at, at + text.length) === text;
/** A name as an Office compound file's directory writes it (UTF-16LE). */
const hasStream = (bytes: Buffer, name: string) => bytes.includes(Buffer.from(name, 'utf16le'));

/** An OLE compound file: how .xls workbooks (and .doc documents) are stored. */
export const isCompoundFile = (bytes: Buffer) =>
  bytes.length >= 8 && bytes.readUInt32BE(0) === 0xd0cf11e0 && bytes.readUInt32BE(4) === 0xa1b11ae1;

/** The content of a file whose size and name were checked. */
export function readContent(bytes: Buffer): FileContent {
  if (isZip(bytes)) return zipContent(bytes);
  if (isCompoundFile(bytes)) return compoundContent(bytes);
  const binary = binaryKind(bytes);
  if (binary) return binary;
  // An old .xls written as a bare BIFF stream: a BOF record (0x0009, 0x0209, 0x0409 or 0x0809) and its length.
  if (bytes.length >= 4 && [0x00, 0x02, 0x04, 0x08].includes(bytes[1]!) && bytes[0] === 0x09 && bytes[3] === 0x00)
    return { kind: 'workbook' };
  const { text, encoding } = decodeText(bytes);
  const head = text.slice(0, 64 * 1024).trimStart();
  if (/^<\?xml/i.test(head) && head.includes('urn:schemas-microsoft-com:office:spreadsheet'))
    return { kind: 'workbook' };
  if (isWebPage(head))
    return notSpreadsheet(
      'một trang web (HTML)',
      'a web page (HTML)',
      'hãy mở bằng Excel, chọn Lưu thành (Save As) › Sổ làm việc Excel (.xlsx) rồi nhập tệp .xlsx đó',
      'open it in Excel, Save As › Excel Workbook (.xlsx), and import that .xlsx file',
    );
  if (/^<\?xml|^<[A-Za-z]/.test(head))
    return notSpreadsheet('một tệp XML', 'an XML file', SEND_SPREADSHEET_VI, SEND_SPREADSHEET_EN);
  if (!looksLikeText(head))
    return notSpreadsheet(
      'dữ liệu nhị phân, không phải văn bản',
      'binary data, not text',
      SEND_SPREADSHEET_VI,
      SEND_SPREADSHEET_EN,
    );
  const font = oldFontOf(text, encoding === 'windows-1258' ? new TextDecoder('windows-1252').decode(bytes) : text);
  if (font) return oldFontRefusal(font);
  return { kind: 'text', text };
}

/** A zip holding a Word or PowerPoint document rather than a workbook; anything else goes to the reader. */
function zipContent(bytes: Buffer): FileContent {
  const holds = (name: string) => bytes.includes(name, 0, 'latin1');
  if (holds('xl/workbook') || holds('opendocument.spreadsheet')) return { kind: 'workbook' };
  if (holds('word/document.xml') || holds('opendocument.text'))
    return notSpreadsheet('văn bản Word (.docx)', 'a Word document (.docx)', SEND_SPREADSHEET_VI, SEND_SPREADSHEET_EN);
  if (holds('ppt/presentation.xml') || holds('opendocument.presentation'))
    return notSpreadsheet(
      'bài trình chiếu (.pptx)',
      'a presentation (.pptx)',
      SEND_SPREADSHEET_VI,
      SEND_SPREADSHEET_EN,
    );
  return { kind: 'workbook' };
}

/** A compound file holding a Word document, a presentation, or an encrypted workbook, rather than a workbook. */
function compoundContent(bytes: Buffer): FileContent {
  if (hasStream(bytes, 'EncryptedPackage'))
    return refusal(
      'Tệp được đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại',
      'The file is password-protected: open it in Excel, remove the password (File › Info › Protect Workbook) and save it',
    );
  if (hasStream(bytes, 'Workbook') || hasStream(bytes, 'Book')) return { kind: 'workbook' };
  if (hasStream(bytes, 'WordDocument'))
    return notSpreadsheet('văn bản Word (.doc)', 'a Word document (.doc)', SEND_SPREADSHEET_VI, SEND_SPREADSHEET_EN);
  if (hasStream(bytes, 'PowerPoint Document'))
    return notSpreadsheet('bài trình chiếu (.ppt)', 'a presentation (.ppt)', SEND_SPREADSHEET_VI, SEND_SPREADSHEET_EN);
  return { kind: 'workbook' };
}

/** Files known by their first bytes: documents, images and archives. */
function binaryKind(bytes: Buffer): { problem: ImportIssue } | null {
  const refuse = (vi: string, en: string) => notSpreadsheet(vi, en, SEND_SPREADSHEET_VI, SEND_SPREADSHEET_EN);
  if (ascii(bytes, '%PDF-')) return refuse('tài liệu PDF', 'a PDF document');
  if (ascii(bytes, '{\\rtf')) return refuse('văn bản RTF', 'an RTF document');
  if (
    startsWith(bytes, 0x89, 0x50, 0x4e, 0x47) ||
    startsWith(bytes, 0xff, 0xd8, 0xff) ||
    ascii(bytes, 'GIF8') ||
    startsWith(bytes, 0x49, 0x49, 0x2a, 0x00) ||
    startsWith(bytes, 0x4d, 0x4d, 0x00, 0x2a) ||
    (ascii(bytes, 'RIFF') && ascii(bytes, 'WEBP', 8))
  )
    return refuse('một hình ảnh', 'an image');
  if (startsWith(bytes, 0x1f, 0x8b) || ascii(bytes, 'Rar!') || startsWith(bytes, 0x37, 0x7a, 0xbc, 0xaf))
    return refuse('một tệp nén (gzip, rar, 7z)', 'a compressed archive (gzip, rar, 7z)');
  return null;
}

/** A web page: Excel's "Web Page" save, a report a website exports as .xls, or a single-file page (.mht). */
function isWebPage(head: string): boolean {
  if (/^MIME-Version:/i.test(head) && /multipart\/related/i.test(head.slice(0, 4096))) return true;
  if (!head.startsWith('<')) return false;
  return /<(!doctype\s+html|html|head|body|table|meta|title)\b/i.test(head);
}

/** Text has no zero characters and almost no other control characters (tab, line breaks and form feed aside). */
function looksLikeText(head: string): boolean {
  if (head.includes('\0')) return false;
  const controls = head.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls <= head.length / 1000;
}

/**
 * A workbook whose cells are typed in an old Vietnamese font (the letters of its first 200 rows are the font's), or
 * null.
 */
export function oldFontOfSheet(sheet: {
  range: { s: { r: number }; e: { r: number } };
  rowTexts(r: number): string[];
}): { problem: ImportIssue } | null {
  const texts: string[] = [];
  for (let r = sheet.range.s.r; r <= Math.min(sheet.range.e.r, sheet.range.s.r + 200); r++)
    texts.push(sheet.rowTexts(r).join(' '));
  const font = oldFontOf(texts.join('\n'));
  return font === 'TCVN3' || font === 'VNI' ? oldFontRefusal(font) : null;
}

function oldFontRefusal(font: 'TCVN3' | 'VNI' | 'unknown'): { problem: ImportIssue } {
  if (font === 'unknown')
    return refusal(
      'Không nhận ra bảng mã của tệp CSV (không phải UTF-8, UTF-16 hay Windows-1258): hãy mở bằng Excel và lưu lại dạng "CSV UTF-8"',
      'The CSV file\'s encoding is not recognised (not UTF-8, UTF-16 or Windows-1258): open it in Excel and save it as "CSV UTF-8"',
    );
  const name = font === 'TCVN3' ? 'TCVN3 (ABC, phông .VnTime)' : 'VNI (phông VNI-Times)';
  const nameEn = font === 'TCVN3' ? 'TCVN3 (ABC, .VnTime fonts)' : 'VNI (VNI-Times fonts)';
  return refusal(
    `Chữ trong tệp được gõ bằng bảng mã ${name}, không phải Unicode: hãy chuyển mã sang Unicode (ví dụ Unikey › Công cụ chuyển mã, nguồn ${font}, đích Unicode) rồi gửi lại`,
    `The text of the file is typed in the ${nameEn} encoding, not Unicode: convert it to Unicode (e.g. Unikey's converter, from ${font} to Unicode) and send it again`,
  );
}
