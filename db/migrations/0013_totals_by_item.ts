/**
 * Monthly totals by aid item, kept like those of `0005_monthly_totals`: figures by item (and totals of one item) read
 * these instead of every pledge of the period. Lines of no item count under item ''. Moving a line to another item
 * moves its figures and its deliveries'.
 *
 * And the same by the items' class — sector, modality and stage together, '' for lines of no item — for figures by
 * sector, modality or stage and totals filtered by them: a few rows a month instead of one per item. They are kept
 * from the totals by item by triggers on those tables (whichever way those change: a line's trigger or a bulk fold),
 * and an item whose sector, modality or stage changes moves its figures from its old class to its new one.
 *
 * Bulk writes log their changes with the line's item too (`totals_changes.item_id`), and fold them into these tables
 * with the others (`db/totals-bulk.ts`): the log triggers of `0008_totals_in_bulk` are made again with the item.
 */
import { sql, type Kysely } from 'kysely';

const ITEM = (row: string) => `coalesce(${row}.item_id, '')`;

const pledgeDelta = (
  row: 'NEW' | 'OLD',
  sign: 1 | -1,
) => `INSERT INTO pledge_totals_by_item (month, item_id, status, currency, n, vnd, amount, quantity_milli)
  VALUES (substr(${row}.pledge_date, 1, 7), ${ITEM(row)}, ${row}.status, ${row}.currency, ${sign}, ${sign} * ${row}.vnd_equivalent,
    ${sign} * ${row}.amount_minor, ${sign} * coalesce(${row}.quantity_milli, 0))
  ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount,
    quantity_milli = quantity_milli + excluded.quantity_milli;`;

const UPSERT_DELIVERED = `ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount;`;

const deliveryDelta = (
  row: 'NEW' | 'OLD',
  sign: 1 | -1,
) => `INSERT INTO delivery_totals_by_item (month, item_id, status, currency, usd_exact, n, vnd, amount)
  SELECT substr(${row}.delivery_date, 1, 7), ${ITEM('p')}, p.status, p.currency, (${row}.currency = 'USD' AND ${row}.amount_minor IS NOT NULL),
    ${sign}, ${sign} * ${row}.vnd_equivalent, ${sign} * coalesce(${row}.amount_minor, 0)
  FROM pledges p WHERE p.id = ${row}.pledge_id
  ${UPSERT_DELIVERED}`;

const pledgeDeliveriesDelta = (
  row: 'NEW' | 'OLD',
  sign: 1 | -1,
) => `INSERT INTO delivery_totals_by_item (month, item_id, status, currency, usd_exact, n, vnd, amount)
  SELECT substr(x.delivery_date, 1, 7), ${ITEM(row)}, ${row}.status, ${row}.currency, (x.currency = 'USD' AND x.amount_minor IS NOT NULL) AS usd_exact,
    ${sign} * count(*), ${sign} * sum(x.vnd_equivalent), ${sign} * sum(coalesce(x.amount_minor, 0))
  FROM deliveries x WHERE x.pledge_id = ${row}.id GROUP BY 1, 5
  ${UPSERT_DELIVERED}`;

// The same changes logged for a bulk write (as in 0008), now with the line's item.
const COLUMNS = `(side, sign, date, place_id, donor_id, kind, status, currency, usd_exact, vnd, amount, quantity_milli, item_id)`;
const pledgeChange = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO totals_changes ${COLUMNS}
  VALUES ('pledge', ${sign}, ${row}.pledge_date, ${row}.place_id, ${row}.donor_id, ${row}.kind, ${row}.status, ${row}.currency, 0,
    ${row}.vnd_equivalent, ${row}.amount_minor, coalesce(${row}.quantity_milli, 0), ${ITEM(row)});`;
const deliveryChange = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO totals_changes ${COLUMNS}
  SELECT 'delivery', ${sign}, ${row}.delivery_date, p.place_id, p.donor_id, p.kind, p.status, p.currency,
    (${row}.currency = 'USD' AND ${row}.amount_minor IS NOT NULL), ${row}.vnd_equivalent, coalesce(${row}.amount_minor, 0), 0, ${ITEM('p')}
  FROM pledges p WHERE p.id = ${row}.pledge_id;`;
const pledgeDeliveriesChange = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO totals_changes ${COLUMNS}
  SELECT 'delivery', ${sign}, x.delivery_date, ${row}.place_id, ${row}.donor_id, ${row}.kind, ${row}.status, ${row}.currency,
    (x.currency = 'USD' AND x.amount_minor IS NOT NULL), x.vnd_equivalent, coalesce(x.amount_minor, 0), 0, ${ITEM(row)}
  FROM deliveries x WHERE x.pledge_id = ${row}.id;`;

const PLEDGE_CHANGED = `OLD.pledge_date IS NOT NEW.pledge_date OR OLD.place_id IS NOT NEW.place_id OR OLD.donor_id IS NOT NEW.donor_id
  OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent
  OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.quantity_milli IS NOT NEW.quantity_milli OR OLD.item_id IS NOT NEW.item_id`;
const PLEDGE_GROUPS_CHANGED = `OLD.place_id IS NOT NEW.place_id OR OLD.donor_id IS NOT NEW.donor_id OR OLD.kind IS NOT NEW.kind
  OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency OR OLD.item_id IS NOT NEW.item_id`;
const DELIVERY_CHANGED = `OLD.pledge_id IS NOT NEW.pledge_id OR OLD.delivery_date IS NOT NEW.delivery_date OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent
  OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.currency IS NOT NEW.currency`;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`CREATE TABLE pledge_totals_by_item (
    month TEXT NOT NULL, item_id TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL,
    n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL, quantity_milli INTEGER NOT NULL,
    PRIMARY KEY (month, item_id, status, currency)
  ) WITHOUT ROWID`);
  await run(`CREATE TABLE delivery_totals_by_item (
    month TEXT NOT NULL, item_id TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL, usd_exact INTEGER NOT NULL,
    n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (month, item_id, status, currency, usd_exact)
  ) WITHOUT ROWID`);
  await run(`INSERT INTO pledge_totals_by_item SELECT substr(pledge_date, 1, 7), coalesce(item_id, ''), status, currency,
    count(*), sum(vnd_equivalent), sum(amount_minor), coalesce(sum(quantity_milli), 0) FROM pledges GROUP BY 1, 2, 3, 4`);
  await run(`INSERT INTO delivery_totals_by_item SELECT substr(x.delivery_date, 1, 7), coalesce(p.item_id, ''), p.status, p.currency,
    (x.currency = 'USD' AND x.amount_minor IS NOT NULL), count(*), sum(x.vnd_equivalent), sum(coalesce(x.amount_minor, 0))
    FROM deliveries x JOIN pledges p ON p.id = x.pledge_id GROUP BY 1, 2, 3, 4, 5`);

  // By class: kept from the totals by item, and moved when an item changes class.
  await run(`CREATE INDEX pledge_totals_by_item_item ON pledge_totals_by_item (item_id)`);
  await run(`CREATE INDEX delivery_totals_by_item_item ON delivery_totals_by_item (item_id)`);
  await run(`CREATE TABLE pledge_totals_by_item_class (
    month TEXT NOT NULL, sector TEXT NOT NULL, modality TEXT NOT NULL, stage TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL,
    n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL, quantity_milli INTEGER NOT NULL,
    PRIMARY KEY (month, sector, modality, stage, status, currency)
  ) WITHOUT ROWID`);
  await run(`CREATE TABLE delivery_totals_by_item_class (
    month TEXT NOT NULL, sector TEXT NOT NULL, modality TEXT NOT NULL, stage TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL,
    usd_exact INTEGER NOT NULL, n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL,
    PRIMARY KEY (month, sector, modality, stage, status, currency, usd_exact)
  ) WITHOUT ROWID`);
  const classOf = `coalesce(i.sector, ''), coalesce(i.modality, ''), coalesce(i.stage, '')`;
  await run(`INSERT INTO pledge_totals_by_item_class SELECT t.month, ${classOf}, t.status, t.currency, sum(t.n), sum(t.vnd), sum(t.amount), sum(t.quantity_milli)
    FROM pledge_totals_by_item t LEFT JOIN aid_items i ON i.id = t.item_id GROUP BY 1, 2, 3, 4, 5, 6`);
  await run(`INSERT INTO delivery_totals_by_item_class SELECT t.month, ${classOf}, t.status, t.currency, t.usd_exact, sum(t.n), sum(t.vnd), sum(t.amount)
    FROM delivery_totals_by_item t LEFT JOIN aid_items i ON i.id = t.item_id GROUP BY 1, 2, 3, 4, 5, 6, 7`);
  const UPSERT_PLEDGED = `ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount,
    quantity_milli = quantity_milli + excluded.quantity_milli;`;
  /** A totals-by-item row (NEW or OLD) added to its item's class, with its sign. */
  const pledgedClass = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO pledge_totals_by_item_class
    SELECT ${row}.month, ${classOf}, ${row}.status, ${row}.currency, ${sign} * ${row}.n, ${sign} * ${row}.vnd, ${sign} * ${row}.amount, ${sign} * ${row}.quantity_milli
    FROM (SELECT 1) LEFT JOIN aid_items i ON i.id = ${row}.item_id WHERE true ${UPSERT_PLEDGED}`;
  const deliveredClass = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO delivery_totals_by_item_class
    SELECT ${row}.month, ${classOf}, ${row}.status, ${row}.currency, ${row}.usd_exact, ${sign} * ${row}.n, ${sign} * ${row}.vnd, ${sign} * ${row}.amount
    FROM (SELECT 1) LEFT JOIN aid_items i ON i.id = ${row}.item_id WHERE true ${UPSERT_DELIVERED}`;
  for (const [side, add] of [
    ['pledge', pledgedClass],
    ['delivery', deliveredClass],
  ] as const) {
    await run(
      `CREATE TRIGGER ${side}_totals_by_item_class_insert AFTER INSERT ON ${side}_totals_by_item BEGIN ${add('NEW', 1)} END`,
    );
    await run(
      `CREATE TRIGGER ${side}_totals_by_item_class_update AFTER UPDATE ON ${side}_totals_by_item BEGIN ${add('OLD', -1)} ${add('NEW', 1)} END`,
    );
    await run(
      `CREATE TRIGGER ${side}_totals_by_item_class_delete AFTER DELETE ON ${side}_totals_by_item BEGIN ${add('OLD', -1)} END`,
    );
  }
  /** An item's figures moved out of its old class (OLD) or into its new one (NEW). */
  const moveClass = (row: 'NEW' | 'OLD', sign: 1 | -1) => `
    INSERT INTO pledge_totals_by_item_class SELECT t.month, ${row}.sector, ${row}.modality, ${row}.stage, t.status, t.currency,
      ${sign} * t.n, ${sign} * t.vnd, ${sign} * t.amount, ${sign} * t.quantity_milli FROM pledge_totals_by_item t WHERE t.item_id = ${row}.id ${UPSERT_PLEDGED}
    INSERT INTO delivery_totals_by_item_class SELECT t.month, ${row}.sector, ${row}.modality, ${row}.stage, t.status, t.currency, t.usd_exact,
      ${sign} * t.n, ${sign} * t.vnd, ${sign} * t.amount FROM delivery_totals_by_item t WHERE t.item_id = ${row}.id ${UPSERT_DELIVERED}`;
  await run(`CREATE TRIGGER aid_items_totals_class AFTER UPDATE ON aid_items
    WHEN OLD.sector IS NOT NEW.sector OR OLD.modality IS NOT NEW.modality OR OLD.stage IS NOT NEW.stage BEGIN
    ${moveClass('OLD', -1)} ${moveClass('NEW', 1)} END`);

  const direct = `totals_deferred() = 0`;
  await run(
    `CREATE TRIGGER pledges_item_totals_insert AFTER INSERT ON pledges WHEN ${direct} BEGIN ${pledgeDelta('NEW', 1)} END`,
  );
  await run(
    `CREATE TRIGGER pledges_item_totals_delete AFTER DELETE ON pledges WHEN ${direct} BEGIN ${pledgeDelta('OLD', -1)} END`,
  );
  await run(`CREATE TRIGGER pledges_item_totals_update AFTER UPDATE ON pledges WHEN ${direct} AND (${PLEDGE_CHANGED}) BEGIN
    ${pledgeDelta('OLD', -1)} ${pledgeDelta('NEW', 1)} END`);
  // A line's deliveries count under its item, status and currency: they move with it.
  await run(`CREATE TRIGGER pledges_item_totals_move_deliveries AFTER UPDATE ON pledges
    WHEN ${direct} AND (OLD.item_id IS NOT NEW.item_id OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency) BEGIN
    ${pledgeDeliveriesDelta('OLD', -1)} ${pledgeDeliveriesDelta('NEW', 1)} END`);
  await run(
    `CREATE TRIGGER deliveries_item_totals_insert AFTER INSERT ON deliveries WHEN ${direct} BEGIN ${deliveryDelta('NEW', 1)} END`,
  );
  await run(
    `CREATE TRIGGER deliveries_item_totals_delete AFTER DELETE ON deliveries WHEN ${direct} BEGIN ${deliveryDelta('OLD', -1)} END`,
  );
  await run(`CREATE TRIGGER deliveries_item_totals_update AFTER UPDATE ON deliveries WHEN ${direct} AND (${DELIVERY_CHANGED}) BEGIN
    ${deliveryDelta('OLD', -1)} ${deliveryDelta('NEW', 1)} END`);

  // The bulk log carries the item; its triggers are made again to fill it (and to log a line moved to another item).
  await run(`ALTER TABLE totals_changes ADD COLUMN item_id TEXT NOT NULL DEFAULT ''`);
  for (const name of [
    'pledges_totals_log_insert',
    'pledges_totals_log_delete',
    'pledges_totals_log_update',
    'pledges_totals_log_move_deliveries',
    'deliveries_totals_log_insert',
    'deliveries_totals_log_delete',
    'deliveries_totals_log_update',
  ])
    await run(`DROP TRIGGER ${name}`);
  const deferred = `totals_deferred() = 1`;
  await run(
    `CREATE TRIGGER pledges_totals_log_insert AFTER INSERT ON pledges WHEN ${deferred} BEGIN ${pledgeChange('NEW', 1)} END`,
  );
  await run(
    `CREATE TRIGGER pledges_totals_log_delete AFTER DELETE ON pledges WHEN ${deferred} BEGIN ${pledgeChange('OLD', -1)} END`,
  );
  await run(`CREATE TRIGGER pledges_totals_log_update AFTER UPDATE ON pledges WHEN ${deferred} AND (${PLEDGE_CHANGED}) BEGIN
    ${pledgeChange('OLD', -1)} ${pledgeChange('NEW', 1)} END`);
  await run(`CREATE TRIGGER pledges_totals_log_move_deliveries AFTER UPDATE ON pledges WHEN ${deferred} AND (${PLEDGE_GROUPS_CHANGED}) BEGIN
    ${pledgeDeliveriesChange('OLD', -1)} ${pledgeDeliveriesChange('NEW', 1)} END`);
  await run(
    `CREATE TRIGGER deliveries_totals_log_insert AFTER INSERT ON deliveries WHEN ${deferred} BEGIN ${deliveryChange('NEW', 1)} END`,
  );
  await run(
    `CREATE TRIGGER deliveries_totals_log_delete AFTER DELETE ON deliveries WHEN ${deferred} BEGIN ${deliveryChange('OLD', -1)} END`,
  );
  await run(`CREATE TRIGGER deliveries_totals_log_update AFTER UPDATE ON deliveries WHEN ${deferred} AND (${DELIVERY_CHANGED}) BEGIN
    ${deliveryChange('OLD', -1)} ${deliveryChange('NEW', 1)} END`);
}
