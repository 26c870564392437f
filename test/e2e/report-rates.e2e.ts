/** The annual report asks for the USD rates its months lack before it is written, and is marked when some stay missing. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExchangeRate, MissingRates } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { atOffice, browserApp, demoLedger } from './fixture';
import type { Served } from './serve';
import { chooseIn, ledgerCall } from './ui';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, {
  ledgers: async (folder) => {
    const file = demoLedger(join(folder, 'report-rates.sqlite'));
    // The demo has USD rates from July 2022 on: a VND pledge of February and one of March 2022 have none.
    await atOffice(file, async (service) => {
      const [first] = (await service.invoke('pledges.list', { page: { offset: 0, limit: 1 } })).rows;
      for (const [pledgeDate, amountMinor] of [
        ['2022-02-10', 46_000_000],
        ['2022-03-10', 23_000_000],
      ] as const)
        await service.invoke('pledges.create', {
          donorId: first!.donorId,
          placeId: first!.placeId,
          kind: 'other',
          description: 'Hỗ trợ chưa có tỷ giá USD',
          amountMinor,
          currency: 'VND',
          pledgeDate,
        });
    });
    return [file];
  },
  pages: [{ acceptDownloads: true }],
});
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

describe('USD rates missing from a report', () => {
  it('enters a missing month’s rate from the report screen, then writes the report naming the line still unconverted', async () => {
    await page.goto(`${served.url}#reports`);
    const missing = await ledgerCall<MissingRates>(page, 'rates.missing', { period: '2022' });
    expect(missing.months.map((m) => [m.month, m.usedRate])).toEqual([
      ['2022-02', null],
      ['2022-03', null],
    ]);

    await page.locator('.ant-segmented').getByText('Năm', { exact: true }).click();
    await chooseIn(page, 'Năm', '2022');
    await page.getByTestId('report-download').click();
    const dialog = page.getByTestId('missing-rates');
    await dialog.waitFor();
    const march = page.getByTestId('missing-rate-2022-03');
    expect(await march.textContent()).toContain('Tháng 03/2022');
    expect(await march.textContent()).toContain('chưa quy đổi được');
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'report-missing-rates.png') });
    await march.getByLabel('Tỷ giá (VND)').fill('23.000');
    await page.getByTestId('missing-rate-save-2022-03').click();
    await march.waitFor({ state: 'detached' });
    const rates = await ledgerCall<ExchangeRate[]>(page, 'rates.list', { currency: 'USD' });
    expect(rates.find((r) => r.validOn === '2022-03')).toMatchObject({
      rate: '23000',
      source: 'Tỷ giá hạch toán ngoại tệ tháng 03/2022 — Kho bạc Nhà nước',
    });
    // February's line is still without a rate: the report can be written, and says so.
    const write = page.getByTestId('missing-rates-write');
    await expect.poll(() => write.textContent()).toContain('1 dòng chưa quy đổi');
    const [download] = await Promise.all([page.waitForEvent('download'), write.click()]);
    const path = join(dir.dir, download.suggestedFilename());
    await download.saveAs(path);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const texts: string[] = [];
    workbook.getWorksheet('Khoản viện trợ')!.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts.some((text) => text.includes('Chưa quy đổi được 1 dòng, 46.000.000 đồng'))).toBe(true);
    const sent = page.getByTestId('reports-sent');
    await expect.poll(() => sent.locator('tbody tr').first().textContent()).toContain('1 dòng chưa quy đổi');
  });
});
