/**
 * A workbook of the 100,000 rows an import allows, as .xlsx and as .csv, on a real ledger file: every row written,
 * counted and added up, and the same rows sent again all known. A statement takes at most 32,766 variables: a lookup
 * with one per row failed every file past that ("too many SQL variables").
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { TEMPLATE_COLUMNS } from '../db/imports/columns';
import { MAX_ROWS } from '../db/imports/sheet';
import { generateLedger } from '../db/samples/synthetic';
import { tempLedger, type TestLedger } from './helpers';
import { seedFor } from './random';

const HEADERS = TEMPLATE_COLUMNS.map((c) => c.header).slice(0, 15);
const DONORS = ['Tổ chức Tzu Chi', 'Quỹ Nhi đồng Đông Dương', 'Hội Chữ thập đỏ Đức'];

/** Row i: one of three donors (two new, with their country), a place of Bảo Lạc, an amount that grows with i. */
function row(i: number): (string | number)[] {
  const donor = DONORS[i % 3]!;
  const country = i % 3 === 0 ? '' : i % 3 === 1 ? 'Hoa Kỳ' : 'Đức';
  const day = String((i % 28) + 1).padStart(2, '0');
  return [
    `${day}/09/2022`,
    donor,
    country,
    'Bảo Lạc',
    'Nhà ở',
    `Nhà số ${i}`,
    '',
    '',
    '',
    1_000 + i,
    'VND',
    '',
    '',
    '',
    '',
  ];
}

const expectedSum = (n: number) => n * 1_000 + (n * (n - 1)) / 2;

let t: TestLedger;
beforeAll(async () => {
  t = await tempLedger();
  await t.service.invoke('donors.create', { name: DONORS[0]!, country: 'Đài Loan (Trung Quốc)', kind: 'foreign_ngo' });
});
afterAll(() => t.close());

describe('a workbook of 100,000 rows', () => {
  it('imports as .xlsx, every row counted and added up; the same rows as .csv are all known', async () => {
    const rows = Array.from({ length: MAX_ROWS }, (_, i) => row(i));
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([HEADERS, ...rows]), 'Nhập liệu');
    const xlsx = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    const csv = Buffer.from([HEADERS, ...rows].map((r) => r.join(',')).join('\r\n'), 'utf8');

    const first = await t.service.invoke('imports.files', {
      files: [{ fileName: 'ca-nam.xlsx', base64: xlsx.toString('base64') }],
      dryRun: false,
    });
    expect(first.files[0]).toMatchObject({ added: MAX_ROWS, skipped: 0, errors: [] });
    expect([...first.files[0]!.newDonors].sort()).toEqual([DONORS[1], DONORS[2]].sort());
    const db = t.ledger.sqlite;
    const stored = db.prepare('SELECT count(*) AS n, sum(amount_minor) AS s FROM pledges').get() as {
      n: number;
      s: number;
    };
    expect(stored).toEqual({ n: MAX_ROWS, s: expectedSum(MAX_ROWS) });
    expect((db.prepare('SELECT count(*) AS n FROM imported_rows').get() as { n: number }).n).toBe(MAX_ROWS);
    const byDonor = await t.service.invoke('totals', { by: 'donor' });
    expect(byDonor.total.pledged).toBe(expectedSum(MAX_ROWS));
    expect(byDonor.groups.map((g) => g.label).sort()).toEqual([...DONORS].sort());
    expect(byDonor.groups.reduce((n, g) => n + g.pledgeCount, 0)).toBe(MAX_ROWS);

    // The same rows saved as CSV: read the same, each known by its content, nothing added.
    const again = await t.service.invoke('imports.files', {
      files: [{ fileName: 'ca-nam.csv', base64: csv.toString('base64') }],
      dryRun: false,
    });
    expect(again.files[0]).toMatchObject({ added: 0, skipped: MAX_ROWS, errors: [] });
    expect((db.prepare('SELECT count(*) AS n FROM pledges').get() as { n: number }).n).toBe(MAX_ROWS);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  }, 600_000);
});

describe('totals of a ledger of more donors than a statement has variables', () => {
  it('names each of more than 32,766 donors (80,000 pledges of 40,000 donors)', async () => {
    const many = await tempLedger({ seed: false });
    try {
      await generateLedger(many.ledger, { rows: 80_000, donors: 40_000, seed: seedFor('import-large: donors') });
      const byDonor = await many.service.invoke('totals', { by: 'donor' });
      const donors = (many.ledger.sqlite.prepare('SELECT count(*) AS n FROM donors').get() as { n: number }).n;
      expect(donors).toBe(40_000);
      expect(byDonor.groups.length).toBeGreaterThan(32_766);
      expect(byDonor.groups.every((g) => g.label !== g.key)).toBe(true);
    } finally {
      await many.close();
    }
  }, 300_000);
});
