/**
 * What bundles brought, kept so it can be read and undone:
 * - sync_log gains the SHA-256 of each bundle received (the whole file, as `sha256sum` prints it);
 * - audit_log gains `received_in`: the exchange log's entry of the bundle a merged update or deletion came in (null
 *   for changes made here). Such entries are this office's record of what it received: they are not sent on;
 * - received_deletions: every record a bundle deleted here, with its row as it stood, so the deletion can be undone
 *   (the record put back as a local edit that travels to every office).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`ALTER TABLE sync_log ADD COLUMN sha256 TEXT`);
  await run(`ALTER TABLE audit_log ADD COLUMN received_in TEXT`);
  await run(`CREATE INDEX audit_received ON audit_log(received_in) WHERE received_in IS NOT NULL`);
  await run(`CREATE TABLE received_deletions (
    id TEXT PRIMARY KEY NOT NULL,
    received_in TEXT NOT NULL,
    entity TEXT NOT NULL,
    record_id TEXT NOT NULL,
    stored_row TEXT NOT NULL,
    what TEXT NOT NULL,
    made_here INTEGER NOT NULL CHECK (made_here IN (0, 1)),
    deletion_version TEXT NOT NULL,
    undone_at TEXT,
    undone_by TEXT
  )`);
  await run(`CREATE INDEX received_deletions_bundle ON received_deletions(received_in)`);
  await run(`CREATE INDEX received_deletions_record ON received_deletions(entity, record_id)`);
}
