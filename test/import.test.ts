/** The data-entry template and the import: filled by a script, read as officers send it, rejected whole when wrong. */
import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ImportedFile } from '../contract';
import { TEMPLATE_COLUMNS } from '../db/imports/columns';
import { runCli as cli } from './cli-run';
import { readZip, writeZip } from './fuzz-helpers';
import { tableCounts, tempLedger, totalsAgainstRows, type TestLedger } from './helpers';
import { convert } from './libreoffice';

let t: TestLedger;
beforeEach(async () => {
  t = await tempLedger();
  await t.service.invoke('donors.create', {
    name: 'Tổ chức Tzu Chi',
    shortName: 'Tzu Chi',
    country: 'Đài Loan (Trung Quốc)',
    kind: 'foreign_ngo',
  });
});
afterEach(() => t.close());

const HEADERS = TEMPLATE_COLUMNS.map((c) => c.header);

async function placeId(name: string) {
  return (await t.service.invoke('places.list', {})).find((p) => p.name === name)!.id;
}

async function template(place = 'Bảo Lạc'): Promise<string> {
  const file = await t.service.invoke('imports.template', { placeId: await placeId(place) });
  const path = join(t.dir, file.fileName);
  writeFileSync(path, Buffer.from(file.base64, 'base64'));
  return path;
}

/** One workbook through `imports.files`, or a check of it: what it did, and whether it was a check. */
async function importFile(path: string, dryRun = false): Promise<ImportedFile & { dryRun: boolean }> {
  const file = { fileName: path.split('/').pop()!, base64: readFileSync(path).toString('base64') };
  const answer = await t.service.invoke('imports.files', { files: [file], dryRun });
  return { ...answer.files[0]!, dryRun: answer.dryRun };
}

/** Rows as an officer types them: date cells and text dates, numbers and vi-VN text, names without accents or in NFD. */
const ROWS: (string | number | Date | null)[][] = [
  [
    new Date(Date.UTC(2022, 8, 5)),
    'Tổ chức Tzu Chi',
    '',
    'Bảo Lạc',
    'Nhà ở',
    'Hỗ trợ làm nhà cho hộ nghèo',
    20,
    'hộ',
    '44.000.000',
    '880.000.000',
    'VND',
    null,
    80,
    'Cam kết',
    '',
  ],
  [
    '05/09/2022',
    'to chuc tzu chi',
    null,
    'bao lac',
    'Quà',
    'Quà Tết 2023',
    1000,
    'suất',
    1000000,
    null,
    'VND',
    null,
    null,
    'Đang thực hiện',
    'Đợt 1',
  ],
  [
    '12/09/2022',
    "Blue Dragon Children's Foundation",
    'Australia',
    'Bảo Lạc'.normalize('NFD'),
    'Học bổng',
    'Học bổng cho học sinh nghèo',
    null,
    null,
    null,
    '1.234,57',
    'USD',
    '23.070,5',
    10,
    '',
    '',
  ],
  [
    '12/09/2022',
    "Blue Dragon Children's Foundation",
    'Australia',
    'BẢO LẠC',
    'hoc bong',
    'Học bổng cho học sinh nghèo',
    null,
    null,
    null,
    500,
    'usd',
    23000,
    null,
    null,
    null,
  ],
];

async function fill(path: string, rows = ROWS): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet('Nhập liệu')!;
  rows.forEach((values, i) => {
    values.forEach((v, j) => {
      if (v !== null && v !== '') sheet.getCell(i + 2, j + 1).value = v;
    });
  });
  const out = join(t.dir, 'filled.xlsx');
  await workbook.xlsx.writeFile(out);
  return out;
}

describe('the template', () => {
  it("has the header row in order, dropdowns for the district's units and the vocabularies, and instructions", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await template());
    const sheet = workbook.getWorksheet('Nhập liệu')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(HEADERS);
    expect(HEADERS).toEqual([
      'Ngày cam kết',
      'Nhà tài trợ',
      'Quốc gia',
      'Địa bàn',
      'Loại hỗ trợ',
      'Nội dung',
      'Số lượng',
      'Đơn vị tính',
      'Đơn giá',
      'Thành tiền',
      'Loại tiền',
      'Tỷ giá',
      'Số người hưởng lợi',
      'Trạng thái',
      'Ghi chú',
      // Optional, after the fifteen: the aid item the row belongs to.
      'Tên khoản viện trợ',
      'Hình thức',
      'Lĩnh vực',
      'Số quyết định phê duyệt',
      'Ngày phê duyệt',
      'Nay thuộc',
      // Optional: what was received, matched to the pledge it fulfils, and who received it.
      'Ngày nhận',
      'Đã nhận',
      'Số lượng đã nhận',
      'Người/đơn vị nhận',
      'Thôn',
    ]);
    const listOf = (column: string) => {
      const validation = sheet.getCell(`${column}2`).dataValidation;
      expect(validation.type).toBe('list');
      const [, letter, from, to] = /\$([A-Z])\$(\d+):\$[A-Z]\$(\d+)/.exec(validation.formulae![0] as string)!;
      const lists = workbook.getWorksheet('Danh mục')!;
      return Array.from(
        { length: Number(to) - Number(from) + 1 },
        (_, i) => lists.getCell(`${letter}${Number(from) + i}`).value,
      );
    };
    expect(listOf('D')).toEqual(['Bảo Lạc']);
    expect(listOf('E')).toEqual(['Nhà ở', 'Quà', 'Học bổng', 'Tiền mặt', 'Trang thiết bị', 'Dự án', 'Khác']);
    expect(listOf('K')).toContain('USD');
    expect(listOf('N')).toEqual(['Cam kết', 'Đang thực hiện', 'Hoàn thành', 'Hủy']);
    expect(listOf('Q')).toEqual(['Chương trình', 'Dự án', 'Phi dự án']);
    expect(listOf('R')).toEqual([
      'Y tế',
      'Giáo dục và đào tạo',
      'Giải quyết các vấn đề xã hội',
      'Phát triển kinh tế - xã hội',
      'Nông nghiệp và phát triển nông thôn',
      'Tài nguyên và môi trường',
      'Khác',
    ]);
    // A department's own sector is allowed: the sector list proposes, it does not refuse.
    expect(sheet.getCell('R2').dataValidation.showErrorMessage).toBeFalsy();
    expect(sheet.getCell('Q2').dataValidation.showErrorMessage).toBe(true);
    expect(workbook.getWorksheet('Danh mục')!.state).toBe('hidden');
    const help = workbook.getWorksheet('Hướng dẫn')!;
    expect(String(help.getCell('A1').value)).toContain('BẢO LẠC');
    expect(help.getSheetValues().flat().join(' ')).toContain('Tổ chức Tzu Chi');
    expect(help.getSheetValues().flat().join(' ')).toContain('Người/đơn vị nhận (hộ gia đình, trường học, trạm y tế)');
  });

  it('has one drop-down rule per column, over the whole entry range, none overlapping another', async () => {
    const entries = readZip(readFileSync(await template()));
    const sheet = entries.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.data.toString('utf8');
    const ranges = [...sheet.matchAll(/<dataValidation [^>]*sqref="([^"]+)"/g)].map((m) => m[1]);
    expect(ranges.sort()).toEqual(['D2:D1001', 'E2:E1001', 'K2:K1001', 'N2:N1001', 'Q2:Q1001', 'R2:R1001']);
    // Dates and amounts are typed cells with formats from the first entry row to the last.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await template());
    const entry = workbook.getWorksheet('Nhập liệu')!;
    for (const row of [2, 500, 1001]) {
      expect(entry.getCell(`A${row}`).numFmt).toBe('dd/mm/yyyy');
      expect(entry.getCell(`J${row}`).numFmt).toBe('#,##0');
      expect(entry.getCell(`T${row}`).numFmt).toBe('dd/mm/yyyy');
      expect(entry.getCell(`V${row}`).numFmt).toBe('dd/mm/yyyy');
      expect(entry.getCell(`W${row}`).numFmt).toBe('#,##0');
      expect(entry.getCell(`D${row}`).dataValidation.type).toBe('list');
    }
  });

  it('for the province lists every unit under it', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await template('Cao Bằng'));
    const lists = workbook.getWorksheet('Danh mục')!;
    expect(lists.getColumn(1).values.filter(Boolean)).toHaveLength(1 + 11);
  });
});

describe('importing a filled template', () => {
  it('adds every row once, creating new donors named with their country; the same file again adds nothing', async () => {
    const filled = await fill(await template());
    const before = tableCounts(t.ledger);
    const preview = await importFile(filled, true);
    const { layout, province, fileName: _name, kind: _kind, merge: _merge, ...counts } = preview;
    // The template's rows are the places of the ledger's province.
    expect(province).toBe('Tỉnh Cao Bằng');
    expect(counts).toEqual({
      added: 4,
      skipped: 0,
      errors: [],
      newDonors: ["Blue Dragon Children's Foundation"],
      dryRun: true,
      // The days its rows fall on, for the report opened after the import.
      rowDays: [
        { date: '2022-09-05', rows: 2 },
        { date: '2022-09-12', rows: 2 },
      ],
    });
    // Every column of the template is known by its header; dates are shown as the sheet shows them.
    expect(layout!.columns.every((c) => c.from === 'known')).toBe(true);
    expect(layout!.columns[0]!.samples[0]).toMatch(/^\d{1,2}\/\d{1,2}\/\d{2,4}$/);
    expect(tableCounts(t.ledger)).toEqual(before);

    const first = await importFile(filled);
    expect(first).toMatchObject({ added: 4, skipped: 0, errors: [] });
    // Each row's history entry holds the pledge exactly as it reads back (the import does not read it back itself).
    const entries = t.ledger.sqlite
      .prepare(`SELECT entity_id AS id, "after" FROM audit_log WHERE entity = 'pledge' AND action = 'create'`)
      .all() as { id: string; after: string }[];
    expect(entries).toHaveLength(4);
    for (const entry of entries) {
      const {
        donorName: _d,
        donorShortName: _s,
        placeName: _p,
        todayPlaceName: _t,
        deliveredAmountMinor: _a,
        deliveredVnd: _v,
        remainingAmountMinor: _r,
        ...asRead
      } = (await t.service.invoke('pledges.get', { id: entry.id })).pledge;
      expect(entry.after).toBe(JSON.stringify(asRead));
    }
    const donorEntries = t.ledger.sqlite
      .prepare(
        `SELECT entity_id AS id, "after" FROM audit_log WHERE entity = 'donor' AND action = 'create' AND entity_id IN (SELECT id FROM donors WHERE name = ?)`,
      )
      .all("Blue Dragon Children's Foundation") as { id: string; after: string }[];
    expect(donorEntries).toHaveLength(1);
    const {
      pledgeCount: _n,
      aliases: _a,
      ...donorAsRead
    } = (await t.service.invoke('donors.list', { includeMerged: true })).find((d) => d.id === donorEntries[0]!.id)!;
    expect(donorEntries[0]!.after).toBe(JSON.stringify(donorAsRead));
    // The import's totals are folded in once at its end: every totals table equals its rows.
    const { stored, fromRows } = totalsAgainstRows(t.ledger);
    expect(stored).toEqual(fromRows);
    expect(stored.pledge_totals_by_donor!.length).toBeGreaterThan(0);
    const byDonor = await t.service.invoke('totals', { by: 'donor' });
    expect(byDonor.groups.map((g) => [g.label, g.pledged])).toEqual([
      ['Tổ chức Tzu Chi', 1_880_000_000],
      ["Blue Dragon Children's Foundation", 28_482_147 + 11_500_000],
    ]);
    const gifts = (await t.service.invoke('pledges.list', { filter: { kinds: ['gift'] } })).rows[0]!;
    expect(gifts).toMatchObject({
      pledgeDate: '2022-09-05',
      quantity: '1000',
      unitValueMinor: 1_000_000,
      amountMinor: 1_000_000_000,
      status: 'in_progress',
      notes: 'Đợt 1',
    });
    const usd = (
      await t.service.invoke('pledges.list', {
        filter: { currencies: ['USD'] },
        sort: { by: 'vndEquivalent', dir: 'desc' },
      })
    ).rows;
    expect(usd.map((r) => [r.amountMinor, r.rate])).toEqual([
      [123_457, '23070.5'],
      [50_000, '23000'],
    ]);

    const again = await importFile(filled);
    expect(again).toMatchObject({ added: 0, skipped: 4, errors: [] });
    expect((await t.service.invoke('app.info', {})).counts.pledges).toBe(4);
  });

  it('reads the same workbook saved by LibreOffice as .xls, .ods and .csv identically', async () => {
    const filled = await fill(await template());
    const { fileName: _xlsx, ...expected } = await importFile(filled, true);
    for (const format of ['xls', 'ods']) {
      const [converted] = convert(filled, format, t.dir);
      const { fileName: _converted, ...read } = await importFile(converted!, true);
      expect(read).toEqual(expected);
    }
    // A CSV as a district would type it: text dates and Vietnamese numbers, UTF-8.
    const csv = [
      HEADERS.join(','),
      '05/09/2022,Tổ chức Tzu Chi,,Bảo Lạc,Nhà ở,Hỗ trợ làm nhà,20,hộ,"44.000.000","880.000.000",VND,,,,',
    ].join('\n');
    const csvPath = join(t.dir, 'districts.csv');
    writeFileSync(csvPath, csv);
    expect(await importFile(csvPath)).toMatchObject({ added: 1, errors: [] });
    expect((await t.service.invoke('pledges.list', {})).rows[0]).toMatchObject({
      pledgeDate: '2022-09-05',
      amountMinor: 880_000_000,
    });
  }, 120_000);
});

describe('a bad file', () => {
  async function rejected(path: string) {
    const before = tableCounts(t.ledger);
    const result = await importFile(path);
    expect(result.added).toBe(0);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(tableCounts(t.ledger)).toEqual(before);
    // Every problem is told in English too (the UI shows it in the user's language).
    for (const issue of result.errors) {
      expect(issue.messageEn.length).toBeGreaterThan(3);
      expect(issue.messageEn).not.toBe(issue.message);
    }
    return result.errors.map(({ messageEn: _english, ...issue }) => issue);
  }

  it('is rejected whole, each error naming the row, the column and the reason', async () => {
    const filled = await fill(await template(), [
      ...ROWS.slice(0, 2),
      [
        '31/02/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Nhà ở',
        'Ngày sai',
        null,
        null,
        null,
        1,
        'VND',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/2022',
        'Quỹ Lạ',
        '',
        'Bảo Lạc',
        'Nhà ở',
        'Nhà tài trợ lạ',
        null,
        null,
        null,
        1,
        'VND',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bao Lam Xa',
        'Nhà ở',
        'Địa bàn lạ',
        null,
        null,
        null,
        1,
        'VND',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Nhà ở',
        'Thành tiền sai',
        20,
        'hộ',
        '44.000.000',
        '700.000.000',
        'VND',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Nhà ở',
        'Âm',
        null,
        null,
        null,
        -5,
        'VND',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Nhà ở',
        'Quá lớn',
        null,
        null,
        null,
        '99.999.999.999.999.999.999',
        'VND',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/1890',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Nhà ở',
        'Quá xưa',
        null,
        null,
        null,
        1,
        'VND',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Nhà ở',
        'Đô la không tỷ giá',
        null,
        null,
        null,
        100,
        'USD',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Lâu đài',
        'Loại lạ',
        null,
        null,
        null,
        1,
        'VND',
        null,
        null,
        null,
        null,
      ],
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Nhà ở',
        '1,5 đồng',
        null,
        null,
        null,
        '1,5',
        'VND',
        null,
        null,
        null,
        null,
      ],
    ]);
    const errors = await rejected(filled);
    expect(errors).toEqual([
      { row: 4, column: 'Ngày cam kết', message: expect.stringContaining('không phải ngày') },
      { row: 5, column: 'Nhà tài trợ', message: expect.stringContaining('ghi Quốc gia để tạo mới') },
      { row: 6, column: 'Địa bàn', message: expect.stringMatching(/không có địa bàn "Bao Lam Xa"; gần nhất: Bảo Lâm/) },
      { row: 7, column: 'Thành tiền', message: expect.stringContaining('khác Số lượng × Đơn giá = 880.000.000') },
      { row: 8, column: 'Thành tiền', message: expect.stringContaining('không âm') },
      { row: 9, column: 'Thành tiền', message: expect.stringContaining('quá lớn') },
      { row: 10, column: 'Ngày cam kết', message: expect.stringContaining('1890') },
      { row: 11, column: 'Tỷ giá', message: expect.stringContaining('chưa có tỷ giá USD tháng 09/2022') },
      { row: 12, column: 'Loại hỗ trợ', message: expect.stringContaining('"Lâu đài"') },
      { row: 13, column: 'Thành tiền', message: '1,5 không hợp lệ cho VND: lẻ hơn đơn vị nhỏ nhất (1 VND)' },
    ]);
    const english = (await importFile(filled)).errors.map((e) => e.messageEn);
    expect(english).toEqual(
      expect.arrayContaining(['is not a valid date', 'no donor "Quỹ Lạ" yet; fill in Quốc gia (country) to create it']),
    );
    expect(english).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^no place "Bao Lam Xa"; closest: Bảo Lâm/),
        expect.stringMatching(/^no USD rate for 09\/2022 yet/),
      ]),
    );
  });

  it('lists every problem of a row at once', async () => {
    const bad = join(t.dir, 'several.csv');
    writeFileSync(bad, `${HEADERS.join(',')}\n31/02/2022,Quỹ Lạ,,Bao Lam Xa,Lâu đài,,,,,"12,5",VND,,,,\n`);
    expect((await rejected(bad)).map((e) => [e.row, e.column])).toEqual([
      [2, 'Ngày cam kết'],
      [2, 'Loại hỗ trợ'],
      [2, 'Nội dung'],
      [2, 'Địa bàn'],
      [2, 'Nhà tài trợ'],
      [2, 'Thành tiền'],
    ]);
  });

  it('accepts a foreign currency without a rate when the month has one', async () => {
    await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-09', rate: '23500', source: 'KBNN' });
    const filled = await fill(await template(), [
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Tiền mặt',
        'Hỗ trợ',
        null,
        null,
        null,
        100,
        'USD',
        null,
        null,
        null,
        null,
      ],
    ]);
    expect(await importFile(filled)).toMatchObject({ added: 1, errors: [] });
    expect((await t.service.invoke('pledges.list', {})).rows[0]).toMatchObject({
      rate: '23500',
      vndEquivalent: 2_350_000,
    });
  });

  it('with a formula, wrong headers, no rows, garbage bytes or too many rows gets a clear error and changes nothing', async () => {
    const withFormula = await fill(await template(), [
      [
        '05/09/2022',
        'Tổ chức Tzu Chi',
        '',
        'Bảo Lạc',
        'Nhà ở',
        'Công thức',
        2,
        'căn',
        100,
        null,
        'VND',
        null,
        null,
        null,
        null,
      ],
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(withFormula);
    workbook.getWorksheet('Nhập liệu')!.getCell('J2').value = { formula: 'G2*I2', result: 200 };
    await workbook.xlsx.writeFile(withFormula);
    expect(await rejected(withFormula)).toEqual([
      { row: 2, column: 'Thành tiền', message: expect.stringContaining('công thức') },
    ]);

    const sheetFile = (name: string, rows: unknown[][]) => {
      const book = XLSX.utils.book_new();
      XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Nhập liệu');
      const path = join(t.dir, name);
      writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
      return path;
    };
    expect(
      (
        await rejected(
          sheetFile('wrong.xlsx', [
            ['Tên', 'Tiền', 'Ngày'],
            ['a', 1, 'b'],
          ]),
        )
      )[0]!.message,
    ).toContain('Không tìm thấy dòng tiêu đề');
    // The kind may come from section rows ("I. NHÀ Ở"), so only the description is missing here.
    expect(
      await rejected(sheetFile('missing.xlsx', [['Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Thành tiền']])),
    ).toEqual([{ row: 1, column: 'Nội dung', message: 'thiếu cột này ở dòng tiêu đề' }]);
    expect((await rejected(sheetFile('empty.xlsx', [HEADERS])))[0]!.message).toContain('không có dòng dữ liệu');
    const garbage = join(t.dir, 'garbage.xlsx');
    writeFileSync(garbage, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));
    expect((await rejected(garbage))[0]).toMatchObject({ row: 0 });
    const huge = join(t.dir, 'huge.csv');
    writeFileSync(
      huge,
      [
        HEADERS.join(','),
        ...Array.from({ length: 100_050 }, () => '05/09/2022,Tổ chức Tzu Chi,,Bảo Lạc,Nhà ở,x,,,,1,VND,,,,'),
      ].join('\n'),
    );
    expect((await rejected(huge))[0]!.message).toContain('hơn 100.000 dòng');
    // A small file that would unpack into 300 MB of sheet XML: over what a file of its size (0.3 MB) may unpack to.
    const bomb = join(t.dir, 'bomb.xlsx');
    writeFileSync(
      bomb,
      writeZip([
        { name: '[Content_Types].xml', method: 8, data: Buffer.from('<Types/>') },
        { name: 'xl/worksheets/sheet1.xml', method: 8, data: Buffer.alloc(300 * 1024 * 1024, 32) },
      ]),
    );
    expect(readFileSync(bomb).length).toBeLessThan(2 * 1024 * 1024);
    expect((await rejected(bomb))[0]!.message).toContain('giải nén ra hơn 32 MB, quá mức cho một tệp 0,3 MB');
    const wrongType = join(t.dir, 'notes.txt');
    writeFileSync(wrongType, 'hello');
    expect((await rejected(wrongType))[0]!.message).toContain('.xlsx');
  }, 60_000);
});

describe('the import command', () => {
  it('prints the JSON summary and exits non-zero when the file is rejected', async () => {
    const filled = await fill(await template());
    // Another process works on the same ledger file, as the CLI does beside a running app.
    const db = t.file;
    const dry = cli('import', '--db', db, filled, '--dry-run', '--json');
    expect(dry.status).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ added: 4, skipped: 0, errors: [], written: false });
    expect(JSON.parse(cli('import', '--db', db, filled, '--json').stdout)).toMatchObject({
      added: 4,
      skipped: 0,
      errors: [],
      written: true,
    });
    expect(JSON.parse(cli('import', '--db', db, filled, '--json').stdout)).toMatchObject({
      added: 0,
      skipped: 4,
      errors: [],
    });
    const bad = join(t.dir, 'bad.csv');
    writeFileSync(bad, `${HEADERS.join(',')}\n05/09/2022,Quỹ Lạ,,Bảo Lạc,Nhà ở,x,,,,1,VND,,,,\n`);
    const rejected = cli('import', '--db', db, bad, '--json');
    expect(rejected.status).toBe(1);
    expect(JSON.parse(rejected.stdout)).toMatchObject({
      added: 0,
      skipped: 0,
      written: false,
      errors: [
        {
          file: 'bad.csv',
          row: 2,
          column: 'Nhà tài trợ',
          message: expect.any(String),
          messageEn: expect.stringContaining('no donor'),
        },
      ],
    });
  }, 60_000);
});

describe('rows naming their aid item', () => {
  const item = [
    'Hỗ trợ nhà ở hộ nghèo Bảo Lạc',
    'Phi dự án',
    'Giải quyết các vấn đề xã hội',
    '123/QĐ-UBND',
    '01/09/2022',
  ];
  const house = ROWS[0]!.slice(0, 15);
  const gift = ROWS[1]!.slice(0, 15);

  it('join one item per name and donor, made approved from its decision; rows without one stay without', async () => {
    const filled = await fill(await template(), [
      [...house, ...item],
      [...gift, item[0]!, null, null, null, null],
      ROWS[2]!,
    ]);
    expect(await t.service.invoke('items.list', {})).toEqual([]);
    const result = await importFile(filled);
    expect(result).toMatchObject({ errors: [], added: 3 });
    // The one new item the rows named.
    const items = await t.service.invoke('items.list', {});
    expect(items.map((i) => i.name)).toEqual(['Hỗ trợ nhà ở hộ nghèo Bảo Lạc']);
    const [made] = items;
    expect(made).toMatchObject({
      modality: 'non_project',
      sector: 'social',
      stage: 'approved',
      approvalNumber: '123/QĐ-UBND',
      approvalDate: '2022-09-01',
      lineCount: 2,
      donorName: 'Tổ chức Tzu Chi',
    });
    expect(
      (await t.service.invoke('pledges.list', { filter: { withoutItem: true } })).rows.map((r) => r.currency),
    ).toEqual(['USD']);
    // The same file again adds nothing; a later file naming the item joins it.
    expect(await importFile(filled)).toMatchObject({ added: 0, skipped: 3 });
    expect(await t.service.invoke('items.list', {})).toHaveLength(1);
    const later = await fill(await template(), [
      [...ROWS[3]!.slice(0, 1), 'Tổ chức Tzu Chi', ...ROWS[3]!.slice(2, 15), 'ho tro nha o ho ngheo bao lac'],
    ]);
    expect(await importFile(later)).toMatchObject({ errors: [], added: 1 });
    expect((await t.service.invoke('items.list', {}))[0]!.lineCount).toBe(3);
  });

  it('are refused whole, naming row and column, when the item is incomplete or its rows disagree', async () => {
    const before = tableCounts(t.ledger);
    const rows = [
      [...house, null, 'Dự án', null, null, null],
      [...gift, 'Khoản mới', null, 'Y tế', null, null],
      [...house.slice(0, 5), 'Nhà thứ hai', ...house.slice(6), 'Khoản A', 'Dự án', 'Y tế', null, null],
      [...gift, 'Khoản A', 'Chương trình', 'Y tế', null, null],
      [...gift.slice(0, 5), 'Quà khác', ...gift.slice(6), 'Khoản B', 'Dự án', 'Y tế', '9/QĐ', '31/02/2022'],
    ];
    const result = await importFile(await fill(await template(), rows));
    expect(result.errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'Tên khoản viện trợ'],
      [6, 'Ngày phê duyệt'],
      [5, 'Hình thức'],
    ]);
    expect(result.errors[2]!.message).toContain('khác dòng 4');
    expect(tableCounts(t.ledger)).toEqual(before);
    // A new item without its modality is refused when the rows are written, and nothing is kept.
    const incomplete = await importFile(
      await fill(await template(), [[...gift, 'Khoản mới', null, 'Y tế', null, null]]),
    );
    expect(incomplete.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Hình thức', 'bắt buộc để tạo khoản viện trợ mới'],
    ]);
    expect(tableCounts(t.ledger)).toEqual(before);
  });
});
