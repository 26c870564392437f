/** `ngo import` and `ngo export` as users run them: all or nothing, a mapping remembered, the register written. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { tempDir } from './helpers';
import { runCli as cli } from './cli-run';

let dir: ReturnType<typeof tempDir>;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => dir.remove());

function register(name: string, rows: (string | number | null)[][]): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sổ');
  const path = join(dir.dir, name);
  writeFileSync(path, XLSX.write(book, { bookType: 'xlsx', type: 'buffer' }) as Buffer);
  return path;
}

it('imports a register all or nothing, remembers a mapping, and exports the register', () => {
  const db = join(dir.dir, 'ledger.sqlite');
  expect(cli('init', '--db', db, '--province', '08').status).toBe(0);
  const header = [
    'STT',
    'Tên tổ chức',
    'Quốc tịch',
    'Giấy tờ',
    'Ngày cấp',
    'Thời hạn',
    'Địa bàn hoạt động',
    'Lĩnh vực',
  ];
  const good = register('so-theo-doi.xlsx', [
    ['SỔ THEO DÕI TỔ CHỨC PCPNN'],
    header,
    [1, 'Oxfam', 'Anh', '9/BNG', '15/02/2024', '14/02/2027', 'Tuyên Quang', 'Nông nghiệp'],
    [2, 'CARE International', 'Hoa Kỳ', '12/BNG', '01/03/2025', '03 năm', 'Tuyên Quang, Hà Giang', 'Y tế'],
  ]);

  // "Giấy tờ" is not read: refused, with the --map that reads it.
  const asked = cli('ngo', 'import', '--db', db, good);
  expect(asked.status).toBe(1);
  expect(asked.stderr).toContain('dòng 2, cột "Số giấy đăng ký": thiếu cột này ở dòng tiêu đề');
  expect(asked.stderr).toContain('--map "Giấy tờ=ignore"');

  const preview = JSON.parse(
    cli('ngo', 'import', '--db', db, '--map', 'Giấy tờ=number', '--dry-run', good, '--json').stdout,
  );
  expect(preview).toMatchObject({ written: false, dryRun: true, errors: [] });
  expect(preview.files[0]).toMatchObject({ rows: 2, added: 2, newNgos: ['Oxfam', 'CARE International'] });

  const imported = cli('ngo', 'import', '--db', db, '--map', 'Giấy tờ=Số giấy đăng ký', good);
  expect(imported.status).toBe(0);
  expect(imported.stdout).toContain('giấy đăng ký/certificates: thêm/added 2');
  // The layout remembered: the same file again needs no --map, and adds nothing.
  const again = JSON.parse(cli('ngo', 'import', '--db', db, good, '--json').stdout);
  expect(again.files[0]).toMatchObject({ added: 0, unchanged: 2, errors: [] });

  const bad = register('sai.xlsx', [
    header,
    [1, 'Plan', 'Anh', '3/BNG', '01/01/2025', '31/12/2027', 'Xứ Đoài', 'Y tế'],
  ]);
  const refused = JSON.parse(cli('ngo', 'import', '--db', db, bad, '--json').stdout);
  expect(refused.written).toBe(false);
  expect(refused.errors).toEqual([expect.objectContaining({ file: 'sai.xlsx', row: 2, column: 'Địa bàn hoạt động' })]);

  const out = join(dir.dir, 'so.xlsx');
  const exported = cli(
    'ngo',
    'export',
    '--db',
    db,
    '--from',
    '2026-01-01',
    '--to',
    '2026-06-30',
    '--out',
    out,
    '--json',
  );
  expect(exported.status).toBe(0);
  expect(JSON.parse(exported.stdout)).toMatchObject({
    out,
    fileName: 'So-theo-doi-to-chuc-PCPNN-2026-01-01-2026-06-30.xlsx',
  });
  return (async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(out);
    const names: string[] = [];
    book.worksheets[0]!.eachRow((row) => {
      if (typeof row.getCell(1).value === 'number') names.push(String(row.getCell(2).value));
    });
    expect(names).toEqual(['CARE International', 'Oxfam']);
  })();
});
