/**
 * Offices that fall silent: when each office this one exchanges with last sent a bundle here, and what is overdue —
 * an office silent for longer than the department allows (Cài đặt, 14 days unless set), or changes made here that no
 * bundle has carried for as long.
 */
import { sql } from 'kysely';
import type { OfficeActivity, SyncReminder } from '../../contract';
import type { Ctx } from '../core/context';
import { getSettings } from '../settings';
import { oldestWaitingChange } from './folder';

const DAY_MS = 86_400_000;

/** Whole days from `since` to the call's time (null when never). */
function daysSince(ctx: Ctx, since: string | null): number | null {
  if (!since) return null;
  return Math.max(0, Math.floor((Date.parse(ctx.now) - Date.parse(since)) / DAY_MS));
}

/**
 * The offices this one exchanges with: those it accepted (not revoked), silent since they were accepted until a bundle
 * comes, and those it has received bundles from before offices were recorded.
 */
async function knownOffices(ctx: Ctx): Promise<{ siteId: string; siteName: string; knownSince: string | null }[]> {
  const accepted = await sql<{ siteId: string; siteName: string; knownSince: string; revoked: number }>`
    SELECT site_id, name AS site_name, accepted_at AS known_since, revoked_at IS NOT NULL AS revoked FROM offices
    WHERE site_id <> ${ctx.site.id}`.execute(ctx.db);
  const heard = await sql<{ siteId: string; siteName: string; first: string }>`
    SELECT peer_site_id AS site_id, peer_site_name AS site_name, min(at) AS first FROM sync_log
    WHERE direction = 'import' AND peer_site_id <> ${ctx.site.id} GROUP BY peer_site_id`.execute(ctx.db);
  const offices = new Map(accepted.rows.map((r) => [r.siteId, r]));
  return [
    ...accepted.rows.filter((r) => !r.revoked),
    ...heard.rows
      .filter((r) => !offices.has(r.siteId))
      .map((r) => ({ siteId: r.siteId, siteName: r.siteName, knownSince: r.first })),
  ].map(({ siteId, siteName, knownSince }) => ({ siteId, siteName, knownSince }));
}

export async function officeActivity(ctx: Ctx): Promise<{ offices: OfficeActivity[]; reminders: SyncReminder[] }> {
  const { reminderDays } = await getSettings(ctx);
  const last = new Map(
    (
      await sql<{ siteId: string; siteName: string; at: string }>`
        SELECT peer_site_id AS site_id, peer_site_name AS site_name, max(at) AS at FROM sync_log
        WHERE direction = 'import' GROUP BY peer_site_id`.execute(ctx.db)
    ).rows.map((r) => [r.siteId, r]),
  );
  const offices = (await knownOffices(ctx)).map((office): OfficeActivity => {
    const received = last.get(office.siteId);
    const silentDays = daysSince(ctx, received?.at ?? office.knownSince);
    return {
      siteId: office.siteId,
      siteName: office.siteName,
      lastReceivedAt: received?.at ?? null,
      silentDays,
      overdue: silentDays !== null && silentDays > reminderDays,
    };
  });
  const reminders: SyncReminder[] = offices
    .filter((o) => o.overdue)
    .map((o) => ({
      kind: 'office_silent',
      siteId: o.siteId,
      siteName: o.siteName,
      since: o.lastReceivedAt,
      days: o.silentDays,
    }));
  // Changes made here and carried by no bundle for longer than allowed, when there is an office to send them to.
  const waitingSince = offices.length ? await oldestWaitingChange(ctx) : null;
  const waitingDays = daysSince(ctx, waitingSince);
  if (waitingDays !== null && waitingDays > reminderDays)
    reminders.push({ kind: 'not_sent', since: waitingSince, days: waitingDays });
  return { offices, reminders };
}
