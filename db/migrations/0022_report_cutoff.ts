/**
 * A report's period is cut by the calendar or by the cut-off of Decree 09/2019/NĐ-CP, Art. 12 (15th to 14th). The
 * reports sent keep which (`calendar` or `statutory`), so the same period made by the two rules is two reports, and
 * "what changed since the last report" compares a report only with earlier ones of its rule. Every report sent before
 * was made by the calendar.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE reports_sent ADD COLUMN cutoff TEXT NOT NULL DEFAULT 'calendar'`.execute(db);
}
