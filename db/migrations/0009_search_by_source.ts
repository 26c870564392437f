/**
 * A search answered from where its words come from. A pledge is found by its own text, its place's name and its
 * donor's names; the places and donors are few, so the words are matched against them and their pledges found
 * through indexes that also hold the ledger's filters and sort keys (kind, date, VND), without reading the pledges.
 * Only the pledge's own text needs an index of its own: a trigram index over it replaces the one over the whole
 * search text (which answered a district's name with every pledge of the district, each then read to filter).
 */
import { sql, type Kysely } from 'kysely';

/** The pledge's own words, folded: the first part of its search text (see `db/search.ts`). */
const OWN_WORDS = (row: 'NEW' | 'pledges') =>
  `fold_text(coalesce(${row}.description, '') || ' ' || coalesce(${row}.unit, '') || ' ' || coalesce(${row}.notes, '') || ' ' || coalesce(${row}.approval_number, ''))`;

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `DROP TRIGGER pledge_search_delete`,
    `DROP TRIGGER pledge_search_update`,
    `DROP TABLE pledge_search`,
    // Contentless: the words are folded from the pledge's columns when it is written, and not stored twice.
    `CREATE VIRTUAL TABLE pledge_own_words USING fts5(words, content = '', contentless_delete = 1, tokenize = 'trigram', detail = 'none')`,
    // As before, a pledge is given its words by an update (pledge_search_words_by_update still holds), which the
    // index follows; every change of its own text changes its search text.
    `CREATE TRIGGER pledge_own_words_delete AFTER DELETE ON pledges WHEN OLD.search_text <> '' BEGIN
      DELETE FROM pledge_own_words WHERE rowid = OLD.rowid;
    END`,
    `CREATE TRIGGER pledge_own_words_update AFTER UPDATE OF search_text ON pledges WHEN NEW.search_text IS NOT OLD.search_text BEGIN
      DELETE FROM pledge_own_words WHERE rowid = OLD.rowid AND OLD.search_text <> '';
      INSERT INTO pledge_own_words (rowid, words) SELECT NEW.rowid, ${OWN_WORDS('NEW')} WHERE NEW.search_text <> '';
    END`,
    `INSERT INTO pledge_own_words (rowid, words) SELECT rowid, ${OWN_WORDS('pledges')} FROM pledges WHERE search_text <> ''`,
    // A place's or donor's pledges filtered by kind and date and ordered by VND, from the index alone.
    `DROP INDEX pledges_place_date`,
    `CREATE INDEX pledges_place_kind_date ON pledges(place_id, kind, pledge_date, vnd_equivalent)`,
    `DROP INDEX pledges_donor_date`,
    `CREATE INDEX pledges_donor_kind_date ON pledges(donor_id, kind, pledge_date, vnd_equivalent)`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
