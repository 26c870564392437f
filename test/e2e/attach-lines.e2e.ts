/**
 * "Gắn dòng cam kết" on the Cao Bằng demo, by keyboard only: it opens in its search box, offers the item donor's own
 * lines of no item (every donor's behind a switch), narrows to what is typed without accents, and the arrows, Space
 * and Enter attach the line reached.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Place, PledgeList } from '../../contract';
import type { AidItem } from '../../contract/items';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { pageErrors } from './pages';
import type { Served } from './serve';
import { ledgerCall, openScreen } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'attach-lines.sqlite'))] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

const rows = () => page.getByTestId('attach-lines').locator('tbody tr.ant-table-row');
const rowTexts = () => rows().allTextContents();

describe('attaching pledge lines to an aid item', () => {
  it('searches the donor’s own lines without accents and attaches one with arrows, Space and Enter', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const item = (await ledgerCall<AidItem[]>(page, 'items.list', {}))[0]!;
    const other = (await ledgerCall<{ id: string }[]>(page, 'donors.list', {})).find((d) => d.id !== item.donorId)!;
    const place = (await ledgerCall<Place[]>(page, 'places.list', { validOn: '2026-03-01' })).find(
      (p) => p.displayName === 'Xã Bảo Lạc',
    )!;
    const line = (donorId: string, description: string) =>
      ledgerCall(page, 'pledges.create', {
        donorId,
        placeId: place.id,
        kind: 'project',
        description,
        amountMinor: 150_000_000,
        currency: 'VND',
        pledgeDate: '2026-03-20',
      });
    await line(item.donorId, 'Bể nước trường tiểu học');
    await line(item.donorId, 'Sửa nhà văn hóa thôn');
    await line(other.id, 'Bể nước sinh hoạt tập trung');
    const own = await ledgerCall<PledgeList>(page, 'pledges.list', {
      filter: { withoutItem: true, donorId: item.donorId },
      page: { offset: 0, limit: 500 },
    });

    await openScreen(page, 'Khoản viện trợ');
    await page.getByTestId('item-row').filter({ hasText: item.name }).click();
    const detail = page.getByTestId('item-detail');
    await detail.getByTestId('item-attach').click();
    // The dialog opens in its search box, on the item donor's own lines only.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('attach-search');
    await expect.poll(() => rows().count()).toBe(own.rows.length);
    expect((await rowTexts()).join('|')).not.toContain('Bể nước sinh hoạt tập trung');

    // Typed without accents, the search narrows to the one line; the arrow reaches it, Space checks it, Enter
    // attaches it.
    await page.keyboard.type('be nuoc bao lac');
    await expect.poll(() => rowTexts()).toEqual([expect.stringContaining('Bể nước trường tiểu học')]);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('attach-ok').textContent()).toContain('Gắn 1 dòng');
    await page.keyboard.press('Enter');
    await page.getByTestId('attach-search').waitFor({ state: 'hidden' });
    await expect.poll(() => detail.getByTestId('item-lines').textContent()).toContain('Bể nước trường tiểu học');
    expect(await detail.getByTestId('item-lines').textContent()).not.toContain('Sửa nhà văn hóa thôn');

    // Every donor's lines behind the switch, reached from the keyboard.
    await detail.getByTestId('item-attach').click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('attach-search');
    await page.keyboard.type('be nuoc');
    await expect.poll(() => rows().count()).toBe(0);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    await expect.poll(() => rowTexts()).toEqual([expect.stringContaining('Bể nước sinh hoạt tập trung')]);
    await page.keyboard.press('Escape');
    await page.getByTestId('attach-search').waitFor({ state: 'hidden' });
    expect(pageErrors(page)).toEqual([]);
  });
});
