/**
 * "Nay thuộc" (today in): the unit of today a pledge of a former unit split among several went to, as the officer
 * knows it. In today's units such a pledge counts there; without it, it stays in a group of its own labelled as the
 * former unit.
 * - pledges gain `today_place_id`: one of the successors of the pledge's place (null: not said);
 * - aid_items gain `today_place_ids`: a JSON object, place id → successor id, for those of its places so split.
 * Adding the columns gives no row a new version, so offices upgrading at different times merge as before; a bundle
 * of an earlier release carries no such column and leaves it as it is here.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`ALTER TABLE pledges ADD COLUMN today_place_id TEXT REFERENCES places(id)`);
  await run(`CREATE INDEX pledges_today_place ON pledges (today_place_id) WHERE today_place_id IS NOT NULL`);
  await run(`ALTER TABLE aid_items ADD COLUMN today_place_ids TEXT NOT NULL DEFAULT '{}'`);
}
