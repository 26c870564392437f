/**
 * The official catalogue of administrative units (see `db/places/catalogue.ts`). Places gain their unit's type
 * ("Huyện", "Xã", "Phường"…), shown with the name everywhere ("Huyện Bảo Lạc" is not "Xã Bảo Lạc"). A ledger seeded by
 * earlier releases (Cao Bằng and its ten district-level units, until 30/06/2025) keeps those units' ids and gains
 * their codes and types, their 161 former communes and today's 56 communes and wards, with the old → new links;
 * nothing a user entered is touched. A ledger without places gets its catalogue when its province is chosen.
 */
import { sql, type Kysely } from 'kysely';
import { catalogueFor } from '../places/catalogue';
import { builderRunner, PROVINCE_SETTING, writeCatalogue } from '../places/install';
import { foldText } from '../../contract/text';
import { PLEDGE_SEARCH_TEXT } from '../search';
import { CAO_BANG, seedId } from '../seed';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE places ADD COLUMN unit_type TEXT`.execute(db);
  await sql`CREATE INDEX places_name_folded ON places (name_folded)`.execute(db);
  // The reform gave many new wards the code of a former commune: a code names one unit at a time, not one for ever.
  await sql`DROP INDEX places_code`.execute(db);
  await sql`CREATE INDEX places_code ON places (code) WHERE code IS NOT NULL`.execute(db);
  // Cao Bằng as the first releases seeded it: under the ids every release derives, or (before ledgers were shared) ids
  // of the ledger's own, found by the province's code and the units' names.
  const province = (
    await sql<{
      id: string;
    }>`SELECT id FROM places WHERE level = 'province' AND (id = ${seedId('Cao Bằng')} OR (code = '04' AND name_folded = 'cao bang'))
    ORDER BY id = ${seedId('Cao Bằng')} DESC LIMIT 1`.execute(db)
  ).rows[0];
  if (!province) return;
  const existing = new Map<string, string>();
  if (province.id !== seedId('Cao Bằng')) {
    existing.set(seedId('Cao Bằng'), province.id);
    for (const name of CAO_BANG.districts) {
      const own = (
        await sql<{
          id: string;
        }>`SELECT id FROM places WHERE parent_id = ${province.id} AND level = 'district' AND name_folded = ${foldText(name)}`.execute(
          db,
        )
      ).rows[0];
      if (own) existing.set(seedId(name), own.id);
    }
  }
  await writeCatalogue(builderRunner(db), catalogueFor('04'), existing);
  // The pledges of the seeded units are found by the units' names as now shown ("Huyện Bảo Lạc"): their search text
  // is derived, so it is rewritten without a new version (offices upgrading at different times still merge as before).
  const tracking = (
    await sql<{
      sql: string;
    }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'pledges_track_update'`.execute(db)
  ).rows[0];
  if (tracking) await sql`DROP TRIGGER pledges_track_update`.execute(db);
  const seededIds = JSON.stringify(
    [seedId('Cao Bằng'), ...CAO_BANG.districts.map(seedId)].map((id) => existing.get(id) ?? id),
  );
  await sql`UPDATE pledges SET search_text = ${PLEDGE_SEARCH_TEXT} FROM donors own
    WHERE own.id = pledges.donor_id AND pledges.place_id IN (SELECT value FROM json_each(${seededIds}))`.execute(db);
  if (tracking) await sql.raw(tracking.sql).execute(db);
  await sql`INSERT INTO settings (key, value, updated_at) VALUES (${PROVINCE_SETTING}, '04', ${new Date().toISOString()})
    ON CONFLICT (key) DO NOTHING`.execute(db);
}
