/** Making a bundle: this installation's changes, or everything it has, with the rows they point to. */
import { sql } from 'kysely';
import type { Ctx } from '../core/context';
import { SCHEMA_VERSION } from '../core/migrate';
import { ownKeys } from '../offices/keys';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  BUNDLE_TABLES,
  type Bundle,
  type Row,
  type Table,
  type Tombstone,
} from './contents';
import { encodeBundle } from './format';
import { logSync } from './log';
import { addReferencedRows } from './references';
import { storedRows } from './rows';
import { bundleProvince } from './vet/province';

function versionTime(version: string): string {
  const ms = Number(version.split('-')[0] ?? 0);
  return ms > 0 ? new Date(ms).toISOString() : '';
}

/** This installation's changes since the last export to `destination` (or all of them). */
export async function exportBundle(
  ctx: Ctx,
  options: { all?: boolean; destination?: string } = {},
): Promise<{ bundle: Bundle; bytes: Buffer }> {
  const destination = options.destination ?? 'province';
  const mark = await sql<{
    exportedVersion: string;
  }>`SELECT exported_version FROM sync_marks WHERE destination = ${destination}`.execute(ctx.db);
  const since = options.all ? '' : (mark.rows[0]?.exportedVersion ?? '');
  const records = {} as Record<Table, Row[]>;
  let upTo = since;
  // An incremental bundle holds this installation's own edits; a full one holds everything it has.
  const ownRows = (from: string) =>
    storedRows(
      ctx,
      `SELECT * FROM ${from} WHERE version > ?${options.all ? '' : ' AND origin_site = ?'} ORDER BY version`,
      ...(options.all ? [since] : [since, ctx.site.id]),
    );
  for (const [table] of BUNDLE_TABLES) {
    records[table] = ownRows(table);
    for (const r of records[table]) if (r.version > upTo) upTo = r.version;
  }
  addReferencedRows(ctx, records);
  const tombstones = ownRows('tombstones') as unknown as Tombstone[];
  for (const t of tombstones) if (t.version > upTo) upTo = t.version;
  // What this office received (entries naming a bundle) is its own record, not sent on.
  const audit = (
    ctx.sqlite
      .prepare(`SELECT * FROM audit_log WHERE site_id = ? AND at >= ? AND received_in IS NULL ORDER BY rowid`)
      .all(ctx.site.id, versionTime(since)) as Record<string, unknown>[]
  ).map(({ received_in: _received, ...entry }) => entry);
  const settings = await sql<{
    key: string;
    value: string;
  }>`SELECT key, value FROM settings WHERE key IN ('site.role', 'department.name')`.execute(ctx.db);
  const setting = (key: string) => settings.rows.find((r) => r.key === key)?.value;
  const isProvince = (setting('site.role') ?? 'province') === 'province';
  const province = await bundleProvince(ctx);
  const bundle: Bundle = {
    ...(options.all && isProvince && setting('department.name')
      ? { reference: { departmentName: setting('department.name')! } }
      : {}),
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    schemaVersion: SCHEMA_VERSION,
    site: { id: ctx.site.id, name: ctx.site.name },
    ...(province ? { province } : {}),
    createdAt: ctx.now,
    since,
    records,
    tombstones,
    audit,
  };
  if (upTo > since) {
    await sql`INSERT INTO sync_marks (destination, exported_version) VALUES (${destination}, ${upTo})
      ON CONFLICT (destination) DO UPDATE SET exported_version = excluded.exported_version`.execute(ctx.db);
  }
  const counts = Object.fromEntries(BUNDLE_TABLES.map(([t]) => [t, records[t].length]));
  await logSync(ctx, 'export', bundle.site, destination, { ...counts, tombstones: tombstones.length });
  return { bundle, bytes: encodeBundle(bundle, { siteId: ctx.site.id, privateKey: ownKeys(ctx).privateKey }) };
}
