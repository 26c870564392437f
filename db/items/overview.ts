/** What the ledger's aid items add up to: the sectors in use and the dashboard's tiles. */
import { sql } from 'kysely';
import { AID_MODALITIES, AID_STAGES, STANDARD_SECTORS, type ItemsOverview } from '../../contract/items';
import { readRows } from '../core/statements';
import type { Ctx } from '../core/context';
import { keptWhileUnchanged } from './kept';

/** The standard sectors, then those the department wrote itself. */
export async function listSectors(ctx: Ctx): Promise<string[]> {
  const used = await ctx.db.selectFrom('aidItems').select('sector').distinct().orderBy('sector').execute();
  const standard: readonly string[] = STANDARD_SECTORS;
  return [...STANDARD_SECTORS, ...used.map((r) => r.sector).filter((s) => !standard.includes(s))];
}

export async function itemsOverview(ctx: Ctx): Promise<ItemsOverview> {
  // From the monthly totals: counting a million lines one by one takes a while.
  const linesWithoutItem =
    readRows<{ n: number | null }>(
      ctx,
      sql`SELECT sum(n) AS n FROM pledge_totals_by_item_class WHERE sector = '' AND modality = '' AND stage = ''`,
    )[0]!.n ?? 0;
  // What the items themselves add up to, the same until an item or a donor changes.
  const ofItems = await keptWhileUnchanged(ctx, 'items.overview', ['aid_items', 'donors'], '', () => itemCounts(ctx));
  return { ...ofItems, linesWithoutItem };
}

function itemCounts(ctx: Ctx): Omit<ItemsOverview, 'linesWithoutItem'> {
  const count = (column: 'stage' | 'sector' | 'modality') =>
    readRows<{ key: string; n: number }>(
      ctx,
      sql`SELECT ${sql.raw(column)} AS key, count(*) AS n FROM aid_items GROUP BY 1`,
    );
  const stages = new Map(count('stage').map((r) => [r.key, r.n]));
  const modalities = new Map(count('modality').map((r) => [r.key, r.n]));
  const donors = readRows<{ n: number }>(
    ctx,
    sql`SELECT count(DISTINCT coalesce(d.merged_into, d.id)) AS n FROM donors d
    WHERE d.id IN (SELECT donor_id FROM aid_items) OR d.id IN (SELECT j.value FROM aid_items i, json_each(i.co_donor_ids) j)`,
  )[0]!.n;
  return {
    items: [...stages.values()].reduce((a, b) => a + b, 0),
    byStage: AID_STAGES.map((stage) => ({ stage, items: stages.get(stage) ?? 0 })),
    bySector: count('sector')
      .map((r) => ({ sector: r.key, items: r.n }))
      .sort((a, b) => b.items - a.items || a.sector.localeCompare(b.sector)),
    byModality: AID_MODALITIES.map((modality) => ({ modality, items: modalities.get(modality) ?? 0 })),
    donors,
  };
}
