/**
 * Quantities unit by unit: a group's pledges counted in houses (căn) and those counted in households (hộ) are told
 * apart, never added into one figure, and the pledges with no quantity are counted as such. The monthly totals keep
 * one sum of quantities whatever the unit, so the pledges of the filter that have a quantity are read — once: the
 * answer is kept until the file changes, as a large ledger takes a while to read through.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { type RawBuilder, sql } from 'kysely';
import type { TotalsGroup, UnitQuantity } from '../contract';
import { milliToQuantity } from '../contract/money';
import type { Ctx } from './core/context';
import { readRawRows, totalChanges } from './core/statements';

/** [group key, unit folded for comparison, the unit as written, quantity in thousandths, pledges]. */
type UnitRow = [key: string, unitKey: string, unit: string, quantityMilli: number, n: number];

/**
 * Each group's quantities by unit, from the pledges matching `conditions` (on pledges `p`) grouped by `key`, and
 * counted under `groupOf(key)` as the totals count them. Units differing only in case or spaces around ("Căn",
 * "căn ") are one unit, written the first of its ways in sorting order.
 */
export function quantitiesByUnit(
  ctx: Ctx,
  key: RawBuilder<unknown>,
  conditions: RawBuilder<unknown>[],
  groupOf: (key: string) => string,
): Map<string, UnitQuantity[]> {
  const where = sql.join([...conditions, sql`p.quantity_milli IS NOT NULL`], sql` AND `);
  const rows = keptRows(
    ctx,
    sql`SELECT ${key} AS key, lower(trim(coalesce(p.unit, ''))) AS unit_key, min(trim(coalesce(p.unit, ''))) AS unit,
    sum(p.quantity_milli) AS quantity_milli, count(*) AS n FROM pledges p WHERE ${where} GROUP BY 1, 2`,
  );
  const byGroup = new Map<string, Map<string, { unit: string; milli: bigint; n: number }>>();
  for (const [rowKey, unitKey, unit, milli, n] of rows) {
    const group = groupOf(rowKey);
    const units = byGroup.get(group) ?? new Map<string, { unit: string; milli: bigint; n: number }>();
    byGroup.set(group, units);
    const known = units.get(unitKey);
    if (known) {
      known.milli += BigInt(milli);
      known.n += n;
    } else units.set(unitKey, { unit, milli: BigInt(milli), n });
  }
  const result = new Map<string, UnitQuantity[]>();
  for (const [group, units] of byGroup) {
    result.set(
      group,
      [...units.values()]
        .map((u) => ({ unit: u.unit, quantity: milliToQuantity(u.milli), pledgeCount: u.n }))
        .sort((a, b) => b.pledgeCount - a.pledgeCount || a.unit.localeCompare(b.unit, 'vi')),
    );
  }
  return result;
}

/** How many answers are kept per connection: a dashboard asks a few (by kind, under each filter tried). */
const KEPT = 8;

const keptAnswers = new WeakMap<BetterSqlite3.Database, Map<string, { stamp: string; rows: UnitRow[] }>>();

/**
 * The query's rows, read again only when the file may have changed since they were kept: after a write on this
 * connection (its count of changed rows moves) or a commit by another (data_version moves). Kept only from a call
 * that has not written, whose view a rollback cannot undo.
 */
function keptRows(ctx: Ctx, query: RawBuilder<unknown>): UnitRow[] {
  const changes = totalChanges(ctx.sqlite);
  const stamp = `${ctx.sqlite.pragma('data_version', { simple: true })}:${changes}`;
  const compiled = query.compile(ctx.db);
  const text = `${compiled.sql}\n${JSON.stringify(compiled.parameters)}`;
  let kept = keptAnswers.get(ctx.sqlite);
  if (!kept) {
    kept = new Map();
    keptAnswers.set(ctx.sqlite, kept);
  }
  const found = kept.get(text);
  if (found?.stamp === stamp) return found.rows;
  const rows = readRawRows<UnitRow>(ctx, query);
  if (changes === ctx.changesAtStart) {
    kept.delete(text);
    kept.set(text, { stamp, rows });
    // The oldest answer goes first (a Map keeps the order of insertion).
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  return rows;
}

/** Gives every group its quantities by unit (none: an empty list) and the count of its pledges with no quantity. */
export function withUnits(groups: TotalsGroup[], units: Map<string, UnitQuantity[]>): void {
  for (const group of groups) {
    group.units = units.get(group.key) ?? [];
    group.withoutQuantity = group.pledgeCount - group.units.reduce((n, u) => n + u.pledgeCount, 0);
  }
}
