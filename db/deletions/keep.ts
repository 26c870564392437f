/**
 * Keeping deletions: every record deleted in the ledger — by a person here or by a bundle merged here — is kept as
 * it stood, named as a person reads it, so that the deletion can be listed and undone.
 */
import type { Bilingual } from '../../contract/errors';
import { insertRow, prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import type { Row, Table } from '../sync/contents';
import { entityOf, madeHere, whatIs } from '../sync/received/records';
import { rowOf, tombstoneOf } from '../sync/rows';

export interface DeletionToKeep {
  /** What deleted it in one go (one call here, one bundle): the parts of a deletion share its batch. */
  batch: string;
  /** The exchange log's entry of the bundle that deleted it (null: deleted here). */
  receivedIn: string | null;
  table: Table;
  row: Row;
  what: Bilingual;
  madeHere: boolean;
  deletionVersion: string;
  /** The office that deleted it (a bundle's office), and the person when known. */
  siteName: string;
  userName: string | null;
}

export function keepDeletion(ctx: Ctx, deletion: DeletionToKeep): void {
  insertRow(ctx, 'deletions', {
    id: ctx.newId(),
    batch: deletion.batch,
    receivedIn: deletion.receivedIn,
    entity: entityOf(deletion.table),
    recordId: deletion.row.id,
    storedRow: JSON.stringify(deletion.row),
    what: JSON.stringify(deletion.what),
    madeHere: deletion.madeHere ? 1 : 0,
    deletionVersion: deletion.deletionVersion,
    deletedAt: ctx.now,
    siteName: deletion.siteName,
    userName: deletion.userName,
  });
}

/**
 * Deletes a record here, as a person asked, keeping it (as stored, with the words naming it read before it goes)
 * under `batch`: a pledge deleted with its deliveries passes one batch for them all.
 */
export async function deleteKept(ctx: Ctx, table: Table, id: string, batch: string): Promise<void> {
  const row = await rowOf(ctx, table, id);
  if (!row) return;
  const what = whatIs(ctx, table, row);
  const made = madeHere(ctx, row);
  prepared(ctx.sqlite, `DELETE FROM ${table} WHERE id = ?`).run(id);
  // The triggers left a tombstone with the deletion's version.
  const tomb = await tombstoneOf(ctx, entityOf(table), id);
  keepDeletion(ctx, {
    batch,
    receivedIn: null,
    table,
    row,
    what,
    madeHere: made,
    deletionVersion: tomb?.version ?? '',
    siteName: ctx.site.name,
    userName: ctx.site.userName || null,
  });
}

/**
 * A record a bundle brought back where it had been deleted here (its deletion undone at another office): its
 * deletions kept here that still stand are undone, by that office.
 */
export function markRestoredBy(ctx: Ctx, table: Table, id: string, office: string): void {
  prepared(
    ctx.sqlite,
    `UPDATE deletions SET undone_at = ?, undone_by = ? WHERE entity = ? AND record_id = ? AND undone_at IS NULL`,
  ).run(ctx.now, office, entityOf(table), id);
}
