/**
 * USD figures. Every pledge or delivery line is converted to USD once, at the USD rate of its own date, and every USD
 * figure (a group of `totals`, the tables and the paragraph of a report) is a sum of those lines in whole cents, so two
 * tables of one report, their totals and the paragraph agree to the cent. The rule for one line:
 * - a line in USD (a pledge in USD, a delivery in USD with an amount) counts its own amount, exactly;
 * - any other line counts its VND value — a VND line its amount, a line in another currency (EUR, JPY, …) its amount
 *   at the rate it records, as every VND figure counts it — divided by the USD rate of its date: the latest rate for
 *   USD valid on or before that date (a day's rate, else its month's, else an earlier one). The State Treasury's
 *   monthly accounting rate is the one meant: "Tỷ giá hạch toán ngoại tệ tháng 02/2026 — Kho bạc Nhà nước",
 *   1 USD = 25.122 đồng; budget units account and report foreign-currency amounts at the rate of the month of the
 *   transaction (the rule as its notices state it; the circular behind it, Thông tư 77/2017/TT-BTC, is cited from
 *   memory, not read). The quotient is rounded once, to the cent, half away from zero (amounts are never negative:
 *   half up);
 * - a line with no USD rate on or before its date is converted to nothing, never to 0: it counts in no USD figure and
 *   is reported apart, by its VND value and the month of its date, until a rate is entered.
 */
import { sql, type RawBuilder } from 'kysely';
import type { MissingRateMonth, MissingRates, ParsedInput, UnconvertedInUsd } from '../contract';
import { vndToMinor } from '../contract/money';
import type { Ctx } from './core/context';
import { readRawRows, readRows } from './core/statements';
import { normalScope } from './items/scope';
import { exactSum } from './pledges/sums';
import { servedProvince } from './places/install';
import { filterConditions, whereClause } from './pledges/filter';
import { parsePeriod } from './reports/period';
import { cutoffOf } from './reports/rules';

/** The latest USD rate valid on or before a date (NULL when there is none); `column` 'valid_on' for its date. */
export function usdRateOn(dateColumn: RawBuilder<unknown>, column: 'rate' | 'valid_on' = 'rate'): RawBuilder<unknown> {
  return sql`(SELECT ${sql.raw(`r.${column}`)} FROM exchange_rates r WHERE r.currency = 'USD' AND r.valid_on <= ${dateColumn} ORDER BY r.valid_on DESC LIMIT 1)`;
}

/** One side's lines (pledges as pledged, or deliveries as made) as SQL parts over `p` (and `x`). */
export interface LineSource {
  /** FROM … (and joins). */
  from: RawBuilder<unknown>;
  /** The line's date, VND value and row (`p` or `x`). */
  date: RawBuilder<unknown>;
  row: RawBuilder<unknown>;
  /** Whether its USD value is its own amount. */
  inUsd: RawBuilder<unknown>;
}

export function lineSource(side: 'pledged' | 'delivered'): LineSource {
  return side === 'pledged'
    ? { from: sql`FROM pledges p`, date: sql`p.pledge_date`, row: sql`p`, inUsd: sql`(p.currency = 'USD')` }
    : {
        from: sql`FROM deliveries x JOIN pledges p ON p.id = x.pledge_id`,
        date: sql`x.delivery_date`,
        row: sql`x`,
        // A quantity-only delivery has no amount of its own: its VND value is converted.
        inUsd: sql`(x.currency = 'USD' AND x.amount_minor IS NOT NULL)`,
      };
}

/** A group's lines in USD: its cents, how many lines, their quantity, and those left unconverted. */
export interface UsdSum {
  key: string;
  cents: number;
  n: number;
  quantityMilli: number | null;
  /** Lines with no rate: their count, VND value and month (null when the sum holds none). */
  unconverted: { n: number; vnd: number; month: string } | null;
}

/**
 * Raw rows of the USD sums: [key, how ('usd' its own amount, 'whole' an integer rate, 'odd' a rate with decimals,
 * 'none' no rate), odd rate, odd VND value, month without a rate, amount, lines, quantity].
 */
type UsdRow = [string, string, string | null, number | null, string | null, number, number, number | null];

/**
 * Each line's cents summed by group. SQLite converts a line at a whole-number rate exactly, with integers
 * (⌊(200·vnd + rate) / (2·rate)⌋ is vnd·100/rate rounded half up; 200·vnd stays far under 2^63 for every VND value
 * the ledger holds); a rate with decimals is applied here, once per distinct VND value and rate, through BigInt.
 */
export function usdSums(
  ctx: Ctx,
  source: LineSource,
  key: RawBuilder<unknown>,
  where: RawBuilder<unknown>,
  quantity: RawBuilder<unknown>,
): UsdSum[] {
  const { row, date } = source;
  const rows = readRawRows<UsdRow>(
    ctx,
    sql`WITH lines AS (SELECT ${key} AS key, ${source.inUsd} AS in_usd, ${row}.amount_minor AS amount,
        ${row}.vnd_equivalent AS vnd, ${date} AS day, ${quantity} AS q,
        CASE WHEN ${source.inUsd} THEN NULL ELSE ${usdRateOn(date)} END AS rate ${source.from} ${where}),
      classed AS (SELECT *, CASE WHEN in_usd THEN 'usd' WHEN rate IS NULL THEN 'none'
        WHEN rate GLOB '[1-9]*' AND rate NOT GLOB '*[^0-9]*' THEN 'whole' ELSE 'odd' END AS how FROM lines)
    SELECT key, how, CASE how WHEN 'odd' THEN rate END, CASE how WHEN 'odd' THEN vnd END,
      CASE how WHEN 'none' THEN substr(day, 1, 7) END,
      sum(CASE how WHEN 'usd' THEN amount WHEN 'whole' THEN (vnd * 200 + CAST(rate AS INTEGER)) / (2 * CAST(rate AS INTEGER))
        ELSE vnd END), count(*), sum(q)
    FROM classed GROUP BY 1, 2, 3, 4, 5`,
  );
  return rows.map(([k, how, oddRate, oddVnd, month, amount, n, quantityMilli]) => ({
    key: k,
    cents: how === 'none' ? 0 : how === 'odd' ? Number(vndToMinor(oddVnd!, 'USD', oddRate!)) * n : amount,
    n,
    quantityMilli,
    unconverted: how === 'none' ? { n, vnd: amount, month: month! } : null,
  }));
}

/** An empty account of lines left unconverted. */
export function noneUnconverted(): UnconvertedInUsd {
  return { pledgedVnd: 0, deliveredVnd: 0, pledgeCount: 0, deliveryCount: 0, months: [] };
}

/**
 * The period and lines a report's USD figures cover, or null when it gives none: only the 6-month and annual reports
 * of the whole province give their aid items in USD (see `db/reports/build.ts`).
 */
async function usdPeriod(ctx: Ctx, input: ParsedInput<'rates.missing'>): Promise<{ from: string; to: string } | null> {
  const period = parsePeriod(input.period, await cutoffOf(ctx, input.cutoff));
  if (period.kind === 'quarter') return null;
  const province = await servedProvince(ctx);
  if (input.placeId && input.placeId !== province?.id) return null;
  return { from: period.from, to: period.to };
}

const LIVE = ['pledged', 'in_progress', 'completed'] as const;

/**
 * The months of a report's lines whose USD rate is missing: lines not in USD whose date has no rate of its own month
 * (none set for the month, nor for a day of it on or before theirs), with the earlier rate they are converted at, or
 * none (they stand unconverted).
 */
export async function missingRates(ctx: Ctx, input: ParsedInput<'rates.missing'>): Promise<MissingRates> {
  const period = await usdPeriod(ctx, input);
  const shown = period ?? parsePeriod(input.period, await cutoffOf(ctx, input.cutoff));
  const result: MissingRates = {
    usd: Boolean(period),
    from: shown.from,
    to: shown.to,
    months: [],
    unconverted: { lines: 0, vnd: 0 },
  };
  if (!period) return result;
  const chosen = { ...period, ...(normalScope(input) ?? {}), statuses: [...LIVE] };
  const side = (s: LineSource) =>
    sql`SELECT ${s.date} AS day, ${s.row}.vnd_equivalent AS vnd, ${usdRateOn(s.date, 'valid_on')} AS rate_on
      ${s.from} ${whereClause([...filterConditions(chosen, s.date), sql`NOT ${s.inUsd}`])}`;
  const rows = readRawRows<[string, string | null, number, number]>(
    ctx,
    sql`SELECT substr(day, 1, 7), rate_on, count(*), sum(vnd) FROM (${side(lineSource('pledged'))} UNION ALL
      ${side(lineSource('delivered'))}) WHERE rate_on IS NULL OR substr(rate_on, 1, 7) <> substr(day, 1, 7)
      GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  const rates = new Map(
    readRows<{ validOn: string; rate: string; source: string }>(
      ctx,
      sql`SELECT valid_on AS "validOn", rate, source FROM exchange_rates WHERE currency = 'USD'`,
    ).map((r) => [r.validOn, r]),
  );
  const months = new Map<string, MissingRateMonth>();
  for (const [month, rateOn, lines, vnd] of rows) {
    const used = rateOn ? rates.get(rateOn) : undefined;
    const entry = months.get(month) ?? {
      month,
      lines: 0,
      vnd: 0,
      usedRate: used ? { currency: 'USD', rate: used.rate, validOn: used.validOn, source: used.source } : null,
    };
    entry.lines += lines;
    entry.vnd = exactSum(entry.vnd, vnd);
    months.set(month, entry);
    if (!rateOn) {
      result.unconverted.lines += lines;
      result.unconverted.vnd = exactSum(result.unconverted.vnd, vnd);
    }
  }
  result.months = [...months.values()];
  return result;
}
