/** The figures to a period's end: read from the kept report totals where they can answer, else from the pledges. */
import { sql } from 'kysely';
import type { PledgeKind } from '../../../contract';
import type { ItemScope } from '../../../contract/items';
import type { Ctx } from '../../core/context';
import { countingPlaceOn } from '../../places/today';
import { filterConditions, placesUnder, whereClause } from '../../pledges/filter';
import { readAllRows } from '../../totals';
import { nextDay } from '../period';

export type ToDateRow = {
  side: 'pledged' | 'delivered';
  kind?: PledgeKind;
  placeId?: string;
  donorId?: string;
  value: number;
};

/**
 * Everything pledged and delivered (not cancelled) up to `to`, under a place, by kind and place or by donor. The
 * report totals answer when `to` ends a month (the years before it, then the months of its year) and, by donor, when
 * the place holds every place of the ledger (they have no place); otherwise the pledges are read.
 */
export async function toDateSums(
  ctx: Ctx,
  by: 'placeKind' | 'donor',
  to: string,
  placeId: string | null,
  unitsOf: string | undefined,
  itemScope: ItemScope | null,
): Promise<ToDateRow[]> {
  const keys = by === 'placeKind' ? ['kind', 'place_id'] : ['donor_id'];
  const columns = (prefix: string) => sql.raw(keys.map((k) => `${prefix}${k} AS ${k}`).join(', '));
  const groupBy = (prefix: string) => sql.raw(`GROUP BY ${keys.map((k) => prefix + k).join(', ')}`);
  const wholeMonths = nextDay(to).endsWith('-01');
  const everyPlace = async () =>
    placeId === null ||
    (
      await sql<{
        n: number;
      }>`SELECT (SELECT count(*) FROM places) - (SELECT count(*) FROM ${placesUnder(placeId)} AS u) AS n`.execute(
        ctx.db,
      )
    ).rows[0]!.n === 0;
  // In today's units a place's scope takes in former units outside its tree: read from the pledges themselves.
  // Those totals know nothing of aid items: a report of some items reads their lines.
  if (!readAllRows.value && !unitsOf && !itemScope && wholeMonths && (by === 'placeKind' || (await everyPlace()))) {
    const name = by === 'placeKind' ? 'place_kind' : 'donor';
    const year = to.slice(0, 4);
    const also = sql`AND status <> 'cancelled' ${placeId && by === 'placeKind' ? sql`AND place_id IN ${placesUnder(placeId)}` : sql``}`;
    // The years before and the months of this year as two ranges of the key, not one OR (which reads by row ids).
    const read = (side: 'pledge' | 'delivery') => {
      const table = sql.raw(`${side}_report_totals_by_${name}`);
      const own = sql.raw([...keys, 'vnd'].join(', '));
      return sql<ToDateRow>`SELECT ${side === 'pledge' ? 'pledged' : 'delivered'} AS side, ${columns('')}, sum(vnd) AS value
        FROM (SELECT ${own} FROM ${table} WHERE span = 'y' AND period < ${year} ${also}
          UNION ALL SELECT ${own} FROM ${table} WHERE span = 'm' AND period >= ${`${year}-01`} AND period <= ${to.slice(0, 7)} ${also}) ${groupBy('')}`.execute(
        ctx.db,
      );
    };
    return [...(await read('pledge')).rows, ...(await read('delivery')).rows];
  }
  const under = { ...(placeId ? { placeId, ...(unitsOf ? { unitsOf } : {}) } : {}), ...(itemScope ?? {}) };
  const live = sql`p.status <> 'cancelled'`;
  // In today's units a pledge counts at its "nay thuộc" unit, when it has one.
  const own =
    by === 'placeKind'
      ? sql`p.kind AS kind, ${unitsOf ? countingPlaceOn(unitsOf) : sql`p.place_id`} AS place_id`
      : sql`p.donor_id AS donor_id`;
  const grouped = sql.raw(by === 'placeKind' ? 'GROUP BY 2, 3' : 'GROUP BY 2');
  const pledged = await sql<ToDateRow>`SELECT 'pledged' AS side, ${own}, sum(p.vnd_equivalent) AS value
    FROM pledges p ${whereClause([...filterConditions({ ...under, to }), live])} ${grouped}`.execute(ctx.db);
  const delivered = await sql<ToDateRow>`SELECT 'delivered' AS side, ${own}, sum(x.vnd_equivalent) AS value
    FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${whereClause([...filterConditions({ ...under, to }, sql`x.delivery_date`), live])} ${grouped}`.execute(
    ctx.db,
  );
  return [...pledged.rows, ...delivered.rows];
}
