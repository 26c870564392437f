/**
 * A saved pledge shows without the app reading again what the save cannot have changed: on the demo ledger, after a
 * pledge is saved from the ledger screen, the row is there, the reads fetched again are those the write declares
 * (contract/refreshes.ts) and no others, the provinces' list is never read, and the dashboard read before the save
 * shows the new total when it is opened again.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatAmount } from '../../contract/money';
import { refreshesAfter } from '../../contract/refreshes';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { settled } from './pages';
import type { Served } from './serve';
import { fillPledgeForm, openScreen, saveWithEnter } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'quick-save.sqlite'))] });
let served: Served;
let page: Page;
/** Every call the page made to the ledger, by method, in order. */
const fetched: string[] = [];

beforeAll(() => {
  ({ served, page } = app);
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/api/')) fetched.push(decodeURIComponent(path.slice('/api/'.length)));
  });
});

const kpi = (name: string) => page.getByTestId(`kpi-${name}`).locator('.ant-statistic-content').textContent();
const vnd = (text: string | null) => Number((text ?? '').replace(/\D/g, ''));

describe('a quick save', () => {
  it('shows the saved row, reads again only what the save changed, and the dashboard follows', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await settled(page);
    const pledgedBefore = vnd(await kpi('pledged'));
    expect(pledgedBefore).toBeGreaterThan(0);

    await openScreen(page, 'Sổ cam kết');
    await page.getByTestId('pledges-screen').waitFor();
    await settled(page);
    await page.getByTestId('new-pledge').click();
    await fillPledgeForm(page, {
      date: '15/09/2022',
      donorSearch: 'tzu chi',
      placeSearch: 'bao lac',
      kind: 'Quà',
      description: 'Quà Trung thu cho trẻ em Bảo Lạc',
      amount: '123.000.000',
    });
    await settled(page);
    const saving = fetched.length;
    await saveWithEnter(page);
    await page.getByTestId('pledge-row').filter({ hasText: 'Quà Trung thu cho trẻ em Bảo Lạc' }).waitFor();
    await settled(page);

    const declared = refreshesAfter('pledges.create');
    expect(declared).not.toBe('all');
    const afterSave = fetched.slice(saving);
    const refetched = afterSave.filter((m) => m !== 'pledges.create');
    expect(afterSave).toContain('pledges.create');
    expect(refetched).toContain('pledges.list');
    expect(refetched).toContain('pledges.summary');
    // Nothing the save cannot have changed is read again: the app, the settings, the places, the provinces.
    expect(refetched.filter((m) => !(declared as readonly string[]).includes(m))).toEqual([]);
    for (const unchanged of ['app.info', 'settings.get', 'places.list', 'places.setup'])
      expect(refetched, unchanged).not.toContain(unchanged);

    // The dashboard's totals, read before the save and not on screen during it, are read again when it opens.
    await openScreen(page, 'Tổng quan');
    await expect.poll(() => kpi('pledged')).toBe(`${formatAmount(pledgedBefore + 123_000_000, 'VND')} VND`);
    // The list of the 34 provinces, only for a ledger choosing its province, was never asked for.
    expect(fetched).toContain('totals');
    expect(fetched).not.toContain('places.setup');
  });
});
