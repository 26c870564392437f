/** A large ledger in the real UI: only the rows in view are in the page, and any row can be scrolled to. */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import type { Served } from './serve';
import { browserApp, cli } from './fixture';

const ROWS = 30_000;
const dir = tempDir();
const app = browserApp(dir, {
  ledgers: (folder) => {
    const db = join(folder, 'large.sqlite');
    cli('generate', '--db', db, '--rows', String(ROWS));
    return [db];
  },
});
let served: Served;
let page: Page;
const listCalls: { offset: number; limit: number }[] = [];

beforeAll(() => {
  ({ served, page } = app);
  page.on('request', (request) => {
    if (request.url().endsWith('/api/pledges.list'))
      listCalls.push((JSON.parse(request.postData() ?? '{}') as { page: { offset: number; limit: number } }).page);
  });
});

describe('the ledger table on a large ledger', () => {
  it('shows the first page without loading all rows, and reaches the last row', async () => {
    await page.goto(`${served.url}#pledges`);
    await page.getByTestId('pledge-row').first().waitFor();
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('30.000 cam kết');
    const inDom = await page.locator('[data-testid^="pledge-row"]').count();
    expect(inDom).toBeGreaterThan(10);
    expect(inDom).toBeLessThan(80);

    await page.getByTestId('pledge-rows').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await page.waitForFunction(
      (last) =>
        [...document.querySelectorAll('[data-testid="pledge-row"]')].some(
          (r) => r.getAttribute('aria-rowindex') === String(last),
        ),
      ROWS + 1,
    );
    expect(await page.locator('[data-testid^="pledge-row"]').count()).toBeLessThan(80);
    // Only the pages in view were asked for.
    const rowsAsked = listCalls.reduce((sum, p) => sum + p.limit, 0);
    expect(rowsAsked).toBeLessThan(1_000);
    expect(Math.max(...listCalls.map((p) => p.offset))).toBeGreaterThanOrEqual(ROWS - 200);
  });
});
