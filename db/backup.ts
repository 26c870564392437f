/**
 * Backups of a ledger file: consistent copies made with SQLite's online backup API while the ledger stays open,
 * checked before they count, kept next to the ledger with a rotation (the last days, and one a month for longer),
 * and restored only from a copy that passes the same checks, keeping the file it replaces.
 */
import BetterSqlite3 from 'better-sqlite3';
import {
  copyFileSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  closeSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { BackupKind } from '../contract';
import { LedgerError, type Bilingual } from '../contract/errors';
import { SCHEMA_VERSION } from './core/migrate';
import { openLedger, type Ledger } from './core/open';

/** What a check of a ledger file found. */
export type LedgerCheck = { ok: true; schemaVersion: number } | { ok: false; problems: string[] };

/** What SQLite's quick_check and the foreign key check find wrong on a connection (nothing: empty). */
function problemsOf(db: BetterSqlite3.Database): string[] {
  const quick = (db.pragma('quick_check') as { quick_check: string }[]).map((r) => r.quick_check);
  if (quick.length !== 1 || quick[0] !== 'ok') return quick.slice(0, 20);
  const foreign = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  return foreign.slice(0, 20).map((f) => `${f.table} row ${f.rowid}: missing ${f.parent}`);
}

/**
 * Checks a ledger file without changing it: SQLite's quick_check (every page and index readable and consistent),
 * foreign keys, and the record of its schema.
 */
export function checkLedgerFile(file: string): LedgerCheck {
  let db: BetterSqlite3.Database | null = null;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    const problems = problemsOf(db);
    if (problems.length) return { ok: false, problems };
    const hasSchema = db
      .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'`)
      .get();
    if (!hasSchema) return { ok: false, problems: ['not a ledger: no schema_migrations table'] };
    const { n } = db.prepare(`SELECT count(*) AS n FROM schema_migrations`).get() as { n: number };
    return { ok: true, schemaVersion: n };
  } catch (error) {
    return { ok: false, problems: [error instanceof Error ? error.message : String(error)] };
  } finally {
    db?.close();
  }
}

/** Checks an open ledger (the same checks, on its own connection). */
export function checkLedger(ledger: Ledger): LedgerCheck {
  const problems = problemsOf(ledger.sqlite);
  return problems.length ? { ok: false, problems } : { ok: true, schemaVersion: ledger.schemaVersion };
}

function flush(file: string): void {
  const fd = openSync(file, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Copies an open ledger to `outFile` with the online backup API (other work on the ledger goes on meanwhile), checks
 * the copy, and only then gives it its name: a crash or a failed check never leaves a partial file under it.
 */
export async function backupLedger(
  ledger: Ledger,
  outFile: string,
  onProgress?: (done: number, total: number) => void,
): Promise<void> {
  if (!existsSync(dirname(outFile))) {
    throw new LedgerError(
      'invalid_input',
      { vi: `Không có thư mục ${dirname(outFile)}`, en: `No such folder: ${dirname(outFile)}` },
      'out',
    );
  }
  const partial = `${outFile}.partial`;
  rmSync(partial, { force: true });
  try {
    await ledger.sqlite.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        // Pages per step: large steps finish sooner; the ledger's own work runs between them.
        return 2_000;
      },
    });
    // A backup is one self-contained file: no write-ahead log beside it, nothing created by reading it.
    const copy = new BetterSqlite3(partial);
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = checkLedgerFile(partial);
    if (!check.ok) throw new Error(`the copy does not pass its check: ${check.problems.join('; ')}`);
    flush(partial);
    renameSync(partial, outFile);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof LedgerError) throw error;
    const why = error instanceof Error ? error.message : String(error);
    throw new LedgerError('internal', {
      vi: `Không sao lưu được (${why}); sổ không bị thay đổi.`,
      en: `The backup failed (${why}); the ledger was not changed.`,
    });
  }
}

/** The folder automatic backups (and the files restores replace) are kept in: beside the ledger. */
export function backupFolder(ledgerFile: string): string {
  return join(dirname(ledgerFile), `${basename(ledgerFile, extname(ledgerFile))}-backups`);
}

export type { BackupKind };

export interface BackupFile {
  file: string;
  kind: BackupKind;
  /** When it was made, from its name (UTC, ISO). */
  at: string;
  bytes: number;
}

const stamp = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
const NAME = /^(.+)-(auto|manual|replaced)-(\d{8}T\d{6}Z)\.sqlite$/;

/** A backup's file name: the ledger's name, the kind, and the time (so names sort by time). */
export function backupName(ledgerFile: string, kind: BackupKind, at: Date): string {
  return join(backupFolder(ledgerFile), `${basename(ledgerFile, extname(ledgerFile))}-${kind}-${stamp(at)}.sqlite`);
}

/** The name for a new backup: `backupName`, a second later for each copy already there, so no copy is ever overwritten. */
export function newBackupName(ledgerFile: string, kind: BackupKind, at: Date): string {
  let time = at.getTime();
  while (existsSync(backupName(ledgerFile, kind, new Date(time)))) time += 1000;
  return backupName(ledgerFile, kind, new Date(time));
}

/** The backups kept for a ledger, newest first. */
export function listBackups(ledgerFile: string): BackupFile[] {
  const folder = backupFolder(ledgerFile);
  if (!existsSync(folder)) return [];
  const own = basename(ledgerFile, extname(ledgerFile));
  return (
    readdirSync(folder)
      .map((name) => ({ name, match: NAME.exec(name) }))
      .filter(({ match }) => match && match[1] === own)
      .map(({ name, match }) => {
        const [, , kind, s] = match!;
        const at = `${s!.slice(0, 4)}-${s!.slice(4, 6)}-${s!.slice(6, 8)}T${s!.slice(9, 11)}:${s!.slice(11, 13)}:${s!.slice(13, 15)}Z`;
        const stat = statSync(join(folder, name));
        return { file: join(folder, name), kind: kind as BackupKind, at, bytes: stat.size, written: stat.mtimeMs };
      })
      // Names carry the second; copies made within one second are told apart by when they were written.
      .sort((a, b) => b.at.localeCompare(a.at) || b.written - a.written)
      .map(({ written: _written, ...backup }) => backup)
  );
}

/**
 * The newest backup of a ledger that passes its check, if any: what a damaged ledger is offered. A ledger replaced by
 * a restore is one the user chose to leave, so it is offered only when no other copy passes.
 */
export function latestGoodBackup(ledgerFile: string): BackupFile | undefined {
  const backups = listBackups(ledgerFile);
  const good = (b: BackupFile) => checkLedgerFile(b.file).ok;
  return backups.find((b) => b.kind !== 'replaced' && good(b)) ?? backups.find((b) => b.kind === 'replaced' && good(b));
}

export interface RotationPolicy {
  /** Automatic backups kept for this many most recent days (the newest of each day). */
  days: number;
  /** And the newest of each of this many most recent months. */
  months: number;
}

export const DEFAULT_ROTATION: RotationPolicy = { days: 7, months: 12 };

/** Pure: which automatic backups a rotation keeps (newest first in, kept out); manual and replaced ones are never removed. */
export function keptByRotation(backups: BackupFile[], policy: RotationPolicy): Set<string> {
  const kept = new Set<string>();
  const days = new Set<string>();
  const months = new Set<string>();
  for (const b of [...backups].sort((x, y) => y.at.localeCompare(x.at))) {
    if (b.kind !== 'auto') {
      kept.add(b.file);
      continue;
    }
    const day = b.at.slice(0, 10);
    const month = b.at.slice(0, 7);
    if (!days.has(day) && days.size < policy.days) {
      days.add(day);
      kept.add(b.file);
    }
    if (!months.has(month) && months.size < policy.months) {
      months.add(month);
      kept.add(b.file);
    }
  }
  return kept;
}

/**
 * The automatic backup, at start and then daily: a new copy unless one was made in the last `minHours`, then the
 * rotation. Returns the copy made (or null) and the files removed.
 */
export async function automaticBackup(
  ledger: Ledger,
  now = new Date(),
  options: { policy?: RotationPolicy; minHours?: number } = {},
): Promise<{ made: string | null; removed: string[] }> {
  mkdirSync(backupFolder(ledger.file), { recursive: true });
  const latest = listBackups(ledger.file).find((b) => b.kind === 'auto');
  const due = !latest || now.getTime() - Date.parse(latest.at) >= (options.minHours ?? 20) * 3_600_000;
  const made = due ? newBackupName(ledger.file, 'auto', now) : null;
  if (made) await backupLedger(ledger, made);
  const backups = listBackups(ledger.file);
  const kept = keptByRotation(backups, options.policy ?? DEFAULT_ROTATION);
  const removed = backups.filter((b) => !kept.has(b.file)).map((b) => b.file);
  for (const file of removed) rmSync(file, { force: true });
  return { made, removed };
}

/**
 * Replaces a (closed) ledger file with a backup: only a copy that passes the checks and whose schema this app can
 * read; the file replaced (with its write-ahead log, if any) is kept in the backup folder. Returns where.
 */
export function restoreLedger(
  ledgerFile: string,
  fromFile: string,
  now = new Date(),
): { replacedKeptAt: string | null } {
  if (!existsSync(fromFile)) {
    throw new LedgerError(
      'not_found',
      { vi: `Không tìm thấy tệp sao lưu ${fromFile}`, en: `Backup file ${fromFile} not found` },
      'from',
    );
  }
  const check = checkLedgerFile(fromFile);
  if (!check.ok) {
    throw new LedgerError(
      'invalid_input',
      {
        vi: `Tệp ${basename(fromFile)} không phải bản sao lưu dùng được (${check.problems.join('; ')}); sổ hiện tại giữ nguyên.`,
        en: `${basename(fromFile)} is not a usable backup (${check.problems.join('; ')}); the current ledger is unchanged.`,
      },
      'from',
    );
  }
  if (check.schemaVersion > SCHEMA_VERSION) {
    throw new LedgerError(
      'schema_too_new',
      {
        vi: `Bản sao lưu do phiên bản mới hơn của ứng dụng tạo ra (lược đồ ${check.schemaVersion}, ứng dụng này đọc đến ${SCHEMA_VERSION}); sổ hiện tại giữ nguyên.`,
        en: `The backup was written by a newer version of the app (schema ${check.schemaVersion}; this app reads up to ${SCHEMA_VERSION}); the current ledger is unchanged.`,
      },
      'from',
    );
  }
  let replacedKeptAt: string | null = null;
  if (existsSync(ledgerFile)) {
    mkdirSync(backupFolder(ledgerFile), { recursive: true });
    replacedKeptAt = newBackupName(ledgerFile, 'replaced', now);
    copyFileSync(ledgerFile, replacedKeptAt);
    // Committed work not yet folded into the file lives in its log: kept beside it, under the name SQLite looks for.
    if (existsSync(`${ledgerFile}-wal`)) copyFileSync(`${ledgerFile}-wal`, `${replacedKeptAt}-wal`);
    flush(replacedKeptAt);
  }
  const incoming = `${ledgerFile}.restoring`;
  copyFileSync(fromFile, incoming);
  flush(incoming);
  for (const suffix of ['-wal', '-shm']) rmSync(`${ledgerFile}${suffix}`, { force: true });
  renameSync(incoming, ledgerFile);
  return { replacedKeptAt };
}

const DAY_MS = 24 * 3_600_000;

/** A ledger file that failed its check: what is wrong, for the recovery screen, and a message naming a good backup. */
export class LedgerDamagedError extends LedgerError {
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    const good = latestGoodBackup(file);
    const offer = good
      ? {
          vi: ` Bản sao lưu tốt gần nhất: ${good.file} (${good.at}). Khôi phục: restore --db "${file}" --from "${good.file}"`,
          en: ` Latest good backup: ${good.file} (${good.at}). Restore: restore --db "${file}" --from "${good.file}"`,
        }
      : { vi: ' Không có bản sao lưu nào dùng được.', en: ' No usable backup was found.' };
    super('ledger_damaged', {
      vi: `Tệp dữ liệu ${file} bị hỏng (${problems.slice(0, 3).join('; ')}); ứng dụng không mở tệp này.${offer.vi}`,
      en: `The ledger file ${file} is damaged (${problems.slice(0, 3).join('; ')}); the app does not open it.${offer.en}`,
    });
  }
}

/**
 * Opens the app's ledger at start: a file that fails its check is not opened (never a silent continue; the error
 * names the latest backup that passes); then the automatic backup runs in the background, at once and daily, each
 * run handed to `onBackupStart` so a caller can wait for it before closing. `stop` ends the daily backups.
 */
export async function openLedgerForApp(
  file: string,
  onBackupError: (error: unknown) => void,
  options: { onBackupStart?: (work: Promise<unknown>) => void; now?: () => Date; notice?: Bilingual | null } = {},
): Promise<{ ledger: Ledger; stop(): void }> {
  if (existsSync(file)) {
    const check = checkLedgerFile(file);
    if (!check.ok) throw new LedgerDamagedError(file, check.problems);
  }
  const ledger = await openLedger(file, { create: true, notice: options.notice ?? null });
  const run = () => {
    const work = automaticBackup(ledger, options.now?.() ?? new Date()).catch(onBackupError);
    options.onBackupStart?.(work);
  };
  run();
  const daily = setInterval(run, DAY_MS);
  daily.unref();
  return { ledger, stop: () => clearInterval(daily) };
}
