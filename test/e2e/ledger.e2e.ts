/** End to end: the real UI in Debian's Chromium over `npm run serve`, on a fresh database with the demo data. */
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, ROOT, tempDir } from '../helpers';
import { launchBrowser, serve, type Served } from './serve';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
let served: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const db = join(dir.dir, 'e2e.sqlite');
  const demo = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'scripts/cli.ts'), 'demo', '--db', db, '--fixture', FIXTURE], { encoding: 'utf8' });
  if (demo.status !== 0) throw new Error(demo.stderr);
  served = await serve(db);
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await served?.stop();
  dir.remove();
});

describe('the ledger page', () => {
  it('shows the app info, the Tzu Chi pledge and the right totals', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(served.url);
    await page.getByTestId('pledges').waitFor();
    expect(await page.getByTestId('app-info').textContent()).toContain('Aid Ledger');

    const tzuHouses = page.getByTestId('pledges').locator('tr', { hasText: 'Hỗ trợ làm nhà cho hộ nghèo' });
    await expect.poll(() => tzuHouses.textContent()).toContain('880.000.000 VND');
    expect(await tzuHouses.textContent()).toContain('Tzu Chi');

    const byDonor = page.getByTestId('totals-donor');
    expect(await byDonor.locator('tr', { hasText: 'Tổ chức Tzu Chi' }).textContent()).toContain('1.880.000.000');
    expect(await byDonor.locator('tr', { hasText: 'The VinaCapital Foundation' }).textContent()).toContain('230.000.000');
    expect(await page.getByTestId('totals-donor-pledged').textContent()).toBe('3.700.000.000');
    expect(await page.getByTestId('totals-kind-pledged').textContent()).toBe('3.700.000.000');
    await page.screenshot({ path: join(SCREENSHOTS, 'ledger-vi.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('searches without accents and switches to English', async () => {
    await page.getByRole('textbox').fill('bao lac');
    await expect.poll(() => page.getByTestId('pledges').locator('tbody tr').count()).toBe(1);
    expect(await page.getByTestId('totals-donor-pledged').textContent()).toBe('880.000.000');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Aid Ledger' }).waitFor();
    await expect.poll(() => page.getByTestId('totals-kind').textContent()).toContain('Houses');
    await page.screenshot({ path: join(SCREENSHOTS, 'ledger-en-search.png'), fullPage: true });
  });
});
