/**
 * Each aid item's lines, what they commit and what was disbursed on them, kept whole (not by month) for the list of
 * items: a national ledger holds a hundred thousand items, and summing each one's lines through the pledges and their
 * deliveries took seconds. Kept from the monthly totals by item (`0013_totals_by_item`) by triggers on those tables,
 * whichever way those change (a line's trigger or a bulk write's fold), as the totals by the items' class are. Lines of
 * no item count under item ''. As the list always showed them: every line counted, cancelled lines in no sum.
 *
 * The monthly totals by place and by donor summed by year too, for figures of whole years and of all time: a year of
 * a ledger's donors is a few thousand rows instead of tens of thousands. Kept from the monthly tables by triggers, the
 * same way.
 *
 * And a count of the changes to the items, to the donors (whose names the list shows) and to the sums of lines in an
 * item, so that the list read once is known to be the same until one of them moves (a pledge saved outside any item
 * changes none of them).
 */
import { sql, type Kysely } from 'kysely';

const LIVE = (row: string) => `CASE WHEN ${row}.status <> 'cancelled' THEN ${row}.vnd ELSE 0 END`;

/** A monthly totals row (NEW or OLD) added to its item's whole sums, with its sign. */
const pledged = (
  row: 'NEW' | 'OLD',
  sign: 1 | -1,
) => `INSERT INTO item_line_totals (item_id, n, committed_vnd, disbursed_vnd)
  VALUES (${row}.item_id, ${sign} * ${row}.n, ${sign} * ${LIVE(row)}, 0)
  ON CONFLICT DO UPDATE SET n = n + excluded.n, committed_vnd = committed_vnd + excluded.committed_vnd;`;
const delivered = (
  row: 'NEW' | 'OLD',
  sign: 1 | -1,
) => `INSERT INTO item_line_totals (item_id, n, committed_vnd, disbursed_vnd)
  VALUES (${row}.item_id, 0, 0, ${sign} * ${LIVE(row)})
  ON CONFLICT DO UPDATE SET disbursed_vnd = disbursed_vnd + excluded.disbursed_vnd;`;

const counted = (name: string) => `UPDATE change_counts SET n = n + 1 WHERE name = '${name}';`;

/** The yearly tables: their key column, and the columns of the monthly tables' rows they sum. */
const YEARLY = [
  ['place', 'place_id'],
  ['donor', 'donor_id'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  for (const [dimension, column] of YEARLY) {
    await run(`CREATE TABLE pledge_totals_by_${dimension}_year (
      year TEXT NOT NULL, ${column} TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL,
      n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL, quantity_milli INTEGER NOT NULL,
      PRIMARY KEY (year, ${column}, status, currency)
    ) WITHOUT ROWID`);
    await run(`CREATE TABLE delivery_totals_by_${dimension}_year (
      year TEXT NOT NULL, ${column} TEXT NOT NULL, status TEXT NOT NULL, currency TEXT NOT NULL, usd_exact INTEGER NOT NULL,
      n INTEGER NOT NULL, vnd INTEGER NOT NULL, amount INTEGER NOT NULL,
      PRIMARY KEY (year, ${column}, status, currency, usd_exact)
    ) WITHOUT ROWID`);
    await run(`INSERT INTO pledge_totals_by_${dimension}_year SELECT substr(month, 1, 4), ${column}, status, currency,
      sum(n), sum(vnd), sum(amount), sum(quantity_milli) FROM pledge_totals_by_${dimension} GROUP BY 1, 2, 3, 4`);
    await run(`INSERT INTO delivery_totals_by_${dimension}_year SELECT substr(month, 1, 4), ${column}, status, currency, usd_exact,
      sum(n), sum(vnd), sum(amount) FROM delivery_totals_by_${dimension} GROUP BY 1, 2, 3, 4, 5`);
    const pledgedYear = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO pledge_totals_by_${dimension}_year
      VALUES (substr(${row}.month, 1, 4), ${row}.${column}, ${row}.status, ${row}.currency, ${sign} * ${row}.n, ${sign} * ${row}.vnd,
        ${sign} * ${row}.amount, ${sign} * ${row}.quantity_milli)
      ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount,
        quantity_milli = quantity_milli + excluded.quantity_milli;`;
    const deliveredYear = (row: 'NEW' | 'OLD', sign: 1 | -1) => `INSERT INTO delivery_totals_by_${dimension}_year
      VALUES (substr(${row}.month, 1, 4), ${row}.${column}, ${row}.status, ${row}.currency, ${row}.usd_exact, ${sign} * ${row}.n,
        ${sign} * ${row}.vnd, ${sign} * ${row}.amount)
      ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount;`;
    for (const [side, add] of [
      ['pledge', pledgedYear],
      ['delivery', deliveredYear],
    ] as const) {
      const table = `${side}_totals_by_${dimension}`;
      await run(`CREATE TRIGGER ${table}_year_insert AFTER INSERT ON ${table} BEGIN ${add('NEW', 1)} END`);
      await run(
        `CREATE TRIGGER ${table}_year_update AFTER UPDATE ON ${table} BEGIN ${add('OLD', -1)} ${add('NEW', 1)} END`,
      );
      await run(`CREATE TRIGGER ${table}_year_delete AFTER DELETE ON ${table} BEGIN ${add('OLD', -1)} END`);
    }
  }

  await run(`CREATE TABLE item_line_totals (
    item_id TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL, committed_vnd INTEGER NOT NULL, disbursed_vnd INTEGER NOT NULL
  ) WITHOUT ROWID`);
  await run(`INSERT INTO item_line_totals (item_id, n, committed_vnd, disbursed_vnd)
    SELECT item_id, sum(n), sum(committed), sum(disbursed) FROM (
      SELECT t.item_id, t.n, ${LIVE('t')} AS committed, 0 AS disbursed FROM pledge_totals_by_item t
      UNION ALL SELECT t.item_id, 0, 0, ${LIVE('t')} FROM delivery_totals_by_item t)
    GROUP BY item_id`);
  await run(`CREATE TABLE change_counts (name TEXT PRIMARY KEY NOT NULL, n INTEGER NOT NULL) WITHOUT ROWID`);
  await run(`INSERT INTO change_counts (name, n) VALUES ('aid_items', 0), ('donors', 0), ('item_line_totals', 0)`);
  for (const [side, add] of [
    ['pledge', pledged],
    ['delivery', delivered],
  ] as const) {
    await run(
      `CREATE TRIGGER ${side}_totals_by_item_whole_insert AFTER INSERT ON ${side}_totals_by_item BEGIN ${add('NEW', 1)} END`,
    );
    await run(
      `CREATE TRIGGER ${side}_totals_by_item_whole_update AFTER UPDATE ON ${side}_totals_by_item BEGIN ${add('OLD', -1)} ${add('NEW', 1)} END`,
    );
    await run(
      `CREATE TRIGGER ${side}_totals_by_item_whole_delete AFTER DELETE ON ${side}_totals_by_item BEGIN ${add('OLD', -1)} END`,
    );
  }
  for (const table of ['aid_items', 'donors']) {
    for (const event of ['INSERT', 'UPDATE', 'DELETE'])
      await run(
        `CREATE TRIGGER ${table}_counted_${event.toLowerCase()} AFTER ${event} ON ${table} BEGIN ${counted(table)} END`,
      );
  }
  // The lines of no item ('') are in no item's row of the list.
  await run(`CREATE TRIGGER item_line_totals_counted_insert AFTER INSERT ON item_line_totals WHEN NEW.item_id <> ''
    BEGIN ${counted('item_line_totals')} END`);
  await run(`CREATE TRIGGER item_line_totals_counted_update AFTER UPDATE ON item_line_totals WHEN NEW.item_id <> ''
    BEGIN ${counted('item_line_totals')} END`);
  await run(`CREATE TRIGGER item_line_totals_counted_delete AFTER DELETE ON item_line_totals WHEN OLD.item_id <> ''
    BEGIN ${counted('item_line_totals')} END`);
}
