/**
 * The dashboard's tiles before its charts, on the demo ledger at 1366×768: the tiles show their figures while the
 * sums the charts need are still unanswered, and nothing on the screen moves while the charts are drawn (each chart's
 * card has its final size from its first frame, the tiles keep their place).
 */
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TotalsResult } from '../../contract';
import { formatAmount } from '../../contract/money';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { pageErrors, settled } from './pages';
import type { Served } from './serve';
import { ledgerCall, openScreen } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'dashboard-first.sqlite'))] });
let served: Served;
let page: Page;
/** The amount pledged on the demo ledger as its tile writes it, and the donors with pledges. */
let pledged: string;
let donors: string;

const CHARTS = ['chart-places', 'chart-donors', 'chart-kinds', 'chart-quarters'];

beforeAll(async () => {
  ({ served, page } = app);
  await page.goto(served.url);
  await page.getByTestId('dashboard').waitFor();
  const totals = await ledgerCall<TotalsResult>(page, 'totals', { by: 'kind', filter: {}, in: 'VND', lang: 'vi' });
  pledged = `${formatAmount(totals.total.pledged, 'VND', 'vi')} VND`;
  const byDonor = await ledgerCall<TotalsResult>(page, 'totals', { by: 'donor', filter: {}, in: 'VND', lang: 'vi' });
  donors = String(byDonor.groups.length);
});

const tile = () => page.getByTestId('kpi-pledged').locator('.ant-statistic-content').textContent();

describe('the dashboard’s tiles', () => {
  it('show their figures while the sums by place and by quarter are still unanswered', async () => {
    // The sums the charts alone need are held until released: the tiles cannot be waiting for them.
    let release = () => {};
    const released = new Promise<void>((done) => (release = done));
    const answering: Promise<void>[] = [];
    const held = (route: Route) => {
      const by = (route.request().postDataJSON() as { by?: string }).by;
      const answer = (by === 'place' || by === 'quarter' ? released : Promise.resolve()).then(() => route.continue());
      answering.push(answer);
      return answer;
    };
    await page.route('**/api/totals', held);
    try {
      await page.goto('about:blank');
      await page.goto(`${served.url}#dashboard`);
      await expect.poll(tile).toBe(pledged);
      expect(await page.getByTestId('kpi-donors').locator('.ant-statistic-content').textContent()).toBe(donors);
      expect(await page.getByTestId('dashboard').locator('.recharts-wrapper').count()).toBe(0);
      expect(await page.getByTestId('dashboard-charts').count()).toBe(0);
    } finally {
      release();
      await Promise.all(answering);
      await page.unroute('**/api/totals', held);
    }
    for (const chart of CHARTS) await page.getByTestId(chart).locator('.recharts-wrapper').waitFor();
    expect(await tile()).toBe(pledged);
    expect(pageErrors(page)).toEqual([]);
  });

  it('keep their place, and each chart’s card its size, from their first frame until the charts are drawn', async () => {
    await page.goto('about:blank');
    await page.goto(`${served.url}#pledges`);
    await page.getByTestId('pledge-row').first().waitFor();
    await settled(page);
    // Every change of the document from the dashboard's opening on: where the tiles are, how tall each chart's card is.
    await page.evaluate((charts) => {
      const seen: { tilesTop: number[]; heights: Record<string, number[]> } = { tilesTop: [], heights: {} };
      (window as unknown as { __seen: typeof seen }).__seen = seen;
      const note = () => {
        const tiles = document.querySelector('[data-testid="kpis"]');
        if (tiles) seen.tilesTop.push(Math.round(tiles.getBoundingClientRect().top));
        for (const chart of charts) {
          const card = document.querySelector(`[data-testid="${chart}"]`);
          if (!card) continue;
          seen.heights[chart] = [...(seen.heights[chart] ?? []), Math.round(card.getBoundingClientRect().height)];
        }
      };
      new MutationObserver(note).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    }, CHARTS);
    await openScreen(page, 'Tổng quan');
    for (const chart of CHARTS) await page.getByTestId(chart).locator('.recharts-wrapper svg').first().waitFor();
    await expect.poll(() => page.getByTestId('dashboard-charts').getAttribute('data-drawn')).toBe('yes');
    await settled(page);
    const seen = await page.evaluate(
      () => (window as unknown as { __seen: { tilesTop: number[]; heights: Record<string, number[]> } }).__seen,
    );
    expect(await tile()).toBe(pledged);
    expect(new Set(seen.tilesTop).size, JSON.stringify(seen.tilesTop)).toBe(1);
    for (const chart of CHARTS) {
      const final = Math.round((await page.getByTestId(chart).boundingBox())!.height);
      expect([...new Set(seen.heights[chart])], chart).toEqual([final]);
    }
    expect(pageErrors(page)).toEqual([]);
  });
});
