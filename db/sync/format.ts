/**
 * The bundle file: a header line, then the gzip body. Format 3 (this release):
 * `AIDLEDGER-BUNDLE 3 <SHA-256 of the body> <signer's site id> <signature>`, the Ed25519 signature (base64) by the
 * signer's key of the header's first four fields, so neither the body nor who sent it can change unseen. Formats 1 and
 * 2 (earlier releases) have only the format and the checksum: read, and merged only on purpose (see `read.ts`).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SCHEMA_VERSION } from '../core/migrate';
import { signText } from '../offices/keys';
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
/** The first format whose bundles are signed. */
export const SIGNED_FORMAT = 3;

/** Who signs a bundle: this office's site id and private key. */
export interface BundleSigner {
  siteId: string;
  privateKey: KeyObject;
}

/** The text a bundle's signature covers: the header's first four fields. */
export function signedHeader(formatVersion: number, digest: string, siteId: string): string {
  return `${HEADER} ${formatVersion} ${digest} ${siteId}`;
}

/**
 * After the header line, gzip of JSON lines (format 2 on) — the bundle without its rows first, then one line per row
 * (`["r", table, row]`), deletion (`["t", tombstone]`) or history entry (`["a", entry]`). Read line by line, a
 * bundle of a hundred thousand rows never becomes one giant string (format 1 was a single JSON text; still read).
 */
export function encodeBundle(bundle: Bundle, signer: BundleSigner): Buffer {
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
  const signed = signedHeader(BUNDLE_FORMAT_VERSION, digest, signer.siteId);
  return Buffer.concat([Buffer.from(`${signed} ${signText(signer.privateKey, signed)}\n`, 'ascii'), body]);
}

/** A bundle file whose header and checksum were read: who signed it (format 3), and its body, read when asked. */
export interface OpenedBundle {
  formatVersion: number;
  /** Format 3: the signer's site id, its signature, and the text signed. Null for formats 1 and 2. */
  signer: { siteId: string; signature: string; signedText: string } | null;
  /** The bundle its body holds, checked (`checks.ts`); refused if it is not what this app writes. */
  body(): Bundle;
}

const HEADER_LINE = /^AIDLEDGER-BUNDLE (\d{1,6}) ([0-9a-f]{64})(?: ([A-Za-z0-9._-]{1,100}) ([A-Za-z0-9+/]{86}==))?$/;

/**
 * The header and checksum of a bundle file, before anything of its body is read: a file that is not a bundle, of a
 * newer format, altered or incomplete is refused here.
 */
export function openBundle(bytes: Buffer): OpenedBundle {
  const newline = bytes.indexOf(0x0a);
  const header = newline > 0 && newline < 400 ? bytes.subarray(0, newline).toString('ascii') : '';
  const match = HEADER_LINE.exec(header);
  if (!match)
    throw refuse('đây không phải tệp gói dữ liệu của Sổ theo dõi viện trợ', 'this is not an Aid Ledger bundle');
  const formatVersion = Number(match[1]);
  if (formatVersion > BUNDLE_FORMAT_VERSION) {
    throw refuse(
      'gói được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật',
      'it was made by a newer version of the app; update the app',
    );
  }
  const signed = formatVersion >= SIGNED_FORMAT;
  if (signed !== (match[3] !== undefined)) {
    throw refuse(
      signed ? 'thiếu chữ ký của đơn vị gửi' : 'đầu tệp không đúng định dạng',
      signed ? "the sending office's signature is missing" : 'its header is not in its format',
    );
  }
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== match[2]) {
    throw refuse(
      'tệp đã bị sửa đổi hoặc không đầy đủ (sai mã kiểm tra)',
      'the file was altered or is incomplete (checksum mismatch)',
    );
  }
  return {
    formatVersion,
    signer: signed
      ? { siteId: match[3]!, signature: match[4]!, signedText: signedHeader(formatVersion, match[2]!, match[3]!) }
      : null,
    body: () => decodeBody(body, formatVersion),
  };
}

/**
 * A bundle's content, its signature unchecked: for tools and tests that read what a bundle holds. A bundle to merge
 * is read with `readBundle` (`read.ts`), which checks who signed it first.
 */
export function decodeBundle(bytes: Buffer): Bundle {
  return openBundle(bytes).body();
}

function decodeBody(body: Buffer, formatVersion: number): Bundle {
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
