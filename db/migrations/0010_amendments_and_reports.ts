/**
 * Who changed what, a status that follows the deliveries, and the reports as they were sent.
 * - audit_log gains the person and the installation's name at the time of each change (history and reports name
 *   them: "Nguyễn Văn A — Sở Ngoại vụ, máy 2"); entries written before know only their installation's id.
 * - pledges gain `status_by_user`: 1 once a person has set the status; until then it follows the deliveries. Pledges
 *   already past "pledged" had their status set by hand (nothing set it otherwise), so they are marked as such —
 *   without the change-tracking trigger, so the upgrade gives them no new version and offices that upgrade at
 *   different times merge as before.
 * - reports_sent keeps every report saved: its period, place, time, who, its totals and the file itself. It stays at
 *   the installation that made it (reports are not exchanged).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const run = (statement: string) => sql.raw(statement).execute(db);
  await run(`ALTER TABLE audit_log ADD COLUMN user_name TEXT`);
  await run(`ALTER TABLE audit_log ADD COLUMN site_name TEXT`);
  await run(
    `ALTER TABLE pledges ADD COLUMN status_by_user INTEGER NOT NULL DEFAULT 0 CHECK (status_by_user IN (0, 1))`,
  );
  const tracking = (
    await sql<{
      sql: string;
    }>`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'pledges_track_update'`.execute(db)
  ).rows[0];
  if (tracking) await run(`DROP TRIGGER pledges_track_update`);
  await run(`UPDATE pledges SET status_by_user = 1 WHERE status <> 'pledged'`);
  if (tracking) await run(tracking.sql);
  await run(`CREATE TABLE reports_sent (
    id TEXT PRIMARY KEY,
    period TEXT NOT NULL,
    place_id TEXT,
    place_name TEXT,
    made_at TEXT NOT NULL,
    user_name TEXT,
    site_name TEXT NOT NULL,
    file_name TEXT NOT NULL,
    totals TEXT NOT NULL,
    pledge_count INTEGER NOT NULL,
    file BLOB NOT NULL
  )`);
  await run(`CREATE INDEX reports_sent_period ON reports_sent (period, place_id, made_at)`);
}
