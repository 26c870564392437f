/**
 * Printing a report from its preview: "In / Lưu PDF" lays the report out as its workbook's first sheet and calls the
 * page's print; that layout, printed to PDF, reads the same title, period, rows and total as the workbook the app
 * saves for the same report, on A4 landscape, the table's header on every page it runs over.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import type { Place } from '../../contract';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import type { Served } from './serve';
import { chooseIn, ledgerCall } from './ui';

const dir = tempDir();
const app = browserApp(dir, {
  ledgers: (folder) => [demoLedger(join(folder, 'print.sqlite'))],
  pages: [{ acceptDownloads: true }],
});
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

/** The text of a PDF, its columns kept on their lines. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

/** The text of each page of a PDF. */
const pagesOf = (text: string) => text.split('\f').filter((p) => p.trim());

/** Opens the report of a period in the preview and presses the print button; the page's print calls counted. */
async function printReport(year: string, quarter: string | null): Promise<void> {
  await page.goto(`${served.url}#reports`);
  if (!quarter) await page.locator('.ant-segmented-item', { hasText: /^Năm$/ }).click();
  await chooseIn(page, 'Năm', year);
  if (quarter) await chooseIn(page, 'Quý', quarter);
  await page.getByTestId('report-preview').click();
  await page.getByTestId('report-total-pledged').first().waitFor();
  // The print dialog itself is the browser's: only the call is counted.
  await page.evaluate(() => {
    const counted = window as unknown as { printed: number };
    counted.printed = 0;
    window.print = () => {
      counted.printed++;
    };
  });
  await page.getByTestId('report-print').click();
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
}

/** The workbook the app saves for the report shown, and its first sheet. */
async function savedSheet(): Promise<ExcelJS.Worksheet> {
  const downloaded = page.waitForEvent('download');
  await page.getByTestId('report-download').click();
  // A period with USD lines but no USD rate of its months is asked about first: written as it is.
  const writeAnyway = page.getByRole('button', { name: 'Lập báo cáo' });
  await Promise.race([downloaded, writeAnyway.waitFor().then(() => writeAnyway.click())]);
  const download = await downloaded;
  const path = join(dir.dir, `${Date.now()}-${download.suggestedFilename()}`);
  await download.saveAs(path);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook.worksheets[0]!;
}

const vnd = (n: number) => n.toLocaleString('de-DE');
const squeeze = (text: string) => text.replace(/\s+/g, ' ');

describe('printing a report', () => {
  it('prints the quarter as the workbook’s first sheet: title, period, a row and the total, to the đồng', async () => {
    await printReport('2022', 'Quý III');
    const pdf = join(dir.dir, 'quy-3.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const text = pdfText(pdf);
    const sheet = await savedSheet();

    // A4 across: 842 × 595 points.
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts/);
    // Decree 30's margins: nothing printed within 30 mm of the left edge nor 20 mm of the top (1 mm = 72/25.4 pt).
    const boxes = execFileSync('pdftotext', ['-bbox', '-f', '1', '-l', '1', pdf, '-'], { encoding: 'utf8' });
    const left = Math.min(...[...boxes.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
    const top = Math.min(...[...boxes.matchAll(/yMin="([\d.]+)"/g)].map((m) => Number(m[1])));
    expect(left).toBeGreaterThanOrEqual((30 * 72) / 25.4);
    expect(top).toBeGreaterThanOrEqual((20 * 72) / 25.4);
    // Nothing of the screen: only the report.
    expect(text).not.toContain('Xem trước');
    expect(squeeze(text)).toContain(squeeze(String(sheet.getCell('A1').value)));
    expect(sheet.getCell('A5').value).toBe('BÁO CÁO');
    expect(text).toContain('BÁO CÁO');
    const title = String(sheet.getCell('A6').value);
    expect(title).toBe('Tình hình tiếp nhận viện trợ phi chính phủ nước ngoài quý III năm 2022');
    expect(squeeze(text)).toContain(title);
    // The period, as the sheet's line under the title gives it.
    const period = String(sheet.getCell('A7').value).match(
      /Số liệu từ ngày \d\d\/\d\d\/\d{4} đến ngày \d\d\/\d\d\/\d{4}/,
    )![0];
    expect(period).toBe('Số liệu từ ngày 01/07/2022 đến ngày 30/09/2022');
    expect(squeeze(text)).toContain(period);

    // The table: its header row, then the first row and the total, each figure as the workbook holds it.
    let header = 1;
    while (sheet.getCell(header, 1).value !== 'STT') header++;
    const first = sheet.getRow(header + 1);
    const pledged = first.getCell(4).value as number;
    const firstLine = text.split('\n').find((line) => line.includes(String(first.getCell(2).value)))!;
    expect(firstLine).toBeDefined();
    expect(firstLine).toContain(vnd(pledged));
    let totals = header + 1;
    while (sheet.getCell(totals, 1).value !== 'Tổng cộng') totals++;
    const total = (sheet.getCell(totals, 4).value as { result: number }).result;
    expect(vnd(total)).toBe('3.700.000.000');
    const totalLine = text.split('\n').find((line) => line.includes('Tổng cộng'))!;
    expect(totalLine).toContain(vnd(total));
    expect(totalLine).toContain(vnd((sheet.getCell(totals, 7).value as { result: number }).result));
    // Nothing received in the quarter: its total is printed 0, as the spreadsheet sums it.
    expect(totalLine.trim().split(/\s{2,}/)).toEqual(['Tổng cộng', vnd(total), '0', '0', vnd(total)]);
    // The closing: the amounts in words and who signs.
    expect(text).toContain('Bằng chữ (cam kết trong kỳ)');
    expect(text).toContain('Nơi nhận:');
  });

  it('repeats the table’s header on every page the table runs over, each row whole', async () => {
    // A year of 45 communes' pledges: a summary table longer than a page.
    const donor = (await ledgerCall<{ id: string }[]>(page, 'donors.list', {}))[0]!;
    const communes = (await ledgerCall<Place[]>(page, 'places.list', { validOn: '2024-03-01' }))
      .filter((p) => p.level === 'commune')
      .slice(0, 45);
    expect(communes).toHaveLength(45);
    for (const [i, commune] of communes.entries())
      await ledgerCall(page, 'pledges.create', {
        donorId: donor.id,
        placeId: commune.id,
        kind: 'project',
        description: `Bể nước sinh hoạt ${i + 1}`,
        amountMinor: 100_000_000 + i * 1_000_001,
        currency: 'VND',
        pledgeDate: '2024-03-20',
      });
    await printReport('2024', null);
    const pdf = join(dir.dir, 'nam.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const pages = pagesOf(pdfText(pdf));
    const sheet = await savedSheet();
    let header = 1;
    while (sheet.getCell(header, 1).value !== 'STT') header++;
    let totals = header + 1;
    while (sheet.getCell(totals, 1).value !== 'Tổng cộng') totals++;
    // The demo's earlier pledges still outstanding, then the 45 communes.
    const count = totals - header - 1;
    expect(count).toBeGreaterThanOrEqual(45);
    // Each row's number and figure on one line of one page; every page with rows starts with the header.
    const rowLine = (n: number) => {
      const pledged = vnd(sheet.getCell(header + n, 4).value as number);
      return new RegExp(`^\\s*${n}\\s{2,}.*${pledged.replaceAll('.', '\\.')}`, 'm');
    };
    const rowPages = pages.filter((p) =>
      Array.from({ length: count }, (_, i) => rowLine(i + 1)).some((r) => r.test(p)),
    );
    expect(rowPages.length).toBeGreaterThan(1);
    for (let n = 1; n <= count; n++)
      expect(
        pages.filter((p) => rowLine(n).test(p)),
        `row ${n}`,
      ).toHaveLength(1);
    for (const p of rowPages) expect(p).toContain('STT');
    // Numbered from the second page, at its top.
    expect(pages[0]!.trim().split('\n')[0]).toContain('UBND TỈNH CAO BẰNG');
    pages.slice(1).forEach((p, i) => {
      expect(p.trim().split('\n')[0]!.trim()).toBe(String(i + 2));
    });
    const total = (sheet.getCell(totals, 4).value as { result: number }).result;
    expect(
      pages
        .join('\n')
        .split('\n')
        .find((line) => line.includes('Tổng cộng')),
    ).toContain(vnd(total));
  });
});
