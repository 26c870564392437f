/**
 * The names the report shows for ids: places as they are shown beside each other (a former unit with the day it
 * ended), donors as the donor they were merged into.
 */
import type { Ctx } from '../../core/context';
import { mergedDonors } from '../../donors';
import type { Lang } from '../../../contract/labels';
import { shownName } from '../../places/names';

export type ReportNames = Awaited<ReturnType<typeof reportNames>>;

export async function reportNames(ctx: Ctx, lang: Lang) {
  // A merged donor's pledges are reported under the donor it was merged into.
  const merged = await mergedDonors(ctx);
  const donorRows = new Map(
    (await ctx.db.selectFrom('donors').select(['id', 'name', 'country']).execute()).map((d) => [d.id, d]),
  );
  return {
    places: new Map((await ctx.db.selectFrom('places').selectAll().execute()).map((p) => [p.id, shownName(p, lang)])),
    donors: new Map([...donorRows.keys()].map((id) => [id, donorRows.get(merged.get(id) ?? id)!])),
  };
}
