/**
 * A trigram index over the pledges' folded search text, so that a search finds its pledges without reading every
 * pledge. The index holds no copy of the text (it reads `pledges.search_text`); triggers keep it in step in the same
 * transaction as every write that changes the text. Trigrams match any part of a word, as the search always has.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const statements = [
    `CREATE VIRTUAL TABLE pledge_search USING fts5(search_text, content = 'pledges', content_rowid = 'rowid', tokenize = 'trigram', detail = 'none')`,
    // A pledge is inserted without words and given them by an update, which the index follows. (A trigger that
    // wrote to the index on every insert would make each insert statement flush the index: many times slower for
    // merges and imports, which insert row by row and then write all their words in one statement.)
    `CREATE TRIGGER pledge_search_words_by_update BEFORE INSERT ON pledges WHEN NEW.search_text <> '' BEGIN
      SELECT RAISE(ABORT, 'pledges are inserted without search words; an update writes them');
    END`,
    `CREATE TRIGGER pledge_search_delete AFTER DELETE ON pledges WHEN OLD.search_text <> '' BEGIN
      INSERT INTO pledge_search (pledge_search, rowid, search_text) VALUES ('delete', OLD.rowid, OLD.search_text);
    END`,
    `CREATE TRIGGER pledge_search_update AFTER UPDATE OF search_text ON pledges WHEN NEW.search_text IS NOT OLD.search_text BEGIN
      INSERT INTO pledge_search (pledge_search, rowid, search_text) SELECT 'delete', OLD.rowid, OLD.search_text WHERE OLD.search_text <> '';
      INSERT INTO pledge_search (rowid, search_text) SELECT NEW.rowid, NEW.search_text WHERE NEW.search_text <> '';
    END`,
    `INSERT INTO pledge_search (rowid, search_text) SELECT rowid, search_text FROM pledges WHERE search_text <> ''`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
