/**
 * The deletions kept in the ledger, made here or merged from bundles: each with its row as it stood, when and by
 * which office it was deleted (and its bundle, when received), and grouped as they go together — a pledge's
 * deliveries and an aid item's stages deleted in the same batch (one call here, or one bundle) are parts of its
 * deletion.
 */
import type { BundleDeletion, BundleSource, Deletion } from '../../contract/deletions';
import type { Bilingual } from '../../contract/errors';
import { prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import type { Row, Table } from '../sync/contents';
import { PARENT_COLUMN, tableOf } from '../sync/received/records';

/** A deletion as kept: its row as it stood, and its bundle when it came in one. */
export interface KeptDeletion {
  id: string;
  entity: string;
  table: Table;
  recordId: string;
  row: Row;
  what: Bilingual;
  madeHere: boolean;
  deletionVersion: string;
  /** The call or bundle that deleted it: the parts of a deletion share its batch. */
  batch: string;
  deletedAt: string;
  siteName: string;
  userName: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
  bundle: (BundleSource & { id: string }) | null;
}

interface StoredDeletion {
  id: string;
  entity: string;
  recordId: string;
  storedRow: string;
  what: string;
  madeHere: number;
  deletionVersion: string;
  batch: string;
  deletedAt: string;
  siteName: string;
  userName: string | null;
  undoneAt: string | null;
  undoneBy: string | null;
  undoReason: string | null;
  receivedIn: string | null;
  at: string | null;
  fileName: string | null;
  sha256: string | null;
  siteId: string | null;
  peerName: string | null;
}

const SELECT = `SELECT d.id, d.entity, d.record_id AS recordId, d.stored_row AS storedRow, d.what, d.made_here AS madeHere,
    d.deletion_version AS deletionVersion, d.batch, d.deleted_at AS deletedAt, d.site_name AS siteName,
    d.user_name AS userName, d.undone_at AS undoneAt, d.undone_by AS undoneBy, d.undo_reason AS undoReason,
    d.received_in AS receivedIn, l.at, l.file_name AS fileName, l.sha256, l.peer_site_id AS siteId,
    l.peer_site_name AS peerName
  FROM deletions d LEFT JOIN sync_log l ON l.id = d.received_in`;

function kept(stored: StoredDeletion): KeptDeletion | null {
  const table = tableOf(stored.entity);
  if (!table) return null;
  return {
    id: stored.id,
    entity: stored.entity,
    table,
    recordId: stored.recordId,
    row: JSON.parse(stored.storedRow) as Row,
    what: JSON.parse(stored.what) as Bilingual,
    madeHere: stored.madeHere === 1,
    deletionVersion: stored.deletionVersion,
    batch: stored.batch,
    deletedAt: stored.deletedAt,
    siteName: stored.siteName,
    userName: stored.userName,
    undoneAt: stored.undoneAt,
    undoneBy: stored.undoneBy,
    undoReason: stored.undoReason,
    bundle: stored.receivedIn
      ? {
          id: stored.receivedIn,
          fileName: stored.fileName ?? '',
          sha256: stored.sha256 ?? '',
          siteId: stored.siteId ?? '',
          siteName: stored.peerName ?? stored.siteName,
          receivedAt: stored.at ?? stored.deletedAt,
        }
      : null,
  };
}

const keptAll = (rows: StoredDeletion[]) => rows.map(kept).filter((d): d is KeptDeletion => d !== null);

export function keptDeletion(ctx: Ctx, id: string): KeptDeletion | null {
  const stored = prepared(ctx.sqlite, `${SELECT} WHERE d.id = ?`).get(id) as StoredDeletion | undefined;
  return stored ? kept(stored) : null;
}

/** The same batch's deletion of a record, if it made one. */
export function deletionInBatch(ctx: Ctx, batch: string, entity: string, recordId: string): KeptDeletion | null {
  const stored = prepared(ctx.sqlite, `${SELECT} WHERE d.batch = ? AND d.entity = ? AND d.record_id = ?`).get(
    batch,
    entity,
    recordId,
  ) as StoredDeletion | undefined;
  return stored ? kept(stored) : null;
}

/** The record a part belongs to (a delivery's pledge, a stage's item), as its table names it. */
const PARENT_ENTITY: Partial<Record<Table, string>> = { deliveries: 'pledge', aid_item_stages: 'aid_item' };

const parentIdOf = (d: KeptDeletion): string | undefined => {
  const column = PARENT_COLUMN[d.table];
  const id = column ? (d.row as Record<string, unknown>)[column] : undefined;
  return typeof id === 'string' ? id : undefined;
};

/** The deletion this one is a part of: its pledge's or item's, when the same batch deleted that too. */
export function wholeOf(ctx: Ctx, deletion: KeptDeletion): KeptDeletion {
  const parentId = parentIdOf(deletion);
  if (parentId === undefined) return deletion;
  return deletionInBatch(ctx, deletion.batch, PARENT_ENTITY[deletion.table]!, parentId) ?? deletion;
}

/** The parts the same batch deleted with a record: a pledge's deliveries, an item's stages. */
export function partsOf(ctx: Ctx, whole: KeptDeletion): KeptDeletion[] {
  const partTable = (Object.keys(PARENT_ENTITY) as Table[]).find((t) => PARENT_ENTITY[t] === whole.entity);
  if (!partTable) return [];
  const entity = partTable === 'deliveries' ? 'delivery' : 'aid_item_stage';
  return keptAll(
    prepared(ctx.sqlite, `${SELECT} WHERE d.batch = ? AND d.entity = ? ORDER BY d.rowid`).all(
      whole.batch,
      entity,
    ) as StoredDeletion[],
  ).filter((part) => parentIdOf(part) === whole.recordId);
}

export const asListed = (d: KeptDeletion): BundleDeletion => ({
  entity: d.entity,
  recordId: d.recordId,
  what: d.what,
  madeHere: d.madeHere,
});

/** How many deletions the list shows, the latest first. */
const LISTED = 1_000;

/**
 * The deletions kept (only those bundles made, when `received`), the latest first; a pledge's deliveries and an
 * item's stages deleted with it are its parts.
 */
export function listDeletions(ctx: Ctx, options: { received?: boolean } = {}): Deletion[] {
  const all = keptAll(
    prepared(
      ctx.sqlite,
      `${SELECT}${options.received ? ' WHERE d.received_in IS NOT NULL' : ''}
      ORDER BY d.deleted_at DESC, d.rowid LIMIT ${LISTED}`,
    ).all() as StoredDeletion[],
  );
  const key = (batch: string, entity: string, recordId: string) => `${batch} ${entity} ${recordId}`;
  const wholes = new Map<string, Deletion>();
  for (const d of all) {
    const bundle = d.bundle ? (({ id: _id, ...source }) => source)(d.bundle) : null;
    wholes.set(key(d.batch, d.entity, d.recordId), {
      id: d.id,
      ...asListed(d),
      deletedAt: d.deletedAt,
      siteName: d.siteName,
      userName: d.userName,
      bundle,
      undoneAt: d.undoneAt,
      undoneBy: d.undoneBy,
      undoReason: d.undoReason,
      parts: [],
    });
  }
  for (const d of all) {
    const parentId = parentIdOf(d);
    const whole = parentId !== undefined ? wholes.get(key(d.batch, PARENT_ENTITY[d.table]!, parentId)) : undefined;
    if (!whole) continue;
    whole.parts.push(asListed(d));
    wholes.delete(key(d.batch, d.entity, d.recordId));
  }
  return [...wholes.values()];
}
