/**
 * The first start of a new ledger: the province is chosen once, so it is asked again in words before it is made —
 * Enter after Enter goes back to the choice, never commits it — in either language, the language switch within the
 * dialog. Then Cài đặt of that Tuyên Quang ledger names its province and offers its own office as the example.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PlacesSetup } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { browserApp } from './fixture';
import type { Served } from './serve';
import { ledgerCall, openScreen, pick, waitForFocus } from './ui';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, { serve: { province: null } });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

const chosen = async () => (await ledgerCall<PlacesSetup>(page, 'places.setup', {})).province;

describe('the first start', () => {
  it('asks to confirm the province in words, in either language, and two Enters do not commit it', async () => {
    await page.goto(served.url);
    const dialog = page.locator('.ant-modal', { hasText: 'Văn phòng phục vụ tỉnh, thành phố nào?' });
    await dialog.waitFor();
    await waitForFocus(page, 'province_province');

    // The language switch is in the dialog, not behind it.
    await dialog.getByTestId('province-language').click();
    await page.locator('.ant-modal', { hasText: 'Which province does this office serve?' }).waitFor();
    await pick(page, '#province_province', 'tuyen quang');
    await page.keyboard.press('Enter');
    const question = page.getByTestId('province-question');
    await expect
      .poll(() => question.textContent())
      .toBe('The ledger will belong to Tỉnh Tuyên Quang; this cannot be changed later. Confirm?');
    await page.screenshot({ path: join(SCREENSHOTS, 'first-run-confirm-en.png') });
    // The second Enter is on "Choose again": back to the choice, nothing made.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Choose again');
    await page.keyboard.press('Enter');
    await expect.poll(() => question.count()).toBe(0);
    await waitForFocus(page, 'province_province');
    expect(await chosen()).toBeNull();

    await page.getByTestId('province-language').click();
    await page.locator('.ant-modal', { hasText: 'Văn phòng phục vụ tỉnh, thành phố nào?' }).waitFor();
    await page.locator('#province_province').focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => question.textContent())
      .toBe('Sổ sẽ thuộc Tỉnh Tuyên Quang; không đổi được sau này. Xác nhận?');
    await page.screenshot({ path: join(SCREENSHOTS, 'first-run-confirm-vi.png') });
    await page.keyboard.press('Enter');
    await expect.poll(() => question.count()).toBe(0);
    expect(await chosen()).toBeNull();

    // Confirmed: the ledger is Tuyên Quang's.
    await page.keyboard.press('Enter');
    await question.waitFor();
    await page.getByTestId('province-confirm').click();
    await expect.poll(() => page.locator('.ant-modal:visible').count(), { timeout: 60_000 }).toBe(0);
    expect(await chosen()).toBe('08');
  });

  it('shows the ledger’s province in Cài đặt, and its own office as the example department name', async () => {
    await openScreen(page, 'Cài đặt');
    const screen = page.getByTestId('settings-screen');
    await expect.poll(() => page.getByTestId('settings-province').textContent()).toBe('Tỉnh Tuyên Quang');
    const department = screen.getByLabel('Tên cơ quan (in trên báo cáo)');
    expect(await department.getAttribute('placeholder')).toBe('Ví dụ: VĂN PHÒNG UBND TỈNH TUYÊN QUANG');
    const texts = [
      await screen.textContent(),
      ...(await screen
        .locator('input, textarea')
        .evaluateAll((fields) => fields.map((f) => f.getAttribute('placeholder') ?? ''))),
    ].join('\n');
    expect(texts).not.toMatch(/cao bằng/i);
    expect(texts).toContain('UBND TỈNH TUYÊN QUANG');
    await page.screenshot({ path: join(SCREENSHOTS, 'settings-tuyen-quang.png') });
  });
});
