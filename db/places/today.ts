/**
 * Figures "in today's units": a pledge recorded against a unit that no longer existed on a given date counts under
 * the unit it became, when it became exactly one (a former commune merged into a new commune, a former province into
 * a new province). A unit that became several (a former district, split among communes) has no single heir: its
 * pledges stay in a group of their own, labelled as the former unit — unless a pledge says which of them the aid
 * went to ("nay thuộc", `today_place_id`): it then counts there.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Ctx } from '../core/context';

/** A unit gone by `date` that became exactly one unit: its pledges move to that unit (SQL, on a places row `x`). */
function movesOn(x: string, date: string): RawBuilder<unknown> {
  return sql`(${sql.ref(`${x}.valid_to`)} IS NOT NULL AND ${sql.ref(`${x}.valid_to`)} < ${date}
    AND (SELECT count(*) FROM place_successors s2 WHERE s2.place_id = ${sql.ref(`${x}.id`)}) = 1)`;
}

/**
 * The ids of the units whose pledges count under `placeId` on `date`: the unit itself, the units under it that stay
 * themselves, and every unit that became one of these (back through the chain: a former commune merged into it, a
 * former province merged into a new one, with what lay under them). A former commune under a former district that
 * became another commune counts there, not under the district.
 */
export function placesUnderOn(placeId: string, date: string): RawBuilder<unknown> {
  return sql`(WITH RECURSIVE scope(id) AS (
      SELECT ${placeId}
      UNION SELECT c.id FROM places c JOIN scope ON c.parent_id = scope.id WHERE NOT ${movesOn('c', date)}
      UNION SELECT x.id FROM place_successors s JOIN scope ON s.successor_id = scope.id JOIN places x ON x.id = s.place_id
        WHERE ${movesOn('x', date)}
    ) SELECT id FROM scope)`;
}

/**
 * The place a pledge counts at in the units of `date`, before following heirs (SQL): its "nay thuộc" unit when it has
 * one and its place is gone by the date, else its place. Before the reform a former unit is itself, and so is its
 * pledge. `place` and `todayIn` are the pledge's columns (or its history entry's fields).
 */
export function countingPlaceOn(
  date: string,
  place: RawBuilder<unknown> = sql`p.place_id`,
  todayIn: RawBuilder<unknown> = sql`p.today_place_id`,
): RawBuilder<unknown> {
  return sql`(CASE WHEN ${todayIn} IS NOT NULL AND ${goneBy(place, date)} THEN ${todayIn} ELSE ${place} END)`;
}

function goneBy(place: RawBuilder<unknown>, date: string): RawBuilder<unknown> {
  return sql`EXISTS (SELECT 1 FROM places g WHERE g.id = ${place} AND g.valid_to IS NOT NULL AND g.valid_to < ${date})`;
}

/**
 * Pledges `p` counting under `placeId` in the units of `date` (SQL condition): by their place, or by their "nay
 * thuộc" unit when that is where they count — each pledge once. Two index-friendly terms rather than one expression.
 */
export function countsUnderOn(placeId: string, date: string): RawBuilder<unknown> {
  const scope = placesUnderOn(placeId, date);
  return sql`((p.place_id IN ${scope} AND (p.today_place_id IS NULL OR NOT ${goneBy(sql`p.place_id`, date)}))
    OR (p.today_place_id IN ${scope} AND ${goneBy(sql`p.place_id`, date)}))`;
}

export interface TodaysUnits {
  /** The unit a place's pledges count under on the date: itself, or its single heir (followed to the end). */
  unitOf(placeId: string): string;
  /** A unit not in force on the date: its group is labelled as the former unit. */
  isFormer(placeId: string): boolean;
  /** A unit whose validity ended by the date (its name carries the day it ended). */
  hasEnded(placeId: string): boolean;
  /** The unit directly under `root` that a unit lies in on the date (walking up through where each parent went). */
  under(root: string, placeId: string): string | undefined;
}

export async function todaysUnits(ctx: Ctx, date: string): Promise<TodaysUnits> {
  const places = await ctx.db.selectFrom('places').select(['id', 'parentId', 'validFrom', 'validTo']).execute();
  const links = await ctx.db.selectFrom('placeSuccessors').select(['placeId', 'successorId']).execute();
  const heirs = new Map<string, string[]>();
  for (const link of links) heirs.set(link.placeId, [...(heirs.get(link.placeId) ?? []), link.successorId]);
  const parent = new Map(places.map((p) => [p.id, p.parentId]));
  const gone = new Set(places.filter((p) => p.validTo !== null && p.validTo < date).map((p) => p.id));
  const notYet = new Set(places.filter((p) => p.validFrom !== null && p.validFrom > date).map((p) => p.id));
  const cache = new Map<string, string>();
  const unitOf = (placeId: string): string => {
    const known = cache.get(placeId);
    if (known !== undefined) return known;
    let unit = placeId;
    const seen = new Set<string>([unit]);
    for (;;) {
      const next = heirs.get(unit);
      // Only a unit gone by the date moves on, and only to a sole heir; a loop in hand-entered links stops where it began.
      if (!gone.has(unit) || next?.length !== 1 || seen.has(next[0]!)) break;
      unit = next[0]!;
      seen.add(unit);
    }
    cache.set(placeId, unit);
    return unit;
  };
  const under = (root: string, placeId: string): string | undefined => {
    let below = placeId;
    let cursor: string | null = placeId;
    const seen = new Set<string>();
    while (cursor !== null && cursor !== root && !seen.has(cursor)) {
      seen.add(cursor);
      below = cursor;
      const up: string | null = parent.get(cursor) ?? null;
      cursor = up === null ? null : unitOf(up);
    }
    return cursor === root ? (below === root ? root : below) : undefined;
  };
  return {
    unitOf,
    isFormer: (placeId) => gone.has(placeId) || notYet.has(placeId),
    hasEnded: (placeId) => gone.has(placeId),
    under,
  };
}
