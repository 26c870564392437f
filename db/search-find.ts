/**
 * One search over the ledger: pledges, aid items, donors, places and report periods, every word found (any order,
 * case and accents aside). Pledges are found as the ledger's text filter finds them, the newest first, and counted
 * only up to `SEARCH_COUNT_CAP` (`search-pledges.ts`); places and donors from their folded words already held for the
 * ledger's search (`sourceWords`); aid items from their folded words, held the same way; report periods from the words
 * that name them (`search-periods.ts`). Within a kind the best come first: a name that is the words typed, then one
 * that begins with them, then one that holds every word, then the rest (words found in the donor, the place, the
 * province). The groups follow their best.
 */
import { sql } from 'kysely';
import {
  type DonorHit,
  type ItemHit,
  type ParsedInput,
  type PlaceHit,
  type PlaceNamed,
  type PledgeHit,
  type ReportHit,
  SEARCH_COUNT_CAP,
  SEARCH_KINDS,
  type SearchGroup,
  type SearchHit,
  type SearchKind,
  type SearchResults,
} from '../contract';
import { foldText, searchWords } from '../contract/text';
import type { Ctx } from './core/context';
import { readRows } from './core/statements';
import { displayNameSql } from './places/names';
import { parsePeriod, periodKey } from './reports/period';
import { cutoffOf } from './reports/rules';
import { keptUntilChanged, type PlaceWords, sourceWords } from './search';
import { matchingPledges } from './search-pledges';
import { namedPeriods } from './search-periods';

/** 0: a name is the words typed; 1: a name begins with them; 2: its own words hold every word; 3: found otherwise. */
type Rank = 0 | 1 | 2 | 3;

interface Ranked<H> {
  hit: H;
  rank: Rank;
}

interface Found<H> {
  ranked: Ranked<H>[];
  total: number;
  more: boolean;
}

function rankOf(query: string, words: string[], names: string[], own: string): Rank {
  if (names.includes(query)) return 0;
  if (names.some((name) => name.startsWith(query))) return 1;
  return words.every((w) => own.includes(w)) ? 2 : 3;
}

const holdsEvery = (text: string, words: string[]) => words.every((w) => text.includes(w));

export async function searchAll(ctx: Ctx, input: ParsedInput<'search.find'>): Promise<SearchResults> {
  const words = searchWords(input.text);
  if (!words.length) return { groups: [] };
  const query = words.join(' ');
  const { limit } = input;
  const found: Record<SearchKind, Found<SearchHit>> = {
    report: await reportsNamed(ctx, input.text, input.today ?? ctx.now.slice(0, 10)),
    place: await placesFound(ctx, query, words, limit),
    donor: await donorsFound(ctx, query, words, limit),
    item: await itemsFound(ctx, query, words, limit),
    pledge: await pledgesFound(ctx, input.text, query, words, limit),
  };
  const groups = SEARCH_KINDS.map((kind) => ({ kind, ...found[kind] }))
    .filter((g) => g.total > 0)
    .map((g) => ({ ...g, best: Math.min(...g.ranked.map((r) => r.rank)) }));
  // The best group first; groups as good as each other in the order of SEARCH_KINDS (the sort is stable).
  groups.sort((a, b) => a.best - b.best);
  return {
    groups: groups.map(
      (g): SearchGroup => ({
        kind: g.kind,
        hits: g.ranked.slice(0, limit).map((r) => r.hit),
        total: g.total,
        more: g.more,
      }),
    ),
  };
}

/** The report periods the text names, dated by the department's rule. */
async function reportsNamed(ctx: Ctx, text: string, today: string): Promise<Found<ReportHit>> {
  const phrase = namedPeriods(text, today);
  if (!phrase.periods.length) return { ranked: [], total: 0, more: false };
  const cutoff = await cutoffOf(ctx, undefined);
  const ranked = phrase.periods.map(({ kind, year, part }) => {
    const period = parsePeriod(periodKey(kind, year, part), cutoff);
    const hit: ReportHit = {
      kind: 'report',
      period: period.key,
      periodKind: kind,
      year,
      part,
      label: period.label,
      labelEn: period.labelEn,
      from: period.from,
      to: period.to,
      cutoff,
    };
    return { hit, rank: (phrase.marked ? 0 : 3) as Rank };
  });
  return { ranked, total: ranked.length, more: false };
}

const LEVEL_ORDER: Record<string, number> = { province: 0, district: 1, commune: 2 };

/** Places whose words, with those of the units they lie in, hold every word: today's units first, the larger first. */
async function placesFound(ctx: Ctx, query: string, words: string[], limit: number): Promise<Found<PlaceHit>> {
  const { places } = await sourceWords(ctx);
  const byId = new Map(places.map((p) => [p.id, p]));
  const chain = (place: PlaceWords) => {
    const up: PlaceWords[] = [];
    for (let at = place.parentId; at && up.length < 5; ) {
      const parent = byId.get(at);
      if (!parent) break;
      up.push(parent);
      at = parent.parentId;
    }
    return up;
  };
  const matched: Ranked<PlaceWords>[] = [];
  for (const place of places) {
    if (holdsEvery(place.words, words))
      matched.push({ hit: place, rank: rankOf(query, words, [place.name, place.words], place.words) });
    else if (words.some((w) => place.words.includes(w))) {
      // Some words from the units it lies in ("bao lac cao bang").
      const all = `${place.words} ${chain(place)
        .map((p) => p.words)
        .join(' ')}`;
      if (holdsEvery(all, words)) matched.push({ hit: place, rank: 3 });
    }
  }
  matched.sort(
    (a, b) =>
      a.rank - b.rank ||
      Number(a.hit.validTo !== null) - Number(b.hit.validTo !== null) ||
      (LEVEL_ORDER[a.hit.level] ?? 3) - (LEVEL_ORDER[b.hit.level] ?? 3) ||
      a.hit.words.localeCompare(b.hit.words),
  );
  const shown = matched.slice(0, limit);
  const ids = [...new Set(shown.flatMap((m) => [m.hit.id, ...chain(m.hit).map((p) => p.id)]))];
  const named = new Map(
    (
      await sql<PlaceNamed & { id: string }>`SELECT id, ${displayNameSql('p')} AS display_name, valid_to FROM places p
        WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`.execute(ctx.db)
    ).rows.map((r) => [r.id, { displayName: r.displayName, validTo: r.validTo }]),
  );
  return {
    ranked: shown.map(({ hit, rank }) => ({
      rank,
      hit: {
        kind: 'place',
        id: hit.id,
        level: hit.level as PlaceHit['level'],
        ...named.get(hit.id)!,
        within: chain(hit).map((p) => named.get(p.id)!),
      },
    })),
    total: Math.min(matched.length, SEARCH_COUNT_CAP),
    more: matched.length > SEARCH_COUNT_CAP,
  };
}

/** Donors (not merged into another) whose names, country or merged names hold every word. */
async function donorsFound(ctx: Ctx, query: string, words: string[], limit: number): Promise<Found<DonorHit>> {
  const { donors } = await sourceWords(ctx);
  const matched = donors
    .filter((d) => d.mergedInto === null && holdsEvery(d.words, words))
    .map((d) => ({ donor: d, rank: rankOf(query, words, d.names, d.names.join(' ')) }));
  matched.sort((a, b) => a.rank - b.rank || a.donor.names[0]!.localeCompare(b.donor.names[0]!));
  const shown = matched.slice(0, limit);
  const rows = (
    await sql<Omit<DonorHit, 'kind'>>`SELECT d.id, d.name, d.short_name, d.country,
      (SELECT count(*) FROM pledges p WHERE p.donor_id IN (SELECT m.id FROM donors m WHERE m.id = d.id OR m.merged_into = d.id)) AS pledge_count
      FROM donors d WHERE d.id IN (SELECT value FROM json_each(${JSON.stringify(shown.map((m) => m.donor.id))}))`.execute(
      ctx.db,
    )
  ).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    ranked: shown.map(({ donor, rank }) => ({ rank, hit: { kind: 'donor', ...byId.get(donor.id)! } })),
    total: Math.min(matched.length, SEARCH_COUNT_CAP),
    more: matched.length > SEARCH_COUNT_CAP,
  };
}

interface ItemWords {
  id: string;
  /** Its folded name, and its decision's number. */
  names: string[];
  /** Its name, decision, owner and governing body, folded. */
  own: string;
  /** With its donor's names. */
  words: string;
  stageDate: string;
}

/** Every aid item's folded words, kept until the ledger changes (a national ledger's items are folded once). */
const itemWords = keptUntilChanged(async (ctx): Promise<ItemWords[]> => {
  const rows = readRows<{
    id: string;
    nameFolded: string;
    approvalNumber: string | null;
    aidOwner: string | null;
    governingBody: string | null;
    donorName: string;
    donorShortName: string | null;
    stageDate: string;
  }>(
    ctx,
    sql`SELECT i.id, i.name_folded AS nameFolded, i.approval_number AS approvalNumber, i.aid_owner AS aidOwner,
      i.governing_body AS governingBody, d.name_key AS donorName, d.short_name AS donorShortName, i.stage_date AS stageDate
      FROM aid_items i JOIN donors d ON d.id = i.donor_id`,
  );
  return rows.map((r) => {
    const own = `${r.nameFolded} ${foldText(`${r.approvalNumber ?? ''} ${r.aidOwner ?? ''} ${r.governingBody ?? ''}`)}`;
    return {
      id: r.id,
      names: [r.nameFolded, foldText(r.approvalNumber ?? '')].filter(Boolean),
      own,
      words: `${own} ${r.donorName} ${foldText(r.donorShortName ?? '')}`,
      stageDate: r.stageDate,
    };
  });
});

/** Aid items whose name, decision, owner or donor hold every word; the latest stage first among equals. */
async function itemsFound(ctx: Ctx, query: string, words: string[], limit: number): Promise<Found<ItemHit>> {
  const matched = (await itemWords(ctx))
    .filter((item) => holdsEvery(item.words, words))
    .map((item) => ({ item, rank: rankOf(query, words, item.names, item.own) }));
  matched.sort((a, b) => a.rank - b.rank || b.item.stageDate.localeCompare(a.item.stageDate));
  const shown = matched.slice(0, limit);
  const rows = (
    await sql<Omit<ItemHit, 'kind'>>`SELECT i.id, i.name, d.name AS donor_name, i.approval_number, i.stage
      FROM aid_items i JOIN donors d ON d.id = i.donor_id
      WHERE i.id IN (SELECT value FROM json_each(${JSON.stringify(shown.map((m) => m.item.id))}))`.execute(ctx.db)
  ).rows;
  const byId = new Map(rows.map((r) => [r.id, r]));
  return {
    ranked: shown.map(({ item, rank }) => ({ rank, hit: { kind: 'item', ...byId.get(item.id)! } })),
    total: Math.min(matched.length, SEARCH_COUNT_CAP),
    more: matched.length > SEARCH_COUNT_CAP,
  };
}

/** Pledges as the ledger's text filter finds them (`matchingPledges`), the best first among the newest. */
async function pledgesFound(
  ctx: Ctx,
  text: string,
  query: string,
  words: string[],
  limit: number,
): Promise<Found<PledgeHit>> {
  const { rows, total, more } = await matchingPledges(ctx, text, words, limit);
  const ranked = rows
    .map((row) => {
      const own = foldText(`${row.description} ${row.approvalNumber ?? ''} ${row.recipient ?? ''} ${row.notes ?? ''}`);
      return {
        rank: rankOf(query, words, [foldText(row.description), foldText(row.approvalNumber ?? '')], own),
        hit: {
          kind: 'pledge' as const,
          id: row.id,
          description: row.description,
          donorName: row.donorName,
          placeName: row.placeName,
          pledgeDate: row.pledgeDate,
          vndEquivalent: row.vndEquivalent,
          status: row.status,
        },
      };
    })
    .sort((a, b) => a.rank - b.rank);
  return { ranked, total, more };
}
