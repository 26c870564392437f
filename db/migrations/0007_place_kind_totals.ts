/**
 * Monthly totals by place and kind together, kept in step by triggers like the others of `0005_monthly_totals`.
 * The quarterly report's summary shows each kind in each place with its figures to date (everything pledged and
 * delivered up to the period's end); these read a few thousand monthly rows instead of every earlier pledge.
 */
import { sql, type Kysely } from 'kysely';

const KEY = ['place_id', 'kind'] as const;
const keyOf = (row: string) => KEY.map((c) => `${row}.${c}`).join(', ');

function pledgeDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO pledge_totals_by_place_kind (month, place_id, kind, status, currency, n, vnd, amount, quantity_milli)
    VALUES (substr(${row}.pledge_date, 1, 7), ${keyOf(row)}, ${row}.status, ${row}.currency, ${sign}, ${sign} * ${row}.vnd_equivalent,
      ${sign} * ${row}.amount_minor, ${sign} * coalesce(${row}.quantity_milli, 0))
    ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount,
      quantity_milli = quantity_milli + excluded.quantity_milli;`;
}

const UPSERT_DELIVERED = `ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount;`;

function deliveryDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO delivery_totals_by_place_kind (month, place_id, kind, status, currency, usd_exact, n, vnd, amount)
    SELECT substr(${row}.delivery_date, 1, 7), ${keyOf('p')}, p.status, p.currency, (${row}.currency = 'USD' AND ${row}.amount_minor IS NOT NULL),
      ${sign}, ${sign} * ${row}.vnd_equivalent, ${sign} * coalesce(${row}.amount_minor, 0)
    FROM pledges p WHERE p.id = ${row}.pledge_id
    ${UPSERT_DELIVERED}`;
}

/** All deliveries of a pledge moved out of (OLD) or into (NEW) its pledge's group. */
function pledgeDeliveriesDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return `INSERT INTO delivery_totals_by_place_kind (month, place_id, kind, status, currency, usd_exact, n, vnd, amount)
    SELECT substr(x.delivery_date, 1, 7), ${keyOf(row)}, ${row}.status, ${row}.currency, (x.currency = 'USD' AND x.amount_minor IS NOT NULL) AS usd_exact,
      ${sign} * count(*), ${sign} * sum(x.vnd_equivalent), ${sign} * sum(coalesce(x.amount_minor, 0))
    FROM deliveries x WHERE x.pledge_id = ${row}.id GROUP BY 1, 6
    ${UPSERT_DELIVERED}`;
}

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`CREATE TABLE pledge_totals_by_place_kind (
    month TEXT NOT NULL, place_id TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL,
    n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL, quantity_milli INTEGER NOT NULL,
    PRIMARY KEY (month, place_id, kind, status, currency)
  ) WITHOUT ROWID`);
  await run(`CREATE TABLE delivery_totals_by_place_kind (
    month TEXT NOT NULL, place_id TEXT NOT NULL, kind TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL, usd_exact INTEGER NOT NULL,
    n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (month, place_id, kind, status, currency, usd_exact)
  ) WITHOUT ROWID`);
  await run(`INSERT INTO pledge_totals_by_place_kind SELECT substr(pledge_date, 1, 7), place_id, kind, status, currency,
    count(*), sum(vnd_equivalent), sum(amount_minor), coalesce(sum(quantity_milli), 0) FROM pledges GROUP BY 1, 2, 3, 4, 5`);
  await run(`INSERT INTO delivery_totals_by_place_kind SELECT substr(x.delivery_date, 1, 7), p.place_id, p.kind, p.status, p.currency,
    (x.currency = 'USD' AND x.amount_minor IS NOT NULL), count(*), sum(x.vnd_equivalent), sum(coalesce(x.amount_minor, 0))
    FROM deliveries x JOIN pledges p ON p.id = x.pledge_id GROUP BY 1, 2, 3, 4, 5, 6`);
  await run(`CREATE TRIGGER pledges_place_kind_insert AFTER INSERT ON pledges BEGIN ${pledgeDelta('NEW', 1)} END`);
  await run(`CREATE TRIGGER pledges_place_kind_delete AFTER DELETE ON pledges BEGIN ${pledgeDelta('OLD', -1)} END`);
  await run(`CREATE TRIGGER pledges_place_kind_update AFTER UPDATE ON pledges
    WHEN OLD.pledge_date IS NOT NEW.pledge_date OR OLD.place_id IS NOT NEW.place_id OR OLD.kind IS NOT NEW.kind
      OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent
      OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.quantity_milli IS NOT NEW.quantity_milli BEGIN
    ${pledgeDelta('OLD', -1)}
    ${pledgeDelta('NEW', 1)}
  END`);
  await run(`CREATE TRIGGER pledges_place_kind_move_deliveries AFTER UPDATE ON pledges
    WHEN OLD.place_id IS NOT NEW.place_id OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency BEGIN
    ${pledgeDeliveriesDelta('OLD', -1)}
    ${pledgeDeliveriesDelta('NEW', 1)}
  END`);
  await run(`CREATE TRIGGER deliveries_place_kind_insert AFTER INSERT ON deliveries BEGIN ${deliveryDelta('NEW', 1)} END`);
  await run(`CREATE TRIGGER deliveries_place_kind_delete AFTER DELETE ON deliveries BEGIN ${deliveryDelta('OLD', -1)} END`);
  await run(`CREATE TRIGGER deliveries_place_kind_update AFTER UPDATE ON deliveries
    WHEN OLD.pledge_id IS NOT NEW.pledge_id OR OLD.delivery_date IS NOT NEW.delivery_date OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent
      OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.currency IS NOT NEW.currency BEGIN
    ${deliveryDelta('OLD', -1)}
    ${deliveryDelta('NEW', 1)}
  END`);
}
