/**
 * The offices this ledger knows: each accepted from its card (its key, and the code read aloud over the phone), or
 * recorded by hand as an office on an earlier release (no key: its unsigned bundles are taken only on purpose). A
 * bundle is merged only from an office here and not revoked, and only what lies in its scope (its role and home place
 * as recorded here). Kept at this installation (not sent in bundles); backups carry it.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE offices (
    site_id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('province', 'district')),
    place_id TEXT,
    public_key TEXT,
    code TEXT,
    card TEXT,
    accepted_at TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT
  )`.execute(db);
}
