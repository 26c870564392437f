/**
 * Who received the aid: a recipient (a household, a school, a health station) and its village (thôn, bản, xóm),
 * kept as text on a pledge or on one of its deliveries, as the commune's lists name them.
 * - pledges and deliveries gain `recipient` and `village` (null: not said);
 * - imported_rows gains `delivery_id`: the delivery a list's receipt row recorded (null: the row recorded a pledge);
 * - a pledge's own words (its trigram index, migration 0009) gain who received it, on it or on its deliveries: a
 *   pledge is found by a household's name. No pledge has one yet, so the index needs no rebuilding.
 * Adding the columns gives no row a new version, so offices upgrading at different times merge as before; a bundle
 * of an earlier release carries no such column and leaves it as it is here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  for (const table of ['pledges', 'deliveries']) {
    await run(`ALTER TABLE ${table} ADD COLUMN recipient TEXT`);
    await run(`ALTER TABLE ${table} ADD COLUMN village TEXT`);
  }
  await run(`ALTER TABLE imported_rows ADD COLUMN delivery_id TEXT`);
  await run(`DROP TRIGGER pledge_own_words_update`);
  await run(`CREATE TRIGGER pledge_own_words_update AFTER UPDATE OF search_text ON pledges WHEN NEW.search_text IS NOT OLD.search_text BEGIN
      DELETE FROM pledge_own_words WHERE rowid = OLD.rowid AND OLD.search_text <> '';
      INSERT INTO pledge_own_words (rowid, words) SELECT NEW.rowid, ${OWN_WORDS} WHERE NEW.search_text <> '';
    END`);
}

/** The pledge's own words, folded: as migration 0009 has them, then who received it (see `db/search.ts`). */
const OWN_WORDS = `fold_text(coalesce(NEW.description, '') || ' ' || coalesce(NEW.unit, '') || ' ' || coalesce(NEW.notes, '') || ' ' ||
  coalesce(NEW.approval_number, '') || ' ' || coalesce(NEW.recipient, '') || ' ' || coalesce(NEW.village, '') || ' ' ||
  coalesce((SELECT group_concat(coalesce(x.recipient, '') || ' ' || coalesce(x.village, ''), ' ') FROM deliveries x
    WHERE x.pledge_id = NEW.id AND (x.recipient IS NOT NULL OR x.village IS NOT NULL)), ''))`;
