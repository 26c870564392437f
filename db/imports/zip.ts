/**
 * Reads a zip archive's central directory (xlsx and ods files are zip archives) to learn how large its contents
 * would be once inflated, before any parser inflates them: a small file must not unpack into gigabytes.
 */
import { crc32, inflateRawSync } from 'node:zlib';

export interface ZipSummary {
  entries: number;
  /** Sum of the declared uncompressed sizes; Infinity when an entry uses ZIP64 sizes. */
  uncompressedBytes: number;
}

export function isZip(bytes: Buffer): boolean {
  return bytes.length >= 4 && bytes.readUInt32LE(0) === 0x04034b50;
}

export function summarizeZip(bytes: Buffer): ZipSummary | null {
  // The end-of-central-directory record sits in the last 65,557 bytes.
  const from = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= from; i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let total = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return null;
    const size = bytes.readUInt32LE(offset + 24);
    total += size === 0xffffffff ? Infinity : size;
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return { entries: count, uncompressedBytes: total };
}

/**
 * Inflates every entry where the workbook reader will look for it (the directory's offset, past the local header's
 * name and extra field) and checks it against its declared size and checksum. The reader checks neither: a damaged
 * deflate stream makes it copy from memory it never wrote (the same file then reads differently each time), and an
 * entry lying about its size would unpack past the limit. Run after `summarizeZip` accepted the declared sizes.
 */
export function entriesIntact(bytes: Buffer): boolean {
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return false;
  let offset = bytes.readUInt32LE(eocd + 16);
  for (let n = bytes.readUInt16LE(eocd + 10); n > 0; n--) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return false;
    const crc = bytes.readUInt32LE(offset + 16);
    const compressed = bytes.readUInt32LE(offset + 20);
    const size = bytes.readUInt32LE(offset + 24);
    const local = bytes.readUInt32LE(offset + 42);
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) return false;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    if (start + compressed > bytes.length) return false;
    const data = bytes.subarray(start, start + compressed);
    // The reader goes by the local header's method.
    const method = bytes.readUInt16LE(local + 8);
    let content: Buffer;
    if (method === 0) content = data;
    else if (method === 8) {
      try {
        content = inflateRawSync(data, { maxOutputLength: Math.max(1, size) });
      } catch {
        return false;
      }
    } else return false;
    if (content.length !== size || crc32(content) !== crc) return false;
  }
  return true;
}
