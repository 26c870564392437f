/**
 * Totals kept in bulk. The triggers of `0005_monthly_totals` and `0007_report_totals` update fourteen totals tables
 * on every pledge or delivery written: right for one edit, costly for the hundred thousand rows of a bundle merge.
 * While `totals_deferred()` is 1 (set only inside a bulk write's transaction) they stand aside and one small row per
 * change goes to `totals_changes` instead; the writer then folds that log into the totals with one grouped statement
 * per table, in the same transaction (`db/totals-bulk.ts`). Each logged row is the change the per-row triggers would
 * have made, read at the same moment (a delivery under its pledge's place, donor, kind, status and currency), so the
 * folded totals are the same.
 */
import { sql, type Kysely } from 'kysely';

/** A pledge row (NEW or OLD) as a change of the given sign. */
const pledgeChange = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO totals_changes
  (side, sign, date, place_id, donor_id, kind, status, currency, usd_exact, vnd, amount, quantity_milli)
  VALUES ('pledge', ${sign}, ${row}.pledge_date, ${row}.place_id, ${row}.donor_id, ${row}.kind, ${row}.status, ${row}.currency, 0,
    ${row}.vnd_equivalent, ${row}.amount_minor, coalesce(${row}.quantity_milli, 0));`;

/** A delivery row as a change, under its pledge. */
const deliveryChange = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO totals_changes
  (side, sign, date, place_id, donor_id, kind, status, currency, usd_exact, vnd, amount, quantity_milli)
  SELECT 'delivery', ${sign}, ${row}.delivery_date, p.place_id, p.donor_id, p.kind, p.status, p.currency,
    (${row}.currency = 'USD' AND ${row}.amount_minor IS NOT NULL), ${row}.vnd_equivalent, coalesce(${row}.amount_minor, 0), 0
  FROM pledges p WHERE p.id = ${row}.pledge_id;`;

/** Every delivery of a pledge, under the pledge as it was (OLD) or is (NEW). */
const pledgeDeliveriesChange = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO totals_changes
  (side, sign, date, place_id, donor_id, kind, status, currency, usd_exact, vnd, amount, quantity_milli)
  SELECT 'delivery', ${sign}, x.delivery_date, ${row}.place_id, ${row}.donor_id, ${row}.kind, ${row}.status, ${row}.currency,
    (x.currency = 'USD' AND x.amount_minor IS NOT NULL), x.vnd_equivalent, coalesce(x.amount_minor, 0), 0
  FROM deliveries x WHERE x.pledge_id = ${row}.id;`;

const PLEDGE_CHANGED = `OLD.pledge_date IS NOT NEW.pledge_date OR OLD.place_id IS NOT NEW.place_id OR OLD.donor_id IS NOT NEW.donor_id
  OR OLD.kind IS NOT NEW.kind OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent
  OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.quantity_milli IS NOT NEW.quantity_milli`;
const PLEDGE_GROUPS_CHANGED = `OLD.place_id IS NOT NEW.place_id OR OLD.donor_id IS NOT NEW.donor_id OR OLD.kind IS NOT NEW.kind
  OR OLD.status IS NOT NEW.status OR OLD.currency IS NOT NEW.currency`;
const DELIVERY_CHANGED = `OLD.pledge_id IS NOT NEW.pledge_id OR OLD.delivery_date IS NOT NEW.delivery_date OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent
  OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.currency IS NOT NEW.currency`;

/** `CREATE TRIGGER name AFTER event ON table [WHEN condition] BEGIN`: the head of a trigger as SQLite keeps its text. */
const TRIGGER_HEAD = /^CREATE TRIGGER (\w+) AFTER (INSERT|UPDATE|DELETE) ON (\w+)\s+(?:WHEN\s+([\s\S]*?)\s+)?BEGIN\b/;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  await run(`CREATE TABLE totals_changes (
    side TEXT NOT NULL, sign INTEGER NOT NULL, date TEXT NOT NULL, place_id TEXT NOT NULL, donor_id TEXT NOT NULL, kind TEXT NOT NULL,
    status TEXT NOT NULL, currency TEXT NOT NULL, usd_exact INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL, quantity_milli INTEGER NOT NULL
  )`);
  // The per-row totals triggers stand aside while totals are deferred.
  const triggers = await sql<{ name: string; sql: string }>`SELECT name, sql FROM sqlite_master
    WHERE type = 'trigger' AND tbl_name IN ('pledges', 'deliveries') AND name LIKE '%totals%' ORDER BY name`.execute(
    db,
  );
  for (const trigger of triggers.rows) {
    const head = TRIGGER_HEAD.exec(trigger.sql);
    if (!head) throw new Error(`unexpected trigger ${trigger.name}`);
    const [whole, name, event, table, condition] = head;
    const when = `totals_deferred() = 0${condition ? ` AND (${condition})` : ''}`;
    await run(`DROP TRIGGER ${name}`);
    await run(`CREATE TRIGGER ${name} AFTER ${event} ON ${table} WHEN ${when} BEGIN${trigger.sql.slice(whole.length)}`);
  }
  const deferred = `totals_deferred() = 1`;
  await run(
    `CREATE TRIGGER pledges_totals_log_insert AFTER INSERT ON pledges WHEN ${deferred} BEGIN ${pledgeChange('NEW', 1)} END`,
  );
  await run(
    `CREATE TRIGGER pledges_totals_log_delete AFTER DELETE ON pledges WHEN ${deferred} BEGIN ${pledgeChange('OLD', -1)} END`,
  );
  await run(`CREATE TRIGGER pledges_totals_log_update AFTER UPDATE ON pledges WHEN ${deferred} AND (${PLEDGE_CHANGED}) BEGIN
    ${pledgeChange('OLD', -1)} ${pledgeChange('NEW', 1)} END`);
  // A pledge's deliveries count under its place, donor, kind, status and currency: they move with it.
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
