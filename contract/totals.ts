/** The totals area of the contract: pledged and delivered sums of the pledges a filter matches, by one grouping. */
import { z } from 'zod';
import { Id } from './fields';
import { method } from './method';
import { PledgeFilter } from './pledges';
import type { UnconvertedInUsd, UnconvertedLines } from './usd';

export const TOTALS_GROUPINGS = [
  'place',
  'donor',
  'kind',
  'quarter',
  'currency',
  'item',
  'sector',
  'modality',
  'stage',
] as const;
export type TotalsGrouping = (typeof TOTALS_GROUPINGS)[number];

/**
 * The unit totals by place group under, the same wherever they are asked for (the dashboard's chart, the command
 * line): the place filtered on, or else the ledger's province — the one province in force that stands under nothing.
 * None on a ledger of the whole country (34 of them): its units are grouped as recorded.
 */
export function rollUpPlace(
  placeId: string | undefined,
  places: readonly { id: string; level: string; parentId: string | null; validTo?: string | null }[] | undefined,
): string | undefined {
  if (placeId) return placeId;
  const provinces = (places ?? []).filter((p) => p.level === 'province' && p.parentId === null && !p.validTo);
  return provinces.length === 1 ? provinces[0]!.id : undefined;
}

export const TotalsInput = z.strictObject({
  by: z.enum(TOTALS_GROUPINGS),
  /** With by = place: one group per unit directly under this one (its own pledges form a group too). */
  rollUpUnder: Id.optional(),
  filter: PledgeFilter.default({}),
  in: z.enum(['VND', 'USD']).default('VND'),
  lang: z.enum(['vi', 'en']).default('vi'),
  /** With it, each group tells its pledges' quantities unit by unit (`units`) and how many have none. */
  perUnit: z.boolean().optional(),
});

/** The quantities of a group's pledges in one unit ("căn", "hộ", "suất"): houses and households never add up. */
export interface UnitQuantity {
  /** The unit as written on the pledges ('' for quantities written without one). */
  unit: string;
  /** Sum of those pledges' quantities, exact decimal text. */
  quantity: string;
  pledgeCount: number;
}

export interface TotalsGroup {
  key: string;
  label: string;
  pledged: number;
  delivered: number;
  pledgeCount: number;
  /** Sum of the pledges' quantities (houses, packages, ...), exact decimal text: of every unit together. */
  quantity: string;
  /** Asked with `perUnit`: the quantities unit by unit, largest count of pledges first. */
  units?: UnitQuantity[];
  /** Asked with `perUnit`: how many of the group's pledges have no quantity. */
  withoutQuantity?: number;
  /** In USD, when some of the group's lines have no USD rate on or before their date: left out of its USD sums. */
  unconverted?: UnconvertedLines;
}

export interface TotalsResult {
  currency: 'VND' | 'USD';
  by: TotalsGrouping;
  groups: TotalsGroup[];
  total: { pledged: number; delivered: number; pledgeCount: number };
  /**
   * In USD: the lines with no USD rate on or before their date, kept in VND so nothing vanishes (see `db/usd.ts`:
   * each line is converted once, at its own date's rate, and every USD figure is a sum of lines in cents).
   */
  unconverted?: UnconvertedInUsd;
}

export const totalsMethods = {
  totals: method<TotalsResult>()(TotalsInput),
} as const;
