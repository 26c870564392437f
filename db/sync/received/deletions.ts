/**
 * The deletions bundles made here, as kept by the merge: each with its bundle and office, and grouped as they go
 * together — a pledge's deliveries and an aid item's stages deleted by the same bundle are parts of its deletion.
 */
import type { BundleDeletion, BundleSource, ReceivedDeletion } from '../../../contract/deletions';
import type { Bilingual } from '../../../contract/errors';
import { prepared } from '../../core/statements';
import type { Ctx } from '../../core/context';
import type { Row, Table } from '../contents';
import { PARENT_COLUMN, tableOf } from './records';

/** A deletion as kept: its row as it stood, and its bundle. */
export interface KeptDeletion {
  id: string;
  entity: string;
  table: Table;
  recordId: string;
  row: Row;
  what: Bilingual;
  madeHere: boolean;
  deletionVersion: string;
  undoneAt: string | null;
  bundle: BundleSource & { id: string };
}

interface StoredDeletion {
  id: string;
  entity: string;
  recordId: string;
  storedRow: string;
  what: string;
  madeHere: number;
  deletionVersion: string;
  undoneAt: string | null;
  receivedIn: string;
  at: string;
  fileName: string;
  sha256: string | null;
  siteId: string;
  siteName: string;
}

const SELECT = `SELECT d.id, d.entity, d.record_id AS recordId, d.stored_row AS storedRow, d.what, d.made_here AS madeHere,
    d.deletion_version AS deletionVersion, d.undone_at AS undoneAt, d.received_in AS receivedIn, l.at,
    l.file_name AS fileName, l.sha256, l.peer_site_id AS siteId, l.peer_site_name AS siteName
  FROM received_deletions d JOIN sync_log l ON l.id = d.received_in`;

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
    undoneAt: stored.undoneAt,
    bundle: {
      id: stored.receivedIn,
      fileName: stored.fileName,
      sha256: stored.sha256 ?? '',
      siteId: stored.siteId,
      siteName: stored.siteName,
      receivedAt: stored.at,
    },
  };
}

export function keptDeletion(ctx: Ctx, id: string): KeptDeletion | null {
  const stored = prepared(ctx.sqlite, `${SELECT} WHERE d.id = ?`).get(id) as StoredDeletion | undefined;
  return stored ? kept(stored) : null;
}

/** The same bundle's deletion of a record, if it made one here. */
export function deletionInBundle(ctx: Ctx, bundleId: string, entity: string, recordId: string): KeptDeletion | null {
  const stored = prepared(ctx.sqlite, `${SELECT} WHERE d.received_in = ? AND d.entity = ? AND d.record_id = ?`).get(
    bundleId,
    entity,
    recordId,
  ) as StoredDeletion | undefined;
  return stored ? kept(stored) : null;
}

/** The record a part belongs to (a delivery's pledge, a stage's item), as its table names it. */
const PARENT_ENTITY: Partial<Record<Table, string>> = { deliveries: 'pledge', aid_item_stages: 'aid_item' };

/** The deletion this one is a part of: its pledge's or item's, when the same bundle deleted that too. */
export function wholeOf(ctx: Ctx, deletion: KeptDeletion): KeptDeletion {
  const column = PARENT_COLUMN[deletion.table];
  const parentId = column ? (deletion.row as Record<string, unknown>)[column] : undefined;
  if (typeof parentId !== 'string') return deletion;
  return deletionInBundle(ctx, deletion.bundle.id, PARENT_ENTITY[deletion.table]!, parentId) ?? deletion;
}

/** The parts the same bundle deleted with a record: a pledge's deliveries, an item's stages. */
export function partsOf(ctx: Ctx, whole: KeptDeletion): KeptDeletion[] {
  const partTable = (Object.keys(PARENT_ENTITY) as Table[]).find((t) => PARENT_ENTITY[t] === whole.entity);
  if (!partTable) return [];
  const column = PARENT_COLUMN[partTable]!;
  const entity = partTable === 'deliveries' ? 'delivery' : 'aid_item_stage';
  return (
    prepared(ctx.sqlite, `${SELECT} WHERE d.received_in = ? AND d.entity = ? ORDER BY d.rowid`).all(
      whole.bundle.id,
      entity,
    ) as StoredDeletion[]
  )
    .map(kept)
    .filter(
      (part): part is KeptDeletion => part !== null && (part.row as Record<string, unknown>)[column] === whole.recordId,
    );
}

export const asListed = (d: KeptDeletion): BundleDeletion => ({
  entity: d.entity,
  recordId: d.recordId,
  what: d.what,
  madeHere: d.madeHere,
});

/** How many deletions the list shows, the latest first. */
const LISTED = 1_000;

/** The deletions bundles made here, the latest bundle first; a pledge's deliveries deleted with it are its parts. */
export function listReceivedDeletions(ctx: Ctx): ReceivedDeletion[] {
  const all = (prepared(ctx.sqlite, `${SELECT} ORDER BY l.at DESC, d.rowid LIMIT ${LISTED}`).all() as StoredDeletion[])
    .map(kept)
    .filter((d): d is KeptDeletion => d !== null);
  const key = (bundleId: string, entity: string, recordId: string) => `${bundleId} ${entity} ${recordId}`;
  const wholes = new Map<string, ReceivedDeletion>();
  for (const d of all) {
    const { id: _bundleId, ...bundle } = d.bundle;
    wholes.set(key(d.bundle.id, d.entity, d.recordId), {
      id: d.id,
      ...asListed(d),
      bundle,
      undoneAt: d.undoneAt,
      parts: [],
    });
  }
  for (const d of all) {
    const column = PARENT_COLUMN[d.table];
    const parentId = column ? (d.row as Record<string, unknown>)[column] : undefined;
    const whole =
      typeof parentId === 'string' ? wholes.get(key(d.bundle.id, PARENT_ENTITY[d.table]!, parentId)) : undefined;
    if (!whole) continue;
    whole.parts.push(asListed(d));
    wholes.delete(key(d.bundle.id, d.entity, d.recordId));
  }
  return [...wholes.values()];
}
