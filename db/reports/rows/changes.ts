/** The amendments the report lists: update entries of the history for the period's pledges under its place. */
import { sql } from 'kysely';
import { AUTO_STATUS_NOTE } from '../../../contract';
import type { ItemScope } from '../../../contract/items';
import { columnsOf } from '../../core/statements';
import type { Ctx } from '../../core/context';
import { itemsInScope } from '../../items/scope';
import { countingPlaceOn, placesUnderOn } from '../../places/today';
import { placesUnder, whereClause } from '../../pledges/filter';
import { nextDay, type parsePeriod } from '../period';
import type { ReportData } from './data';
import type { ReportNames } from './names';

export interface ChangesAsked {
  period: ReturnType<typeof parsePeriod>;
  /** The place reported on (null: the whole ledger), in the units of `unitsOf` when given. */
  placeId: string | null;
  unitsOf: string | undefined;
  itemScope: ItemScope | null;
  /** The time a report of this period was sent: the amendments since then to the period's pledges. */
  changesAfter: string | undefined;
}

export async function periodChanges(ctx: Ctx, names: ReportNames, asked: ChangesAsked): Promise<ReportData['changes']> {
  const { period, placeId, unitsOf, itemScope, changesAfter } = asked;
  // Pledges changed in the period: their update entries, for pledges under the place.
  const changeWhere = whereClause([
    sql`a.entity = 'pledge'`,
    sql`a.action = 'update'`,
    // A status the ledger moved itself, following a delivery, is no amendment: the delivery is in the report already.
    sql`a.note IS NOT ${AUTO_STATUS_NOTE}`,
    ...(changesAfter
      ? [
          sql`a.at > ${changesAfter}`,
          sql`json_extract(a.after, '$.pledgeDate') BETWEEN ${period.from} AND ${period.to}`,
        ]
      : [sql`a.at >= ${period.from}`, sql`a.at < ${nextDay(period.to)}`]),
    ...(placeId
      ? [
          unitsOf
            ? sql`${countingPlaceOn(unitsOf, sql`json_extract(a.after, '$.placeId')`, sql`json_extract(a.after, '$.todayPlaceId')`)} IN ${placesUnderOn(placeId, unitsOf)}`
            : sql`json_extract(a.after, '$.placeId') IN ${placesUnder(placeId)}`,
        ]
      : []),
    ...(itemScope ? [sql`json_extract(a.after, '$.itemId') IN ${itemsInScope(itemScope)!}`] : []),
  ]);
  const hasPeople = columnsOf(ctx, 'audit_log').includes('user_name');
  const audit = await sql<{
    at: string;
    before: string;
    after: string;
    note: string | null;
    userName: string | null;
    siteName: string | null;
    siteId: string;
  }>`
    SELECT a.at, a.before, a.after, a.note, a.site_id, ${sql.raw(hasPeople ? 'a.user_name, a.site_name' : 'NULL AS user_name, NULL AS site_name')}
    FROM audit_log a ${changeWhere} ORDER BY a.at, a.rowid`.execute(ctx.db);
  // Ids are shown by name: the donor and the place as they are called now.
  const named = (row: Record<string, unknown>) => ({
    ...row,
    ...(typeof row.donorId === 'string' ? { donorId: names.donors.get(row.donorId)?.name ?? row.donorId } : {}),
    ...(typeof row.placeId === 'string' ? { placeId: names.places.get(row.placeId) ?? row.placeId } : {}),
    ...(typeof row.todayPlaceId === 'string'
      ? { todayPlaceId: names.places.get(row.todayPlaceId) ?? row.todayPlaceId }
      : {}),
  });
  return audit.rows.map((a) => {
    const before = JSON.parse(a.before) as Record<string, unknown>;
    const after = JSON.parse(a.after) as Record<string, unknown>;
    const site = a.siteName ?? (a.siteId === ctx.site.id ? ctx.site.name : '');
    return {
      at: a.at,
      donor: names.donors.get(String(after.donorId))?.name ?? '',
      description: String(after.description ?? ''),
      currency: String(after.currency ?? 'VND'),
      before: named(before),
      after: named(after),
      note: a.note,
      by: a.userName ? `${a.userName} — ${site}` : site,
    };
  });
}
