/**
 * Who received the aid: a recipient (a household, a school, a health station) and its village (thôn, bản, xóm),
 * kept as text on a pledge or on one of its deliveries, as the commune's lists name them.
 * - pledges and deliveries gain `recipient` and `village` (null: not said);
 * - imported_rows gains `delivery_id`: the delivery a list's receipt row recorded (null: the row recorded a pledge).
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
}
