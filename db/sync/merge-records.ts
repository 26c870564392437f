/**
 * Merging a bundle's rows, record by record (what is here of them read a table at a time): a row not here is
 * inserted, a newer version based on ours replaces ours, and a version made without seeing ours, or set against a
 * deletion here, is kept beside the ledger as a conflict.
 */
import { sql } from 'kysely';
import type { MergeCounts } from '../../contract';
import { prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import { deletionSaw, recordConflict, relate, restoreContext, sameContent } from './conflicts';
import { BUNDLE_TABLES, type Bundle, refuse, type Row, type Table, type Tombstone, type Words } from './contents';
import { type Receipt, recordMergedRestore, recordMergedUpdate } from './received/receipt';
import { markRestoredBy } from '../deletions/keep';
import { rowOf, rowsOf, tombstoneOf, tombstonesOf, writeRow } from './rows';

/** What merging a bundle's rows leaves for the steps after it. */
export interface MergedRecords {
  /** Received rows the merge wrote or set against a version here, by table: their references are checked after. */
  written: Map<Table, Row[]>;
  /** Pledges whose search words are set again. */
  touchedPledges: Set<string>;
  /** Donors and places whose names changed: the search words of their pledges follow. */
  renamed: ['donor' | 'place', string][];
}

/** A bundle's merge in progress. */
interface Merge {
  ctx: Ctx;
  bundle: Bundle;
  counts: MergeCounts;
  merged: MergedRecords;
  /** Where the updates it makes here are recorded, with the bundle. */
  receipt: Receipt;
}

/** Writes a bundle's rows into the ledger, table by table (parents first), counting what happened. */
export async function mergeRecords(
  ctx: Ctx,
  bundle: Bundle,
  counts: MergeCounts,
  receipt: Receipt,
): Promise<MergedRecords> {
  const merged: MergedRecords = { written: new Map(), touchedPledges: new Set(), renamed: [] };
  const merge: Merge = { ctx, bundle, counts, merged, receipt };
  for (const [table, entity] of BUNDLE_TABLES) {
    let rows = bundle.records[table] ?? [];
    if (table === 'places') rows = parentsFirst(rows);
    const here = lookUps(ctx, table, entity, rows);
    for (const theirs of rows) {
      const ours = await here.row(theirs.id);
      const weighed = ours
        ? await mergeIntoOurs(merge, table, entity, ours, theirs)
        : await insertTheirs(merge, table, entity, theirs, await here.tombstone(theirs.id));
      if (!weighed) continue;
      if (table === 'pledges') merged.touchedPledges.add(theirs.id);
      if (!merged.written.has(table)) merged.written.set(table, []);
      merged.written.get(table)!.push(theirs);
    }
  }
  return merged;
}

/**
 * A row not here: inserted, unless a deletion here stands against it or its pledge was deleted here (then kept
 * beside as a conflict), or it is a rate whose twin here stands. Answers whether it was inserted.
 */
async function insertTheirs(
  { ctx, bundle, counts, receipt }: Merge,
  table: Table,
  entity: string,
  theirs: Row,
  deletedHere: Tombstone | undefined,
) {
  if (deletedHere && deletedHere.version >= theirs.version) {
    // Deleted here without seeing this edit: the deletion (later) stands, the edit is kept beside it.
    countConflict(
      counts,
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
        )),
    );
    return false;
  }
  if (table === 'deliveries' && (await pledgeDeletedHere(ctx, String(theirs.pledge_id)))) {
    // A delivery recorded elsewhere for a pledge deleted here: kept as a conflict, not lost, not blocking.
    countConflict(
      counts,
      await recordConflict(
        ctx,
        entity,
        theirs.id,
        null,
        theirs,
        'deleted',
        theirs.version,
        await restoreContext(ctx, bundle, table, theirs),
      ),
    );
    return false;
  }
  if (table === 'exchange_rates' && !(await settleRateTwin(ctx, theirs, counts))) return false;
  await mergeRow(ctx, table, entity, theirs, true);
  if (deletedHere) prepared(ctx.sqlite, `DELETE FROM tombstones WHERE entity = ? AND id = ?`).run(entity, theirs.id);
  if (deletedHere) {
    recordMergedRestore(ctx, receipt, table, theirs);
    markRestoredBy(ctx, table, theirs.id, receipt.office.name);
  }
  counts.inserted++;
  return true;
}

/**
 * A row here too: a newer version replaces ours; two made without seeing each other leave the later in the ledger
 * and the other beside it. Answers whether the row was set against ours (false when ours is the same or newer).
 */
async function mergeIntoOurs(
  { ctx, counts, merged, receipt }: Merge,
  table: Table,
  entity: string,
  ours: Row,
  theirs: Row,
) {
  const relation = relate(ours, theirs);
  if (relation === 'same' || relation === 'ours-newer') {
    counts.unchanged++;
    return false;
  }
  if (relation === 'theirs-newer' || sameContent(ours, theirs)) {
    // The same content written at two offices is no conflict: the later version is kept everywhere.
    if (relation === 'theirs-newer' || theirs.version > ours.version) {
      await mergeRow(ctx, table, entity, theirs, false);
      if (!sameContent(ours, theirs)) recordMergedUpdate(ctx, receipt, table, ours, theirs);
      counts.updated++;
      followNames(merged, table, theirs);
    } else counts.unchanged++;
    return true;
  }
  // Made without seeing each other: the later version stays in the ledger, the other is kept beside it.
  const theirsWins = theirs.version > ours.version;
  if (theirsWins) await mergeRow(ctx, table, entity, theirs, false);
  if (theirsWins) recordMergedUpdate(ctx, receipt, table, ours, theirs);
  if (theirsWins) followNames(merged, table, theirs);
  const [kept, other] = theirsWins ? [theirs, ours] : [ours, theirs];
  countConflict(counts, await recordConflict(ctx, entity, theirs.id, kept, other, kept.version, other.version));
  return true;
}

/**
 * A table's rows and deletions here for a bundle's rows of it, read for all of them at once (one query each, not two
 * per row). A row whose id the bundle holds twice, or a rate (whose twin a row before it may have removed), is read
 * at its turn, so that it sees what the rows before it wrote.
 */
function lookUps(ctx: Ctx, table: Table, entity: string, rows: Row[]) {
  const seen = new Set<string>();
  const again = new Set<string>();
  for (const row of rows) (seen.has(row.id) ? again : seen).add(row.id);
  const atItsTurn = (id: string) => table === 'exchange_rates' || again.has(id);
  const ids = [...seen].filter((id) => !atItsTurn(id));
  const rowsHere = rowsOf(ctx, table, ids);
  const tombsHere = tombstonesOf(
    ctx,
    entity,
    ids.filter((id) => !rowsHere.has(id)),
  );
  return {
    row: (id: string) => (atItsTurn(id) ? rowOf(ctx, table, id) : rowsHere.get(id)),
    tombstone: (id: string) => (atItsTurn(id) ? tombstoneOf(ctx, entity, id) : tombsHere.get(id)),
  };
}

/** A conflict recorded counts as one; one recorded before (the same bundle again) leaves the record unchanged. */
function countConflict(counts: MergeCounts, recorded: boolean): void {
  if (recorded) counts.conflicts++;
  else counts.unchanged++;
}

/** Whether a pledge is missing here because it was deleted here. */
async function pledgeDeletedHere(ctx: Ctx, pledgeId: string): Promise<boolean> {
  const pledgeHere = (await sql`SELECT 1 AS x FROM pledges WHERE id = ${pledgeId}`.execute(ctx.db)).rows.length > 0;
  return !pledgeHere && (await tombstoneOf(ctx, 'pledge', pledgeId)) !== undefined;
}

/** A donor's or place's new version may rename it, or merge a donor into another whose pledges then gain its words. */
function followNames(merged: MergedRecords, table: Table, row: Row): void {
  if (table === 'places') merged.renamed.push(['place', row.id]);
  if (table !== 'donors') return;
  merged.renamed.push(['donor', row.id]);
  if (typeof row.merged_into === 'string') merged.renamed.push(['donor', row.merged_into]);
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

/** Places with each parent in the bundle before its children (a loop, from a damaged file, is left in its order). */
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
