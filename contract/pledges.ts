/**
 * The pledges area of the contract: what a donor promised a place, in its currency and at its rate, amended with a
 * reason; the filter every list, total and report reads the pledges through; and a pledge with its deliveries and
 * history.
 */
import { z } from 'zod';
import type { Delivery } from './deliveries';
import { AmountMinor, Currency, Id, IdInput, IsoDate, LongText, Quantity, Rate, ShortText } from './fields';
import type { HistoryEntry } from './history';
import { AID_MODALITIES, AID_STAGES, Sector } from './items';
import { method } from './method';

export const PLEDGE_KINDS = ['house', 'gift', 'scholarship', 'cash', 'equipment', 'project', 'other'] as const;
export const PLEDGE_STATUSES = ['pledged', 'in_progress', 'completed', 'cancelled'] as const;
export const PLEDGE_SORT_KEYS = [
  'pledgeDate',
  'vndEquivalent',
  'donor',
  'place',
  'kind',
  'status',
  'updatedAt',
] as const;

export type PledgeKind = (typeof PLEDGE_KINDS)[number];
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export type PledgeSortKey = (typeof PLEDGE_SORT_KEYS)[number];

const pledgeFields = {
  donorId: Id,
  placeId: Id,
  kind: z.enum(PLEDGE_KINDS),
  description: z.string().trim().min(1).max(2000),
  quantity: Quantity.nullish(),
  unit: z.string().trim().max(50).nullish(),
  unitValueMinor: AmountMinor.nullish(),
  /** Omitted when quantity and unit value are given: it is then their product. */
  amountMinor: AmountMinor.nullish(),
  currency: Currency,
  /** VND per one unit of the currency; proposed from the rates table when omitted. */
  rate: Rate.nullish(),
  rateDate: IsoDate.nullish(),
  rateSource: ShortText.nullish(),
  pledgeDate: IsoDate,
  status: z.enum(PLEDGE_STATUSES).optional(),
  beneficiaries: z.number().int().min(0).max(1_000_000_000).nullish(),
  approvalNumber: z.string().trim().max(100).nullish(),
  approvalDate: IsoDate.nullish(),
  notes: LongText.nullish(),
  /** The aid item the line belongs to. */
  itemId: Id.nullish(),
  /**
   * "Nay thuộc" (today in): for a pledge of a former unit that became several, the one of them the aid went to, as
   * the officer knows it (one of the place's successors; null for not said). Changing the place keeps it only
   * while it is a successor of the new place.
   */
  todayPlaceId: Id.nullish(),
  /** Who received it (a household, a school, a health station), as the commune's list names them. */
  recipient: ShortText.nullish(),
  /** The recipient's village (thôn, bản, xóm, tổ dân phố). */
  village: ShortText.nullish(),
};
export const PledgeCreateInput = z.strictObject(pledgeFields);
/**
 * An amendment changing any of these needs a reason (kept in the history and the report's "Điều chỉnh" sheet): what
 * was promised, to whom, by whom, where, and how far it has come.
 */
export const FIELDS_NEEDING_REASON = [
  'amountMinor',
  'unitValueMinor',
  'quantity',
  'currency',
  'rate',
  'donorId',
  'placeId',
  'kind',
  'status',
] as const;

/** The history note of a status the ledger changed itself, following the deliveries (shown in each language). */
export const AUTO_STATUS_NOTE = 'auto:status-follows-deliveries';
/** The history note of a pledge a list's receipt made, no pledge in the ledger fitting it: delivered in full then. */
export const RECEIPT_WITHOUT_PLEDGE_NOTE = 'auto:receipt-without-pledge';

export const PledgeUpdateInput = z.strictObject({
  id: Id,
  /** Why the pledge changed (kept in its history); required when a field of FIELDS_NEEDING_REASON changes. */
  reason: ShortText.nullish(),
  ...z.object(pledgeFields).partial().shape,
});

export const PledgeFilter = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** A place and everything under it. */
  placeId: Id.optional(),
  /**
   * Places as they are on this date ("in today's units"): a former unit's pledges count under the unit it became, when
   * it became one; a former unit that became several stays a group of its own.
   */
  unitsOf: IsoDate.optional(),
  donorId: Id.optional(),
  kinds: z.array(z.enum(PLEDGE_KINDS)).max(PLEDGE_KINDS.length).optional(),
  statuses: z.array(z.enum(PLEDGE_STATUSES)).max(PLEDGE_STATUSES.length).optional(),
  currencies: z.array(Currency).max(50).optional(),
  /** Lines of one aid item; `withoutItem`: lines of none. */
  itemId: Id.optional(),
  withoutItem: z.boolean().optional(),
  /** Lines of the aid items of these sectors, modalities or stages. */
  sectors: z.array(Sector).max(50).optional(),
  modalities: z.array(z.enum(AID_MODALITIES)).max(AID_MODALITIES.length).optional(),
  stages: z.array(z.enum(AID_STAGES)).max(AID_STAGES.length).optional(),
  /** Words matched ignoring case and accents against description, donor, place, notes, approval number. */
  text: z.string().max(200).optional(),
});
export type PledgeFilter = z.output<typeof PledgeFilter>;

export const PledgeListInput = z.strictObject({
  filter: PledgeFilter.default({}),
  sort: z
    .strictObject({ by: z.enum(PLEDGE_SORT_KEYS), dir: z.enum(['asc', 'desc']) })
    .default({ by: 'pledgeDate', dir: 'desc' }),
  page: z
    .strictObject({ offset: z.number().int().min(0).max(100_000_000), limit: z.number().int().min(1).max(500) })
    .default({ offset: 0, limit: 100 }),
  /** Count every match too (a page scrolled into view needs no count: the first answer had it). */
  withTotal: z.boolean().default(true),
});

export const PledgeSummaryInput = z.strictObject({ filter: PledgeFilter.default({}) });

export interface Pledge {
  id: string;
  donorId: string;
  placeId: string;
  kind: PledgeKind;
  description: string;
  quantity: string | null;
  unit: string | null;
  unitValueMinor: number | null;
  amountMinor: number;
  currency: string;
  rate: string;
  rateDate: string | null;
  rateSource: string | null;
  vndEquivalent: number;
  pledgeDate: string;
  status: PledgeStatus;
  /** False while the status follows the deliveries (first delivery: in progress; all delivered: completed). */
  statusByUser: boolean;
  beneficiaries: number | null;
  approvalNumber: string | null;
  approvalDate: string | null;
  notes: string | null;
  /** The aid item (khoản viện trợ) the line belongs to; null for a line not yet attached to one. */
  itemId: string | null;
  /** "Nay thuộc": the successor of a split former place the aid went to (null: not said); see `pledgeFields`. */
  todayPlaceId: string | null;
  /** Who received it and their village, as text (null: not said). */
  recipient: string | null;
  village: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PledgeRow extends Pledge {
  donorName: string;
  donorShortName: string | null;
  placeName: string;
  /** The "nay thuộc" unit's name (null without one). */
  todayPlaceName: string | null;
  deliveredAmountMinor: number;
  deliveredVnd: number;
  remainingAmountMinor: number;
}

export interface PledgeDetail {
  pledge: PledgeRow;
  deliveries: Delivery[];
  remaining: { amountMinor: number; quantity: string | null };
  history: HistoryEntry[];
}

/** Sums over every pledge a filter matches (cancelled ones counted but not added). */
export interface PledgeSummary {
  count: number;
  pledgedVnd: number;
  deliveredVnd: number;
  remainingVnd: number;
}

export interface PledgeList {
  rows: PledgeRow[];
  /** null when the call asked not to count. */
  total: number | null;
}

export const pledgeMethods = {
  'pledges.list': method<PledgeList>()(PledgeListInput),
  'pledges.summary': method<PledgeSummary>()(PledgeSummaryInput),
  'pledges.get': method<PledgeDetail>()(IdInput),
  'pledges.create': method<PledgeRow>()(PledgeCreateInput),
  'pledges.update': method<PledgeRow>()(PledgeUpdateInput),
  'pledges.delete': method<{ id: string }>()(IdInput),
} as const;
