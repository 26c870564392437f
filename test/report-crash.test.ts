/**
 * Output files are written whole or not at all: a report command killed (SIGKILL) at points spread over its work
 * leaves either no report or a complete one, and the ledger as it was; a write cut off by a full disk leaves the
 * earlier report whole. AIDLEDGER_LONG=N kills N times as many reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openLedger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { generateLedger } from '../db/samples/synthetic';
import { writeOutputFile } from '../scripts/cli';
import { cliScript } from './cli-run';
import { held, killRuns, killSummary, ledgerState, LONG, timeWholeRun } from './crash';
import { ROOT, tempDir } from './helpers';
import { seedFor } from './random';

const TABLES = ['pledges', 'deliveries', 'donors', 'audit_log', 'sync_log', 'settings'];
// A year's report of the whole province: the quarterly sheets, the aid items' and the foreign NGOs'.
const SHEETS = [
  'Tổng hợp',
  'Chi tiết',
  'Theo nhà tài trợ',
  'Điều chỉnh',
  'Khoản viện trợ',
  'Danh sách khoản viện trợ',
  'Tổ chức PCPNN',
];

const dir = tempDir();
const ledgerFile = join(dir.dir, 'ledger.sqlite');
const reports = join(dir.dir, 'reports');
const report = (name: string) => ['report', '--db', ledgerFile, '--year', '2022', '--out', join(reports, name)];

beforeAll(async () => {
  mkdirSync(reports);
  const ledger = await openLedger(ledgerFile, { create: true });
  // Ten years of pledges: 2022's report has some 1,000 rows, enough that building and writing it takes a while.
  await generateLedger(ledger, { rows: 10_000, seed: seedFor('report-crash: ledger'), donors: 60 });
  await ledger.close();
}, 120_000);
afterAll(() => dir.remove());

/** What a report holds, read back: its sheets, each sheet's extent, and the summary's totals row. */
function readReport(file: string) {
  const workbook = XLSX.read(readFileSync(file), { type: 'buffer' });
  const summary = XLSX.utils.sheet_to_json<unknown[]>(workbook.Sheets['Tổng hợp']!, { header: 1 });
  return {
    sheets: workbook.SheetNames,
    extents: workbook.SheetNames.map((name) => workbook.Sheets[name]!['!ref']),
    total: summary.find((row) => row[0] === 'Tổng cộng'),
  };
}

describe('a report that is killed', () => {
  it(
    'leaves no report or a complete one, and the ledger as it was',
    async () => {
      const startedAt = performance.now();
      const before = await ledgerState(ledgerFile, TABLES);
      expect(before).toMatchObject({ integrity: 'ok', foreignKeys: 0 });
      const wholeRun = await timeWholeRun(report('whole.xlsx'));
      const whole = readReport(join(reports, 'whole.xlsx'));
      expect(whole.sheets).toEqual(SHEETS);
      expect(whole.total).toEqual([
        'Tổng cộng',
        undefined,
        undefined,
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
        expect.any(Number),
      ]);
      expect(whole.total![3]).toBeGreaterThan(0);

      let written = 0;
      let cutOffWriting = 0;
      const kills = await killRuns({
        whole: wholeRun,
        kills: 5,
        seed: seedFor('report-crash: kill points'),
        args: (run) => report(`run-${run}.xlsx`),
        check: async (kill) => {
          const out = join(reports, `run-${kill.run}.xlsx`);
          // Its totals were checked against its rows before; a report only reads.
          expect(await ledgerState(ledgerFile, TABLES, { totalsAgainstRows: false })).toEqual(before);
          if (existsSync(out)) {
            expect(readReport(out), out).toEqual(whole);
            written++;
            return 'after';
          }
          // A partial file left behind is a kill that landed while the report was being written out.
          if (existsSync(`${out}.partial`)) {
            cutOffWriting++;
            return 'inside';
          }
          return held(kill, ledgerFile) ? 'inside' : 'before';
        },
      });
      const inWork = kills.filter((k) => held(k, ledgerFile)).length;
      console.log(
        killSummary('report', wholeRun, kills, inWork, startedAt) +
          `; ${written} left a whole report, ${cutOffWriting} were cut off writing it`,
      );
      expect(kills.length).toBeGreaterThanOrEqual(5 * LONG);
      // Hold by construction: killRuns aims further kills at the work until one lands inside it.
      expect(kills.filter((k) => k.outcome === 'inside').length).toBeGreaterThan(0);
      expect(written).toBeLessThan(kills.length);
    },
    240_000 * LONG,
  );
});

describe('the kill harness', () => {
  it('aims further kills at the work when every planned one misses it (as on a loaded machine)', async () => {
    const wholeRun = await timeWholeRun(report('harness-whole.xlsx'));
    // The planned kills are aimed past the end and counted as misses whatever they hit: only the harness's further
    // kills, closing in from there, can land inside the work.
    const planned = 2 * LONG;
    const kills = await killRuns({
      whole: wholeRun,
      kills: 2,
      window: [1.4, 1.6],
      seed: seedFor('report-crash: harness'),
      args: (run) => report(`harness-${run}.xlsx`),
      check: (kill) => {
        const out = join(reports, `harness-${kill.run}.xlsx`);
        if (kill.run < planned || existsSync(out)) return 'after';
        return held(kill, ledgerFile) || existsSync(`${out}.partial`) ? 'inside' : 'before';
      },
    });
    expect(kills.length).toBeGreaterThan(planned);
    expect(kills.at(-1)!.outcome).toBe('inside');
  }, 120_000);
});

describe('an output file', () => {
  it('replaces an earlier file and a partial one a crash left, and leaves nothing when it cannot write', () => {
    const out = join(dir.dir, 'out.bin');
    writeFileSync(`${out}.partial`, 'left by an earlier crash, longer than what replaces it');
    writeOutputFile(out, Buffer.from('first'));
    writeOutputFile(out, Buffer.from('second'));
    expect(readFileSync(out, 'utf8')).toBe('second');
    expect(existsSync(`${out}.partial`)).toBe(false);
    const nowhere = join(dir.dir, 'no-such-folder');
    expect(() => writeOutputFile(join(nowhere, 'x.xlsx'), Buffer.from('x'))).toThrow(/ENOENT/);
    expect(existsSync(nowhere)).toBe(false);
  });

  // `ulimit -f` makes every write past the limit fail (EFBIG), as a full disk does.
  it.skipIf(process.platform === 'win32')(
    'cut off by a full disk leaves the earlier report whole',
    async () => {
      const out = join(reports, 'full-disk.xlsx');
      const ledger = await openLedger(ledgerFile);
      const file = await createLedgerService(ledger).invoke('reports.xlsx', { period: '2022' });
      await ledger.close();
      writeFileSync(out, Buffer.from(file.base64, 'base64'));
      const earlier = readFileSync(out);
      const limitKb = Math.floor(earlier.length / 2 / 1024);
      expect(limitKb).toBeGreaterThan(64);
      const run = spawnSync(
        'bash',
        ['-c', `ulimit -f ${limitKb} && exec "$@"`, 'bash', process.execPath, cliScript(), ...report('full-disk.xlsx')],
        { cwd: ROOT, encoding: 'utf8' },
      );
      // The limit stops the ledger's record of the report or the report's own file, whichever writes past it first.
      expect(run.stderr).toMatch(/EFBIG|file too large|Ổ đĩa không ghi được/i);
      expect(run.status).not.toBe(0);
      expect(readFileSync(out).equals(earlier)).toBe(true);
      expect(existsSync(`${out}.partial`)).toBe(false);
    },
    60_000,
  );
});
