/**
 * The official catalogue of administrative units (see `db/places/catalogue.ts`). Places gain their unit's type
 * ("Huyện", "Xã", "Phường"…), shown with the name everywhere ("Huyện Bảo Lạc" is not "Xã Bảo Lạc"); a code no longer
 * names one unit for ever. A ledger seeded by earlier releases (Cao Bằng and its ten district-level units, until
 * 30/06/2025) keeps those units' ids and gains their codes and types, their 161 former communes and today's 56
 * communes and wards, with the old → new links; nothing a user entered is touched. A ledger without places gets its
 * catalogue when its province is chosen.
 *
 * Released, this migration also wrote the catalogue. That part now runs when the ledger is opened, after its
 * migrations (`db/places/upgrade.ts`): the catalogue is code and data of the release that ships it (a later one
 * brings the statistics office's own tables, and every ledger's catalogue up to date with them), while a migration
 * stays as it was released. Here only what SQL alone does: the schema, and a note that the catalogue is due, read
 * and removed by that step in one transaction. A ledger that applied this migration as released has its catalogue and
 * no such note: it is left as it is, and merges as before with offices upgraded either way, since catalogue rows
 * carry the same fixed version and ids from official codes wherever they were written.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE places ADD COLUMN unit_type TEXT`.execute(db);
  await sql`CREATE INDEX places_name_folded ON places (name_folded)`.execute(db);
  // The reform gave many new wards the code of a former commune: a code names one unit at a time, not one for ever.
  await sql`DROP INDEX places_code`.execute(db);
  await sql`CREATE INDEX places_code ON places (code) WHERE code IS NOT NULL`.execute(db);
  // The province the first releases seeded (Cao Bằng, '04'), whose units are to be brought up to the catalogue.
  await sql`INSERT INTO settings (key, value, updated_at) VALUES ('places.catalogue.due', '04', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
    ON CONFLICT (key) DO NOTHING`.execute(db);
}
