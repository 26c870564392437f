/**
 * Two offices syncing through one folder: each sets the same exchange folder in Cài đặt; the district sends its
 * changes there from the Đồng bộ screen, the province finds them offered, checks and receives them.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PledgeSummary } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { settled } from './pages';
import { introduceServed, servedCall, type Served } from './serve';
import { ledgerCall } from './ui';
import { browserApp, cli, demoLedger } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const exchange = join(dir.dir, 'TraoDoi');
const app = browserApp(dir, {
  ledgers: (folder) => {
    mkdirSync(exchange);
    const provinceDb = join(folder, 'province.sqlite');
    const districtDb = join(folder, 'district.sqlite');
    cli('init', '--db', provinceDb, '--site', 'Sở Ngoại vụ Cao Bằng', '--role', 'province');
    cli('init', '--db', districtDb, '--site', 'Huyện Bảo Lạc', '--role', 'district', '--place', 'Bảo Lạc');
    return [demoLedger(districtDb), provinceDb];
  },
});
let district: Served;
let province: Served;
let page: Page;

beforeAll(async () => {
  [district, province] = app.servedAll as [Served, Served];
  page = app.page;
  // The offices know each other (cards and codes). The demo's pledges lie all over the province: its whole area is the
  // district's place.
  const places = await servedCall<{ id: string; level: string }[]>(province, 'places.list', {});
  await introduceServed(province, district, {
    role: 'district',
    placeId: places.find((p) => p.level === 'province')!.id,
  });
});

/** Sets the exchange folder on the Cài đặt screen, from the keyboard. */
async function setFolder(served: Served) {
  await page.goto(`${served.url}#settings`);
  await page.getByTestId('settings-screen').waitFor();
  await page.locator('#settings_exchangeFolder').fill(exchange);
  await page.locator('#settings_exchangeFolder').press('Enter');
  await expect
    .poll(async () => (await ledgerCall<{ exchangeFolder: string }>(page, 'settings.get', {})).exchangeFolder)
    .toBe(exchange);
}

describe('an exchange folder', () => {
  it("carries a district office's changes to the province through the Đồng bộ screens", async () => {
    await setFolder(district);
    await page.goto(`${district.url}#sync`);
    await expect.poll(() => page.getByTestId('exchange-state').textContent()).toContain('chưa gửi');
    await page.getByTestId('exchange-send').click();
    await expect.poll(() => readdirSync(exchange).filter((f) => f.endsWith('.aidledger')).length).toBe(1);
    await expect.poll(() => page.getByTestId('exchange-state').textContent()).toContain('Không có thay đổi');

    await setFolder(province);
    await page.goto(`${province.url}#sync`);
    await expect.poll(() => page.getByTestId('exchange-offered').textContent()).toContain('Huyen-Bao-Lac');
    await page.getByTestId('exchange-check').click();
    await expect.poll(() => page.getByTestId('exchange-checked').textContent()).toContain('Huyen-Bao-Lac');
    expect((await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).count).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'sync-exchange-folder.png'), fullPage: true });
    await page.getByTestId('exchange-receive').click();
    await expect
      .poll(async () => (await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).pledgedVnd)
      .toBe(3_700_000_000);
    await settled(page);
    await expect.poll(() => page.getByTestId('exchange-offered').textContent()).toContain('Không có gói mới');
    await expect.poll(() => page.getByTestId('exchange-offices').textContent()).toContain('Huyện Bảo Lạc');
  });
});
