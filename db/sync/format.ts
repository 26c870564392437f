/**
 * The bundle file: a header line, then the gzip body. Format 3 (this release):
 * `AIDLEDGER-BUNDLE 3 <SHA-256 of the body> <signer's site id> <signature>`, the Ed25519 signature (base64) by the
 * signer's key of the header's first four fields, so neither the body nor who sent it can change unseen. Formats 1 and
 * 2 (earlier releases) have only the format and the checksum: read, and merged only on purpose (see `read.ts`).
 */
import { createHash, type KeyObject } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { SCHEMA_VERSION } from '../core/migrate';
import { signText } from '../offices/keys';
import { mbText } from '../cage/limits';
import { runCaged } from '../cage/run';
import { decodeBody } from './body';
import { BUNDLE_FORMAT_VERSION, type Bundle, refuse } from './contents';

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
  /**
   * The bundle its body holds, read in the cage (`db/cage/`) and checked (`checks.ts`); refused if it is not what this
   * app writes, or if reading it passes the time or memory a body of its size may take.
   */
  body(): Promise<Bundle>;
}

const HEADER_LINE = /^AIDLEDGER-BUNDLE (\d{1,6}) ([0-9a-f]{64})(?: ([A-Za-z0-9._-]{1,100}) ([A-Za-z0-9+/]{86}==))?$/;

/**
 * The header and checksum of a bundle file, before anything of its body is read: a file that is not a bundle, of a
 * newer format, altered or incomplete is refused here.
 */
export function openBundle(bytes: Buffer): OpenedBundle {
  const { formatVersion, signer, body } = openParts(bytes);
  return { formatVersion, signer, body: () => readCaged(body, formatVersion) };
}

/** The header checked, and the body as it is. */
function openParts(bytes: Buffer): Omit<OpenedBundle, 'body'> & { body: Buffer } {
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
    body,
  };
}

async function readCaged(body: Buffer, formatVersion: number): Promise<Bundle> {
  const read = await runCaged({ kind: 'bundle', body, formatVersion, schemaVersion: SCHEMA_VERSION }, body.length);
  if (read.ok) return read.value;
  const { limits } = read;
  const size = { vi: mbText(body.length, 'vi'), en: mbText(body.length, 'en') };
  throw read.limit === 'time'
    ? refuse(
        `đọc gói quá ${limits.timeMs / 1000} giây mà chưa xong, quá mức cho một gói ${size.vi} MB`,
        `reading it took over ${limits.timeMs / 1000} s without finishing, too long for a ${size.en} MB bundle`,
      )
    : refuse(
        `đọc gói cần hơn ${limits.heapMb} MB bộ nhớ, quá mức cho một gói ${size.vi} MB`,
        `reading it needs more than ${limits.heapMb} MB of memory, too much for a ${size.en} MB bundle`,
      );
}

/**
 * A bundle's content, its signature unchecked, read in this thread with no limit but the body's own: for tools and
 * tests that read what a bundle the app made holds. A bundle to merge is read with `readBundle` (`read.ts`), which
 * checks who signed it first and reads it in the cage.
 */
export function decodeBundle(bytes: Buffer): Bundle {
  const { formatVersion, body } = openParts(bytes);
  return decodeBody(body, formatVersion, SCHEMA_VERSION);
}
