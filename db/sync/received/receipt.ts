/**
 * The receipt of one bundle being merged: every update and deletion it makes here goes into the history with the
 * bundle (its file and SHA-256) and the office it came from, and every record it deletes is kept, as it stood, so
 * the deletion can be undone. A bundle deleting more than a few records, or any this office made, is merged only
 * once the user has confirmed it.
 */
import { createHash } from 'node:crypto';
import { type BundleDeletion, deletionsNeedConfirmation } from '../../../contract/deletions';
import { LedgerError } from '../../../contract/errors';
import type { MergeCounts } from '../../../contract/bundles';
import type { BundleMerge } from '../../../contract/sync';
import { insertRow } from '../../core/statements';
import type { Ctx } from '../../core/context';
import { keepDeletion } from '../../deletions/keep';
import type { Row, Table, Tombstone } from '../contents';
import { entityOf, fieldsOf, madeHere, PARENT_COLUMN, whatIs } from './records';

/** A bundle's merge as the history and the deletions received record it. */
export interface Receipt {
  /** The id of the bundle's entry in the exchange log (written once the merge is kept). */
  id: string;
  /** SHA-256 of the whole file. */
  sha256: string;
  office: { id: string; name: string };
  /** The records it deleted here, in the order it deleted them. */
  deletions: BundleDeletion[];
  /** Its history entries, written after the bundle's own (the changes as their office made them, then received). */
  history: HistoryLine[];
}

type HistoryLine = Parameters<typeof recordReceived>;

/** `office`: the office that signed the bundle, under the name this ledger accepted it by. */
export function newReceipt(ctx: Ctx, office: { siteId: string; name: string }, bytes: Buffer): Receipt {
  return {
    id: ctx.newId(),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    office: { id: office.siteId, name: office.name },
    deletions: [],
    history: [],
  };
}

/**
 * A history entry about a bundle (`receivedIn`: its id in the exchange log): a change it made here, or one of its
 * deletions undone. Written here, about what this office received: it is not sent on. (`receivedIn` null: an entry
 * about a row as stored, made here, sent on as every change made here is: a deletion made here undone.)
 */
export function recordReceived(
  ctx: Ctx,
  receivedIn: string | null,
  action: 'create' | 'update' | 'delete',
  table: Table,
  row: Row,
  before: Row | null,
  after: Row | null,
  note: string | null = null,
): void {
  const parentColumn = PARENT_COLUMN[table];
  insertRow(ctx, 'audit_log', {
    id: ctx.newId(),
    at: ctx.now,
    siteId: ctx.site.id,
    siteName: ctx.site.name,
    userName: ctx.site.userName || null,
    action,
    entity: entityOf(table),
    entityId: row.id,
    parentId: parentColumn ? ((row as Record<string, unknown>)[parentColumn] ?? null) : null,
    before: before ? JSON.stringify(fieldsOf(before)) : null,
    after: after ? JSON.stringify(fieldsOf(after)) : null,
    note,
    receivedIn,
  });
}

/** A row here replaced by the bundle's newer version. */
export function recordMergedUpdate(ctx: Ctx, receipt: Receipt, table: Table, ours: Row, theirs: Row): void {
  receipt.history.push([ctx, receipt.id, 'update', table, theirs, ours, theirs]);
}

/** A row the bundle brings back where a deletion stood here (a deletion undone at another office). */
export function recordMergedRestore(ctx: Ctx, receipt: Receipt, table: Table, theirs: Row): void {
  receipt.history.push([ctx, receipt.id, 'create', table, theirs, null, theirs]);
}

/** The receipt's history entries, once the bundle's own are in. */
export function writeReceivedHistory(receipt: Receipt): void {
  for (const line of receipt.history.splice(0)) recordReceived(...line);
}

/** A row here the bundle deletes: in the history, kept as it stood (to undo), and listed for the confirmation. */
export function recordMergedDeletion(ctx: Ctx, receipt: Receipt, table: Table, tomb: Tombstone, ours: Row): void {
  const deletion: BundleDeletion = {
    entity: entityOf(table),
    recordId: ours.id,
    what: whatIs(ctx, table, ours),
    madeHere: madeHere(ctx, ours),
  };
  receipt.deletions.push(deletion);
  receipt.history.push([ctx, receipt.id, 'delete', table, ours, ours, null]);
  keepDeletion(ctx, {
    batch: receipt.id,
    receivedIn: receipt.id,
    table,
    row: ours,
    what: deletion.what,
    madeHere: deletion.madeHere,
    deletionVersion: tomb.version,
    siteName: receipt.office.name,
    userName: null,
  });
}

/** The merge's counts with what it deletes here. */
export function bundleMerge(counts: MergeCounts, receipt: Receipt): BundleMerge {
  return {
    ...counts,
    deletions: receipt.deletions,
    deletionsNeedConfirmation: deletionsNeedConfirmation(receipt.deletions),
  };
}

/** The records listed by name in a refusal; the others are counted. */
const NAMED = 10;

/** A bundle's deletions the user has not confirmed: refused, naming them (the caller undoes the merge). */
export class ConfirmationRequired extends LedgerError {
  constructor(
    readonly office: string,
    readonly deletions: BundleDeletion[],
  ) {
    const ours = deletions.filter((d) => d.madeHere).length;
    const list = (lang: 'vi' | 'en') =>
      deletions
        .slice(0, NAMED)
        .map((d) => d.what[lang])
        .join('; ');
    const more = deletions.length - NAMED;
    super('confirmation_required', {
      vi:
        `Gói dữ liệu của ${office} xóa ${deletions.length} bản ghi ở đây` +
        `${ours ? ` (${ours} bản ghi do đơn vị này tạo)` : ''}: ${list('vi')}` +
        `${more > 0 ? ` và ${more} bản ghi khác` : ''}. Chưa ghi gì vào sổ: hãy xem lại danh sách và xác nhận việc xóa.`,
      en:
        `The bundle from ${office} deletes ${deletions.length} records here` +
        `${ours ? ` (${ours} made by this office)` : ''}: ${list('en')}` +
        `${more > 0 ? ` and ${more} more` : ''}. Nothing was written: review the list and confirm the deletions.`,
    });
  }
}

/** Refuses the merge if its deletions need the user's confirmation. */
export function refuseUnconfirmedDeletions(receipt: Receipt): void {
  if (deletionsNeedConfirmation(receipt.deletions))
    throw new ConfirmationRequired(receipt.office.name, receipt.deletions);
}
