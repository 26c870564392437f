/**
 * Zip archives (xlsx and ods files are zip archives), read once, strictly, by this reader, and handed to the workbook
 * reader rebuilt: every entry unpacked and checked against its declared size and checksum, within what a file of its
 * size may unpack to, then written out again stored (uncompressed), with one directory and no comment.
 *
 * The workbook reader (SheetJS) finds the end of the directory scanning back from 4 bytes before the end, trusts the
 * sizes and offsets it finds there, and inflates into a buffer of the declared size: a second end record hidden in the
 * comment, or sizes that lie, would hand it a listing no check saw. Reading the rebuilt archive it can only find what
 * this reader checked. Archives that could be read two ways are refused: more than one end record, entries that
 * overlap or share a name, local headers disagreeing with the directory.
 */
import { crc32, inflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
/** The end record is 22 bytes and its comment at most 65,535: it starts in the last 65,557 bytes. */
const END_WINDOW = 22 + 0xffff;

/** Why an archive is refused: damaged, readable two ways, or unpacking past `limit`. */
export type ZipRefusal =
  | { refused: 'damaged'; vi: string; en: string }
  | { refused: 'ambiguous'; vi: string; en: string }
  | { refused: 'unpacked'; limit: number };

/**
 * A file SheetJS reads as a zip archive: "PK" and two bytes under 9 (xlsx.mjs, `readSync`), whatever the signature —
 * a file starting "PK\x07\x08" or "PK\x05\x06" is read from its end record all the same, so it is checked the same.
 */
export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2]! < 9 && bytes[3]! < 9;
}

const damaged = (vi: string, en: string): ZipRefusal => ({ refused: 'damaged', vi, en });
const ambiguous = (vi: string, en: string): ZipRefusal => ({ refused: 'ambiguous', vi, en });

interface Entry {
  name: Buffer;
  crc: number;
  size: number;
  method: number;
  /** Where its data starts and ends in the archive. */
  start: number;
  end: number;
  /** Where its local header starts. */
  local: number;
}

/** The one end record: every signature in the last 65,557 bytes, of which there must be one, ending the file. */
function endRecord(bytes: Buffer): number | ZipRefusal {
  const found: number[] = [];
  for (let i = bytes.length - 4; i >= Math.max(0, bytes.length - END_WINDOW); i--)
    if (bytes.readUInt32LE(i) === END) found.push(i);
  if (found.length === 0) return damaged('không có mục lục', 'it has no directory');
  if (found.length > 1)
    return ambiguous('có nhiều hơn một bản ghi kết thúc mục lục', 'it holds more than one end-of-directory record');
  const at = found[0]!;
  if (at + 22 > bytes.length || at + 22 + bytes.readUInt16LE(at + 20) !== bytes.length)
    return damaged(
      'bản ghi kết thúc mục lục không khớp độ dài tệp',
      'its end-of-directory record does not fit the file',
    );
  return at;
}

/** The directory's entries, each checked against its local header; sizes as declared, not yet unpacked. */
function directory(bytes: Buffer, end: number): Entry[] | ZipRefusal {
  const count = bytes.readUInt16LE(end + 10);
  const size = bytes.readUInt32LE(end + 12);
  const offset = bytes.readUInt32LE(end + 16);
  if (bytes.readUInt16LE(end + 4) !== 0 || bytes.readUInt16LE(end + 6) !== 0 || bytes.readUInt16LE(end + 8) !== count)
    return damaged('là tệp nén nhiều phần', 'it is a multi-part archive');
  if (offset + size !== end)
    return damaged('mục lục không nằm ngay trước bản ghi kết thúc', 'its directory is misplaced');
  const entries: Entry[] = [];
  const names = new Set<string>();
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || bytes.readUInt32LE(at) !== CENTRAL)
      return damaged('mục lục bị hỏng', 'its directory is damaged');
    const flags = bytes.readUInt16LE(at + 8);
    const method = bytes.readUInt16LE(at + 10);
    const crc = bytes.readUInt32LE(at + 16);
    const compressed = bytes.readUInt32LE(at + 20);
    const declared = bytes.readUInt32LE(at + 24);
    const nameLength = bytes.readUInt16LE(at + 28);
    const local = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLength);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    if (at > end) return damaged('mục lục bị hỏng', 'its directory is damaged');
    if (flags & 0x41) return damaged('có phần được mã hóa', 'it has encrypted parts');
    if (method !== 0 && method !== 8)
      return damaged('có phần nén theo cách không hỗ trợ', 'it has parts packed an unsupported way');
    // ZIP64 sizes: a workbook that needs them unpacks to gigabytes.
    if (compressed === 0xffffffff || declared === 0xffffffff || local === 0xffffffff)
      return { refused: 'unpacked', limit: 0 };
    const key = name.toString('latin1').toLowerCase();
    if (names.has(key)) return ambiguous('có hai phần cùng tên', 'two of its parts have one name');
    names.add(key);
    const checked = localHeader(bytes, { name, crc, size: declared, method, flags, compressed, local });
    if ('refused' in checked) return checked;
    entries.push({ name, crc, size: declared, method, local, start: checked.start, end: checked.start + compressed });
  }
  if (at !== end) return damaged('mục lục bị hỏng', 'its directory is damaged');
  return overlapping(entries, offset) ?? entries;
}

interface Declared {
  name: Buffer;
  crc: number;
  size: number;
  method: number;
  flags: number;
  compressed: number;
  local: number;
}

/** An entry's local header, which must say what the directory says; where its data starts. */
function localHeader(bytes: Buffer, d: Declared): { start: number } | ZipRefusal {
  const { local } = d;
  if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL)
    return damaged('mục lục trỏ ra ngoài dữ liệu', 'its directory points outside its data');
  const nameLength = bytes.readUInt16LE(local + 26);
  const start = local + 30 + nameLength + bytes.readUInt16LE(local + 28);
  const sizesHere = bytes.readUInt32LE(local + 14) === d.crc && bytes.readUInt32LE(local + 18) === d.compressed;
  const sizesAfter = (d.flags & 8) !== 0 && bytes.readUInt32LE(local + 18) === 0;
  if (
    bytes.readUInt16LE(local + 8) !== d.method ||
    !bytes.subarray(local + 30, local + 30 + nameLength).equals(d.name) ||
    (!sizesAfter && (!sizesHere || bytes.readUInt32LE(local + 22) !== d.size))
  )
    return ambiguous('đầu phần không khớp mục lục', 'a part says otherwise than its directory');
  if (start + d.compressed > bytes.length) return damaged('có phần bị cắt cụt', 'a part is cut short');
  return { start };
}

/** Two entries' bytes, or an entry and the directory, sharing bytes: the same data read as two parts. */
function overlapping(entries: Entry[], directoryStart: number): ZipRefusal | null {
  const spans = entries.map((e) => [e.local, e.end] as const).sort((a, b) => a[0] - b[0]);
  let reached = 0;
  for (const [from, to] of spans) {
    if (from < reached) return ambiguous('có các phần chồng lên nhau', 'some of its parts overlap');
    reached = to;
  }
  return reached > directoryStart ? ambiguous('có các phần chồng lên nhau', 'some of its parts overlap') : null;
}

/**
 * The archive unpacked and written again stored, with one directory and no comment; or why it is refused. Nothing
 * is unpacked past `limit` bytes in all, nor any entry past its declared size.
 */
export function rebuildZip(bytes: Buffer, limit: number): { zip: Buffer; unpacked: number } | ZipRefusal {
  const end = endRecord(bytes);
  if (typeof end !== 'number') return end;
  const entries = directory(bytes, end);
  if ('refused' in entries) return entries.refused === 'unpacked' ? { refused: 'unpacked', limit } : entries;
  const unpacked = entries.reduce((sum, e) => sum + e.size, 0);
  if (unpacked > limit) return { refused: 'unpacked', limit };
  const headers = entries.reduce((sum, e) => sum + 30 + 46 + 2 * e.name.length, 22);
  const zip = Buffer.alloc(headers + unpacked);
  let at = 0;
  const locals: number[] = [];
  for (const entry of entries) {
    locals.push(at);
    at = writeHeader(zip, at, LOCAL, entry, 0);
    const data = bytes.subarray(entry.start, entry.end);
    let content: Buffer;
    try {
      content = entry.method === 0 ? data : inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size) });
    } catch {
      return damaged('có phần không giải nén được', 'a part cannot be unpacked');
    }
    if (content.length !== entry.size || crc32(content) !== entry.crc)
      return damaged(
        'nội dung không khớp mã kiểm tra hoặc kích thước đã ghi',
        'its content does not match its checksums or recorded sizes',
      );
    at += content.copy(zip, at);
  }
  const directoryStart = at;
  entries.forEach((entry, i) => {
    at = writeHeader(zip, at, CENTRAL, entry, locals[i]!);
  });
  zip.writeUInt32LE(END, at);
  zip.writeUInt16LE(entries.length, at + 8);
  zip.writeUInt16LE(entries.length, at + 10);
  zip.writeUInt32LE(at - directoryStart, at + 12);
  zip.writeUInt32LE(directoryStart, at + 16);
  return { zip, unpacked };
}

/** A local header (`LOCAL`) or directory entry (`CENTRAL`) of a stored entry; returns where the next byte goes. */
function writeHeader(zip: Buffer, at: number, signature: number, entry: Entry, local: number): number {
  const central = signature === CENTRAL;
  zip.writeUInt32LE(signature, at);
  const fields = central ? at + 2 : at;
  zip.writeUInt16LE(20, fields + 4);
  if (central) zip.writeUInt16LE(20, at + 4);
  zip.writeUInt32LE(entry.crc, fields + 14);
  zip.writeUInt32LE(entry.size, fields + 18);
  zip.writeUInt32LE(entry.size, fields + 22);
  zip.writeUInt16LE(entry.name.length, fields + 26);
  if (central) zip.writeUInt32LE(local, at + 42);
  const nameAt = at + (central ? 46 : 30);
  entry.name.copy(zip, nameAt);
  return nameAt + entry.name.length;
}
