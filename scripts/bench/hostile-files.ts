/**
 * Hostile files as an attacker writes them, byte by byte (no spreadsheet library): the shapes that hung or exhausted
 * the machine before files were read in the cage. Made by `npm run bench -- --only hostile` and by the tests
 * (test/cage.test.ts, test/fuzz-import.test.ts).
 */
import { createHash } from 'node:crypto';
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';
import { TEMPLATE_COLUMNS } from '../../db/imports/columns';

const MB = 1024 * 1024;

/** A zip entry as written: its data deflated (or `compressed` given as is), and the sizes it declares. */
export interface RawEntry {
  name: string;
  data?: Buffer;
  /** Deflated bytes to write as they are (with `size` and `crc` for what they inflate to). */
  compressed?: Buffer;
  size?: number;
  crc?: number;
}

interface Written {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

function local(entry: RawEntry, offset: number): { bytes: Buffer[]; written: Written } {
  const name = Buffer.from(entry.name, 'utf8');
  const data = entry.compressed ?? deflateRawSync(entry.data ?? Buffer.alloc(0));
  const written = {
    name,
    crc: entry.crc ?? crc32(entry.data ?? Buffer.alloc(0)),
    compressed: data.length,
    size: entry.size ?? (entry.data ?? Buffer.alloc(0)).length,
    offset,
  };
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(written.crc, 14);
  header.writeUInt32LE(written.compressed, 18);
  header.writeUInt32LE(written.size >>> 0, 22);
  header.writeUInt16LE(name.length, 26);
  return { bytes: [header, name, data], written };
}

function central(entries: Written[]): Buffer {
  return Buffer.concat(
    entries.flatMap((e) => {
      const header = Buffer.alloc(46);
      header.writeUInt32LE(0x02014b50, 0);
      header.writeUInt16LE(20, 4);
      header.writeUInt16LE(20, 6);
      header.writeUInt16LE(8, 10);
      header.writeUInt32LE(e.crc, 16);
      header.writeUInt32LE(e.compressed, 20);
      header.writeUInt32LE(e.size >>> 0, 24);
      header.writeUInt16LE(e.name.length, 28);
      header.writeUInt32LE(e.offset, 42);
      return [header, e.name];
    }),
  );
}

function endRecord(count: number, directoryBytes: number, directoryAt: number, comment = Buffer.alloc(0)): Buffer {
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(directoryBytes, 12);
  end.writeUInt32LE(directoryAt, 16);
  end.writeUInt16LE(comment.length, 20);
  return Buffer.concat([end, comment]);
}

/** A zip of these entries, listed honestly. */
export function zipOf(entries: RawEntry[]): Buffer {
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let at = 0;
  for (const entry of entries) {
    const { bytes, written: w } = local(entry, at);
    parts.push(...bytes);
    written.push(w);
    at += bytes.reduce((n, b) => n + b.length, 0);
  }
  const directory = central(written);
  return Buffer.concat([...parts, directory, endRecord(written.length, directory.length, at)]);
}

const xml = (text: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${text}`, 'utf8');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const DOC = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** The parts of a one-sheet workbook around its sheet ("Nhập liệu", the template's). */
function workbookParts(): RawEntry[] {
  return [
    {
      name: '[Content_Types].xml',
      data: xml(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: xml(
        `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: xml(
        `<workbook xmlns="${MAIN}" xmlns:r="${DOC}"><sheets><sheet name="Nhập liệu" sheetId="1" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="${RELS}"><Relationship Id="rId1" Type="${DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
  ];
}

const column = (c: number) => (c < 26 ? String.fromCharCode(65 + c) : `A${String.fromCharCode(65 + c - 26)}`);
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A sheet row of inline strings (`null` leaves the cell out). */
export function rowXml(r: number, texts: readonly (string | null)[]): string {
  const cells = texts
    .map((text, c) =>
      text === null ? '' : `<c r="${column(c)}${r}" t="inlineStr"><is><t>${xmlText(text)}</t></is></c>`,
    )
    .join('');
  return `<row r="${r}">${cells}</row>`;
}

/** The template's header row, and a row that imports into a ledger with Cao Bằng's units. */
export const HEADER_TEXTS = TEMPLATE_COLUMNS.map((c) => c.header);
export const GOOD_ROW = [
  '05/09/2022',
  'Quỹ Thử Nghiệm',
  'Nhật Bản',
  'Bảo Lạc',
  'Nhà ở',
  'Nhà tình nghĩa',
  null,
  null,
  null,
  '1000000',
  'VND',
];

/** A one-sheet .xlsx whose sheet holds `rows` (sheet XML rows) and, after them, `tail` (merges and the like). */
export function xlsxOf(
  rows: string,
  { dimension = '', tail = '' }: { dimension?: string; tail?: string } = {},
): Buffer {
  const sheet = xml(
    `<worksheet xmlns="${MAIN}">${dimension ? `<dimension ref="${dimension}"/>` : ''}<sheetData>${rows}</sheetData>${tail}</worksheet>`,
  );
  return zipOf([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: sheet }]);
}

/** The header, one good row, and `count` copies of `<mergeCell ref="A2:XFD1048576"/>` (the whole sheet below it). */
export function mergesXlsx(count: number): Buffer {
  const merges = '<mergeCell ref="A2:XFD1048576"/>'.repeat(count);
  return xlsxOf(rowXml(1, HEADER_TEXTS) + rowXml(2, GOOD_ROW), {
    tail: `<mergeCells count="${count}">${merges}</mergeCells>`,
  });
}

/** The header and one good row, the sheet claiming all of Excel's 16,384 columns and 1,048,576 rows. */
export function claimedDimensionXlsx(): Buffer {
  return xlsxOf(rowXml(1, HEADER_TEXTS) + rowXml(2, GOOD_ROW), { dimension: 'A1:XFD1048576' });
}

/**
 * `chunk` repeated `times` times (or as often as makes `bytes` deflated), deflated without ever holding it whole: each
 * chunk's deflate output after a full flush decodes alone, so it is computed once and repeated.
 */
export async function repeatedDeflate(chunk: Buffer, count: { times: number } | { bytes: number }): Promise<Buffer> {
  const piece = await new Promise<Buffer>((resolve, reject) => {
    const deflate = createDeflateRaw({ level: 9 });
    const out: Buffer[] = [];
    deflate.on('data', (b: Buffer) => out.push(b));
    deflate.on('error', reject);
    deflate.write(chunk, () => deflate.flush(constants.Z_FULL_FLUSH, () => resolve(Buffer.concat(out))));
  });
  const times = 'times' in count ? count.times : Math.max(1, Math.round(count.bytes / piece.length));
  // The final, empty block that closes the stream.
  const close = Buffer.from([0x03, 0x00]);
  return Buffer.concat([...Array.from({ length: times }, () => piece), close]);
}

/** The CRC of `head` followed by `chunk` repeated `times` times. */
function repeatedCrc(chunk: Buffer, times: number, head = Buffer.alloc(0)): number {
  let crc = crc32(head);
  for (let i = 0; i < times; i++) crc = crc32(chunk, crc);
  return crc;
}

/** Rows of one cell, as a sheet's XML holds them, to repeat: what makes the reader build millions of cells. */
const ROWS_CHUNK = Buffer.from('<row><c t="n"><v>1</v></c></row>'.repeat(128 * 1024), 'utf8');

/**
 * A zip whose directory is honest but whose end record is followed, in its comment, by a second one 20 bytes before
 * the end, where SheetJS's scan (from 4 bytes before the end) finds it and the earlier guard's (from 22) did not; it
 * lists the same parts with the sheet replaced by about `fileBytes` of deflated rows (some 1,000 times as many bytes
 * of XML).
 */
export async function fakeEndRecordXlsx(fileBytes = 9.7 * MB): Promise<Buffer> {
  // Its checksum is never checked by SheetJS: left 0.
  const deflated = await repeatedDeflate(ROWS_CHUNK, { bytes: fileBytes });
  const crc = 0;
  const honest = [
    ...workbookParts(),
    { name: 'xl/worksheets/sheet1.xml', data: xml(`<worksheet xmlns="${MAIN}"><sheetData/></worksheet>`) },
  ];
  const parts: Buffer[] = [];
  const written: Written[] = [];
  let at = 0;
  for (const entry of [...honest, { name: 'xl/worksheets/sheet1.xml', compressed: deflated, size: 0xfffffffe, crc }]) {
    const { bytes, written: w } = local(entry, at);
    parts.push(...bytes);
    written.push(w);
    at += bytes.reduce((n, b) => n + b.length, 0);
  }
  const honestDirectory = central(written.slice(0, honest.length));
  const hiddenDirectory = central([...written.slice(0, honest.length - 1), written[honest.length]!]);
  const hiddenAt = at + honestDirectory.length + 22;
  // The second record without its comment length: 20 bytes, ending the file.
  const hiddenEnd = endRecord(honest.length, hiddenDirectory.length, hiddenAt).subarray(0, 20);
  const comment = Buffer.concat([hiddenDirectory, hiddenEnd]);
  return Buffer.concat([...parts, honestDirectory, endRecord(honest.length, honestDirectory.length, at, comment)]);
}

/** The same payload listed honestly: one directory, the sheet's true size too large for its field. */
export async function honestBombXlsx(fileBytes = 9.7 * MB): Promise<Buffer> {
  const deflated = await repeatedDeflate(ROWS_CHUNK, { bytes: fileBytes });
  return zipOf([
    ...workbookParts(),
    { name: 'xl/worksheets/sheet1.xml', compressed: deflated, size: 0xfffffffe, crc: 0 },
  ]);
}

/**
 * A 694 KB workbook whose sheet truly unpacks to 268 MB (the sizes it declares are honest): rows repeated, and a
 * picture of incompressible bytes, as a real file may carry, making up the rest of its size.
 */
export async function declaredBombXlsx(): Promise<Buffer> {
  const times = Math.round((268 * MB) / ROWS_CHUNK.length);
  const sheet = {
    name: 'xl/worksheets/sheet1.xml',
    compressed: await repeatedDeflate(ROWS_CHUNK, { times }),
    size: times * ROWS_CHUNK.length,
    crc: repeatedCrc(ROWS_CHUNK, times),
  };
  const bare = zipOf([...workbookParts(), sheet]);
  const picture = createHash('sha512');
  const noise: Buffer[] = [];
  for (let i = 0; noise.length * 64 < 694 * 1024 - bare.length - 100; i++)
    noise.push(picture.copy().update(String(i)).digest());
  return zipOf([...workbookParts(), sheet, { name: 'xl/media/image1.png', data: Buffer.concat(noise) }]);
}

/** JSON lines as a bundle's body holds them, to repeat: history entries. */
const LINES_CHUNK = Buffer.from('["a",{"id":"x","action":"create"}]\n'.repeat(128 * 1024), 'utf8');

/**
 * A bundle of format 2 (unsigned, as an earlier release wrote them; read by `offices.admit` and by a preview taking it
 * on purpose) whose 970 KB gzip body unpacks to 500 MB of lines, after a head line.
 */
export async function bundleBomb(): Promise<Buffer> {
  const head = Buffer.from('{"format":"aid-ledger-bundle","schemaVersion":1,"site":{"id":"x","name":"x"}}\n');
  const times = Math.round((500 * MB) / LINES_CHUNK.length);
  const gzipHeader = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(repeatedCrc(LINES_CHUNK, times, head), 0);
  trailer.writeUInt32LE((head.length + times * LINES_CHUNK.length) >>> 0, 4);
  const body = Buffer.concat([
    gzipHeader,
    deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH }),
    await repeatedDeflate(LINES_CHUNK, { times }),
    trailer,
  ]);
  const digest = createHash('sha256').update(body).digest('hex');
  return Buffer.concat([Buffer.from(`AIDLEDGER-BUNDLE 2 ${digest}\n`, 'ascii'), body]);
}

/**
 * An .xls whose array-formula record (0x0221) is too short for its formula: SheetJS loops on it forever (found by the
 * fuzzer). Written by SheetJS, then the record put in before the sheet's end.
 */
export async function loopingXls(): Promise<Buffer> {
  const XLSX = await import('xlsx');
  const book = XLSX.utils.book_new();
  const rows = [HEADER_TEXTS, GOOD_ROW.map((v) => v ?? '')];
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Nhập liệu');
  const cfb = XLSX.CFB.read(XLSX.write(book, { type: 'buffer', bookType: 'biff8' }), { type: 'buffer' });
  const entry = XLSX.CFB.find(cfb, 'Workbook')!;
  const stream = Buffer.from(entry.content as Uint8Array);
  // Before the sheet's end-of-file record: 0x0221 ARRAY, 12 bytes (a range and flags, then nothing).
  const eof = stream.lastIndexOf(Buffer.from([0x0a, 0x00, 0x00, 0x00]));
  const record = Buffer.alloc(16);
  record.writeUInt16LE(0x0221, 0);
  record.writeUInt16LE(12, 2);
  record.writeUInt16LE(1, 4);
  record.writeUInt16LE(1, 6);
  entry.content = Buffer.concat([stream.subarray(0, eof), record, stream.subarray(eof)]);
  entry.size = entry.content.length;
  return Buffer.from(XLSX.CFB.write(cfb, { type: 'buffer' }) as Uint8Array);
}
