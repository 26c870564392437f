/**
 * Undoing a deletion, made here or by a bundle merged here: the record comes back as it stood, with the parts
 * deleted with it (a pledge's deliveries, an item's stages) and the records it needs that are gone (its pledge, its
 * donor, its place), each from its own kept deletion. Each comes back as a local edit whose version is newer than
 * the deletion and based on the version it removed, so it travels in this office's next bundle and restores the
 * record at every office, the one that deleted it too (a row newer than a deletion replaces it there). The reason
 * is kept in the restored record's history.
 */
import {
  type BundleDeletion,
  type DeletionUndoInput,
  type UndoneDeletion,
  undoneDeletionNote,
} from '../../contract/deletions';
import { type Bilingual, LedgerError } from '../../contract/errors';
import type { z } from 'zod';
import { prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import { refreshSearchText } from '../search';
import type { Table } from '../sync/contents';
import { recordReceived } from '../sync/received/receipt';
import { entityOf, PARENT_COLUMN } from '../sync/received/records';
import { REFERENCES } from '../sync/references';
import { tombstoneOf, writeRow } from '../sync/rows';
import { asListed, deletionInBatch, type KeptDeletion, keptDeletion, partsOf, wholeOf } from './kept';

type UndoInput = { id: string; reason?: string | undefined } | z.output<typeof DeletionUndoInput>;

/** Undoes a deletion kept here (`received`: only one a bundle made, as `sync.undelete` asks). */
export async function undoDeletion(ctx: Ctx, input: UndoInput, received = false): Promise<UndoneDeletion> {
  const found = keptDeletion(ctx, input.id);
  const asked = received && !found?.bundle ? null : found;
  if (!asked) {
    throw new LedgerError(
      'not_found',
      received
        ? { vi: 'Không tìm thấy việc xóa đã nhận', en: 'No such deletion received' }
        : { vi: 'Không tìm thấy việc xóa này', en: 'No such deletion' },
      'id',
    );
  }
  const whole = wholeOf(ctx, asked);
  if (whole.undoneAt) {
    throw new LedgerError(
      'invalid_input',
      {
        vi: `Việc xóa "${whole.what.vi}" đã được hoàn tác lúc ${whole.undoneAt}`,
        en: `The deletion of "${whole.what.en}" was already undone at ${whole.undoneAt}`,
      },
      'id',
    );
  }
  if (exists(ctx, whole.table, whole.recordId)) {
    throw new LedgerError(
      'duplicate',
      {
        vi: `${whole.what.vi} đã có lại trong sổ (một gói sau đã mang nó về, hoặc đã khôi phục)`,
        en: `${whole.what.en} is in the ledger again (a later bundle brought it back, or it was restored)`,
      },
      'id',
    );
  }
  refuseDeletedSince(ctx, whole);
  const restored: BundleDeletion[] = [];
  await restoreWhole(ctx, whole, input.reason ?? null, restored);
  return { id: whole.id, restored };
}

/** Puts back a deletion's record, then the parts deleted with it. */
async function restoreWhole(
  ctx: Ctx,
  whole: KeptDeletion,
  reason: string | null,
  restored: BundleDeletion[],
): Promise<void> {
  await restore(ctx, whole, reason, restored);
  for (const part of partsOf(ctx, whole)) {
    // A part already back, or deleted again since, stays as it is.
    if (part.undoneAt || exists(ctx, part.table, part.recordId) || deletedSince(ctx, part)) continue;
    await restore(ctx, part, reason, restored);
  }
}

function exists(ctx: Ctx, table: Table, id: string): boolean {
  return prepared(ctx.sqlite, `SELECT 1 FROM ${table} WHERE id = ?`).get(id) !== undefined;
}

/** Whether the record was deleted again after this deletion (here, or by a later bundle). */
function deletedSince(ctx: Ctx, deletion: KeptDeletion): boolean {
  const tomb = prepared(ctx.sqlite, `SELECT version FROM tombstones WHERE entity = ? AND id = ?`).get(
    deletion.entity,
    deletion.recordId,
  ) as { version: string } | undefined;
  return tomb !== undefined && tomb.version > deletion.deletionVersion;
}

function refuseDeletedSince(ctx: Ctx, deletion: KeptDeletion): void {
  if (!deletedSince(ctx, deletion)) return;
  throw new LedgerError(
    'invalid_input',
    {
      vi: `${deletion.what.vi} đã bị xóa lại sau đó; hãy hoàn tác lần xóa sau cùng`,
      en: `${deletion.what.en} was deleted again since; undo the latest deletion`,
    },
    'id',
  );
}

/**
 * Puts back the records a row needs that are gone (deleted in the same batch, or since in a deletion kept here:
 * undone whole, with its parts), then the row; refuses, naming it, when one is gone and no deletion of it stands.
 */
async function restore(
  ctx: Ctx,
  deletion: KeptDeletion,
  reason: string | null,
  restored: BundleDeletion[],
): Promise<void> {
  for (const [from, column, to] of REFERENCES) {
    const id = (deletion.row as Record<string, unknown>)[column];
    if (from !== deletion.table || typeof id !== 'string' || exists(ctx, to, id)) continue;
    const sameBatch = standing(ctx, deletionInBatch(ctx, deletion.batch, entityOf(to), id));
    if (sameBatch) {
      await restore(ctx, sameBatch, reason, restored);
      continue;
    }
    // Its pledge or item, deleted since: put back with it. Any other record it needs is the user's to put back.
    const parent = PARENT_COLUMN[deletion.table] === column ? standing(ctx, latestDeletionOf(ctx, to, id)) : null;
    if (!parent) throw cannotRestore(ctx, deletion, to, id);
    await restoreWhole(ctx, wholeOf(ctx, parent), reason, restored);
  }
  await putBack(ctx, deletion, reason);
  restored.push(asListed(deletion));
}

/** A kept deletion that stands: not undone, and the record not deleted again since. */
function standing(ctx: Ctx, deletion: KeptDeletion | null): KeptDeletion | null {
  return deletion && !deletion.undoneAt && !deletedSince(ctx, deletion) ? deletion : null;
}

/** The latest deletion of a record kept here. */
function latestDeletionOf(ctx: Ctx, table: Table, id: string): KeptDeletion | null {
  const found = prepared(
    ctx.sqlite,
    `SELECT id FROM deletions WHERE entity = ? AND record_id = ? ORDER BY deletion_version DESC, rowid DESC LIMIT 1`,
  ).get(entityOf(table), id) as { id: string } | undefined;
  return found ? keptDeletion(ctx, found.id) : null;
}

/** Names of what a table holds, for a record needed that the ledger no longer knows. */
const KIND: Partial<Record<Table, Bilingual>> = {
  pledges: { vi: 'cam kết', en: 'pledge' },
  donors: { vi: 'nhà tài trợ', en: 'donor' },
  places: { vi: 'địa bàn', en: 'place' },
  aid_items: { vi: 'khoản viện trợ', en: 'aid item' },
};

/** A record needed is gone, and not with this deletion: named, with the deletion to undo first when one stands. */
function cannotRestore(ctx: Ctx, deletion: KeptDeletion, table: Table, id: string): LedgerError {
  const other = standing(ctx, latestDeletionOf(ctx, table, id));
  const kind = KIND[table] ?? { vi: table, en: table };
  const needed: Bilingual = other?.what ?? { vi: `${kind.vi} ${id}`, en: `the ${kind.en} ${id}` };
  return new LedgerError(
    'in_use',
    {
      vi: `Không khôi phục được ${deletion.what.vi}: cần ${needed.vi}, đã bị xóa ở đây${other ? ' (hãy hoàn tác việc xóa đó trước)' : ' và không còn giữ để khôi phục'}`,
      en: `Cannot restore ${deletion.what.en}: it needs ${needed.en}, which was deleted here${other ? ' (undo that deletion first)' : ' and is not kept to restore'}`,
    },
    'id',
  );
}

/**
 * The row as it stood, written back; then touched as a local edit: the triggers give it a version newer than the
 * deletion (the clock has seen it), based on the version the deletion removed.
 */
async function putBack(ctx: Ctx, deletion: KeptDeletion, reason: string | null): Promise<void> {
  const { table, row, entity } = deletion;
  // Donors are told apart by name (ignoring case and accents) though the ledger allows twins a merge brings.
  if (table === 'donors' && prepared(ctx.sqlite, `SELECT 1 FROM donors WHERE name_key = ?`).get(row.name_key))
    throw duplicateOf(deletion);
  ctx.tracking.applying = true;
  try {
    await writeRow(ctx, table, row, true);
    if (table === 'pledges') await refreshSearchText(ctx, 'pledge', row.id);
    // A pledge is found by its deliveries' recipients and villages too.
    if (table === 'deliveries') await refreshSearchText(ctx, 'pledge', String(row.pledge_id));
  } catch (error) {
    throw refusedRestore(error, deletion);
  } finally {
    ctx.tracking.applying = false;
  }
  const tomb = await tombstoneOf(ctx, entity, row.id);
  if (tomb) ctx.tracking.clock.observe(tomb.version);
  if (deletion.deletionVersion) ctx.tracking.clock.observe(deletion.deletionVersion);
  prepared(ctx.sqlite, `DELETE FROM tombstones WHERE entity = ? AND id = ?`).run(entity, row.id);
  prepared(ctx.sqlite, `UPDATE ${table} SET updated_at = ? WHERE id = ?`).run(ctx.now, row.id);
  const now = prepared(ctx.sqlite, `SELECT * FROM ${table} WHERE id = ?`).get(row.id) as typeof row;
  recordReceived(ctx, deletion.bundle?.id ?? null, 'create', table, now, null, now, undoneDeletionNote(reason));
  prepared(ctx.sqlite, `UPDATE deletions SET undone_at = ?, undone_by = ?, undo_reason = ? WHERE id = ?`).run(
    ctx.now,
    ctx.site.userName || ctx.site.name,
    reason,
    deletion.id,
  );
}

/** A row the ledger's constraints refuse now (another rate for its month, a donor of the same name since). */
function refusedRestore(error: unknown, deletion: KeptDeletion): unknown {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_CONSTRAINT')) return error;
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new LedgerError(
      'in_use',
      {
        vi: `Không khôi phục được ${deletion.what.vi}: bản ghi nó thuộc về đã bị xóa ở đây`,
        en: `Cannot restore ${deletion.what.en}: a record it belongs to was deleted here`,
      },
      'id',
    );
  }
  return duplicateOf(deletion);
}

function duplicateOf(deletion: KeptDeletion): LedgerError {
  return new LedgerError(
    'duplicate',
    {
      vi: `Không khôi phục được ${deletion.what.vi}: trùng với một bản ghi đã có ở đây`,
      en: `Cannot restore ${deletion.what.en}: it duplicates a record now in the ledger`,
    },
    'id',
  );
}
