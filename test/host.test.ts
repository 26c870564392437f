/**
 * The ledger as the app holds it: backups listed, made and restored through the contract, with calls under way
 * while a restore swaps the file; a damaged ledger answers every ledger method with `ledger_damaged` and can be
 * restored from its latest good backup.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { BackupOverview, MethodResult, Method } from '../contract';
import type { Envelope } from '../contract/errors';
import { backupFolder, checkLedgerFile, listBackups } from '../db/backup';
import { openLedgerHost, type LedgerHost } from '../db/host';
import { fuzzParams } from './fuzz-helpers';
import { damageFile, tempDir } from './helpers';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A host on a new ledger in its own folder, whose clock the test moves (backup names carry the second). */
async function newHost(at = Date.parse('2026-03-02T08:00:00Z')) {
  const dir = tempDir();
  cleanups.push(() => dir.remove());
  const clock = { at };
  const file = join(dir.dir, 'ledger.sqlite');
  const errors: unknown[] = [];
  const open = () =>
    openLedgerHost(file, { now: () => new Date(clock.at), onBackupError: (error) => errors.push(error) });
  const host = await open();
  cleanups.push(() => host.close());
  return { dir: dir.dir, file, host, clock, errors, open };
}

async function ok<M extends Method>(host: LedgerHost, method: M, input: unknown = {}): Promise<MethodResult<M>> {
  const envelope = await host.call(method, input);
  if (!envelope.ok) throw new Error(`${method}: ${envelope.error.code} ${envelope.error.message.en}`);
  return envelope.result as MethodResult<M>;
}

async function failure(host: LedgerHost, method: string, input: unknown = {}) {
  const envelope: Envelope<unknown> = await host.call(method, input);
  expect(envelope.ok).toBe(false);
  if (envelope.ok) throw new Error('unreachable');
  return envelope.error;
}

async function untilBackups(host: LedgerHost, count: number): Promise<BackupOverview> {
  for (let i = 0; i < 200; i++) {
    const overview = await ok(host, 'backups.list');
    if (overview.backups.length >= count) return overview;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`fewer than ${count} backups`);
}

const donorNames = async (host: LedgerHost) => (await ok(host, 'donors.list', {})).map((d) => d.name).sort();

describe('backups through the contract', () => {
  it('lists the automatic backup, makes a manual one, and restores it keeping the replaced ledger', async () => {
    const { file, host, clock, errors } = await newHost();
    const first = await untilBackups(host, 1);
    expect(first).toMatchObject({ ledgerFile: file, folder: backupFolder(file), damaged: null });
    expect(first.backups).toEqual([
      {
        name: 'ledger-auto-20260302T080000Z.sqlite',
        kind: 'auto',
        at: '2026-03-02T08:00:00Z',
        bytes: expect.any(Number),
      },
    ]);

    await ok(host, 'donors.create', { name: 'Quỹ Trước Sao Lưu', kind: 'foundation' });
    clock.at += 60_000;
    const manual = await ok(host, 'backups.create');
    expect(manual).toMatchObject({ name: 'ledger-manual-20260302T080100Z.sqlite', kind: 'manual' });
    expect(checkLedgerFile(join(backupFolder(file), manual.name)).ok).toBe(true);

    await ok(host, 'donors.create', { name: 'Quỹ Sau Sao Lưu', kind: 'foundation' });
    expect(await donorNames(host)).toEqual(['Quỹ Sau Sao Lưu', 'Quỹ Trước Sao Lưu']);
    clock.at += 60_000;
    const restored = await ok(host, 'backups.restore', { name: manual.name });
    expect(restored).toEqual({ restoredFrom: manual.name, replacedKeptAs: 'ledger-replaced-20260302T080200Z.sqlite' });
    // The ledger is the copy again, and works: it takes a write.
    expect(await donorNames(host)).toEqual(['Quỹ Trước Sao Lưu']);
    await ok(host, 'donors.create', { name: 'Quỹ Sau Khôi Phục', kind: 'foundation' });

    // Nothing is lost: the replaced ledger, with the donor made after the copy, is a backup that restores.
    const listed = (await ok(host, 'backups.list')).backups.map((b) => b.name);
    expect(listed).toEqual([
      'ledger-replaced-20260302T080200Z.sqlite',
      manual.name,
      'ledger-auto-20260302T080000Z.sqlite',
    ]);
    clock.at += 60_000;
    await ok(host, 'backups.restore', { name: 'ledger-replaced-20260302T080200Z.sqlite' });
    expect(await donorNames(host)).toEqual(['Quỹ Sau Sao Lưu', 'Quỹ Trước Sao Lưu']);
    expect(errors).toEqual([]);
  });

  it('restores only a backup of its own folder, by name, and a refused restore leaves the ledger open and unchanged', async () => {
    const { dir, file, host } = await newHost();
    await untilBackups(host, 1);
    await ok(host, 'donors.create', { name: 'Quỹ Giữ Nguyên', kind: 'foundation' });
    for (const name of [
      '../ledger-manual-20260302T080000Z.sqlite',
      '/tmp/x-manual-20260302T080000Z.sqlite',
      'ledger.sqlite',
      '..\\ledger-auto-20260302T080000Z.sqlite',
      '',
      42,
    ]) {
      expect(await failure(host, 'backups.restore', { name })).toMatchObject({ code: 'invalid_input', field: 'name' });
    }
    expect(await failure(host, 'backups.restore', { name: 'ledger-manual-20990101T000000Z.sqlite' })).toMatchObject({
      code: 'not_found',
      field: 'name',
    });
    expect(await failure(host, 'backups.restore', { name: 'x', extra: 1 })).toMatchObject({ code: 'invalid_input' });

    // A backup damaged on disk is refused with the reason; the open ledger goes on as before.
    const [auto] = listBackups(file);
    damageFile(auto!.file);
    const refused = await failure(host, 'backups.restore', { name: 'ledger-auto-20260302T080000Z.sqlite' });
    expect(refused).toMatchObject({
      code: 'invalid_input',
      field: 'from',
      message: {
        vi: expect.stringContaining('sổ hiện tại giữ nguyên'),
        en: expect.stringContaining('the current ledger is unchanged'),
      },
    });
    expect(await donorNames(host)).toEqual(['Quỹ Giữ Nguyên']);
    expect(listBackups(file).map((b) => b.kind)).toEqual(['auto']);
    expect(existsSync(join(dir, 'ledger.sqlite'))).toBe(true);
  });

  it('never overwrites a copy: backups and restores within the same second each keep their own file', async () => {
    const { host } = await newHost();
    await untilBackups(host, 1);
    const first = await ok(host, 'backups.create');
    await ok(host, 'donors.create', { name: 'Quỹ Một', kind: 'foundation' });
    const second = await ok(host, 'backups.create');
    expect([first.name, second.name]).toEqual([
      'ledger-manual-20260302T080000Z.sqlite',
      'ledger-manual-20260302T080001Z.sqlite',
    ]);
    await ok(host, 'donors.create', { name: 'Quỹ Hai', kind: 'foundation' });
    const a = await ok(host, 'backups.restore', { name: first.name });
    const b = await ok(host, 'backups.restore', { name: second.name });
    expect([a.replacedKeptAs, b.replacedKeptAs]).toEqual([
      'ledger-replaced-20260302T080000Z.sqlite',
      'ledger-replaced-20260302T080001Z.sqlite',
    ]);
    // Newest first, and within one second in the order they were made.
    expect((await ok(host, 'backups.list')).backups.map((x) => x.name)).toEqual([
      'ledger-replaced-20260302T080001Z.sqlite',
      'ledger-manual-20260302T080001Z.sqlite',
      'ledger-replaced-20260302T080000Z.sqlite',
      'ledger-manual-20260302T080000Z.sqlite',
      'ledger-auto-20260302T080000Z.sqlite',
    ]);
    // The first replaced ledger (with both donors) is still there to go back to.
    await ok(host, 'backups.restore', { name: a.replacedKeptAs! });
    expect(await donorNames(host)).toEqual(['Quỹ Hai', 'Quỹ Một']);
  });

  it('lets calls under way finish before the file is swapped, and calls arriving meanwhile see the restored ledger', async () => {
    const { host, clock } = await newHost();
    await untilBackups(host, 1);
    const manual = await ok(host, 'backups.create', {});
    for (let i = 0; i < 30; i++) await ok(host, 'donors.create', { name: `Quỹ Số ${i}`, kind: 'foundation' });
    clock.at += 60_000;
    const before = Array.from({ length: 20 }, () => host.call('donors.list', {}));
    const restoring = host.call('backups.restore', { name: manual.name });
    const after = Array.from({ length: 20 }, () => host.call('donors.list', {}));
    const [early, restored, late] = await Promise.all([Promise.all(before), restoring, Promise.all(after)]);
    expect(restored.ok).toBe(true);
    expect(early.map((e) => e.ok && (e.result as unknown[]).length)).toEqual(Array(20).fill(30));
    expect(late.map((e) => e.ok && (e.result as unknown[]).length)).toEqual(Array(20).fill(0));
  });
});

describe('a ledger damaged at start', () => {
  it('is not opened: ledger methods answer ledger_damaged, the latest good backup is offered and restores it', async () => {
    const first = await newHost();
    await untilBackups(first.host, 1);
    await ok(first.host, 'donors.create', { name: 'Quỹ Đã Sao Lưu', kind: 'foundation' });
    first.clock.at += 60_000;
    const manual = await ok(first.host, 'backups.create');
    // A later restore leaves a newer, sound copy of the ledger it replaced: one the user chose to leave.
    await ok(first.host, 'donors.create', { name: 'Quỹ Bỏ Đi', kind: 'foundation' });
    first.clock.at += 60_000;
    await ok(first.host, 'backups.restore', { name: manual.name });
    await first.host.close();
    damageFile(first.file);

    first.clock.at += 60_000;
    const host = await first.open();
    cleanups.push(() => host.close());
    expect(host.current()).toBeNull();
    for (const [method, input] of [
      ['app.info', {}],
      ['donors.list', {}],
      ['pledges.list', {}],
      ['donors.create', { name: 'X', kind: 'foundation' }],
      ['backups.create', {}],
    ] as const) {
      expect(await failure(host, method, input)).toMatchObject({
        code: 'ledger_damaged',
        message: { vi: expect.stringContaining(manual.name), en: expect.stringContaining('is damaged') },
      });
    }
    expect(await failure(host, 'no.such', {})).toMatchObject({ code: 'unknown_method' });
    const overview = await ok(host, 'backups.list');
    expect(overview.damaged).toEqual({
      problems: expect.arrayContaining([expect.any(String)]),
      latestGood: manual.name,
    });
    expect(overview.damaged!.problems.length).toBeGreaterThan(0);

    const restored = await ok(host, 'backups.restore', { name: manual.name });
    expect(restored.replacedKeptAs).toBe('ledger-replaced-20260302T080300Z.sqlite');
    expect(host.current()).not.toBeNull();
    expect(await donorNames(host)).toEqual(['Quỹ Đã Sao Lưu']);
    expect((await ok(host, 'backups.list')).damaged).toBeNull();
    // The damaged file is kept, as it was, beside the good copies.
    expect(checkLedgerFile(join(backupFolder(first.file), restored.replacedKeptAs!)).ok).toBe(false);
  });

  it('with no usable backup, says so and stays closed', async () => {
    const first = await newHost();
    await untilBackups(first.host, 1);
    await first.host.close();
    for (const b of listBackups(first.file)) damageFile(b.file);
    damageFile(first.file);
    const host = await first.open();
    cleanups.push(() => host.close());
    expect((await ok(host, 'backups.list')).damaged).toMatchObject({ latestGood: null });
    expect(await failure(host, 'app.info')).toMatchObject({
      code: 'ledger_damaged',
      message: { en: expect.stringContaining('No usable backup') },
    });
    expect(await failure(host, 'backups.restore', { name: 'ledger-auto-20260302T080000Z.sqlite' })).toMatchObject({
      code: 'invalid_input',
      field: 'from',
    });
    expect(host.current()).toBeNull();
  });
});

describe('backup methods given random input', () => {
  it('answer only typed errors and change no file', async () => {
    const { default: fc } = await import('fast-check');
    const { readdirSync } = await import('node:fs');
    const { host, file } = await newHost();
    const manual = (await untilBackups(host, 1)) && (await ok(host, 'backups.create'));
    const files = () => readdirSync(backupFolder(file)).sort();
    const before = files();
    const names = fc.oneof(
      fc.string(),
      fc.constantFrom(
        manual.name,
        `../${manual.name}`,
        `${backupFolder(file)}/${manual.name}`,
        'ledger-auto-20990101T000000Z.sqlite',
        'ledger-manual-20260302T080000Z.sqlite\u0000',
        '',
      ),
      fc.anything(),
    );
    let failures = 0;
    // Inputs that must be refused, run first in every seed: the count of refusals below holds by construction.
    const refusedExamples: [string, unknown][] = [
      ['backups.restore', { name: `../${manual.name}` }],
      ['backups.restore', { name: `${backupFolder(file)}/${manual.name}` }],
      ['backups.restore', { name: 'ledger-manual-20260302T080000Z.sqlite\u0000' }],
      ['backups.restore', { name: '' }],
      ['backups.restore', {}],
      ['backups.restore', null],
      ['backups.create', { name: 'x' }],
      ['backups.list', 42],
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('backups.list', 'backups.restore', 'backups.create'),
        fc.oneof(fc.anything(), fc.record({ name: names }), fc.record({ name: names, extra: fc.anything() })),
        async (method, input) => {
          // Only the restore of the one real copy may change the folder; it is left out here.
          if (
            method === 'backups.restore' &&
            typeof input === 'object' &&
            input !== null &&
            (input as { name?: unknown }).name === manual.name
          )
            return;
          const envelope = await host.call(method, input);
          if (!envelope.ok) {
            failures++;
            expect(['invalid_input', 'not_found']).toContain(envelope.error.code);
            expect(envelope.error.message.vi.length * envelope.error.message.en.length).toBeGreaterThan(0);
          } else if (method === 'backups.create') {
            // A valid create makes one copy; remove it so the folder can be compared again.
            const { rmSync } = await import('node:fs');
            rmSync(join(backupFolder(file), (envelope.result as { name: string }).name));
          }
          expect(files()).toEqual(before);
        },
      ),
      fuzzParams(300, { examples: refusedExamples }),
    );
    expect(failures).toBeGreaterThanOrEqual(refusedExamples.length);
    expect(await donorNames(host)).toEqual([]);
  });
});
