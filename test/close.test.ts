/** The quarter's close: the offices' bundles and workbooks merged in one pass, all of them or none. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { contextFor, type Ctx } from '../db/core/context';
import { undoPoint } from '../db/core/undo';
import { TEMPLATE_COLUMNS } from '../db/imports/columns';
import { formatVersion } from '../db/sync/clock';
import { decodeBundle } from '../db/sync/format';
import { runCli as cli } from './cli-run';
import { contentOf, forgeBundle, keyOf } from './forge';
import { introduce, tableCounts, tempLedger, totalsAgainstRows, type TestLedger } from './helpers';

let province: TestLedger;
let district: TestLedger;
beforeEach(async () => {
  province = await tempLedger({ siteName: 'Sở Ngoại vụ' });
  await province.service.invoke('donors.create', {
    name: 'Tổ chức Tzu Chi',
    shortName: 'Tzu Chi',
    country: 'Đài Loan (Trung Quốc)',
    kind: 'foreign_ngo',
  });
  district = await tempLedger({ seed: false, siteName: 'Huyện Bảo Lạc' });
  await introduce(province, district);
  const reference = await province.service.invoke('sync.export', { all: true });
  await district.service.invoke('sync.import', { fileName: 'tinh.aidledger', base64: reference.base64 });
});
afterEach(async () => {
  await province.close();
  await district.close();
});

/** The district's quarter as a bundle: two pledges of a donor of its own. */
async function districtBundle(): Promise<{ fileName: string; base64: string }> {
  const places = await district.service.invoke('places.list', {});
  const donor = await district.service.invoke('donors.create', { name: 'Quỹ Bảo Lạc', kind: 'foundation' });
  for (const amount of [100_000_000, 50_000_000]) {
    await district.service.invoke('pledges.create', {
      donorId: donor.id,
      placeId: places.find((p) => p.name === 'Bảo Lạc')!.id,
      kind: 'house',
      description: 'Nhà tình nghĩa',
      amountMinor: amount,
      currency: 'VND',
      pledgeDate: '2022-09-01',
    });
  }
  const bundle = await district.service.invoke('sync.export', { all: false });
  return { fileName: 'bao-lac-q3.aidledger', base64: bundle.base64 };
}

/** A commune's list in its own layout; `donor` may be the bundle's donor, which the province learns from the bundle. */
function list(name: string, rows: (string | number)[][]): { fileName: string; base64: string } {
  const sheet = XLSX.utils.aoa_to_sheet([
    ['UBND HUYỆN BẢO LÂM'],
    ['DANH SÁCH VIỆN TRỢ QUÝ III/2022'],
    ['STT', 'Ngày', 'Nhà tài trợ', 'Huyện', 'Nội dung', 'Số tiền (đồng)'],
    ...rows,
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'DS');
  return {
    fileName: name,
    base64: (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64'),
  };
}

describe("a quarter's files in one pass", () => {
  it('merges bundles and workbooks together, a later file seeing what an earlier one brought', async () => {
    const bundle = await districtBundle();
    // The workbook names the donor the bundle brings (no country: it must exist already).
    const workbook = list('bao-lam.xlsx', [
      [1, '10/09/2022', 'Quỹ Bảo Lạc', 'Bảo Lâm', 'Sửa nhà', '30.000.000'],
      [2, '11/09/2022', 'Tổ chức Tzu Chi', 'Bảo Lâm', 'Quà', '20.000.000'],
    ]);
    const template = {
      fileName: 'mau.csv',
      base64: Buffer.from(
        `${TEMPLATE_COLUMNS.map((c) => c.header).join(',')}\n12/09/2022,Tổ chức Tzu Chi,,Bảo Lạc,Nhà ở,Nhà,,,,"40.000.000",VND,,,,\n`,
      ).toString('base64'),
    };

    const before = tableCounts(province.ledger);
    const check = await province.service.invoke('imports.files', { files: [bundle, workbook, template], dryRun: true });
    expect(check).toMatchObject({ dryRun: true, written: false, totals: { added: 3, refusedFiles: 0, errors: 0 } });
    expect(check.totals.inserted).toBeGreaterThan(0);
    expect(tableCounts(province.ledger)).toEqual(before);

    const done = await province.service.invoke('imports.files', { files: [bundle, workbook, template] });
    expect(done.written).toBe(true);
    expect(done.files.map((f) => [f.fileName, f.kind, f.added, f.errors.length])).toEqual([
      ['bao-lac-q3.aidledger', 'bundle', 0, 0],
      ['bao-lam.xlsx', 'workbook', 2, 0],
      ['mau.csv', 'workbook', 1, 0],
    ]);
    expect(done.files[1]!.officePlace).toMatchObject({ from: 'letterhead' });
    const summary = await province.service.invoke('pledges.summary', {});
    expect(summary.count).toBe(5);
    expect(summary.pledgedVnd).toBe(100_000_000 + 50_000_000 + 30_000_000 + 20_000_000 + 40_000_000);
    const { stored, fromRows } = totalsAgainstRows(province.ledger);
    expect(stored).toEqual(fromRows);
    // Every new pledge, the bundle's and the workbooks', is found by its words (written once at the end of the pass).
    const found = async (text: string) =>
      (
        await province.service.invoke('pledges.list', {
          filter: { text },
          sort: { by: 'pledgeDate', dir: 'desc' },
          page: { offset: 0, limit: 50 },
          withTotal: true,
        })
      ).total;
    expect([
      await found('tình nghĩa'),
      await found('sửa nhà'),
      await found('quỹ bảo lạc'),
      await found('tzu chi'),
      await found('nha'),
    ]).toEqual([2, 1, 3, 2, 4]);
    expect(province.ledger.sqlite.prepare(`SELECT count(*) AS n FROM pledges WHERE search_text = ''`).get()).toEqual({
      n: 0,
    });
    // The same files again: nothing new.
    const again = await province.service.invoke('imports.files', { files: [bundle, workbook, template] });
    expect(again.totals).toMatchObject({ added: 0, skipped: 3, inserted: 0, updated: 0 });
  });

  it('reads a unit a bundle brings for the workbooks after it, and only for those', async () => {
    const places = await district.service.invoke('places.list', {});
    await district.service.invoke('places.create', {
      name: 'Xã Cốc Pàng',
      level: 'commune',
      parentId: places.find((p) => p.name === 'Bảo Lạc')!.id,
      code: '99001',
    });
    const bundle = await districtBundle();
    const row = [[1, '10/09/2022', 'Tổ chức Tzu Chi', 'Xã Cốc Pàng', 'Sửa nhà', '30.000.000']];
    const before = await province.service.invoke('imports.files', {
      files: [list('truoc.xlsx', row), list('truoc-2.xlsx', row), bundle],
      dryRun: true,
    });
    expect(before.files.map((f) => [f.fileName, f.errors.map((e) => e.column)])).toEqual([
      ['truoc.xlsx', ['Địa bàn']],
      ['truoc-2.xlsx', ['Địa bàn']],
      ['bao-lac-q3.aidledger', []],
    ]);
    const after = await province.service.invoke('imports.files', {
      files: [list('dau.xlsx', []), bundle, list('sau.xlsx', row)],
    });
    expect(after.files.map((f) => [f.fileName, f.added, f.errors.length])).toEqual([
      ['dau.xlsx', 0, 1],
      ['bao-lac-q3.aidledger', 0, 0],
      ['sau.xlsx', 1, 0],
    ]);
  });

  it('tells of each file after a refused one as if the refused one had not been given', async () => {
    // The district's bundle putting the province under one of its districts (a newer version of the province's
    // unit): refused once the merge has written its donor, when the places are found to form a loop.
    const bundle = decodeBundle(Buffer.from((await districtBundle()).base64, 'base64'));
    const top = bundle.records.places.find((p) => p.parent_id === null)!;
    const under = bundle.records.places.find((p) => p.parent_id === top.id)!;
    Object.assign(top, {
      parent_id: under.id,
      version: formatVersion(Date.now(), 0, bundle.site.id),
      origin_site: bundle.site.id,
    });
    const forged = forgeBundle(contentOf(bundle), { signWith: keyOf(district.ledger) });
    const broken = { fileName: 'hong.aidledger', base64: forged.toString('base64') };
    // A place the province does not have: refused (a donor it does not know is made, on a list without Quốc gia).
    const workbook = list('bao-lam.xlsx', [[1, '10/09/2022', 'Quỹ Bảo Lạc', 'Nơi Không Có', 'Sửa nhà', '30.000.000']]);
    const alone = await province.service.invoke('imports.files', { files: [workbook], dryRun: true });
    expect(alone.files[0]!.errors).toHaveLength(1);
    const before = tableCounts(province.ledger);
    const both = await province.service.invoke('imports.files', { files: [broken, workbook] });
    expect(both.written).toBe(false);
    expect(both.files.map((f) => f.fileName)).toEqual(['hong.aidledger', 'bao-lam.xlsx']);
    expect(both.files[0]!.errors[0]!.messageEn).toContain('would lie under itself');
    expect(both.files[1]!.errors).toEqual(alone.files[0]!.errors);
    expect(tableCounts(province.ledger)).toEqual(before);
  });

  it('writes nothing of any file when one of them is refused, and says which and why', async () => {
    const bundle = await districtBundle();
    const good = list('bao-lam.xlsx', [[1, '10/09/2022', 'Tổ chức Tzu Chi', 'Bảo Lâm', 'Sửa nhà', '30.000.000']]);
    const bad = list('sai.xlsx', [[1, '31/02/2022', 'Tổ chức Tzu Chi', 'Bảo Lâm', 'Sửa nhà', '30.000.000']]);
    const damaged = {
      fileName: 'hong.aidledger',
      base64: Buffer.from(`AIDLEDGER-BUNDLE 1 ${'0'.repeat(64)}\nxyz`).toString('base64'),
    };
    const before = tableCounts(province.ledger);
    const result = await province.service.invoke('imports.files', { files: [bundle, good, bad, damaged] });
    expect(result.written).toBe(false);
    expect(result.totals).toMatchObject({ refusedFiles: 2 });
    expect(result.files.map((f) => [f.fileName, f.errors.map((e) => [e.row, e.column])])).toEqual([
      ['bao-lac-q3.aidledger', []],
      ['bao-lam.xlsx', []],
      ['sai.xlsx', [[4, 'Ngày cam kết']]],
      ['hong.aidledger', [[0, '']]],
    ]);
    expect(result.files[3]!.errors[0]!.messageEn).toContain('checksum');
    expect(tableCounts(province.ledger)).toEqual(before);
    expect((await province.service.invoke('sync.status', {})).log.filter((l) => l.direction === 'import')).toHaveLength(
      0,
    );
  });

  it('takes a folder of mixed files on the command line, one JSON answer, non-zero and nothing written if any is refused', async () => {
    const folder = join(province.dir, 'quy-3');
    mkdirSync(folder);
    const bundle = await districtBundle();
    writeFileSync(join(folder, bundle.fileName), Buffer.from(bundle.base64, 'base64'));
    const good = list('bao-lam.xlsx', [[1, '10/09/2022', 'Tổ chức Tzu Chi', 'Bảo Lâm', 'Sửa nhà', '30.000.000']]);
    writeFileSync(join(folder, good.fileName), Buffer.from(good.base64, 'base64'));
    writeFileSync(join(folder, 'doc-truoc.txt'), 'không phải tệp nhập');
    // Another process works on the ledger file, as the command line does beside a running app.

    const dry = cli('import', '--db', province.file, folder, '--dry-run', '--json');
    expect(dry.status).toBe(0);
    const answer = JSON.parse(dry.stdout);
    expect(answer).toMatchObject({ added: 1, written: false, errors: [] });
    expect(answer.files.map((f: { fileName: string }) => f.fileName)).toEqual(['bao-lac-q3.aidledger', 'bao-lam.xlsx']);
    expect(answer.inserted).toBeGreaterThan(0);

    const bad = list('sai.xlsx', [[1, '10/09/2022', 'Quỹ Lạ', 'Nơi Không Có', 'Sửa nhà', '1']]);
    writeFileSync(join(folder, bad.fileName), Buffer.from(bad.base64, 'base64'));
    const refused = cli('import', '--db', province.file, folder, '--json');
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      written: false,
      errors: [{ file: 'sai.xlsx', row: 4, column: 'Địa bàn' }],
    });

    const applied = cli(
      'import',
      '--db',
      province.file,
      join(folder, bundle.fileName),
      join(folder, good.fileName),
      '--place',
      'Bảo Lâm',
    );
    expect(applied.status).toBe(0);
    expect(applied.stdout).toContain('Đã nhập: thêm 1');
    expect((await province.service.invoke('pledges.summary', {})).count).toBe(3);
  });

  it('maps columns from the command line with --map, and reads the same layout without it next time', async () => {
    const file = (name: string, amount: string) => {
      const path = join(province.dir, name);
      writeFileSync(
        path,
        `STT,Ngày,Nhà tài trợ,Nơi nhận,Nội dung,Giá trị quy đổi,Mã hồ sơ\n1,05/09/2022,Tổ chức Tzu Chi,Bảo Lạc,Sửa nhà,"${amount}",HS-1\n`,
      );
      return path;
    };
    const unmapped = cli('import', '--db', province.file, file('q3.csv', '30.000.000'), '--json');
    expect(unmapped.status).toBe(1);
    expect(JSON.parse(unmapped.stdout).errors.map((e: { column: string }) => e.column)).toEqual([
      'Địa bàn',
      'Thành tiền',
    ]);
    expect(
      cli(
        'import',
        '--db',
        province.file,
        file('q3.csv', '30.000.000'),
        '--map',
        'Nơi nhận=place;Giá trị quy đổi=Thành tiền;Mã hồ sơ=bỏ qua',
      ).status,
    ).toBe(0);
    const next = cli('import', '--db', province.file, file('q4.csv', '20.000.000'), '--json');
    expect(next.status).toBe(0);
    expect(JSON.parse(next.stdout)).toMatchObject({ added: 1, files: [{ layout: { remembered: true } }] });
    expect(cli('import', '--db', province.file, file('q5.csv', '1'), '--map', 'Nơi nhận').stderr).toContain('--map');
    expect((await province.service.invoke('pledges.summary', {})).pledgedVnd).toBe(50_000_000);
  });
});

describe('a point a call undoes its writes to', () => {
  const donors = () => (province.ledger.sqlite.prepare('SELECT count(*) AS n FROM donors').get() as { n: number }).n;
  const write = (ctx: Ctx, name: string) =>
    ctx.sqlite
      .prepare(
        `INSERT INTO donors (id, name, name_key, kind, created_at, updated_at) VALUES (?, ?, ?, 'foundation', '', '')`,
      )
      .run(name, name, name);

  it('is the call itself while it has written nothing, and a savepoint once it has', async () => {
    const before = donors();
    await province.ledger.db.transaction().execute(async (trx) => {
      const ctx = contextFor(province.ledger, trx);
      const start = await undoPoint(ctx, 'test_point');
      write(ctx, 'a');
      await start.undo();
      expect(province.ledger.sqlite.inTransaction).toBe(true);
      write(ctx, 'b');
      const later = await undoPoint(ctx, 'test_point');
      write(ctx, 'c');
      await later.undo();
      await later.keep();
      await start.keep();
    });
    expect(donors()).toBe(before + 1);
    expect(province.ledger.sqlite.prepare(`SELECT name FROM donors WHERE name IN ('a', 'b', 'c')`).all()).toEqual([
      { name: 'b' },
    ]);
  });
});
