/** The sync methods of the contract: export, preview and import bundles, list and resolve conflicts. */
import { sql } from 'kysely';
import type { BundleFile, BundleMerge, ParsedInput, SyncStatus } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { columnsOf } from '../core/statements';
import type { Ctx } from '../core/context';
import { deleteKept } from '../deletions/keep';
import { refreshSearchText } from '../search';
import type { ConflictContext } from './conflicts';
import { BUNDLE_TABLES, type Row, type Table } from './contents';
import { exportBundle } from './export';
import { importBundle } from './import';
import { writeRow } from './rows';
import { officeActivity } from './activity';
import { getSettings } from '../settings';

export async function syncExport(ctx: Ctx, input: ParsedInput<'sync.export'>): Promise<BundleFile> {
  const { bundle, bytes } = await exportBundle(ctx, { all: input.all });
  const records = Object.values(bundle.records).reduce((n, rows) => n + rows.length, 0) + bundle.tombstones.length;
  const stamp = ctx.now.slice(0, 16).replace(/[-:T]/g, '');
  const site = ctx.site.name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^A-Za-z0-9]+/g, '-');
  return { fileName: `goi-du-lieu-${site}-${stamp}.aidledger`, base64: bytes.toString('base64'), records };
}

export function syncImport(ctx: Ctx, input: ParsedInput<'sync.import'>, dryRun: boolean): Promise<BundleMerge> {
  return importBundle(ctx, Buffer.from(input.base64, 'base64'), {
    dryRun,
    fileName: input.fileName,
    acceptUnsigned: input.acceptUnsigned,
    allowDeletions: input.allowDeletions,
  });
}

export async function syncStatus(ctx: Ctx): Promise<SyncStatus> {
  const conflicts = await openConflicts(ctx);
  const log = await recentLog(ctx);
  const peers = await peersHeardFrom(ctx);
  const lastExport = await sql<{
    at: string | null;
  }>`SELECT max(at) AS at FROM sync_log WHERE direction = 'export'`.execute(ctx.db);
  const { offices, reminders } = await officeActivity(ctx);
  const { reminderDays } = await getSettings(ctx);
  return { peers, lastExportAt: lastExport.rows[0]?.at ?? null, conflicts, log, offices, reminders, reminderDays };
}

async function openConflicts(ctx: Ctx): Promise<SyncStatus['conflicts']> {
  const conflicts = await sql<{
    id: string;
    entity: string;
    recordId: string;
    detectedAt: string;
    kept: string | null;
    other: string | null;
    keptVersion: string;
    otherVersion: string;
  }>`
    SELECT id, entity, record_id, detected_at, kept, other, kept_version, other_version FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY detected_at`.execute(
    ctx.db,
  );
  const siteOf = (version: string) => version.split('-').slice(2).join('-');
  return conflicts.rows.map((c) => ({
    id: c.id,
    entity: c.entity,
    recordId: c.recordId,
    detectedAt: c.detectedAt,
    kept: c.kept ? (JSON.parse(c.kept) as Record<string, unknown>) : null,
    other: c.other ? (JSON.parse(c.other) as Record<string, unknown>) : null,
    keptSite: siteOf(c.keptVersion),
    otherSite: siteOf(c.otherVersion),
  }));
}

async function recentLog(ctx: Ctx): Promise<SyncStatus['log']> {
  const log = await sql<{
    at: string;
    direction: 'export' | 'import';
    peerSiteName: string;
    fileName: string;
    counts: string;
  }>`
    SELECT at, direction, peer_site_name, file_name, counts FROM sync_log ORDER BY at DESC LIMIT 200`.execute(ctx.db);
  return log.rows.map((l) => ({
    at: l.at,
    direction: l.direction,
    siteName: l.peerSiteName,
    fileName: l.fileName,
    counts: JSON.parse(l.counts) as Record<string, number>,
  }));
}

/** Every installation a bundle was received from, under the name it last used, with what its bundles brought. */
async function peersHeardFrom(ctx: Ctx): Promise<SyncStatus['peers']> {
  const received = await sql<{
    peerSiteId: string;
    peerSiteName: string;
    bundles: number;
    lastAt: string;
    counts: string;
  }>`
    SELECT peer_site_id, peer_site_name, count(*) AS bundles, max(at) AS last_at, json_group_array(json(counts)) AS counts
    FROM sync_log WHERE direction = 'import' GROUP BY peer_site_id ORDER BY last_at DESC`.execute(ctx.db);
  // The latest name a site used (names can change; the id does not).
  const latestName = await sql<{ peerSiteId: string; peerSiteName: string }>`
    SELECT peer_site_id, peer_site_name FROM sync_log l WHERE direction = 'import' AND at = (SELECT max(at) FROM sync_log WHERE peer_site_id = l.peer_site_id AND direction = 'import')`.execute(
    ctx.db,
  );
  const nameOf = new Map(latestName.rows.map((r) => [r.peerSiteId, r.peerSiteName]));
  return received.rows.map((r) => {
    const all = JSON.parse(r.counts) as Partial<Record<'inserted' | 'updated' | 'conflicts', number>>[];
    const sum = (k: 'inserted' | 'updated' | 'conflicts') => all.reduce((n, c) => n + (c[k] ?? 0), 0);
    return {
      siteId: r.peerSiteId,
      siteName: nameOf.get(r.peerSiteId) ?? r.peerSiteName,
      bundles: r.bundles,
      lastReceivedAt: r.lastAt,
      inserted: sum('inserted'),
      updated: sum('updated'),
      conflicts: sum('conflicts'),
    };
  });
}

/**
 * Keeps the version in the ledger, or puts the other one back as a new edit (which other installations then receive).
 * A row missing here (a delivery whose pledge was deleted here) is put back with the rows it needs.
 */
export async function syncResolve(ctx: Ctx, input: ParsedInput<'sync.resolve'>): Promise<{ id: string }> {
  const conflict = (
    await sql<{
      id: string;
      entity: string;
      recordId: string;
      other: string | null;
      kept: string | null;
      context: string | null;
      resolvedAt: string | null;
    }>`
    SELECT id, entity, record_id, other, kept, context, resolved_at FROM sync_conflicts WHERE id = ${input.conflictId}`.execute(
      ctx.db,
    )
  ).rows[0];
  if (!conflict || conflict.resolvedAt) {
    throw new LedgerError(
      'not_found',
      { vi: 'Không tìm thấy xung đột chưa xử lý', en: 'No such open conflict' },
      'conflictId',
    );
  }
  const table = BUNDLE_TABLES.find(([, entity]) => entity === conflict.entity)?.[0];
  if (input.keep === 'other' && table) {
    if (conflict.other === null) {
      // The other office's deletion taken: kept like every deletion, so it can be undone.
      await deleteKept(ctx, table, conflict.recordId, ctx.newId());
    } else if (!(await exists(ctx, table, conflict.recordId))) {
      const context = conflict.context ? (JSON.parse(conflict.context) as ConflictContext) : {};
      for (const [contextTable] of BUNDLE_TABLES) {
        for (const row of context[contextTable] ?? [])
          if (!(await exists(ctx, contextTable, row.id))) await restoreRow(ctx, contextTable, row);
      }
      await restoreRow(ctx, table, JSON.parse(conflict.other) as Row);
    } else {
      const other = JSON.parse(conflict.other) as Record<string, unknown>;
      const skip = new Set(['id', 'version', 'origin_site', 'base_version', 'search_text', 'created_at']);
      // The other version came in a bundle: only this table's own columns are written back, whatever keys it carries
      // (a newer release's column, a name that is no column, or text that would be read as SQL).
      const sets = columnsOf(ctx, table)
        .filter((c) => !skip.has(c) && Object.hasOwn(other, c))
        .map((c) => sql`${sql.raw(c)} = ${other[c] as never}`);
      // A normal local edit: the triggers give it a new version based on the one it replaces.
      await sql`UPDATE ${sql.raw(table)} SET ${sql.join(sets)}, updated_at = ${ctx.now} WHERE id = ${conflict.recordId}`.execute(
        ctx.db,
      );
      if (table === 'pledges') await refreshSearchText(ctx, 'pledge', conflict.recordId);
    }
  }
  await sql`UPDATE sync_conflicts SET resolved_at = ${ctx.now}, resolution = ${input.keep} WHERE id = ${conflict.id}`.execute(
    ctx.db,
  );
  return { id: conflict.id };
}

async function exists(ctx: Ctx, table: string, id: string): Promise<boolean> {
  return (await sql`SELECT 1 AS x FROM ${sql.raw(table)} WHERE id = ${id}`.execute(ctx.db)).rows.length > 0;
}

/**
 * Puts a row back as it was received, then touches it as a local edit, so it travels on with a new version
 * based on the one the other offices have (and wins over the deletion they may have).
 */
async function restoreRow(ctx: Ctx, table: Table, row: Row): Promise<void> {
  const entity = BUNDLE_TABLES.find(([t]) => t === table)![1];
  ctx.tracking.applying = true;
  try {
    await writeRow(ctx, table, row, true);
  } catch (error) {
    if (error instanceof Error && /FOREIGN KEY/.test(error.message)) {
      throw new LedgerError(
        'in_use',
        {
          vi: 'Không khôi phục được: bản ghi liên quan (cam kết, nhà tài trợ hoặc địa bàn) đã bị xóa ở đây',
          en: 'Cannot restore: a record it belongs to (pledge, donor or place) was deleted here',
        },
        'conflictId',
      );
    }
    throw error;
  } finally {
    ctx.tracking.applying = false;
  }
  await sql`DELETE FROM tombstones WHERE entity = ${entity} AND id = ${row.id}`.execute(ctx.db);
  await sql`UPDATE ${sql.raw(table)} SET updated_at = ${ctx.now} WHERE id = ${row.id}`.execute(ctx.db);
  if (table === 'pledges') await refreshSearchText(ctx, 'pledge', row.id);
}
