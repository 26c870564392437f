/**
 * The quarter's close in the real UI: a list of another province is refused, the preview naming where each file is
 * from; the report opened from the import is made from the ledger as the import left it, though a report of the same
 * quarter was previewed before the import.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { TEMPLATE_COLUMNS } from '../../db/imports/columns';
import { tempDir } from '../helpers';
import type { Served } from './serve';
import { chooseIn, ledgerCall, openScreen } from './ui';
import { browserApp, demoLedger } from './fixture';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'close.sqlite'))] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

const fileInput = () => page.locator('[data-testid=imports-screen] input[type=file]:not([webkitdirectory])');
const quarterTotal = async () =>
  (
    await ledgerCall<{ total: { pledged: number } }>(page, 'totals', {
      by: 'kind',
      filter: { from: '2022-10-01', to: '2022-12-31' },
    })
  ).total.pledged.toLocaleString('vi-VN');

describe("the quarter's close", () => {
  it("refuses another province's list, showing where it is from, and writes nothing", async () => {
    const list = XLSX.utils.aoa_to_sheet([
      ['UBND TỈNH TUYÊN QUANG'],
      ['UBND XÃ MÈO VẠC'],
      [null],
      ['STT', 'Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Nội dung', 'Thành tiền'],
      [1, '05/10/2022', 'Tổ chức Tzu Chi', 'Mèo Vạc', 'Bể nước', '44.000.000'],
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, list, 'DS');
    const path = join(dir.dir, 'meo-vac.xlsx');
    writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer);
    await page.goto(`${served.url}#imports`);
    const before = await ledgerCall<{ count: number }>(page, 'pledges.summary', {});
    await fileInput().setInputFiles(path);
    await page.getByTestId('import-errors').waitFor();
    expect(await page.getByTestId('import-errors').textContent()).toContain(
      'Tiêu đề văn bản ghi Tỉnh Tuyên Quang, còn sổ này là sổ của Tỉnh Cao Bằng',
    );
    expect(await page.getByTestId('import-origin').textContent()).toBe('Tỉnh: Tỉnh Tuyên Quang');
    expect(await ledgerCall<{ count: number }>(page, 'pledges.summary', {})).toEqual(before);
  });

  it('opens the report made after the import, though the quarter was previewed before it', async () => {
    // The quarter previewed before its files are in.
    await page.goto(`${served.url}#reports`);
    await chooseIn(page, 'Năm', '2022');
    await chooseIn(page, 'Quý', 'Quý IV');
    await page.getByTestId('report-preview').click();
    const before = await quarterTotal();
    await expect.poll(() => page.getByTestId('report-total-pledged').first().textContent()).toBe(before);

    const path = join(dir.dir, 'bao-lac-q4.csv');
    writeFileSync(
      path,
      [
        TEMPLATE_COLUMNS.map((c) => c.header).join(','),
        '15/10/2022,Tổ chức Tzu Chi,,Bảo Lạc,Nhà ở,Nhà cho hộ nghèo,,,,"88.500.000",VND,,,,',
        '20/11/2022,Tổ chức Tzu Chi,,Hà Quảng,Dự án,Bể nước,,,,"11.500.000",VND,,,,',
      ].join('\n'),
    );
    await openScreen(page, 'Nhập Excel');
    await fileInput().setInputFiles(path);
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toContain('sẽ thêm 2 cam kết');
    expect(await page.getByTestId('import-origin').textContent()).toBe('Tỉnh: Tỉnh Cao Bằng');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    const after = await quarterTotal();
    expect(after).not.toBe(before);

    // Opened from the import, the quarter's report shows the new figures without being asked again.
    await page.getByTestId('import-make-report').click();
    await page.getByTestId('reports-screen').waitFor();
    await expect.poll(() => page.getByTestId('report-total-pledged').first().textContent()).toBe(after);
    expect(await page.getByTestId('report-preview-body').textContent()).toContain('QUÝ IV NĂM 2022');
  });

  it('opens the report on the quarter most imported rows fall in, by the day received for receipts, not the last chosen', async () => {
    await page.goto(`${served.url}#reports`);
    await chooseIn(page, 'Năm', '2022');
    await chooseIn(page, 'Quý', 'Quý I');
    await page.getByTestId('report-preview').click();
    await page.getByTestId('report-preview-body').waitFor();

    // Pledged in the third quarter; two of the three rows received in the fourth.
    const path = join(dir.dir, 'da-nhan-q4.csv');
    writeFileSync(
      path,
      [
        'STT,Ngày cam kết,Nhà tài trợ,Địa bàn,Loại hỗ trợ,Nội dung,Tên hộ nhận,Ngày nhận,Đã nhận,Thành tiền',
        '1,20/09/2022,Quỹ Ánh Dương,Bảo Lạc,Quà,Quà cho hộ nghèo,Hộ Nông Văn C,05/10/2022,"3.000.000",',
        '2,21/09/2022,Quỹ Ánh Dương,Bảo Lạc,Quà,Quà cho học sinh,Hộ Hoàng Thị D,12/12/2022,"2.000.000",',
        '3,10/08/2022,Quỹ Ánh Dương,Hà Quảng,Nhà ở,Nhà cho hộ nghèo,,,,"50.000.000"',
      ].join('\n'),
    );
    await openScreen(page, 'Nhập Excel');
    await fileInput().setInputFiles(path);
    await page.getByTestId('import-ready').waitFor();
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    await page.getByTestId('import-make-report').click();
    await page.getByTestId('reports-screen').waitFor();
    await expect.poll(() => page.getByTestId('report-preview-body').textContent()).toContain('QUÝ IV NĂM 2022');
    const shown = (label: string) =>
      page
        .locator('.ant-select', { has: page.getByRole('combobox', { name: label, exact: true }) })
        .locator('.ant-select-content')
        .first()
        .getAttribute('title');
    expect([await shown('Năm'), await shown('Quý')]).toEqual(['2022', 'Quý IV']);
  });

  it('opened otherwise, shows no report made on an earlier visit until one is asked for', async () => {
    await openScreen(page, 'Sổ cam kết');
    await openScreen(page, 'Báo cáo');
    await page.getByTestId('report-preview').click();
    await page.getByTestId('report-preview-body').waitFor();
    await openScreen(page, 'Sổ cam kết');
    await openScreen(page, 'Báo cáo');
    await page.getByTestId('reports-screen').waitFor();
    expect(await page.getByTestId('report-preview-body').count()).toBe(0);
  });
});
