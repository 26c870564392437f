/** Test helpers: every test gets a real SQLite file in its own temporary folder, with the real migrations. */
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { contextFor } from '../db/core/context';
import { openLedger, type Ledger } from '../db/core/open';
import { seedPlaces } from '../db/seed';
import { createLedgerService, type LedgerService } from '../db/service';
import { idsFor } from './random';

export const ROOT = resolve(import.meta.dirname, '..');
export const FIXTURE = resolve(ROOT, 'db/samples/seed-aid-events.json');

export interface TestLedger {
  dir: string;
  file: string;
  ledger: Ledger;
  service: LedgerService;
  close(): Promise<void>;
}

export function tempDir(): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'aid-ledger-test-'));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

let ledgersOpened = 0;

export interface TempLedgerOptions {
  /** Seed Cao Bằng's places (the default). */
  seed?: boolean;
  siteName?: string;
  /**
   * Names the ledger's id sequence (`test/random.ts`): ledgers made inside a property name theirs (`site-0`, …), so a
   * counterexample replayed alone gets the same ids; otherwise the n-th ledger of the test file gets the n-th sequence.
   */
  ids?: string;
  /** A wall clock shared by the ledgers of one scenario (`scenarioClock()`); the real one by default. */
  clock?: () => number;
}

export async function tempLedger(options: TempLedgerOptions = {}): Promise<TestLedger> {
  const { dir, remove } = tempDir();
  const file = join(dir, 'ledger.sqlite');
  const ledger = await openLedger(file, {
    create: true,
    siteName: options.siteName ?? 'Máy thử nghiệm',
    ids: idsFor(options.ids ?? `ledger-${++ledgersOpened}`),
    ...(options.clock ? { wallClock: options.clock } : {}),
  });
  if (options.seed !== false) await ledger.db.transaction().execute((trx) => seedPlaces(contextFor(ledger, trx)));
  return {
    dir,
    file,
    ledger,
    service: createLedgerService(ledger),
    async close() {
      await ledger.close();
      remove();
    },
  };
}

/** How a ledger records another office it accepts: its role and place there (the card's by default). */
export interface AcceptAs {
  role?: 'province' | 'district';
  placeId?: string | null;
}

/**
 * Two offices that know each other: each accepts the other's card, with the code its screen shows (as read aloud over
 * the phone). `aAs`: how b records a; `bAs`: how a records b.
 */
export async function introduce(
  a: TestLedger | LedgerService,
  b: TestLedger | LedgerService,
  options: { aAs?: AcceptAs; bAs?: AcceptAs } = {},
): Promise<void> {
  const serviceOf = (t: TestLedger | LedgerService) => ('service' in t ? t.service : t);
  const accept = async (from: LedgerService, to: LedgerService, as: AcceptAs = {}) => {
    const card = await from.invoke('offices.card', {});
    await to.invoke('offices.accept', { card: card.text, officeCode: card.code, ...as });
  };
  await accept(serviceOf(a), serviceOf(b), options.aAs);
  await accept(serviceOf(b), serviceOf(a), options.bAs);
}

/** Counts of every ledger table, to show a failed call changed nothing. */
export function tableCounts(ledger: Ledger): Record<string, number> {
  const tables = [
    'places',
    'place_successors',
    'donors',
    'pledges',
    'deliveries',
    'exchange_rates',
    'audit_log',
    'settings',
  ];
  return Object.fromEntries(
    tables.map((t) => [t, (ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${t}`).get() as { n: number }).n]),
  );
}

/** Every table of a ledger file (the search index's too): its row count and a hash of its rows, to show nothing moved. */
export function tableHashes(ledger: Ledger): Record<string, { rows: number; hash: string }> {
  const tables = ledger.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((table) => {
      const rows = ledger.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all();
      const hash = createHash('sha256');
      for (const row of rows) hash.update(JSON.stringify(row, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
      return [table, { rows: rows.length, hash: hash.digest('hex').slice(0, 16) }];
    }),
  );
}

/**
 * Every totals table of a ledger next to the same totals computed here from its pledges and deliveries, without
 * rows whose measures are all zero (a group emptied by edits): the two must be equal.
 */
export function totalsAgainstRows(ledger: Ledger): {
  stored: Record<string, unknown[]>;
  fromRows: Record<string, unknown[]>;
} {
  const db = ledger.sqlite;
  const delivered = `deliveries x JOIN pledges p ON p.id = x.pledge_id`;
  const usdExact = `(x.currency = 'USD' AND x.amount_minor IS NOT NULL)`;
  const recomputed: Record<string, string> = {};
  // Lines of no aid item are kept under item ''.
  for (const [dimension, column] of [
    ['place', 'p.place_id'],
    ['donor', 'p.donor_id'],
    ['kind', 'p.kind'],
    ['item', `coalesce(p.item_id, '') AS item_id`],
  ]) {
    recomputed[`pledge_totals_by_${dimension}`] =
      `SELECT substr(pledge_date, 1, 7) AS month, ${column}, p.status, p.currency, count(*) AS n, sum(vnd_equivalent) AS vnd,
      sum(amount_minor) AS amount, sum(coalesce(quantity_milli, 0)) AS quantity_milli FROM pledges p GROUP BY 1, 2, 3, 4`;
    recomputed[`delivery_totals_by_${dimension}`] =
      `SELECT substr(x.delivery_date, 1, 7) AS month, ${column}, p.status, p.currency, ${usdExact} AS usd_exact,
      count(*) AS n, sum(x.vnd_equivalent) AS vnd, sum(coalesce(x.amount_minor, 0)) AS amount FROM ${delivered} GROUP BY 1, 2, 3, 4, 5`;
  }
  // And by the items' class: sector, modality and stage ('' for lines of no item).
  const itemClass = `coalesce(i.sector, '') AS sector, coalesce(i.modality, '') AS modality, coalesce(i.stage, '') AS stage`;
  recomputed.pledge_totals_by_item_class = `SELECT substr(pledge_date, 1, 7) AS month, ${itemClass}, p.status, p.currency, count(*) AS n, sum(vnd_equivalent) AS vnd,
    sum(amount_minor) AS amount, sum(coalesce(quantity_milli, 0)) AS quantity_milli FROM pledges p LEFT JOIN aid_items i ON i.id = p.item_id GROUP BY 1, 2, 3, 4, 5, 6`;
  recomputed.delivery_totals_by_item_class = `SELECT substr(x.delivery_date, 1, 7) AS month, ${itemClass}, p.status, p.currency, ${usdExact} AS usd_exact,
    count(*) AS n, sum(x.vnd_equivalent) AS vnd, sum(coalesce(x.amount_minor, 0)) AS amount FROM ${delivered} LEFT JOIN aid_items i ON i.id = p.item_id GROUP BY 1, 2, 3, 4, 5, 6, 7`;
  for (const [name, columns] of [
    ['place_kind', 'place_id, kind'],
    ['donor', 'donor_id'],
  ] as const) {
    for (const [span, length] of [
      ['y', 4],
      ['m', 7],
    ] as const) {
      const keys = columns.split(', ');
      recomputed[`pledge_report_totals_by_${name}/${span}`] =
        `SELECT '${span}' AS span, substr(pledge_date, 1, ${length}) AS period, ${columns}, status,
        sum(vnd_equivalent) AS vnd FROM pledges GROUP BY 2, ${columns}, status`;
      recomputed[`delivery_report_totals_by_${name}/${span}`] =
        `SELECT '${span}' AS span, substr(x.delivery_date, 1, ${length}) AS period,
        ${keys.map((k) => `p.${k}`).join(', ')}, p.status, sum(x.vnd_equivalent) AS vnd FROM ${delivered} GROUP BY 2, ${keys.map((k) => `p.${k}`).join(', ')}, p.status`;
    }
  }
  // The same by year, by place and by donor, and each aid item's lines and sums whole (schema 24).
  if (db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'item_line_totals'`).get()) {
    for (const [dimension, column] of [
      ['place', 'p.place_id'],
      ['donor', 'p.donor_id'],
    ]) {
      recomputed[`pledge_totals_by_${dimension}_year`] =
        `SELECT substr(pledge_date, 1, 4) AS year, ${column}, p.status, p.currency, count(*) AS n, sum(vnd_equivalent) AS vnd,
        sum(amount_minor) AS amount, sum(coalesce(quantity_milli, 0)) AS quantity_milli FROM pledges p GROUP BY 1, 2, 3, 4`;
      recomputed[`delivery_totals_by_${dimension}_year`] =
        `SELECT substr(x.delivery_date, 1, 4) AS year, ${column}, p.status, p.currency, ${usdExact} AS usd_exact,
        count(*) AS n, sum(x.vnd_equivalent) AS vnd, sum(coalesce(x.amount_minor, 0)) AS amount FROM ${delivered} GROUP BY 1, 2, 3, 4, 5`;
    }
    const live = `CASE WHEN p.status <> 'cancelled' THEN vnd_equivalent ELSE 0 END`;
    recomputed.item_line_totals = `SELECT item_id, sum(n) AS n, sum(committed) AS committed_vnd, sum(disbursed) AS disbursed_vnd FROM (
      SELECT coalesce(p.item_id, '') AS item_id, 1 AS n, ${live} AS committed, 0 AS disbursed FROM pledges p
      UNION ALL SELECT coalesce(p.item_id, ''), 0, 0, CASE WHEN p.status <> 'cancelled' THEN x.vnd_equivalent ELSE 0 END FROM ${delivered})
      GROUP BY item_id`;
  }
  const measures = ['n', 'vnd', 'amount', 'quantity_milli'];
  const nonZero = (rows: unknown[]) =>
    (rows as Record<string, unknown>[])
      .filter((r) => measures.some((m) => m in r && r[m] !== 0))
      .map((r) => JSON.stringify(r))
      .sort();
  const stored: Record<string, unknown[]> = {};
  const fromRows: Record<string, unknown[]> = {};
  for (const [key, query] of Object.entries(recomputed)) {
    const [table, span] = key.split('/');
    stored[key] = nonZero(db.prepare(`SELECT * FROM ${table}${span ? ` WHERE span = '${span}'` : ''}`).all());
    fromRows[key] = nonZero(db.prepare(query).all());
  }
  return { stored, fromRows };
}

/** Overwrites bytes in the middle of a ledger file, as a failing disk or a power cut might leave it. */
export function damageFile(file: string): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, 3 * 4096 + 100);
  } finally {
    closeSync(fd);
  }
}
