/**
 * npm run bench -- [--rows N] [--json FILE] [--reps K] [--db FILE]
 *
 * Measures the app's own code path for each operation against its floor in the same run: the same work done the
 * most direct way (hand-written SQL on raw better-sqlite3, the bare spreadsheet library, raw prepared inserts).
 * Each repetition runs ours and the floor alternately; medians are reported with their ratio, and peak memory.
 * The synthetic ledger is deterministic (same rows, same seed, same ids); `--db` keeps it between runs.
 *
 * Two lines measure how the work grows, with ratio targets only (scripts/bench-growth.ts): `paging`, the first page
 * at N pledges against the same page at N/10 (≤ 1.5×; a page walking every pledge would be about 10×), and
 * `catalogue`, the whole country's units and links (one province's with `--catalogue CODE`) put into an empty ledger
 * against the same statements run straight from the driver (≤ 1.5×).
 */
import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { Report } from '../contract';
import { contextFor } from '../db/core/context';
import { openLedger, type Ledger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { BUNDLE_TABLES } from '../db/sync/contents';
import { exportBundle } from '../db/sync/export';
import { decodeBundle } from '../db/sync/format';
import { generateLedger } from '../db/samples/synthetic';
import { foldText } from '../contract/text';
import { closeBench, closeFixture, writeReportCellsBare } from './bench-close';
import { catalogueBench, pagingBench } from './bench-growth';

const { values } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    json: { type: 'string' },
    reps: { type: 'string', default: '5' },
    db: { type: 'string' },
    'import-rows': { type: 'string' },
    /** Offices whose files the quarter's close merges (half bundles, half workbooks). */
    offices: { type: 'string', default: '56' },
    /** The catalogue the `catalogue` line puts in: 'all' (the whole country's) or a province's code or name. */
    catalogue: { type: 'string', default: 'all' },
    quiet: { type: 'boolean', default: false },
    /**
     * Comma-separated first words of the operations to run (dashboard,today,items,ledger,paging,quarterly,import,close,
     * catalogue,open).
     */
    only: { type: 'string' },
    /** Internal: write the import's bundle to this file and exit (run by `importSetUp` in a process of its own). */
    'write-bundle': { type: 'string' },
  },
});
const ROWS = Number(values.rows);
const REPS = Math.max(1, Number(values.reps));
/** Records in the imported bundle: pledges and their deliveries (about 0.6 per pledge), plus donors and places. */
const IMPORT_RECORDS = Number(values['import-rows'] ?? Math.min(100_000, Math.max(1_000, Math.round(ROWS / 10))));
const log = (text: string) => {
  if (!values.quiet) process.stderr.write(`${text}\n`);
};

const work = mkdtempSync(join(tmpdir(), 'aid-ledger-bench-'));
let peakRss = 0;
/** The highest resident memory seen during the current operation. */
let operationPeak = 0;
const sampler = setInterval(() => {
  const rss = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rss);
  operationPeak = Math.max(operationPeak, rss);
}, 10);

interface Result {
  name: string;
  ms: number;
  floorMs: number;
  ratio: number;
  target: { ratio: number; ms?: number };
  /** Peak resident memory of the process while this operation ran, in MB. */
  peakMb: number;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

async function measure(
  name: string,
  target: Result['target'],
  ours: () => Promise<unknown>,
  floor: () => Promise<unknown>,
  reps = REPS,
): Promise<Result> {
  operationPeak = process.memoryUsage().rss;
  const maxRssBefore = process.resourceUsage().maxRSS * 1024;
  // One untimed run of each warms caches (pages of the database file, compiled code) alike.
  const warm = performance.now();
  await ours();
  await floor();
  // A run of a few milliseconds is timed as a batch of at least ~50 ms, the same count for both sides: single runs that
  // short are mostly timer and scheduling noise.
  const batch = Math.max(1, Math.ceil(100 / (performance.now() - warm)));
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < reps; i++) {
    // Alternating, starting with each side in turn, so drift in the machine falls on both.
    const order = i % 2 === 0 ? [ours, floor] : [floor, ours];
    for (const run of order) {
      const start = performance.now();
      for (let j = 0; j < batch; j++) await run();
      (run === ours ? a : b).push((performance.now() - start) / batch);
    }
  }
  // The sampler cannot run while synchronous work holds the thread; the process's highest mark, when it rose during
  // this operation, was reached by it.
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const peakMb = Math.round(
    Math.max(operationPeak, process.memoryUsage().rss, maxRss > maxRssBefore ? maxRss : 0) / 1e6,
  );
  const result = {
    name,
    ms: round(median(a)),
    floorMs: round(median(b)),
    ratio: round(median(a) / median(b)),
    target,
    peakMb,
  };
  log(`${name}: ${result.ms} ms, floor ${result.floorMs} ms, ratio ${result.ratio}, peak ${peakMb} MB`);
  return result;
}
const round = (x: number) => Math.round(x * 100) / 100;

/** The synthetic ledger, generated once per row count and seed. */
async function ledgerFile(): Promise<string> {
  const file = values.db ?? join(work, 'bench.sqlite');
  if (existsSync(file)) {
    const db = new Database(file, { readonly: true });
    const n = (db.prepare('SELECT count(*) AS n FROM pledges').get() as { n: number }).n;
    // A ledger generated before former communes had heirs cannot measure figures in today's units.
    const links = (db.prepare('SELECT count(*) AS n FROM place_successors').get() as { n: number }).n;
    // Nor one generated before aid items existed, figures by item.
    const hasItems =
      (db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'aid_items'`).get() as { n: number }).n > 0 &&
      (db.prepare('SELECT count(*) AS n FROM aid_items').get() as { n: number }).n > 0;
    db.close();
    if (n === ROWS && links > 0 && hasItems) return file;
    rmSync(file);
  }
  log(`generating ${ROWS} pledges…`);
  const ledger = await openLedger(file, { create: true, siteName: 'Bench' });
  await generateLedger(ledger, { rows: ROWS, onProgress: (done) => log(`… ${done}`) });
  ledger.sqlite.pragma('optimize');
  await ledger.close();
  return file;
}

const YEAR = { from: '2022-01-01', to: '2022-12-31' };
const LIVE = `('pledged', 'in_progress', 'completed')`;

/** Dashboard: every totals grouping for one year. */
async function dashboard(ledger: Ledger): Promise<Result> {
  const service = createLedgerService(ledger);
  const province = (ledger.sqlite.prepare(`SELECT id FROM places WHERE level = 'province'`).get() as { id: string }).id;
  const groupings = ['place', 'donor', 'kind', 'quarter', 'currency'] as const;
  const ours = async () => {
    for (const by of groupings)
      await service.invoke('totals', { by, filter: YEAR, ...(by === 'place' ? { rollUpUnder: province } : {}) });
  };
  // The same SQL, written by hand: one grouped sum per side and grouping over the monthly totals, then the names.
  const db = ledger.sqlite;
  const source: Record<(typeof groupings)[number], [string, string]> = {
    place: ['place', 't.place_id'],
    donor: ['donor', 't.donor_id'],
    kind: ['kind', 't.kind'],
    currency: ['kind', 't.currency'],
    quarter: ['kind', `substr(t.month, 1, 4) || '-Q' || ((CAST(substr(t.month, 6, 2) AS INTEGER) + 2) / 3)`],
  };
  const statements = groupings.map((by) => {
    const [dimension, key] = source[by];
    return {
      by,
      pledged:
        db.prepare(`SELECT ${key} AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n, sum(t.quantity_milli) AS quantity_milli
        FROM pledge_totals_by_${dimension} t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`),
      delivered:
        db.prepare(`SELECT ${key} AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n, NULL AS quantity_milli
        FROM delivery_totals_by_${dimension} t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`),
    };
  });
  const placeTree = db.prepare(`SELECT id, parent_id FROM places`);
  const placeNames = db.prepare(`SELECT id, name FROM places`);
  const donorNames = db.prepare(`SELECT id, name FROM donors`);
  const floor = async () => {
    for (const s of statements) {
      s.pledged.all(YEAR.from.slice(0, 7), YEAR.to.slice(0, 7));
      s.delivered.all(YEAR.from.slice(0, 7), YEAR.to.slice(0, 7));
      if (s.by === 'place') {
        placeTree.all();
        placeNames.all();
      }
      if (s.by === 'donor') donorNames.all();
    }
  };
  return measure('dashboard: every totals grouping for one year', { ratio: 1.3, ms: 100 }, ours, floor);
}

/**
 * Ten years by place in today's units, rolled up under the province: the former communes' pledges counted under the
 * communes they became. The floor reads the same monthly sums by place and the place tree with its successor links.
 */
async function todaysUnitsBench(ledger: Ledger): Promise<Result> {
  const service = createLedgerService(ledger);
  const province = (ledger.sqlite.prepare(`SELECT id FROM places WHERE level = 'province'`).get() as { id: string }).id;
  const filter = { from: '2016-01-01', to: '2025-12-31', unitsOf: '2026-12-01' };
  const ours = () => service.invoke('totals', { by: 'place', filter, rollUpUnder: province });
  const db = ledger.sqlite;
  const sums = (side: 'pledge' | 'delivery') =>
    db.prepare(`SELECT t.place_id AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n
      FROM ${side}_totals_by_place t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`);
  const [pledged, delivered] = [sums('pledge'), sums('delivery')];
  const tree = db.prepare(`SELECT id, parent_id, name, unit_type, valid_from, valid_to FROM places`);
  const links = db.prepare(`SELECT place_id, successor_id FROM place_successors`);
  const floor = async () => {
    pledged.all(filter.from.slice(0, 7), filter.to.slice(0, 7));
    delivered.all(filter.from.slice(0, 7), filter.to.slice(0, 7));
    tree.all();
    links.all();
  };
  return measure("totals by place in today's units, 2016–2025", { ratio: 1.3, ms: 100 }, ours, floor);
}

/**
 * Counts and sums by aid item, sector, modality and stage for one year, and the items' overview (counts by stage, sector
 * and modality, NGOs): what the dashboard and the statutory report read. The floor runs the same grouped sums of the
 * monthly totals by item and by the items' class by hand, reads the labels, and counts the items.
 */
async function itemsBench(ledger: Ledger): Promise<Result> {
  const service = createLedgerService(ledger);
  const groupings = ['item', 'sector', 'modality', 'stage'] as const;
  const ours = async () => {
    for (const by of groupings) await service.invoke('totals', { by, filter: YEAR });
    await service.invoke('items.overview', {});
  };
  const db = ledger.sqlite;
  // By item from the totals by item; by sector, modality or stage from those by the items' class.
  const [key, table] = [
    (by: (typeof groupings)[number]) => (by === 'item' ? `t.item_id` : `t.${by}`),
    (by: string) => (by === 'item' ? 'item' : 'item_class'),
  ];
  const statements = groupings.map((by) => [
    db.prepare(`SELECT ${key(by)} AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n, sum(t.quantity_milli) AS quantity_milli
      FROM pledge_totals_by_${table(by)} t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`),
    db.prepare(`SELECT ${key(by)} AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n, NULL AS quantity_milli
      FROM delivery_totals_by_${table(by)} t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`),
  ]);
  const names = db.prepare(`SELECT id, name FROM aid_items`);
  const overview = [
    db.prepare(`SELECT stage AS key, count(*) AS n FROM aid_items GROUP BY 1`),
    db.prepare(`SELECT sector AS key, count(*) AS n FROM aid_items GROUP BY 1`),
    db.prepare(`SELECT modality AS key, count(*) AS n FROM aid_items GROUP BY 1`),
    db.prepare(
      `SELECT count(DISTINCT coalesce(d.merged_into, d.id)) AS n FROM donors d WHERE d.id IN (SELECT donor_id FROM aid_items) OR d.id IN (SELECT j.value FROM aid_items i, json_each(i.co_donor_ids) j)`,
    ),
    db.prepare(
      `SELECT sum(n) AS n FROM pledge_totals_by_item_class WHERE sector = '' AND modality = '' AND stage = ''`,
    ),
  ];
  const floor = async () => {
    for (const [pledged, delivered] of statements) {
      pledged!.all(YEAR.from.slice(0, 7), YEAR.to.slice(0, 7));
      delivered!.all(YEAR.from.slice(0, 7), YEAR.to.slice(0, 7));
    }
    names.all();
    for (const s of overview) s.all();
  };
  return measure('counts and sums by item, sector, modality and stage, one year', { ratio: 1.3 }, ours, floor);
}

/** By hand, as the ledger reads a page: the page's rowids (`page` selects `page_rowid`) drive, then its rows in full. */
const pageOfRows = (page: string, key: string) => `WITH page AS (${page})
  SELECT p.id, p.place_id, p.kind, p.description, p.quantity_milli, p.unit, p.unit_value_minor,
  p.amount_minor, p.currency, p.rate, p.rate_date, p.rate_source, p.vnd_equivalent, p.pledge_date, p.status,
  p.beneficiaries, p.approval_number, p.approval_date, p.notes, p.created_at, p.updated_at, d.id AS donor_id, d.name AS donor_name, d.short_name AS donor_short_name, pl.name AS place_name,
  coalesce((SELECT sum(x.amount_minor) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS delivered_amount_minor,
  coalesce((SELECT sum(x.vnd_equivalent) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS delivered_vnd
  FROM page CROSS JOIN pledges p ON p.rowid = page.page_rowid JOIN donors entered ON entered.id = p.donor_id JOIN donors d ON d.id = coalesce(entered.merged_into, entered.id)
  JOIN places pl ON pl.id = p.place_id ORDER BY ${key} DESC, p.rowid DESC`;

/**
 * Ledger page: filter, accent-insensitive search, sort, 100 rows with the total count. Twice: a broad search (a
 * district's name, found in about one pledge in twelve) and a donor's short name.
 */
async function ledgerPages(ledger: Ledger): Promise<Result[]> {
  const service = createLedgerService(ledger);
  const db = ledger.sqlite;
  const cases = [
    {
      name: "ledger page: filter + search 'Bảo Lạc' + sort, 100 rows, with count",
      filter: {
        from: '2018-01-01',
        to: '2023-12-31',
        kinds: ['house', 'gift'] as ('house' | 'gift')[],
        text: 'Bảo Lạc',
      },
      sort: { by: 'vndEquivalent' as const, dir: 'desc' as const },
      words: ['bao', 'lac'],
      where: `p.pledge_date >= '2018-01-01' AND p.pledge_date <= '2023-12-31' AND p.kind IN ('house', 'gift')`,
      key: 'p.vnd_equivalent',
    },
    {
      name: "ledger page: search 'TC54' + sort by date, 100 rows, with count",
      filter: { text: 'TC54' },
      sort: { by: 'pledgeDate' as const, dir: 'desc' as const },
      words: ['tc54'],
      where: '1',
      key: 'p.pledge_date',
    },
  ];
  // By hand: the places and donors holding the words, then the pledges of those holding all of them (from the
  // indexes) and those whose own text holds one (checked against their search text), counted and paged.
  const placeWords = db.prepare(`SELECT id, name_folded AS words FROM places`);
  const donorRows = db.prepare(`SELECT id, name, short_name, country, merged_into FROM donors`);
  // A donor's words in its pledges' search text: its own and those of the donors merged with it.
  const donorWords = () => {
    const donors = donorRows.all() as {
      id: string;
      name: string;
      short_name: string | null;
      country: string | null;
      merged_into: string | null;
    }[];
    const own = new Map(donors.map((d) => [d.id, foldText(`${d.name} ${d.short_name ?? ''} ${d.country ?? ''}`)]));
    const group = new Map<string, string>();
    for (const d of donors)
      group.set(d.merged_into ?? d.id, `${group.get(d.merged_into ?? d.id) ?? ''} ${own.get(d.id)}`);
    return donors.map((d) => ({ id: d.id, words: group.get(d.merged_into ?? d.id)! }));
  };
  const holdingAll = (rows: unknown[], words: string[]) =>
    (rows as { id: string; words: string }[]).filter((r) => words.every((w) => r.words.includes(w))).map((r) => r.id);
  const holdingSome = (rows: unknown[], words: string[]) =>
    (rows as { id: string; words: string }[])
      .filter((r) => words.some((w) => r.words.includes(w)) && !words.every((w) => r.words.includes(w)))
      .map((r) => r.id);
  const results: Result[] = [];
  // The page the ledger screen opens on: every pledge, newest first.
  {
    const name = 'ledger page: no filter, newest first, 100 rows, with count';
    const ours = () =>
      service.invoke('pledges.list', {
        sort: { by: 'pledgeDate', dir: 'desc' },
        page: { offset: 0, limit: 100 },
        withTotal: true,
      });
    // The count, as the app reads it for a filter the monthly totals are keyed by.
    const count = db.prepare(`SELECT sum(n) AS n FROM pledge_totals_by_kind`);
    const page = db.prepare(
      pageOfRows(
        `SELECT rowid AS page_rowid FROM pledges ORDER BY pledge_date DESC, rowid DESC LIMIT 100`,
        'p.pledge_date',
      ),
    );
    const floor = async () => ({ rows: page.all() as { id: string }[], total: (count.get() as { n: number }).n });
    const mine = await ours();
    const theirs = await floor();
    if (mine.total !== theirs.total || mine.rows.map((r) => r.id).join() !== theirs.rows.map((r) => r.id).join()) {
      throw new Error(`${name}: rows or count differ from the floor's`);
    }
    results.push(await measure(name, { ratio: 1.3, ms: 20 }, ours, floor));
  }
  for (const c of cases) {
    const ours = () =>
      service.invoke('pledges.list', {
        filter: c.filter,
        sort: c.sort,
        page: { offset: 0, limit: 100 },
        withTotal: true,
      });
    const own = c.words
      .map(
        (w) =>
          `(${[...w]
            .slice(2)
            .map((_, i) => `"${w.slice(i, i + 3)}"`)
            .join(' AND ')})`,
      )
      .join(' OR ');
    const likes = c.words.map((w) => `p.search_text LIKE '%${w}%'`).join(' AND ');
    const statements = new Map<string, { count: Database.Statement; page: Database.Statement }>();
    const floor = async () => {
      const placeRows = placeWords.all();
      const donorRows = donorWords();
      const places = JSON.stringify(holdingAll(placeRows, c.words));
      const donors = JSON.stringify(holdingAll(donorRows, c.words));
      const mixed = holdingSome(placeRows, c.words).length > 0 && holdingSome(donorRows, c.words).length > 0;
      if (mixed)
        throw new Error(`${c.name}: the floor is written for searches without words split between place and donor`);
      const shape = `${places !== '[]'}${donors !== '[]'}`;
      if (!statements.has(shape)) {
        const branches = [
          ...(places !== '[]' ? [`p.place_id IN (SELECT value FROM json_each(:places))`] : []),
          ...(donors !== '[]'
            ? [
                `p.donor_id IN (SELECT value FROM json_each(:donors))${places !== '[]' ? ' AND p.place_id NOT IN (SELECT value FROM json_each(:places))' : ''}`,
              ]
            : []),
          `p.rowid IN (SELECT rowid FROM pledge_own_words WHERE pledge_own_words MATCH :own) AND p.place_id NOT IN (SELECT value FROM json_each(:places))
            AND p.donor_id NOT IN (SELECT value FROM json_each(:donors)) AND ${likes}`,
        ];
        statements.set(shape, {
          count: db.prepare(
            `SELECT sum(n) AS n FROM (${branches.map((b) => `SELECT count(*) AS n FROM pledges p WHERE ${c.where} AND ${b}`).join(' UNION ALL ')})`,
          ),
          page: db.prepare(
            pageOfRows(
              `SELECT page_rowid FROM (${branches.map((b) => `SELECT p.rowid AS page_rowid, ${c.key} AS sort_key FROM pledges p WHERE ${c.where} AND ${b}`).join(' UNION ALL ')})
              ORDER BY sort_key DESC, page_rowid DESC LIMIT 100`,
              c.key,
            ),
          ),
        });
      }
      const { count, page } = statements.get(shape)!;
      const parameters = { places, donors, own };
      return { rows: page.all(parameters), total: (count.get(parameters) as { n: number }).n };
    };
    const mine = (await ours()) as { total: number | null; rows: { id: string }[] };
    const theirs = (await floor()) as { total: number; rows: { id: string }[] };
    log(`${c.name}: ${mine.total} matching`);
    if (mine.total !== theirs.total || mine.rows.map((r) => r.id).join() !== theirs.rows.map((r) => r.id).join()) {
      throw new Error(`${c.name}: rows or count differ from the floor's`);
    }
    results.push(await measure(c.name, { ratio: 1.3, ms: 20 }, ours, floor));
  }
  return results;
}

/** The quarterly report against the bare library writing the same cells. */
async function report(ledger: Ledger): Promise<Result> {
  const service = createLedgerService(ledger);
  const period = '2022-Q3';
  const ours = () => service.invoke('reports.xlsx', { period });
  const built: Report = await service.invoke('reports.preview', { period });
  log(`report: ${built.pledges.length} pledges, ${built.deliveries.length} deliveries in ${period}`);
  // The bare library as the report uses it: streamed, each row written out as it is added.
  const floor = () => writeReportCellsBare(built);
  return measure('quarterly report (.xlsx) of one quarter', { ratio: 1.5 }, ours, floor, Math.min(REPS, 3));
}

/** Writes the bundle the import merges: exported from a generated district ledger. */
async function writeImportBundle(file: string): Promise<void> {
  const source = await openLedger(join(work, 'district.sqlite'), { create: true, siteName: 'Huyện' });
  await generateLedger(source, { rows: Math.round(IMPORT_RECORDS / 1.6), seed: 99, donors: 300 });
  const { bytes } = await source.db
    .transaction()
    .execute((trx) => exportBundle(contextFor(source, trx), { all: true }));
  await source.close();
  writeFileSync(file, bytes);
}

/**
 * The bundle the import merges, made by a process of its own so that making it does not count in this one's memory,
 * and an empty ledger to merge it into.
 */
async function importSetUp(): Promise<{ bytes: Buffer; records: number; empty: string }> {
  const file = join(work, 'district.aidledger');
  execFileSync(
    process.execPath,
    [...process.execArgv, process.argv[1]!, '--write-bundle', file, '--import-rows', String(IMPORT_RECORDS)],
    { stdio: 'inherit' },
  );
  const bytes = readFileSync(file);
  const records = Object.values(decodeBundle(bytes).records).reduce((n, rows) => n + rows.length, 0);
  log(`import: a bundle of ${records} records, ${(bytes.length / 1e6).toFixed(1)} MB`);
  const empty = join(work, 'empty.sqlite');
  await (await openLedger(empty, { create: true, siteName: 'Tỉnh' })).close();
  return { bytes, records, empty };
}

/**
 * Merging a bundle of about IMPORT_RECORDS records into an empty ledger, against raw prepared inserts of the same rows
 * (the ledger's per-row triggers fire for them; the import defers its totals and folds them once).
 */
async function importBundleBench({ bytes, records, empty }: Awaited<ReturnType<typeof importSetUp>>): Promise<Result> {
  let n = 0;
  const fresh = async () => {
    const file = join(work, `target-${n++}.sqlite`);
    copyFileSync(empty, file);
    return openLedger(file);
  };
  const base64 = bytes.toString('base64');
  const ours = async () => {
    const target = await fresh();
    await createLedgerService(target).invoke('sync.import', { fileName: 'bench.aidledger', base64 });
    await target.close();
  };
  // Both start from the file's bytes: the floor reads the rows out of it and inserts them as they are.
  const floor = async () => {
    const bundle = decodeBundle(bytes);
    const target = await fresh();
    const db = target.sqlite;
    target.tracking.applying = true;
    db.transaction(() => {
      for (const [table] of BUNDLE_TABLES) {
        const rows = bundle.records[table];
        if (!rows.length) continue;
        const columns = Object.keys(rows[0]!);
        const insert = db.prepare(
          `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
        );
        for (const row of rows) insert.run(...columns.map((c) => row[c] as never));
      }
    })();
    target.tracking.applying = false;
    await target.close();
  };
  return measure(`import of a ${records}-record bundle`, { ratio: 1.5 }, ours, floor, Math.min(REPS, 3));
}

/** Opening the ledger (with its migration check) and showing the first dashboard figure. */
async function open(file: string): Promise<Result> {
  const first = { by: 'kind' as const, filter: YEAR };
  const ours = async () => {
    const ledger = await openLedger(file);
    await createLedgerService(ledger).invoke('totals', first);
    await ledger.close();
  };
  const floor = async () => {
    const db = new Database(file);
    for (const side of ['pledge', 'delivery']) {
      db.prepare(`SELECT t.kind AS key, sum(t.vnd) AS amount, sum(t.n) AS n FROM ${side}_totals_by_kind t
        WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1 HAVING sum(t.n) > 0`).all(
        YEAR.from.slice(0, 7),
        YEAR.to.slice(0, 7),
      );
    }
    db.close();
  };
  return measure('open + migration check + first dashboard figure', { ratio: 1.3 }, ours, floor);
}

async function main() {
  if (values['write-bundle']) {
    await writeImportBundle(values['write-bundle']);
    clearInterval(sampler);
    rmSync(work, { recursive: true, force: true });
    return;
  }
  const started = Date.now();
  const file = await ledgerFile();
  const results: Result[] = [];
  const wanted = (name: string) => !values.only || values.only.split(',').includes(name);
  const ledger = await openLedger(file);
  try {
    if (wanted('dashboard')) results.push(await dashboard(ledger));
    if (wanted('today')) results.push(await todaysUnitsBench(ledger));
    if (wanted('items')) results.push(await itemsBench(ledger));
    if (wanted('ledger')) results.push(...(await ledgerPages(ledger)));
    if (wanted('paging')) results.push((await pagingBench(ledger, ROWS, work, measure, log)) as Result);
    if (wanted('quarterly')) results.push(await report(ledger));
  } finally {
    await ledger.close();
  }
  if (wanted('import')) results.push(await importBundleBench(await importSetUp()));
  if (wanted('close')) {
    // A province's ledger: ten years of history, a tenth of the rows (at most 100,000 pledges).
    const fixture = await closeFixture(
      work,
      Math.min(ROWS, Math.max(1_000, Math.round(ROWS / 10))),
      Number(values.offices),
      log,
    );
    results.push((await closeBench(work, fixture, Math.min(REPS, 3), measure)) as Result);
  }
  if (wanted('catalogue')) results.push((await catalogueBench(work, values.catalogue, REPS, measure)) as Result);
  if (wanted('open')) results.push(await open(file));
  clearInterval(sampler);
  const peakMb = Math.round(Math.max(peakRss, process.resourceUsage().maxRSS * 1024) / 1e6);
  const met = (r: Result) => r.ratio <= r.target.ratio && (r.target.ms === undefined || r.ms < r.target.ms);
  const table = [
    `| operation | ours (ms) | floor (ms) | ratio | target | met | peak memory (MB) |`,
    `|---|---:|---:|---:|---|---|---:|`,
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.ms} | ${r.floorMs} | ${r.ratio} | ≤ ${r.target.ratio}×${r.target.ms ? `, < ${r.target.ms} ms` : ''} | ${met(r) ? 'yes' : 'no'} | ${r.peakMb} |`,
    ),
  ].join('\n');
  process.stdout.write(
    `${ROWS} pledges, ${REPS} repetitions, peak memory ${peakMb} MB (target < 500 MB), ${Math.round((Date.now() - started) / 1000)} s\n\n${table}\n`,
  );
  if (values.json)
    writeFileSync(values.json, JSON.stringify({ rows: ROWS, reps: REPS, peakMemoryMb: peakMb, results }, null, 2));
  rmSync(work, { recursive: true, force: true });
}

main().catch((error) => {
  clearInterval(sampler);
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
