/**
 * The layouts of the lists offices send, as the department mapped them: a list whose columns the import could not all
 * name is mapped once (column header → field), and the next file with the same header row goes straight through.
 * Kept at this installation (not sent in bundles); backups carry it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE import_layouts (
    layout_key TEXT PRIMARY KEY,
    headers TEXT NOT NULL,
    mapping TEXT NOT NULL,
    file_name TEXT NOT NULL,
    saved_at TEXT NOT NULL
  )`.execute(db);
}
