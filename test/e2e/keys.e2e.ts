/**
 * The keyboard in the forms and pickers, on the demo ledger at 1366×768: a picker takes the match on Tab and makes a
 * new sector only when its offer is chosen and confirmed; Tab after a foreign currency reaches the rate that appears.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AidItem } from '../../contract/items';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { pageErrors } from './pages';
import type { Served } from './serve';
import { highlighted, ledgerCall, openScreen, pick, popupsClosed, waitForFocus, waitForHighlight } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'keys.sqlite'))] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

/** What a single-choice select shows as chosen. */
function shownIn(page: Page, id: string) {
  return page
    .locator('.ant-select', { has: page.locator(`#${id}`) })
    .locator('.ant-select-content')
    .first()
    .getAttribute('title');
}

describe('pickers and Tab', () => {
  it('takes the matching sector on Tab, and adds a new one only through its offer, confirmed', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await openScreen(page, 'Khoản viện trợ');
    await page.getByTestId('item-new').click();
    await waitForFocus(page, 'item_name');
    await page.keyboard.type('Hỗ trợ sinh kế hộ nghèo Hà Quảng');
    await pick(page, '#item_modality', 'phi du an');

    // Typed without accents, Tab takes the sector it matches and moves on.
    const sector = page.locator('#item_sector');
    await sector.click();
    await sector.fill('giai quyet');
    await waitForHighlight(page, '#item_sector', 'Giải quyết các vấn đề xã hội');
    await sector.press('Tab');
    await waitForFocus(page, 'item_donorId');
    await expect.poll(() => shownIn(page, 'item_sector')).toBe('Giải quyết các vấn đề xã hội');
    await popupsClosed(page);

    // A name that matches none highlights nothing: Tab takes nothing, and no new sector is made by it.
    await sector.click();
    await sector.fill('Nước sạch nông thôn');
    await expect
      .poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').textContent())
      .toContain('+ Thêm lĩnh vực mới "Nước sạch nông thôn"');
    expect(await highlighted(page, '#item_sector')).toBeNull();
    await sector.press('Tab');
    await waitForFocus(page, 'item_donorId');
    await popupsClosed(page);
    expect(await shownIn(page, 'item_sector')).toBe('Giải quyết các vấn đề xã hội');

    // Its offer, reached with ↓ and taken with Enter, asks first; cancelled, nothing changes.
    await sector.click();
    await sector.fill('Nước sạch nông thôn');
    await sector.press('ArrowDown');
    await waitForHighlight(page, '#item_sector', 'Thêm lĩnh vực mới');
    await sector.press('Enter');
    const confirm = page.locator('.ant-modal-confirm');
    await expect.poll(() => confirm.textContent()).toContain('Thêm lĩnh vực mới "Nước sạch nông thôn"?');
    await confirm.getByRole('button', { name: 'Hủy' }).click();
    await confirm.waitFor({ state: 'hidden' });
    expect(await shownIn(page, 'item_sector')).toBe('Giải quyết các vấn đề xã hội');

    await pick(page, '#item_donorId', 'vcf');
    await page.locator('#item_name').press('Enter');
    await page.locator('#item_name').waitFor({ state: 'hidden' });
    const saved = (await ledgerCall<AidItem[]>(page, 'items.list', { text: 'sinh ke ho ngheo' }))[0]!;
    expect(saved.sector).toBe('social');
    expect(await ledgerCall<string[]>(page, 'items.sectors', {})).not.toContain('giai quyet');
    await page.keyboard.press('Escape');
    await popupsClosed(page);
  });

  it('adds a new sector when its offer is chosen and confirmed', async () => {
    await page.getByTestId('item-new').click();
    await waitForFocus(page, 'item_name');
    await page.keyboard.type('Giếng khoan xã Lý Bôn');
    await pick(page, '#item_modality', 'du an');
    const sector = page.locator('#item_sector');
    await sector.click();
    await sector.fill('Nước sạch nông thôn');
    await sector.press('ArrowDown');
    await waitForHighlight(page, '#item_sector', 'Thêm lĩnh vực mới');
    await sector.press('Enter');
    const confirm = page.locator('.ant-modal-confirm');
    await confirm.getByRole('button', { name: 'Thêm lĩnh vực' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await expect.poll(() => shownIn(page, 'item_sector')).toBe('Nước sạch nông thôn');
    await pick(page, '#item_donorId', 'vcf');
    await page.locator('#item_name').press('Enter');
    await page.locator('#item_name').waitFor({ state: 'hidden' });
    const saved = (await ledgerCall<AidItem[]>(page, 'items.list', { text: 'gieng khoan' }))[0]!;
    expect(saved.sector).toBe('Nước sạch nông thôn');
    await page.keyboard.press('Escape');
    await popupsClosed(page);
  });

  it('leads Tab from a foreign currency to the rate that appears for it', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await openScreen(page, 'Sổ cam kết');
    await page.getByTestId('new-pledge').click();
    await waitForFocus(page, 'pledge_pledgeDate');
    const currency = page.locator('#pledge_currency');
    await currency.click();
    await currency.fill('USD');
    await waitForHighlight(page, '#pledge_currency', 'USD');
    await currency.press('Tab');
    await waitForFocus(page, 'pledge_rate');
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('Esc in a form', () => {
  it('closes a form with nothing typed, and asks before discarding one typed into', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await openScreen(page, 'Sổ cam kết');
    const description = page.locator('#pledge_description');
    await page.getByTestId('new-pledge').click();
    await waitForFocus(page, 'pledge_pledgeDate');
    await page.keyboard.press('Escape');
    await description.waitFor({ state: 'hidden' });

    await page.getByTestId('new-pledge').click();
    await waitForFocus(page, 'pledge_pledgeDate');
    await description.fill('Xây 5 phòng học trường tiểu học');
    const confirm = page.locator('.ant-modal-confirm');
    // Esc asks; Esc again goes back to the form, with what was typed.
    await description.press('Escape');
    await expect.poll(() => confirm.textContent()).toContain('Bỏ những gì đã nhập?');
    await page.keyboard.press('Escape');
    await confirm.waitFor({ state: 'hidden' });
    expect(await description.inputValue()).toBe('Xây 5 phòng học trường tiểu học');
    await description.press('Escape');
    await confirm.getByRole('button', { name: 'Bỏ thay đổi' }).click();
    await description.waitFor({ state: 'hidden' });
    expect(pageErrors(page)).toEqual([]);
  });
});

describe("the report's period lists", () => {
  it('take typing: "2022" and Enter chooses 2022, "3" and Enter the third quarter', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await openScreen(page, 'Báo cáo');
    const chosen = (label: string) =>
      page
        .locator('.ant-select', { has: page.getByRole('combobox', { name: label, exact: true }) })
        .locator('.ant-select-content')
        .first()
        .getAttribute('title');
    await page.getByRole('combobox', { name: 'Năm', exact: true }).focus();
    await page.keyboard.type('2022');
    await waitForHighlight(page, 'input[aria-label="Năm"]', '2022');
    await page.keyboard.press('Enter');
    await expect.poll(() => chosen('Năm')).toBe('2022');
    await page.getByRole('combobox', { name: 'Quý', exact: true }).focus();
    await page.keyboard.type('3');
    await waitForHighlight(page, 'input[aria-label="Quý"]', 'Quý III');
    await page.keyboard.press('Enter');
    await expect.poll(() => chosen('Quý')).toBe('Quý III');
    expect(pageErrors(page)).toEqual([]);
  });
});
