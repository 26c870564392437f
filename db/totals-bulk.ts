/**
 * Bulk writes (bundle merges, spreadsheet imports, generated ledgers) defer the totals: the per-row triggers stand
 * aside, each change is logged in `totals_changes`, and the log is folded into every totals table with one grouped
 * statement per table before the write's transaction ends (see migration `0008_totals_in_bulk`).
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Tracking } from './core/open';
import { prepared } from './core/statements';

const MONTHLY = [
  ['place', 'place_id'],
  ['donor', 'donor_id'],
  ['kind', 'kind'],
  ['item', 'item_id'],
] as const;

/** Ledgers opened at an earlier schema (in tests of upgrades) have no totals by item (0013) yet. */
const BY_ITEM = /_totals_by_item\b/;

const REPORT = [
  ['place_kind', ['place_id', 'kind']],
  ['donor', ['donor_id']],
] as const;

/** A year ('2022') or a month ('2022-07'): the first 4 or 7 characters of a date. */
const SPANS = [
  ['y', 4],
  ['m', 7],
] as const;

const FOLDS: string[] = [
  ...MONTHLY.flatMap(([dimension, column]) => [
    `INSERT INTO pledge_totals_by_${dimension} (month, ${column}, status, currency, n, vnd, amount, quantity_milli)
      SELECT substr(date, 1, 7), ${column}, status, currency, sum(sign), sum(sign * vnd), sum(sign * amount), sum(sign * quantity_milli)
      FROM totals_changes WHERE side = 'pledge' GROUP BY 1, 2, 3, 4
      ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount,
        quantity_milli = quantity_milli + excluded.quantity_milli`,
    `INSERT INTO delivery_totals_by_${dimension} (month, ${column}, status, currency, usd_exact, n, vnd, amount)
      SELECT substr(date, 1, 7), ${column}, status, currency, usd_exact, sum(sign), sum(sign * vnd), sum(sign * amount)
      FROM totals_changes WHERE side = 'delivery' GROUP BY 1, 2, 3, 4, 5
      ON CONFLICT DO UPDATE SET n = n + excluded.n, vnd = vnd + excluded.vnd, amount = amount + excluded.amount`,
  ]),
  ...REPORT.flatMap(([name, columns]) =>
    SPANS.flatMap(([span, length]) =>
      (['pledge', 'delivery'] as const).map(
        (side) => `INSERT INTO ${side}_report_totals_by_${name} (span, period, ${columns.join(', ')}, status, vnd)
          SELECT '${span}', substr(date, 1, ${length}), ${columns.join(', ')}, status, sum(sign * vnd)
          FROM totals_changes WHERE side = '${side}' GROUP BY 2, ${columns.map((_, i) => i + 3).join(', ')}, ${columns.length + 3}
          ON CONFLICT DO UPDATE SET vnd = vnd + excluded.vnd`,
      ),
    ),
  ),
];

/**
 * Runs `work` (inside a transaction on `sqlite`) with the totals deferred, then folds the logged changes into the
 * totals. If `work` throws, nothing is folded and the caller's rollback removes the log with the rest.
 */
export async function withTotalsDeferred<T>(
  sqlite: BetterSqlite3.Database,
  tracking: Tracking,
  work: () => Promise<T>,
): Promise<T> {
  if (!deferring(sqlite, tracking)) return work();
  let result: T;
  try {
    result = await work();
  } finally {
    stopDeferring(tracking);
  }
  // The totals tables have no triggers of their own: the fold runs the same with the flag down.
  foldTotalsChanges(sqlite);
  return result;
}

/** The same for synchronous work (better-sqlite3 transactions). */
export function withTotalsDeferredSync<T>(sqlite: BetterSqlite3.Database, tracking: Tracking, work: () => T): T {
  if (!deferring(sqlite, tracking)) return work();
  let result: T;
  try {
    result = work();
  } finally {
    stopDeferring(tracking);
  }
  foldTotalsChanges(sqlite);
  return result;
}

/** Starts deferring; false when an enclosing bulk write already defers (and will fold). */
function deferring(sqlite: BetterSqlite3.Database, tracking: Tracking): boolean {
  if (!sqlite.inTransaction) throw new Error('totals are deferred only inside a transaction');
  if (tracking.totalsDeferred) return false;
  tracking.totalsDeferred = true;
  deferrals.set(tracking, {});
  return true;
}

function stopDeferring(tracking: Tracking): void {
  tracking.totalsDeferred = false;
  deferrals.delete(tracking);
}

/** The bulk write deferring the totals of each open ledger, while it lasts. */
const deferrals = new WeakMap<Tracking, object>();

/**
 * A token of the bulk write now deferring the ledger's totals (undefined when none is): while it lasts the totals
 * tables do not change (the triggers log into `totals_changes` instead, folded after it ends), so what is read from
 * them may be kept by this token until then.
 */
export const totalsDeferral = (tracking: Tracking): object | undefined => deferrals.get(tracking);

const hasTotalsByItem = new WeakMap<BetterSqlite3.Database, boolean>();

/** Adds the logged changes to every totals table and empties the log. */
export function foldTotalsChanges(sqlite: BetterSqlite3.Database): void {
  const byItem =
    hasTotalsByItem.get(sqlite) ??
    Boolean(sqlite.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'pledge_totals_by_item'`).get());
  hasTotalsByItem.set(sqlite, byItem);
  // Prepared once per connection: an import of many files folds once per file.
  for (const fold of FOLDS) if (byItem || !BY_ITEM.test(fold)) prepared(sqlite, fold).run();
  prepared(sqlite, `DELETE FROM totals_changes`).run();
}
