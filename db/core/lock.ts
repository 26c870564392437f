/**
 * One writer per ledger: a lock file beside it (`<ledger>.lock`) naming the machine, the user, the process and since
 * when, created with O_EXCL (`wx`: it either did not exist and is now ours, or the create fails — on Windows and POSIX
 * alike), and rewritten every minute (the heartbeat) while it is held.
 *
 * Why a file and not SQLite's own locks: SQLite holds a lock only while a transaction runs, so between two transactions
 * another program may write; holding a transaction open for the whole session would block the writer's own backups, and
 * no SQLite lock says who holds it. A lock file names the holder, so a second program can tell the user who has the
 * ledger open, and a person can read it. Its weakness — a file left behind by a crash — is covered by judging it stale:
 * on this machine when its process is gone (or the machine was restarted since), and from another machine when its
 * heartbeat stopped.
 */
import { randomUUID } from 'node:crypto';
import { closeSync, ftruncateSync, openSync, readFileSync, rmSync, statSync, writeSync } from 'node:fs';
import { hostname, uptime, userInfo } from 'node:os';

/** Who holds a ledger, as its lock file says. */
export interface LockHolder {
  host: string;
  user: string;
  pid: number;
  /** When the lock was taken (ISO). */
  since: string;
  /** The last heartbeat (ISO). */
  beat: string;
  /** When the holder's machine was started (ISO): a lock from before a restart is stale. */
  boot: string;
  /** Tells this lock from a later one of the same process. */
  token: string;
}

/** Why a lock left behind was taken over. */
export type StaleReason = 'process_gone' | 'restarted' | 'silent' | 'unreadable';

/** The machine and process asking, and how it tells whether a process of this machine is running. */
export interface LockEnvironment {
  host: string;
  user: string;
  pid: number;
  /** Milliseconds since the epoch. */
  now: () => number;
  /** When this machine was started (milliseconds since the epoch). */
  boot: number;
  isAlive: (pid: number) => boolean;
}

/** A holder on another machine whose heartbeat is older than this has stopped. */
export const STALE_AFTER_MS = 10 * 60 * 1000;
export const HEARTBEAT_MS = 60 * 1000;
/** Boot times computed from the uptime differ by a few seconds between two readings. */
const SAME_BOOT_MS = 2 * 60 * 1000;
/** A lock file with nothing readable in it is being written by its creator, unless it has been so for this long. */
const UNREADABLE_AFTER_MS = 60 * 1000;

/** Whether a process of this machine is running: `kill(pid, 0)` checks without signalling; EPERM means it exists. */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function userName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '?';
  }
}

export function thisProcess(): LockEnvironment {
  return {
    host: hostname(),
    user: userName(),
    pid: process.pid,
    now: Date.now,
    boot: Date.now() - uptime() * 1000,
    isAlive: processIsAlive,
  };
}

export const lockFileOf = (ledgerFile: string) => `${ledgerFile}.lock`;

/** Whether a lock's holder still holds it, or why it was left behind. */
export function judgeLock(holder: LockHolder, here: LockEnvironment): 'held' | StaleReason {
  if (holder.host.toLowerCase() === here.host.toLowerCase()) {
    if (Math.abs(Date.parse(holder.boot) - here.boot) > SAME_BOOT_MS) return 'restarted';
    if (holder.pid !== here.pid && !here.isAlive(holder.pid)) return 'process_gone';
    return 'held';
  }
  // Another machine: only its heartbeat tells (a clock ahead of ours counts as fresh).
  const beat = Date.parse(holder.beat);
  return Number.isFinite(beat) && here.now() - beat > STALE_AFTER_MS ? 'silent' : 'held';
}

function parseHolder(text: string): LockHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>;
    const strings = [value.host, value.user, value.since, value.beat, value.boot, value.token];
    if (strings.some((s) => typeof s !== 'string') || !Number.isInteger(value.pid)) return null;
    return value as LockHolder;
  } catch {
    return null;
  }
}

type Reading = { holder: LockHolder } | { unreadableFor: number } | 'absent';

function readLock(file: string, now: number): Reading {
  try {
    const holder = parseHolder(readFileSync(file, 'utf8'));
    return holder ? { holder } : { unreadableFor: now - statSync(file).mtimeMs };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
}

/** The holder's record, padded so a rewrite in place never leaves a shorter tail of the previous one. */
const record = (holder: LockHolder) => JSON.stringify(holder, null, 1).padEnd(512, ' ');

function writeHolder(fd: number, holder: LockHolder): void {
  ftruncateSync(fd, 0);
  writeSync(fd, record(holder), 0, 'utf8');
}

/** Creates the lock file if none exists; false when one does. */
function create(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeHolder(fd, holder);
  } finally {
    closeSync(fd);
  }
  return true;
}

export interface WriterLock {
  readonly file: string;
  readonly holder: LockHolder;
  /** Rewrites the heartbeat; false when the lock is no longer ours (another program took it over). */
  beat(): boolean;
  /** Removes the lock file if it is still ours, and stops the heartbeat. */
  release(): void;
}

export type LockAttempt =
  | { ok: true; lock: WriterLock; tookOver: { holder: LockHolder | null; why: StaleReason } | null }
  | { ok: false; holder: LockHolder | null };

export interface LockOptions {
  environment?: LockEnvironment;
  /** How often the heartbeat is written (0: never, for tests that beat by hand). */
  heartbeatMs?: number;
}

/**
 * Takes the writer's lock of a ledger, or says who holds it. A lock left behind is taken over under a second lock
 * (`<lock>.takeover`, also O_EXCL), after reading it again: two programs that both find it stale cannot both take it.
 */
export function acquireWriterLock(ledgerFile: string, options: LockOptions = {}): LockAttempt {
  const here = options.environment ?? thisProcess();
  const file = lockFileOf(ledgerFile);
  const stamp = new Date(here.now()).toISOString();
  const mine: LockHolder = {
    host: here.host,
    user: here.user,
    pid: here.pid,
    since: stamp,
    beat: stamp,
    boot: new Date(here.boot).toISOString(),
    token: randomUUID(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    if (create(file, mine))
      return { ok: true, lock: heldLock(file, mine, options.heartbeatMs ?? HEARTBEAT_MS, here.now), tookOver: null };
    const reading = readLock(file, here.now());
    if (reading === 'absent') continue;
    const holder = 'holder' in reading ? reading.holder : null;
    let why: 'held' | StaleReason;
    if ('holder' in reading) why = judgeLock(reading.holder, here);
    else why = reading.unreadableFor > UNREADABLE_AFTER_MS ? 'unreadable' : 'held';
    if (why === 'held') return { ok: false, holder };
    if (takeOver(file, holder, mine, here.now())) {
      return {
        ok: true,
        lock: heldLock(file, mine, options.heartbeatMs ?? HEARTBEAT_MS, here.now),
        tookOver: { holder, why },
      };
    }
  }
  const last = readLock(file, here.now());
  return { ok: false, holder: typeof last === 'object' && 'holder' in last ? last.holder : null };
}

function takeOver(file: string, stale: LockHolder | null, mine: LockHolder, now: number): boolean {
  const guard = `${file}.takeover`;
  if (!create(guard, mine)) {
    // A takeover left half-done by a crash is itself stale after a minute.
    const age = (() => {
      try {
        return now - statSync(guard).mtimeMs;
      } catch {
        return 0;
      }
    })();
    if (age > UNREADABLE_AFTER_MS) rmSync(guard, { force: true });
    return false;
  }
  try {
    const again = readLock(file, now);
    const same = again === 'absent' || ('holder' in again ? again.holder.token === stale?.token : stale === null);
    if (!same) return false;
    rmSync(file, { force: true });
    return create(file, mine);
  } finally {
    rmSync(guard, { force: true });
  }
}

function heldLock(file: string, holder: LockHolder, heartbeatMs: number, now: () => number): WriterLock {
  let timer: NodeJS.Timeout | null = null;
  const ours = () => {
    const reading = readLock(file, now());
    return typeof reading === 'object' && 'holder' in reading && reading.holder.token === holder.token;
  };
  const lock: WriterLock = {
    file,
    holder,
    beat() {
      if (!ours()) return false;
      const fd = openSync(file, 'r+');
      try {
        writeHolder(fd, { ...holder, beat: new Date(now()).toISOString() });
      } finally {
        closeSync(fd);
      }
      return true;
    },
    release() {
      if (timer) clearInterval(timer);
      timer = null;
      if (ours()) rmSync(file, { force: true });
    },
  };
  if (heartbeatMs > 0) {
    timer = setInterval(() => {
      try {
        if (!lock.beat() && timer) clearInterval(timer);
      } catch {
        // The folder went away for a moment (a stick pulled out): the next beat tries again.
      }
    }, heartbeatMs);
    timer.unref();
  }
  return lock;
}
