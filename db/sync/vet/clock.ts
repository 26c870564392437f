/**
 * A bundle from a clock set wrong: a version, a deletion's version or a history entry's time more than a day ahead of
 * this machine's clock is refused, naming the office and the time its clock gave. Merged, such a version would carry
 * every later edit of this ledger with it (the clock moves past what it sees), and every office after it.
 */
import { dayText } from '../../../contract/dates';
import { CLOCK_SKEW_MS, parseVersion } from '../clock';
import { type Bundle, refuse, type Words } from '../contents';

/** The office a bundle comes from: the one it names, or the one that signed it. */
export interface Sender {
  id: string;
  name: string;
}

/** The latest date a JavaScript date can hold (±8.64e15 ms): a version's time past it is no calendar time at all. */
const LAST_DATE_MS = 8.64e15;

/** A time as a message shows it: day, hour and minute (UTC), or past any calendar. */
export function clockText(ms: number): Words {
  if (!Number.isFinite(ms) || ms > LAST_DATE_MS || ms < 0)
    return {
      vi: 'một thời điểm ngoài mọi lịch (sau năm 275760)',
      en: 'a time past any calendar (after the year 275760)',
    };
  const iso = new Date(ms).toISOString();
  const day = dayText(iso.slice(0, 10));
  return { vi: `ngày ${day} ${iso.slice(11, 16)} (UTC)`, en: `${day} ${iso.slice(11, 16)} (UTC)` };
}

/** The first time in a bundle further ahead than the skew allows, and what carries it. */
function firstAhead(bundle: Bundle, limit: number): { ms: number; what: Words } | null {
  for (const [table, rows] of Object.entries(bundle.records)) {
    for (const row of rows) {
      for (const version of [row.version, row.base_version]) {
        const ms = versionMs(version);
        if (ms > limit) return { ms, what: { vi: `bản ghi ${table} ${row.id}`, en: `the ${table} record ${row.id}` } };
      }
    }
  }
  for (const tomb of bundle.tombstones) {
    for (const version of [tomb.version, tomb.base_version]) {
      const ms = versionMs(version);
      if (ms > limit) return { ms, what: { vi: `lệnh xóa ${tomb.id}`, en: `the deletion of ${tomb.id}` } };
    }
  }
  for (const entry of bundle.audit ?? []) {
    const ms = typeof entry.at === 'string' ? Date.parse(entry.at) : Number.NaN;
    if (ms > limit) {
      const id = String(entry.id ?? '').slice(0, 60);
      return { ms, what: { vi: `mục lịch sử ${id}`, en: `the history entry ${id}` } };
    }
  }
  const made = Date.parse(bundle.createdAt);
  if (made > limit) return { ms: made, what: { vi: 'thời điểm tạo gói', en: 'the time the bundle was made' } };
  return null;
}

/** A version's milliseconds (0 when it has none: an empty base, a version from before versions were kept). */
function versionMs(version: string | undefined): number {
  if (!version) return 0;
  return parseVersion(version)?.ms ?? 0;
}

/** Refuses a bundle carrying a time more than `CLOCK_SKEW_MS` ahead of `nowMs`, naming the office and its clock. */
export function vetClock(bundle: Bundle, sender: Sender, nowMs: number): void {
  const ahead = firstAhead(bundle, nowMs + CLOCK_SKEW_MS);
  if (!ahead) return;
  const theirs = clockText(ahead.ms);
  const ours = clockText(nowMs);
  throw refuse(
    `đồng hồ của ${sender.name} chỉ ${theirs.vi} (${ahead.what.vi}), trước đồng hồ máy này (${ours.vi}) hơn một ngày. ` +
      `Hãy chỉnh ngày giờ máy tính ở ${sender.name} (hoặc ở máy này, nếu máy này sai), chạy lệnh "clock repair" ở đó, rồi gửi lại gói; sổ không bị thay đổi`,
    `the clock of ${sender.name} read ${theirs.en} (${ahead.what.en}), more than a day ahead of this computer's (${ours.en}). ` +
      `Set the date and time right at ${sender.name} (or on this computer, if this one is wrong), run "clock repair" there, then send the bundle again; the ledger was not changed`,
  );
}
