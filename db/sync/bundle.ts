/**
 * Bundles: the changes of one installation in one file, carried by USB stick, email or a shared folder.
 * A bundle is gzip-compressed JSON behind a header line and its SHA-256, so a tampered, truncated or foreign file
 * is refused before anything is read from it. Merging is by record id: a newer version based on ours replaces
 * ours; two edits made without seeing each other are a conflict — the later version is kept in the ledger and the
 * other is kept beside it for the user to choose — so nothing is lost and every installation ends up the same.
 */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { sql } from 'kysely';
import type { MergeCounts } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { columnsOf, prepared, savepointIf, type Ctx } from '../context';
import { SCHEMA_VERSION } from '../migrate';
import { settleDonorMerges } from '../donors';
import { CATALOGUE_VERSION } from '../places/catalogue';
import { SEED_VERSION } from '../seed';
import { withTotalsDeferred } from '../totals-bulk';
import { refreshSearchText, setSearchTextOf } from '../search';

export const BUNDLE_FORMAT = 'aid-ledger-bundle';
export const BUNDLE_FORMAT_VERSION = 2;
const HEADER = 'AIDLEDGER-BUNDLE';

/** Tables in the order rows must be applied (parents before children). */
export const BUNDLE_TABLES = [
  ['places', 'place'],
  ['place_successors', 'place_successor'],
  ['donors', 'donor'],
  ['aid_items', 'aid_item'],
  ['aid_item_stages', 'aid_item_stage'],
  ['pledges', 'pledge'],
  ['deliveries', 'delivery'],
  ['exchange_rates', 'exchange_rate'],
] as const;
export type Table = (typeof BUNDLE_TABLES)[number][0];
export type Row = Record<string, unknown> & { id: string; version: string; origin_site: string; base_version: string };

interface Tombstone {
  entity: string;
  id: string;
  version: string;
  origin_site: string;
  deleted_at: string;
  /** The version the deletion removed ('' when not known: deleted before this was recorded). */
  base_version?: string;
}

const siteOfVersion = (version: string) => version.split('-').slice(2).join('-');

/** Whether a deletion had seen this version of the row: it deleted that version, or a later one from the same office. */
function deletionSaw(tomb: Tombstone, row: Pick<Row, 'version'>): boolean {
  const base = tomb.base_version ?? '';
  if (!base || base === row.version) return true;
  return siteOfVersion(base) === siteOfVersion(row.version) && base > row.version;
}

export interface Bundle {
  format: typeof BUNDLE_FORMAT;
  formatVersion: number;
  schemaVersion: number;
  site: { id: string; name: string };
  createdAt: string;
  since: string;
  records: Record<Table, Row[]>;
  tombstones: Tombstone[];
  audit: Record<string, unknown>[];
  /** From a province's full bundle: settings its districts take over (the department's name). */
  reference?: { departmentName: string };
}

export type { MergeCounts };

const refuse = (vi: string, en: string) =>
  new LedgerError('invalid_input', { vi: `Gói dữ liệu bị từ chối: ${vi}`, en: `Bundle refused: ${en}` });

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

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const VERSION = /^\d{13,16}-\d{6}-.+$/;
/** What a column may hold: the merge binds every value as it comes. */
const isColumnValue = (x: unknown) =>
  x === null || typeof x === 'string' || (typeof x === 'number' && Number.isFinite(x));
const shown = (x: unknown) => (JSON.stringify(x) ?? String(x)).slice(0, 60);
type Words = { vi: string; en: string };

/**
 * Every row, deletion and history entry must be what this app writes (ids, versions, plain column values): a file
 * from a damaged or foreign program is refused before the merge starts, naming the first bad record.
 */
function checkContent(bundle: Bundle): void {
  const site: unknown = bundle.site;
  if (
    !isObject(site) ||
    typeof site.id !== 'string' ||
    !site.id ||
    typeof site.name !== 'string' ||
    typeof bundle.createdAt !== 'string' ||
    typeof bundle.since !== 'string'
  ) {
    throw refuse(
      'thiếu thông tin về nơi gửi (mã, tên, thời điểm)',
      'the sending installation (id, name, time) is missing',
    );
  }
  const reference: unknown = bundle.reference;
  if (
    reference !== undefined &&
    !(isObject(reference) && typeof reference.departmentName === 'string' && reference.departmentName.length <= 200)
  ) {
    throw refuse('tên cơ quan kèm theo không hợp lệ', 'the department name it carries is invalid');
  }
  const bad = (what: Words, record: unknown, n: number, why: Words) => {
    const id = isObject(record) && typeof record.id === 'string' ? ` ${record.id.slice(0, 60)}` : '';
    return refuse(`${what.vi}${id} (thứ ${n + 1}) ${why.vi}`, `${what.en}${id} (number ${n + 1}) ${why.en}`);
  };
  const plainValues = (record: Record<string, unknown>): Words | null => {
    const key = Object.keys(record).find((k) => !isColumnValue(record[k]));
    if (key === undefined) return null;
    return {
      vi: `có trường "${key.slice(0, 40)}" mang giá trị không hợp lệ ${shown(record[key])}`,
      en: `has an invalid value ${shown(record[key])} in field "${key.slice(0, 40)}"`,
    };
  };
  for (const [table, entity] of BUNDLE_TABLES) {
    const rows: unknown = bundle.records[table] ?? [];
    const what = { vi: `bản ghi ${entity}`, en: `the ${entity} record` };
    if (!Array.isArray(rows)) throw refuse(`danh sách ${table} không hợp lệ`, `the ${table} list is invalid`);
    rows.forEach((row: unknown, n) => {
      if (!isObject(row)) throw bad(what, row, n, { vi: 'không phải một bản ghi', en: 'is not a record' });
      if (typeof row.id !== 'string' || !row.id) throw bad(what, row, n, { vi: 'không có mã (id)', en: 'has no id' });
      if (
        typeof row.version !== 'string' ||
        !VERSION.test(row.version) ||
        typeof row.origin_site !== 'string' ||
        (row.base_version !== undefined && typeof row.base_version !== 'string')
      ) {
        throw bad(what, row, n, {
          vi: 'có phiên bản (version, origin_site, base_version) không hợp lệ',
          en: 'has an invalid version (version, origin_site, base_version)',
        });
      }
      const why = plainValues(row);
      if (why) throw bad(what, row, n, why);
    });
  }
  bundle.tombstones.forEach((tomb: unknown, n) => {
    const what = { vi: 'lệnh xóa', en: 'the deletion' };
    if (!isObject(tomb)) throw bad(what, tomb, n, { vi: 'không phải một bản ghi', en: 'is not a record' });
    const fields = [tomb.entity, tomb.id, tomb.version, tomb.origin_site, tomb.deleted_at];
    if (
      fields.some((f) => typeof f !== 'string' || !f) ||
      !VERSION.test(tomb.version as string) ||
      (tomb.base_version !== undefined && typeof tomb.base_version !== 'string')
    ) {
      throw bad(what, tomb, n, {
        vi: 'thiếu hoặc sai entity, id, version, origin_site, deleted_at',
        en: 'lacks or has an invalid entity, id, version, origin_site or deleted_at',
      });
    }
  });
  const audit: unknown = bundle.audit ?? [];
  if (!Array.isArray(audit)) throw refuse('lịch sử thay đổi không hợp lệ', 'its change history is invalid');
  audit.forEach((entry: unknown, n) => {
    const what = { vi: 'mục lịch sử', en: 'the history entry' };
    if (!isObject(entry)) throw bad(what, entry, n, { vi: 'không phải một bản ghi', en: 'is not a record' });
    const why = plainValues(entry);
    if (why) throw bad(what, entry, n, why);
  });
}

/** A write the ledger's constraints refuse (a missing name, a duplicate): the bundle is refused, naming the record. */
function refusedWrite(error: unknown, entity: string, id: unknown): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !(code.startsWith('SQLITE_CONSTRAINT') || code === 'SQLITE_MISMATCH')) return error;
  const message = error instanceof Error ? error.message : '';
  const columns = /: ([\w.]+(?:, [\w.]+)*)$/.exec(message)?.[1] ?? '';
  const why: Words = /NOT NULL/.test(message)
    ? { vi: `thiếu giá trị ${columns}`, en: `lacks ${columns}` }
    : /UNIQUE|PRIMARY KEY/.test(message)
      ? { vi: `trùng với một bản ghi đã có (${columns})`, en: `duplicates an existing record (${columns})` }
      : { vi: `có giá trị không hợp lệ (${message})`, en: `has an invalid value (${message})` };
  return refuse(
    `bản ghi ${entity} ${String(id).slice(0, 60)} ${why.vi}`,
    `the ${entity} record ${String(id).slice(0, 60)} ${why.en}`,
  );
}

/** Writes a bundle's row; a row the ledger's constraints refuse refuses the bundle. */
async function mergeRow(ctx: Ctx, table: Table, entity: string, row: Row, insert: boolean): Promise<void> {
  try {
    await writeRow(ctx, table, row, insert);
  } catch (error) {
    throw refusedWrite(error, entity, row.id);
  }
}

/**
 * The same month's rate entered at two offices: two rows, one (currency, month). The smaller id stands at every
 * office, so all end up alike; a different rate in the other one is kept beside it as a conflict to choose from.
 * Answers whether the incoming row is to be inserted.
 */
async function settleRateTwin(ctx: Ctx, theirs: Row, counts: MergeCounts): Promise<boolean> {
  const twin = prepared(ctx.sqlite, `SELECT * FROM exchange_rates WHERE currency = ? AND valid_on = ? AND id <> ?`).get(
    theirs.currency,
    theirs.valid_on,
    theirs.id,
  ) as Row | undefined;
  if (!twin) return true;
  const theirsStands = theirs.id < twin.id;
  const [kept, other] = theirsStands ? [theirs, twin] : [twin, theirs];
  if (theirsStands) prepared(ctx.sqlite, `DELETE FROM exchange_rates WHERE id = ?`).run(twin.id);
  else counts.unchanged++;
  if (kept.rate !== other.rate || kept.source !== other.source) {
    if (
      await recordConflict(ctx, 'exchange_rate', kept.id, kept, { ...other, id: kept.id }, kept.version, other.version)
    )
      counts.conflicts++;
  }
  return theirsStands;
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

function versionTime(version: string): string {
  const ms = Number(version.split('-')[0] ?? 0);
  return ms > 0 ? new Date(ms).toISOString() : '';
}

/** This installation's changes since the last export to `destination` (or all of them). */
export async function exportBundle(
  ctx: Ctx,
  options: { all?: boolean; destination?: string } = {},
): Promise<{ bundle: Bundle; bytes: Buffer }> {
  const destination = options.destination ?? 'province';
  const mark = await sql<{
    exportedVersion: string;
  }>`SELECT exported_version FROM sync_marks WHERE destination = ${destination}`.execute(ctx.db);
  const since = options.all ? '' : (mark.rows[0]?.exportedVersion ?? '');
  const records = {} as Record<Table, Row[]>;
  let upTo = since;
  // An incremental bundle holds this installation's own edits; a full one holds everything it has.
  const ownRows = (from: string) =>
    storedRows(
      ctx,
      `SELECT * FROM ${from} WHERE version > ?${options.all ? '' : ' AND origin_site = ?'} ORDER BY version`,
      ...(options.all ? [since] : [since, ctx.site.id]),
    );
  for (const [table] of BUNDLE_TABLES) {
    records[table] = ownRows(table);
    for (const r of records[table]) if (r.version > upTo) upTo = r.version;
  }
  addReferencedRows(ctx, records);
  const tombstones = ownRows('tombstones') as unknown as Tombstone[];
  for (const t of tombstones) if (t.version > upTo) upTo = t.version;
  const audit = ctx.sqlite
    .prepare(`SELECT * FROM audit_log WHERE site_id = ? AND at >= ? ORDER BY rowid`)
    .all(ctx.site.id, versionTime(since)) as Record<string, unknown>[];
  const settings = await sql<{
    key: string;
    value: string;
  }>`SELECT key, value FROM settings WHERE key IN ('site.role', 'department.name')`.execute(ctx.db);
  const setting = (key: string) => settings.rows.find((r) => r.key === key)?.value;
  const isProvince = (setting('site.role') ?? 'province') === 'province';
  const bundle: Bundle = {
    ...(options.all && isProvince && setting('department.name')
      ? { reference: { departmentName: setting('department.name')! } }
      : {}),
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    site: { id: ctx.site.id, name: ctx.site.name },
    createdAt: ctx.now,
    since,
    records,
    tombstones,
    audit,
  };
  if (upTo > since) {
    await sql`INSERT INTO sync_marks (destination, exported_version) VALUES (${destination}, ${upTo})
      ON CONFLICT (destination) DO UPDATE SET exported_version = excluded.exported_version`.execute(ctx.db);
  }
  const counts = Object.fromEntries(BUNDLE_TABLES.map(([t]) => [t, records[t].length]));
  await logSync(ctx, 'export', bundle.site, destination, { ...counts, tombstones: tombstones.length });
  return { bundle, bytes: encodeBundle(bundle) };
}

/**
 * Every bundle carries the rows its rows point to (a delivery's pledge, a pledge's donor and place, a place's parent),
 * as they are now, so a bundle can be merged whatever arrived before it.
 */
function addReferencedRows(ctx: Ctx, records: Record<Table, Row[]>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const [from, column, to] of REFERENCES) {
      const have = new Set(records[to].map((r) => r.id));
      const wanted = [
        ...new Set(
          records[from].map((r) => r[column]).filter((id): id is string => typeof id === 'string' && !have.has(id)),
        ),
      ];
      if (!wanted.length) continue;
      const rows = storedRows(
        ctx,
        `SELECT * FROM ${to} WHERE id IN (SELECT value FROM json_each(?))`,
        JSON.stringify(wanted),
      );
      if (rows.length) {
        records[to].push(...rows);
        changed = true;
      }
    }
  }
}

/**
 * Rows as stored, under their column names (the merge writes them back column for column), read once, without the
 * search words: those are each receiver's to compute, from its own donor and place names.
 */
function storedRows(ctx: Ctx, query: string, ...params: unknown[]): Row[] {
  const rows = ctx.sqlite.prepare(query).all(...params) as Row[];
  for (const row of rows) delete row.search_text;
  return rows;
}

async function logSync(
  ctx: Ctx,
  direction: 'export' | 'import',
  site: { id: string; name: string },
  fileName: string,
  counts: object,
) {
  await sql`INSERT INTO sync_log (id, at, direction, peer_site_id, peer_site_name, file_name, counts)
    VALUES (${ctx.newId()}, ${ctx.now}, ${direction}, ${site.id}, ${site.name}, ${fileName}, ${JSON.stringify(counts)})`.execute(
    ctx.db,
  );
}

export async function writeRow(ctx: Ctx, table: Table, row: Row, insert: boolean) {
  // A ledger's columns do not change while it is open (migrations run before); a bundle's rows may lack newer ones.
  // Only this table's own columns, and only those the row itself holds (never one reached through its prototype).
  const columns = columnsOf(ctx, table).filter((c) => Object.hasOwn(row, c) && c !== 'search_text');
  const values = columns.map((c) => row[c] as never);
  if (insert) {
    prepared(
      ctx.sqlite,
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...values);
  } else {
    const set = columns.filter((c) => c !== 'id');
    prepared(ctx.sqlite, `UPDATE ${table} SET ${set.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
      ...set.map((c) => row[c] as never),
      row.id,
    );
  }
}

const REFERENCE_VERSIONS = new Set([SEED_VERSION, CATALOGUE_VERSION]);

type Relation = 'same' | 'theirs-newer' | 'ours-newer' | 'concurrent';

/** How a remote version relates to ours: the same, built on ours, ours built on it, or made without seeing each other. */
export function relate(
  ours: Pick<Row, 'version' | 'origin_site' | 'base_version'>,
  theirs: Pick<Row, 'version' | 'origin_site' | 'base_version'>,
): Relation {
  if (ours.version === theirs.version) return 'same';
  // Reference data as a release shipped it (the first releases' seed, then the official catalogue) is nobody's edit:
  // any later version of the record supersedes it. An office not yet upgraded sends its seeded districts; an upgraded
  // one has them as the catalogue's, and neither is a conflict.
  if (REFERENCE_VERSIONS.has(ours.version) && theirs.version > ours.version) return 'theirs-newer';
  if (REFERENCE_VERSIONS.has(theirs.version) && ours.version > theirs.version) return 'ours-newer';
  if (theirs.base_version === ours.version) return 'theirs-newer';
  if (ours.base_version === theirs.version) return 'ours-newer';
  if (ours.origin_site === theirs.origin_site) return theirs.version > ours.version ? 'theirs-newer' : 'ours-newer';
  return 'concurrent';
}

/** Columns that differ between two copies of the same content: when and where it was written. */
const BOOKKEEPING = new Set(['version', 'origin_site', 'base_version', 'updated_at', 'search_text']);

/** Two versions that say the same thing (two offices made the same change, such as merging the same donor). */
function sameContent(a: Row, b: Row): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)].filter((k) => !BOOKKEEPING.has(k)));
  return [...keys].every((k) => (a[k] ?? null) === (b[k] ?? null));
}

/** Rows a conflict's other version needs to be put back (a delivery's pledge deleted here). */
export type ConflictContext = Partial<Record<Table, Row[]>>;

async function recordConflict(
  ctx: Ctx,
  entity: string,
  id: string,
  kept: Row | null,
  other: Row | null,
  keptVersion: string,
  otherVersion: string,
  context?: ConflictContext,
): Promise<boolean> {
  // A version already set against this record is no new conflict when the same bundle comes again, even if the row
  // kept here has since changed version (a donor merge re-versions its pledges).
  if (
    prepared(
      ctx.sqlite,
      `SELECT 1 FROM sync_conflicts WHERE entity = ? AND record_id = ? AND other_version = ? LIMIT 1`,
    ).get(entity, id, otherVersion)
  )
    return false;
  const result =
    await sql`INSERT INTO sync_conflicts (id, entity, record_id, kept_version, other_version, kept, other, detected_at, context)
    VALUES (${ctx.newId()}, ${entity}, ${id}, ${keptVersion}, ${otherVersion}, ${kept ? JSON.stringify(kept) : null}, ${other ? JSON.stringify(other) : null}, ${ctx.now}, ${context ? JSON.stringify(context) : null})
    ON CONFLICT (entity, record_id, kept_version, other_version) DO NOTHING`.execute(ctx.db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/** Applies a bundle; with dryRun the same work is done and rolled back, so the preview is exact. */
export async function importBundle(ctx: Ctx, bytes: Buffer, options: BundleImportOptions = {}): Promise<MergeCounts> {
  const isolated = options.isolated ?? true;
  if (options.dryRun && !isolated) throw new Error('a check of a bundle is rolled back in its own savepoint');
  const bundle = decodeBundle(bytes);
  const counts: MergeCounts = { inserted: 0, updated: 0, unchanged: 0, conflicts: 0, deleted: 0, donorsMerged: 0 };
  const start = savepointIf(ctx, 'bundle_import', isolated);
  // Rows may point at rows later in the bundle (a donor merged into another); references are checked at the end.
  await sql`PRAGMA defer_foreign_keys = ON`.execute(ctx.db);
  ctx.tracking.applying = true;
  try {
    await withTotalsDeferred(ctx.sqlite, ctx.tracking, () => mergeRecords(ctx, bundle, counts));
  } catch (error) {
    ctx.tracking.applying = false;
    await start.undo();
    await start.keep();
    throw error;
  }
  ctx.tracking.applying = false;
  if (options.dryRun) await start.undo();
  else await logSync(ctx, 'import', bundle.site, options.fileName ?? '', counts);
  await start.keep();
  return counts;
}

export interface BundleImportOptions {
  /** Merge, count, and roll back. */
  dryRun?: boolean;
  fileName?: string;
  /**
   * In a savepoint of its own (the default), so that a bundle refused halfway leaves nothing. False: the caller rolls
   * back everything itself if the bundle is refused (a quarter's pass, see `importFiles`).
   */
  isolated?: boolean;
}

/** The history columns a bundle's entries may carry (others, from newer releases, are left out). */
const AUDIT_COLUMNS = [
  'id',
  'at',
  'site_id',
  'action',
  'entity',
  'entity_id',
  'parent_id',
  'before',
  'after',
  'note',
  'user_name',
  'site_name',
];

/** Writes a bundle's rows, deletions and audit entries into the ledger, counting what happened. */
async function mergeRecords(ctx: Ctx, bundle: Bundle, counts: MergeCounts): Promise<void> {
  const touchedPledges = new Set<string>();
  const written = new Map<Table, Row[]>();
  const deletedIds = new Map<Table, string[]>();
  // Donors and places whose names changed: the search words of their pledges follow.
  const renamed: ['donor' | 'place', string][] = [];
  // A donor's or place's new version may rename it, or merge a donor into another whose pledges then gain its words.
  const followNames = (table: Table, row: Row) => {
    if (table === 'places') renamed.push(['place', row.id]);
    if (table !== 'donors') return;
    renamed.push(['donor', row.id]);
    if (typeof row.merged_into === 'string') renamed.push(['donor', row.merged_into]);
  };
  for (const [table, entity] of BUNDLE_TABLES) {
    let rows = bundle.records[table] ?? [];
    if (table === 'places') rows = parentsFirst(rows);
    for (const theirs of rows) {
      ctx.tracking.clock.observe(theirs.version);
      const ours = await rowOf(ctx, table, theirs.id);
      const deletedHere = !ours ? await tombstoneOf(ctx, entity, theirs.id) : undefined;
      if (!ours && deletedHere && deletedHere.version >= theirs.version) {
        // Deleted here without seeing this edit: the deletion (later) stands, the edit is kept beside it.
        if (
          !deletionSaw(deletedHere, theirs) &&
          (await recordConflict(
            ctx,
            entity,
            theirs.id,
            null,
            theirs,
            deletedHere.version,
            theirs.version,
            await restoreContext(ctx, bundle, table, theirs),
          ))
        ) {
          counts.conflicts++;
        } else counts.unchanged++;
        continue;
      }
      if (!ours && table === 'deliveries') {
        // A delivery recorded elsewhere for a pledge deleted here: kept as a conflict, not lost, not blocking.
        const pledgeId = String(theirs.pledge_id);
        const pledgeHere =
          (await sql`SELECT 1 AS x FROM pledges WHERE id = ${pledgeId}`.execute(ctx.db)).rows.length > 0;
        if (!pledgeHere && (await tombstoneOf(ctx, 'pledge', pledgeId))) {
          if (
            await recordConflict(
              ctx,
              entity,
              theirs.id,
              null,
              theirs,
              'deleted',
              theirs.version,
              await restoreContext(ctx, bundle, table, theirs),
            )
          )
            counts.conflicts++;
          else counts.unchanged++;
          continue;
        }
      }
      if (!ours && table === 'exchange_rates' && !(await settleRateTwin(ctx, theirs, counts))) continue;
      if (!ours) {
        const tomb = deletedHere;
        await mergeRow(ctx, table, entity, theirs, true);
        if (tomb) prepared(ctx.sqlite, `DELETE FROM tombstones WHERE entity = ? AND id = ?`).run(entity, theirs.id);
        counts.inserted++;
      } else {
        const ourRow = ours;
        const relation = relate(ourRow, theirs);
        if (relation === 'same' || relation === 'ours-newer') {
          counts.unchanged++;
          continue;
        }
        if (relation === 'theirs-newer' || sameContent(ourRow, theirs)) {
          // The same content written at two offices is no conflict: the later version is kept everywhere.
          if (relation === 'theirs-newer' || theirs.version > ourRow.version) {
            await mergeRow(ctx, table, entity, theirs, false);
            counts.updated++;
            followNames(table, theirs);
          } else counts.unchanged++;
        } else {
          // Made without seeing each other: the later version stays in the ledger, the other is kept beside it.
          const theirsWins = theirs.version > ourRow.version;
          if (theirsWins) await mergeRow(ctx, table, entity, theirs, false);
          if (theirsWins) followNames(table, theirs);
          const [kept, other] = theirsWins ? [theirs, ourRow] : [ourRow, theirs];
          if (await recordConflict(ctx, entity, theirs.id, kept, other, kept.version, other.version))
            counts.conflicts++;
          else counts.unchanged++;
        }
      }
      if (table === 'pledges') touchedPledges.add(theirs.id);
      if (!written.has(table)) written.set(table, []);
      written.get(table)!.push(theirs);
    }
  }
  // Deletions: children first, so foreign keys hold.
  const order = [
    'delivery',
    'pledge',
    'aid_item_stage',
    'aid_item',
    'exchange_rate',
    'donor',
    'place_successor',
    'place',
  ];
  const tombstones = [...bundle.tombstones].sort((a, b) => order.indexOf(a.entity) - order.indexOf(b.entity));
  for (const tomb of tombstones) {
    ctx.tracking.clock.observe(tomb.version);
    const table = BUNDLE_TABLES.find(([, e]) => e === tomb.entity)?.[0];
    if (!table) continue;
    const ours = await rowOf(ctx, table, tomb.id);
    const existing = await tombstoneOf(ctx, tomb.entity, tomb.id);
    if (ours) {
      const ourRow = ours;
      if (ourRow.version > tomb.version && ourRow.origin_site !== tomb.origin_site) {
        // Edited here after being deleted there: the edit stays, and the deletion is shown as a conflict.
        if (await recordConflict(ctx, tomb.entity, tomb.id, ourRow, null, ourRow.version, tomb.version))
          counts.conflicts++;
        continue;
      }
      if (stillReferenced(ctx, table, tomb.id)) {
        // Deleted there, but rows here still point to it (a delivery recorded here): it stays, shown as a conflict.
        if (await recordConflict(ctx, tomb.entity, tomb.id, ourRow, null, ourRow.version, tomb.version))
          counts.conflicts++;
        continue;
      }
      if (!deletionSaw(tomb, ourRow)) {
        // Deleted there without seeing the version here: the deletion (later) stands, this version is kept beside it.
        if (
          await recordConflict(
            ctx,
            tomb.entity,
            tomb.id,
            null,
            ourRow,
            tomb.version,
            ourRow.version,
            await restoreContext(ctx, bundle, table, ourRow),
          )
        )
          counts.conflicts++;
      }
      prepared(ctx.sqlite, `DELETE FROM ${table} WHERE id = ?`).run(tomb.id);
      if (!deletedIds.has(table)) deletedIds.set(table, []);
      deletedIds.get(table)!.push(tomb.id);
      counts.deleted++;
    } else if (!existing || existing.version >= tomb.version) {
      if (existing) {
        counts.unchanged++;
        continue;
      }
    }
    prepared(
      ctx.sqlite,
      `INSERT INTO tombstones (entity, id, version, origin_site, deleted_at, base_version) VALUES (?, ?, ?, ?, ?, ?)
      ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, origin_site = excluded.origin_site, deleted_at = excluded.deleted_at,
        base_version = excluded.base_version
      WHERE excluded.version > tombstones.version`,
    ).run(tomb.entity, tomb.id, tomb.version, tomb.origin_site, tomb.deleted_at, tomb.base_version ?? '');
  }
  // Donors entered twice under one name at different offices become one, as a local edit every office repeats alike.
  ctx.tracking.applying = false;
  counts.donorsMerged = await settleDonorMerges(ctx);
  ctx.tracking.applying = true;
  await setSearchTextOf(ctx, touchedPledges);
  for (const [scope, id] of renamed) await refreshSearchText(ctx, scope, id);
  // A district takes the province's department name for its reports.
  const ownRole = (await sql<{ value: string }>`SELECT value FROM settings WHERE key = 'site.role'`.execute(ctx.db))
    .rows[0]?.value;
  if (bundle.reference?.departmentName && ownRole === 'district') {
    await sql`INSERT INTO settings (key, value, updated_at) VALUES ('department.name', ${bundle.reference.departmentName}, ${ctx.now})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`.execute(ctx.db);
  }
  for (const entry of bundle.audit ?? []) {
    // The person and installation name come with entries from installations that know them (and are absent before).
    const columns = AUDIT_COLUMNS.filter((c) => Object.hasOwn(entry, c));
    if (!columns.length) continue;
    prepared(
      ctx.sqlite,
      `INSERT OR IGNORE INTO audit_log (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...columns.map((c) => entry[c] as never));
  }
  const broken = brokenReferences(ctx, written, deletedIds);
  if (broken) {
    throw refuse(
      `gói tham chiếu tới danh mục (địa bàn, nhà tài trợ) chưa có ở đây (${broken} bản ghi); hãy nhập gói danh mục của tỉnh trước`,
      `it refers to places or donors this ledger does not have (${broken} rows); import the province's reference bundle first`,
    );
  }
  const looped = placeUnderItself(ctx, written.get('places') ?? []);
  if (looped) {
    throw refuse(
      `địa bàn "${looped}" sẽ nằm dưới chính nó (các đơn vị cấp trên tạo thành vòng lặp); hãy sửa đơn vị cấp trên ở nơi gửi rồi gửi lại`,
      `the place "${looped}" would lie under itself (its parent units form a loop); fix the parent unit where the bundle was made and send it again`,
    );
  }
}

/**
 * The name of a place this merge put under itself, if any: two offices each moved one unit under the other, or a
 * damaged file. A local edit cannot do this (it is refused), and every walk up the tree relies on it.
 */
function placeUnderItself(ctx: Ctx, written: Row[]): string | null {
  const parentOf = prepared(ctx.sqlite, `SELECT parent_id AS parentId, name FROM places WHERE id = ?`);
  for (const row of written) {
    const seen = new Set<string>([row.id]);
    for (let at = (parentOf.get(row.id) as { parentId: string | null } | undefined)?.parentId; at; ) {
      if (seen.has(at)) return (parentOf.get(at) as { name: string }).name;
      seen.add(at);
      at = (parentOf.get(at) as { parentId: string | null } | undefined)?.parentId;
    }
  }
  return null;
}

/** What putting a delivery back needs besides itself: its pledge, as this bundle or this ledger last had it. */
async function restoreContext(ctx: Ctx, bundle: Bundle, table: Table, row: Row): Promise<ConflictContext | undefined> {
  if (table !== 'deliveries') return undefined;
  const pledgeId = String(row.pledge_id);
  const pledge =
    (bundle.records.pledges ?? []).find((r) => r.id === pledgeId) ?? (await rowOf(ctx, 'pledges', pledgeId));
  if (!pledge) return undefined;
  const { search_text: _search, ...stored } = pledge;
  return { pledges: [stored as Row] };
}

async function rowOf(ctx: Ctx, table: Table, id: string): Promise<Row | undefined> {
  return prepared(ctx.sqlite, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
}

async function tombstoneOf(ctx: Ctx, entity: string, id: string): Promise<Tombstone | undefined> {
  return prepared(ctx.sqlite, `SELECT * FROM tombstones WHERE entity = ? AND id = ?`).get(entity, id) as
    | Tombstone
    | undefined;
}

/** Every reference between ledger rows: (table, column) → referenced table. */
const REFERENCES: [Table, string, Table][] = [
  ['places', 'parent_id', 'places'],
  ['place_successors', 'place_id', 'places'],
  ['place_successors', 'successor_id', 'places'],
  ['donors', 'merged_into', 'donors'],
  ['pledges', 'donor_id', 'donors'],
  ['pledges', 'place_id', 'places'],
  ['pledges', 'item_id', 'aid_items'],
  ['aid_items', 'donor_id', 'donors'],
  ['aid_item_stages', 'item_id', 'aid_items'],
  ['deliveries', 'pledge_id', 'pledges'],
];

/** Whether any row here points to this one. */
function stillReferenced(ctx: Ctx, table: Table, id: string): boolean {
  return REFERENCES.some(
    ([from, column, to]) =>
      to === table && prepared(ctx.sqlite, `SELECT 1 FROM ${from} WHERE ${column} = ? LIMIT 1`).get(id) !== undefined,
  );
}

/**
 * Rows left pointing at nothing by this merge: rows written that refer to a missing row, and rows here that referred
 * to a row it deleted. Only those can be broken, so the whole ledger need not be checked.
 */
function brokenReferences(ctx: Ctx, written: Map<Table, Row[]>, deleted: Map<Table, string[]>): number {
  let broken = 0;
  for (const [from, column, to] of REFERENCES) {
    const exists = prepared(ctx.sqlite, `SELECT 1 FROM ${to} WHERE id = ?`);
    const checked = new Set<string>();
    for (const row of written.get(from) ?? []) {
      const id = row[column];
      if (id === null || id === undefined || checked.has(id as string)) continue;
      checked.add(id as string);
      // A number where an id belongs points at nothing (foreign keys would only say so at commit).
      if (typeof id !== 'string' || !exists.get(id)) broken++;
    }
    const referring = prepared(ctx.sqlite, `SELECT 1 FROM ${from} WHERE ${column} = ? LIMIT 1`);
    for (const id of deleted.get(to) ?? []) if (referring.get(id)) broken++;
  }
  return broken;
}

function parentsFirst(rows: Row[]): Row[] {
  const ids = new Set(rows.map((r) => r.id));
  const out: Row[] = [];
  const placed = new Set<string>();
  let pending = rows;
  while (pending.length) {
    const next = pending.filter((r) => {
      const parent = r.parent_id as string | null;
      if (!parent || !ids.has(parent) || placed.has(parent)) {
        out.push(r);
        placed.add(r.id);
        return false;
      }
      return true;
    });
    if (next.length === pending.length) return [...out, ...next];
    pending = next;
  }
  return out;
}
