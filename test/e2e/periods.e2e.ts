/**
 * Report periods in the real UI: the report screen's choice of the statutory cut-off and the dates it shows, the
 * report made kept with its rule, the department's default in Cài đặt, and the next reports due on the dashboard.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportDue, TotalsResult } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import type { Served } from './serve';
import { chooseIn, ledgerCall, openScreen } from './ui';
import { browserApp, demoLedger } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, {
  ledgers: (folder) => [demoLedger(join(folder, 'periods.sqlite'))],
  pages: [{ acceptDownloads: true }],
});
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

describe('report periods', () => {
  it('shows the dates of the period cut 15th to 14th once the statutory rule is chosen, and keeps the rule', async () => {
    await page.goto(`${served.url}#reports`);
    await chooseIn(page, 'Năm', '2022');
    await chooseIn(page, 'Quý', 'Quý III');
    await page.getByTestId('report-preview').click();
    await expect
      .poll(() => page.getByTestId('report-dates').textContent())
      .toBe('Số liệu từ ngày 01/07/2022 đến ngày 30/09/2022 (theo kỳ dương lịch)');
    await page.getByTestId('report-cutoff').getByText('Chốt số liệu 15–14').click();
    await page.getByTestId('report-preview').click();
    await expect
      .poll(() => page.getByTestId('report-dates').textContent())
      .toBe(
        'Số liệu từ ngày 15/06/2022 đến ngày 14/09/2022 (thời gian chốt số liệu theo Điều 12 Nghị định 09/2019/NĐ-CP)',
      );
    const statutory = await ledgerCall<TotalsResult>(page, 'totals', {
      by: 'kind',
      filter: { from: '2022-06-15', to: '2022-09-14' },
    });
    await expect
      .poll(() => page.getByTestId('report-total-pledged').first().textContent())
      .toBe(statutory.total.pledged.toLocaleString('vi-VN'));
    await page.screenshot({ path: join(SCREENSHOTS, 'report-statutory.png') });
    await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    await expect
      .poll(() => page.getByTestId('reports-sent').locator('tbody tr', { hasText: 'Chốt số liệu 15–14' }).count())
      .toBe(1);
  });

  it('takes the department default in Cài đặt and lists the next reports due on the dashboard', async () => {
    await openScreen(page, 'Cài đặt');
    await page.getByTestId('settings-report-rules').waitFor();
    await chooseIn(
      page,
      'Cách tính kỳ báo cáo (mặc định; mỗi báo cáo có thể chọn khác)',
      'Chốt số liệu 15–14 — Thời gian chốt số liệu theo Điều 12 Nghị định 09/2019/NĐ-CP: từ ngày 15 tháng trước kỳ đến ngày 14 tháng cuối kỳ',
    );
    await page.getByTestId('settings-deadline-year').fill('20');
    await page
      .getByTestId('settings-report-rules')
      .screenshot({ path: join(SCREENSHOTS, 'settings-report-rules.png') });
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect
      .poll(async () => (await ledgerCall<{ reportCutoff: string }>(page, 'settings.get', {})).reportCutoff)
      .toBe('statutory');
    const due = await ledgerCall<ReportDue[]>(page, 'reports.due', {});
    expect(due.map((d) => d.period.cutoff)).toEqual(['statutory', 'statutory', 'statutory']);
    expect(due.map((d) => d.period.from.slice(8))).toEqual(['15', '15', '15']);
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.getByTestId('todo-report').count()).toBe(3);
    const lines = await page.getByTestId('todo-report').allTextContents();
    for (const [i, d] of due.entries()) {
      expect(lines[i]).toContain(`số liệu từ ${dmy(d.period.from)} đến ${dmy(d.period.to)}`);
      expect(lines[i]).toContain(d.made ? 'Đã lập' : `Hạn ${dmy(d.dueOn)}`);
    }
    expect(lines[2]).toContain(`Báo cáo định kỳ năm ${due[2]!.period.key}`);
    await page.getByTestId('todo').screenshot({ path: join(SCREENSHOTS, 'todo-reports-due.png') });
    // The report screen opened anew follows the default.
    await page.goto(`${served.url}#reports`);
    await page.getByTestId('report-preview').click();
    await expect.poll(() => page.getByTestId('report-dates').textContent()).toContain('thời gian chốt số liệu');
  });
});
