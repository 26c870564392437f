/** Reports and imports in the real UI: preview and download the quarterly report; check and import a district's file. */
import ExcelJS from 'exceljs';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PledgeSummary, Settings } from '../../contract';
import * as XLSX from 'xlsx';
import { TEMPLATE_COLUMNS } from '../../db/imports/columns';
import { ROOT, tempDir } from '../helpers';
import { servedCall, type Served } from './serve';
import { chooseIn, ledgerCall, openScreen, popupsClosed } from './ui';
import { browserApp, cli, demoLedger } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, {
  ledgers: (folder) => [demoLedger(join(folder, 'reports.sqlite'))],
  pages: [{ acceptDownloads: true }],
});
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

describe('reports', () => {
  it('previews the quarter and downloads the Excel report, numbered and addressed as typed', async () => {
    await page.goto(`${served.url}#reports`);
    await chooseIn(page, 'Năm', '2022');
    await chooseIn(page, 'Quý', 'Quý III');
    await page.getByTestId('report-preview').click();
    await expect.poll(() => page.getByTestId('report-total-pledged').first().textContent()).toBe('3.700.000.000');
    expect(await page.getByTestId('report-preview-body').textContent()).toContain('QUÝ III NĂM 2022');
    await page.screenshot({ path: join(SCREENSHOTS, 'reports.png') });

    // The addressee's box shows the department's default for a quarterly report.
    expect(await page.getByTestId('report-addressee').getAttribute('placeholder')).toMatch(
      /^Kính gửi \(để trống: theo Cài đặt\): Ủy ban nhân dân tỉnh Cao Bằng$/,
    );
    await page.getByTestId('report-number').fill('7');
    await page.getByTestId('report-addressee').fill('Bộ Ngoại giao\nỦy ban nhân dân tỉnh Cao Bằng');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    expect(download.suggestedFilename()).toBe('Bao-cao-vien-tro-2022-Q3.xlsx');
    const path = join(dir.dir, download.suggestedFilename());
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('Tổng hợp')!;
    expect(String(sheet.getCell('A3').value)).toMatch(/^Số: 07\/BC(-\w+)?$/);
    expect(sheet.getCell('A5').value).toBe('BÁO CÁO');
    expect(sheet.getCell('A6').value).toBe('Tình hình tiếp nhận viện trợ phi chính phủ nước ngoài quý III năm 2022');
    expect([9, 10].map((r) => sheet.getRow(r).getCell(sheet.columnCount).value)).toEqual([
      '- Bộ Ngoại giao;',
      '- Ủy ban nhân dân tỉnh Cao Bằng.',
    ]);
  });

  it('makes the report of one sector, chosen from the keyboard, and keeps it apart in the list', async () => {
    const education = await ledgerCall<{ total: { pledged: number } }>(page, 'totals', {
      by: 'kind',
      filter: { from: '2022-07-01', to: '2022-09-30', sectors: ['education'] },
    });
    expect(education.total.pledged).toBeGreaterThan(0);
    // Typed into the aid items box and chosen with Enter, as an officer without a mouse does.
    const items = page.getByRole('combobox', { name: 'Khoản viện trợ (để trống: mọi dòng)' });
    await items.focus();
    await page.keyboard.type('giao duc');
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active', {
        hasText: 'Giáo dục và đào tạo',
      })
      .waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Escape');
    await page.getByTestId('report-preview').click();
    await expect.poll(() => page.getByTestId('report-scope').textContent()).toContain('Lĩnh vực: Giáo dục và đào tạo');
    await expect
      .poll(() => page.getByTestId('report-total-pledged').first().textContent())
      .toBe(education.total.pledged.toLocaleString('vi-VN'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    expect(download.suggestedFilename()).toBe('Bao-cao-vien-tro-2022-Q3-linh-vuc-giao-duc-va-dao-tao.xlsx');
    const row = page.getByTestId('reports-sent').locator('tbody tr', { hasText: 'Lĩnh vực: Giáo dục và đào tạo' });
    await expect.poll(() => row.count()).toBe(1);
    await expect
      .poll(() => page.getByTestId('reports-sent').locator('tbody tr', { hasText: 'Mọi dòng' }).count())
      .toBe(1);
  });

  it("sets the report's letterhead in Cài đặt, each empty line showing the default of the ledger's province", async () => {
    await openScreen(page, 'Cài đặt');
    const block = page.getByTestId('report-form-settings');
    expect(await block.locator('#settings_reportGoverningBody').getAttribute('placeholder')).toBe('UBND TỈNH CAO BẰNG');
    expect(await block.locator('#settings_reportPlace').getAttribute('placeholder')).toBe('Cao Bằng');
    expect(await page.locator('#settings_departmentName').getAttribute('placeholder')).toMatch(/TỈNH CAO BẰNG$/);
    await block.locator('#settings_reportOffice').fill('SỞ NGOẠI VỤ');
    await block.locator('#settings_reportSymbol').fill('SNgV');
    await block.locator('#settings_reportSymbol').press('Enter');
    await expect
      .poll(async () => (await ledgerCall<Settings>(page, 'settings.get', {})).reportForm)
      .toMatchObject({ reportOffice: 'SỞ NGOẠI VỤ', reportSymbol: 'SNgV', reportGoverningBody: '' });
    await page.goto(`${served.url}#reports`);
  });
});

describe('imports', () => {
  const csv = (rows: string[]) => [TEMPLATE_COLUMNS.map((c) => c.header).join(','), ...rows].join('\n');

  it("checks a district's file, shows what it would add, and imports it", async () => {
    const before = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    const good = join(dir.dir, 'bao-lac.csv');
    writeFileSync(
      good,
      csv(['05/09/2022,Tổ chức Tzu Chi,,Bảo Lạc,Nhà ở,Sửa nhà cho hộ nghèo,2,căn,"30.000.000",,VND,,,Hoàn thành,']),
    );
    await page.goto(`${served.url}#imports`);
    await page.locator('[data-testid=imports-screen] input[type=file]:not([webkitdirectory])').setInputFiles(good);
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toContain('sẽ thêm 1 cam kết');
    await page.screenshot({ path: join(SCREENSHOTS, 'imports.png') });
    await page.getByTestId('import-apply').click();
    await expect
      .poll(async () => (await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).count)
      .toBe(before.count + 1);
    const after = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    expect(after.pledgedVnd - before.pledgedVnd).toBe(60_000_000);
  });

  it("lists a bad file's errors by row and column and writes nothing", async () => {
    const before = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    const bad = join(dir.dir, 'bad.csv');
    writeFileSync(
      bad,
      csv([
        '05/09/2022,Tổ chức Tzu Chi,,Bảo Lạc,Nhà ở,Tốt,,,,"1.000.000",VND,,,,',
        '31/02/2022,Quỹ Lạ,,Bao Lam Xa,Nhà ở,Sai,,,,"12,5",VND,,,,',
      ]),
    );
    await page.locator('[data-testid=imports-screen] input[type=file]:not([webkitdirectory])').setInputFiles(bad);
    await page.getByTestId('import-errors').waitFor();
    const text = await page.getByTestId('import-errors').textContent();
    expect(text).toContain('Ngày cam kết');
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-errors.png') });
    expect(await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).toEqual(before);
    await openScreen(page, 'Sổ cam kết');
  });

  it("asks once, from the keyboard, about the columns it cannot name, and takes the office's next file straight through", async () => {
    const list = (name: string, amount: string) => {
      const path = join(dir.dir, name);
      writeFileSync(
        path,
        `DANH SÁCH HỖ TRỢ\nSTT,Ngày,Nhà tài trợ,Nơi nhận,Nội dung,Giá trị quy đổi\n1,06/09/2022,Tổ chức Tzu Chi,Bảo Lạc,Bể nước,"${amount}"\n`,
      );
      return path;
    };
    const before = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    await openScreen(page, 'Nhập Excel');
    await page
      .locator('[data-testid=imports-screen] input[type=file]:not([webkitdirectory])')
      .setInputFiles(list('thon-ban.csv', '12.000.000'));
    await page.getByTestId('column-mapping').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain('Thành tiền');
    for (const [header, field] of [
      ['Nơi nhận', 'dia ban'],
      ['Giá trị quy đổi', 'thanh tien'],
    ] as const) {
      await page.getByRole('combobox', { name: `Nhập vào trường: ${header}` }).focus();
      await page.keyboard.type(field);
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
        .waitFor();
      await page.keyboard.press('Enter');
      await popupsClosed(page);
    }
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toContain('sẽ thêm 1 cam kết');
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-mapping.png') });
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();

    await page
      .locator('[data-testid=imports-screen] input[type=file]:not([webkitdirectory])')
      .setInputFiles(list('thon-ban-q4.csv', '8.000.000'));
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toContain('sẽ thêm 1 cam kết');
    expect(await page.getByTestId('column-mapping').count()).toBe(0);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    const after = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    expect(after.pledgedVnd - before.pledgedVnd).toBe(20_000_000);
  });

  it("takes a folder of the quarter's files — a district's bundle, an office's own list, the template — then makes the report", async () => {
    // The district works in its own ledger and sends a bundle.
    const folder = join(dir.dir, 'quy-3-2022');
    mkdirSync(folder);
    const districtDb = join(dir.dir, 'bao-lac.sqlite');
    cli('init', '--db', districtDb, '--site', 'Huyện Bảo Lạc');
    // The province knows the district: its card accepted, with the code the district reads over the phone.
    const cardFile = join(dir.dir, 'bao-lac.aidoffice');
    const { code } = JSON.parse(cli('office', 'card', '--db', districtDb, '--out', cardFile, '--json')) as {
      code: string;
    };
    await servedCall(served, 'offices.accept', { card: readFileSync(cardFile, 'utf8'), officeCode: code });
    const districtRows = join(dir.dir, 'bao-lac-nhap.csv');
    writeFileSync(
      districtRows,
      csv(['15/08/2022,Quỹ Hy Vọng,Hoa Kỳ,Bảo Lạc,Nhà ở,Nhà cho hộ nghèo,,,,"80.000.000",VND,,,,']),
    );
    cli('import', '--db', districtDb, districtRows);
    cli('bundle', 'export', '--db', districtDb, '--out', join(folder, 'bao-lac.aidledger'));
    // An office's own list: letterhead, STT, section, totals row.
    const list = XLSX.utils.aoa_to_sheet([
      ['UBND HUYỆN BẢO LÂM'],
      ['DANH SÁCH VIỆN TRỢ QUÝ III NĂM 2022'],
      ['STT', 'Tên nhà tài trợ', 'Huyện', 'Nội dung hỗ trợ', 'Số tiền (đồng)', 'Thời gian'],
      ['I', 'QUÀ TẶNG'],
      [1, 'Tổ chức Tzu Chi', 'Bảo Lâm', 'Quà cho học sinh', '25.000.000', '02/09/2022'],
      [null, 'Tổng cộng', null, null, 25_000_000],
      [null, 'NGƯỜI LẬP BIỂU'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, list, 'DS');
    writeFileSync(join(folder, 'bao-lam.xlsx'), XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    writeFileSync(
      join(folder, 'ha-quang.csv'),
      csv(['20/09/2022,Tổ chức Tzu Chi,,Hà Quảng,Nhà ở,Sửa nhà,,,,"15.000.000",VND,,,,']),
    );

    const before = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    await openScreen(page, 'Nhập Excel');
    await page.locator('[data-testid=imports-screen] input[type=file][webkitdirectory]').setInputFiles(folder);
    await page.getByTestId('import-files').locator('tbody tr', { hasText: 'bao-lam.xlsx' }).waitFor();
    const table = await page.getByTestId('import-files').textContent();
    expect(table).toContain('bao-lac.aidledger');
    expect(table).toContain('theo tiêu đề tệp');
    await expect
      .poll(() => page.getByTestId('import-ready').textContent())
      .toContain('3 tệp hợp lệ: sẽ thêm 2 cam kết');
    await page.screenshot({ path: join(SCREENSHOTS, 'imports-quarter.png') });
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    const after = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    expect(after.pledgedVnd - before.pledgedVnd).toBe(80_000_000 + 25_000_000 + 15_000_000);

    await page.getByTestId('import-make-report').click();
    await page.getByTestId('reports-screen').waitFor();
    await chooseIn(page, 'Năm', '2022');
    await chooseIn(page, 'Quý', 'Quý III');
    await page.getByTestId('report-preview').click();
    const quarter = await ledgerCall<{ total: { pledged: number } }>(page, 'totals', {
      by: 'kind',
      filter: { from: '2022-07-01', to: '2022-09-30' },
    });
    await expect
      .poll(() => page.getByTestId('report-total-pledged').first().textContent())
      .toBe(quarter.total.pledged.toLocaleString('vi-VN'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    const path = join(dir.dir, `quy-3-${download.suggestedFilename()}`);
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const details: string[] = [];
    workbook.getWorksheet('Chi tiết')!.eachRow((row) => row.eachCell((cell) => details.push(String(cell.value))));
    expect(details).toEqual(expect.arrayContaining(['Quỹ Hy Vọng', 'Quà cho học sinh', 'Sửa nhà']));
  });
});
