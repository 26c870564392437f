/**
 * Finding a unit from what a person wrote ("Bảo Lạc", "bao lac", "Xã Bảo Lạc", "04", "Hưng Đạo (Bảo Lạc)"), on a date.
 * Among the units valid on that date the text names the one it can: the unit whose type was written, else the
 * higher-level one ("Bảo Lạc" in 2022 is the district, not its town). A unit that no longer existed is an error naming
 * what it became; a name several units share at the same level is an error listing them with what they belong to.
 */
import type { Place, PlaceLevel } from '../../contract';
import { foldPlaceText } from '../../contract/text';
import { invalid, notFound } from '../core/errors';
import { dayText } from '../../contract/dates';
import type { Ctx } from '../core/context';
import { splitType } from './catalogue';
import { displayName, getPlace } from './index';

export interface Problem {
  vi: string;
  en: string;
}

export type Match = { place: IndexedPlace } | { problem: Problem; closest?: string[] };

export interface IndexedPlace {
  id: string;
  name: string;
  unitType: string | null;
  level: PlaceLevel;
  parentId: string | null;
  code: string | null;
  validFrom: string | null;
  validTo: string | null;
  displayName: string;
  nameFolded: string;
}

/**
 * The work of seeking the nearest names, counted over the process: a count, unlike a time, does not vary with the
 * machine's load, so tests bound this one.
 */
export const suggestionWork = {
  /** Texts whose nearest names were sought. */
  texts: 0,
  /** Letter pairs compared by `distance`: the length of one text times that of the other, for each comparison. */
  letterPairs: 0,
};

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, district: 1, commune: 2 };
/** How many successors a message names before "and N more". */
const NAMED_SUCCESSORS = 4;

/** A text as quoted in a message: a long one is cut (a cell may hold 30,000 characters). */
const quote = (text: string) => {
  const trimmed = text.trim();
  return `"${trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed}"`;
};

export function validOn(place: { validFrom: string | null; validTo: string | null }, date: string): boolean {
  return (place.validFrom === null || place.validFrom <= date) && (place.validTo === null || place.validTo >= date);
}

/** "Xã Hồng Trị ceased on 30/06/2025; it became Xã Bảo Lạc". */
export function ceasedProblem(label: string, validTo: string, successors: string[]): Problem {
  const named = successors.slice(0, NAMED_SUCCESSORS).join(', ');
  const more = successors.length - NAMED_SUCCESSORS;
  if (!successors.length) {
    return {
      vi: `${label} chỉ có hiệu lực đến ${dayText(validTo)}; hãy chọn đơn vị mới`,
      en: `${label} ceased on ${dayText(validTo)}; choose the unit that replaced it`,
    };
  }
  return {
    vi: `${label} chỉ có hiệu lực đến ${dayText(validTo)}; nay là ${named}${more > 0 ? ` và ${more} đơn vị khác` : ''}`,
    en: `${label} ceased on ${dayText(validTo)}; it became ${named}${more > 0 ? ` and ${more} more` : ''}`,
  };
}

export function notYetProblem(label: string, validFrom: string, date: string): Problem {
  return {
    vi: `${label} chỉ có hiệu lực từ ${dayText(validFrom)}, sau ngày ${dayText(date)}`,
    en: `${label} exists only from ${dayText(validFrom)}, after ${dayText(date)}`,
  };
}

/** The ledger's units, indexed by folded name and by code, with their successor links: loaded once per import or command. */
export class PlaceIndex {
  private readonly byId = new Map<string, IndexedPlace>();
  private readonly byName = new Map<string, IndexedPlace[]>();
  private readonly byCode = new Map<string, IndexedPlace[]>();
  private readonly successors = new Map<string, string[]>();

  constructor(
    places: Omit<IndexedPlace, 'displayName' | 'nameFolded'>[],
    links: { placeId: string; successorId: string }[],
  ) {
    for (const p of places) {
      const place = { ...p, displayName: displayName(p), nameFolded: foldPlaceText(p.name) };
      this.byId.set(place.id, place);
      for (const key of new Set([place.nameFolded, foldPlaceText(place.displayName)]))
        this.byName.set(key, [...(this.byName.get(key) ?? []), place]);
      if (place.code) this.byCode.set(place.code, [...(this.byCode.get(place.code) ?? []), place]);
    }
    for (const link of links)
      this.successors.set(link.placeId, [...(this.successors.get(link.placeId) ?? []), link.successorId]);
  }

  static async load(ctx: Ctx): Promise<PlaceIndex> {
    const places = (await ctx.db.selectFrom('places').selectAll().execute()) as (Omit<
      IndexedPlace,
      'displayName' | 'nameFolded'
    > & { unitType?: string | null })[];
    const links = await ctx.db.selectFrom('placeSuccessors').select(['placeId', 'successorId']).execute();
    return new PlaceIndex(
      places.map((p) => ({ ...p, unitType: p.unitType ?? null })),
      links,
    );
  }

  get(id: string): IndexedPlace | undefined {
    return this.byId.get(id);
  }

  get size(): number {
    return this.byId.size;
  }

  /** "Xã Hưng Đạo (Huyện Bảo Lạc, Tỉnh Cao Bằng)": the unit with what it belongs to. */
  withParents(place: IndexedPlace): string {
    const chain: string[] = [];
    for (
      let up = place.parentId ? this.byId.get(place.parentId) : undefined;
      up;
      up = up.parentId ? this.byId.get(up.parentId) : undefined
    )
      chain.push(up.displayName);
    return chain.length ? `${place.displayName} (${chain.join(', ')})` : place.displayName;
  }

  /** What a unit became, followed to the units in force (a former commune → today's commune). */
  successorsOf(id: string): IndexedPlace[] {
    const found = new Map<string, IndexedPlace>();
    const walk = (from: string, seen: Set<string>) => {
      for (const next of this.successors.get(from) ?? []) {
        if (seen.has(next)) continue;
        const place = this.byId.get(next);
        if (!place) continue;
        if (place.validTo === null) found.set(place.id, place);
        else walk(next, new Set([...seen, next]));
      }
    };
    walk(id, new Set([id]));
    return [...found.values()];
  }

  /** Why a unit cannot take a record dated `date`, or null when it can. */
  problemOn(place: IndexedPlace, date: string): Problem | null {
    if (place.validTo !== null && date > place.validTo)
      return ceasedProblem(
        place.displayName,
        place.validTo,
        this.successorsOf(place.id)
          .map((s) => s.displayName)
          .sort((a, b) => a.localeCompare(b, 'vi')),
      );
    if (place.validFrom !== null && date < place.validFrom)
      return notYetProblem(place.displayName, place.validFrom, date);
    return null;
  }

  /** The units a text may name: by code, by name with or without its type, or by name and what it belongs to. */
  candidates(text: string): IndexedPlace[] {
    const trimmed = text.trim().replace(/\s+/g, ' ');
    if (!trimmed) return [];
    const byCode = this.byCode.get(trimmed);
    if (byCode) return byCode;
    const whole = this.byName.get(foldPlaceText(trimmed));
    if (whole) return whole;
    const { type, name } = splitType(trimmed);
    const typed = (this.byName.get(foldPlaceText(name)) ?? []).filter(
      (p) => !type || (p.unitType !== null && foldPlaceText(p.unitType) === foldPlaceText(type)),
    );
    if (typed.length) return typed;
    // "Hưng Đạo (Bảo Lạc)", "Hưng Đạo, Huyện Bảo Lạc": the unit, and a unit it belongs to.
    const qualified = /^(.+?)\s*(?:\((.+)\)|,\s*(.+))$/.exec(trimmed);
    if (!qualified) return [];
    const within = this.candidates(qualified[2] ?? qualified[3]!).map((p) => p.id);
    return this.candidates(qualified[1]!).filter((p) => this.ancestors(p).some((id) => within.includes(id)));
  }

  private ancestors(place: IndexedPlace): string[] {
    const ids: string[] = [];
    for (let up = place.parentId; up; up = this.byId.get(up)?.parentId ?? null) ids.push(up);
    return ids;
  }

  /**
   * The one unit a text names on a date (today's units when no date is given), or the problem: none, several, or
   * one that did not exist then. `within`: the unit of the office whose text it is, whose own units come first.
   */
  match(text: string, date: string | null, within: string | null = null): Match {
    const found = this.candidates(text);
    // Read as an office's: its own units first (the unit itself, or under it), when it has one of the name.
    const inside = within ? found.filter((p) => p.id === within || this.ancestors(p).includes(within)) : [];
    const candidates = inside.length ? inside : found;
    const quoted = quote(text);
    if (!candidates.length) {
      const closest = this.closest(text, date);
      return {
        problem: {
          vi: `không có địa bàn ${quoted}${closest.length ? `; gần nhất: ${closest.join(', ')}` : ''}`,
          en: `no place ${quoted}${closest.length ? `; closest: ${closest.join(', ')}` : ''}`,
        },
        closest,
      };
    }
    const valid = candidates.filter((p) => (date ? validOn(p, date) : p.validTo === null));
    if (valid.length) {
      const top = Math.min(...valid.map((p) => LEVEL_RANK[p.level]));
      const atTop = valid.filter((p) => LEVEL_RANK[p.level] === top);
      if (atTop.length === 1) return { place: atTop[0]! };
      const listed = atTop
        .map((p) => this.withParents(p))
        .sort((a, b) => a.localeCompare(b, 'vi'))
        .join('; ');
      return {
        problem: { vi: `${quoted} trùng tên nhiều đơn vị: ${listed}`, en: `${quoted} names several units: ${listed}` },
      };
    }
    if (!date)
      return {
        place: [...candidates].sort(
          (a, b) => (b.validTo ?? '').localeCompare(a.validTo ?? '') || LEVEL_RANK[a.level] - LEVEL_RANK[b.level],
        )[0]!,
      };
    // None existed on the date: say what the latest of them became (or when the first began).
    const ceased = candidates
      .filter((p) => p.validTo !== null && p.validTo < date)
      .sort((a, b) => b.validTo!.localeCompare(a.validTo!) || LEVEL_RANK[a.level] - LEVEL_RANK[b.level]);
    const unit = ceased[0] ?? [...candidates].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''))[0]!;
    return { problem: this.problemOn(unit, date)! };
  }

  /** The three units whose names are nearest the text (among those valid on the date when one is given). */
  closest(text: string, date: string | null): string[] {
    suggestionWork.texts++;
    const folded = foldPlaceText(text);
    // A text longer than any unit's name (at most 300 characters) is like none of them.
    if (folded.length > 300) return [];
    const scored: { name: string; d: number }[] = [];
    for (const p of this.byId.values()) {
      if (date && !validOn(p, date)) continue;
      scored.push({ name: p.displayName, d: distance(folded, p.nameFolded) });
    }
    return scored
      .sort((a, b) => a.d - b.d || a.name.localeCompare(b.name, 'vi'))
      .slice(0, 3)
      .map((p) => p.name);
  }
}

/** Edit distance, for suggesting the names closest to one that matched nothing. */
export function distance(a: string, b: string): number {
  suggestionWork.letterPairs += a.length * b.length;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/**
 * The unit a text names on a date (today's units without one), for one-off lookups (command line, demo data); a
 * problem is thrown as an error of the place field.
 */
export async function findPlace(ctx: Ctx, text: string, date: string | null): Promise<Place> {
  const found = (await PlaceIndex.load(ctx)).match(text, date);
  if ('place' in found) return getPlace(ctx, found.place.id);
  if (found.closest) throw notFound('placeId', { vi: quote(text), en: quote(text) });
  throw invalid('placeId', found.problem);
}

/** Why one unit cannot take a record dated `date` (naming what it became), or null: without loading every unit. */
export async function placeProblemOn(ctx: Ctx, place: Place, date: string): Promise<Problem | null> {
  if (place.validFrom !== null && date < place.validFrom)
    return notYetProblem(place.displayName, place.validFrom, date);
  if (place.validTo === null || date <= place.validTo) return null;
  const current = new Map<string, string>();
  const seen = new Set([place.id]);
  let frontier = place.successorIds;
  while (frontier.length) {
    const next: string[] = [];
    for (const id of frontier) {
      if (seen.has(id)) continue;
      seen.add(id);
      const successor = await getPlace(ctx, id);
      if (successor.validTo === null) current.set(successor.id, successor.displayName);
      else next.push(...successor.successorIds);
    }
    frontier = next;
  }
  return ceasedProblem(
    place.displayName,
    place.validTo,
    [...current.values()].sort((a, b) => a.localeCompare(b, 'vi')),
  );
}
