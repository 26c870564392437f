/** An aid item's "nay thuộc": for each of its places that is a former unit become several, the one the aid went to. */
import { invalid } from '../core/errors';
import type { Ctx } from '../core/context';
import { checkTodayIn } from '../pledges/today-in';

/** The stored JSON object read back (a damaged value reads as none). */
export function parseTodayIn(json: string): Record<string, string> {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** Each entry checked: its place one of the item's, its unit one of that place's successors; stored as JSON. */
export async function checkItemTodayIn(ctx: Ctx, places: string[], map: Record<string, string>): Promise<string> {
  const checked: Record<string, string> = {};
  for (const [placeId, todayPlaceId] of Object.entries(map)) {
    if (!places.includes(placeId)) {
      throw invalid('todayPlaceIds', {
        vi: 'chỉ ghi được cho một địa bàn thực hiện của khoản viện trợ',
        en: "applies only to one of the item's places",
      });
    }
    checked[placeId] = (await checkTodayIn(ctx, placeId, todayPlaceId, 'todayPlaceIds'))!;
  }
  return JSON.stringify(checked);
}
