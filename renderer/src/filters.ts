/** The filter shared by the dashboard and the ledger: what the user picked, and the contract filter it means. */
import type { PledgeFilter, PledgeKind, PledgeStatus } from '../../contract';
import { readDayText } from '../../contract/dates';
import type { AidModality, AidStage } from '../../contract/items';

export const PERIOD_PRESETS = ['all', 'thisQuarter', 'lastQuarter', 'thisYear', 'lastYear', 'custom'] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export interface FilterState {
  preset: PeriodPreset;
  /** Used when preset = custom. */
  from?: string;
  to?: string;
  placeId?: string;
  donorId?: string;
  kinds: PledgeKind[];
  statuses: PledgeStatus[];
  text: string;
  /** Figures in today's units: former units' pledges under the units they became. */
  todaysUnits?: boolean;
  /** Lines of the aid items of these modalities, sectors and stages, as "modality:project", "sector:health", "stage:approved". */
  itemFacets?: string[];
}

export const EMPTY_FILTER: FilterState = { preset: 'all', kinds: [], statuses: [], text: '' };

const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The dates a preset covers, relative to `today`. */
export function periodRange(
  preset: PeriodPreset,
  today: Date,
  custom: { from?: string; to?: string } = {},
): { from?: string; to?: string } {
  const y = today.getFullYear();
  const q = Math.floor(today.getMonth() / 3); // 0..3
  const quarter = (year: number, index: number) => ({
    from: iso(year, index * 3 + 1, 1),
    to: iso(year, index * 3 + 3, lastDay(year, index * 3 + 3)),
  });
  switch (preset) {
    case 'all':
      return {};
    case 'thisQuarter':
      return quarter(y, q);
    case 'lastQuarter':
      return q === 0 ? quarter(y - 1, 3) : quarter(y, q - 1);
    case 'thisYear':
      return { from: iso(y, 1, 1), to: iso(y, 12, 31) };
    case 'lastYear':
      return { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) };
    case 'custom':
      return { ...(custom.from ? { from: custom.from } : {}), ...(custom.to ? { to: custom.to } : {}) };
  }
}

export function toContractFilter(state: FilterState, today: Date = new Date()): PledgeFilter {
  const range = periodRange(state.preset, today, state);
  return {
    ...range,
    ...(state.placeId ? { placeId: state.placeId } : {}),
    ...(state.donorId ? { donorId: state.donorId } : {}),
    ...(state.kinds.length ? { kinds: state.kinds } : {}),
    ...(state.statuses.length ? { statuses: state.statuses } : {}),
    ...(state.text.trim() ? { text: state.text.trim() } : {}),
    ...(state.todaysUnits ? { unitsOf: iso(today.getFullYear(), today.getMonth() + 1, today.getDate()) } : {}),
    ...itemFilter(state.itemFacets ?? []),
  };
}

/** The item facets chosen, as the contract's sectors, modalities and stages (each kind ORed, the kinds ANDed). */
export function itemFilter(facets: string[]): Pick<PledgeFilter, 'sectors' | 'modalities' | 'stages'> {
  const of = (kind: string) => facets.filter((f) => f.startsWith(`${kind}:`)).map((f) => f.slice(kind.length + 1));
  const [sectors, modalities, stages] = [of('sector'), of('modality') as AidModality[], of('stage') as AidStage[]];
  return {
    ...(sectors.length ? { sectors } : {}),
    ...(modalities.length ? { modalities } : {}),
    ...(stages.length ? { stages } : {}),
  };
}

/** The quarter key "2022-Q3" as a date range, for opening the ledger from a chart bar. */
export function quarterRange(key: string): { from: string; to: string } {
  const [year, q] = [Number(key.slice(0, 4)), Number(key.slice(6))];
  return { from: iso(year, (q - 1) * 3 + 1, 1), to: iso(year, q * 3, lastDay(year, q * 3)) };
}

/**
 * Whether a filter's date field takes up a date set elsewhere (a preset, "clear"): yes, unless the user is typing a
 * date not yet readable there, or the field already shows that date.
 */
export function followsDate(text: string, iso: string | undefined): boolean {
  const read = readDayText(text);
  const shown = 'iso' in read ? read.iso : undefined;
  const typingOver = !('iso' in read) && read.reason !== 'empty';
  return !typingOver && shown !== iso;
}

/** What a filter's date as typed applies: a real day, or none once it is cleared; nothing while it is neither. */
export function typedFilterDate(text: string): { iso: string | undefined } | null {
  const read = readDayText(text);
  if ('iso' in read) return { iso: read.iso };
  return read.reason === 'empty' ? { iso: undefined } : null;
}

/** The place the chart by place groups under: the contract's rule, which the command line's totals follow too. */
export { rollUpPlace } from '../../contract/totals';
