/** The ledger's pages written by hand: the floor of the `ledger` lines. */
import type Database from 'better-sqlite3';
import { foldText } from '../../../contract/text';

/** By hand, as the ledger reads a page: the page's rowids (`page` selects `page_rowid`) drive, then its rows in full. */
export const pageOfRows = (page: string, key: string) => `WITH page AS (${page})
  SELECT p.id, p.place_id, p.kind, p.description, p.quantity_milli, p.unit, p.unit_value_minor,
  p.amount_minor, p.currency, p.rate, p.rate_date, p.rate_source, p.vnd_equivalent, p.pledge_date, p.status,
  p.beneficiaries, p.approval_number, p.approval_date, p.notes, p.created_at, p.updated_at, d.id AS donor_id, d.name AS donor_name, d.short_name AS donor_short_name, pl.name AS place_name,
  coalesce((SELECT sum(x.amount_minor) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS delivered_amount_minor,
  coalesce((SELECT sum(x.vnd_equivalent) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS delivered_vnd
  FROM page CROSS JOIN pledges p ON p.rowid = page.page_rowid JOIN donors entered ON entered.id = p.donor_id JOIN donors d ON d.id = coalesce(entered.merged_into, entered.id)
  JOIN places pl ON pl.id = p.place_id ORDER BY ${key} DESC, p.rowid DESC`;

/** A search the floor answers: its folded words, the filter's SQL, and the key it sorts by. */
export interface SearchCase {
  name: string;
  words: string[];
  where: string;
  key: string;
}

/** A row and the words it is found by. */
type Worded = { id: string; words: string };

/** The places' and donors' words, as the pledges' search text holds them, read by hand. */
export interface SearchWords {
  places: () => Worded[];
  donors: () => Worded[];
}

export function searchWords(db: Database.Database): SearchWords {
  const placeWords = db.prepare(`SELECT id, name_folded AS words FROM places`);
  const donorRows = db.prepare(`SELECT id, name, short_name, country, merged_into FROM donors`);
  // A donor's words in its pledges' search text: its own and those of the donors merged with it.
  const donorWords = () => {
    const donors = donorRows.all() as {
      id: string;
      name: string;
      short_name: string | null;
      country: string | null;
      merged_into: string | null;
    }[];
    const own = new Map(donors.map((d) => [d.id, foldText(`${d.name} ${d.short_name ?? ''} ${d.country ?? ''}`)]));
    const group = new Map<string, string>();
    for (const d of donors)
      group.set(d.merged_into ?? d.id, `${group.get(d.merged_into ?? d.id) ?? ''} ${own.get(d.id)}`);
    return donors.map((d) => ({ id: d.id, words: group.get(d.merged_into ?? d.id)! }));
  };
  return { places: () => placeWords.all() as Worded[], donors: donorWords };
}

const holdingAll = (rows: Worded[], words: string[]) =>
  rows.filter((r) => words.every((w) => r.words.includes(w))).map((r) => r.id);
const holdingSome = (rows: Worded[], words: string[]) =>
  rows
    .filter((r) => words.some((w) => r.words.includes(w)) && !words.every((w) => r.words.includes(w)))
    .map((r) => r.id);

/** The count and page statements of a search, by which of places and donors hold its words. */
function searchStatements(db: Database.Database, c: SearchCase, places: boolean, donors: boolean) {
  const likes = c.words.map((w) => `p.search_text LIKE '%${w}%'`).join(' AND ');
  const branches = [
    ...(places ? [`p.place_id IN (SELECT value FROM json_each(:places))`] : []),
    ...(donors
      ? [
          `p.donor_id IN (SELECT value FROM json_each(:donors))${places ? ' AND p.place_id NOT IN (SELECT value FROM json_each(:places))' : ''}`,
        ]
      : []),
    `p.rowid IN (SELECT rowid FROM pledge_own_words WHERE pledge_own_words MATCH :own) AND p.place_id NOT IN (SELECT value FROM json_each(:places))
            AND p.donor_id NOT IN (SELECT value FROM json_each(:donors)) AND ${likes}`,
  ];
  return {
    count: db.prepare(
      `SELECT sum(n) AS n FROM (${branches.map((b) => `SELECT count(*) AS n FROM pledges p WHERE ${c.where} AND ${b}`).join(' UNION ALL ')})`,
    ),
    page: db.prepare(
      pageOfRows(
        `SELECT page_rowid FROM (${branches.map((b) => `SELECT p.rowid AS page_rowid, ${c.key} AS sort_key FROM pledges p WHERE ${c.where} AND ${b}`).join(' UNION ALL ')})
              ORDER BY sort_key DESC, page_rowid DESC LIMIT 100`,
        c.key,
      ),
    ),
  };
}

/**
 * A search's page by hand: the places and donors holding the words, then the pledges of those holding all of them
 * (from the indexes) and those whose own text holds one (checked against their search text), counted and paged.
 */
export function searchFloor(db: Database.Database, words: SearchWords, c: SearchCase) {
  const own = c.words
    .map(
      (w) =>
        `(${[...w]
          .slice(2)
          .map((_, i) => `"${w.slice(i, i + 3)}"`)
          .join(' AND ')})`,
    )
    .join(' OR ');
  const statements = new Map<string, ReturnType<typeof searchStatements>>();
  return async () => {
    const placeRows = words.places();
    const donorRows = words.donors();
    const places = JSON.stringify(holdingAll(placeRows, c.words));
    const donors = JSON.stringify(holdingAll(donorRows, c.words));
    const mixed = holdingSome(placeRows, c.words).length > 0 && holdingSome(donorRows, c.words).length > 0;
    if (mixed)
      throw new Error(`${c.name}: the floor is written for searches without words split between place and donor`);
    const shape = `${places !== '[]'}${donors !== '[]'}`;
    if (!statements.has(shape)) statements.set(shape, searchStatements(db, c, places !== '[]', donors !== '[]'));
    const { count, page } = statements.get(shape)!;
    const parameters = { places, donors, own };
    return { rows: page.all(parameters), total: (count.get(parameters) as { n: number }).n };
  };
}
