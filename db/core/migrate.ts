/**
 * Runs the in-code migrations, each in its own transaction together with its bookkeeping row,
 * and refuses a database written by a newer version of the app.
 */
import { sql, type Kysely } from 'kysely';
import { LedgerError } from '../../contract/errors';
import { MIGRATIONS, type Migration } from '../migrations';

export const SCHEMA_VERSION = MIGRATIONS.length;

export async function appliedMigrations(db: Kysely<any>): Promise<string[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY NOT NULL, applied_at TEXT NOT NULL)`.execute(
    db,
  );
  const rows = await sql<{ name: string }>`SELECT name FROM schema_migrations ORDER BY name`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Applies what is missing; returns the names applied. */
export async function migrate(db: Kysely<any>, migrations: readonly Migration[] = MIGRATIONS): Promise<string[]> {
  const applied = await appliedMigrations(db);
  const known = new Set(migrations.map((m) => m.name));
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new LedgerError('schema_too_new', {
      vi: `Cơ sở dữ liệu này do một phiên bản mới hơn của ứng dụng tạo ra (lược đồ ${applied.length}, ứng dụng này hỗ trợ đến ${migrations.length}). Hãy cập nhật ứng dụng; dữ liệu không bị thay đổi.`,
      en: `This database was written by a newer version of the app (schema ${applied.length}; this app supports up to ${migrations.length}). Update the app; the data was not changed.`,
    });
  }
  const pending = migrations.filter((m) => !applied.includes(m.name));
  for (const migration of pending) {
    // A migration that rebuilds a table other tables refer to runs with foreign keys off (SQLite's own procedure: the
    // DROP of the old table would otherwise count every referring row as a violation), and the references are checked
    // before it commits. The setting cannot change inside a transaction, hence around it.
    if (migration.rebuildsTables) await sql`PRAGMA foreign_keys = OFF`.execute(db);
    try {
      await db.transaction().execute(async (trx) => {
        await migration.up(trx);
        if (migration.rebuildsTables) {
          const broken = await sql<{ table: string }>`PRAGMA foreign_key_check`.execute(trx);
          if (broken.rows.length)
            throw new Error(`${migration.name} leaves ${broken.rows.length} rows whose references are missing`);
        }
        await sql`INSERT INTO schema_migrations (name, applied_at) VALUES (${migration.name}, ${new Date().toISOString()})`.execute(
          trx,
        );
      });
    } finally {
      if (migration.rebuildsTables) await sql`PRAGMA foreign_keys = ON`.execute(db);
    }
  }
  return pending.map((m) => m.name);
}
