/**
 * Putting right, on a machine whose clock is right, the versions a clock set ahead gave: every version more than a day
 * ahead of this machine's clock (rows, deletions, the conflicts kept beside and their rows) moves, in its order, to
 * just after the newest version that is not ahead, and no later than now when there is room; a mark of what was
 * exported that is ahead goes back to that newest version, so the next bundle carries the moved versions again; history
 * times as far ahead become now. Every comparison between versions here comes out as before, and the
 * next edit orders after them all. What is certainly wrong whatever the machine (after 2100) the migration
 * `0017_sane_versions` has put right already, the same way. Offices that received these versions repair theirs too;
 * their next exchange settles which new version stands, as an update of the same content (docs/cli.md).
 */
import type { Ctx } from '../core/context';
import { CLOCK_SKEW_MS, formatVersion, parseVersion } from './clock';
import { newestVersion, VERSIONED_TABLES } from './clock-reading';

export interface ClockRepair {
  /** Distinct versions moved, and the values rewritten for them (a version is kept in several columns). */
  versions: number;
  values: number;
  /** History entries whose time was ahead. */
  historyTimes: number;
  /** The first and last version given (null: none moved). */
  from: string | null;
  to: string | null;
}

const STEPS = 1_000_000;

/** Every column that holds a version, in the tables this ledger has. */
function versionColumns(ctx: Ctx): [string, string][] {
  const present = new Set(
    ctx.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all() as string[],
  );
  return [
    ...VERSIONED_TABLES.filter((t) => present.has(t)).flatMap((t) => [
      [t, 'version'] as [string, string],
      [t, 'base_version'] as [string, string],
    ]),
    ['sync_conflicts', 'kept_version'],
    ['sync_conflicts', 'other_version'],
    ['sync_marks', 'exported_version'],
  ];
}

/** The versions a conflict's two rows carry. */
function conflictRows(ctx: Ctx): { rowid: number; kept: string | null; other: string | null }[] {
  return ctx.sqlite.prepare(`SELECT rowid, kept, other FROM sync_conflicts WHERE resolved_at IS NULL`).all() as {
    rowid: number;
    kept: string | null;
    other: string | null;
  }[];
}

/** A conflict's row with its versions mapped (the same text when none is). */
function mapRow(text: string | null, moved: Map<string, string>): string | null {
  if (text === null) return null;
  const row = JSON.parse(text) as Record<string, unknown>;
  let changed = false;
  for (const key of ['version', 'base_version']) {
    const next = moved.get(row[key] as string);
    if (next !== undefined) {
      row[key] = next;
      changed = true;
    }
  }
  return changed ? JSON.stringify(row) : text;
}

/** Moves the versions ahead of `nowMs` (see above), inside the caller's transaction. */
export function repairClock(ctx: Ctx, nowMs: number): ClockRepair {
  const limitMs = nowMs + CLOCK_SKEW_MS;
  // Any version whose time is past the limit sorts at or after this text (versions compare as strings).
  const limit = String(limitMs + 1).padStart(16, '0');
  const columns = versionColumns(ctx);
  const ahead = new Set<string>();
  let floor = '';
  const isAhead = (v: unknown): v is string => typeof v === 'string' && (parseVersion(v)?.ms ?? 0) > limitMs;
  for (const [table, column] of columns) {
    const found = ctx.sqlite.prepare(`SELECT DISTINCT ${column} FROM ${table} WHERE ${column} >= ?`).pluck();
    for (const v of found.all(limit)) if (isAhead(v)) ahead.add(v);
    const below = ctx.sqlite.prepare(`SELECT max(${column}) FROM ${table} WHERE ${column} < ?`).pluck().get(limit);
    if (typeof below === 'string' && below > floor) floor = below;
  }
  for (const conflict of conflictRows(ctx)) {
    for (const text of [conflict.kept, conflict.other]) {
      const row = text ? (JSON.parse(text) as Record<string, unknown>) : {};
      for (const key of ['version', 'base_version']) if (isAhead(row[key])) ahead.add(row[key]);
    }
  }
  const sorted = [...ahead].sort();
  // In order, after the newest version not ahead, ending no later than now when there is room.
  const floorMs = parseVersion(floor)?.ms ?? 0;
  const startMs = Math.max(floorMs + 1, nowMs - Math.ceil(sorted.length / STEPS));
  const moved = new Map(
    sorted.map((v, i) => {
      const site = parseVersion(v)?.site ?? v.split('-').slice(2).join('-');
      return [v, formatVersion(startMs + Math.floor(i / STEPS), i % STEPS, site)];
    }),
  );
  const values = writeMoved(ctx, columns, moved, floor);
  const nowIso = new Date(nowMs).toISOString();
  const historyTimes = ctx.sqlite
    .prepare(`UPDATE audit_log SET at = ? WHERE at > ? OR at LIKE '+%'`)
    .run(nowIso, new Date(limitMs).toISOString()).changes;
  // The clock had moved past the versions ahead when the ledger opened: it starts again from the newest now.
  ctx.tracking.clock.rewind({ ms: 0, counter: 0 });
  const newest = newestVersion(ctx.sqlite);
  if (newest) ctx.tracking.clock.observe(newest);
  return {
    versions: moved.size,
    values,
    historyTimes,
    from: sorted.length ? moved.get(sorted[0]!)! : null,
    to: sorted.length ? moved.get(sorted.at(-1)!)! : null,
  };
}

/** Writes the moved versions in every column and conflict row; answers how many values were rewritten. */
function writeMoved(ctx: Ctx, columns: [string, string][], moved: Map<string, string>, floor: string): number {
  if (!moved.size) return 0;
  ctx.sqlite.exec(`CREATE TEMP TABLE IF NOT EXISTS clock_repair (old TEXT PRIMARY KEY, new TEXT NOT NULL)`);
  ctx.sqlite.exec(`DELETE FROM temp.clock_repair`);
  const add = ctx.sqlite.prepare(`INSERT INTO temp.clock_repair (old, new) VALUES (?, ?)`);
  for (const [old, next] of moved) add.run(old, next);
  let values = 0;
  // Versions are moved, not edits made: the tracking triggers stand aside.
  const applying = ctx.tracking.applying;
  ctx.tracking.applying = true;
  try {
    for (const [table, column] of columns.filter(([t]) => t !== 'sync_marks')) {
      values += ctx.sqlite
        .prepare(
          `UPDATE ${table} SET ${column} = (SELECT new FROM temp.clock_repair WHERE old = ${table}.${column})
          WHERE ${column} IN (SELECT old FROM temp.clock_repair)`,
        )
        .run().changes;
    }
  } finally {
    ctx.tracking.applying = applying;
  }
  // A mark of what was exported that is ahead goes back to before the versions moved: they go out again, as new (the
  // bundles that carried them before were refused by offices of this release).
  values += ctx.sqlite
    .prepare(`UPDATE sync_marks SET exported_version = ? WHERE exported_version IN (SELECT old FROM temp.clock_repair)`)
    .run(floor).changes;
  const update = ctx.sqlite.prepare(`UPDATE sync_conflicts SET kept = ?, other = ? WHERE rowid = ?`);
  for (const conflict of conflictRows(ctx)) {
    const [kept, other] = [mapRow(conflict.kept, moved), mapRow(conflict.other, moved)];
    if (kept !== conflict.kept || other !== conflict.other) update.run(kept, other, conflict.rowid);
  }
  ctx.sqlite.exec(`DROP TABLE temp.clock_repair`);
  return values;
}
