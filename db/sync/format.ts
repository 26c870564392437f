/** The bundle file: a header line with the format number and the SHA-256 of the body, then the gzip body. */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SCHEMA_VERSION } from '../core/migrate';
import { checkContent, isObject } from './checks';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_TABLES,
  type Bundle,
  type Row,
  type Table,
  type Tombstone,
  refuse,
} from './contents';

const HEADER = 'AIDLEDGER-BUNDLE';

/**
 * Format 2: after the header line, gzip of JSON lines — the bundle without its rows first, then one line per row
 * (`["r", table, row]`), deletion (`["t", tombstone]`) or history entry (`["a", entry]`). Read line by line, a
 * bundle of a hundred thousand rows never becomes one giant string (format 1 was a single JSON text; still read).
 */
export function encodeBundle(bundle: Bundle): Buffer {
  const { records, tombstones, audit, ...head } = bundle;
  const chunks: Buffer[] = [];
  let lines: string[] = [JSON.stringify(head)];
  // Each thousand lines is compressed on its own (a gzip file may hold several members): the text is never whole.
  const flush = () => {
    chunks.push(gzipSync(Buffer.from(`${lines.join('\n')}\n`, 'utf8')));
    lines = [];
  };
  const add = (line: unknown[]) => {
    lines.push(JSON.stringify(line));
    if (lines.length >= 1_000) flush();
  };
  for (const [table, rows] of Object.entries(records)) for (const row of rows) add(['r', table, row]);
  for (const tomb of tombstones) add(['t', tomb]);
  for (const entry of audit ?? []) add(['a', entry]);
  flush();
  const body = Buffer.concat(chunks);
  const digest = createHash('sha256').update(body).digest('hex');
  return Buffer.concat([Buffer.from(`${HEADER} ${BUNDLE_FORMAT_VERSION} ${digest}\n`, 'ascii'), body]);
}

export function decodeBundle(bytes: Buffer): Bundle {
  const newline = bytes.indexOf(0x0a);
  const header = newline > 0 && newline < 200 ? bytes.subarray(0, newline).toString('ascii') : '';
  const match = /^AIDLEDGER-BUNDLE (\d+) ([0-9a-f]{64})$/.exec(header);
  if (!match)
    throw refuse('đây không phải tệp gói dữ liệu của Sổ theo dõi viện trợ', 'this is not an Aid Ledger bundle');
  const formatVersion = Number(match[1]);
  if (formatVersion > BUNDLE_FORMAT_VERSION) {
    throw refuse(
      'gói được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật',
      'it was made by a newer version of the app; update the app',
    );
  }
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== match[2]) {
    throw refuse(
      'tệp đã bị sửa đổi hoặc không đầy đủ (sai mã kiểm tra)',
      'the file was altered or is incomplete (checksum mismatch)',
    );
  }
  let bundle: Bundle;
  try {
    const text = gunzipSync(body, { maxOutputLength: 512 * 1024 * 1024 });
    bundle = formatVersion === 1 ? (JSON.parse(text.toString('utf8')) as Bundle) : readLines(text);
  } catch {
    throw refuse('nội dung không đọc được', 'its content cannot be read');
  }
  if (
    !isObject(bundle) ||
    bundle.format !== BUNDLE_FORMAT ||
    !isObject(bundle.records) ||
    !Array.isArray(bundle.tombstones)
  ) {
    throw refuse('định dạng không đúng', 'unknown format');
  }
  if (typeof bundle.schemaVersion !== 'number' || bundle.schemaVersion > SCHEMA_VERSION) {
    throw refuse(
      'gói được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật',
      'it was made by a newer version of the app; update the app',
    );
  }
  checkContent(bundle);
  return bundle;
}

/** The bundle of a format 2 body; throws on any line that is not what format 2 writes. */
function readLines(text: Buffer): Bundle {
  let start = 0;
  const next = (): unknown => {
    const end = text.indexOf(0x0a, start);
    if (end < 0) return undefined;
    const line = JSON.parse(text.toString('utf8', start, end)) as unknown;
    start = end + 1;
    return line;
  };
  const head = next();
  if (!isObject(head)) throw new Error('no head');
  const records = Object.fromEntries(BUNDLE_TABLES.map(([table]) => [table, [] as Row[]])) as Record<Table, Row[]>;
  const bundle: Bundle = {
    ...(head as Omit<Bundle, 'records' | 'tombstones' | 'audit'>),
    records,
    tombstones: [],
    audit: [],
  };
  for (let line = next(); line !== undefined; line = next()) {
    if (!Array.isArray(line)) throw new Error('not a line of a bundle');
    const [kind, first, second] = line as [unknown, unknown, unknown];
    if (kind === 'r' && typeof first === 'string' && Object.hasOwn(records, first) && isObject(second))
      records[first as Table].push(second as Row);
    else if (kind === 't' && isObject(first)) bundle.tombstones.push(first as unknown as Tombstone);
    else if (kind === 'a' && isObject(first)) bundle.audit.push(first);
    else throw new Error('not a line of a bundle');
  }
  if (start !== text.length) throw new Error('unterminated line');
  return bundle;
}
