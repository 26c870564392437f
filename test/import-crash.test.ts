/**
 * A spreadsheet import killed (SIGKILL) at points spread over its work leaves the ledger intact and holding the whole
 * import or none of it, every time. AIDLEDGER_LONG=N kills N times as many imports.
 */
import ExcelJS from 'exceljs';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contextFor } from '../db/core/context';
import { KIND_LABELS, STATUS_LABELS, TEMPLATE_SHEET } from '../db/imports/columns';
import { openLedger } from '../db/core/open';
import { seedPlaces } from '../db/seed';
import { createLedgerService } from '../db/service';
import {
  copyLedger,
  expectBeforeOrAfter,
  held,
  killRuns,
  killSummary,
  ledgerState,
  LONG,
  removeLedger,
  timeWholeRun,
} from './crash';
import { tempDir } from './helpers';
import { seedFor } from './random';

const ROWS = 1_000;
const TABLES = [
  'pledges',
  'deliveries',
  'donors',
  'audit_log',
  'imported_rows',
  'sync_log',
  'pledge_own_words',
  'totals_changes',
];

const dir = tempDir();
const pristine = join(dir.dir, 'pristine.sqlite');
const sheet = join(dir.dir, 'districts.xlsx');

beforeAll(async () => {
  const ledger = await openLedger(pristine, { create: true, siteName: 'Sở Ngoại vụ' });
  await ledger.db.transaction().execute((trx) => seedPlaces(contextFor(ledger, trx)));
  const service = createLedgerService(ledger);
  await service.invoke('donors.create', {
    name: 'Tổ chức Tzu Chi',
    country: 'Đài Loan (Trung Quốc)',
    kind: 'foreign_ngo',
  });
  await service.invoke('donors.create', {
    name: "Blue Dragon Children's Foundation",
    country: 'Australia',
    kind: 'foreign_ngo',
  });
  const cao = (await service.invoke('places.list', {})).find((p) => p.name === 'Cao Bằng')!;
  const template = await service.invoke('imports.template', { placeId: cao.id });
  await ledger.close();

  // The province's template filled as districts fill it: known donors and new ones (named with their country), every
  // unit, kind and status, amounts typed or from quantity × unit price, VND and dollars at a typed rate.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(template.base64, 'base64') as unknown as ExcelJS.Buffer);
  const units = (workbook.getWorksheet('Danh mục')!.getColumn(1).values as unknown[])
    .slice(2)
    .filter((v): v is string => typeof v === 'string');
  expect(units.length).toBeGreaterThan(5);
  const donors: [string, string][] = [
    ['Tổ chức Tzu Chi', ''],
    ["Blue Dragon Children's Foundation", ''],
    ...Array.from({ length: 5 }, (_, k): [string, string] => [
      `Quỹ Hữu Nghị Số ${k + 1}`,
      ['Nhật Bản', 'Hàn Quốc', 'Đức', 'Pháp', 'Canada'][k]!,
    ]),
  ];
  const entry = workbook.getWorksheet(TEMPLATE_SHEET)!;
  for (let i = 0; i < ROWS; i++) {
    const [donor, country] = donors[i % donors.length]!;
    const usd = i % 5 === 0;
    const byUnit = i % 4 === 1;
    const date = new Date(Date.UTC(2021 + (i % 3), i % 12, 1 + (i % 28)));
    const values = [
      i % 2 ? date : date.toISOString().slice(0, 10).split('-').reverse().join('/'),
      donor,
      country,
      units[i % units.length]!,
      KIND_LABELS[i % KIND_LABELS.length]!,
      `Hỗ trợ đợt ${i + 1}`,
      byUnit ? (i % 40) + 1 : null,
      byUnit ? 'suất' : null,
      byUnit ? (usd ? 12.5 : 500_000) : null,
      byUnit ? null : usd ? (i % 900) + 100.25 : ((i % 90) + 10) * 1_000_000,
      usd ? 'USD' : 'VND',
      usd ? 23_500 : null,
      i % 3 ? (i % 200) + 1 : null,
      STATUS_LABELS[i % STATUS_LABELS.length]!,
      i % 6 ? null : 'Ghi chú',
    ];
    values.forEach((v, j) => {
      if (v !== null && v !== '') entry.getCell(i + 2, j + 1).value = v;
    });
  }
  writeFileSync(sheet, Buffer.from(await workbook.xlsx.writeBuffer()));
}, 120_000);
afterAll(() => dir.remove());

describe('an import that is killed', () => {
  it(
    'leaves the ledger intact, holding the whole import or none of it',
    async () => {
      const startedAt = performance.now();
      const before = await ledgerState(pristine, TABLES);
      expect(before).toMatchObject({ integrity: 'ok', foreignKeys: 0, counts: { pledges: 0, donors: 2 } });

      const wholeFile = copyLedger(pristine, join(dir.dir, 'whole.sqlite'));
      const wholeRun = await timeWholeRun(['import', '--db', wholeFile, sheet, '--json']);
      expect(JSON.parse(wholeRun.stdout)).toMatchObject({ added: ROWS, skipped: 0, errors: [], written: true });
      const after = await ledgerState(wholeFile, TABLES);
      expect(after).toMatchObject({ integrity: 'ok', foreignKeys: 0, counts: { pledges: ROWS, donors: 7 } });
      expect(after.counts.audit_log).toBeGreaterThan(before.counts.audit_log!);

      const runFile = (run: number) => join(dir.dir, `run-${run}.sqlite`);
      let none = 0;
      let whole = 0;
      let interrupted = 0;
      const kills = await killRuns({
        whole: wholeRun,
        kills: 4,
        seed: seedFor('import-crash: kill points'),
        args: (run) => ['import', '--db', copyLedger(pristine, runFile(run)), sheet, '--json'],
        check: async (kill) => {
          const file = runFile(kill.run);
          const state = await expectBeforeOrAfter(file, TABLES, before, after);
          const cutOff = held(kill, file);
          removeLedger(file);
          if (state.counts.pledges !== 0) {
            whole++;
            return 'after';
          }
          none++;
          // Killed while it held the ledger open and before it committed: an import cut off part-way.
          if (!cutOff) return 'before';
          interrupted++;
          return 'inside';
        },
      });
      const inWork = kills.filter((k) => held(k, runFile(k.run))).length;
      console.log(
        killSummary('import', wholeRun, kills, inWork, startedAt) +
          `; ${interrupted} cut off part-way, ${none} left none, ${whole} whole`,
      );
      expect(kills.length).toBeGreaterThanOrEqual(4 * LONG);
      // Holds by construction: killRuns aims further kills at the work until one lands inside it.
      expect(interrupted).toBeGreaterThan(0);
    },
    240_000 * LONG,
  );
});
