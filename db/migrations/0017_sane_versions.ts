/**
 * Versions a clock set wrong gave, put right. Earlier releases let one bundle from a clock set ahead carry every later
 * edit of a ledger with it (the clock moved past whatever it saw, even in a bundle only previewed or refused), and let
 * the counter of a version grow a seventh digit, which sorts below six. What is certainly wrong is rewritten here: a
 * version whose time lies after 2100 or has more than 16 digits, or whose counter has more than 6 digits. (What is
 * only ahead of one machine's clock is the `clock repair` command's, `db/sync/clock-repair.ts`.)
 *
 * The wrong versions keep their order, and their place after every other version: they move, in order, to just after
 * the newest version that is not wrong and the newest time in the history (that millisecond and the next ones, the
 * counter counting them; a version the wrong ones replaced, which other offices may hold, is older than the edit that
 * replaced it), so every comparison between two versions comes out as before and the next edit orders after them all.
 * The rule takes nothing but the ledger (no clock, nothing random); two offices holding the same wrong version may each
 * give it another new one, and their next exchange settles which stands, as an update of the same content. Every
 * column holding a version is rewritten alike (rows, deletions, conflicts kept beside and their rows); a mark of what
 * was exported that is wrong goes back to the newest version not wrong, so the next bundle carries the versions given
 * again (the bundles that carried them before are refused by offices of this release); and a history entry's time
 * after 2100 becomes the time of the first version given. The tracking triggers stand aside meanwhile: no edit is
 * made. Frozen once released.
 */
import { sql, type Kysely } from 'kysely';

const T2100 = BigInt(Date.UTC(2100, 0, 1));
const STEPS = 1_000_000;

const TABLES = [
  'places',
  'place_successors',
  'donors',
  'aid_items',
  'aid_item_stages',
  'pledges',
  'deliveries',
  'exchange_rates',
  'tombstones',
];

/** A version's parts, its time and counter as numbers of any size. */
function partsOf(version: string): { time: bigint; counter: bigint; site: string; wrong: boolean } | null {
  const match = /^(\d+)-(\d+)-(.+)$/.exec(version);
  if (!match) return null;
  const [, time, counter, site] = match as unknown as [string, string, string, string];
  const wrong = time.length > 16 || BigInt(time) >= T2100 || counter.length > 6;
  return { time: BigInt(time), counter: BigInt(counter), site, wrong };
}

/** Rows of a version column that may be wrong (after 2100 as text, or not of the usual widths), to check one by one. */
const suspect = (column: string) =>
  sql.raw(`${column} <> '' AND (${column} > '0004102444800000' OR substr(${column}, 17, 1) <> '-'
    OR substr(${column}, 24, 1) <> '-')`);

/** Rows of a version column surely right: of the usual widths, before 2100. */
const right = (column: string) =>
  sql.raw(`${column} <> '' AND ${column} < '0004102444800000' AND substr(${column}, 17, 1) = '-'
    AND substr(${column}, 24, 1) = '-'`);

async function versionColumns(db: Kysely<any>): Promise<[string, string][]> {
  const columns: [string, string][] = [];
  for (const table of [...TABLES, 'sync_conflicts', 'sync_marks']) {
    const names = await sql<{ n: string }>`SELECT name AS n FROM pragma_table_info(${table})`.execute(db);
    // A ledger of schema 4 may lack the deletions' base_version.
    for (const { n } of names.rows)
      if (['version', 'base_version', 'kept_version', 'other_version', 'exported_version'].includes(n))
        columns.push([table, n]);
  }
  return columns;
}

export async function up(db: Kysely<any>): Promise<void> {
  const columns = await versionColumns(db);
  const wrong = new Set<string>();
  let floor = '';
  for (const [table, column] of columns) {
    const found = await sql<{ v: string }>`SELECT DISTINCT ${sql.raw(column)} AS v FROM ${sql.raw(table)}
      WHERE ${suspect(column)}`.execute(db);
    for (const { v } of found.rows) if (partsOf(v)?.wrong) wrong.add(v);
    const newest = await sql<{ v: string | null }>`SELECT max(${sql.raw(column)}) AS v FROM ${sql.raw(table)}
      WHERE ${right(column)}`.execute(db);
    const v = newest.rows[0]?.v;
    if (v && v > floor) floor = v;
  }
  const conflicts = await sql<{ r: number; k: string | null; o: string | null }>`SELECT rowid AS r, kept AS k,
    other AS o FROM sync_conflicts WHERE resolved_at IS NULL`.execute(db);
  for (const { k, o } of conflicts.rows) {
    for (const text of [k, o]) {
      const row = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      for (const key of ['version', 'base_version'])
        if (typeof row[key] === 'string' && partsOf(row[key] as string)?.wrong) wrong.add(row[key] as string);
    }
  }
  // After the newest right version, and after the newest edit's time as its history gives it: the version an edit made
  // while the clock was wrong replaced is gone from this file, but its time is before that edit's.
  const lastEdit = await sql<{ at: string | null }>`SELECT max(at) AS at FROM audit_log
    WHERE at < '2100' AND at NOT LIKE '+%'`.execute(db);
  const lastEditMs = Date.parse(lastEdit.rows[0]?.at ?? '') || 0;
  const startMs = Math.max(Number(floor.slice(0, 16) || '0'), lastEditMs) + 1;
  const moved = movedVersions(wrong, startMs);
  if (moved.size) await writeMoved(db, columns, moved, conflicts.rows, floor);
  const late = await sql<{ r: number }>`SELECT rowid AS r FROM audit_log WHERE at >= '2100' OR at LIKE '+%'`.execute(
    db,
  );
  const at = new Date(startMs).toISOString();
  for (const { r } of late.rows) await sql`UPDATE audit_log SET at = ${at} WHERE rowid = ${r}`.execute(db);
}

/** Each wrong version, in order of time, counter and site, given the next place after `startMs`. */
function movedVersions(wrong: Set<string>, startMs: number): Map<string, string> {
  const sorted = [...wrong]
    .map((v) => ({ v, ...partsOf(v)! }))
    .sort((a, b) =>
      a.time !== b.time
        ? a.time < b.time
          ? -1
          : 1
        : a.counter !== b.counter
          ? a.counter < b.counter
            ? -1
            : 1
          : a.site < b.site
            ? -1
            : 1,
    );
  return new Map(
    sorted.map(({ v, site }, i) => {
      const ms = String(startMs + Math.floor(i / STEPS)).padStart(16, '0');
      return [v, `${ms}-${String(i % STEPS).padStart(6, '0')}-${site}`];
    }),
  );
}

async function writeMoved(
  db: Kysely<any>,
  columns: [string, string][],
  moved: Map<string, string>,
  conflicts: { r: number; k: string | null; o: string | null }[],
  floor: string,
): Promise<void> {
  await sql`CREATE TEMP TABLE sane_versions (old TEXT PRIMARY KEY, new TEXT NOT NULL)`.execute(db);
  for (const [old, next] of moved)
    await sql`INSERT INTO temp.sane_versions (old, new) VALUES (${old}, ${next})`.execute(db);
  for (const table of TABLES) {
    const triggers = await sql<{ n: string; s: string }>`SELECT name AS n, sql AS s FROM sqlite_master
      WHERE type = 'trigger' AND tbl_name = ${table} AND name LIKE '%track_update'`.execute(db);
    for (const t of triggers.rows) await sql`DROP TRIGGER ${sql.raw(t.n)}`.execute(db);
    for (const [, column] of columns.filter(([t]) => t === table)) await rewrite(db, table, column);
    for (const t of triggers.rows) await sql.raw(t.s).execute(db);
  }
  for (const [table, column] of columns.filter(([t]) => t === 'sync_conflicts')) await rewrite(db, table, column);
  // A mark of what was exported that is wrong goes back to before the versions moved: they go out again, as new.
  await sql`UPDATE sync_marks SET exported_version = ${floor}
    WHERE exported_version IN (SELECT old FROM temp.sane_versions)`.execute(db);
  const saneRow = (text: string | null) => {
    if (text === null) return null;
    const row = JSON.parse(text) as Record<string, unknown>;
    for (const key of ['version', 'base_version'])
      if (typeof row[key] === 'string' && moved.has(row[key] as string)) row[key] = moved.get(row[key] as string);
    return JSON.stringify(row);
  };
  for (const { r, k, o } of conflicts) {
    const [kept, other] = [saneRow(k), saneRow(o)];
    if (kept !== k || other !== o)
      await sql`UPDATE sync_conflicts SET kept = ${kept}, other = ${other} WHERE rowid = ${r}`.execute(db);
  }
  await sql`DROP TABLE temp.sane_versions`.execute(db);
}

async function rewrite(db: Kysely<any>, table: string, column: string): Promise<void> {
  const [t, c] = [sql.raw(table), sql.raw(column)];
  await sql`UPDATE ${t} SET ${c} = (SELECT new FROM temp.sane_versions WHERE old = ${t}.${c})
    WHERE ${c} IN (SELECT old FROM temp.sane_versions)`.execute(db);
}
