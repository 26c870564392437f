/**
 * The deletions bundles bring: listed before they are merged (and confirmed with --allow-deletions), listed once
 * merged (`bundle deletions`), and undone (`bundle undo-deletion ID`).
 */
import type { BundleDeletion, ReceivedDeletion } from '../../../contract/deletions';
import { LedgerError } from '../../../contract/errors';
import { createLedgerService } from '../../../db/service';
import { requireDb, UsageError } from '../args';
import type { CommandInput } from '../command';
import { withLedger } from '../ledger';
import { flag, text } from '../options';
import { out } from '../output';

/** The options the bundle command shares with these actions. */
export const DELETION_OPTIONS = { db: text, json: flag, 'allow-deletions': flag };
type DeletionInput = CommandInput<typeof DELETION_OPTIONS>;

/** One deletion on a line of its own, in both languages, marked when this office made the record. */
export function deletionLine(d: BundleDeletion): string {
  const mark = d.madeHere ? ' [do đơn vị này tạo / made by this office]' : '';
  return `  - ${d.what.vi} / ${d.what.en}${mark}`;
}

/** What a bundle deletes here, and whether merging it needs --allow-deletions. */
export function printDeletions(deletions: BundleDeletion[], needConfirmation: boolean): void {
  if (!deletions.length) return;
  out(`Gói xóa ${deletions.length} bản ghi ở đây / The bundle deletes ${deletions.length} records here:`);
  for (const d of deletions) out(deletionLine(d));
  if (needConfirmation) out('Cần xác nhận: thêm --allow-deletions / Needs confirmation: add --allow-deletions');
}

/** A merge refused for want of confirmation says how to confirm. */
export function withConfirmationHint(error: unknown): unknown {
  if (!(error instanceof LedgerError) || error.code !== 'confirmation_required') return error;
  return new LedgerError(error.code, {
    vi: `${error.bilingual.vi} Thêm --allow-deletions để xác nhận.`,
    en: `${error.bilingual.en} Add --allow-deletions to confirm.`,
  });
}

function receivedLine(d: ReceivedDeletion): string {
  const parts = d.parts.length ? ` (+${d.parts.length})` : '';
  const undone = d.undoneAt ? ` [đã hoàn tác / undone ${d.undoneAt}]` : '';
  return `${d.id}  ${d.bundle.receivedAt}  ${d.bundle.siteName}  ${d.bundle.fileName}\n${deletionLine(d)}${parts}${undone}`;
}

/** `bundle deletions`: the deletions bundles made here, the latest first, each with the id that undoes it. */
export async function listDeletions({ values }: DeletionInput): Promise<number> {
  const deletions = await withLedger(requireDb(values), false, undefined, (ledger) =>
    createLedgerService(ledger).invoke('sync.deletions', {}),
  );
  if (values.json) out(JSON.stringify(deletions));
  else if (!deletions.length) out('Chưa có gói nào xóa bản ghi ở đây / No bundle has deleted records here');
  else for (const d of deletions) out(receivedLine(d));
  return 0;
}

/** `bundle undo-deletion ID`: the record back, with what the same bundle deleted with it. */
export async function undoDeletion({ values, positionals }: DeletionInput): Promise<number> {
  const id = positionals[1];
  if (!id)
    throw new UsageError('Thiếu mã việc xóa (xem bundle deletions) / Missing the deletion id (see bundle deletions)');
  const undone = await withLedger(requireDb(values), false, undefined, (ledger) =>
    createLedgerService(ledger).invoke('sync.undelete', { id }),
  );
  if (values.json) out(JSON.stringify(undone));
  else {
    out(`Đã khôi phục ${undone.restored.length} bản ghi / Restored ${undone.restored.length} records:`);
    for (const d of undone.restored) out(deletionLine(d));
  }
  return 0;
}
