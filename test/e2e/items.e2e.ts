/**
 * Aid items in the real UI at 1366×768: the dashboard's "Việc cần làm" and item tiles; the item screen; an item
 * entered from the keyboard, moved to its next stage with its document, and given a pledge line; English throughout.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../../contract';
import type { AidItem, Deadlines } from '../../contract/items';
import { ROOT, tempDir } from '../helpers';
import { pageErrors, settled } from './pages';
import type { Served } from './serve';
import { ledgerCall, openScreen, pick, popupsClosed, waitForFocus } from './ui';
import { browserApp, demoLedger } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'items.sqlite'))] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

describe('aid items', () => {
  it('shows on the dashboard what is due and the items by stage and sector', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await expect.poll(() => page.getByTestId('kpi-items').textContent()).toContain('4');
    await expect.poll(() => page.getByTestId('kpi-item-donors').textContent()).toContain('4');
    await expect
      .poll(() => page.getByTestId('items-by-sector').textContent())
      .toContain('Giải quyết các vấn đề xã hội: 3');
    const due = await ledgerCall<Deadlines>(page, 'items.deadlines', {});
    await expect.poll(() => page.getByTestId('todo-item').count()).toBe(due.items.length);
    expect(await page.getByTestId('todo').textContent()).toContain('Báo cáo năm');
    await page.getByTestId('items-panel').scrollIntoViewIfNeeded();
    await settled(page);
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-items.png') });
  });

  it('enters an item from the keyboard, moves it to its next stage and gives it a line', async () => {
    await openScreen(page, 'Khoản viện trợ');
    await expect.poll(() => page.getByTestId('item-row').count()).toBe(4);
    await page.getByTestId('item-new').click();
    await waitForFocus(page, 'item_name');
    await page.keyboard.type('Nước sạch cho trường học xã Bảo Lạc');
    await pick(page, '#item_modality', 'du an');
    await pick(page, '#item_sector', 'y te');
    await pick(page, '#item_donorId', 'vcf');
    await page.locator('#item_governingBody').fill('UBND tỉnh Cao Bằng');
    await page.locator('#item_valueMinor').fill('25.000');
    await pick(page, '#item_valueCurrency', 'USD');
    await page.locator('#item_name').press('Enter');
    // Saved, the item opens.
    await page.locator('#item_name').waitFor({ state: 'hidden' });
    const detail = page.getByTestId('item-detail');
    await expect.poll(() => detail.getByTestId('item-stage').textContent()).toBe('Đề xuất');
    const saved = (await ledgerCall<AidItem[]>(page, 'items.list', { text: 'nuoc sach' }))[0]!;
    expect(saved).toMatchObject({
      modality: 'project',
      sector: 'health',
      valueMinor: 2_500_000,
      valueCurrency: 'USD',
      governingBody: 'UBND tỉnh Cao Bằng',
    });

    await detail.getByTestId('item-move-stage').click();
    await waitForFocus(page, 'itemStage_stage');
    // The date offered is today's; a date before the item's current stage is refused on its field.
    await page.keyboard.press('Tab');
    await page.locator('#itemStage_date').fill('15/03/2026');
    await page.locator('#itemStage_date').press('Enter');
    await expect
      .poll(() => page.locator('#itemStage_date_help').textContent())
      .toContain('không được trước ngày của giai đoạn hiện tại');
    await page.locator('#itemStage_date').fill(new Date().toLocaleDateString('en-GB'));
    await page.locator('#itemStage_document').fill('Biên bản thẩm định số 12/BB-SNgV');
    await page.locator('#itemStage_document').press('Enter');
    await page.locator('#itemStage_document').waitFor({ state: 'hidden' });
    await expect.poll(() => detail.getByTestId('item-stage').textContent()).toBe('Thẩm định');
    await expect
      .poll(() => detail.getByTestId('item-stages').textContent())
      .toContain('Biên bản thẩm định số 12/BB-SNgV');

    // A line of no item, recorded elsewhere, is put into this one.
    const commune = (await ledgerCall<Place[]>(page, 'places.list', { validOn: '2026-03-01' })).find(
      (p) => p.displayName === 'Xã Bảo Lạc',
    )!;
    await ledgerCall(page, 'pledges.create', {
      donorId: saved.donorId,
      placeId: commune.id,
      kind: 'project',
      description: 'Bể nước trường tiểu học',
      amountMinor: 150_000_000,
      currency: 'VND',
      pledgeDate: '2026-03-20',
    });
    await detail.getByTestId('item-attach').click();
    const lines = page.getByTestId('attach-lines');
    await expect.poll(() => lines.locator('tbody tr.ant-table-row').count()).toBe(1);
    await lines.locator('tbody tr.ant-table-row input[type=checkbox]').check();
    await page.getByTestId('attach-ok').click();
    await lines.waitFor({ state: 'hidden' });
    await expect.poll(() => detail.getByTestId('item-committed').textContent()).toBe('150.000.000');
    await expect.poll(() => detail.getByTestId('item-lines').textContent()).toContain('Bể nước trường tiểu học');
    await page.screenshot({ path: join(SCREENSHOTS, 'item-detail.png') });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await popupsClosed(page);
    await expect.poll(() => page.getByTestId('item-row').count()).toBe(5);
    await page.screenshot({ path: join(SCREENSHOTS, 'items.png') });
  });

  it('speaks English', async () => {
    await page.getByTestId('switch-language').click();
    await page.getByTestId('nav').getByText('Aid items', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Aid items' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('items-table').textContent()).toContain('Non-project aid');
    expect(await page.getByTestId('items-table').textContent()).toContain('Social issues');
    await page.getByTestId('switch-language').click();
    await page.getByTestId('nav').getByText('Khoản viện trợ', { exact: true }).waitFor();
    expect(pageErrors(page)).toEqual([]);
  });
});
