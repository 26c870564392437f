/** The audit log: every create, update and delete with the row before and after, when, and by which installation. */
import { sql } from 'kysely';
import type { BundleSource, FieldChange, HistoryEntry } from '../contract';
import { columnsOf, insertRow } from './core/statements';
import type { Ctx } from './core/context';
import type { AuditLogTable } from './core/schema';

/** Fields that change on every write and say nothing to a reader of the history. */
const NOISE = new Set(['updatedAt', 'createdAt', 'searchText', 'statusByUser']);

export interface AuditInput {
  action: AuditLogTable['action'];
  entity: AuditLogTable['entity'];
  entityId: string;
  parentId?: string | null;
  before?: object | null;
  after?: object | null;
  note?: string | null;
}

export async function recordAudit(ctx: Ctx, entry: AuditInput): Promise<void> {
  insertRow(ctx, 'audit_log', {
    id: ctx.newId(),
    at: ctx.now,
    siteId: ctx.site.id,
    // Written where the ledger has these columns (upgrade tests build ledgers as earlier releases left them).
    ...(columnsOf(ctx, 'audit_log').includes('user_name')
      ? { siteName: ctx.site.name, userName: ctx.site.userName || null }
      : {}),
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    parentId: entry.parentId ?? null,
    before: entry.before ? JSON.stringify(entry.before) : null,
    after: entry.after ? JSON.stringify(entry.after) : null,
    note: entry.note ?? null,
  });
}

export function diff(before: Record<string, unknown> | null, after: Record<string, unknown> | null): FieldChange[] {
  const keys = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changes: FieldChange[] = [];
  for (const field of keys) {
    if (NOISE.has(field) || field === 'id') continue;
    const b = before?.[field] ?? null;
    const a = after?.[field] ?? null;
    if (JSON.stringify(b) !== JSON.stringify(a)) changes.push({ field, before: b, after: a });
  }
  return changes;
}

/** A pledge's history, its deliveries' included, oldest first. */
export async function pledgeHistory(ctx: Ctx, pledgeId: string): Promise<HistoryEntry[]> {
  const rows = await ctx.db
    .selectFrom('auditLog')
    .selectAll()
    .where((eb) => eb.or([eb('entityId', '=', pledgeId), eb('parentId', '=', pledgeId)]))
    // Entries of one call share a timestamp; insertion order (rowid) keeps them in sequence.
    .orderBy(sql`rowid`)
    .execute();
  const bundles = receivedIn(
    ctx,
    rows.map((row) => row.receivedIn),
  );
  return rows.map((row) => {
    const before = row.before ? (JSON.parse(row.before) as Record<string, unknown>) : null;
    const after = row.after ? (JSON.parse(row.after) as Record<string, unknown>) : null;
    return {
      id: row.id,
      at: row.at,
      action: row.action,
      entity: row.entity as HistoryEntry['entity'],
      entityId: row.entityId,
      siteId: row.siteId,
      // The installation's name when the change was made (entries of earlier releases: its name now, or its id).
      siteName: row.siteName ?? (row.siteId === ctx.site.id ? ctx.site.name : row.siteId),
      userName: row.userName,
      note: row.note,
      changes: diff(before, after),
      received: (row.receivedIn && bundles.get(row.receivedIn)) || null,
    };
  });
}

/** The bundles entries name (a change merged from one, or one's deletion undone), by their id in the exchange log. */
function receivedIn(ctx: Ctx, ids: (string | null | undefined)[]): Map<string, BundleSource> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  if (!wanted.length) return new Map();
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, at, file_name AS fileName, sha256, peer_site_id AS siteId, peer_site_name AS siteName FROM sync_log
      WHERE id IN (SELECT value FROM json_each(?))`,
    )
    .all(JSON.stringify(wanted)) as (Omit<BundleSource, 'receivedAt' | 'sha256'> & {
    id: string;
    at: string;
    sha256: string | null;
  })[];
  return new Map(
    rows.map(({ id, at, sha256, ...source }) => [id, { ...source, sha256: sha256 ?? '', receivedAt: at }]),
  );
}
