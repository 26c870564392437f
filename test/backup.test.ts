/** Backups, restores and integrity checks on real ledger files; a backup killed half-way; the CLI commands. */
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  automaticBackup,
  openLedgerForApp,
  backupFolder,
  backupLedger,
  backupName,
  checkLedgerFile,
  keptByRotation,
  listBackups,
  restoreLedger,
  type BackupFile,
} from '../db/backup';
import { loadDemo, readFixture } from '../db/samples/demo';
import { openLedger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { generateLedger } from '../db/samples/synthetic';
import { runCli as cli } from './cli-run';
import { held, killRuns, killSummary, LONG, timeWholeRun } from './crash';
import { damageFile, FIXTURE, tempDir, tempLedger, type TestLedger } from './helpers';
import { seedFor } from './random';

const opened: TestLedger[] = [];
afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});
async function fresh(seed = true): Promise<TestLedger> {
  const t = await tempLedger({ seed });
  opened.push(t);
  return t;
}

const pledgeCount = (file: string) => {
  const check = checkLedgerFile(file);
  expect(check.ok).toBe(true);
  return openLedger(file).then(async (ledger) => {
    const n = (ledger.sqlite.prepare(`SELECT count(*) AS n FROM pledges`).get() as { n: number }).n;
    await ledger.close();
    return n;
  });
};

describe('backups', () => {
  it('copy an open ledger while it keeps working, and the copy passes its checks', async () => {
    const t = await fresh(false);
    await loadDemo(t.ledger, readFixture(FIXTURE));
    const out = join(t.dir, 'copy.sqlite');
    const donor = await t.service.invoke('donors.create', { name: 'Quỹ Sao Lưu', kind: 'foundation' });
    const running = backupLedger(t.ledger, out);
    // An edit made while the copy is being made is in the ledger, whether or not the copy caught it.
    await t.service.invoke('donors.update', { id: donor.id, name: 'Quỹ Sao Lưu Mới' });
    await running;
    expect(checkLedgerFile(out)).toEqual({ ok: true, schemaVersion: t.ledger.schemaVersion });
    expect(existsSync(`${out}.partial`)).toBe(false);
    expect(await pledgeCount(out)).toBe(7);
    const copy = await openLedger(out);
    expect(copy.site).toEqual(t.ledger.site);
    await copy.close();
    await expect(backupLedger(t.ledger, join(t.dir, 'no-such-folder', 'x.sqlite'))).rejects.toMatchObject({
      code: 'invalid_input',
      field: 'out',
    });
  });

  it('keep the newest of each of the last days and months; manual copies and replaced files stay', () => {
    const auto = (at: string): BackupFile => ({ file: at, kind: 'auto', at, bytes: 1 });
    const backups: BackupFile[] = [];
    // Twice a day for 90 days.
    for (let d = 0; d < 90; d++) {
      const day = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
      backups.push(auto(`${day}T08:00:00Z`), auto(`${day}T17:00:00Z`));
    }
    backups.push(
      { file: 'manual', kind: 'manual', at: '2025-06-01T00:00:00Z', bytes: 1 },
      { file: 'replaced', kind: 'replaced', at: '2025-05-01T00:00:00Z', bytes: 1 },
    );
    const kept = [...keptByRotation(backups, { days: 7, months: 3 })].sort();
    expect(kept).toEqual([
      '2026-01-31T17:00:00Z', // newest of January
      '2026-02-28T17:00:00Z', // of February
      '2026-03-25T17:00:00Z',
      '2026-03-26T17:00:00Z',
      '2026-03-27T17:00:00Z',
      '2026-03-28T17:00:00Z',
      '2026-03-29T17:00:00Z',
      '2026-03-30T17:00:00Z',
      '2026-03-31T17:00:00Z', // the last seven days, March's newest among them
      'manual',
      'replaced',
    ]);
  });

  it('are made at start and daily beside the ledger, and rotated', async () => {
    const t = await fresh();
    const start = new Date('2026-11-01T08:00:00Z');
    const first = await automaticBackup(t.ledger, start, { policy: { days: 2, months: 1 } });
    expect(first.made).toBe(backupName(t.file, 'auto', start));
    expect(checkLedgerFile(first.made!).ok).toBe(true);
    // Started again the same day: the morning's copy is recent enough.
    expect(
      (await automaticBackup(t.ledger, new Date('2026-11-01T15:00:00Z'), { policy: { days: 2, months: 1 } })).made,
    ).toBeNull();
    await automaticBackup(t.ledger, new Date('2026-11-02T09:00:00Z'), { policy: { days: 2, months: 1 } });
    const third = await automaticBackup(t.ledger, new Date('2026-11-03T09:00:00Z'), { policy: { days: 2, months: 1 } });
    expect(third.removed).toEqual([first.made]);
    expect(listBackups(t.file).map((b) => b.at)).toEqual(['2026-11-03T09:00:00Z', '2026-11-02T09:00:00Z']);
    expect(readdirSync(backupFolder(t.file)).length).toBe(2);
  });
});

describe('restore', () => {
  it('refuses a missing file, a file that is not a ledger, a damaged copy and a newer schema, and changes nothing', async () => {
    const t = await fresh(false);
    await loadDemo(t.ledger, readFixture(FIXTURE));
    await t.ledger.close();
    const before = readFileSync(t.file);
    const notLedger = join(t.dir, 'report.xlsx');
    writeFileSync(notLedger, 'PK\x03\x04 not a database'.repeat(100));
    const damaged = join(t.dir, 'damaged.sqlite');
    copyFileSync(t.file, damaged);
    damageFile(damaged);
    const newer = join(t.dir, 'newer.sqlite');
    copyFileSync(t.file, newer);
    const Database = (await import('better-sqlite3')).default;
    const raw = new Database(newer);
    raw.prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 'x')`).run();
    raw.close();
    expect(() => restoreLedger(t.file, join(t.dir, 'missing.sqlite'))).toThrow(
      expect.objectContaining({ code: 'not_found', field: 'from' }),
    );
    expect(() => restoreLedger(t.file, notLedger)).toThrow(
      expect.objectContaining({
        code: 'invalid_input',
        bilingual: expect.objectContaining({ vi: expect.stringContaining('sổ hiện tại giữ nguyên') }),
      }),
    );
    expect(() => restoreLedger(t.file, damaged)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(() => restoreLedger(t.file, newer)).toThrow(expect.objectContaining({ code: 'schema_too_new' }));
    expect(readFileSync(t.file).equals(before)).toBe(true);
    expect(listBackups(t.file)).toEqual([]);
  });

  it('puts a checked backup in place and keeps the file it replaced', async () => {
    const t = await fresh(false);
    await loadDemo(t.ledger, readFixture(FIXTURE));
    const copy = join(t.dir, 'copy.sqlite');
    await backupLedger(t.ledger, copy);
    await t.service.invoke('donors.create', { name: 'Quỹ Sau Sao Lưu', kind: 'foundation' });
    await t.ledger.close();
    const { replacedKeptAt } = restoreLedger(t.file, copy, new Date('2026-11-22T10:00:00Z'));
    expect(replacedKeptAt).toBe(backupName(t.file, 'replaced', new Date('2026-11-22T10:00:00Z')));
    const restored = await openLedger(t.file);
    expect((await createLedgerService(restored).invoke('donors.list', {})).map((d) => d.name)).not.toContain(
      'Quỹ Sau Sao Lưu',
    );
    await restored.close();
    const replaced = await openLedger(replacedKeptAt!);
    expect((await createLedgerService(replaced).invoke('donors.list', {})).map((d) => d.name)).toContain(
      'Quỹ Sau Sao Lưu',
    );
    await replaced.close();
  });
});

describe('integrity', () => {
  it('finds a damaged file and rows whose references are missing', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.dir, 'ledger.sqlite');
      const ledger = await openLedger(file, { create: true });
      await generateLedger(ledger, { rows: 2_000, seed: seedFor('backup: a ledger being edited'), donors: 10 });
      await ledger.close();
      expect(checkLedgerFile(file).ok).toBe(true);
      const orphan = join(dir.dir, 'orphan.sqlite');
      copyFileSync(file, orphan);
      const broken = await openLedger(orphan);
      broken.sqlite.pragma('foreign_keys = OFF');
      broken.sqlite
        .prepare(`UPDATE deliveries SET pledge_id = 'gone' WHERE rowid = (SELECT min(rowid) FROM deliveries)`)
        .run();
      await broken.close();
      expect(checkLedgerFile(orphan)).toMatchObject({ ok: false, problems: [expect.stringContaining('deliveries')] });
      damageFile(file);
      expect(checkLedgerFile(file)).toMatchObject({ ok: false });
    } finally {
      dir.remove();
    }
  });
});

describe('opening at start', () => {
  it('makes a backup beside a sound ledger, and refuses a damaged one, naming the latest good backup', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.dir, 'ledger.sqlite');
      const errors: unknown[] = [];
      const first = await openLedgerForApp(file, (error) => errors.push(error));
      await createLedgerService(first.ledger).invoke('donors.create', { name: 'Quỹ Khởi Động', kind: 'foundation' });
      // The first backup runs in the background; it is there once it has finished.
      for (let i = 0; i < 100 && listBackups(file).length === 0; i++)
        await new Promise((resolve) => setTimeout(resolve, 20));
      first.stop();
      await first.ledger.close();
      const [backup] = listBackups(file);
      expect(backup).toMatchObject({ kind: 'auto' });
      expect(checkLedgerFile(backup!.file).ok).toBe(true);
      damageFile(file);
      await expect(openLedgerForApp(file, (error) => errors.push(error))).rejects.toMatchObject({
        code: 'ledger_damaged',
        bilingual: {
          vi: expect.stringContaining(`Bản sao lưu tốt gần nhất: ${backup!.file}`),
          en: expect.stringContaining(`restore --db "${file}" --from "${backup!.file}"`),
        },
      });
      expect(errors).toEqual([]);
    } finally {
      dir.remove();
    }
  });
});

describe('a backup killed half-way', () => {
  const dir = tempDir();
  const source = join(dir.dir, 'ledger.sqlite');
  beforeAll(async () => {
    const ledger = await openLedger(source, { create: true });
    await generateLedger(ledger, { rows: 20_000, seed: seedFor('backup: killed copies'), donors: 30 });
    await ledger.close();
  }, 120_000);
  afterAll(() => dir.remove());

  it(
    'leaves either no backup or a whole one, and the ledger intact',
    async () => {
      const startedAt = performance.now();
      const outDir = join(dir.dir, 'out');
      mkdirSync(outDir);
      const copy = (run: number) => join(outDir, `copy-${run}.sqlite`);
      const wholeRun = await timeWholeRun(['backup', '--db', source, '--out', join(outDir, 'whole.sqlite')]);
      expect(checkLedgerFile(join(outDir, 'whole.sqlite')).ok).toBe(true);
      let whole = 0;
      let copying = 0;
      const kills = await killRuns({
        whole: wholeRun,
        kills: 5,
        seed: seedFor('backup: kill points'),
        args: (run) => ['backup', '--db', source, '--out', copy(run)],
        check: (kill) => {
          expect(checkLedgerFile(source).ok).toBe(true);
          if (existsSync(copy(kill.run))) {
            expect(checkLedgerFile(copy(kill.run)).ok, copy(kill.run)).toBe(true);
            whole++;
            return 'after';
          }
          if (held(kill, `${copy(kill.run)}.partial`)) {
            copying++;
            return 'inside';
          }
          return held(kill, source) ? 'inside' : 'before';
        },
      });
      const inWork = kills.filter((k) => held(k, source)).length;
      console.log(
        killSummary('backup', wholeRun, kills, inWork, startedAt) +
          `; ${copying} cut off copying, ${whole} left a whole copy`,
      );
      expect(kills.length).toBeGreaterThanOrEqual(5 * LONG);
      // Hold by construction: killRuns aims further kills at the work until one lands inside it.
      expect(kills.filter((k) => k.outcome === 'inside').length).toBeGreaterThan(0);
      expect(whole).toBeLessThan(kills.length);
    },
    300_000 * LONG,
  );
});

describe('the command line', () => {
  it('backs up, checks and restores, and reports a damaged file in both languages', () => {
    const dir = tempDir();
    try {
      const db = join(dir.dir, 'ledger.sqlite');
      expect(cli('init', '--db', db).status).toBe(0);
      expect(cli('demo', '--db', db, '--fixture', FIXTURE).status).toBe(0);
      const copy = join(dir.dir, 'copy.sqlite');
      const backup = cli('backup', '--db', db, '--out', copy);
      expect(backup.status).toBe(0);
      expect(backup.stdout).toContain('Backed up to');
      expect(cli('check', '--db', copy).stdout).toMatch(/Intact, schema \d+/);
      const restore = cli('restore', '--db', db, '--from', copy);
      expect(restore.status).toBe(0);
      expect(restore.stdout).toContain('The replaced file is kept at');
      damageFile(db);
      const check = cli('check', '--db', db);
      expect(check.status).toBe(1);
      expect(check.stderr).toContain('tệp bị hỏng / Error: the file is damaged');
      expect(check.stderr).toContain('Latest good backup:');
      const refused = cli('restore', '--db', db, '--from', join(dir.dir, 'nothing.sqlite'));
      expect(refused.status).not.toBe(0);
      expect(refused.stderr).toMatch(/Lỗi: .*\nError: Backup file .* not found/);
    } finally {
      dir.remove();
    }
  }, 120_000);
});
