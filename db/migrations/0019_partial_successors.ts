/**
 * A former unit split between several of today's units leads to each of them in part: place_successors gains
 * `partial` (1: the successor took part of the former unit; 0: all of it, or the link says nothing of it, as links
 * made before this column did). The catalogue writes it when the ledger is opened (`db/places/upgrade.ts`); a bundle
 * from an earlier release, whose links lack it, merges as before.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE place_successors ADD COLUMN partial INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1))`.execute(
    db,
  );
}
