/**
 * The ledger's totals line for a filter: how many pledges match, what the matching pledges not cancelled promised in
 * VND, what was delivered on them (every delivery, whatever its date), and what remains.
 *
 * Read from the monthly totals (migrations 0005 and 0013) when one of their tables is keyed by everything the filter
 * holds: those tables count every pledge under its place, donor, kind, item, status and currency, and every delivery
 * under its pledge's, with the VND equivalents each row was written with, so their sums are the pledges' own. A
 * thousand totals rows stand for a million pledges. Otherwise the pledges themselves are read.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ParsedInput, PledgeFilter, PledgeSummary } from '../../contract';
import { searchWords } from '../../contract/text';
import type { Ctx } from '../core/context';
import { readRows } from '../core/statements';
import { placesUnder, pledgeConditions, whereClause } from './filter';

/** The schema whose migration (0013) added the last of the monthly totals tables read here, those by item. */
const TOTALS_BY_ITEM_SCHEMA = 13;

/** A monthly totals table: `pledge_totals_by_…` and `delivery_totals_by_…`. */
type Keyed = 'place' | 'donor' | 'kind' | 'item';

/**
 * The monthly totals table that answers a filter exactly, with the conditions on its rows `t`, or null. The delivery
 * tables are keyed by the delivery's month, not the pledge's, so a period filter is never answered from them.
 * At most one of place, donor, kinds and aid item (each only in its own table), besides statuses and currencies
 * (in every table); a place in today's units, aid items' sectors, modalities or stages, and search words are not.
 */
export function summaryTotalsFilter(filter: PledgeFilter): { keyed: Keyed; conditions: RawBuilder<unknown>[] } | null {
  const { placeId, unitsOf, donorId, kinds, statuses, currencies, itemId, withoutItem, text, ...rest } = filter;
  // Anything else (a period, an item's class, a filter added later) is read from the pledges.
  if (Object.values(rest).some((value) => value !== undefined && !(Array.isArray(value) && !value.length))) return null;
  if (searchWords(text ?? '').length) return null;
  // In today's units a pledge with a "nay thuộc" unit counts under that unit, not its place (unitsOf alone filters
  // nothing).
  if (placeId && unitsOf) return null;
  const byItem = Boolean(itemId) || withoutItem === true;
  const keys = [Boolean(placeId), Boolean(donorId), Boolean(kinds?.length), byItem].filter(Boolean).length;
  if (keys > 1) return null;
  const keyed: Keyed = placeId ? 'place' : donorId ? 'donor' : byItem ? 'item' : 'kind';
  const conditions: RawBuilder<unknown>[] = [];
  if (placeId) conditions.push(sql`t.place_id IN ${placesUnder(placeId)}`);
  if (donorId)
    conditions.push(sql`t.donor_id IN (SELECT id FROM donors WHERE id = ${donorId} OR merged_into = ${donorId})`);
  if (kinds?.length) conditions.push(sql`t.kind IN (${sql.join(kinds)})`);
  // Lines of no item are kept under item ''.
  if (itemId) conditions.push(sql`t.item_id = ${itemId}`);
  if (withoutItem) conditions.push(sql`t.item_id = ''`);
  if (statuses?.length) conditions.push(sql`t.status IN (${sql.join(statuses)})`);
  if (currencies?.length) conditions.push(sql`t.currency IN (${sql.join(currencies)})`);
  return { keyed, conditions };
}

const summaryOf = (count: number, pledgedVnd: number | null, deliveredVnd: number | null): PledgeSummary => {
  const pledged = pledgedVnd ?? 0;
  const delivered = deliveredVnd ?? 0;
  return { count, pledgedVnd: pledged, deliveredVnd: delivered, remainingVnd: pledged - delivered };
};

/**
 * The summary from the monthly totals, or null when they cannot give it exactly. Not while a bulk write defers them
 * (its changes are folded in only when it ends).
 */
export function summaryFromTotals(ctx: Ctx, filter: PledgeFilter): PledgeSummary | null {
  // Ledgers of an earlier schema (opened in tests of upgrades) may not have every totals table yet.
  if (ctx.tracking.totalsDeferred || ctx.schemaVersion < TOTALS_BY_ITEM_SCHEMA) return null;
  const found = summaryTotalsFilter(filter);
  if (!found) return null;
  const pledges = sql.raw(`pledge_totals_by_${found.keyed}`);
  const deliveries = sql.raw(`delivery_totals_by_${found.keyed}`);
  const pledged = readRows<{ count: number | null; pledgedVnd: number | null }>(
    ctx,
    sql`SELECT sum(t.n) AS count, sum(CASE WHEN t.status <> 'cancelled' THEN t.vnd END) AS "pledgedVnd"
    FROM ${pledges} t ${whereClause(found.conditions)}`,
  )[0];
  const delivered = readRows<{ deliveredVnd: number | null }>(
    ctx,
    sql`SELECT sum(t.vnd) AS "deliveredVnd" FROM ${deliveries} t ${whereClause([...found.conditions, sql`t.status <> 'cancelled'`])}`,
  )[0];
  return summaryOf(pledged?.count ?? 0, pledged?.pledgedVnd ?? null, delivered?.deliveredVnd ?? null);
}

/** The summary read from the matching pledges and their deliveries themselves. */
export async function summaryFromPledges(ctx: Ctx, filter: PledgeFilter): Promise<PledgeSummary> {
  const conditions = await pledgeConditions(ctx, filter);
  const pledged = await sql<{ count: number; pledgedVnd: number | null }>`
    SELECT count(*) AS count, sum(CASE WHEN p.status <> 'cancelled' THEN p.vnd_equivalent END) AS pledged_vnd
    FROM pledges p ${whereClause(conditions)}`.execute(ctx.db);
  // Every delivery of the matching pledges, whatever its date: the ledger's "delivered" column summed.
  const delivered = await sql<{ deliveredVnd: number | null }>`
    SELECT sum(x.vnd_equivalent) AS delivered_vnd FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${whereClause([...conditions, sql`p.status <> 'cancelled'`])}`.execute(
    ctx.db,
  );
  return summaryOf(pledged.rows[0]!.count, pledged.rows[0]!.pledgedVnd, delivered.rows[0]!.deliveredVnd);
}

export async function summarizePledges(ctx: Ctx, input: ParsedInput<'pledges.summary'>): Promise<PledgeSummary> {
  return summaryFromTotals(ctx, input.filter) ?? summaryFromPledges(ctx, input.filter);
}
