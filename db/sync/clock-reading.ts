/**
 * This machine's clock against the ledger it opens: the newest change in the file more than a day ahead of it (the
 * machine's date set back, or versions written by a clock set ahead and received from an earlier release), or the
 * machine's date implausibly far ahead. Read when the ledger opens, and by `app.info`, `info` and `check`.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { ClockReading } from '../../contract/app';
import { dayText, LAST_YEAR } from '../../contract/dates';
import { CLOCK_SKEW_MS, parseVersion } from './clock';
import type { Words } from './contents';

/** Every table whose rows carry a version, deletions included. */
export const VERSIONED_TABLES = [
  'places',
  'place_successors',
  'donors',
  'aid_items',
  'aid_item_stages',
  'pledges',
  'deliveries',
  'exchange_rates',
  'ngo_profiles',
  'ngo_certificates',
  'ngo_contacts',
  'ngo_plans',
  'ngo_year_reports',
  'ngo_acknowledgements',
  'tombstones',
];

/** Versions below this were given by a release, not by a clock (the seed's, the catalogue's: 0 and 1 ms). */
const FIRST_REAL_MS = Date.UTC(2000, 0, 1);
/** A machine's date past this is set wrong: the ledger holds no year after it. */
const LAST_PLAUSIBLE_MS = Date.UTC(LAST_YEAR + 1, 0, 1);
/** A ledger unused for longer than this is rare; a machine this far past its newest change is more likely set wrong. */
const IDLE_MS = 366 * 24 * 60 * 60 * 1000;

/** The newest version in a ledger file (of the tables it has: files of earlier releases lack some), or null. */
export function newestVersion(sqlite: BetterSqlite3.Database): string | null {
  const present = new Set(
    (sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (t) => t.name,
    ),
  );
  const tables = VERSIONED_TABLES.filter((table) => present.has(table));
  if (!tables.length) return null;
  // Tables of a ledger older than versions have no version column (schema 1 and 2).
  const withVersions = tables.filter((table) =>
    (sqlite.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]).includes('version'),
  );
  if (!withVersions.length) return null;
  const latest = withVersions.map((table) => `SELECT max(version) AS v FROM ${table}`).join(' UNION ALL ');
  return (sqlite.prepare(`SELECT max(v) AS v FROM (${latest})`).get() as { v: string | null }).v;
}

/** A time as ISO text, or the latest one a date holds when it is past any calendar. */
function isoOf(ms: number): string {
  return new Date(Math.min(ms, 8.64e15)).toISOString();
}

/** This machine's clock (`nowMs`) against the ledger's newest version. */
export function readClock(newest: string | null, nowMs: number): ClockReading {
  const newestMs = newest ? (parseVersion(newest)?.ms ?? 0) : 0;
  const hasChanges = newestMs >= FIRST_REAL_MS;
  const state =
    hasChanges && newestMs > nowMs + CLOCK_SKEW_MS
      ? 'behind'
      : nowMs >= LAST_PLAUSIBLE_MS || (hasChanges && nowMs > newestMs + IDLE_MS)
        ? 'ahead'
        : 'ok';
  return { state, machineAt: isoOf(nowMs), newestChangeAt: hasChanges ? isoOf(newestMs) : null };
}

/** A reading as one line of each language, and what to do when the clock disagrees (null advice: nothing to do). */
export function explainClock(reading: ClockReading): { line: Words; advice: Words | null } {
  const machine = timeText(reading.machineAt);
  const newest = reading.newestChangeAt ? timeText(reading.newestChangeAt) : null;
  const line: Words = {
    vi: `Đồng hồ máy: ${machine}${newest ? `; thay đổi mới nhất trong sổ: ${newest}` : ''}`,
    en: `Computer clock: ${machine}${newest ? `; newest change in the ledger: ${newest}` : ''}`,
  };
  if (reading.state === 'behind') {
    return {
      line,
      advice: {
        vi:
          'Đồng hồ máy này chậm hơn thay đổi mới nhất trong sổ hơn một ngày. Nếu ngày giờ của máy sai, hãy chỉnh lại. ' +
          'Nếu ngày giờ máy đúng, sổ đang mang những phiên bản do một đồng hồ chạy nhanh ghi: chạy lệnh "clock repair" để sửa. ' +
          'Trong lúc đó các thay đổi vẫn giữ đúng thứ tự, nhưng thời điểm ghi trên bản ghi, báo cáo và bản sao lưu lấy theo đồng hồ máy này.',
        en:
          "This computer's clock is more than a day behind the newest change in the ledger. If the computer's date is wrong, set it right. " +
          'If it is right, the ledger holds versions written by a clock that ran ahead: run "clock repair" to put them right. ' +
          "Meanwhile changes keep their order, but the times written on records, reports and backups come from this computer's clock.",
      },
    };
  }
  if (reading.state === 'ahead') {
    return {
      line,
      advice: {
        vi:
          'Đồng hồ máy này chỉ một ngày sau năm 2100, hoặc muộn hơn thay đổi mới nhất trong sổ hơn một năm. Nếu ngày giờ của máy sai, ' +
          'hãy chỉnh lại trước khi nhập liệu: thay đổi ghi lúc này mang thời điểm sai, và các đơn vị khác sẽ từ chối gói dữ liệu của máy này. ' +
          'Nếu sổ chỉ lâu không được dùng, có thể bỏ qua thông báo này.',
        en:
          "This computer's clock reads a day after 2100, or more than a year after the newest change in the ledger. If the computer's date " +
          'is wrong, set it right before entering anything: changes made now carry a wrong time, and other offices will refuse bundles from this computer. ' +
          'If the ledger has simply not been used for a long time, ignore this.',
      },
    };
  }
  return { line, advice: null };
}

/** dd/mm/yyyy HH:MM (UTC) of an ISO time. */
function timeText(iso: string): string {
  return `${dayText(iso.slice(0, 10))} ${iso.slice(11, 16)} UTC`;
}
