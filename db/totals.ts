/**
 * Totals of pledged and delivered value, grouped by place, donor, kind, quarter or currency.
 * Pledged counts pledges dated in the range; delivered counts deliveries dated in the range whose
 * pledge matches the other filters. Cancelled pledges are left out unless a status filter asks for them.
 * The grand total is the sum of the groups, so a report's rows always add up to it. In USD each line is converted
 * once, at its own date's rate, and the groups sum the lines' cents (see `./usd`).
 */
import { sql, type RawBuilder } from 'kysely';
import type {
  ParsedInput,
  PledgeFilter,
  TotalsGroup,
  TotalsGrouping,
  TotalsResult,
  UnconvertedLines,
} from '../contract';
import { LedgerError } from '../contract/errors';
import { ITEM_VOCABULARY, labelIn, sectorLabel, VOCABULARY } from '../contract/labels';
import { milliToQuantity } from '../contract/money';
import { searchWords } from '../contract/text';
import { readRawRows, readRows } from './core/statements';
import type { Ctx } from './core/context';
import { mergedDonors } from './donors';
import { itemsInScope } from './items/scope';
import { shownName } from './places/names';
import { countingPlaceOn, placesUnderOn, todaysUnits } from './places/today';
import { placesUnder, pledgeConditions, whereClause } from './pledges/filter';
import { quantitiesByUnit, withUnits } from './totals-units';
import { lineSource, noneUnconverted, usdSums, type UsdSum } from './usd';

function quarterKey(dateColumn: RawBuilder<unknown>): RawBuilder<unknown> {
  return sql`substr(${dateColumn}, 1, 4) || '-Q' || ((CAST(substr(${dateColumn}, 6, 2) AS INTEGER) + 2) / 3)`;
}

function groupKey(by: TotalsGrouping, dateColumn: RawBuilder<unknown>, unitsOf?: string): RawBuilder<unknown> {
  switch (by) {
    // In today's units a pledge with a "nay thuộc" unit counts there.
    case 'place':
      return unitsOf ? countingPlaceOn(unitsOf) : sql`p.place_id`;
    case 'donor':
      return sql`p.donor_id`;
    case 'kind':
      return sql`p.kind`;
    case 'currency':
      return sql`p.currency`;
    case 'quarter':
      return quarterKey(dateColumn);
    // Lines of no item count under '' ("not in an aid item").
    case 'item':
      return sql`coalesce(p.item_id, '')`;
    case 'sector':
    case 'modality':
    case 'stage':
      return sql`coalesce((SELECT ${sql.raw(`i.${by}`)} FROM aid_items i WHERE i.id = p.item_id), '')`;
  }
}

const ITEM_GROUPINGS: readonly TotalsGrouping[] = ['item', 'sector', 'modality', 'stage'];

/** Tests set this to compare the monthly totals with the pledges read one by one. */
export const readAllRows = { value: false };

/**
 * One group's sums in VND as the SQL gives them, read as arrays (a year by item holds tens of thousands): its key; VND
 * equivalents; two columns kept for the statements' shape (0, NULL); lines; quantity.
 */
type Bucket = [
  key: string,
  amount: number,
  isUsd: number,
  usdRate: string | null,
  n: number,
  quantityMilli: number | null,
];

function safe(value: number | bigint): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) {
    throw new LedgerError('too_large', {
      vi: 'Tổng vượt quá giới hạn tính toán chính xác',
      en: 'The total exceeds the exactly representable range',
    });
  }
  return n;
}

const LIVE_STATUSES = ['pledged', 'in_progress', 'completed'] as const;

/** One collator for every comparison: `localeCompare(…, 'vi')` finds one per call, which sorting thousands shows. */
const VIETNAMESE = new Intl.Collator('vi');

const lastDayOfMonth = (month: string) =>
  new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);

/** What a monthly totals table is keyed by ('item_class': the items' sector, modality and stage together). */
type Dimension = 'place' | 'donor' | 'kind' | 'item' | 'item_class';

/**
 * The conditions on a monthly totals table `t` for a filter, and which of the tables answers it, when one can: whole
 * months, no search words, and a place, donor, kinds or aid item filter (the item itself, or its sector, modality or
 * stage) only on the table keyed by it (`dimension`, or the one the filter needs). `statuses` are those counted
 * (none: every status). `byYear`: a period of whole years, read from the yearly table when the one chosen has one
 * (by place or by donor). Otherwise null.
 */
function monthlyTotalsFilter(
  filter: PledgeFilter,
  statuses: readonly string[],
  dimension?: Dimension,
  byYear = false,
): { dimension: Dimension; conditions: RawBuilder<unknown>[] } | null {
  const {
    from,
    to,
    placeId,
    unitsOf,
    donorId,
    kinds,
    statuses: _statuses,
    currencies,
    text,
    itemId,
    withoutItem,
    sectors,
    modalities,
    stages,
    ...rest
  } = filter;
  if (Object.keys(rest).length || searchWords(text ?? '').length) return null;
  if (from && !from.endsWith('-01')) return null;
  if (to && to !== lastDayOfMonth(to.slice(0, 7))) return null;
  const byItem = Boolean(itemId || withoutItem);
  const byClass = Boolean(sectors?.length || modalities?.length || stages?.length);
  const table =
    dimension ?? (byItem ? 'item' : byClass ? 'item_class' : placeId ? 'place' : donorId ? 'donor' : 'kind');
  if (placeId && table !== 'place') return null;
  if (donorId && table !== 'donor') return null;
  if (kinds?.length && table !== 'kind') return null;
  if (byItem && table !== 'item') return null;
  if (byClass && table !== 'item' && table !== 'item_class') return null;
  const conditions: RawBuilder<unknown>[] = [];
  if (statuses.length) conditions.push(sql`t.status IN (${sql.join([...statuses])})`);
  // The yearly tables (by place and by donor) answer whole years (`byYear`): their rows' key is the year.
  const yearly = byYear && (table === 'place' || table === 'donor');
  if (from) conditions.push(yearly ? sql`t.year >= ${from.slice(0, 4)}` : sql`t.month >= ${from.slice(0, 7)}`);
  if (to) conditions.push(yearly ? sql`t.year <= ${to.slice(0, 4)}` : sql`t.month <= ${to.slice(0, 7)}`);
  if (currencies?.length) conditions.push(sql`t.currency IN (${sql.join(currencies)})`);
  if (kinds?.length) conditions.push(sql`t.kind IN (${sql.join(kinds)})`);
  if (placeId) conditions.push(sql`t.place_id IN ${unitsOf ? placesUnderOn(placeId, unitsOf) : placesUnder(placeId)}`);
  if (donorId)
    conditions.push(sql`t.donor_id IN (SELECT id FROM donors WHERE id = ${donorId} OR merged_into = ${donorId})`);
  if (itemId) conditions.push(sql`t.item_id = ${itemId}`);
  if (withoutItem) conditions.push(sql`t.item_id = ''`);
  if (table === 'item_class') {
    if (sectors?.length) conditions.push(sql`t.sector IN (${sql.join(sectors)})`);
    if (modalities?.length) conditions.push(sql`t.modality IN (${sql.join(modalities)})`);
    if (stages?.length) conditions.push(sql`t.stage IN (${sql.join(stages)})`);
  } else {
    const items = itemsInScope({ sectors, modalities, stages });
    if (items) conditions.push(sql`t.item_id IN ${items}`);
  }
  return { dimension: table, conditions };
}

/** The schema whose migration (0024) added the totals by place and by donor summed by year. */
const YEARLY_SCHEMA = 24;

/** A period of whole years, or none (all time): the yearly sums give it. */
function yearsOnly(filter: PledgeFilter): boolean {
  return (!filter.from || filter.from.endsWith('-01-01')) && (!filter.to || filter.to.endsWith('-12-31'));
}

/**
 * Whether the monthly totals, keyed by the pledges' own places, cannot answer in today's units: a pledge with a "nay
 * thuộc" unit counts elsewhere than its place, so the pledges are read (only when some pledge has one).
 */
function placesMoveByTodayIn(ctx: Ctx, filter: PledgeFilter, byPlace: boolean): boolean {
  if (!filter.unitsOf || !(byPlace || filter.placeId)) return false;
  return readRows(ctx, sql`SELECT 1 AS x FROM pledges WHERE today_place_id IS NOT NULL LIMIT 1`).length > 0;
}

/**
 * How many pledges a ledger filter holds, from the monthly totals when they are keyed by everything it filters on
 * (whole months, and at most one of place, donor and kinds besides statuses and currencies): counting a million
 * pledges one by one takes ~30 ms, their totals well under one. Otherwise null.
 */
export async function countFromTotals(ctx: Ctx, filter: PledgeFilter): Promise<number | null> {
  if (placesMoveByTodayIn(ctx, filter, false)) return null;
  const found = monthlyTotalsFilter(filter, filter.statuses ?? []);
  if (!found) return null;
  const where = found.conditions.length ? sql`WHERE ${sql.join(found.conditions, sql` AND `)}` : sql``;
  return (
    readRows<{ n: number | null }>(
      ctx,
      sql`SELECT sum(t.n) AS n FROM ${sql.raw(`pledge_totals_by_${found.dimension}`)} t ${where}`,
    )[0]?.n ?? 0
  );
}

/**
 * The same buckets from the monthly totals (migrations 0005 and 0013), when the question can be answered from them: whole
 * months, and filters on what those tables are keyed by. Otherwise null, and the pledges themselves are read.
 */
async function monthlyBuckets(
  ctx: Ctx,
  input: ParsedInput<'totals'>,
  side: 'pledged' | 'delivered',
): Promise<Bucket[] | null> {
  const { statuses } = input.filter;
  if (placesMoveByTodayIn(ctx, input.filter, input.by === 'place')) return null;
  // Quarters and currencies are in every table: the filter chooses.
  // Sector, modality and stage by the items' class, unless the filter is one item's (or no item's) lines.
  const oneItem = Boolean(input.filter.itemId || input.filter.withoutItem);
  const keyedBy: Dimension | undefined =
    input.by === 'place' || input.by === 'donor' || input.by === 'kind'
      ? input.by
      : input.by === 'item' || (ITEM_GROUPINGS.includes(input.by) && oneItem)
        ? 'item'
        : ITEM_GROUPINGS.includes(input.by)
          ? 'item_class'
          : undefined;
  // Whole years (or all time) by place or by donor from their yearly sums (migration 0024): a year of a ledger's
  // donors is a few thousand rows rather than tens of thousands. Not by quarter, which needs the months.
  const byYear = input.by !== 'quarter' && ctx.schemaVersion >= YEARLY_SCHEMA && yearsOnly(input.filter);
  const found = monthlyTotalsFilter(input.filter, statuses?.length ? statuses : LIVE_STATUSES, keyedBy, byYear);
  if (!found) return null;
  const { dimension, conditions } = found;
  const key =
    input.by === 'quarter'
      ? sql`substr(t.month, 1, 4) || '-Q' || ((CAST(substr(t.month, 6, 2) AS INTEGER) + 2) / 3)`
      : input.by === 'currency'
        ? sql`t.currency`
        : dimension === 'item_class'
          ? sql.raw(`t.${input.by}`)
          : input.by === 'sector' || input.by === 'modality' || input.by === 'stage'
            ? sql`coalesce((SELECT ${sql.raw(`i.${input.by}`)} FROM aid_items i WHERE i.id = t.item_id), '')`
            : sql.raw(`t.${dimension === 'kind' ? 'kind' : `${dimension}_id`}`);
  const yearly = byYear && (dimension === 'place' || dimension === 'donor');
  const table = sql.raw(`${side === 'pledged' ? 'pledge' : 'delivery'}_totals_by_${dimension}${yearly ? '_year' : ''}`);
  const quantity = side === 'pledged' ? sql`sum(t.quantity_milli)` : sql`NULL`;
  // Read straight from the driver: by item, a year holds tens of thousands of groups.
  return readRawRows<Bucket>(
    ctx,
    sql`SELECT ${key} AS key, sum(t.vnd) AS amount, 0 AS "isUsd", NULL AS "usdRate", sum(t.n) AS n,
    ${quantity} AS "quantityMilli" FROM ${table} t WHERE ${sql.join(conditions, sql` AND `)} GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`,
  );
}

/** The lines a side of the totals reads, as SQL: their source, group key and conditions. */
async function linesOf(ctx: Ctx, input: ParsedInput<'totals'>, side: 'pledged' | 'delivered') {
  const filter = { ...input.filter };
  if (!filter.statuses?.length) filter.statuses = [...LIVE_STATUSES];
  const source = lineSource(side);
  const where = whereClause(await pledgeConditions(ctx, filter, source.date));
  const key = groupKey(input.by, source.date, input.filter.unitsOf);
  const quantity = side === 'pledged' ? sql`p.quantity_milli` : sql`NULL`;
  return { source, where, key, quantity };
}

async function buckets(ctx: Ctx, input: ParsedInput<'totals'>, side: 'pledged' | 'delivered'): Promise<Bucket[]> {
  if (!readAllRows.value) {
    const monthly = await monthlyBuckets(ctx, input, side);
    if (monthly) return monthly;
  }
  const { source, where, key, quantity } = await linesOf(ctx, input, side);
  return readRawRows<Bucket>(
    ctx,
    sql`SELECT ${key} AS key, sum(${source.row}.vnd_equivalent) AS amount, 0 AS "isUsd", NULL AS "usdRate", count(*) AS n,
    sum(${quantity}) AS "quantityMilli" ${source.from} ${where} GROUP BY 1`,
  );
}

/** In USD the lines are read one by one (each converted at its own date's rate), never from the monthly totals. */
async function sumsOf(ctx: Ctx, input: ParsedInput<'totals'>, side: 'pledged' | 'delivered'): Promise<UsdSum[]> {
  if (input.in === 'USD') {
    const { source, where, key, quantity } = await linesOf(ctx, input, side);
    return usdSums(ctx, source, key, where, quantity);
  }
  return (await buckets(ctx, input, side)).map(([key, amount, , , n, quantityMilli]) => ({
    key,
    cents: amount,
    n,
    quantityMilli,
    unconverted: null,
  }));
}

async function labels(ctx: Ctx, by: TotalsGrouping, keys: string[], lang: 'vi' | 'en'): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  // The ids go as one JSON array: a statement takes at most 32,766 variables, and a ledger may have more donors.
  const ids = sql<string>`(SELECT value FROM json_each(${JSON.stringify(keys)}))`;
  if (by === 'place' && keys.length) {
    for (const p of await ctx.db.selectFrom('places').selectAll().where('id', 'in', ids).execute())
      map.set(p.id, shownName(p, lang));
  } else if (by === 'donor' && keys.length) {
    for (const d of await ctx.db.selectFrom('donors').select(['id', 'name']).where('id', 'in', ids).execute())
      map.set(d.id, d.name);
  } else if (by === 'kind') {
    for (const k of keys)
      map.set(k, VOCABULARY[lang].pledgeKind[k as keyof (typeof VOCABULARY)['vi']['pledgeKind']] ?? k);
  } else if (by === 'quarter') {
    for (const k of keys) map.set(k, VOCABULARY[lang].quarter(k.slice(0, 4), k.slice(6)));
  } else if (by === 'item') {
    // Many items (a year of a national ledger) are read whole, as [id, name] pairs, rather than through a list of ids
    // too long for SQL; the map of every item's name is the labels (ids of no item fall back to themselves).
    const query =
      keys.length > 500
        ? sql`SELECT id, name FROM aid_items`
        : sql`SELECT id, name FROM aid_items WHERE id IN (${sql.join(keys.length ? keys : [''])})`;
    const names = new Map(readRawRows<[string, string]>(ctx, query));
    names.set('', ITEM_VOCABULARY[lang].withoutItem);
    return names;
  } else if (ITEM_GROUPINGS.includes(by)) {
    const words = ITEM_VOCABULARY[lang];
    for (const k of keys) {
      if (k === '') map.set(k, words.withoutItem);
      else if (by === 'sector') map.set(k, sectorLabel(k, lang));
      else map.set(k, labelIn(by === 'modality' ? words.modality : words.stage, k));
    }
  } else {
    for (const k of keys) map.set(k, k);
  }
  return map;
}

/**
 * Maps every place to the unit directly under `root` that contains it (the root maps to itself), so pledges recorded
 * at communes add up into their district's bar. A province's ledger also holds the former provinces merged into it
 * (Tuyên Quang's former Hà Giang), which stand under nothing: their units roll up the same way, under each of them.
 */
async function rollUpMap(ctx: Ctx, root: string): Promise<Map<string, string>> {
  const places = await ctx.db.selectFrom('places').select(['id', 'parentId']).execute();
  const parent = new Map(places.map((p) => [p.id, p.parentId]));
  const merged = await ctx.db.selectFrom('placeSuccessors').select('placeId').where('successorId', '=', root).execute();
  const roots = new Set([root, ...merged.map((m) => m.placeId).filter((id) => parent.get(id) === null)]);
  const map = new Map<string, string>();
  for (const { id } of places) {
    let cursor: string | null = id;
    let below: string | null = null;
    while (cursor !== null && !roots.has(cursor)) {
      below = cursor;
      cursor = parent.get(cursor) ?? null;
    }
    if (cursor !== null) map.set(id, below ?? cursor);
  }
  return map;
}

export async function totals(ctx: Ctx, input: ParsedInput<'totals'>): Promise<TotalsResult> {
  const usd = input.in === 'USD';
  // Sums as plain numbers, each checked to stay exact (every measure is ≥ 0, so no later sum can come back under
  // the limit): by item, a year holds tens of thousands of groups, and a BigInt per addition made most of the work.
  const groups = new Map<
    string,
    { pledged: number; delivered: number; pledgeCount: number; quantityMilli: number; unconverted?: UnconvertedLines }
  >();
  const unconverted = noneUnconverted();
  const months = new Set<string>();
  // Keys that count under another: communes under their district's bar, merged donors under the donor merged into.
  const rollUp =
    input.by === 'place' && input.rollUpUnder && !input.filter.unitsOf
      ? await rollUpMap(ctx, input.rollUpUnder)
      : input.by === 'donor'
        ? await mergedDonors(ctx)
        : null;
  // In today's units a former unit's pledges first move to the unit it became, then roll up from there.
  const today = input.by === 'place' && input.filter.unitsOf ? await todaysUnits(ctx, input.filter.unitsOf) : null;
  const groupOf = (key: string): string => {
    if (!today) return rollUp?.get(key) ?? key;
    const unit = today.unitOf(key);
    return input.rollUpUnder ? (today.under(input.rollUpUnder, unit) ?? unit) : unit;
  };
  for (const side of ['pledged', 'delivered'] as const) {
    for (const sum of await sumsOf(ctx, input, side)) {
      const key = groupOf(sum.key);
      let group = groups.get(key);
      if (!group) {
        group = { pledged: 0, delivered: 0, pledgeCount: 0, quantityMilli: 0 };
        groups.set(key, group);
      }
      if (sum.quantityMilli !== null) group.quantityMilli = safe(group.quantityMilli + sum.quantityMilli);
      group[side] = safe(group[side] + sum.cents);
      if (side === 'pledged') group.pledgeCount += sum.n;
      // Lines with no USD rate for their dates: reported apart, in VND, rather than counted as 0.
      if (sum.unconverted) {
        group.unconverted ??= { pledgedVnd: 0, deliveredVnd: 0, pledgeCount: 0, deliveryCount: 0 };
        for (const account of [group.unconverted, unconverted]) addUnconverted(account, side, sum.unconverted);
        months.add(sum.unconverted.month);
      }
    }
  }
  const names = await labels(ctx, input.by, [...groups.keys()], input.lang);
  // A unit gone by the date already carries the day it ended; one not yet in force on it is marked as not today's.
  if (today) {
    for (const [key, name] of names)
      if (today.isFormer(key) && !today.hasEnded(key)) names.set(key, `${name} ${VOCABULARY[input.lang].formerUnit}`);
  }
  const rows: TotalsGroup[] = [];
  for (const [key, g] of groups) {
    rows.push({
      key,
      label: names.get(key) ?? key,
      pledged: g.pledged,
      delivered: g.delivered,
      pledgeCount: g.pledgeCount,
      // Whole quantities (most) without the exact decimal path.
      quantity: g.quantityMilli % 1000 === 0 ? String(g.quantityMilli / 1000) : milliToQuantity(g.quantityMilli),
      ...(g.unconverted ? { unconverted: g.unconverted } : {}),
    });
  }
  if (input.by === 'quarter') rows.sort((a, b) => a.key.localeCompare(b.key));
  else rows.sort((a, b) => b.pledged - a.pledged || b.delivered - a.delivered || VIETNAMESE.compare(a.label, b.label));
  if (input.perUnit) withUnits(rows, await pledgeUnits(ctx, input, groupOf));
  const total = { pledged: 0, delivered: 0, pledgeCount: 0 };
  for (const g of rows) {
    total.pledged = safe(total.pledged + g.pledged);
    total.delivered = safe(total.delivered + g.delivered);
    total.pledgeCount += g.pledgeCount;
  }
  const result: TotalsResult = { currency: input.in, by: input.by, groups: rows, total };
  if (usd) result.unconverted = { ...unconverted, months: [...months].sort() };
  return result;
}

/** The quantities by unit of the pledges the totals count, by the same groups. */
async function pledgeUnits(ctx: Ctx, input: ParsedInput<'totals'>, groupOf: (key: string) => string) {
  const filter = { ...input.filter };
  if (!filter.statuses?.length) filter.statuses = [...LIVE_STATUSES];
  const date = sql`p.pledge_date`;
  const conditions = await pledgeConditions(ctx, filter, date);
  return quantitiesByUnit(ctx, groupKey(input.by, date, input.filter.unitsOf), conditions, groupOf);
}

function addUnconverted(account: UnconvertedLines, side: 'pledged' | 'delivered', lines: { n: number; vnd: number }) {
  if (side === 'pledged') {
    account.pledgedVnd = safe(account.pledgedVnd + lines.vnd);
    account.pledgeCount += lines.n;
  } else {
    account.deliveredVnd = safe(account.deliveredVnd + lines.vnd);
    account.deliveryCount += lines.n;
  }
}
