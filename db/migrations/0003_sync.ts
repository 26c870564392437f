/**
 * Change tracking for merging ledgers from several installations: every ledger row gets a version (a hybrid
 * logical clock with the site id as tie-break), the site that made it, and the version it was based on; deletions
 * leave tombstones. Triggers keep all of it in the same transaction as the edit, whatever code makes the edit;
 * they stand aside while a bundle is being applied (sync_applying() = 1).
 */
import { sql, type Kysely } from 'kysely';

export const TRACKED = [
  ['places', 'place'],
  ['place_successors', 'place_successor'],
  ['donors', 'donor'],
  ['pledges', 'pledge'],
  ['deliveries', 'delivery'],
  ['exchange_rates', 'exchange_rate'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  const site = await sql<{ value: string }>`SELECT value FROM settings WHERE key = 'site.id'`.execute(db);
  const siteId = site.rows[0]?.value ?? 'unknown';
  for (const [table] of TRACKED) {
    await run(`ALTER TABLE ${table} ADD COLUMN version TEXT NOT NULL DEFAULT ''`);
    await run(`ALTER TABLE ${table} ADD COLUMN origin_site TEXT NOT NULL DEFAULT ''`);
    await run(`ALTER TABLE ${table} ADD COLUMN base_version TEXT NOT NULL DEFAULT ''`);
    // Rows written before tracking existed get a version from their last update time.
    await sql`UPDATE ${sql.raw(table)} SET
      version = printf('%016d-%06d-%s', CAST((julianday(updated_at) - 2440587.5) * 86400000 AS INTEGER), 0, ${siteId}),
      origin_site = ${siteId}`.execute(db);
    await run(`CREATE INDEX ${table}_version ON ${table}(version)`);
  }
  await run(`CREATE TABLE tombstones (
    entity TEXT NOT NULL,
    id TEXT NOT NULL,
    version TEXT NOT NULL,
    origin_site TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    PRIMARY KEY (entity, id)
  )`);
  await run(`CREATE INDEX tombstones_version ON tombstones(version)`);
  await run(`CREATE TABLE sync_conflicts (
    id TEXT PRIMARY KEY NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    kept_version TEXT NOT NULL,
    other_version TEXT NOT NULL,
    kept TEXT,
    other TEXT,
    detected_at TEXT NOT NULL,
    resolved_at TEXT,
    resolution TEXT,
    UNIQUE (entity, record_id, kept_version, other_version)
  )`);
  await run(`CREATE TABLE sync_log (
    id TEXT PRIMARY KEY NOT NULL,
    at TEXT NOT NULL,
    direction TEXT NOT NULL CHECK (direction IN ('export', 'import')),
    peer_site_id TEXT NOT NULL,
    peer_site_name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    counts TEXT NOT NULL
  )`);
  await run(`CREATE TABLE sync_marks (
    destination TEXT PRIMARY KEY NOT NULL,
    exported_version TEXT NOT NULL
  )`);
  for (const [table, entity] of TRACKED) {
    // A row's new version is based on the version it replaces when that one came from another site;
    // a run of local edits keeps the base the first of them had.
    await run(`CREATE TRIGGER ${table}_track_insert AFTER INSERT ON ${table} WHEN sync_applying() = 0 BEGIN
      UPDATE ${table} SET version = hlc_next(), origin_site = site_id(), base_version = '' WHERE rowid = NEW.rowid;
    END`);
    await run(`CREATE TRIGGER ${table}_track_update AFTER UPDATE ON ${table} WHEN sync_applying() = 0 AND NEW.version = OLD.version BEGIN
      UPDATE ${table} SET version = hlc_next(), origin_site = site_id(),
        base_version = CASE WHEN OLD.origin_site = site_id() THEN OLD.base_version ELSE OLD.version END
      WHERE rowid = NEW.rowid;
    END`);
    await run(`CREATE TRIGGER ${table}_track_delete AFTER DELETE ON ${table} WHEN sync_applying() = 0 BEGIN
      INSERT INTO tombstones (entity, id, version, origin_site, deleted_at) VALUES ('${entity}', OLD.id, hlc_next(), site_id(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
      ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, origin_site = excluded.origin_site, deleted_at = excluded.deleted_at;
    END`);
  }
}
