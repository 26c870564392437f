/**
 * An exchange folder as the offices' post office: a shared folder on the office network or a USB stick that every
 * office can reach. Each office writes its bundles there (when changes wait, and when the app closes) and is offered
 * the bundles of the others found there; the ledger file itself is never shared. Files are named by the office that
 * wrote them (its name, the start of its id, the time), written whole or not at all, and never overwritten; what is
 * offered is read with every check a bundle chosen by hand gets.
 */
import { closeSync, fsyncSync, openSync, readdirSync, readFileSync, renameSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { FolderBundle, FolderStatus, ImportFilesResult, ParsedInput } from '../../contract';
import type { Ctx } from '../core/context';
import { invalid } from '../core/errors';
import { checkExchangeFolder } from './folder-check';
import { importFiles } from '../imports/quarter-files';
import { getSettings } from '../settings';
import { BUNDLE_TABLES } from './contents';
import { exportBundle } from './export';

/** A bundle's file name in the folder: the office's name, the start of its id, the moment it was written. */
const FOLDER_FILE = /^[A-Za-z0-9-]{1,80}-([0-9a-f]{8})-(\d{8}T\d{6}Z)(-\d+)?\.aidledger$/;
/** At most this many files are offered at once (the oldest first), and none larger than a bundle may be. */
const MAX_OFFERED = 200;
const MAX_BUNDLE_BYTES = 30_000_000;

/** The folder set in Cài đặt, refused with the reason when it cannot be used. */
export async function exchangeFolder(ctx: Ctx): Promise<string> {
  const folder = (await getSettings(ctx)).exchangeFolder;
  if (!folder)
    throw invalid('exchangeFolder', {
      vi: 'chưa chọn thư mục trao đổi (Cài đặt → Thư mục trao đổi)',
      en: 'no exchange folder is set (Settings → Exchange folder)',
    });
  checkExchangeFolder(folder);
  return folder;
}

/** Whether this office has changes no bundle has carried yet (its own rows or deletions newer than its last bundle). */
export async function changesWaiting(ctx: Ctx): Promise<boolean> {
  return (await oldestWaitingChange(ctx)) !== null;
}

/** When the oldest change no bundle has carried yet was made here (null: none waits). */
export async function oldestWaitingChange(ctx: Ctx): Promise<string | null> {
  const mark = await sql<{ v: string }>`SELECT exported_version AS v FROM sync_marks WHERE destination = 'province'`
    .execute(ctx.db)
    .then((r) => r.rows[0]?.v ?? '');
  let oldest: string | null = null;
  for (const table of [...BUNDLE_TABLES.map(([t]) => t), 'tombstones']) {
    const found = await sql<{ v: string | null }>`SELECT min(version) AS v FROM ${sql.raw(table)}
      WHERE origin_site = ${ctx.site.id} AND version > ${mark}`.execute(ctx.db);
    const v = found.rows[0]?.v;
    if (v && (oldest === null || v < oldest)) oldest = v;
  }
  const ms = oldest === null ? Number.NaN : Number(oldest.split('-')[0]);
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** A name for this office's next file: its name in plain letters, the start of its id, the moment (UTC). */
function fileNameFor(ctx: Ctx): string {
  const office =
    ctx.site.name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'office';
  const stamp = `${ctx.now.slice(0, 19).replace(/[-:]/g, '')}Z`;
  return `${office}-${ctx.site.id.replace(/-/g, '').slice(0, 8)}-${stamp}.aidledger`;
}

/** Writes `bytes` as a new file in the folder, whole or not at all, never over a file already there. */
function writeNewFile(folder: string, name: string, bytes: Buffer): string {
  let chosen = name;
  for (let n = 1; ; n++) {
    const partial = join(folder, `${chosen}.partial`);
    const fd = openSync(partial, 'wx');
    try {
      writeSync(fd, bytes);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    try {
      statSync(join(folder, chosen));
    } catch {
      renameSync(partial, join(folder, chosen));
      return chosen;
    }
    // Two files in the same second: the later takes a number.
    renameSync(partial, join(folder, `${chosen}.partial-${n}`));
    chosen = name.replace(/\.aidledger$/, `-${n}.aidledger`);
  }
}

/** Writes this office's changes as a bundle in the exchange folder when changes wait; answers the file written. */
export async function sendToFolder(ctx: Ctx): Promise<{ fileName: string | null; records: number }> {
  const folder = await exchangeFolder(ctx);
  if (!(await changesWaiting(ctx))) return { fileName: null, records: 0 };
  const { bundle, bytes } = await exportBundle(ctx, {});
  const records = Object.values(bundle.records).reduce((n, rows) => n + rows.length, 0) + bundle.tombstones.length;
  return { fileName: writeNewFile(folder, fileNameFor(ctx), bytes), records };
}

/** The bundles in the folder written by other offices and not yet received here, the oldest first. */
export async function folderStatus(ctx: Ctx): Promise<FolderStatus> {
  const folder = (await getSettings(ctx)).exchangeFolder;
  if (!folder) return { folder: null, offered: [], waiting: await changesWaiting(ctx), problem: null };
  try {
    checkExchangeFolder(folder);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { folder, offered: [], waiting: await changesWaiting(ctx), problem: message };
  }
  return { folder, offered: await offeredFiles(ctx, folder), waiting: await changesWaiting(ctx), problem: null };
}

async function offeredFiles(ctx: Ctx, folder: string): Promise<FolderBundle[]> {
  const own = ctx.site.id.replace(/-/g, '').slice(0, 8);
  const received = new Set(
    (
      await sql<{ fileName: string }>`SELECT file_name FROM sync_log WHERE direction = 'import'`.execute(ctx.db)
    ).rows.map((r) => r.fileName),
  );
  const offered: FolderBundle[] = [];
  for (const name of readdirSync(folder).sort(byTimeWritten)) {
    const match = FOLDER_FILE.exec(name);
    if (!match || match[1] === own || received.has(name)) continue;
    const stat = statSync(join(folder, name), { throwIfNoEntry: false });
    if (!stat?.isFile()) continue;
    offered.push({
      fileName: name,
      bytes: stat.size,
      writtenAt: isoOf(match[2]!),
      tooLarge: stat.size > MAX_BUNDLE_BYTES,
    });
    if (offered.length >= MAX_OFFERED) break;
  }
  return offered;
}

/** Files in the order their offices wrote them (by the moment in their names). */
function byTimeWritten(a: string, b: string): number {
  const at = (name: string) => FOLDER_FILE.exec(name)?.[2] ?? '';
  return at(a).localeCompare(at(b)) || a.localeCompare(b);
}

function isoOf(stamp: string): string {
  return `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(9, 11)}:${stamp.slice(11, 13)}:${stamp.slice(13, 15)}Z`;
}

/**
 * Receives bundles offered in the folder, by name only (a name not offered there is refused): all of them in one pass
 * with every check of the quarter's close — all merged, or (any refused, or a check only) none.
 */
export async function receiveFromFolder(ctx: Ctx, input: ParsedInput<'sync.receive'>): Promise<ImportFilesResult> {
  const folder = await exchangeFolder(ctx);
  const offered = new Map((await offeredFiles(ctx, folder)).map((f) => [f.fileName, f]));
  const files = input.fileNames.map((name) => {
    const file = offered.get(name);
    if (!file)
      throw invalid('fileNames', {
        vi: `không có gói "${name}" chờ nhận trong thư mục trao đổi`,
        en: `no bundle "${name}" is waiting in the exchange folder`,
      });
    if (file.tooLarge)
      throw invalid('fileNames', {
        vi: `gói "${name}" lớn hơn 30 MB`,
        en: `the bundle "${name}" is larger than 30 MB`,
      });
    return { fileName: name, base64: readFileSync(join(folder, name)).toString('base64') };
  });
  const { fileNames: _names, ...options } = input;
  return importFiles(ctx, { ...options, files });
}
