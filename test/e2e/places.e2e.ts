/**
 * Places as an officer meets them after the 2025 reform, at 1366×768: the province asked at the first start (keyboard
 * only), the tree of current and former units, the place picker on a national ledger answering each keystroke, and the
 * dashboard in today's units.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Place, PlacesSetup, TotalsResult } from '../../contract';
import { FIXTURE, ROOT, tempDir } from '../helpers';
import { newPage, settled } from './pages';
import { serve, type Served } from './serve';
import { ledgerCall, popupsClosed, waitForFocus, waitForHighlight } from './ui';
import { browserApp, cli } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
let browser: Browser;

// Chromium alone: each scenario serves its own ledger and opens its own page.
const app = browserApp(dir, { ledgers: () => [], pages: [] });

beforeAll(() => {
  browser = app.browser;
  mkdirSync(SCREENSHOTS, { recursive: true });
});

/** A ledger served for one scenario, and a page on it; both closed after. */
async function withApp(
  db: string,
  options: Parameters<typeof serve>[1],
  run: (page: Page, served: Served) => Promise<void>,
) {
  const served = await serve(db, options);
  const page = await newPage(browser);
  try {
    await run(page, served);
  } finally {
    await page.close();
    await served.stop();
  }
}

describe('places', () => {
  it('asks the province at the first start, keyboard only, and the ledger then knows its units and those merged into it', async () => {
    await withApp(join(dir.dir, 'tuyen-quang.sqlite'), { province: null }, async (page, served) => {
      await page.goto(served.url);
      await waitForFocus(page, 'province_province');
      await page.screenshot({ path: join(SCREENSHOTS, 'province-chooser.png') });
      // Accents optional; a former province finds the one it joined, named beside it.
      await page.keyboard.type('ha giang');
      await waitForHighlight(page, '#province_province', 'Tỉnh Tuyên Quang — gồm tỉnh Hà Giang cũ');
      await page.screenshot({ path: join(SCREENSHOTS, 'province-chooser-former.png') });
      await page.keyboard.press('Enter');
      await popupsClosed(page);
      // Enter on the chosen province asks to confirm it, "Chọn lại" in focus; Tab and Enter confirm it.
      await page.keyboard.press('Enter');
      await page.getByTestId('province-question').waitFor();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Chọn lại');
      await page.keyboard.press('Tab');
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Xác nhận');
      await page.keyboard.press('Enter');
      await page.locator('.ant-modal:visible').waitFor({ state: 'detached', timeout: 60_000 });
      await page.getByTestId('dashboard').waitFor();
      const setup = await ledgerCall<PlacesSetup>(page, 'places.setup', {});
      expect(setup).toMatchObject({ province: '08', hasPlaces: true });
      const places = await ledgerCall<Place[]>(page, 'places.list', {});
      expect(places.find((p) => p.displayName === 'Tỉnh Hà Giang')).toMatchObject({ validTo: '2025-06-30' });
      expect(places.filter((p) => p.level === 'province' && p.validTo === null).map((p) => p.displayName)).toEqual([
        'Tỉnh Tuyên Quang',
      ]);
      // Asked once: the next start goes straight to the dashboard.
      await page.reload();
      await page.getByTestId('dashboard').waitFor();
      expect(await page.locator('#province_province').count()).toBe(0);
    });
  });

  it("shows the units with their types, and the dashboard in today's units", async () => {
    const db = join(dir.dir, 'cao-bang.sqlite');
    cli('init', '--db', db);
    cli('demo', '--db', db, '--fixture', FIXTURE);
    await withApp(db, {}, async (page, served) => {
      await page.goto(`${served.url}#places`);
      await page.getByTestId('places-screen').waitFor();
      await expect.poll(() => page.getByTestId('places-screen').textContent()).toContain('Tỉnh Cao Bằng');
      await page.screenshot({ path: join(SCREENSHOTS, 'places-tree.png') });
      // Searched accents aside: the commune, the former district and the former town share a name, told apart by type.
      await page.getByTestId('places-search').locator('input').fill('bao lac');
      for (const name of ['Xã Bảo Lạc', 'Huyện Bảo Lạc', 'Thị trấn Bảo Lạc'])
        await expect.poll(() => page.getByTestId('places-screen').textContent()).toContain(name);
      await page.screenshot({ path: join(SCREENSHOTS, 'places-search.png') });

      // A pledge recorded in 2022 at a former commune, one in 2026 at the commune it became.
      const places = await ledgerCall<Place[]>(page, 'places.list', {});
      const unit = (name: string) => places.find((p) => p.displayName === name)!;
      const donor = await ledgerCall<{ id: string }>(page, 'donors.create', {
        name: 'Quỹ Hồng Trị',
        kind: 'foundation',
      });
      for (const [place, pledgeDate, amountMinor] of [
        ['Xã Hồng Trị', '2022-07-07', 900_000_000_000],
        ['Xã Bảo Lạc', '2026-02-01', 100_000_000_000],
      ] as const) {
        await ledgerCall(page, 'pledges.create', {
          donorId: donor.id,
          placeId: unit(place).id,
          kind: 'house',
          description: 'Nhà ở',
          amountMinor,
          currency: 'VND',
          pledgeDate,
          status: 'pledged',
        });
      }
      await page.goto(served.url);
      const chart = page.getByTestId('chart-places');
      await chart.locator('.recharts-cartesian-axis-tick-value').first().waitFor();
      const bars = () =>
        chart
          .locator('.recharts-cartesian-axis-tick-value')
          .allTextContents()
          .then((t) => t.join(' | ').replace(/\s+/g, ' '));
      // As recorded, the 2022 pledge is in its former district's bar, marked with the day the district ended.
      expect(await bars()).toContain('Huyện Bảo Lạc(trước 01/07/2025)');
      await page.getByTestId('filter-todays-units').click();
      // Xã Bảo Lạc has a bar as recorded too (its 2026 pledge): the chart is in today's units once Xã Bảo Lạc's bar,
      // with Hồng Trị's 2022 pledge, is the tallest, so that is what is waited for (waiting for Xã Bảo Lạc alone read
      // the chart before it changed).
      await expect
        .poll(() => chart.locator('.recharts-cartesian-axis-tick-value').first().textContent())
        .toBe('Xã Bảo Lạc');
      // The bars have grown to their height (the charts animate): the same shapes two frames apart.
      await expect
        .poll(() =>
          page.evaluate(async () => {
            const shapes = () =>
              [...document.querySelectorAll('[data-testid="chart-places"] .recharts-bar-rectangle path')]
                .map((p) => p.getAttribute('d'))
                .join();
            const first = shapes();
            await new Promise((resolve) => setTimeout(resolve, 100));
            return first === shapes() && first.length > 0;
          }),
        )
        .toBe(true);
      await page.mouse.move(700, 760); // the checkbox's explanation is shown while the pointer rests on it
      await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-todays-units.png') });
      const today = await ledgerCall<TotalsResult>(page, 'totals', {
        by: 'place',
        filter: { unitsOf: '2026-12-04' },
        rollUpUnder: unit('Tỉnh Cao Bằng').id,
      });
      expect(today.groups.find((g) => g.label === 'Xã Bảo Lạc')?.pledged).toBe(1_000_000_000_000);

      // The ledger tells the former commune's pledge from today's commune's by the day the commune ended.
      await page.goto(`${served.url}#pledges`);
      const placeCells = () => page.getByTestId('pledges-screen').locator('.ledger-row .cell-place').allTextContents();
      await expect.poll(placeCells).toContain('Xã Hồng Trị (trước 01/07/2025)');
      expect(await placeCells()).toContain('Xã Bảo Lạc');
      await page.screenshot({ path: join(SCREENSHOTS, 'ledger-former-unit.png') });
      // So does the place picker: a former unit is listed with its mark beside today's of the same name.
      await page.keyboard.press('Alt+n');
      await waitForFocus(page, 'pledge_pledgeDate');
      await page.locator('#pledge_placeId').click();
      await page.keyboard.type('bao lac');
      const options = () =>
        page.locator('.ant-select-dropdown').last().locator('.ant-select-item-option').allTextContents();
      await expect.poll(options).toContain('Xã Bảo Lạc · Tỉnh Cao Bằng');
      expect(await options()).toContain('Huyện Bảo Lạc (trước 01/07/2025) · Tỉnh Cao Bằng');
      await page.screenshot({ path: join(SCREENSHOTS, 'picker-former-unit.png') });
    });
  });

  it('answers each keystroke in the place picker in the page, handing the list at most 200 of its matches, on a ledger of the whole country', async () => {
    const db = join(dir.dir, 'national.sqlite');
    cli('init', '--db', db, '--province', 'all');
    await withApp(db, { province: null }, async (page, served) => {
      // The app reads the ledger's settings once it has opened (its language): typing starts after that, and after
      // every call it set off, so the calls counted below are those the typing makes.
      const settingsRead = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/settings.get');
      await page.goto(served.url);
      await page.getByTestId('dashboard').waitFor();
      await settingsRead;
      await settled(page);
      await page.keyboard.press('Alt+n');
      await waitForFocus(page, 'pledge_pledgeDate');
      await page.locator('#pledge_placeId').click();
      await page.locator('.ant-select-dropdown').last().waitFor();
      // Time in the page from each key until the list has answered it and the page is free to paint it: the first
      // task after the key's events, by then the list's update has been rendered into the page.
      await page.evaluate(() => {
        const w = window as unknown as { keyTimes: number[] };
        w.keyTimes = [];
        document.addEventListener(
          'keydown',
          (event) => {
            if (event.key.length !== 1) return;
            const start = performance.now();
            document.addEventListener('input', () => setTimeout(() => w.keyTimes.push(performance.now() - start), 0), {
              once: true,
            });
          },
          true,
        );
      });
      // Ledger calls made while typing: none, the units are matched in the page. Counted in the page as they are made
      // (the browser's request events can arrive late, naming calls the dashboard made before the typing began).
      await page.evaluate(() => {
        const w = window as unknown as { ledgerCalls: string[] };
        w.ledgerCalls = [];
        const send = window.fetch.bind(window);
        window.fetch = (input, init) => {
          const url = String(input instanceof Request ? input.url : input);
          if (new URL(url, location.href).pathname.startsWith('/api/')) w.ledgerCalls.push(url);
          return send(input, init);
        };
      });
      const typed = 'phuong ba dinh';
      for (let i = 0; i < typed.length; i++) {
        await page.keyboard.type(typed[i]!);
        await expect
          .poll(() => page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes.length))
          .toBe(i + 1);
        // What keeps a keystroke quick whatever the machine's load: however many units match (after "p", thousands),
        // at most 200 are handed to the list (its height in rows), and it puts in the page only the rows that fit in
        // its window.
        const list = await page
          .locator('.ant-select-dropdown')
          .last()
          .evaluate((dropdown) => {
            const options = dropdown.querySelectorAll('.ant-select-item-option');
            // The list's inner box is as tall as every row handed to it (only those in its window are in the page).
            const all = dropdown.querySelector('.ant-select-dropdown-list-holder-inner')?.parentElement;
            const row = options[0]?.getBoundingClientRect().height;
            return { inPage: options.length, handed: row && all ? all.getBoundingClientRect().height / row : 0 };
          });
        expect(list.inPage, typed.slice(0, i + 1)).toBeLessThanOrEqual(30);
        expect(list.handed, typed.slice(0, i + 1)).toBeGreaterThan(0);
        expect(list.handed, typed.slice(0, i + 1)).toBeLessThanOrEqual(200);
      }
      await waitForHighlight(page, '#pledge_placeId', 'Phường Ba Đình');
      expect(await page.evaluate(() => (window as unknown as { ledgerCalls: string[] }).ledgerCalls)).toEqual([]);
      const times = await page.evaluate(() => (window as unknown as { keyTimes: number[] }).keyTimes);
      const sorted = [...times].sort((a, b) => a - b);
      const median = sorted[Math.floor(sorted.length / 2)]!;
      // Printed to follow the figure (50 ms is the aim on an office PC, about 19 ms here when the machine is idle); the
      // bounds above are what keep it so, and do not vary with the machine's load.
      console.log(
        `place picker, ${(await ledgerCall<Place[]>(page, 'places.list', {})).length} units: per keystroke median ${median.toFixed(1)} ms, slowest ${sorted.at(-1)!.toFixed(1)} ms`,
      );
      expect(times).toHaveLength('phuong ba dinh'.length);
    });
  });
});
