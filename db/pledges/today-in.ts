/**
 * "Nay thuộc" (today in): the unit of today that aid recorded at a former unit went to, when that unit became several.
 * It must be one of the place's own successors (place_successors); a place with none has nothing to choose among.
 */
import { displayName } from '../places/names';
import { invalid } from '../core/errors';
import type { Ctx } from '../core/context';

/** A place's successors with their names (with their type, and without), in the order of their names. */
export async function successorsOf(ctx: Ctx, placeId: string): Promise<{ id: string; name: string; bare: string }[]> {
  const rows = await ctx.db
    .selectFrom('placeSuccessors as s')
    .innerJoin('places as p', 'p.id', 's.successorId')
    .select(['p.id', 'p.name', 'p.unitType', 'p.nameFolded'])
    .where('s.placeId', '=', placeId)
    .orderBy('p.nameFolded')
    .execute();
  return rows.map((row) => ({ id: row.id, name: displayName(row), bare: row.name }));
}

/**
 * The "nay thuộc" unit given for a place, checked: null stays null; otherwise it must be one of the place's
 * successors, else a refusal naming `field` and, where there are some, the units it may be.
 */
export async function checkTodayIn(
  ctx: Ctx,
  placeId: string,
  todayPlaceId: string | null,
  field = 'todayPlaceId',
): Promise<string | null> {
  if (todayPlaceId === null) return null;
  const successors = await successorsOf(ctx, placeId);
  if (successors.some((s) => s.id === todayPlaceId)) return todayPlaceId;
  if (successors.length === 0) {
    throw invalid(field, {
      vi: 'chỉ ghi được cho đơn vị cũ đã sáp nhập vào đơn vị hiện nay; địa bàn này không có đơn vị kế thừa',
      en: 'applies only to a former unit merged into units of today; this place has no successor',
    });
  }
  const names = successors.map((s) => s.name).join(', ');
  throw invalid(field, {
    vi: `phải là một trong các đơn vị kế thừa địa bàn: ${names}`,
    en: `must be one of the units that succeeded the place: ${names}`,
  });
}

/** The "nay thuộc" unit kept when a pledge's place changes: still a successor of the new place, else cleared. */
export async function keptTodayIn(ctx: Ctx, placeId: string, todayPlaceId: string | null): Promise<string | null> {
  if (todayPlaceId === null) return null;
  return (await successorsOf(ctx, placeId)).some((s) => s.id === todayPlaceId) ? todayPlaceId : null;
}
