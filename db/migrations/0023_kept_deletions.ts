/**
 * Every deletion is kept with its row, so it can be undone: those made here as well as those bundles made here.
 * `received_deletions` becomes `deletions`:
 * - `received_in`: the exchange log's entry of the bundle that deleted the record (null: deleted here);
 * - `batch`: what deleted it in one go (a bundle, or one call here): a pledge's deliveries and an item's stages
 *   deleted with it share its batch and are its parts;
 * - `deleted_at`, `site_name`, `user_name`: when it was deleted here, and by which office and person (a received
 *   deletion: when its bundle was merged, and the bundle's office);
 * - `undo_reason`: why it was undone (deletions undone before reasons were asked keep none).
 *
 * A ledger made by the release of schema 7 still holds that release's trigger filling the whole-text search index on
 * every new pledge (`pledge_search_insert`), though 0009 dropped the index: no pledge could be written into it, a
 * deleted one put back neither. The trigger goes.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`CREATE TABLE deletions (
    id TEXT PRIMARY KEY NOT NULL,
    batch TEXT NOT NULL,
    received_in TEXT,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    stored_row TEXT NOT NULL,
    what TEXT NOT NULL,
    made_here INTEGER NOT NULL CHECK (made_here IN (0, 1)),
    deletion_version TEXT NOT NULL,
    deleted_at TEXT NOT NULL,
    site_name TEXT NOT NULL,
    user_name TEXT,
    undone_at TEXT,
    undone_by TEXT,
    undo_reason TEXT
  )`);
  await run(`INSERT INTO deletions (id, batch, received_in, entity, record_id, stored_row, what, made_here,
      deletion_version, deleted_at, site_name, user_name, undone_at, undone_by, undo_reason)
    SELECT d.id, d.received_in, d.received_in, d.entity, d.record_id, d.stored_row, d.what, d.made_here,
      d.deletion_version, coalesce(l.at, ''), coalesce(l.peer_site_name, ''), NULL, d.undone_at, d.undone_by, NULL
    FROM received_deletions d LEFT JOIN sync_log l ON l.id = d.received_in ORDER BY d.rowid`);
  await run(`DROP TABLE received_deletions`);
  await run(`CREATE INDEX deletions_batch ON deletions(batch)`);
  await run(`CREATE INDEX deletions_record ON deletions(entity, record_id)`);
  await run(`CREATE INDEX deletions_at ON deletions(deleted_at)`);
  await run(`DROP TRIGGER IF EXISTS pledge_search_insert`);
}
