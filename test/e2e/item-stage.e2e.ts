/**
 * A new aid item typed with its approval decision (number and date) is proposed approved on the decision's date, and
 * its later stages may be dated from that day on, even when that day is long past.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AidItem, AidItemDetail } from '../../contract/items';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import type { Served } from './serve';
import { ledgerCall, openScreen, pick, popupsClosed, waitForFocus } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'item-stage.sqlite'))] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

const fieldText = (id: string) =>
  page
    .locator('.ant-form-item')
    .filter({ has: page.locator(`#${id}`) })
    .textContent();

describe('a new aid item with its approval decision', () => {
  it('is proposed approved on the decision’s date, and its next stage may be dated after it, before today', async () => {
    await page.goto(served.url);
    await openScreen(page, 'Khoản viện trợ');
    await page.getByTestId('item-new').click();
    await waitForFocus(page, 'item_name');
    await page.keyboard.type('Trạm y tế xã Hưng Đạo');
    await pick(page, '#item_donorId', 'vcf');
    await expect.poll(() => fieldText('item_stage')).toContain('Đề xuất');

    await page.locator('#item_approvalNumber').fill('1234/QĐ-UBND');
    await page.locator('#item_approvalDate').fill('15/12/2022');
    await expect.poll(() => fieldText('item_stage')).toContain('Đã phê duyệt');
    await expect.poll(() => page.locator('#item_stageDate').inputValue()).toBe('15/12/2022');
    // The user may still choose another stage: it then stays as chosen when the decision changes.
    await pick(page, '#item_stage', 'tham dinh');
    await page.locator('#item_approvalDate').fill('16/12/2022');
    await expect.poll(() => fieldText('item_stage')).toContain('Thẩm định');
    await pick(page, '#item_stage', 'da phe duyet');
    await page.locator('#item_stageDate').fill('16/12/2022');

    await page.locator('#item_name').press('Enter');
    await page.locator('#item_name').waitFor({ state: 'hidden' });
    const detail = page.getByTestId('item-detail');
    await expect.poll(() => detail.getByTestId('item-stage').textContent()).toBe('Đã phê duyệt');
    const saved = (await ledgerCall<AidItem[]>(page, 'items.list', { text: 'tram y te xa hung dao' }))[0]!;
    expect(saved).toMatchObject({
      stage: 'approved',
      stageDate: '2022-12-16',
      approvalNumber: '1234/QĐ-UBND',
      approvalDate: '2022-12-16',
    });

    // The work began a fortnight after the decision: a day long before today, after the approval.
    await detail.getByTestId('item-move-stage').click();
    await waitForFocus(page, 'itemStage_stage');
    await pick(page, '#itemStage_stage', 'dang thuc hien');
    await page.locator('#itemStage_date').fill('02/01/2023');
    await page.locator('#itemStage_date').press('Enter');
    await page.locator('#itemStage_date').waitFor({ state: 'hidden' });
    await expect.poll(() => detail.getByTestId('item-stage').textContent()).toBe('Đang thực hiện');
    const stages = (await ledgerCall<AidItemDetail>(page, 'items.get', { id: saved.id })).stages;
    expect(stages.map((s) => [s.stage, s.date])).toEqual([
      ['approved', '2022-12-16'],
      ['implementing', '2023-01-02'],
    ]);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await popupsClosed(page);
  });
});
