/**
 * The amendments the report lists: update entries of the history for the period's pledges under its place, and each
 * in words — every field that changed, before → after, a line attached to an aid item naming the item.
 */
import { sql } from 'kysely';
import { AUTO_STATUS_NOTE, type PledgeKind, type Report } from '../../../contract';
import { dayText } from '../../../contract/dates';
import { VOCABULARY } from '../../../contract/labels';
import { formatAmount } from '../../../contract/money';
import { fieldLabel } from '../../../contract/validation';
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
    entityId: string;
    before: string;
    after: string;
    note: string | null;
    userName: string | null;
    siteName: string | null;
    siteId: string;
  }>`
    SELECT a.at, a.entity_id, a.before, a.after, a.note, a.site_id, ${sql.raw(hasPeople ? 'a.user_name, a.site_name' : 'NULL AS user_name, NULL AS site_name')}
    FROM audit_log a ${changeWhere} ORDER BY a.at, a.rowid`.execute(ctx.db);
  // An entry of a line moved into an aid item holds the item alone: the line's donor and content are read from it.
  const ids = [...new Set(audit.rows.map((a) => a.entityId))];
  const lines = new Map(
    ids.length
      ? (
          await ctx.db
            .selectFrom('pledges')
            .select(['id', 'donorId', 'description', 'currency'])
            .where('id', 'in', ids)
            .execute()
        ).map((p) => [p.id, p])
      : [],
  );
  const entries = audit.rows.map((a) => ({
    ...a,
    before: JSON.parse(a.before) as Record<string, unknown>,
    after: JSON.parse(a.after) as Record<string, unknown>,
  }));
  // The names of the items the entries name, only: a national ledger holds a hundred thousand.
  const itemIds = [
    ...new Set(entries.flatMap((e) => [e.before.itemId, e.after.itemId]).filter((id) => typeof id === 'string')),
  ];
  const items = new Map(
    itemIds.length
      ? (
          await ctx.db
            .selectFrom('aidItems')
            .select(['id', 'name'])
            .where('id', 'in', sql<string>`(SELECT value FROM json_each(${JSON.stringify(itemIds)}))`)
            .execute()
        ).map((i) => [i.id, i.name])
      : [],
  );
  // Ids are shown by name: the donor, the place and the aid item as they are called now.
  const named = (row: Record<string, unknown>) => ({
    ...row,
    ...(typeof row.itemId === 'string' ? { itemId: items.get(row.itemId) ?? row.itemId } : {}),
    ...(typeof row.donorId === 'string' ? { donorId: names.donors.get(row.donorId)?.name ?? row.donorId } : {}),
    ...(typeof row.placeId === 'string' ? { placeId: names.places.get(row.placeId) ?? row.placeId } : {}),
    ...(typeof row.todayPlaceId === 'string'
      ? { todayPlaceId: names.places.get(row.todayPlaceId) ?? row.todayPlaceId }
      : {}),
  });
  return entries.map(({ before, after, ...a }) => {
    const site = a.siteName ?? (a.siteId === ctx.site.id ? ctx.site.name : '');
    const line = lines.get(a.entityId);
    return {
      at: a.at,
      donor: names.donors.get(String(after.donorId ?? line?.donorId))?.name ?? '',
      description: String(after.description ?? line?.description ?? ''),
      currency: String(after.currency ?? line?.currency ?? 'VND'),
      before: named(before),
      after: named(after),
      note: a.note,
      by: a.userName ? `${a.userName} — ${site}` : site,
    };
  });
}

/** The fields a change names, in this order: what was promised, to whom, by whom, where, how far it has come. */
const SHOWN_CHANGES = [
  'donorId',
  'placeId',
  'todayPlaceId',
  'kind',
  'description',
  'quantity',
  'unit',
  'unitValueMinor',
  'amountMinor',
  'currency',
  'rate',
  'rateDate',
  'rateSource',
  'vndEquivalent',
  'pledgeDate',
  'status',
  'beneficiaries',
  'approvalNumber',
  'approvalDate',
  'recipient',
  'village',
  'notes',
];
const MONEY = new Set(['unitValueMinor', 'amountMinor', 'vndEquivalent']);
const DAYS = new Set(['pledgeDate', 'rateDate', 'approvalDate']);
/** Kept by the ledger itself, never a change of what was promised. */
const BOOKKEEPING = new Set(['id', 'createdAt', 'updatedAt', 'siteId', 'searchText', 'statusByUser', 'quantityMilli']);

/** A line moved into, out of or between aid items, in words. */
function itemWords(before: unknown, after: unknown, lang: 'vi' | 'en'): string {
  if (!before) return `${lang === 'vi' ? 'Gắn vào khoản viện trợ' : 'Attached to aid item'}: ${String(after)}`;
  if (!after) return `${lang === 'vi' ? 'Bỏ khỏi khoản viện trợ' : 'Taken out of aid item'}: ${String(before)}`;
  return `${fieldLabel('itemId')[lang]}: ${String(before)} → ${String(after)}`;
}

/** Each amended pledge with what changed, before → after, in the reader's words; days as dd/mm/yyyy. */
export function changeRows(changes: ReportData['changes'], lang: 'vi' | 'en'): Report['changes'] {
  const words = VOCABULARY[lang];
  const show = (field: string, value: unknown, currency: string) => {
    if (value === null || value === undefined || value === '') return '∅';
    if (MONEY.has(field) && typeof value === 'number')
      return formatAmount(value, field === 'vndEquivalent' ? 'VND' : currency, lang);
    if (DAYS.has(field) && typeof value === 'string') return dayText(value);
    if (field === 'kind') return words.pledgeKind[value as PledgeKind] ?? String(value);
    if (field === 'status') return words.pledgeStatus[value as keyof typeof words.pledgeStatus] ?? String(value);
    return String(value);
  };
  return changes.map((c) => {
    const differs = (f: string) => JSON.stringify(c.before[f] ?? null) !== JSON.stringify(c.after[f] ?? null);
    const fields = [...new Set([...Object.keys(c.before), ...Object.keys(c.after)])].filter(
      (f) => differs(f) && !BOOKKEEPING.has(f),
    );
    const ordered = [
      ...SHOWN_CHANGES.filter((f) => fields.includes(f)),
      ...fields.filter((f) => !SHOWN_CHANGES.includes(f)),
    ];
    return {
      date: c.at.slice(0, 10),
      donor: c.donor,
      description: c.description,
      changes: ordered
        .map((f) =>
          f === 'itemId'
            ? itemWords(c.before[f], c.after[f], lang)
            : `${fieldLabel(f)[lang]}: ${show(f, c.before[f], c.currency)} → ${show(f, c.after[f], c.currency)}`,
        )
        .join('; '),
      reason: c.note ?? '',
      by: c.by,
    };
  });
}
