/**
 * Pledges (commitments): exact amounts in their currency, the rate they used, and their VND equivalent.
 * A pledge as the ledger shows it: its row with donor, place and delivered sums, and its detail.
 */
import { sql } from 'kysely';
import type { Pledge, PledgeDetail, PledgeRow } from '../../contract';
import { milliToQuantity, subtractQuantities } from '../../contract/money';
import { pledgeHistory } from '../audit';
import { notFound } from '../core/errors';
import { prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import { deliveredSoFar, listDeliveriesOf } from '../deliveries';
import { deliveredValue } from './amounts';
import { displayNameSql } from '../places';

const PLEDGE_NOUN = { vi: 'cam kết', en: 'pledge' };

const PLEDGE_COLUMNS = sql`p.id, p.place_id, p.kind, p.description, p.quantity_milli, p.unit, p.unit_value_minor,
  p.amount_minor, p.currency, p.rate, p.rate_date, p.rate_source, p.vnd_equivalent, p.pledge_date, p.status, p.status_by_user,
  p.beneficiaries, p.approval_number, p.approval_date, p.notes, p.item_id, p.today_place_id, p.recipient, p.village, p.created_at, p.updated_at`;

// A pledge is shown under its donor, or under the donor that one was merged into.
export const ROW_COLUMNS = sql`${PLEDGE_COLUMNS}, d.id AS donor_id, d.name AS donor_name, d.short_name AS donor_short_name, ${displayNameSql('pl')} AS place_name,
  (SELECT ${displayNameSql('tp')} FROM places tp WHERE tp.id = p.today_place_id) AS today_place_name,
  coalesce((SELECT sum(x.amount_minor) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS delivered_amount_minor,
  coalesce((SELECT sum(x.quantity_milli) FROM deliveries x WHERE x.pledge_id = p.id AND x.amount_minor IS NULL), 0) AS delivered_quantity_only_milli,
  coalesce((SELECT sum(x.vnd_equivalent) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS delivered_vnd`;
export const DONOR_JOIN = sql`JOIN donors entered ON entered.id = p.donor_id JOIN donors d ON d.id = coalesce(entered.merged_into, entered.id)`;
export const PLACE_JOIN = sql`JOIN places pl ON pl.id = p.place_id`;
const ROW_FROM = sql`FROM pledges p ${DONOR_JOIN} ${PLACE_JOIN}`;
const ROW_SELECT = sql`SELECT ${ROW_COLUMNS} ${ROW_FROM}`;

/** A ledger row as `ROW_COLUMNS` selects it. */
export interface RawRow {
  id: string;
  donor_id: string;
  place_id: string;
  kind: PledgeRow['kind'];
  description: string;
  quantity_milli: number | null;
  unit: string | null;
  unit_value_minor: number | null;
  amount_minor: number;
  currency: string;
  rate: string;
  rate_date: string | null;
  rate_source: string | null;
  vnd_equivalent: number;
  pledge_date: string;
  status: PledgeRow['status'];
  status_by_user: number;
  beneficiaries: number | null;
  approval_number: string | null;
  approval_date: string | null;
  notes: string | null;
  item_id: string | null;
  today_place_id: string | null;
  recipient: string | null;
  village: string | null;
  created_at: string;
  updated_at: string;
  donor_name: string;
  donor_short_name: string | null;
  place_name: string;
  today_place_name: string | null;
  delivered_amount_minor: number;
  delivered_quantity_only_milli: number;
  delivered_vnd: number;
}

/** Every field named: copying the driver's rows with spread costs ~10 µs a row (they arrive in dictionary mode). */
export function fromRaw(r: RawRow): PledgeRow {
  const quantity = r.quantity_milli === null ? null : milliToQuantity(r.quantity_milli);
  const deliveredAmountMinor =
    r.delivered_quantity_only_milli === 0
      ? r.delivered_amount_minor
      : deliveredValue(
          { quantity, amountMinor: r.amount_minor, unitValueMinor: r.unit_value_minor },
          { amountMinor: r.delivered_amount_minor, quantityOnly: milliToQuantity(r.delivered_quantity_only_milli) },
        );
  return {
    id: r.id,
    donorId: r.donor_id,
    placeId: r.place_id,
    kind: r.kind,
    description: r.description,
    quantity,
    unit: r.unit,
    unitValueMinor: r.unit_value_minor,
    amountMinor: r.amount_minor,
    currency: r.currency,
    rate: r.rate,
    rateDate: r.rate_date,
    rateSource: r.rate_source,
    vndEquivalent: r.vnd_equivalent,
    pledgeDate: r.pledge_date,
    status: r.status,
    statusByUser: r.status_by_user === 1,
    beneficiaries: r.beneficiaries,
    approvalNumber: r.approval_number,
    approvalDate: r.approval_date,
    notes: r.notes,
    itemId: r.item_id,
    todayPlaceId: r.today_place_id,
    recipient: r.recipient,
    village: r.village,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    donorName: r.donor_name,
    donorShortName: r.donor_short_name,
    placeName: r.place_name,
    todayPlaceName: r.today_place_name,
    deliveredAmountMinor,
    deliveredVnd: r.delivered_vnd,
    remainingAmountMinor: r.amount_minor - deliveredAmountMinor,
  };
}

/** One pledge's row by id: the SQL compiled once (it is read back after every pledge written, an import's too). */
let rowByIdText: string | null = null;

export async function getPledgeRow(ctx: Ctx, id: string, field = 'id'): Promise<PledgeRow> {
  rowByIdText ??= sql`${ROW_SELECT} WHERE p.id = ${id}`.compile(ctx.db).sql;
  const row = prepared(ctx.sqlite, rowByIdText).get(id) as RawRow | undefined;
  if (!row) throw notFound(field, PLEDGE_NOUN);
  return fromRaw(row);
}

export async function getPledgeDetail(ctx: Ctx, id: string): Promise<PledgeDetail> {
  const pledge = await getPledgeRow(ctx, id);
  const deliveries = await listDeliveriesOf(ctx, id);
  const delivered = await deliveredSoFar(ctx, id);
  return {
    pledge,
    deliveries,
    remaining: {
      amountMinor: pledge.amountMinor - deliveredValue(pledge, delivered),
      quantity: pledge.quantity === null ? null : subtractQuantities(pledge.quantity, delivered.quantity),
    },
    history: await pledgeHistory(ctx, id),
  };
}

/** The pledge itself, without what its row adds (names, delivered sums): what its history records. */
export function snapshot(row: PledgeRow): Pledge {
  const {
    donorName: _d,
    donorShortName: _s,
    placeName: _p,
    todayPlaceName: _t,
    deliveredAmountMinor: _a,
    deliveredVnd: _v,
    remainingAmountMinor: _r,
    ...pledge
  } = row;
  return pledge;
}
