/** The detail rows of a period: every pledge and every delivery in it, read in date order. */
import { sql, type RawBuilder } from 'kysely';
import type { PledgeKind, ReportDetailRow } from '../../../contract';
import type { Lang, VOCABULARY } from '../../../contract/labels';
import { formatAmount, milliToQuantity } from '../../../contract/money';
import type { Ctx } from '../../core/context';
import type { ReportNames } from './names';

/** A detail row's columns, in the order `detailSources` selects them. */
export interface DetailSource {
  date: string;
  donorId: string;
  placeId: string;
  kind: PledgeKind;
  description: string;
  quantityMilli: number | null;
  unit: string | null;
  amountMinor: number | null;
  currency: string;
  rate: string;
  vnd: number;
  status: string;
  /** The place its figures count at: its own, or in today's units its "nay thuộc" unit (`countingPlaceOn`). */
  countedAt: string;
  /** Who received it, and their village (a delivery's own, else its pledge's). */
  recipient: string | null;
  village: string | null;
}

/**
 * The detail rows of a period, read as arrays straight from the driver (inside the call's transaction): a quarter
 * lists tens of thousands, and the driver's row objects cost more to build and to read than the arrays.
 */
function detailSources(ctx: Ctx, query: RawBuilder<unknown>): DetailSource[] {
  const { sql: text, parameters } = query.compile(ctx.db);
  const rows = ctx.sqlite
    .prepare(text)
    .raw()
    .all(...parameters) as DetailSource[keyof DetailSource][][];
  return rows.map(
    ([
      date,
      donorId,
      placeId,
      kind,
      description,
      quantityMilli,
      unit,
      amountMinor,
      currency,
      rate,
      vnd,
      status,
      countedAt,
      recipient,
      village,
    ]) =>
      ({
        date,
        donorId,
        placeId,
        kind,
        description,
        quantityMilli,
        unit,
        amountMinor,
        currency,
        rate,
        vnd,
        status,
        countedAt,
        recipient,
        village,
      }) as DetailSource,
  );
}

/**
 * The pledges dated in the period (`inPeriod`: a WHERE clause over pledges `p`). In date order, ties in the order rows
 * were stored (the date index's own order, so nothing is sorted).
 */
export function pledgeSources(
  ctx: Ctx,
  inPeriod: RawBuilder<unknown>,
  countedAt: RawBuilder<unknown> = sql`p.place_id`,
): DetailSource[] {
  return detailSources(
    ctx,
    sql`SELECT p.pledge_date, p.donor_id, p.place_id, p.kind, p.description, p.quantity_milli, p.unit, p.amount_minor,
    p.currency, p.rate, p.vnd_equivalent, p.status, ${countedAt}, p.recipient, p.village FROM pledges p ${inPeriod} ORDER BY p.pledge_date, p.rowid`,
  );
}

/** The deliveries dated in the period (`deliveredIn`: over deliveries `x` and their pledges `p`), in the same order. */
export function deliverySources(
  ctx: Ctx,
  deliveredIn: RawBuilder<unknown>,
  countedAt: RawBuilder<unknown> = sql`p.place_id`,
): DetailSource[] {
  return detailSources(
    ctx,
    sql`SELECT x.delivery_date, p.donor_id, p.place_id, p.kind, p.description, x.quantity_milli, p.unit, x.amount_minor,
    x.currency, x.rate, x.vnd_equivalent, p.status, ${countedAt}, coalesce(x.recipient, p.recipient),
    coalesce(x.village, p.village) FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${deliveredIn} ORDER BY x.delivery_date, x.rowid`,
  );
}

/** A detail row as the report shows it: names for ids, the kind and status in words, the amount in Vietnamese style. */
export function detailRow(
  type: 'pledge' | 'delivery',
  row: DetailSource,
  names: ReportNames,
  words: (typeof VOCABULARY)[Lang],
): ReportDetailRow {
  return {
    type,
    date: row.date,
    donor: names.donors.get(row.donorId)?.name ?? '',
    placeName: names.places.get(row.placeId) ?? '',
    kindLabel: words.pledgeKind[row.kind],
    description: row.description,
    quantity: row.quantityMilli === null ? null : milliToQuantity(row.quantityMilli),
    unit: row.unit,
    amountMinor: row.amountMinor,
    currency: row.currency,
    amountText: row.amountMinor === null ? '' : formatAmount(row.amountMinor, row.currency, 'vi'),
    rate: row.rate,
    vnd: row.vnd,
    status: words.pledgeStatus[row.status as keyof typeof words.pledgeStatus] ?? row.status,
    recipient: [row.recipient, row.village].filter(Boolean).join(', '),
  };
}
