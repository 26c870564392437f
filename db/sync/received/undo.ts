/**
 * Undoing a deletion a bundle made here: the record comes back as it stood, with the parts the same bundle deleted
 * with it (a pledge's deliveries, an item's stages) and the records it needs that the same bundle deleted (its
 * donor, its place). Each comes back as a local edit whose version is newer than the deletion and based on the
 * version it removed, so it travels in this office's next bundle and restores the record at every office, the one
 * that deleted it too (a row newer than a deletion replaces it there).
 */
import { type BundleDeletion, UNDONE_DELETION_NOTE, type UndoneDeletion } from '../../../contract/deletions';
import { type Bilingual, LedgerError } from '../../../contract/errors';
import type { ParsedInput } from '../../../contract';
import { prepared } from '../../core/statements';
import type { Ctx } from '../../core/context';
import { refreshSearchText } from '../../search';
import type { Table } from '../contents';
import { REFERENCES } from '../references';
import { tombstoneOf, writeRow } from '../rows';
import { asListed, deletionInBundle, type KeptDeletion, keptDeletion, partsOf, wholeOf } from './deletions';
import { recordReceived } from './receipt';
import { entityOf } from './records';

export async function undoDeletion(ctx: Ctx, input: ParsedInput<'sync.undelete'>): Promise<UndoneDeletion> {
  const asked = keptDeletion(ctx, input.id);
  if (!asked)
    throw new LedgerError(
      'not_found',
      { vi: 'Không tìm thấy việc xóa đã nhận', en: 'No such deletion received' },
      'id',
    );
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
  await restore(ctx, whole, restored);
  for (const part of partsOf(ctx, whole)) {
    // A part already back, or deleted again since, stays as it is.
    if (part.undoneAt || exists(ctx, part.table, part.recordId) || deletedSince(ctx, part)) continue;
    await restore(ctx, part, restored);
  }
  return { id: whole.id, restored };
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

/** Puts back the records a row needs that the same bundle deleted, then the row; refuses if one is gone otherwise. */
async function restore(ctx: Ctx, deletion: KeptDeletion, restored: BundleDeletion[]): Promise<void> {
  for (const [from, column, to] of REFERENCES) {
    const id = (deletion.row as Record<string, unknown>)[column];
    if (from !== deletion.table || typeof id !== 'string' || exists(ctx, to, id)) continue;
    const needed = neededDeletion(ctx, deletion, to, id);
    if (!needed) throw cannotRestore(ctx, deletion, to, id);
    await restore(ctx, needed, restored);
  }
  await putBack(ctx, deletion);
  restored.push(asListed(deletion));
}

/** The same bundle's deletion of a record this one needs, if it stands. */
function neededDeletion(ctx: Ctx, deletion: KeptDeletion, table: Table, id: string): KeptDeletion | null {
  const needed = deletionInBundle(ctx, deletion.bundle.id, entityOf(table), id);
  return needed && !needed.undoneAt && !deletedSince(ctx, needed) ? needed : null;
}

/** A record needed is gone, and not by this bundle: named, with the deletion to undo first when one is kept. */
function cannotRestore(ctx: Ctx, deletion: KeptDeletion, table: Table, id: string): LedgerError {
  const other = prepared(
    ctx.sqlite,
    `SELECT what FROM received_deletions WHERE record_id = ? AND undone_at IS NULL ORDER BY rowid DESC LIMIT 1`,
  ).get(id) as { what: string } | undefined;
  const needed: Bilingual = other
    ? (JSON.parse(other.what) as Bilingual)
    : { vi: `bản ghi ${id} (${table})`, en: `the record ${id} (${table})` };
  return new LedgerError(
    'in_use',
    {
      vi: `Không khôi phục được ${deletion.what.vi}: cần ${needed.vi}, đã bị xóa ở đây${other ? ' (hãy hoàn tác việc xóa đó trước)' : ''}`,
      en: `Cannot restore ${deletion.what.en}: it needs ${needed.en}, which was deleted here${other ? ' (undo that deletion first)' : ''}`,
    },
    'id',
  );
}

/**
 * The row as it stood, written back; then touched as a local edit: the triggers give it a version newer than the
 * deletion (the clock has seen it), based on the version the deletion removed.
 */
async function putBack(ctx: Ctx, deletion: KeptDeletion): Promise<void> {
  const { table, row, entity } = deletion;
  ctx.tracking.applying = true;
  try {
    await writeRow(ctx, table, row, true);
    if (table === 'pledges') await refreshSearchText(ctx, 'pledge', row.id);
  } catch (error) {
    throw refusedRestore(error, deletion);
  } finally {
    ctx.tracking.applying = false;
  }
  const tomb = await tombstoneOf(ctx, entity, row.id);
  if (tomb) ctx.tracking.clock.observe(tomb.version);
  ctx.tracking.clock.observe(deletion.deletionVersion);
  prepared(ctx.sqlite, `DELETE FROM tombstones WHERE entity = ? AND id = ?`).run(entity, row.id);
  prepared(ctx.sqlite, `UPDATE ${table} SET updated_at = ? WHERE id = ?`).run(ctx.now, row.id);
  const now = prepared(ctx.sqlite, `SELECT * FROM ${table} WHERE id = ?`).get(row.id) as typeof row;
  recordReceived(ctx, deletion.bundle.id, 'create', table, now, null, now, UNDONE_DELETION_NOTE);
  prepared(ctx.sqlite, `UPDATE received_deletions SET undone_at = ?, undone_by = ? WHERE id = ?`).run(
    ctx.now,
    ctx.site.userName || ctx.site.name,
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
  return new LedgerError(
    'duplicate',
    {
      vi: `Không khôi phục được ${deletion.what.vi}: trùng với một bản ghi đã có ở đây`,
      en: `Cannot restore ${deletion.what.en}: it duplicates a record now in the ledger`,
    },
    'id',
  );
}
