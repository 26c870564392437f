/** The sync screen: a bundle made at a district, merged at the province with its preview, and the totals that follow. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgeSummary } from '../../contract';
import { FIXTURE, ROOT, tempDir } from '../helpers';
import { launchBrowser, serve, type Served } from './serve';
import { ledgerCall } from './ui';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const cli = (...args: string[]) => {
  const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/cli.ts'), ...args], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(run.stderr);
};
let district: Served;
let province: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const districtDb = join(dir.dir, 'district.sqlite');
  const provinceDb = join(dir.dir, 'province.sqlite');
  cli('init', '--db', provinceDb, '--site', 'Sở Ngoại vụ Cao Bằng', '--role', 'province');
  cli('init', '--db', districtDb, '--site', 'Huyện Bảo Lạc', '--role', 'district', '--place', 'Bảo Lạc');
  cli('demo', '--db', districtDb, '--fixture', FIXTURE);
  district = await serve(districtDb);
  province = await serve(provinceDb);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
});

afterAll(async () => {
  await browser?.close();
  await district?.stop();
  await province?.stop();
  dir.remove();
});

describe('the sync screen', () => {
  it('exports at the district and merges at the province, with a preview', async () => {
    await page.goto(`${district.url}#sync`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sync-export').click()]);
    const bundle = join(dir.dir, download.suggestedFilename());
    expect(bundle).toMatch(/\.aidledger$/);
    await download.saveAs(bundle);
    await expect.poll(() => page.getByTestId('sync-log').textContent()).toContain('Gửi');

    await page.goto(`${province.url}#sync`);
    await page.getByTestId('sync-screen').locator('input[type=file]').setInputFiles(bundle);
    await expect.poll(() => page.getByTestId('sync-preview').textContent()).toContain('thêm 13');
    expect((await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).count).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'sync.png') });
    await page.getByTestId('sync-apply').click();
    await expect.poll(async () => (await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).pledgedVnd).toBe(3_700_000_000);
    await expect.poll(() => page.getByTestId('sync-log').textContent()).toContain('Huyện Bảo Lạc');
  });
});
