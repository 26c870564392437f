/**
 * Two lines of `npm run bench` on how the work grows, each measured against a floor in the same run:
 *
 * - `--only paging`: the ledger's first page (newest first, 100 rows, with the count) in the bench's ledger of N
 *   pledges, against the same page in a ledger of N/10 generated alike. Read through the date index, a page costs the
 *   same whatever the ledger's size: target ≤ 1.5×. A page that walked every pledge would take about ten times as long.
 * - `--only catalogue`: the whole country's units and successor links (or one province's, `--catalogue CODE`) put into
 *   an empty ledger (`places.choose`), against the app's own statements for its rows (folded names and ids computed
 *   alike) run straight from the driver in one transaction, the change-tracking triggers set aside in both: target ≤
 *   1.5×. Installing costs its statements and little besides: no statement prepared per row, no read back, one commit.
 */
import { copyFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { foldText } from '../contract/text';
import { openLedger, type Ledger } from '../db/core/open';
import { CATALOGUE_VERSION, catalogueFor, catalogueId, findCatalogueProvince } from '../db/places/catalogue';
import { createLedgerService } from '../db/service';
import { SEED_VERSION } from '../db/seed';
import { generateLedger } from '../db/samples/synthetic';

type Measure = (
  name: string,
  target: { ratio: number; ms?: number },
  ours: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  reps?: number,
) => Promise<unknown>;

const FIRST_PAGE = {
  sort: { by: 'pledgeDate', dir: 'desc' },
  page: { offset: 0, limit: 100 },
  withTotal: true,
} as const;

/** The first page of `ledger` (N pledges) against that of a ledger of N/10 generated alike in `work`. */
export async function pagingBench(
  ledger: Ledger,
  rows: number,
  work: string,
  measure: Measure,
  log: (text: string) => void,
) {
  const tenth = Math.max(100, Math.round(rows / 10));
  log(`paging: generating ${tenth} pledges…`);
  const small = await openLedger(join(work, 'paging-tenth.sqlite'), { create: true, siteName: 'Bench' });
  try {
    await generateLedger(small, { rows: tenth });
    small.sqlite.pragma('optimize');
    const [large, few] = [createLedgerService(ledger), createLedgerService(small)];
    const ours = () => large.invoke('pledges.list', FIRST_PAGE);
    const floor = () => few.invoke('pledges.list', FIRST_PAGE);
    const [mine, theirs] = [await ours(), await floor()];
    if (mine.rows.length !== 100 || theirs.rows.length !== 100 || mine.total !== rows || theirs.total !== tenth)
      throw new Error('paging: a page of 100 rows and the ledger’s count were expected on both sides');
    return await measure(
      `paging: first page of ${rows} pledges against ${tenth}, newest first`,
      { ratio: 1.5 },
      ours,
      floor,
    );
  } finally {
    await small.close();
  }
}

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
  WHERE places.version IN ('${SEED_VERSION}', '${CATALOGUE_VERSION}')`;
const LINK_INSERT = `INSERT INTO place_successors (id, place_id, successor_id, created_at, updated_at, version, origin_site,
  base_version) VALUES (?, ?, ?, '${CATALOGUE_TIME}', '${CATALOGUE_TIME}', '${CATALOGUE_VERSION}', 'catalogue', '')
  ON CONFLICT DO NOTHING`;
/** The place tables' change-tracking triggers, which both sides set aside while writing the catalogue. */
const TRACKING_TRIGGERS = `SELECT name, sql FROM sqlite_master WHERE type = 'trigger'
  AND name IN ('places_track_insert', 'places_track_update', 'place_successors_track_insert', 'place_successors_track_update')`;

/** A catalogue (`'all'`: the whole country's) put into an empty ledger, against its statements run straight. */
export async function catalogueBench(work: string, province: string, reps: number, measure: Measure) {
  const code = findCatalogueProvince(province);
  if (code === null) throw new Error(`catalogue: no province ${province}`);
  const empty = join(work, 'catalogue-empty.sqlite');
  await (await openLedger(empty, { create: true, siteName: 'Bench' })).close();
  let copies = 0;
  /** A copy of the empty ledger, opened; removed again when closed. */
  const fresh = async () => {
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
  const catalogue = catalogueFor(code);
  const order = { province: 0, district: 1, commune: 2 };
  const units = [...catalogue.units].sort((a, b) => order[a.level] - order[b.level]);
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
      for (const [from, to] of catalogue.successors) link.run(catalogueId(`successor:${from}>${to}`), from, to);
      for (const t of triggers) db.exec(t.sql);
    })();
    floorHolds = counted(ledger).pluck().get() as string;
    await done();
  };
  await ours();
  await floor();
  if (oursHolds !== floorHolds) throw new Error(`catalogue: ${oursHolds} rows put in, the floor ${floorHolds}`);
  return measure(
    `catalogue: ${code === 'all' ? "the whole country's" : `province ${code}'s`} ${units.length} units and ${catalogue.successors.length} links put in`,
    { ratio: 1.5 },
    ours,
    floor,
    Math.min(reps, 3),
  );
}
