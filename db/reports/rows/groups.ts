/** The report's sums by kind and place and by donor, each figure added to the groups it counts in. */
import type { PledgeKind } from '../../../contract';
import { exactSum } from '../../pledges/sums';
import type { TodaysUnits } from '../../places/today';
import type { DonorGroup, OriginalSum, Sums, SummaryGroup } from './data';
import type { DetailSource } from './detail';
import type { ReportNames } from './names';

export function groupSums(names: ReportNames, today: TodaysUnits | null, formerUnit: string) {
  const summaryGroups = new Map<string, SummaryGroup>();
  const donorGroups = new Map<string, DonorGroup>();
  const empty = (): Sums => ({ pledgedVnd: 0, deliveredVnd: 0, cumulativeDeliveredVnd: 0, pledgedToDateVnd: 0 });
  const summaryPlace = (placeId: string) => (today ? today.unitOf(placeId) : placeId);
  const summaryName = (placeId: string) =>
    // A unit gone by the date already carries the day it ended; one not yet in force on it is marked as not today's.
    `${names.places.get(placeId) ?? ''}${today?.isFormer(placeId) && !today.hasEnded(placeId) ? ` ${formerUnit}` : ''}`;
  const addTo = (field: keyof Sums, row: { kind?: PledgeKind; placeId?: string; donorId?: string; value: number }) => {
    if (row.kind !== undefined && row.placeId !== undefined) {
      const placeId = summaryPlace(row.placeId);
      const k = `${row.kind}|${placeId}`;
      const g = summaryGroups.get(k) ?? { kind: row.kind, placeId, placeName: summaryName(placeId), ...empty() };
      g[field] = exactSum(g[field], row.value);
      summaryGroups.set(k, g);
    }
    if (row.donorId !== undefined) {
      const donor = names.donors.get(row.donorId);
      const donorId = donor?.id ?? row.donorId;
      const g = donorGroups.get(donorId) ?? {
        donorId,
        donor: donor?.name ?? '',
        country: donor?.country ?? null,
        ...empty(),
      };
      g[field] = exactSum(g[field], row.value);
      donorGroups.set(donorId, g);
    }
  };
  return { summaryGroups, donorGroups, addTo };
}

/** The amounts pledged in their own currencies (not VND), by kind and place. */
export function originalSums(pledgeRows: DetailSource[]): OriginalSum[] {
  const originals = new Map<string, OriginalSum>();
  for (const r of pledgeRows) {
    if (r.currency === 'VND') continue;
    const k = `${r.kind}|${r.countedAt}|${r.currency}`;
    const o = originals.get(k) ?? { kind: r.kind, placeId: r.countedAt, currency: r.currency, amount: 0 };
    o.amount = exactSum(o.amount, r.amountMinor ?? 0);
    originals.set(k, o);
  }
  return [...originals.values()];
}
