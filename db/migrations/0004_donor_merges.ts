/**
 * Donor merges: a donor recorded twice (often by two offices that had not yet exchanged bundles) is merged into
 * the other by pointing `merged_into` at it. Pledges keep the donor they were entered with, so a merge never
 * rewrites them and cannot conflict with edits made elsewhere; every read counts them under the donor merged into.
 * Names are therefore unique only among donors that are not merged, which the ledger checks itself: SQLite cannot
 * drop the old column constraint, so the table is rebuilt.
 * Conflicts also get room for the rows needed to restore "the other version" (a deleted pledge's last state), and
 * tombstones the version they deleted, so a deletion made without seeing an edit is shown as a conflict.
 */
import { sql, type Kysely } from 'kysely';

/** The tracked tables as 0003 created them. */
const TRACKED = [
  ['places', 'place'],
  ['place_successors', 'place_successor'],
  ['pledges', 'pledge'],
  ['deliveries', 'delivery'],
  ['exchange_rates', 'exchange_rate'],
] as const;

const deleteTrigger = (
  table: string,
  entity: string,
) => `CREATE TRIGGER ${table}_track_delete AFTER DELETE ON ${table} WHEN sync_applying() = 0 BEGIN
      INSERT INTO tombstones (entity, id, version, origin_site, deleted_at, base_version) VALUES ('${entity}', OLD.id, hlc_next(), site_id(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), OLD.version)
      ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, origin_site = excluded.origin_site, deleted_at = excluded.deleted_at, base_version = excluded.base_version;
    END`;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  // Pledges point at donors; the checks wait until the rebuilt table is in place.
  await run(`PRAGMA defer_foreign_keys = ON`);
  await run(`CREATE TABLE donors_rebuilt (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_key TEXT NOT NULL,
    short_name TEXT,
    country TEXT,
    kind TEXT NOT NULL CHECK (kind IN ('foreign_ngo', 'foundation', 'company', 'individual', 'domestic_intermediary')),
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    version TEXT NOT NULL DEFAULT '',
    origin_site TEXT NOT NULL DEFAULT '',
    base_version TEXT NOT NULL DEFAULT '',
    merged_into TEXT REFERENCES donors(id),
    CHECK (merged_into IS NULL OR merged_into <> id)
  )`);
  await run(`INSERT INTO donors_rebuilt (id, name, name_key, short_name, country, kind, notes, created_at, updated_at, version, origin_site, base_version)
    SELECT id, name, name_key, short_name, country, kind, notes, created_at, updated_at, version, origin_site, base_version FROM donors`);
  await run(`DROP TABLE donors`);
  await run(`ALTER TABLE donors_rebuilt RENAME TO donors`);
  await run(`CREATE INDEX donors_name_key ON donors(name_key)`);
  await run(`CREATE INDEX donors_merged_into ON donors(merged_into)`);
  await run(`CREATE INDEX donors_version ON donors(version)`);
  await run(`CREATE TRIGGER donors_track_insert AFTER INSERT ON donors WHEN sync_applying() = 0 BEGIN
      UPDATE donors SET version = hlc_next(), origin_site = site_id(), base_version = '' WHERE rowid = NEW.rowid;
    END`);
  await run(`CREATE TRIGGER donors_track_update AFTER UPDATE ON donors WHEN sync_applying() = 0 AND NEW.version = OLD.version BEGIN
      UPDATE donors SET version = hlc_next(), origin_site = site_id(),
        base_version = CASE WHEN OLD.origin_site = site_id() THEN OLD.base_version ELSE OLD.version END
      WHERE rowid = NEW.rowid;
    END`);
  await run(`ALTER TABLE sync_conflicts ADD COLUMN context TEXT`);
  // The version a deletion removed ('' for deletions recorded before this).
  await run(`ALTER TABLE tombstones ADD COLUMN base_version TEXT NOT NULL DEFAULT ''`);
  await run(deleteTrigger('donors', 'donor'));
  for (const [table, entity] of TRACKED) {
    await run(`DROP TRIGGER ${table}_track_delete`);
    await run(deleteTrigger(table, entity));
  }
}
