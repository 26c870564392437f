/**
 * Totals the quarterly report reads for its figures "to date" (everything pledged and delivered, not cancelled, up to
 * the period's end), by place and kind together and by donor. Each is kept per year and per month, so the figures
 * up to a month are the years before it plus the months of its year: a few thousand rows, whatever the ledger's
 * age. Triggers keep them in step in the same transaction as every write, like those of `0005_monthly_totals`;
 * deliveries count under their pledge's place, kind, donor and status.
 */
import { sql, type Kysely } from 'kysely';

const DIMENSIONS = [
  ['place_kind', ['place_id', 'kind']],
  ['donor', ['donor_id']],
] as const;

/** A year ('2022') or a month ('2022-07'): the first 4 or 7 characters of a date. */
const SPANS = [
  ['y', 4],
  ['m', 7],
] as const;

type Dimension = (typeof DIMENSIONS)[number];
const UPSERT = `ON CONFLICT DO UPDATE SET vnd = vnd + excluded.vnd;`;

function each(make: (dimension: Dimension, span: string, length: number) => string): string {
  return DIMENSIONS.flatMap((dimension) => SPANS.map(([span, length]) => make(dimension, span, length))).join('\n');
}

function pledgeDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return each(
    (
      [name, columns],
      span,
      length,
    ) => `INSERT INTO pledge_report_totals_by_${name} (span, period, ${columns.join(', ')}, status, vnd)
    VALUES ('${span}', substr(${row}.pledge_date, 1, ${length}), ${columns.map((c) => `${row}.${c}`).join(', ')}, ${row}.status, ${sign} * ${row}.vnd_equivalent)
    ${UPSERT}`,
  );
}

function deliveryDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return each(
    (
      [name, columns],
      span,
      length,
    ) => `INSERT INTO delivery_report_totals_by_${name} (span, period, ${columns.join(', ')}, status, vnd)
    SELECT '${span}', substr(${row}.delivery_date, 1, ${length}), ${columns.map((c) => `p.${c}`).join(', ')}, p.status, ${sign} * ${row}.vnd_equivalent
    FROM pledges p WHERE p.id = ${row}.pledge_id
    ${UPSERT}`,
  );
}

/** All deliveries of a pledge moved out of (OLD) or into (NEW) its pledge's groups. */
function pledgeDeliveriesDelta(row: 'NEW' | 'OLD', sign: 1 | -1): string {
  return each(
    (
      [name, columns],
      span,
      length,
    ) => `INSERT INTO delivery_report_totals_by_${name} (span, period, ${columns.join(', ')}, status, vnd)
    SELECT '${span}', substr(x.delivery_date, 1, ${length}), ${columns.map((c) => `${row}.${c}`).join(', ')}, ${row}.status, ${sign} * sum(x.vnd_equivalent)
    FROM deliveries x WHERE x.pledge_id = ${row}.id GROUP BY 2
    ${UPSERT}`,
  );
}

export async function up(db: Kysely<any>): Promise<void> {
  const run = (text: string) => sql.raw(text).execute(db);
  for (const [name, columns] of DIMENSIONS) {
    for (const side of ['pledge', 'delivery']) {
      await run(`CREATE TABLE ${side}_report_totals_by_${name} (
        span TEXT NOT NULL, period TEXT NOT NULL, ${columns.map((c) => `${c} TEXT NOT NULL`).join(', ')}, status TEXT NOT NULL, vnd INTEGER NOT NULL,
        PRIMARY KEY (span, period, ${columns.join(', ')}, status)
      ) WITHOUT ROWID`);
    }
    for (const [span, length] of SPANS) {
      await run(`INSERT INTO pledge_report_totals_by_${name} SELECT '${span}', substr(pledge_date, 1, ${length}), ${columns.join(', ')}, status, sum(vnd_equivalent)
        FROM pledges GROUP BY 2, ${columns.map((_, i) => i + 3).join(', ')}, ${columns.length + 3}`);
      await run(`INSERT INTO delivery_report_totals_by_${name} SELECT '${span}', substr(x.delivery_date, 1, ${length}), ${columns.map((c) => `p.${c}`).join(', ')}, p.status,
        sum(x.vnd_equivalent) FROM deliveries x JOIN pledges p ON p.id = x.pledge_id GROUP BY 2, ${columns.map((_, i) => i + 3).join(', ')}, ${columns.length + 3}`);
    }
  }
  await run(`CREATE TRIGGER pledges_report_totals_insert AFTER INSERT ON pledges BEGIN ${pledgeDelta('NEW', 1)} END`);
  await run(`CREATE TRIGGER pledges_report_totals_delete AFTER DELETE ON pledges BEGIN ${pledgeDelta('OLD', -1)} END`);
  await run(`CREATE TRIGGER pledges_report_totals_update AFTER UPDATE ON pledges
    WHEN OLD.pledge_date IS NOT NEW.pledge_date OR OLD.place_id IS NOT NEW.place_id OR OLD.kind IS NOT NEW.kind OR OLD.donor_id IS NOT NEW.donor_id
      OR OLD.status IS NOT NEW.status OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent BEGIN
    ${pledgeDelta('OLD', -1)}
    ${pledgeDelta('NEW', 1)}
  END`);
  await run(`CREATE TRIGGER pledges_report_totals_move_deliveries AFTER UPDATE ON pledges
    WHEN OLD.place_id IS NOT NEW.place_id OR OLD.kind IS NOT NEW.kind OR OLD.donor_id IS NOT NEW.donor_id OR OLD.status IS NOT NEW.status BEGIN
    ${pledgeDeliveriesDelta('OLD', -1)}
    ${pledgeDeliveriesDelta('NEW', 1)}
  END`);
  await run(
    `CREATE TRIGGER deliveries_report_totals_insert AFTER INSERT ON deliveries BEGIN ${deliveryDelta('NEW', 1)} END`,
  );
  await run(
    `CREATE TRIGGER deliveries_report_totals_delete AFTER DELETE ON deliveries BEGIN ${deliveryDelta('OLD', -1)} END`,
  );
  await run(`CREATE TRIGGER deliveries_report_totals_update AFTER UPDATE ON deliveries
    WHEN OLD.pledge_id IS NOT NEW.pledge_id OR OLD.delivery_date IS NOT NEW.delivery_date OR OLD.vnd_equivalent IS NOT NEW.vnd_equivalent BEGIN
    ${deliveryDelta('OLD', -1)}
    ${deliveryDelta('NEW', 1)}
  END`);
}
