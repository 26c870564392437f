/**
 * Reads a zip archive's central directory (xlsx and ods files are zip archives) to learn how large its contents
 * would be once inflated, before any parser inflates them: a small file must not unpack into gigabytes.
 */
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
