/**
 * A bundle's body read: gunzip, unpacked no further than a body of its size may unpack to (zlib stops there), then its
 * JSON lines, each of bounded length and no more of them than a bundle holds, checked (`checks.ts`). This runs in the
 * cage (`db/cage/`), whose worker has the time and memory the body's size gives it; `format.ts` sends it there.
 */
import { gunzipSync } from 'node:zlib';
import { LedgerError } from '../../contract/errors';
import { BUNDLE_LINE_BYTES, BUNDLE_LINES, bundleUnpackedLimit, mbText } from '../cage/limits';
import { checkContent, isObject } from './checks';
import { BUNDLE_FORMAT, BUNDLE_TABLES, type Bundle, type Row, type Table, type Tombstone, refuse } from './contents';

/** The bundle a body holds, of a file of format `formatVersion`, for a ledger of schema `schemaVersion`. */
export function decodeBody(body: Buffer, formatVersion: number, schemaVersion: number): Bundle {
  const text = unpack(body);
  let bundle: Bundle;
  try {
    bundle = formatVersion === 1 ? (JSON.parse(text.toString('utf8')) as Bundle) : readLines(text);
  } catch (error) {
    if (error instanceof LedgerError) throw error;
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
  if (typeof bundle.schemaVersion !== 'number' || bundle.schemaVersion > schemaVersion) {
    throw refuse(
      'gói được tạo bởi phiên bản mới hơn của ứng dụng; hãy cập nhật',
      'it was made by a newer version of the app; update the app',
    );
  }
  checkContent(bundle);
  return bundle;
}

/** The body unpacked, refused as soon as it passes what a body of its size may unpack to. */
function unpack(body: Buffer): Buffer {
  const limit = bundleUnpackedLimit(body.length);
  try {
    return gunzipSync(body, { maxOutputLength: limit });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE')
      throw refuse(
        `nội dung giải nén ra hơn ${mbText(limit, 'vi')} MB, quá mức cho một gói ${mbText(body.length, 'vi')} MB`,
        `its content unpacks to more than ${mbText(limit, 'en')} MB, too much for a ${mbText(body.length, 'en')} MB bundle`,
      );
    throw refuse('nội dung không đọc được', 'its content cannot be read');
  }
}

const tooLong = () =>
  refuse(
    `có dòng dài hơn ${mbText(BUNDLE_LINE_BYTES, 'vi')} MB, không phải một bản ghi`,
    `it has a line longer than ${mbText(BUNDLE_LINE_BYTES, 'en')} MB, which is no record`,
  );

/** The bundle of a format 2 body; throws on any line that is not what format 2 writes. */
function readLines(text: Buffer): Bundle {
  let start = 0;
  let lines = 0;
  const next = (): unknown => {
    if (start === text.length) return undefined;
    const found = text.subarray(start, start + BUNDLE_LINE_BYTES + 1).indexOf(0x0a);
    if (found < 0) throw start + BUNDLE_LINE_BYTES < text.length ? tooLong() : new Error('unterminated line');
    const end = start + found;
    if (++lines > BUNDLE_LINES)
      throw refuse(
        `có hơn ${BUNDLE_LINES.toLocaleString('vi')} dòng`,
        `it has more than ${BUNDLE_LINES.toLocaleString('en')} lines`,
      );
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
  return bundle;
}
