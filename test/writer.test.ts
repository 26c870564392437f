/**
 * One writer, in safe places: the writer's lock (taken once, naming its holder, taken over when left behind), a second
 * program opening read-only, a ledger on a network or synced folder or read-only media opened read-only (never the
 * recovery screen) and copied to this computer, the command line's exit statuses, and two programs writing at once
 * answered `busy`, never "Internal error".
 */
import { fork, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppInfo } from '../contract';
import { checkLedgerFile } from '../db/backup';
import {
  acquireWriterLock,
  judgeLock,
  lockFileOf,
  STALE_AFTER_MS,
  thisProcess,
  type LockEnvironment,
  type LockHolder,
} from '../db/core/lock';
import { openLedger } from '../db/core/open';
import { openLedgerHost, type LedgerHost } from '../db/host';
import { createLedgerService } from '../db/service';
import { bundledScript } from './bundle';
import { cliScript, runCli } from './cli-run';
import { tempDir, tempLedger } from './helpers';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function folder(): string {
  const { dir, remove } = tempDir();
  cleanups.push(remove);
  return dir;
}

async function host(file: string, options: Parameters<typeof openLedgerHost>[1] = {}): Promise<LedgerHost> {
  const opened = await openLedgerHost(file, { onBackupError: () => {}, ...options });
  cleanups.push(() => opened.close());
  return opened;
}

async function info(h: LedgerHost): Promise<AppInfo> {
  const answer = await h.call('app.info', {});
  if (!answer.ok) throw new Error(answer.error.message.en);
  return answer.result as AppInfo;
}

const donor = (name: string) => ({ name, kind: 'foreign_ngo' });

/** A process that has ended: its id names no running process (until the system gives it again). */
function goneProcessId(): number {
  const run = spawnSync(process.execPath, ['-e', '']);
  return run.pid as number;
}

const T = Date.parse('2025-03-10T08:00:00Z');
const BOOT = Date.parse('2025-03-10T07:00:00Z');
const here = (over: Partial<LockEnvironment> = {}): LockEnvironment => ({
  host: 'PC-NGOAIVU',
  user: 'lan',
  pid: 4242,
  now: () => T,
  boot: BOOT,
  isAlive: (pid) => pid === 4242 || pid === 777,
  ...over,
});
const holder = (over: Partial<LockHolder> = {}): LockHolder => ({
  host: 'PC-NGOAIVU',
  user: 'minh',
  pid: 777,
  since: '2025-03-10T07:30:00.000Z',
  beat: '2025-03-10T07:59:00.000Z',
  boot: '2025-03-10T07:00:30.000Z',
  token: 't',
  ...over,
});

describe('the writer lock', () => {
  it('is judged held while its process runs on this machine, and stale when it is gone or the machine restarted', () => {
    expect(judgeLock(holder(), here())).toBe('held');
    expect(judgeLock(holder({ host: 'pc-ngoaivu' }), here())).toBe('held');
    expect(judgeLock(holder({ pid: 778 }), here())).toBe('process_gone');
    expect(judgeLock(holder({ boot: '2025-03-09T07:00:00.000Z' }), here())).toBe('restarted');
    // Its own process holds it: another opening in the same program waits for it like any other.
    expect(judgeLock(holder({ pid: 4242 }), here())).toBe('held');
  });

  it('from another machine, is held while its heartbeat is fresh (or ahead of our clock) and stale once it stops', () => {
    const other = (beatAgo: number) => holder({ host: 'PC-KETOAN', pid: 1, beat: new Date(T - beatAgo).toISOString() });
    expect(judgeLock(other(60_000), here())).toBe('held');
    expect(judgeLock(other(STALE_AFTER_MS - 1), here())).toBe('held');
    expect(judgeLock(other(STALE_AFTER_MS + 1), here())).toBe('silent');
    expect(judgeLock(other(-3_600_000), here())).toBe('held');
  });

  it('is taken once; a second attempt is told who holds it; released, it is free again', () => {
    const file = join(folder(), 'ledger.sqlite');
    const first = acquireWriterLock(file, { heartbeatMs: 0 });
    expect(first.ok).toBe(true);
    const text = readFileSync(lockFileOf(file), 'utf8');
    const me = thisProcess();
    expect(JSON.parse(text)).toMatchObject({ host: me.host, user: me.user, pid: process.pid });
    const second = acquireWriterLock(file, { heartbeatMs: 0 });
    expect(second).toMatchObject({ ok: false, holder: { host: me.host, pid: process.pid } });
    if (first.ok) first.lock.release();
    expect(existsSync(lockFileOf(file))).toBe(false);
    const third = acquireWriterLock(file, { heartbeatMs: 0 });
    expect(third).toMatchObject({ ok: true, tookOver: null });
    if (third.ok) third.lock.release();
  });

  it('left behind by a process that is gone, or from before a restart, or unreadable and old, is taken over saying why', () => {
    const file = join(folder(), 'ledger.sqlite');
    const me = thisProcess();
    const leftBy = (over: Partial<LockHolder>) =>
      writeFileSync(
        lockFileOf(file),
        JSON.stringify({ ...holder(), host: me.host, boot: new Date(me.boot).toISOString(), ...over }),
      );
    const take = () => {
      const attempt = acquireWriterLock(file, { heartbeatMs: 0 });
      if (!attempt.ok) throw new Error('not taken');
      attempt.lock.release();
      return attempt.tookOver;
    };
    leftBy({ pid: goneProcessId() });
    expect(take()).toMatchObject({ why: 'process_gone', holder: { user: 'minh' } });
    leftBy({ pid: process.pid, boot: '2020-01-01T00:00:00.000Z' });
    expect(take()).toMatchObject({ why: 'restarted' });
    writeFileSync(lockFileOf(file), '');
    expect(acquireWriterLock(file, { heartbeatMs: 0 })).toEqual({ ok: false, holder: null });
    const old = (Date.now() - 5 * 60_000) / 1000;
    utimesSync(lockFileOf(file), old, old);
    expect(take()).toEqual({ why: 'unreadable', holder: null });
  });

  it('beats while held; a lock taken over is no longer beaten nor removed by its former holder', () => {
    const file = join(folder(), 'ledger.sqlite');
    let now = T;
    const machineA = here({ host: 'PC-A', now: () => now });
    const machineB = here({ host: 'PC-B', now: () => now });
    const a = acquireWriterLock(file, { heartbeatMs: 0, environment: machineA });
    if (!a.ok) throw new Error('not taken');
    now += 5 * 60_000;
    expect(a.lock.beat()).toBe(true);
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8')).beat).toBe(new Date(now).toISOString());
    now += STALE_AFTER_MS - 1000;
    expect(acquireWriterLock(file, { heartbeatMs: 0, environment: machineB }).ok).toBe(false);
    now += 2000;
    const b = acquireWriterLock(file, { heartbeatMs: 0, environment: machineB });
    expect(b).toMatchObject({ ok: true, tookOver: { why: 'silent', holder: { host: 'PC-A' } } });
    expect(a.lock.beat()).toBe(false);
    a.lock.release();
    expect(JSON.parse(readFileSync(lockFileOf(file), 'utf8')).host).toBe('PC-B');
    if (b.ok) b.lock.release();
  });

  it('held by another process is refused; once that process is killed, it is taken over as gone', async () => {
    const file = join(folder(), 'ledger.sqlite');
    const child = fork(bundledScript('test/writer-child.ts'), ['hold', file], {
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    });
    const said = await new Promise<{ ok: boolean; pid: number }>((resolve) =>
      child.stdout?.once('data', (data: Buffer) => resolve(JSON.parse(data.toString()))),
    );
    expect(said.ok).toBe(true);
    expect(acquireWriterLock(file, { heartbeatMs: 0 })).toMatchObject({ ok: false, holder: { pid: child.pid } });
    const ended = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await ended;
    const taken = acquireWriterLock(file, { heartbeatMs: 0 });
    expect(taken).toMatchObject({ ok: true, tookOver: { why: 'process_gone', holder: { pid: child.pid } } });
    if (taken.ok) taken.lock.release();
  });
});

describe('a second program on a ledger', () => {
  it('opens it read-only, says who holds it, reads what the writer writes, and refuses writes with the reason', async () => {
    const file = join(folder(), 'ledger.sqlite');
    const writer = await host(file);
    expect((await info(writer)).access).toEqual({ readOnly: null, notice: null });
    expect((await writer.call('donors.create', donor('Tổ chức A'))).ok).toBe(true);

    const reader = await host(file);
    const { readOnly } = (await info(reader)).access;
    expect(readOnly).toMatchObject({ kind: 'in_use', canCopyHere: false, holder: { host: hostname() } });
    expect(readOnly?.message.vi).toContain('trên máy này');
    expect(readOnly?.message.en).toContain('on this computer');
    expect(readOnly?.message.en).toContain('opened read-only');

    expect((await writer.call('donors.create', donor('Tổ chức B'))).ok).toBe(true);
    const listed = await reader.call('donors.list', {});
    expect(listed.ok && (listed.result as { name: string }[]).map((d) => d.name).sort()).toEqual([
      'Tổ chức A',
      'Tổ chức B',
    ]);
    for (const [method, input] of [
      ['donors.create', donor('Tổ chức C')],
      ['backups.create', {}],
      ['backups.restore', { name: 'ledger-manual-20250101T000000Z.sqlite' }],
    ] as const) {
      const refused = await reader.call(method, input);
      expect(refused).toMatchObject({ ok: false, error: { code: 'read_only', message: readOnly?.message } });
    }
    expect((await reader.call('backups.relocate', {})).ok).toBe(false);

    await writer.close();
    expect(existsSync(lockFileOf(file))).toBe(false);
    await reader.close();
    const next = await host(file);
    expect((await info(next)).access.readOnly).toBeNull();
    expect((await next.call('donors.create', donor('Tổ chức C'))).ok).toBe(true);
  });

  it('after a crash, takes the lock over and says so once', async () => {
    const file = join(folder(), 'ledger.sqlite');
    await (await host(file)).close();
    const me = thisProcess();
    const left = { ...holder(), host: me.host, boot: new Date(me.boot).toISOString(), pid: goneProcessId() };
    writeFileSync(lockFileOf(file), JSON.stringify(left));
    const next = await host(file);
    const { access } = await info(next);
    expect(access.readOnly).toBeNull();
    expect(access.notice?.vi).toContain('chương trình đó không còn chạy');
    expect(access.notice?.en).toContain('that program is no longer running');
    expect(access.notice?.en).toContain('user minh');
  });
});

/** A mountinfo in which the test's folder is a share mounted from a server. */
const shareAt = (dir: string) =>
  [
    '27 1 254:0 / / rw,relatime - ext4 /dev/vda rw',
    `90 27 0:80 / ${dir.replace(/ /g, '\\040')} rw,relatime shared:9 - cifs //nas.songoaivu.local/ketoan rw,vers=3.1.1`,
  ].join('\n');

describe('a ledger where it must not be written', () => {
  async function ledgerWithDonor(): Promise<string> {
    const file = join(folder(), 'ledger.sqlite');
    const writer = await host(file);
    await writer.call('donors.create', donor('Tổ chức A'));
    await writer.close();
    return file;
  }

  it('on a network share is opened read-only, naming the share and why, and is copied to this computer on request', async () => {
    const file = await ledgerWithDonor();
    const before = readFileSync(file);
    const target = join(folder(), 'Aid Ledger', 'ledger.sqlite');
    const remote = (f: string) => (f === file ? { placeInputs: { mountinfo: shareAt(dirname(file)) } } : {});
    const h = await host(file, { access: remote, localCopy: () => target });
    const { readOnly } = (await info(h)).access;
    expect(readOnly).toMatchObject({ kind: 'network', canCopyHere: true });
    expect(readOnly?.message.en).toContain('//nas.songoaivu.local/ketoan');
    expect(readOnly?.message.en).toContain('https://www.sqlite.org/useovernet.html');
    expect(readOnly?.message.vi).toContain('ổ mạng');
    expect(existsSync(lockFileOf(file))).toBe(false);
    expect(await h.call('donors.create', donor('Tổ chức B'))).toMatchObject({
      ok: false,
      error: { code: 'read_only' },
    });
    const overview = await h.call('backups.list', {});
    expect(overview.ok && (overview.result as { damaged: unknown }).damaged).toBeNull();

    expect(await h.call('backups.relocate', {})).toEqual({ ok: true, result: { file: target } });
    expect(h.file).toBe(target);
    const moved = await info(h);
    expect(moved.access.readOnly).toBeNull();
    expect(moved.databasePath).toBe(target);
    expect(moved.counts.donors).toBe(1);
    expect((await h.call('donors.create', donor('Tổ chức B'))).ok).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(true);
    // A second copy would overwrite the first: refused.
    const again = await host(file, { access: remote, localCopy: () => target });
    expect(await again.call('backups.relocate', {})).toMatchObject({ ok: false, error: { code: 'duplicate' } });
  });

  it('in a synced folder is opened read-only, naming the folder', async () => {
    const file = await ledgerWithDonor();
    const h = await host(file, {
      access: () => ({ placeInputs: { path: 'C:\\Users\\Lan\\OneDrive\\ledger.sqlite', platform: 'win32' } }),
    });
    const { readOnly } = (await info(h)).access;
    expect(readOnly).toMatchObject({ kind: 'cloud', canCopyHere: true });
    expect(readOnly?.message.en).toContain('OneDrive');
  });

  it('on read-only media is opened read-only with its reason, never as damaged', async () => {
    const file = await ledgerWithDonor();
    const h = await host(file, { access: () => ({ write: { fileWritable: false, folderWritable: false } }) });
    const shown = await info(h);
    expect(shown.access.readOnly?.kind).toBe('read_only');
    expect(shown.access.readOnly?.message.en).toContain('cannot be written');
    expect(shown.counts.donors).toBe(1);
    const overview = await h.call('backups.list', {});
    expect(overview.ok && (overview.result as { damaged: unknown }).damaged).toBeNull();
  });

  const asOther = process.getuid?.() === 0 ? spawnSync('setpriv', ['--version']).status === 0 : true;
  it.runIf(process.platform === 'linux' && asOther)(
    'on a folder this user may not write: the command line reads it read-only and refuses to write (exit 4)',
    async () => {
      const file = await ledgerWithDonor();
      chmodSync(dirname(file), 0o555);
      chmodSync(file, 0o444);
      chmodSync(dirname(cliScript()), 0o755);
      const run = (...args: string[]) => {
        const command =
          process.getuid?.() === 0
            ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath]
            : [process.execPath];
        const done = spawnSync(command[0] as string, [...command.slice(1), cliScript(), ...args], { encoding: 'utf8' });
        return { status: done.status, stdout: done.stdout, stderr: done.stderr };
      };
      const read = run('info', '--db', file, '--json');
      expect(read.stderr).toContain('Read-only:');
      expect(read.status).toBe(0);
      expect(JSON.parse(read.stdout)).toMatchObject({
        counts: { donors: 1 },
        access: { readOnly: { kind: 'read_only' } },
      });
      const write = run('demo', '--db', file);
      expect(write.status).toBe(4);
      expect(write.stderr).toContain('Lỗi:');
      expect(write.stderr).toContain('cannot be written');
      expect(write.stderr).not.toContain('not a valid SQLite database');
      chmodSync(dirname(file), 0o755);
    },
  );
});

describe('the command line on a ledger another program holds', () => {
  it('refuses a write with exit 3 naming the holder, reads read-only, and writes once it is free', async () => {
    const file = join(folder(), 'ledger.sqlite');
    const writer = await host(file);
    const write = runCli('demo', '--db', file);
    expect(write.status).toBe(3);
    expect(write.stderr).toContain(`Lỗi: Sổ đang được mở để ghi trên máy này`);
    expect(write.stderr).toContain('Error: The ledger is open for writing on this computer');
    const read = runCli('info', '--db', file, '--json');
    expect(read.status).toBe(0);
    expect(JSON.parse(read.stdout).access.readOnly.kind).toBe('in_use');
    await writer.close();
    expect(runCli('demo', '--db', file).status).toBe(0);
    expect(existsSync(lockFileOf(file))).toBe(false);
  });

  it('copy-local copies a ledger to a folder of this computer and refuses to overwrite one', async () => {
    const file = join(folder(), 'ledger.sqlite');
    expect(runCli('demo', '--db', file).status).toBe(0);
    const target = join(folder(), 'copy.sqlite');
    const copied = runCli('copy-local', '--db', file, '--to', target);
    expect(copied.status).toBe(0);
    expect(checkLedgerFile(target).ok).toBe(true);
    expect(runCli('copy-local', '--db', file, '--to', target).status).toBe(1);
  });
});

describe('two programs writing one ledger', () => {
  it('a write that waits past the busy timeout is answered busy, in both languages, and changes nothing', async () => {
    const t = await tempLedger({ seed: false });
    cleanups.push(() => t.close());
    const other = await openLedger(t.file, { busyTimeoutMs: 20 });
    cleanups.push(() => other.close());
    t.ledger.sqlite.exec('BEGIN IMMEDIATE');
    const refused = await createLedgerService(other).call('donors.create', donor('Tổ chức A'));
    t.ledger.sqlite.exec('ROLLBACK');
    expect(refused).toMatchObject({ ok: false, error: { code: 'busy' } });
    if (!refused.ok) {
      expect(refused.error.message.vi).toContain('Sổ đang bận');
      expect(refused.error.message.en).toContain('another program is writing');
    }
    expect((await createLedgerService(other).call('donors.create', donor('Tổ chức A'))).ok).toBe(true);
  });

  async function race(file: string, writes: number, timeoutMs: number): Promise<Record<string, number>[]> {
    const children = ['A', 'B'].map((tag) =>
      fork(
        bundledScript('test/writer-child.ts'),
        ['write', file, `${tag}${timeoutMs}`, String(writes), String(timeoutMs)],
        {
          stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
        },
      ),
    );
    await Promise.all(children.map((c) => new Promise((resolve) => c.once('message', resolve))));
    const results = children.map(
      (c) =>
        new Promise<Record<string, number>>((resolve) =>
          c.once('message', (m) => resolve(m as Record<string, number>)),
        ),
    );
    for (const c of children) c.send('go');
    return Promise.all(results);
  }

  it('each write is done or answered busy, never an internal error, and the ledger stays whole', async () => {
    const file = join(folder(), 'ledger.sqlite');
    await (await openLedger(file, { create: true })).close();
    const writes = 150;
    let done = 0;
    for (const timeout of [5000, 0]) {
      const counts = await race(file, writes, timeout);
      for (const c of counts) {
        expect(Object.keys(c).filter((code) => code !== 'done' && code !== 'busy')).toEqual([]);
        expect((c.done ?? 0) + (c.busy ?? 0)).toBe(writes);
        done += c.done ?? 0;
      }
      console.info(`busy timeout ${timeout} ms: ${JSON.stringify(counts)}`);
    }
    expect(checkLedgerFile(file)).toMatchObject({ ok: true });
    const ledger = await openLedger(file);
    const { n } = ledger.sqlite.prepare('SELECT count(*) AS n FROM donors').get() as { n: number };
    await ledger.close();
    expect(n).toBe(done);
  });
});

it('a lock file is read as it was written (padded, one record)', () => {
  const file = join(folder(), 'ledger.sqlite');
  const attempt = acquireWriterLock(file, { heartbeatMs: 0 });
  expect(statSync(lockFileOf(file)).size).toBeGreaterThanOrEqual(512);
  if (attempt.ok) attempt.lock.release();
});
