/**
 * A report may cover only the lines of some aid items (by sector, modality or stage). The reports sent keep that
 * scope (JSON of `ItemScope`, sorted; NULL for every line), so that "what changed since the last report" compares a
 * report only with earlier ones of the same scope.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE reports_sent ADD COLUMN item_scope TEXT`.execute(db);
}
