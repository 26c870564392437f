/**
 * Aid items (khoản viện trợ): the programme, project or non-project aid the law approves and departments count.
 * - aid_items: its modality, sector, donors, bodies, places, period, value and counterpart funds, financial
 *   mechanism, approval and current stage. Donors and places beside the main donor are JSON lists of ids.
 * - aid_item_stages: each stage it reached, dated, with its document.
 * - pledges gain `item_id`: the item a pledge line belongs to (none for lines recorded before items existed). Adding
 *   the column gives no pledge a new version, so offices upgrading at different times merge as before.
 * Both tables are tracked for merging like the other ledger tables (migrations 0003 and 0004).
 */
import { sql, type Kysely } from 'kysely';

export const ITEM_TABLES = [
  ['aid_items', 'aid_item'],
  ['aid_item_stages', 'aid_item_stage'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  const tracked = `version TEXT NOT NULL DEFAULT '', origin_site TEXT NOT NULL DEFAULT '', base_version TEXT NOT NULL DEFAULT ''`;
  await run(`CREATE TABLE aid_items (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    name_folded TEXT NOT NULL,
    modality TEXT NOT NULL CHECK (modality IN ('programme', 'project', 'non_project')),
    sector TEXT NOT NULL CHECK (length(trim(sector)) > 0),
    donor_id TEXT NOT NULL REFERENCES donors(id),
    co_donor_ids TEXT NOT NULL DEFAULT '[]',
    governing_body TEXT,
    aid_owner TEXT,
    place_ids TEXT NOT NULL DEFAULT '[]',
    start_date TEXT,
    end_date TEXT,
    value_minor INTEGER CHECK (value_minor IS NULL OR value_minor >= 0),
    value_currency TEXT,
    counterpart_minor INTEGER CHECK (counterpart_minor IS NULL OR counterpart_minor >= 0),
    counterpart_currency TEXT,
    budget_revenue INTEGER NOT NULL DEFAULT 0 CHECK (budget_revenue IN (0, 1)),
    approval_number TEXT,
    approval_date TEXT,
    approved_by TEXT,
    stage TEXT NOT NULL CHECK (stage IN ('proposed', 'appraised', 'approved', 'implementing', 'ended', 'settled', 'rejected', 'revoked')),
    stage_date TEXT NOT NULL,
    notes TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    ${tracked}
  )`);
  await run(`CREATE INDEX aid_items_donor ON aid_items (donor_id)`);
  await run(`CREATE INDEX aid_items_name ON aid_items (name_folded)`);
  await run(`CREATE TABLE aid_item_stages (
    id TEXT PRIMARY KEY NOT NULL,
    item_id TEXT NOT NULL REFERENCES aid_items(id),
    stage TEXT NOT NULL CHECK (stage IN ('proposed', 'appraised', 'approved', 'implementing', 'ended', 'settled', 'rejected', 'revoked')),
    on_date TEXT NOT NULL,
    document TEXT,
    note TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    ${tracked}
  )`);
  await run(`CREATE INDEX aid_item_stages_item ON aid_item_stages (item_id, on_date)`);
  await run(`ALTER TABLE pledges ADD COLUMN item_id TEXT REFERENCES aid_items(id)`);
  await run(`CREATE INDEX pledges_item ON pledges (item_id) WHERE item_id IS NOT NULL`);
  for (const [table, entity] of ITEM_TABLES) {
    await run(`CREATE INDEX ${table}_version ON ${table}(version)`);
    // The same triggers as the other tracked tables (0003_sync, 0004_donor_merges).
    await run(`CREATE TRIGGER ${table}_track_insert AFTER INSERT ON ${table} WHEN sync_applying() = 0 BEGIN
      UPDATE ${table} SET version = hlc_next(), origin_site = site_id(), base_version = '' WHERE rowid = NEW.rowid;
    END`);
    await run(`CREATE TRIGGER ${table}_track_update AFTER UPDATE ON ${table} WHEN sync_applying() = 0 AND NEW.version = OLD.version BEGIN
      UPDATE ${table} SET version = hlc_next(), origin_site = site_id(),
        base_version = CASE WHEN OLD.origin_site = site_id() THEN OLD.base_version ELSE OLD.version END
      WHERE rowid = NEW.rowid;
    END`);
    await run(`CREATE TRIGGER ${table}_track_delete AFTER DELETE ON ${table} WHEN sync_applying() = 0 BEGIN
      INSERT INTO tombstones (entity, id, version, origin_site, deleted_at, base_version) VALUES ('${entity}', OLD.id, hlc_next(), site_id(), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), OLD.version)
      ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, origin_site = excluded.origin_site, deleted_at = excluded.deleted_at, base_version = excluded.base_version;
    END`);
  }
}
