/**
 * Whether a ledger may be written here, decided before it is opened: a network drive or a synced folder is opened
 * read-only (see `place.ts`), so is a file or folder this process may not write (read-only media), and so is a ledger
 * another program holds the writer's lock of (`lock.ts`). A read-only ledger on a network, a synced folder or read-only
 * media is read from a copy in a temporary folder: SQLite cannot read a WAL file in a folder where it may not create the
 * `-shm` index, and over a network that index is not shared safely.
 */
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { LedgerAccess, ReadOnlyReason } from '../../contract/app';
import { LedgerError, type Bilingual } from '../../contract/errors';
import { acquireWriterLock, type LockHolder, type LockOptions, type StaleReason, type WriterLock } from './lock';
import type { Place, PlaceInputs } from './place';
import { placeOf, writeAccess, type WriteAccess } from './place-inputs';

export const WRITABLE: LedgerAccess = { readOnly: null, notice: null };

/** A write refused because the ledger is open read-only here; `reason` says why (the CLI's exit status follows it). */
export class ReadOnlyError extends LedgerError {
  constructor(readonly reason: ReadOnlyReason) {
    super('read_only', reason.message);
  }
}

/** A time as the user reads it: the date and the minute, in this computer's time zone. */
function shown(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())} ${two(d.getHours())}:${two(d.getMinutes())}`;
}

const COPY_HERE: Bilingual = {
  vi: 'Hãy chép sổ về máy này để làm việc, và trao đổi với các máy khác bằng gói dữ liệu.',
  en: 'Copy it to this computer to work on it, and share with the other computers through bundles.',
};

export function placeReason(place: Place): ReadOnlyReason | null {
  if (place.kind === 'network') {
    return {
      kind: 'network',
      holder: null,
      canCopyHere: true,
      message: {
        vi: `Sổ nằm trên ổ mạng (${place.detail}) nên chỉ được mở để xem: SQLite không ghi an toàn qua mạng (https://www.sqlite.org/useovernet.html, https://www.sqlite.org/wal.html). ${COPY_HERE.vi}`,
        en: `The ledger is on a network drive (${place.detail}), so it is opened read-only: SQLite cannot write safely over a network (https://www.sqlite.org/useovernet.html, https://www.sqlite.org/wal.html). ${COPY_HERE.en}`,
      },
    };
  }
  if (place.kind === 'cloud') {
    return {
      kind: 'cloud',
      holder: null,
      canCopyHere: true,
      message: {
        vi: `Sổ nằm trong thư mục đồng bộ ${place.detail} nên chỉ được mở để xem: dịch vụ đồng bộ tải tệp sổ và nhật ký ghi của nó lên riêng rẽ và có thể chép một bản cũ đè lên. ${COPY_HERE.vi}`,
        en: `The ledger is in the synced folder ${place.detail}, so it is opened read-only: the sync service uploads the ledger and its write log apart and may bring an older copy back over it. ${COPY_HERE.en}`,
      },
    };
  }
  return null;
}

export function mediaReason(file: string, place: Place, access: WriteAccess): ReadOnlyReason | null {
  if (!place.readOnlyMount && access.fileWritable && access.folderWritable) return null;
  const where = access.fileWritable && !place.readOnlyMount ? dirname(file) : file;
  return {
    kind: 'read_only',
    holder: null,
    canCopyHere: true,
    message: {
      vi: `Không ghi được vào ${where} (ổ chỉ đọc hoặc không có quyền ghi) nên sổ chỉ được mở để xem. Hãy chép sổ về một thư mục ghi được trên máy này.`,
      en: `${where} cannot be written (read-only media, or no permission to write) so the ledger is opened read-only. Copy it to a folder of this computer that can be written.`,
    },
  };
}

export function heldReason(holder: LockHolder | null, thisHost: string): ReadOnlyReason {
  if (!holder) {
    return {
      kind: 'in_use',
      holder: null,
      canCopyHere: false,
      message: {
        vi: 'Một chương trình khác đang mở sổ để ghi, nên ở đây sổ chỉ được mở để xem. Hãy thử lại sau ít phút.',
        en: 'Another program is opening the ledger for writing, so it is opened read-only here. Try again in a few minutes.',
      },
    };
  }
  const here = holder.host.toLowerCase() === thisHost.toLowerCase();
  const since = shown(holder.since);
  return {
    kind: 'in_use',
    holder: { host: holder.host, user: holder.user, since: holder.since },
    canCopyHere: false,
    message: {
      vi: `Sổ đang được mở để ghi ${here ? 'trên máy này' : `trên máy ${holder.host}`} (người dùng ${holder.user}, từ ${since}), nên ở đây sổ chỉ được mở để xem. Hãy đóng chương trình đó rồi mở lại sổ để ghi.`,
      en: `The ledger is open for writing ${here ? 'on this computer' : `on ${holder.host}`} (user ${holder.user}, since ${since}), so it is opened read-only here. Close it there, then open the ledger again to write.`,
    },
  };
}

const STALE_WHY: Record<StaleReason, Bilingual> = {
  process_gone: { vi: 'chương trình đó không còn chạy', en: 'that program is no longer running' },
  restarted: { vi: 'máy đã khởi động lại từ đó', en: 'the computer was restarted since' },
  silent: {
    vi: 'máy đó đã hơn 10 phút không báo còn mở',
    en: 'that computer has not refreshed its lock for over 10 minutes',
  },
  unreadable: { vi: 'tệp khóa không đọc được', en: 'the lock file could not be read' },
};

export function takeoverNotice(holder: LockHolder | null, why: StaleReason): Bilingual {
  const who = holder
    ? {
        vi: `máy ${holder.host}, người dùng ${holder.user}, từ ${shown(holder.since)}`,
        en: `${holder.host}, user ${holder.user}, since ${shown(holder.since)}`,
      }
    : { vi: 'không rõ ai', en: 'unknown' };
  return {
    vi: `Lần mở sổ trước (${who.vi}) đã không đóng đúng cách (${STALE_WHY[why].vi}); máy này đã nhận quyền ghi sổ.`,
    en: `The ledger's previous opening (${who.en}) did not close properly (${STALE_WHY[why].en}); this program has taken over writing it.`,
  };
}

/** How a ledger is to be opened here: the file SQLite opens, the access, the lock held, and what to remove afterwards. */
export interface Access {
  /** The file to open: the ledger itself, or its copy in a temporary folder. */
  openFile: string;
  access: LedgerAccess;
  lock: WriterLock | null;
  /** Releases the lock and removes the temporary copy. */
  release(): void;
}

export interface AccessOptions {
  lock?: LockOptions;
  /** What the platform tells, told instead (tests give another machine's mountinfo, or the place itself). */
  placeInputs?: Partial<PlaceInputs>;
  place?: Place;
  write?: WriteAccess;
}

/** A copy of the ledger and its write-ahead log in a temporary folder, read from there. */
function temporaryCopy(file: string): { copy: string; remove(): void } {
  const folder = mkdtempSync(join(tmpdir(), 'aid-ledger-view-'));
  const copy = join(folder, basename(file));
  copyFileSync(file, copy);
  if (existsSync(`${file}-wal`)) copyFileSync(`${file}-wal`, `${copy}-wal`);
  return { copy, remove: () => rmSync(folder, { recursive: true, force: true }) };
}

/** Decides how `file` may be opened here, taking the writer's lock when it may be written. */
export function decideAccess(file: string, options: AccessOptions = {}): Access {
  const place = options.place ?? placeOf(file, options.placeInputs);
  const away = placeReason(place) ?? mediaReason(file, place, options.write ?? writeAccess(file));
  if (away) {
    if (!existsSync(file)) throw new ReadOnlyError(away);
    const { copy, remove } = temporaryCopy(file);
    return { openFile: copy, access: { readOnly: away, notice: null }, lock: null, release: remove };
  }
  const attempt = acquireWriterLock(file, options.lock);
  if (!attempt.ok) {
    if (!existsSync(file)) throw new ReadOnlyError(heldReason(attempt.holder, hostOf(options)));
    return {
      openFile: file,
      access: { readOnly: heldReason(attempt.holder, hostOf(options)), notice: null },
      lock: null,
      release: () => {},
    };
  }
  const { lock, tookOver } = attempt;
  const notice = tookOver ? takeoverNotice(tookOver.holder, tookOver.why) : null;
  return { openFile: file, access: { readOnly: null, notice }, lock, release: () => lock.release() };
}

const hostOf = (options: AccessOptions) => options.lock?.environment?.host ?? hostname();
