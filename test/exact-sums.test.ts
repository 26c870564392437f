/**
 * Sums stay exact: no write (the form, an import of several files, a bundle) takes the ledger's totals past
 * Number.MAX_SAFE_INTEGER, each refusal naming the row and changing nothing; a report's cells hold the exact sums of
 * its rows, read back from the written file; a ledger already past the range gets its report refused, not rounded.
 */
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEMPLATE_COLUMNS } from '../db/imports/columns';
import { contextFor } from '../db/core/context';
import { ledgerSums, MAX_EXACT_TOTAL, pledgedSums } from '../db/pledges/sums';
import { withTotalsDeferred } from '../db/totals-bulk';
import { introduce, tableCounts, tempLedger, totalsAgainstRows, type TestLedger } from './helpers';
import { randomFor } from './random';

const MAX = BigInt(MAX_EXACT_TOTAL);
const E15 = 10 ** 15;
const HEADERS = TEMPLATE_COLUMNS.map((c) => c.header);

let t: TestLedger;
beforeEach(async () => {
  t = await tempLedger();
  await t.service.invoke('donors.create', { name: 'Tổ chức Tzu Chi', country: 'Đài Loan', kind: 'foreign_ngo' });
  await t.service.invoke('donors.create', { name: 'Quỹ Blue Dragon', country: 'Úc', kind: 'foreign_ngo' });
});
afterEach(() => t.close());

/** Vietnamese grouping of an integer, as a district types it in a CSV. */
const vi = (n: number | bigint) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** A CSV of VND pledge rows dated in 2022-Q3 (row 1 is the header; the first data row is row 2). */
function csv(fileName: string, amounts: (number | bigint)[], donor = 'Tổ chức Tzu Chi') {
  const lines = amounts.map(
    (a, i) => `05/09/2022,${donor},,Bảo Lạc,Nhà ở,Nhà ${fileName} ${i + 1},,,,"${vi(a)}",VND,,,,`,
  );
  return { fileName, base64: Buffer.from([HEADERS.join(','), ...lines].join('\n')).toString('base64') };
}

/** The ledger's pledged VND, added up exactly from its rows (each within 10^15). */
const pledgedSum = async (ledger = t) =>
  (ledger.ledger.sqlite.prepare('SELECT vnd_equivalent AS v FROM pledges').all() as { v: number }[]).reduce(
    (s, r) => s + BigInt(r.v),
    0n,
  );

describe('writes that would pass the exact range', () => {
  it('refuses the second of two files of 10^15 VND rows, naming the row, in one pass and in two', async () => {
    const before = tableCounts(t.ledger);
    const both = await t.service.invoke('imports.files', {
      files: [csv('a.csv', Array(5).fill(E15)), csv('b.csv', Array(5).fill(E15))],
    });
    expect(both.written).toBe(false);
    const refused = both.files[1]!;
    // 5·10^15 + 4·10^15 fits; the fifth row of the second file (row 6) would take the ledger to 10^16.
    expect(refused.errors).toEqual([
      expect.objectContaining({
        row: 6,
        column: 'Thành tiền',
        message: expect.stringContaining('9.007.199.254.740.991'),
      }),
    ]);
    expect(refused.errors[0]!.messageEn).toContain('exact range');
    expect(tableCounts(t.ledger)).toEqual(before);
    // The check says the same as the import.
    const check = await t.service.invoke('imports.files', {
      files: [csv('a.csv', Array(5).fill(E15)), csv('b.csv', Array(5).fill(E15))],
      dryRun: true,
    });
    expect(check.files[1]!.errors).toEqual(refused.errors);
    // Apart: the first imports, the second is refused whole.
    expect((await t.service.invoke('imports.files', { files: [csv('a.csv', Array(5).fill(E15))] })).written).toBe(true);
    const after = tableCounts(t.ledger);
    const second = await t.service.invoke('imports.files', { files: [csv('b.csv', Array(5).fill(E15))] });
    expect(second.files[0]!.errors.map((e) => e.row)).toEqual([6]);
    expect(tableCounts(t.ledger)).toEqual(after);
    expect(await pledgedSum()).toBe(5n * BigInt(E15));
    expect((await t.service.invoke('totals', { by: 'donor', filter: {}, in: 'VND' })).total.pledged).toBe(5 * E15);
  });

  it('does not count the pledges of a file refused and rolled back against the files after it', async () => {
    // The first file's tenth row is refused (the nine before it bring the ledger to 9·10^15) and the file rolled back:
    // the second file's five rows fit the ledger without the first file's.
    const result = await t.service.invoke('imports.files', {
      files: [csv('a.csv', Array(10).fill(E15)), csv('b.csv', Array(5).fill(E15)), csv('c.csv', Array(5).fill(E15))],
    });
    expect(result.written).toBe(false);
    expect(result.files.map((f) => f.errors.map((e) => e.row))).toEqual([[11], [], [6]]);
  });

  it('takes the ledger to the limit exactly, and not one đồng past it, by the form too', async () => {
    const last = MAX - 9n * BigInt(E15);
    const file = csv('full.csv', [...Array(9).fill(E15), last]);
    expect((await t.service.invoke('imports.files', { files: [file] })).written).toBe(true);
    expect(await pledgedSum()).toBe(MAX);
    const [donor] = await t.service.invoke('donors.list', {});
    const place = (await t.service.invoke('places.list', {})).find((p) => p.name === 'Bảo Lạc')!;
    const before = tableCounts(t.ledger);
    const pledge = {
      donorId: donor!.id,
      placeId: place.id,
      kind: 'cash' as const,
      description: 'Một đồng',
      currency: 'VND',
    };
    const one = await t.service.call('pledges.create', { ...pledge, amountMinor: 1, pledgeDate: '2022-09-06' });
    expect(one).toMatchObject({ ok: false, error: { code: 'too_large', field: 'amountMinor' } });
    expect(tableCounts(t.ledger)).toEqual(before);
    // An edit past the limit is refused; one that lowers a pledge frees room for another.
    const small = t.ledger.sqlite.prepare('SELECT id FROM pledges WHERE vnd_equivalent = ?').get(Number(last)) as {
      id: string;
    };
    const raised = await t.service.call('pledges.update', { id: small.id, amountMinor: Number(last) + 1, reason: 'x' });
    expect(raised).toMatchObject({ ok: false, error: { code: 'too_large', field: 'amountMinor' } });
    await t.service.invoke('pledges.update', { id: small.id, amountMinor: Number(last) - 10, reason: 'Giảm' });
    await t.service.invoke('pledges.create', { ...pledge, amountMinor: 10, pledgeDate: '2022-09-06' });
    expect(await pledgedSum()).toBe(MAX);
    const { stored, fromRows } = totalsAgainstRows(t.ledger);
    expect(stored).toEqual(fromRows);
  });

  it('keeps each currency’s amounts within range, whatever their VND equivalents', async () => {
    // A kip is about a đồng: 10^15 LAK cents are some 10^13 VND, well within range, but ten of them in LAK are not.
    const [donor] = await t.service.invoke('donors.list', {});
    const place = (await t.service.invoke('places.list', {})).find((p) => p.name === 'Bảo Lạc')!;
    const pledge = {
      donorId: donor!.id,
      placeId: place.id,
      kind: 'cash' as const,
      currency: 'LAK',
      rate: '1.2',
      amountMinor: E15,
      pledgeDate: '2022-09-06',
    };
    for (let i = 0; i < 9; i++) await t.service.invoke('pledges.create', { ...pledge, description: `Kíp ${i}` });
    const before = tableCounts(t.ledger);
    const tenth = await t.service.call('pledges.create', { ...pledge, description: 'Kíp 9' });
    expect(tenth).toMatchObject({
      ok: false,
      error: { code: 'too_large', message: { en: expect.stringContaining('LAK') } },
    });
    expect(tableCounts(t.ledger)).toEqual(before);
  });

  it('refuses a bundle that would take the ledger past the range, naming its largest pledge', async () => {
    const other = await tempLedger({ siteName: 'Huyện Bảo Lạc' });
    try {
      await introduce(t, other);
      await other.service.invoke('imports.files', { files: [await bundleFrom(t, true)] });
      await other.service.invoke('donors.create', { name: 'Quỹ Hy Vọng', country: 'Mỹ', kind: 'foreign_ngo' });
      const theirs = [E15, E15, E15, 3 * 10 ** 14, 2 * 10 ** 14];
      await other.service.invoke('imports.files', { files: [csv('hv.csv', theirs, 'Quỹ Hy Vọng')] });
      await t.service.invoke('imports.files', { files: [csv('own.csv', Array(6).fill(E15))] });
      const before = tableCounts(t.ledger);
      const bundle = await bundleFrom(other, false);
      const merged = await t.service.call('sync.import', bundle);
      expect(merged).toMatchObject({
        ok: false,
        error: {
          code: 'too_large',
          message: { vi: expect.stringContaining('Nhà hv.csv 1'), en: expect.stringContaining('exact range') },
        },
      });
      const asFile = await t.service.invoke('imports.files', { files: [bundle] });
      expect(asFile.written).toBe(false);
      expect(tableCounts(t.ledger)).toEqual(before);
      expect(await pledgedSum()).toBe(6n * BigInt(E15));
    } finally {
      await other.close();
    }
  });

  it('accepts exactly the random writes that keep the ledger in range (seeded)', async () => {
    const random = randomFor('exact-sums');
    let held = 0n;
    for (let pass = 0; pass < 12; pass++) {
      // Files of a pass: amounts near 10^15, some odd, so the limit falls inside a file.
      const files = Array.from({ length: 1 + Math.floor(random() * 3) }, () =>
        Array.from({ length: 1 + Math.floor(random() * 3) }, () => BigInt(Math.floor(random() * E15)) + 1n),
      );
      const before = tableCounts(t.ledger);
      const result = await t.service.invoke('imports.files', {
        files: files.map((amounts, f) => csv(`p${pass}-${f}.csv`, amounts)),
      });
      // The first row, in the pass's order, at which the ledger would pass the limit.
      let running = held;
      let firstOver: { file: number; row: number } | null = null;
      for (const [f, amounts] of files.entries()) {
        for (const [i, a] of amounts.entries()) {
          running += a;
          if (running > MAX && !firstOver) firstOver = { file: f, row: i + 2 };
        }
      }
      if (firstOver === null) {
        expect(result.written, `pass ${pass}`).toBe(true);
        held = running;
      } else {
        const { file, row } = firstOver as { file: number; row: number };
        expect(result.written, `pass ${pass}`).toBe(false);
        expect(result.files[file]!.errors[0]).toMatchObject({ row, column: 'Thành tiền' });
        expect(tableCounts(t.ledger)).toEqual(before);
      }
      expect(await pledgedSum()).toBe(held);
    }
    // The seed brings the ledger to the limit's edge and past it.
    expect(held).toBeGreaterThan(MAX - 3n * BigInt(E15));
  });
});

describe("the ledger's sums", () => {
  it('read from the totals and the changes a bulk write logged are the pledges added up, during the write and after', async () => {
    await t.service.invoke('imports.files', { files: [csv('a.csv', [E15, 7, 3 * 10 ** 14])] });
    const ctx = contextFor(t.ledger);
    expect(await ledgerSums(ctx)).toEqual(await pledgedSums(ctx));
    await t.ledger.db.transaction().execute(async (trx) => {
      const inner = contextFor(t.ledger, trx);
      await withTotalsDeferred(t.ledger.sqlite, t.ledger.tracking, async () => {
        const change = 'UPDATE pledges SET amount_minor = amount_minor + 5, vnd_equivalent = vnd_equivalent + 5';
        t.ledger.sqlite.prepare(`${change} WHERE amount_minor = 7`).run();
        t.ledger.sqlite.prepare(`UPDATE pledges SET currency = 'USD' WHERE amount_minor = ?`).run(3 * 10 ** 14);
        const during = await ledgerSums(inner);
        expect(during).toEqual(await pledgedSums(inner));
        expect(during.byCurrency.get('VND')).toBe(BigInt(E15) + 12n);
      });
      expect(await ledgerSums(inner)).toEqual(await pledgedSums(inner));
    });
    // A ledger past the range reads the same either way.
    t.ledger.sqlite
      .prepare('UPDATE pledges SET amount_minor = 9 * amount_minor, vnd_equivalent = 9 * vnd_equivalent')
      .run();
    expect(await ledgerSums(ctx)).toEqual(await pledgedSums(ctx));
    expect((await ledgerSums(ctx)).vnd).toBe(9n * (BigInt(E15) + 12n + 3n * 10n ** 14n));
  });

  it('read again and again through one bulk write, a savepoint rolled back and the next write, are the pledges added up', async () => {
    await t.service.invoke('imports.files', { files: [csv('a.csv', [E15, 7])] });
    const sqlite = t.ledger.sqlite;
    const ctx = contextFor(t.ledger);
    const sumsNow = async () => {
      const sums = await ledgerSums(ctx);
      expect(sums).toEqual(await pledgedSums(ctx));
      return sums.vnd;
    };
    const change = (sql: string) => sqlite.prepare(sql).run();
    for (const round of [1n, 2n]) {
      sqlite.exec('BEGIN');
      await withTotalsDeferred(sqlite, t.ledger.tracking, async () => {
        const start = await sumsNow();
        change('UPDATE pledges SET amount_minor = amount_minor + 5, vnd_equivalent = vnd_equivalent + 5');
        expect(await sumsNow()).toBe(start + 10n);
        sqlite.exec('SAVEPOINT file');
        change(`UPDATE pledges SET currency = 'USD' WHERE amount_minor < 1000`);
        change('DELETE FROM pledges WHERE amount_minor > 1000');
        expect(await sumsNow()).toBe(round === 1n ? 12n : 17n);
        sqlite.exec('ROLLBACK TO SAVEPOINT file');
        sqlite.exec('RELEASE SAVEPOINT file');
        expect(await sumsNow()).toBe(start + 10n);
      });
      sqlite.exec('COMMIT');
      // Folded: the next bulk write reads the totals as they now are.
      expect(await sumsNow()).toBe(BigInt(E15) + 7n + round * 10n);
    }
  });
});

/** A ledger's bundle as a file for `sync.import` or `imports.files`. */
async function bundleFrom(ledger: TestLedger, all: boolean) {
  const bundle = await ledger.service.invoke('sync.export', { all });
  return { fileName: bundle.fileName, base64: bundle.base64 };
}

/** The cached values of a sheet's money cells in a column, from its first numbered row to the totals row. */
function column(sheet: ExcelJS.Worksheet, letter: string, label: string) {
  const values: bigint[] = [];
  let total: bigint | null = null;
  sheet.eachRow((row) => {
    const first = row.getCell(1).value;
    const cell = row.getCell(letter).value as number | { result: number } | null;
    if (typeof first === 'number' && typeof cell === 'number') values.push(BigInt(cell));
    if (first === label && cell && typeof cell === 'object') total = BigInt(cell.result);
  });
  return { values, total: total as bigint | null };
}

describe('the report', () => {
  it('caches sums equal to the rows to the đồng, the sheets agreeing, at the edge of the range', async () => {
    // Odd amounts whose sum is the limit itself: a float sum rounds some of them.
    const amounts = [E15 - 1, E15 - 3, E15 - 7, E15 - 9, 999_999_999_999_989, E15, E15, E15, E15];
    const last = MAX - amounts.reduce((s, a) => s + BigInt(a), 0n);
    await t.service.invoke('imports.files', { files: [csv('q3.csv', [...amounts.slice(0, 5), last])] });
    await t.service.invoke('imports.files', { files: [csv('q3b.csv', amounts.slice(5), 'Quỹ Blue Dragon')] });
    expect(await pledgedSum()).toBe(MAX);
    const file = await t.service.invoke('reports.xlsx', { period: '2022-Q3' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ExcelJS.Buffer);
    const summary = column(workbook.getWorksheet('Tổng hợp')!, 'D', 'Tổng cộng');
    const donors = column(workbook.getWorksheet('Theo nhà tài trợ')!, 'D', 'Tổng cộng');
    const detail = column(workbook.getWorksheet('Chi tiết')!, 'L', 'Cộng A');
    expect(detail.values).toHaveLength(10);
    for (const sheet of [summary, donors, detail]) {
      expect(sheet.total).toBe(sheet.values.reduce((s, v) => s + v, 0n));
      expect(sheet.total).toBe(MAX);
    }
    const preview = await t.service.invoke('reports.preview', { period: '2022-Q3' });
    expect(BigInt(preview.summaryTotal.pledgedVnd)).toBe(MAX);
    expect(BigInt(preview.donorTotal.pledgedVnd)).toBe(MAX);
  });

  it('is refused, not written wrong, for a ledger already past the range', async () => {
    await t.service.invoke('imports.files', { files: [csv('a.csv', Array(5).fill(E15))] });
    // A ledger written before the rule: its pledges raised behind the ledger's back (the totals follow by trigger).
    t.ledger.sqlite
      .prepare('UPDATE pledges SET amount_minor = 2 * amount_minor, vnd_equivalent = 2 * vnd_equivalent')
      .run();
    const before = tableCounts(t.ledger);
    for (const method of ['reports.preview', 'reports.xlsx'] as const) {
      const answer = await t.service.call(method, { period: '2022-Q3' });
      expect(answer).toMatchObject({
        ok: false,
        error: {
          code: 'too_large',
          message: { vi: expect.stringContaining('chính xác'), en: expect.stringContaining('exact') },
        },
      });
    }
    expect(tableCounts(t.ledger)).toEqual(before);
    // So is any new pledge, however small.
    const again = await t.service.invoke('imports.files', { files: [csv('c.csv', [1])] });
    expect(again.files[0]!.errors[0]).toMatchObject({ row: 2, column: 'Thành tiền' });
  });
});
