/** The sync methods of the contract: export, preview and import bundles, list and resolve conflicts. */
import { sql } from 'kysely';
import type { BundleFile, MergeCounts, ParsedInput, SyncStatus } from '../../contract';
import { LedgerError } from '../../contract/errors';
import type { Ctx } from '../context';
import { refreshSearchText } from '../search';
import { BUNDLE_TABLES, exportBundle, importBundle } from './bundle';

export async function syncExport(ctx: Ctx, input: ParsedInput<'sync.export'>): Promise<BundleFile> {
  const { bundle, bytes } = await exportBundle(ctx, { all: input.all });
  const records = Object.values(bundle.records).reduce((n, rows) => n + rows.length, 0) + bundle.tombstones.length;
  const stamp = ctx.now.slice(0, 16).replace(/[-:T]/g, '');
  const site = ctx.site.name.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-');
  return { fileName: `goi-du-lieu-${site}-${stamp}.aidledger`, base64: bytes.toString('base64'), records };
}

export function syncImport(ctx: Ctx, input: ParsedInput<'sync.import'>, dryRun: boolean): Promise<MergeCounts> {
  return importBundle(ctx, Buffer.from(input.base64, 'base64'), { dryRun, fileName: input.fileName });
}

export async function syncStatus(ctx: Ctx): Promise<SyncStatus> {
  const conflicts = await sql<{ id: string; entity: string; recordId: string; detectedAt: string; kept: string | null; other: string | null; keptVersion: string; otherVersion: string }>`
    SELECT id, entity, record_id, detected_at, kept, other, kept_version, other_version FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY detected_at`.execute(ctx.db);
  const log = await sql<{ at: string; direction: 'export' | 'import'; peerSiteName: string; fileName: string; counts: string }>`
    SELECT at, direction, peer_site_name, file_name, counts FROM sync_log ORDER BY at DESC LIMIT 200`.execute(ctx.db);
  const siteOf = (version: string) => version.split('-').slice(2).join('-');
  return {
    conflicts: conflicts.rows.map((c) => ({
      id: c.id,
      entity: c.entity,
      recordId: c.recordId,
      detectedAt: c.detectedAt,
      kept: c.kept ? (JSON.parse(c.kept) as Record<string, unknown>) : null,
      other: c.other ? (JSON.parse(c.other) as Record<string, unknown>) : null,
      keptSite: siteOf(c.keptVersion),
      otherSite: siteOf(c.otherVersion),
    })),
    log: log.rows.map((l) => ({ at: l.at, direction: l.direction, siteName: l.peerSiteName, fileName: l.fileName, counts: JSON.parse(l.counts) as Record<string, number> })),
  };
}

/** Keeps the version in the ledger, or puts the other one back as a new edit (which other installations then receive). */
export async function syncResolve(ctx: Ctx, input: ParsedInput<'sync.resolve'>): Promise<{ id: string }> {
  const conflict = (await sql<{ id: string; entity: string; recordId: string; other: string | null; resolvedAt: string | null }>`
    SELECT id, entity, record_id, other, resolved_at FROM sync_conflicts WHERE id = ${input.conflictId}`.execute(ctx.db)).rows[0];
  if (!conflict || conflict.resolvedAt) {
    throw new LedgerError('not_found', { vi: 'Không tìm thấy xung đột chưa xử lý', en: 'No such open conflict' }, 'conflictId');
  }
  const table = BUNDLE_TABLES.find(([, entity]) => entity === conflict.entity)?.[0];
  if (input.keep === 'other' && table) {
    if (conflict.other === null) {
      await sql`DELETE FROM ${sql.raw(table)} WHERE id = ${conflict.recordId}`.execute(ctx.db);
    } else {
      const other = JSON.parse(conflict.other) as Record<string, unknown>;
      const skip = new Set(['id', 'version', 'origin_site', 'base_version', 'search_text', 'created_at']);
      const sets = Object.keys(other).filter((k) => !skip.has(k)).map((k) => sql`${sql.raw(k)} = ${other[k] as never}`);
      // A normal local edit: the triggers give it a new version based on the one it replaces.
      await sql`UPDATE ${sql.raw(table)} SET ${sql.join(sets)}, updated_at = ${ctx.now} WHERE id = ${conflict.recordId}`.execute(ctx.db);
      if (table === 'pledges') await refreshSearchText(ctx, 'pledge', conflict.recordId);
    }
  }
  await sql`UPDATE sync_conflicts SET resolved_at = ${ctx.now}, resolution = ${input.keep} WHERE id = ${conflict.id}`.execute(ctx.db);
  return { id: conflict.id };
}
