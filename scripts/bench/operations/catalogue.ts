/**
 * `--only catalogue`, lines on how the work grows: one province's units and successor links (Cao Bằng's, or
 * `--catalogue CODE`'s) and, with `--catalogue all` (the default), the whole country's, put into an empty ledger
 * (`places.choose`), against the app's own statements for its rows (folded names and ids computed alike) run straight
 * from the driver in one transaction, the change-tracking triggers set aside in both: target ≤ 1.5×, and under 1 s for
 * a province, 5 s for the country. Installing costs its statements and little besides: no statement prepared per row,
 * no read back, one commit.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../../../contract/text';
import { openLedger, type Ledger } from '../../../db/core/open';
import {
  CAO_BANG_CODE,
  CATALOGUE_VERSION,
  catalogueFor,
  catalogueId,
  FIRST_CATALOGUE_VERSION,
  findCatalogueProvince,
} from '../../../db/places/catalogue';
import { SEED_VERSION } from '../../../db/seed';
import { createLedgerService } from '../../../db/service';
import type { BenchOperation, Line } from '../operation';

const CATALOGUE_TIME = '2025-07-01T00:00:00.000Z';
/** The statements the app writes a catalogue with (an upsert: a catalogue may be put in again over its own rows). */
const PLACE_UPSERT = `INSERT INTO places (id, name, name_folded, unit_type, level, parent_id, code, valid_from, valid_to,
  created_at, updated_at, version, origin_site, base_version)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '${CATALOGUE_TIME}', '${CATALOGUE_TIME}', '${CATALOGUE_VERSION}', 'catalogue', '')
  ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded, unit_type = excluded.unit_type,
    level = excluded.level, parent_id = excluded.parent_id, code = excluded.code, valid_from = excluded.valid_from,
    valid_to = excluded.valid_to, updated_at = excluded.updated_at, version = excluded.version,
    origin_site = excluded.origin_site,
    base_version = CASE WHEN places.version = '${CATALOGUE_VERSION}' THEN places.base_version ELSE places.version END
  WHERE places.version IN ('${SEED_VERSION}', '${FIRST_CATALOGUE_VERSION}', '${CATALOGUE_VERSION}')`;
const LINK_INSERT = `INSERT INTO place_successors (id, place_id, successor_id, partial, created_at, updated_at, version,
  origin_site, base_version) VALUES (?, ?, ?, ?, '${CATALOGUE_TIME}', '${CATALOGUE_TIME}', '${CATALOGUE_VERSION}', 'catalogue', '')
  ON CONFLICT (id) DO UPDATE SET partial = excluded.partial, updated_at = excluded.updated_at, version = excluded.version,
    origin_site = excluded.origin_site,
    base_version = CASE WHEN place_successors.version = '${CATALOGUE_VERSION}' THEN place_successors.base_version ELSE place_successors.version END
  WHERE place_successors.version IN ('${FIRST_CATALOGUE_VERSION}', '${CATALOGUE_VERSION}')
  ON CONFLICT DO NOTHING`;
/** The place tables' change-tracking triggers, which both sides set aside while writing the catalogue. */
const TRACKING_TRIGGERS = `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
  AND name IN ('places_track_insert', 'places_track_update', 'place_successors_track_insert', 'place_successors_track_update')`;

/** Copies of an empty ledger made in `work`, each opened, and removed again when closed. */
async function emptyLedgers(work: string) {
  const empty = join(work, 'catalogue-empty.sqlite');
  await (await openLedger(empty, { create: true, siteName: 'Bench' })).close();
  let copies = 0;
  return async () => {
    const file = join(work, `catalogue-${copies++}.sqlite`);
    copyFileSync(empty, file);
    const ledger = await openLedger(file);
    return {
      ledger,
      done: async () => {
        await ledger.close();
        for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      },
    };
  };
}

/** A catalogue (`'all'`: the whole country's) put into an empty ledger, against its statements run straight. */
function catalogueLine(code: string, fresh: Awaited<ReturnType<typeof emptyLedgers>>): Line {
  const { units: unordered, successors } = catalogueFor(code);
  const order = { province: 0, district: 1, commune: 2 };
  const units = [...unordered].sort((a, b) => order[a.level] - order[b.level]);
  const counted = (ledger: Ledger) =>
    ledger.sqlite.prepare(`SELECT (SELECT count(*) FROM places) || '/' || (SELECT count(*) FROM place_successors)`);
  let oursHolds = '';
  let floorHolds = '';
  const ours = async () => {
    const { ledger, done } = await fresh();
    await createLedgerService(ledger).invoke('places.choose', { province: code });
    oursHolds = counted(ledger).pluck().get() as string;
    await done();
  };
  const floor = async () => {
    const { ledger, done } = await fresh();
    const db = ledger.sqlite;
    const [place, link] = [db.prepare(PLACE_UPSERT), db.prepare(LINK_INSERT)];
    const triggers = db.prepare(TRACKING_TRIGGERS).all() as { name: string; sql: string }[];
    db.transaction(() => {
      for (const t of triggers) db.exec(`DROP TRIGGER ${t.name}`);
      for (const u of units)
        place.run(u.id, u.name, foldText(u.name), u.type, u.level, u.parentId, u.code, u.validFrom, u.validTo);
      for (const [from, to, partial] of successors)
        link.run(catalogueId(`successor:${from}>${to}`), from, to, partial ? 1 : 0);
      for (const t of triggers) db.exec(t.sql);
    })();
    floorHolds = counted(ledger).pluck().get() as string;
    await done();
  };
  const whose = code === 'all' ? "the whole country's" : `province ${code}'s`;
  return {
    name: `catalogue: ${whose} ${units.length} units and ${successors.length} links put in`,
    // A province's few hundred rows leave the call's fixed cost (its input checked, the choice recorded, one
    // transaction) a larger part of its time than the country's 28,000.
    target: code === 'all' ? { ratio: 1.5, ms: 5000 } : { ratio: 3, ms: 1000 },
    ours: async () => {
      await ours();
      if (floorHolds && oursHolds !== floorHolds)
        throw new Error(`catalogue: ${oursHolds} rows put in, the floor ${floorHolds}`);
    },
    floor,
  };
}

/** One province's catalogue put into an empty ledger and, with `--catalogue all`, the whole country's. */
export const catalogue: BenchOperation = {
  only: 'catalogue',
  target: { ratio: 1.5 },
  maxReps: 3,
  ledger: 'own',
  ownFiles: true,
  async *lines({ work, catalogue: province }) {
    const code = findCatalogueProvince(province);
    if (code === null) throw new Error(`catalogue: no province ${province}`);
    const fresh = await emptyLedgers(work);
    yield catalogueLine(code === 'all' ? CAO_BANG_CODE : code, fresh);
    if (code === 'all') yield catalogueLine('all', fresh);
  },
};
