/**
 * Merging a bundle's deletions: the row here is deleted and the deletion kept (as a tombstone, so it travels on),
 * unless the row was edited here since or rows here still point to it; both are kept and shown as conflicts.
 */
import type { MergeCounts } from '../../contract';
import { prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import { deletionSaw, recordConflict, restoreContext } from './conflicts';
import { BUNDLE_TABLES, type Bundle, type Row, type Table, type Tombstone } from './contents';
import { type Receipt, recordMergedDeletion } from './received/receipt';
import { stillReferenced } from './references';
import { rowOf, tombstoneOf } from './rows';

/** Deletions: children first, so foreign keys hold. */
const DELETION_ORDER = [
  'ngo_acknowledgement',
  'ngo_year_report',
  'ngo_plan',
  'ngo_contact',
  'ngo_certificate',
  'ngo_profile',
  'delivery',
  'pledge',
  'aid_item_stage',
  'aid_item',
  'exchange_rate',
  'donor',
  'place_successor',
  'place',
];

/** Applies a bundle's deletions, counting what happened; answers the ids of the rows it deleted here, by table. */
export async function mergeDeletions(
  ctx: Ctx,
  bundle: Bundle,
  counts: MergeCounts,
  receipt: Receipt,
): Promise<Map<Table, string[]>> {
  const deletedIds = new Map<Table, string[]>();
  const tombstones = [...bundle.tombstones].sort(
    (a, b) => DELETION_ORDER.indexOf(a.entity) - DELETION_ORDER.indexOf(b.entity),
  );
  for (const tomb of tombstones) {
    const table = BUNDLE_TABLES.find(([, e]) => e === tomb.entity)?.[0];
    if (!table) continue;
    const ours = await rowOf(ctx, table, tomb.id);
    if (ours) {
      if (!(await deleteOurs(ctx, bundle, counts, table, tomb, ours))) continue;
      recordMergedDeletion(ctx, receipt, table, tomb, ours);
      if (!deletedIds.has(table)) deletedIds.set(table, []);
      deletedIds.get(table)!.push(tomb.id);
    } else {
      const existing = await tombstoneOf(ctx, tomb.entity, tomb.id);
      if (existing && existing.version >= tomb.version) {
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
  return deletedIds;
}

/**
 * Deletes the row here that a received deletion removes, unless it was edited here since or rows here still point
 * to it (it stays, the deletion shown as a conflict). Answers whether it was deleted.
 */
async function deleteOurs(
  ctx: Ctx,
  bundle: Bundle,
  counts: MergeCounts,
  table: Table,
  tomb: Tombstone,
  ours: Row,
): Promise<boolean> {
  if (ours.version > tomb.version && ours.origin_site === tomb.origin_site) {
    // Put back by the office that deleted it, after the deletion (undone there): the deletion is already behind it.
    counts.unchanged++;
    return false;
  }
  if (ours.version > tomb.version && ours.origin_site !== tomb.origin_site) {
    // Edited here after being deleted there: the edit stays, and the deletion is shown as a conflict.
    if (await recordConflict(ctx, tomb.entity, tomb.id, ours, null, ours.version, tomb.version)) counts.conflicts++;
    return false;
  }
  if (stillReferenced(ctx, table, tomb.id)) {
    // Deleted there, but rows here still point to it (a delivery recorded here): it stays, shown as a conflict.
    if (await recordConflict(ctx, tomb.entity, tomb.id, ours, null, ours.version, tomb.version)) counts.conflicts++;
    return false;
  }
  if (!deletionSaw(tomb, ours)) {
    // Deleted there without seeing the version here: the deletion (later) stands, this version is kept beside it.
    if (
      await recordConflict(
        ctx,
        tomb.entity,
        tomb.id,
        null,
        ours,
        tomb.version,
        ours.version,
        await restoreContext(ctx, bundle, table, ours),
      )
    )
      counts.conflicts++;
  }
  prepared(ctx.sqlite, `DELETE FROM ${table} WHERE id = ?`).run(tomb.id);
  counts.deleted++;
  return true;
}
