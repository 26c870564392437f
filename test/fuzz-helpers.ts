/**
 * Shared by the fuzz tests: the seed and run counts, byte and zip mutations, and the check every fuzzed call must
 * pass (an envelope, never an exception; a typed error, never `internal`; a failure changes nothing; a success
 * leaves the ledger sound; the work done within bounds).
 */
import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { expect } from 'vitest';
import type { LedgerErrorCode } from '../contract/errors';
import { foldText } from '../contract/text';
import { totalChanges } from '../db/core/statements';
import { openLedger, type Ledger } from '../db/core/open';
import { suggestionWork } from '../db/places/match';
import { createLedgerService, type LedgerService } from '../db/service';
import { tableCounts, totalsAgainstRows } from './helpers';
import { startMeter, type Work } from './meter';
import { idsFor, propertyParams } from './random';

export { LONG, SEED } from './random';

/** fast-check settings for a fuzz property: seeded, replayable, and not shrunk (a fuzz case is costly to run again). */
export function fuzzParams<T>(numRuns: number, extra: Partial<fc.Parameters<T>> = {}): fc.Parameters<T> {
  return propertyParams<T>(numRuns, { endOnFailure: true, ...extra });
}

const CODES: readonly LedgerErrorCode[] = [
  'invalid_input',
  'unknown_method',
  'not_found',
  'duplicate',
  'in_use',
  'over_delivered',
  'amount_mismatch',
  'rate_missing',
  'schema_too_new',
  'ledger_damaged',
  'too_large',
  'unsigned_bundle',
  'unknown_office',
  'office_revoked',
  'confirmation_required',
];

const lastPrint = new WeakMap<Ledger, { key: string; print: string }>();

/**
 * Every row of every table (and the schema), hashed: equal before and after means nothing was written. Hashed again
 * only once a row was written (even if rolled back) or the schema changed since the last time.
 */
export function fingerprint(ledger: Ledger): string {
  const key = `${totalChanges(ledger.sqlite)}/${ledger.sqlite.pragma('schema_version', { simple: true })}`;
  const last = lastPrint.get(ledger);
  if (last?.key === key) return last.print;
  const print = hashLedger(ledger);
  lastPrint.set(ledger, { key, print });
  return print;
}

function hashLedger(ledger: Ledger): string {
  const hash = createHash('sha256');
  const schema = ledger.sqlite.prepare(`SELECT type, name, sql FROM sqlite_schema ORDER BY name`).raw().all() as [
    string,
    string,
    string,
  ][];
  hash.update(JSON.stringify(schema));
  for (const [type, name] of schema) {
    if (type !== 'table') continue;
    hash.update(name);
    for (const row of ledger.sqlite.prepare(`SELECT * FROM "${name}"`).raw().iterate())
      hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

/** A ledger that may be put back to a saved copy (a merge or import that succeeded leaves it changed). */
export interface FuzzLedger {
  ledger: Ledger;
  service: LedgerService;
}

export class ResettableLedger implements FuzzLedger {
  ledger!: Ledger;
  service!: LedgerService;
  private readonly pristine: string;
  private readonly working: string;
  private n = 0;

  private constructor(
    dir: string,
    private readonly name: string,
  ) {
    this.pristine = join(dir, `${name}.pristine.sqlite`);
    this.working = join(dir, name);
  }

  /** Saves `ledger` as the state to return to, and works on a copy of it. */
  static async from(ledger: Ledger, dir: string, name: string): Promise<ResettableLedger> {
    const r = new ResettableLedger(dir, name);
    ledger.sqlite.prepare('VACUUM INTO ?').run(r.pristine);
    await r.reset();
    return r;
  }

  async reset(): Promise<void> {
    if (this.ledger) await this.ledger.close();
    const file = `${this.working}.${++this.n}.sqlite`;
    copyFileSync(this.pristine, file);
    // Every copy starts the same id sequence afresh: a case gets the same ids whatever ran before it.
    this.ledger = await openLedger(file, { ids: idsFor(`resettable:${this.name}`) });
    this.service = createLedgerService(this.ledger);
  }

  close(): Promise<void> {
    return this.ledger.close();
  }
}

/** The invariants of a ledger after a write: intact file, no dangling reference, totals equal to their rows. */
export function expectSound(ledger: Ledger, what: string): void {
  expect(ledger.sqlite.pragma('integrity_check', { simple: true }), what).toBe('ok');
  expect(ledger.sqlite.pragma('foreign_key_check'), what).toEqual([]);
  const { stored, fromRows } = totalsAgainstRows(ledger);
  expect(stored, what).toEqual(fromRows);
}

export interface Outcome {
  envelope:
    | { ok: true; result: unknown }
    | { ok: false; error: { code: string; message: { vi: string; en: string }; field?: string } };
  changed: boolean;
  /** Elapsed, for the log of the slowest call only: the bound is on the work counted (`expectBoundedWork`). */
  ms: number;
}

/**
 * What one call may ask of the database: this many statements, and rows handed back, for each row the ledger holds
 * or the call writes, and `WORK_FIXED` besides. Work that grows faster (every row read again for each row written, a
 * statement for each pair of rows) is a way to freeze the app with a large enough ledger or file.
 */
const WORK_PER_ROW = 8;
const WORK_FIXED = 1_000;
/** No unit's name is longer (the contract's limit on a name): a text is compared by at most this many letters. */
const LONGEST_NAME = 300;

/** The letters of every unit's name in the ledger, as the place matcher compares them (folded). */
function namesLength(ledger: Ledger): number {
  const names = ledger.sqlite.prepare('SELECT name FROM places').pluck().all() as string[];
  return names.reduce((n, name) => n + foldText(name).length, 0);
}

/**
 * The place matcher's work since `before`, bounded: seeking the nearest names for a text compares at most
 * `LONGEST_NAME` of its letters with each unit's name, however long the text.
 */
export function expectBoundedSuggestions(ledger: Ledger, before: typeof suggestionWork, what: string): void {
  const texts = suggestionWork.texts - before.texts;
  const letterPairs = suggestionWork.letterPairs - before.letterPairs;
  expect(letterPairs, `${what}: letters compared for ${texts} texts`).toBeLessThanOrEqual(
    texts * LONGEST_NAME * namesLength(ledger),
  );
}

/** A call's work against the bounds above: `rows`, those the ledger held before; `written`, those it changed. */
function expectBoundedWork(work: Work, rows: number, written: number, what: string): void {
  const budget = WORK_PER_ROW * (rows + written) + WORK_FIXED;
  expect(work.statements, `${what}: statements run (${rows} rows held, ${written} written)`).toBeLessThanOrEqual(
    budget,
  );
  expect(work.rows, `${what}: rows read (${rows} rows held, ${written} written)`).toBeLessThanOrEqual(budget);
}

/**
 * Calls `method` through the service as a transport would and checks the answer. `failed` says whether an ok
 * answer still means "nothing done" (an import whose rows were refused, a preview).
 */
export async function fuzzCall(
  t: FuzzLedger,
  method: string,
  input: unknown,
  failed: (result: unknown) => boolean = () => false,
): Promise<Outcome> {
  const what = `${String(method)} ${summarize(input)}`;
  const countsBefore = tableCounts(t.ledger);
  const before = fingerprint(t.ledger);
  const changesBefore = totalChanges(t.ledger.sqlite);
  const suggestedBefore = { ...suggestionWork };
  const meter = startMeter(t.ledger.sqlite);
  const start = performance.now();
  let envelope: Outcome['envelope'];
  try {
    envelope = (await t.service.call(method, input)) as Outcome['envelope'];
  } catch (error) {
    throw new Error(
      `${what}: the service threw instead of answering: ${error instanceof Error ? error.stack : String(error)}`,
    );
  } finally {
    meter.stop();
  }
  const ms = performance.now() - start;
  const rowsHeld = Object.values(countsBefore).reduce((n, count) => n + count, 0);
  expectBoundedWork(meter.stop(), rowsHeld, totalChanges(t.ledger.sqlite) - changesBefore, what);
  expectBoundedSuggestions(t.ledger, suggestedBefore, what);
  // Nothing left half-open: no transaction, no bulk or merge flag up.
  expect(t.ledger.sqlite.inTransaction, what).toBe(false);
  expect(t.ledger.tracking.applying, what).toBe(false);
  expect(t.ledger.tracking.totalsDeferred, what).toBe(false);
  expect(envelope, what).toMatchObject({ ok: expect.any(Boolean) });
  const nothingDone = !envelope.ok || failed(envelope.result);
  if (!envelope.ok) {
    const { error } = envelope;
    expect(error.code, `${what}: ${JSON.stringify(error)}`).not.toBe('internal');
    expect(CODES, `${what}: ${JSON.stringify(error)}`).toContain(error.code);
    expect(error.message.vi.trim().length, what).toBeGreaterThan(0);
    expect(error.message.en.trim().length, what).toBeGreaterThan(0);
  }
  const after = fingerprint(t.ledger);
  if (nothingDone) {
    expect(tableCounts(t.ledger), `${what} failed but changed the ledger`).toEqual(countsBefore);
    expect(after, `${what} failed but changed the ledger`).toBe(before);
  } else if (after !== before) {
    expectSound(t.ledger, what);
  }
  return { envelope, changed: after !== before, ms };
}

/** A short description of a fuzz input for assertion messages (base64 files are shown by size only). */
export function summarize(input: unknown): string {
  let text: string;
  try {
    text =
      JSON.stringify(input, (key, value: unknown) =>
        key === 'base64' && typeof value === 'string'
          ? `<${value.length} base64 chars>`
          : typeof value === 'bigint'
            ? `${value}n`
            : value,
      ) ?? Object.prototype.toString.call(input);
  } catch {
    // Cycles, or objects without a prototype (no toString).
    text = Object.prototype.toString.call(input);
  }
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}

// ---------- byte mutations ----------

export type ByteOp =
  | { op: 'flip'; at: number; bit: number }
  | { op: 'set'; at: number; byte: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; bytes: Uint8Array }
  | { op: 'delete'; at: number; length: number }
  | { op: 'repeat'; at: number; length: number; times: number };

const position = fc.nat({ max: 1 << 30 });

export const byteOp: fc.Arbitrary<ByteOp> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('flip' as const), at: position, bit: fc.integer({ min: 0, max: 7 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('set' as const),
      at: position,
      byte: fc.constantFrom(0, 0xff, 0x7f, 0x80, 0x3c, 0x22, 0x0a, 0x2c),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: position }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('insert' as const),
      at: position,
      bytes: fc.uint8Array({ minLength: 1, maxLength: 64 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('delete' as const),
      at: position,
      length: fc.integer({ min: 1, max: 512 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('repeat' as const),
      at: position,
      length: fc.integer({ min: 1, max: 256 }),
      times: fc.integer({ min: 2, max: 50 }),
    }),
  },
);

export const byteOps = fc.array(byteOp, { minLength: 1, maxLength: 4 });

export function mutateBytes(input: Buffer, ops: readonly ByteOp[]): Buffer {
  let bytes = Buffer.from(input);
  for (const op of ops) {
    const at = bytes.length ? op.at % (bytes.length + (op.op === 'insert' ? 1 : 0)) : 0;
    switch (op.op) {
      case 'flip':
        if (bytes.length) bytes[at] = bytes[at]! ^ (1 << op.bit);
        break;
      case 'set':
        if (bytes.length) bytes[at] = op.byte;
        break;
      case 'truncate':
        bytes = bytes.subarray(0, at);
        break;
      case 'insert':
        bytes = Buffer.concat([bytes.subarray(0, at), op.bytes, bytes.subarray(at)]);
        break;
      case 'delete':
        bytes = Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + op.length)]);
        break;
      case 'repeat': {
        const chunk = bytes.subarray(at, at + op.length);
        bytes = Buffer.concat([
          bytes.subarray(0, at),
          ...Array<Buffer>(op.times).fill(chunk),
          bytes.subarray(at + op.length),
        ]);
        break;
      }
    }
  }
  return bytes;
}

// ---------- zip archives (xlsx, ods) ----------

export interface ZipEntry {
  name: string;
  data: Buffer;
  /** 8 = deflate, 0 = stored; anything else is what a damaged file may claim. */
  method: number;
  /** Set to lie about the entry in the directory. */
  declaredSize?: number;
  badCrc?: boolean;
  /** Compressed bytes to store as they are, instead of deflating `data`. */
  compressed?: Buffer;
}

/** The entries of a well-formed zip archive, read from its central directory. */
export function readZip(bytes: Buffer): ZipEntry[] {
  let eocd = bytes.length - 22;
  while (eocd >= 0 && bytes.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip archive');
  const count = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    const method = bytes.readUInt16LE(offset + 10);
    const compressed = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extra = bytes.readUInt16LE(offset + 30);
    const comment = bytes.readUInt16LE(offset + 32);
    const local = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString('utf8', offset + 46, offset + 46 + nameLength);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const raw = bytes.subarray(start, start + compressed);
    entries.push({ name, method: 8, data: method === 8 ? inflateRawSync(raw) : Buffer.from(raw) });
    offset += 46 + nameLength + extra + comment;
  }
  return entries;
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const data = entry.compressed ?? (entry.method === 8 ? deflateRawSync(entry.data) : entry.data);
    const name = Buffer.from(entry.name, 'utf8');
    const crc = entry.badCrc ? (crc32(entry.data) ^ 0x5a5a5a5a) >>> 0 : crc32(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Values put into XML attributes and text nodes: indices out of range, huge refs, markup, numbers that are not. */
export const hostileXmlText = fc.oneof(
  fc.constantFrom(
    '',
    '-1',
    '0',
    '1e308',
    '-1e308',
    'NaN',
    'Infinity',
    '99999999999999999999',
    '4294967296',
    '1048577',
    '16385',
    'A1:XFD1048576',
    'A1048576',
    'XFD1',
    'A0',
    'ZZZZZ99999999',
    '$A$1:$B$2',
    's',
    'str',
    'e',
    'b',
    'd',
    'n',
    'inlineStr',
    '&amp;',
    '&#0;',
    '&#xFFFF;',
    '&bogus;',
    '<',
    '>',
    '"',
    ']]>',
    '<![CDATA[x]]>',
    '<!ENTITY x "y">',
    '\u0000',
    '\uFFFE',
    '2022-13-45',
    '9999-99-99T99:99:99',
    'true',
    '=1/0',
    'x'.repeat(10_000),
  ),
  fc.string({ maxLength: 20 }),
  fc.integer().map(String),
);

export type XmlEdit = { at: number; value: string } | { drop: number } | { dup: number };

/** Applies edits to the attribute values and text nodes of an XML document (by their index, wrapping). */
export function editXml(xml: string, edits: readonly XmlEdit[]): string {
  let text = xml;
  for (const edit of edits) {
    const spots = [...text.matchAll(/"[^"<>]*"|>[^<>]+</g)];
    if ('at' in edit) {
      if (!spots.length) continue;
      const m = spots[edit.at % spots.length]!;
      text = `${text.slice(0, m.index + 1)}${edit.value}${text.slice(m.index + m[0].length - 1)}`;
    } else {
      // Drop or duplicate one element (a cell, a row, a relationship).
      const elements = [...text.matchAll(/<(\w[\w:]*)\b[^<>]*?(\/>|>[\s\S]*?<\/\1>)/g)];
      if (!elements.length) continue;
      const m = elements[('drop' in edit ? edit.drop : edit.dup) % elements.length]!;
      const piece = 'drop' in edit ? '' : m[0] + m[0];
      text = `${text.slice(0, m.index)}${piece}${text.slice(m.index + m[0].length)}`;
    }
  }
  return text;
}

export const xmlEdits: fc.Arbitrary<XmlEdit[]> = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.record({ at: fc.nat(), value: hostileXmlText }) },
    { weight: 1, arbitrary: fc.record({ drop: fc.nat() }) },
    { weight: 1, arbitrary: fc.record({ dup: fc.nat() }) },
  ),
  { minLength: 1, maxLength: 3 },
);

export type ZipOp =
  | { op: 'drop'; entry: number }
  | { op: 'duplicate'; entry: number }
  | { op: 'rename'; entry: number; name: string }
  | { op: 'swap'; entry: number; other: number }
  | { op: 'bytes'; entry: number; ops: ByteOp[] }
  | { op: 'xml'; entry: number; edits: XmlEdit[] }
  | { op: 'size'; entry: number; size: number }
  | { op: 'method'; entry: number; method: number }
  | { op: 'crc'; entry: number };

/** Zip-level mutations; `important` are the entries a reader must use (sheets, strings, workbook, manifest). */
export function zipOps(entries: readonly string[], important: readonly string[]): fc.Arbitrary<ZipOp[]> {
  const names = important.filter((n) => entries.includes(n));
  const entry = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...names).map((n) => entries.indexOf(n)) },
    { weight: 1, arbitrary: fc.nat({ max: entries.length - 1 }) },
  );
  const op: fc.Arbitrary<ZipOp> = fc.oneof(
    { weight: 1, arbitrary: fc.record({ op: fc.constant('drop' as const), entry }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('duplicate' as const), entry }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('rename' as const),
        entry,
        name: fc.oneof(fc.constantFrom(...entries), fc.string({ maxLength: 30 }), fc.constant('../../evil.xml')),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({ op: fc.constant('swap' as const), entry, other: fc.nat({ max: entries.length - 1 }) }),
    },
    { weight: 3, arbitrary: fc.record({ op: fc.constant('bytes' as const), entry, ops: byteOps }) },
    { weight: 6, arbitrary: fc.record({ op: fc.constant('xml' as const), entry, edits: xmlEdits }) },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('size' as const),
        entry,
        size: fc.constantFrom(0, 1, 0xfffffffe, 0xffffffff, 300 * 1024 * 1024),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        op: fc.constant('method' as const),
        entry,
        method: fc.constantFrom(0, 1, 12, 99, 0xffff),
      }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('crc' as const), entry }) },
  );
  return fc.array(op, { minLength: 1, maxLength: 3 });
}

export function mutateZip(bytes: Buffer, ops: readonly ZipOp[]): Buffer {
  const entries = readZip(bytes);
  for (const op of ops) {
    if (!entries.length) break;
    const i = op.entry % entries.length;
    const e = entries[i]!;
    switch (op.op) {
      case 'drop':
        entries.splice(i, 1);
        break;
      case 'duplicate':
        entries.splice(i, 0, { ...e });
        break;
      case 'rename':
        entries[i] = { ...e, name: op.name };
        break;
      case 'swap': {
        const j = op.other % entries.length;
        [entries[i], entries[j]] = [entries[j]!, e];
        break;
      }
      case 'bytes':
        entries[i] = { ...e, data: mutateBytes(e.data, op.ops) };
        break;
      case 'xml':
        entries[i] = { ...e, data: Buffer.from(editXml(e.data.toString('utf8'), op.edits), 'utf8') };
        break;
      case 'size':
        entries[i] = { ...e, declaredSize: op.size };
        break;
      case 'method': {
        // The data stays deflated or stored as it was; only the claimed method changes.
        const data = e.method === 8 ? deflateRawSync(e.data) : e.data;
        entries[i] = { ...e, method: 0, data: Buffer.concat([data]) };
        if (op.method !== 0) return withMethod(writeZip(entries), i, op.method);
        break;
      }
      case 'crc':
        entries[i] = { ...e, badCrc: true };
        break;
    }
  }
  return writeZip(entries);
}

/** Rewrites the compression method of entry `index` in both its headers. */
function withMethod(zip: Buffer, index: number, method: number): Buffer {
  const out = Buffer.from(zip);
  let eocd = out.length - 22;
  while (out.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  let offset = out.readUInt32LE(eocd + 16);
  for (let n = 0; n < index; n++)
    offset += 46 + out.readUInt16LE(offset + 28) + out.readUInt16LE(offset + 30) + out.readUInt16LE(offset + 32);
  out.writeUInt16LE(method, offset + 10);
  out.writeUInt16LE(method, out.readUInt32LE(offset + 42) + 8);
  return out;
}
