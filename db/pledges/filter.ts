/**
 * A ledger filter as SQL conditions on pledges `p`: the ledger's list and the totals read the same pledges for it.
 * A place filter holds the places under it, or with `unitsOf` the pledges counting under it on that date (by their
 * place, or by their "nay thuộc" unit).
 */
import { sql, type RawBuilder } from 'kysely';
import type { PledgeFilter } from '../../contract';
import type { Ctx } from '../core/context';
import { itemsInScope } from '../items/scope';
import { countsUnderOn } from '../places/today';
import { textParts } from '../search';

/** The ids of a place and of every place under it, as a subquery. */
export function placesUnder(placeId: string): RawBuilder<unknown> {
  return sql`(WITH RECURSIVE under(id) AS (SELECT ${placeId} UNION SELECT c.id FROM places c JOIN under ON c.parent_id = under.id) SELECT id FROM under)`;
}

/**
 * SQL conditions on pledges `p` for a filter, apart from its search words (see `textParts`). `dateColumn` is what
 * from/to apply to: the pledge date, or a delivery's date when totalling deliveries.
 */
export function filterConditions(
  filter: Omit<PledgeFilter, 'text'>,
  dateColumn: RawBuilder<unknown> = sql`p.pledge_date`,
): RawBuilder<unknown>[] {
  const conditions: RawBuilder<unknown>[] = [];
  if (filter.from) conditions.push(sql`${dateColumn} >= ${filter.from}`);
  if (filter.to) conditions.push(sql`${dateColumn} <= ${filter.to}`);
  if (filter.placeId) {
    conditions.push(
      filter.unitsOf
        ? countsUnderOn(filter.placeId, filter.unitsOf)
        : sql`p.place_id IN ${placesUnder(filter.placeId)}`,
    );
  }
  if (filter.donorId)
    conditions.push(
      sql`p.donor_id IN (SELECT id FROM donors WHERE id = ${filter.donorId} OR merged_into = ${filter.donorId})`,
    );
  if (filter.kinds?.length) conditions.push(sql`p.kind IN (${sql.join(filter.kinds)})`);
  if (filter.statuses?.length) conditions.push(sql`p.status IN (${sql.join(filter.statuses)})`);
  if (filter.currencies?.length) conditions.push(sql`p.currency IN (${sql.join(filter.currencies)})`);
  if (filter.itemId) conditions.push(sql`p.item_id = ${filter.itemId}`);
  if (filter.withoutItem) conditions.push(sql`p.item_id IS NULL`);
  const items = itemsInScope(filter);
  if (items) conditions.push(sql`p.item_id IN ${items}`);
  return conditions;
}

/** SQL conditions on pledges `p` for a whole filter, search words included. */
export async function pledgeConditions(
  ctx: Ctx,
  filter: PledgeFilter,
  dateColumn?: RawBuilder<unknown>,
): Promise<RawBuilder<unknown>[]> {
  const conditions = filterConditions(filter, dateColumn);
  const parts = await textParts(ctx, filter.text);
  if (parts)
    conditions.push(
      sql`(${sql.join(
        parts.map((part) => sql`(${sql.join(part, sql` AND `)})`),
        sql` OR `,
      )})`,
    );
  return conditions;
}

export function whereClause(conditions: RawBuilder<unknown>[]): RawBuilder<unknown> {
  return conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
}
