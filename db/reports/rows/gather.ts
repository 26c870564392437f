/** The queries behind a report: its place and period, the sums to date and in the period, the detail rows, the changes. */
import { sql } from 'kysely';
import type { ParsedInput } from '../../../contract';
import { VOCABULARY } from '../../../contract/labels';
import type { Ctx } from '../../core/context';
import { getPlace } from '../../places';
import { servedProvince } from '../../places/install';
import { normalScope } from '../../items/scope';
import { countingPlaceOn, todaysUnits } from '../../places/today';
import { filterConditions, whereClause } from '../../pledges/filter';
import { getSettings } from '../../settings';
import { parsePeriod } from '../period';
import { cutoffOf } from '../rules';
import { periodChanges } from './changes';
import type { ReportData } from './data';
import { deliverySources, detailRow, pledgeSources } from './detail';
import { groupSums, originalSums } from './groups';
import { keptUntilChanged } from './kept';
import { reportNames } from './names';
import { toDateSums } from './to-date';

/**
 * Gathers what the report needs for a period and place. `changesAfter` (the time a report of this period was sent)
 * makes the amendments listed those made to the period's pledges since then, instead of those made within it.
 */
export function gatherReport(
  ctx: Ctx,
  input: ParsedInput<'reports.preview'>,
  changesAfter?: string,
): Promise<ReportData> {
  // The same until the file changes (or the day, which the report is dated by).
  const key = JSON.stringify([input, changesAfter ?? null, ctx.now.slice(0, 10)]);
  return keptUntilChanged(ctx, key, () => gatherFresh(ctx, input, changesAfter));
}

async function gatherFresh(
  ctx: Ctx,
  input: ParsedInput<'reports.preview'>,
  changesAfter: string | undefined,
): Promise<ReportData> {
  // Its dates by its own rule, or the department's: everything below (to date, in the period, changes) follows them.
  const period = parsePeriod(input.period, await cutoffOf(ctx, input.cutoff));
  const province = await servedProvince(ctx);
  const placeId = input.placeId ?? province?.id;
  const place = placeId ? await getPlace(ctx, placeId) : null;
  // The whole province's report is the whole ledger: it holds the province's units, and those of former provinces
  // merged into it, which are not under it in the tree (a Tuyên Quang ledger's former Hà Giang).
  const scope = input.placeId && place ? place : null;
  const under = scope ? { placeId: scope.id, ...(input.unitsOf ? { unitsOf: input.unitsOf } : {}) } : {};
  const live = sql`p.status <> 'cancelled'`;
  // A report of some aid items only (a sector, a modality, a stage) reads their lines.
  const itemScope = normalScope(input);
  const chosen = { ...under, ...(itemScope ?? {}) };
  const inPeriod = whereClause([...filterConditions({ ...chosen, from: period.from, to: period.to }), live]);
  const deliveredIn = whereClause([
    ...filterConditions({ ...chosen, from: period.from, to: period.to }, sql`x.delivery_date`),
    live,
  ]);

  const names = await reportNames(ctx, input.lang);
  // In today's units a former unit's figures are summed under the unit it became (a split one stays, marked).
  const today = input.unitsOf ? await todaysUnits(ctx, input.unitsOf) : null;
  const { summaryGroups, donorGroups, addTo } = groupSums(names, today, VOCABULARY[input.lang].formerUnit);

  // Figures to the period's end cover every earlier pledge: read from the monthly totals where they can answer.
  for (const r of await toDateSums(ctx, 'placeKind', period.to, scope?.id ?? null, input.unitsOf, itemScope))
    addTo(r.side === 'pledged' ? 'pledgedToDateVnd' : 'cumulativeDeliveredVnd', r);
  for (const r of await toDateSums(ctx, 'donor', period.to, scope?.id ?? null, input.unitsOf, itemScope))
    addTo(r.side === 'pledged' ? 'pledgedToDateVnd' : 'cumulativeDeliveredVnd', r);

  // In today's units a pledge with a "nay thuộc" unit counts there; its detail row names its own place.
  const countedAt = input.unitsOf ? countingPlaceOn(input.unitsOf) : undefined;
  const pledgeRows = pledgeSources(ctx, inPeriod, countedAt);
  const deliveryRows = deliverySources(ctx, deliveredIn, countedAt);
  // The period's own figures are the sums of its detail rows, so the sheets agree to the đồng.
  for (const r of pledgeRows)
    addTo('pledgedVnd', { kind: r.kind, placeId: r.countedAt, donorId: r.donorId, value: r.vnd });
  for (const r of deliveryRows)
    addTo('deliveredVnd', { kind: r.kind, placeId: r.countedAt, donorId: r.donorId, value: r.vnd });

  const changes = await periodChanges(ctx, names, {
    period,
    placeId: scope?.id ?? null,
    unitsOf: input.unitsOf,
    itemScope,
    changesAfter,
  });
  const settings = await getSettings(ctx);
  const words = VOCABULARY[input.lang];
  return {
    period,
    departmentName: settings.departmentName,
    provinceName: province?.name ?? '',
    provinceType: province?.unitType ?? (province ? 'Tỉnh' : ''),
    wholeProvince: !place || place.id === province?.id,
    placeName: place?.displayName ?? '',
    unitsOf: input.unitsOf ?? null,
    itemScope,
    dated: ctx.now.slice(0, 10),
    summaryGroups: [...summaryGroups.values()],
    donorGroups: [...donorGroups.values()],
    originals: originalSums(pledgeRows),
    pledges: pledgeRows.map((r) => detailRow('pledge', r, names, words)),
    deliveries: deliveryRows.map((r) => detailRow('delivery', r, names, words)),
    changes,
  };
}
