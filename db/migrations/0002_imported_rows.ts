/** Rows already imported from spreadsheets, so importing the same file again adds nothing. */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE imported_rows (
    key TEXT PRIMARY KEY NOT NULL,
    pledge_id TEXT NOT NULL,
    file_name TEXT NOT NULL,
    imported_at TEXT NOT NULL
  )`.execute(db);
}
