/**
 * Deleting an aid item: refused while pledge lines belong to it (they are taken out first, each move in its line's
 * history); otherwise the item goes with its stages, kept as one deletion so it can be undone together.
 */
import type { ParsedInput } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { recordAudit } from '../audit';
import type { Ctx } from '../core/context';
import { prepared } from '../core/statements';
import { deleteKept } from '../deletions/keep';
import { getItemRow } from './index';

export async function deleteItem(ctx: Ctx, input: ParsedInput<'items.delete'>): Promise<{ id: string }> {
  const item = await getItemRow(ctx, input.id, 'id');
  const { lines } = prepared(ctx.sqlite, `SELECT count(*) AS lines FROM pledges WHERE item_id = ?`).get(item.id) as {
    lines: number;
  };
  if (lines > 0) {
    throw new LedgerError(
      'in_use',
      {
        vi: `Không xóa được khoản viện trợ "${item.name}": còn ${lines} dòng cam kết thuộc khoản này; hãy gỡ các dòng đó ra trước.`,
        en: `Cannot delete the aid item "${item.name}": ${lines} pledge line(s) still belong to it; take them out first.`,
      },
      'id',
    );
  }
  const batch = ctx.newId();
  const stages = prepared(ctx.sqlite, `SELECT * FROM aid_item_stages WHERE item_id = ? ORDER BY on_date, rowid`).all(
    item.id,
  ) as { id: string; stage: string; on_date: string; document: string | null; note: string | null }[];
  for (const stage of stages) {
    await deleteKept(ctx, 'aid_item_stages', stage.id, batch);
    await recordAudit(ctx, {
      action: 'delete',
      entity: 'aid_item_stage',
      entityId: stage.id,
      parentId: item.id,
      before: { stage: stage.stage, onDate: stage.on_date, document: stage.document, note: stage.note },
    });
  }
  await deleteKept(ctx, 'aid_items', item.id, batch);
  const { version: _v, originSite: _o, baseVersion: _b, ...fields } = item as typeof item & Record<string, unknown>;
  await recordAudit(ctx, { action: 'delete', entity: 'aid_item', entityId: item.id, before: fields });
  return { id: item.id };
}
