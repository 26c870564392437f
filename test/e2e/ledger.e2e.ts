/** The demo ledger in the real UI: `npm run serve` on a fresh database loaded with the Cao Bằng 2022 demo data. */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers';
import { newPage } from './pages';
import type { Served } from './serve';
import { openScreen } from './ui';
import { browserApp, demoLedger } from './fixture';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'demo.sqlite'))] });
let served: Served;
let browser: Browser;
let page: Page;

beforeAll(() => {
  ({ served, browser, page } = app);
});

describe('the demo ledger', () => {
  it('shows the Tzu Chi pledge after its amendment and the right totals', async () => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(served.url);
    await openScreen(page, 'Sổ cam kết');
    const tzuHouses = page.getByTestId('pledge-row').filter({ hasText: 'Hỗ trợ làm nhà cho hộ nghèo' });
    await expect.poll(() => tzuHouses.textContent()).toContain('880.000.000 VND');
    expect(await tzuHouses.textContent()).toContain('Tzu Chi');
    await expect.poll(() => page.getByTestId('totals-pledged').textContent()).toBe('3.700.000.000');
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('7 cam kết');

    await page.getByTestId('filter-text').locator('input').fill('bao lac');
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('1 cam kết');
    expect(await page.getByTestId('totals-pledged').textContent()).toBe('880.000.000');
    expect(errors).toEqual([]);
  });
});

describe('motion', () => {
  it("follows the computer's setting: dialogs open without animating when it asks for reduced motion, animated otherwise", async () => {
    /** The animation phases (antd's `…-appear-active`, `…-enter-active` classes) the pledge dialog went through while opening. */
    const openingAnimations = async (motion: 'reduce' | 'no-preference') => {
      const other = await newPage(browser, { reducedMotion: motion });
      try {
        await other.goto(served.url);
        await other.getByTestId('dashboard').waitFor();
        await other.evaluate(() => {
          const w = window as unknown as { animated: string[] };
          w.animated = [];
          new MutationObserver((changes) => {
            for (const change of changes) {
              const targets = change.type === 'attributes' ? [change.target] : [...change.addedNodes];
              for (const t of targets)
                if (t instanceof Element)
                  w.animated.push(...[...t.classList].filter((c) => /-(appear|enter)-active$/.test(c)));
            }
          }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        });
        await other.keyboard.press('Alt+n');
        await other.locator('#pledge_pledgeDate').waitFor();
        const seen = () => other.evaluate(() => (window as unknown as { animated: string[] }).animated);
        // The active phase is set a frame after the dialog is in the page (later still on a busy machine): animated,
        // it is waited for; without motion, two more frames pass before the list is read, so none is missed.
        if (motion === 'no-preference') await expect.poll(async () => (await seen()).length).toBeGreaterThan(0);
        else
          await other.evaluate(
            () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
          );
        return await seen();
      } finally {
        await other.close();
      }
    };
    expect(await openingAnimations('reduce')).toEqual([]);
    expect((await openingAnimations('no-preference')).length).toBeGreaterThan(0);
  });
});
