/**
 * What an import tells of its rows for the screens: the days the rows added fall on (a receipt's day received, else
 * its pledge date), and each receipt row's own donor, place and kind (rows alike take one choice).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Place } from '../contract';
import type { ImportedFile } from '../contract/imports';
import { CAO_BANG_CODE } from '../db/places/catalogue';
import { tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
let district: Place;
let other: Place;
let donorId: string;

beforeEach(async () => {
  t = await tempLedger();
  await t.service.invoke('places.choose', { province: CAO_BANG_CODE });
  const places = await t.service.invoke('places.list', {});
  district = places.find((p) => p.level === 'district' && p.name === 'Bảo Lạc')!;
  other = places.find((p) => p.level === 'district' && p.name === 'Nguyên Bình')!;
  donorId = (
    await t.service.invoke('donors.create', { name: 'Tổ chức Tzu Chi', country: 'Đài Loan', kind: 'foreign_ngo' })
  ).id;
});
afterEach(() => t.close());

async function importList(
  name: string,
  rows: (string | number)[][],
  options: { dryRun?: boolean; receipts?: boolean } = {},
): Promise<ImportedFile> {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'DS');
  const path = join(t.dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  const result = await t.service.invoke('imports.files', {
    files: [{ fileName: name, base64: readFileSync(path).toString('base64') }],
    dryRun: options.dryRun ?? false,
    receipts: options.receipts ?? false,
  });
  return result.files[0]!;
}

const PLEDGES = ['Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Nội dung', 'Thành tiền'];

describe('the days of the rows an import adds', () => {
  it('are the pledge dates, counted by day in order; the rows imported before are not counted again', async () => {
    const rows = [
      PLEDGES,
      ['20/11/2022', 'Tổ chức Tzu Chi', district.displayName, 'Nhà ở', 'Nhà hộ A', 10_000_000],
      ['05/10/2022', 'Tổ chức Tzu Chi', district.displayName, 'Nhà ở', 'Nhà hộ B', 10_000_000],
      ['20/11/2022', 'Tổ chức Tzu Chi', other.displayName, 'Quà', 'Quà Tết', 5_000_000],
    ];
    const expected = [
      { date: '2022-10-05', rows: 1 },
      { date: '2022-11-20', rows: 2 },
    ];
    expect((await importList('q4.xlsx', rows, { dryRun: true })).rowDays).toEqual(expected);
    expect((await importList('q4.xlsx', rows)).rowDays).toEqual(expected);
    const again = await importList('q4-lai.xlsx', [
      ...rows,
      ['02/01/2023', 'Tổ chức Tzu Chi', district.displayName, 'Quà', 'Quà', 1],
    ]);
    expect([again.skipped, again.rowDays]).toEqual([3, [{ date: '2023-01-02', rows: 1 }]]);
  });

  it("are a receipt's day received, not its pledge's date; a refused list has none", async () => {
    const list = await importList('nhan.xlsx', [
      ['Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Nội dung', 'Ngày nhận', 'Đã nhận'],
      ['15/09/2022', 'Tổ chức Tzu Chi', district.displayName, 'Nhà ở', 'Nhà hộ C', '03/10/2022', 20_000_000],
    ]);
    expect(list.errors).toEqual([]);
    expect(list.rowDays).toEqual([{ date: '2022-10-03', rows: 1 }]);
    const refused = await importList('sai.xlsx', [
      PLEDGES,
      ['32/13/2022', 'Tổ chức Tzu Chi', 'Nơi không có', 'Nhà ở', 'X', 1],
    ]);
    expect(refused.errors).not.toEqual([]);
    expect(refused.rowDays).toBeUndefined();
  });
});

describe('a receipt row as the preview shows it', () => {
  it('names its own donor, place and kind, as read', async () => {
    const first = { donorId, placeId: district.id, kind: 'house' as const, currency: 'VND', description: 'Nhà' };
    for (const pledgeDate of ['2024-01-10', '2024-02-10'])
      await t.service.invoke('pledges.create', { ...first, pledgeDate, amountMinor: 100_000_000 });
    const preview = await importList(
      'cho.xlsx',
      [
        ['Ngày', 'Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Nội dung', 'Số tiền'],
        ['10/05/2024', 'Tổ chức Tzu Chi', district.displayName, 'Nhà ở', 'Nhà hộ D', 10_000_000],
        ['11/05/2024', 'Tổ chức Tzu Chi', other.displayName, 'Quà', 'Quà hộ E', 1_000_000],
      ],
      { dryRun: true, receipts: true },
    );
    expect(preview.receipts!.map((m) => [m.row, m.outcome, m.donorId, m.placeId, m.kind])).toEqual([
      [2, 'ambiguous', donorId, district.id, 'house'],
      [3, 'new', donorId, other.id, 'gift'],
    ]);
  });
});
