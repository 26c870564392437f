/** The folded search column of pledges, kept in step by the same transaction as every write that changes its words. */
import type BetterSqlite3 from 'better-sqlite3';
import { sql, type RawBuilder } from 'kysely';
import { escapeLike, foldText, searchWords } from '../contract/text';
import { totalChanges } from './core/statements';
import type { Ctx } from './core/context';
import { displayNameSql } from './places/names';

/**
 * The folded words a pledge is found by: its own text (who received it too, on it or on its deliveries), its place's name, and the names and country of its donor,
 * of the donor that one was merged into, and of the other donors merged into that one.
 */
export const PLEDGE_SEARCH_TEXT = sql`fold_text(
  coalesce(pledges.description, '') || ' ' || coalesce(pledges.unit, '') || ' ' || coalesce(pledges.notes, '') || ' ' ||
  coalesce(pledges.approval_number, '') || ' ' || coalesce(pledges.recipient, '') || ' ' || coalesce(pledges.village, '') || ' ' ||
  coalesce((SELECT group_concat(coalesce(x.recipient, '') || ' ' || coalesce(x.village, ''), ' ') FROM deliveries x
    WHERE x.pledge_id = pledges.id AND (x.recipient IS NOT NULL OR x.village IS NOT NULL)), '') || ' ' ||
  coalesce((SELECT group_concat(d.name || ' ' || coalesce(d.short_name, '') || ' ' || coalesce(d.country, ''), ' ') FROM donors d
    WHERE d.id = pledges.donor_id OR d.id = own.merged_into OR d.merged_into = coalesce(own.merged_into, own.id)), '') || ' ' ||
  coalesce((SELECT ${displayNameSql('pl')} FROM places pl WHERE pl.id = pledges.place_id), ''))`;

const SCOPES = {
  pledge: (id: string) => sql`pledges.id = ${id}`,
  // A donor's words are also in the pledges of donors merged into it.
  donor: (id: string) =>
    sql`pledges.donor_id IN (SELECT m.id FROM donors m WHERE m.id = ${id} OR m.merged_into = ${id})`,
  place: (id: string) => sql`pledges.place_id = ${id}`,
};

/** Recomputes the search text of one pledge, or of every pledge of a donor or place. */
export async function refreshSearchText(ctx: Ctx, scope: keyof typeof SCOPES, id: string): Promise<void> {
  await updateSearchText(ctx, SCOPES[scope](id));
}

/**
 * Runs a bulk write whose new pledges' search text is set once at its end, in one statement, rather than pledge by
 * pledge (`pending` lists them; a write that undoes its work may empty it). Within another such write, they join
 * that one's, and are set at its end.
 */
export async function withSearchTextDeferred<T>(ctx: Ctx, work: (pending: string[]) => Promise<T>): Promise<T> {
  const outer = ctx.tracking.searchTextDeferred;
  const pending: string[] = [];
  ctx.tracking.searchTextDeferred = pending;
  let result: T;
  try {
    result = await work(pending);
  } finally {
    ctx.tracking.searchTextDeferred = outer;
  }
  await setSearchTextOf(ctx, pending);
  return result;
}

/** Sets these pledges' search text now, or at the end of the bulk write under way (`withSearchTextDeferred`). */
export async function setSearchTextOf(ctx: Ctx, ids: Iterable<string>): Promise<void> {
  if (ctx.tracking.searchTextDeferred) ctx.tracking.searchTextDeferred.push(...ids);
  else await refreshSearchTextOf(ctx, [...ids]);
}

/** Recomputes the search text of many pledges in one statement. */
export async function refreshSearchTextOf(ctx: Ctx, ids: string[]): Promise<void> {
  if (ids.length) await updateSearchText(ctx, sql`pledges.id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`);
}

async function updateSearchText(ctx: Ctx, which: RawBuilder<unknown>): Promise<void> {
  await sql`UPDATE pledges SET search_text = ${PLEDGE_SEARCH_TEXT} FROM donors own WHERE own.id = pledges.donor_id AND ${which}`.execute(
    ctx.db,
  );
}

const like = (column: RawBuilder<unknown>, word: string) => sql`${column} LIKE ${`%${escapeLike(word)}%`} ESCAPE '\\'`;
const inList = (column: RawBuilder<unknown>, ids: string[]) =>
  sql`${column} IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;
const notInList = (column: RawBuilder<unknown>, ids: string[]) =>
  sql`${column} NOT IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`;

/**
 * A pledge's search text is its own text, its place's name and its donor's names (`PLEDGE_SEARCH_TEXT`), and every search
 * word must occur in it. Each word therefore comes from the place, the donor or the pledge's own text. The places
 * and donors are few: they are matched here first, so that the pledges of a place or donor holding every word are
 * found through an index on (place or donor, kind, date, VND) without reading them, and only the rest through the
 * trigram index of the pledges' own text. Returns disjoint sets of conditions whose union is exactly the pledges
 * whose search text holds every word (null: no words).
 */
export async function textParts(ctx: Ctx, text: string | undefined): Promise<RawBuilder<unknown>[][] | null> {
  const words = searchWords(text ?? '');
  if (!words.length) return null;
  const searchText = sql`p.search_text`;
  const everyWord = words.map((w) => like(searchText, w));
  // Words shorter than a trigram cannot be looked up: they are checked on the pledges the longer words find.
  const indexed = words.filter((w) => [...w].length >= 3);
  if (!indexed.length) return [everyWord];
  const short = words.filter((w) => [...w].length < 3).map((w) => like(searchText, w));
  const matchedBy = (rows: Words[]) => {
    const all: string[] = [];
    const some: string[] = [];
    for (const row of rows) {
      const found = indexed.filter((w) => row.words.includes(w)).length;
      if (found === indexed.length) all.push(row.id);
      else if (found > 0) some.push(row.id);
    }
    return { all, some };
  };
  const source = await sourceWords(ctx);
  const places = matchedBy(source.places);
  const donors = matchedBy(source.donors);
  const place = sql`p.place_id`;
  const donor = sql`p.donor_id`;
  const parts: RawBuilder<unknown>[][] = [];
  const notPlaceAll = places.all.length ? [notInList(place, places.all)] : [];
  const notDonorAll = donors.all.length ? [notInList(donor, donors.all)] : [];
  if (places.all.length) parts.push([inList(place, places.all), ...short]);
  if (donors.all.length) parts.push([inList(donor, donors.all), ...notPlaceAll, ...short]);
  // Some words from the place and the rest from the donor (perhaps with the pledge's own text).
  const mixed = places.some.length > 0 && donors.some.length > 0;
  if (mixed) parts.push([inList(place, places.some), inList(donor, donors.some), ...everyWord]);
  // At least one word from the pledge's own text.
  const ownQuery = indexed
    .map(
      (w) =>
        `(${trigramsOf(w)
          .map((t) => `"${t.replaceAll('"', '""')}"`)
          .join(' AND ')})`,
    )
    .join(' OR ');
  parts.push([
    sql`p.rowid IN (SELECT rowid FROM pledge_own_words WHERE pledge_own_words MATCH ${ownQuery})`,
    ...notPlaceAll,
    ...notDonorAll,
    ...(mixed ? [sql`NOT (${inList(place, places.some)} AND ${inList(donor, donors.some)})`] : []),
    ...everyWord,
  ]);
  return parts;
}

interface Words {
  id: string;
  words: string;
}

/** A place's folded words (its type and name), with its folded name alone and where it lies. */
export interface PlaceWords extends Words {
  name: string;
  parentId: string | null;
  level: string;
  validTo: string | null;
}

/** A donor's folded words (see `donorWords`), with its own folded name and short name and the donor it was merged into. */
export interface DonorWords extends Words {
  names: string[];
  mergedInto: string | null;
}

export interface SourceWords {
  places: PlaceWords[];
  donors: DonorWords[];
}

/**
 * What `load` reads, kept per connection and read again only when the file may have changed: after a write on this
 * connection (its count of changed rows moves) or a commit by another (data_version moves). Kept only from a call
 * that has not written, whose view a rollback cannot undo.
 */
export function keptUntilChanged<T>(load: (ctx: Ctx) => Promise<T>): (ctx: Ctx) => Promise<T> {
  const kept = new WeakMap<BetterSqlite3.Database, { key: string; value: T }>();
  return async (ctx) => {
    const changes = totalChanges(ctx.sqlite);
    const key = `${ctx.sqlite.pragma('data_version', { simple: true })}:${changes}`;
    const cached = kept.get(ctx.sqlite);
    if (cached?.key === key) return cached.value;
    const value = await load(ctx);
    if (changes === ctx.changesAtStart) kept.set(ctx.sqlite, { key, value });
    return value;
  };
}

/** The words of every place and donor (see `keptUntilChanged`). */
export const sourceWords = keptUntilChanged(async (ctx): Promise<SourceWords> => {
  const places = (
    await sql<PlaceWords>`SELECT id, fold_text(${displayNameSql('places')}) AS words, name_folded AS name, parent_id, level, valid_to FROM places`.execute(
      ctx.db,
    )
  ).rows;
  return { places, donors: await donorWords(ctx) };
});

/**
 * Each donor's words as its pledges' search text holds them: its own, those of the donor it was merged into and
 * those of the other donors merged into that one (as `PLEDGE_SEARCH_TEXT` gathers them).
 */
async function donorWords(ctx: Ctx): Promise<DonorWords[]> {
  const donors = await ctx.db
    .selectFrom('donors')
    .select(['id', 'name', 'shortName', 'country', 'mergedInto'])
    .execute();
  const own = new Map(donors.map((d) => [d.id, foldText(`${d.name} ${d.shortName ?? ''} ${d.country ?? ''}`)]));
  const merged = new Map<string, string[]>();
  for (const d of donors) {
    if (d.mergedInto) merged.set(d.mergedInto, [...(merged.get(d.mergedInto) ?? []), own.get(d.id)!]);
  }
  return donors.map((d) => ({
    id: d.id,
    names: [foldText(d.name), foldText(d.shortName ?? '')].filter(Boolean),
    mergedInto: d.mergedInto,
    words: [
      own.get(d.id)!,
      d.mergedInto ? (own.get(d.mergedInto) ?? '') : '',
      ...(merged.get(d.mergedInto ?? d.id) ?? []),
    ].join(' '),
  }));
}

/** The three-letter pieces of a word, as the trigram index holds them (none for shorter words). */
function trigramsOf(word: string): string[] {
  const letters = [...word];
  return letters.length < 3 ? [] : letters.slice(2).map((_, i) => letters.slice(i, i + 3).join(''));
}
