/** `cli import` of a list of receipts: `--receipts` for a list whose only date is the day received, `--json` showing
 * each row's match, `--match` choosing the pledge where several fit. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { runCli as cli } from './cli-run';
import { tempDir } from './helpers';

const dir = tempDir();
afterAll(() => dir.remove());

function writeList(name: string, rows: (string | number)[][]): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'DS');
  const path = join(dir.dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
  return path;
}

it('matches a list of receipts to the pledges it fulfils, and takes the choice of one where two fit', () => {
  const db = join(dir.dir, 'ledger.sqlite');
  expect(cli('init', '--db', db, '--site', 'Sở Ngoại vụ Cao Bằng').status).toBe(0);
  const pledges = writeList('cam-ket.xlsx', [
    ['Ngày cam kết', 'Nhà tài trợ', 'Quốc gia', 'Địa bàn', 'Loại hỗ trợ', 'Nội dung', 'Thành tiền'],
    ['01/03/2024', 'Tổ chức Tzu Chi', 'Đài Loan', 'Bảo Lạc', 'Nhà ở', 'Nhà cho hộ nghèo', 300000000],
  ]);
  expect(cli('import', '--db', db, pledges).status).toBe(0);
  const receipts = writeList('nhan.xlsx', [
    ['Ngày', 'Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Số tiền'],
    ['10/05/2024', 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Nhà ở', 100000000],
  ]);
  // Read as pledges, the list lacks what a pledge needs.
  const asPledges = cli('import', '--db', db, receipts, '--dry-run');
  expect(asPledges.status).toBe(1);
  expect(asPledges.stderr).toMatch(/Nội dung/);
  const preview = JSON.parse(cli('import', '--db', db, receipts, '--receipts', '--dry-run', '--json').stdout);
  expect(preview.files[0].receipts).toEqual([
    expect.objectContaining({ row: 2, outcome: 'place', date: '2024-05-10', amountMinor: 100_000_000 }),
  ]);
  const first = preview.files[0].receipts[0].pledgeId;

  // A second pledge of the same donor, place and kind: the next receipt waits for a choice.
  const more = writeList('cam-ket-2.xlsx', [
    ['Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Nội dung', 'Thành tiền'],
    ['02/03/2024', 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Nhà ở', 'Nhà đợt 2', 200000000],
  ]);
  expect(cli('import', '--db', db, more).status).toBe(0);
  const waiting = cli('import', '--db', db, receipts, '--receipts');
  expect(waiting.status).toBe(1);
  expect(waiting.stderr).toMatch(/2 cam kết trong sổ khớp/);
  expect(waiting.stdout).toMatch(/cần chọn\/to choose 1 \(--match\)/);
  const chosen = cli('import', '--db', db, receipts, '--receipts', '--match', `2=${first}`, '--json');
  expect(chosen.status).toBe(0);
  expect(JSON.parse(chosen.stdout).files[0].receipts[0]).toMatchObject({ outcome: 'chosen', pledgeId: first });
  expect(cli('import', '--db', db, receipts, '--match', '2:x').stderr).toMatch(/--match/);
});
