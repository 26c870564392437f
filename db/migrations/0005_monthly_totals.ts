/**
 * Monthly totals kept in step with pledges and deliveries by triggers, in the same transaction as every write
 * (whichever code makes it: forms, imports, bundle merges). The dashboard's totals for whole months read these small
 * tables instead of every pledge of the period. One table per dimension a dashboard groups or filters by (place,
 * donor, kind), each also keyed by status and currency so the usual filters still apply; quarter and currency
 * groupings read the kind table. Deliveries are counted under their pledge's place, donor, kind, status and
 * currency, and by whether their USD value is exact (a USD delivery with an amount).
 */
import { sql, type Kysely } from 'kysely';

const DIMENSIONS = [
  ['place', 'place_id'],
  ['donor', 'donor_id'],
  ['kind', 'kind'],
] as const;

/** The change a pledge row (NEW or OLD) makes to one pledged table, with its sign. */
function pledgeDelta(dimension: string, column: string, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO pledge_totals_by_${dimension} (month, ${column}, status, currency, n, vnd, amount, quantity_milli)
    VALUES (substr(${row}.pledge_date, 1, 7), ${row}.${column}, ${row}.status, ${row}.currency, ${sign}, ${sign} * ${row}.vnd_equivalent,
      ${sign} * ${row}.amount_minor, ${sign} * coalesce(${row}.quantity_milli, 0))
    ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount,
      quantity_milli = quantity_milli + excluded.quantity_milli;`;
}

const UPSERT_DELIVERED = `ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount;`;

/** The change one delivery row makes to one delivered table, through its pledge. */
function deliveryDelta(dimension: string, column: string, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO delivery_totals_by_${dimension} (month, ${column}, status, currency, usd_exact, n, vnd, amount)
    SELECT substr(${row}.delivery_date, 1, 7), p.${column}, p.status, p.currency, (${row}.currency = 'USD' AND ${row}.amount_minor IS NOT NULL),
      ${sign}, ${sign} * ${row}.vnd_equivalent, ${sign} * coalesce(${row}.amount_minor, 0)
    FROM pledges p WHERE p.id = ${row}.pledge_id
    ${UPSERT_DELIVERED}`;
}

/** All deliveries of a pledge moved out of (OLD) or into (NEW) its pledge's groups. */
function pledgeDeliveriesDelta(dimension: string, column: string, row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO delivery_totals_by_${dimension} (month, ${column}, status, currency, usd_exact, n, vnd, amount)
    SELECT substr(x.delivery_date, 1, 7), ${row}.${column}, ${row}.status, ${row}.currency, (x.currency = 'USD' AND x.amount_minor IS NOT NULL) AS usd_exact,
      ${sign} * count(*), ${sign} * sum(x.vnd_equivalent), ${sign} * sum(coalesce(x.amount_minor, 0))
    FROM deliveries x WHERE x.pledge_id = ${row}.id GROUP BY 1, 5
    ${UPSERT_DELIVERED}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  for (const [dimension, column] of DIMENSIONS) {
    await run(`CREATE TABLE pledge_totals_by_${dimension} (
      month TEXT NOT NULL, ${column} TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL,
      n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL, quantity_milli INTEGER NOT NULL,
      PRIMARY KEY (month, ${column}, status, currency)
    ) WITHOUT ROWID`);
    await run(`CREATE TABLE delivery_totals_by_${dimension} (
      month TEXT NOT NULL, ${column} TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL, usd_exact INTEGER NOT NULL,
      n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL,
      PRIMARY KEY (month, ${column}, status, currency, usd_exact)
    ) WITHOUT ROWID`);
    await run(`INSERT INTO pledge_totals_by_${dimension} SELECT substr(pledge_date, 1, 7), ${column}, status, currency,
      count(*), sum(vnd_equivalent), sum(amount_minor), coalesce(sum(quantity_milli), 0) FROM pledges GROUP BY 1, 2, 3, 4`);
    await run(`INSERT INTO delivery_totals_by_${dimension} SELECT substr(x.delivery_date, 1, 7), p.${column}, p.status, p.currency,
      (x.currency = 'USD' AND x.amount_minor IS NOT NULL), count(*), sum(x.vnd_equivalent), sum(coalesce(x.amount_minor, 0))
      FROM deliveries x JOIN pledges p ON p.id = x.pledge_id GROUP BY 1, 2, 3, 4, 5`);
  }
  const each = (make: (dimension: string, column: string) => string) =>
    DIMENSIONS.map(([d, c]) => make(d, c)).join('\n');
  await run(`CREATE TRIGGER pledges_totals_insert AFTER INSERT ON pledges BEGIN
    ${each((d, c) => pledgeDelta(d, c, 'NEW', 1))}
  END`);
  await run(`CREATE TRIGGER pledges_totals_delete AFTER DELETE ON pledges BEGIN
    ${each((d, c) => pledgeDelta(d, c, 'OLD', -1))}
  END`);
  await run(`CREATE TRIGGER pledges_totals_update AFTER UPDATE ON pledges
    WHEN OLD.pledge_date IS NOT NEW.pledge_date OR OLD.place_id IS NOT NEW.place_id OR OLD.donor_id IS NOT NEW.donor_id OR OLD.kind IS NOT NEW.kind
      OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent
      OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.quantity_milli IS NOT NEW.quantity_milli BEGIN
    ${each((d, c) => pledgeDelta(d, c, 'OLD', -1))}
    ${each((d, c) => pledgeDelta(d, c, 'NEW', 1))}
  END`);
  // A pledge's deliveries count under its place, donor, kind, status and currency: they move with it.
  await run(`CREATE TRIGGER pledges_totals_move_deliveries AFTER UPDATE ON pledges
    WHEN OLD.place_id IS NOT NEW.place_id OR OLD.donor_id IS NOT NEW.donor_id OR OLD.kind IS NOT NEW.kind
      OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency BEGIN
    ${each((d, c) => pledgeDeliveriesDelta(d, c, 'OLD', -1))}
    ${each((d, c) => pledgeDeliveriesDelta(d, c, 'NEW', 1))}
  END`);
  await run(`CREATE TRIGGER deliveries_totals_insert AFTER INSERT ON deliveries BEGIN
    ${each((d, c) => deliveryDelta(d, c, 'NEW', 1))}
  END`);
  await run(`CREATE TRIGGER deliveries_totals_delete AFTER DELETE ON deliveries BEGIN
    ${each((d, c) => deliveryDelta(d, c, 'OLD', -1))}
  END`);
  await run(`CREATE TRIGGER deliveries_totals_update AFTER UPDATE ON deliveries
    WHEN OLD.pledge_id IS NOT NEW.pledge_id OR OLD.delivery_date IS NOT NEW.delivery_date OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent
      OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.currency IS NOT NEW.currency BEGIN
    ${each((d, c) => deliveryDelta(d, c, 'OLD', -1))}
    ${each((d, c) => deliveryDelta(d, c, 'NEW', 1))}
  END`);
}
