/**
 * What the screens show whole at 1366×768, on the demo ledger: the ledger's status tags at its right edge, its cut
 * Nội dung and Địa bàn readable (their title, and in full on the row that has the keyboard), the dashboard's place
 * names above the legend and the today's-units explanation off the heading, the tiles counting by unit what the
 * ledger holds, and no picker's list shown while the pledge form closes on Esc.
 */
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Donor, Place, PledgeList, PledgeRow } from '../../contract';
import { milliToQuantity, quantityToMilli } from '../../contract/money';
import { showQuantity } from '../../renderer/src/format';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { pageErrors, settled } from './pages';
import type { Served } from './serve';
import { discardTyped, ledgerCall, openScreen, pick, popupsClosed, waitForFocus } from './ui';

const dir = tempDir();
const app = browserApp(dir, {
  ledgers: (folder) => [demoLedger(join(folder, 'screens.sqlite'))],
  // The second page animates its lists and dialogs, as a computer that does not ask for less motion does.
  pages: [{}, { reducedMotion: 'no-preference' }],
});
let served: Served;
let page: Page;

const LONG_DESCRIPTION =
  'Hỗ trợ xây dựng nhà văn hóa kết hợp điểm trường mầm non cho thôn Nà Bao, kèm trang thiết bị và sân chơi cho trẻ';

beforeAll(async () => {
  ({ served, page } = app);
  await page.goto(served.url);
  await page.getByTestId('dashboard').waitFor();
  // One pledge half delivered ("Đang thực hiện", the longest status), at the unit of today with the longest name.
  const places = await ledgerCall<Place[]>(page, 'places.list', {});
  const today = places.filter((p) => p.level === 'commune' && p.validTo === null);
  const longest = today.reduce((a, b) => (b.displayName.length > a.displayName.length ? b : a));
  const donors = await ledgerCall<Donor[]>(page, 'donors.list', {});
  const pledge = await ledgerCall<PledgeRow>(page, 'pledges.create', {
    donorId: donors[0]!.id,
    placeId: longest.id,
    kind: 'other',
    description: LONG_DESCRIPTION,
    amountMinor: 300_000_000,
    currency: 'VND',
    pledgeDate: '2025-10-03',
  });
  await ledgerCall(page, 'deliveries.create', {
    pledgeId: pledge.id,
    deliveryDate: '2025-11-20',
    amountMinor: 100_000_000,
  });
  // A unit whose name fills the first of its two slanted lines on the dashboard's axis.
  const province = places.find((p) => p.level === 'province' && p.parentId === null)!;
  const longNamed = await ledgerCall<Place>(page, 'places.create', {
    name: LONG_PLACE,
    unitType: 'Xã',
    level: 'commune',
    parentId: province.id,
    validFrom: '2025-07-01',
  });
  // Enough rows for the list to scroll: its scroll bar takes its width from the columns.
  for (let i = 1; i <= 20; i++) {
    await ledgerCall(page, 'pledges.create', {
      donorId: donors[i % donors.length]!.id,
      placeId: longNamed.id,
      kind: 'gift',
      description: `Quà cho học sinh đợt ${i}`,
      amountMinor: 1_000_000 * i,
      currency: 'VND',
      pledgeDate: '2025-12-01',
    });
  }
});

const LONG_PLACE = 'Minh Khai Phong Nậm Hạ';
const ROWS = 28;

type Box = { x: number; y: number; width: number; height: number };
const box = async (locator: Locator): Promise<Box> => {
  const found = await locator.boundingBox();
  if (!found) throw new Error('not on screen');
  return found;
};
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 0.5 &&
  inner.y >= outer.y - 0.5 &&
  inner.x + inner.width <= outer.x + outer.width + 0.5 &&
  inner.y + inner.height <= outer.y + outer.height + 0.5;
const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const VIEWPORT: Box = { x: 0, y: 0, width: 1366, height: 768 };

/** Switches the app to a language (its switch names the other one). */
async function useLanguage(p: Page, lang: 'vi' | 'en') {
  // The ledger's own language is applied once it has answered.
  await settled(p);
  const other = lang === 'vi' ? 'Tiếng Việt' : 'English';
  const button = p.getByTestId('switch-language');
  if ((await button.textContent()) === other) await button.click();
  await expect.poll(() => button.textContent()).toBe(lang === 'vi' ? 'English' : 'Tiếng Việt');
}

describe('the ledger at its right edge', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`shows every status tag whole, inside its cell and the window (${lang})`, async () => {
      await page.goto(served.url);
      await page.getByTestId('dashboard').waitFor();
      await useLanguage(page, lang);
      await openScreen(page, lang === 'vi' ? 'Sổ cam kết' : 'Pledges');
      await expect.poll(() => page.getByTestId('totals-count').textContent()).toContain(String(ROWS));
      await settled(page);
      const inProgress = lang === 'vi' ? 'Đang thực hiện' : 'In progress';
      await expect.poll(() => page.locator('.cell-status .ant-tag', { hasText: inProgress }).count()).toBe(1);
      const table = await box(page.getByTestId('pledge-table'));
      expect(inside(table, VIEWPORT)).toBe(true);
      // What the list shows: its box less its scroll bar.
      const body = page.getByTestId('pledge-rows');
      expect(await body.evaluate((b) => b.scrollHeight > b.clientHeight)).toBe(true);
      const shownArea = await body.evaluate((b) => {
        const r = b.getBoundingClientRect();
        return { x: r.x + b.clientLeft, y: r.y, width: b.clientWidth, height: b.clientHeight };
      });
      expect(await body.evaluate((b) => b.scrollWidth <= b.clientWidth)).toBe(true);
      // Every column's title whole.
      for (const header of await page.getByRole('columnheader').all())
        expect(await header.evaluate((h) => h.scrollWidth <= h.clientWidth), (await header.textContent()) ?? '').toBe(
          true,
        );
      for (const cell of await page.locator('[data-testid="pledge-row"] .cell-status').all()) {
        const tag = cell.locator('.ant-tag');
        const [tagBox, cellBox] = [await box(tag), await box(cell)];
        const text = await tag.textContent();
        expect(inside(tagBox, cellBox), `${text}: ${JSON.stringify({ tagBox, cellBox })}`).toBe(true);
        // The rows drawn ahead, below the list's edge, are out of sight until scrolled to.
        if (tagBox.y + tagBox.height <= shownArea.y + shownArea.height) {
          expect(inside(tagBox, shownArea), `${text} inside the list's shown area`).toBe(true);
          expect(inside(tagBox, VIEWPORT), `${text} inside the window`).toBe(true);
        }
        // Nothing of the tag is clipped by its cell.
        expect(await cell.evaluate((c) => c.scrollWidth <= c.clientWidth)).toBe(true);
      }
    });
  }

  it('gives cut Nội dung and Địa bàn their whole text: in their title, and in full on the row with the keyboard', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await useLanguage(page, 'vi');
    await openScreen(page, 'Sổ cam kết');
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toContain(String(ROWS));
    const { rows } = await ledgerCall<PledgeList>(page, 'pledges.list', { page: { offset: 0, limit: 100 } });
    const row = page.getByTestId('pledge-row').filter({ hasText: LONG_DESCRIPTION.slice(0, 20) });
    const description = row.locator('.cell-description');
    const place = row.locator('.cell-place');
    const pledge = rows.find((r) => r.description === LONG_DESCRIPTION)!;
    // Cut short in the row…
    expect(await description.evaluate((c) => c.scrollWidth > c.clientWidth)).toBe(true);
    // …and whole in the title, as in every row.
    expect(await description.getAttribute('title')).toBe(LONG_DESCRIPTION);
    expect(await place.getAttribute('title')).toContain(pledge.placeName);
    for (const cell of await page.locator('[data-testid="pledge-row"] .cell-description').all()) {
      const text = await cell.textContent();
      expect(rows.map((r) => r.description)).toContain(await cell.getAttribute('title'));
      expect(await cell.getAttribute('title')).toBe(text);
    }
    // The row with the keyboard opens both cells in full, over the rows below, inside the window.
    await row.focus();
    await expect.poll(() => description.evaluate((c) => c.scrollWidth <= c.clientWidth)).toBe(true);
    expect(await place.evaluate((c) => c.scrollWidth <= c.clientWidth)).toBe(true);
    const shown = await box(description);
    expect(shown.height).toBeGreaterThan(32);
    expect(inside(shown, VIEWPORT)).toBe(true);
    // The other cells stay on the row's line.
    const [dateBox, rowBox] = [await box(row.locator('.cell-date')), await box(row)];
    expect(inside(dateBox, rowBox)).toBe(true);
    // Its detail reads them whole too.
    await row.press('Enter');
    await expect.poll(() => page.getByTestId('pledge-detail').textContent()).toContain(LONG_DESCRIPTION);
    expect(await page.getByTestId('pledge-detail').textContent()).toContain(pledge.placeName);
    await page.keyboard.press('Escape');
  });
});

/** Each tile's text for a kind, worked out from the ledger's pledges read one by one (what they count, by unit). */
function kindTile(rows: PledgeRow[], kind: string): { value: string; note: string } {
  const mine = rows.filter((r) => r.kind === kind && r.status !== 'cancelled');
  const units = new Map<string, { unit: string; milli: number; n: number }>();
  for (const r of mine.filter((r) => r.quantity !== null)) {
    const key = (r.unit ?? '').trim().toLowerCase();
    const known = units.get(key) ?? { unit: (r.unit ?? '').trim(), milli: 0, n: 0 };
    known.milli += quantityToMilli(r.quantity!);
    known.n++;
    units.set(key, known);
  }
  const list = [...units.values()].sort((a, b) => b.n - a.n || a.unit.localeCompare(b.unit, 'vi'));
  const without = mine.length - list.reduce((n, u) => n + u.n, 0);
  if (!list.length) return { value: `${mine.length} cam kết`, note: 'các cam kết không ghi số lượng' };
  return {
    value: list.map((u) => `${showQuantity(milliToQuantity(u.milli), 'vi')} ${u.unit}`).join(' · '),
    note: `${mine.length} cam kết${without ? ` · ${without} không ghi số lượng` : ''}`,
  };
}

describe('the dashboard', () => {
  it('counts each kind by unit and its pledges, as the ledger holds them, and says what the donor figures count', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await useLanguage(page, 'vi');
    const { rows } = await ledgerCall<PledgeList>(page, 'pledges.list', { page: { offset: 0, limit: 100 } });
    for (const [tile, kind] of [
      ['houses', 'house'],
      ['gifts', 'gift'],
      ['scholarships', 'scholarship'],
    ] as const) {
      const want = kindTile(rows, kind);
      await expect
        .poll(() => page.getByTestId(`kpi-${tile}`).locator('.ant-statistic-content').textContent())
        .toBe(want.value);
      expect(await page.getByTestId(`kpi-${tile}-note`).textContent()).toBe(want.note);
    }
    // On the demo: houses in căn and households in hộ apart; scholarships, with no quantity, by their pledges.
    expect(await page.getByTestId('kpi-houses').textContent()).toContain('12 căn · 20 hộ');
    expect(await page.getByTestId('kpi-scholarships').textContent()).toContain('2 cam kết');
    // The two donor figures say what each counts, beneath and on hover, in both languages.
    expect(await page.getByTestId('kpi-donors-note').textContent()).toBe('có cam kết trong phạm vi đã lọc');
    expect(await page.getByTestId('kpi-donors-help').getAttribute('title')).toContain('ít nhất một cam kết');
    expect(await page.getByTestId('kpi-item-donors-note').textContent()).toBe('đứng tên khoản viện trợ, mọi thời gian');
    expect(await page.getByTestId('kpi-item-donors-help').getAttribute('title')).toContain('khoản viện trợ');
    await useLanguage(page, 'en');
    await expect.poll(() => page.getByTestId('kpi-donors-note').textContent()).toBe('with pledges in the filter');
    expect(await page.getByTestId('kpi-item-donors-note').textContent()).toBe('named on aid items, all time');
    expect(await page.getByTestId('kpi-houses').textContent()).toContain('3 pledges');
    await useLanguage(page, 'vi');
  });

  for (const todays of [false, true]) {
    it(`writes every place name whole, above the legend${todays ? ', in today’s units' : ''}`, async () => {
      await page.goto(served.url);
      await page.getByTestId('dashboard').waitFor();
      await useLanguage(page, 'vi');
      if (todays) await page.getByTestId('filter-todays-units').click();
      const chart = page.getByTestId('chart-places');
      // The place names: slanted (Recharts draws tick labels in a layer of their own).
      const names = chart.locator('g[transform*="rotate(-"] > text');
      await expect.poll(() => names.count()).toBe(4);
      await settled(page);
      const svg = await box(chart.locator('.recharts-wrapper > svg'));
      const legend = await box(chart.locator('.recharts-legend-wrapper'));
      for (const tick of await names.all()) {
        const tickBox = await box(tick);
        const name = await tick.textContent();
        expect(inside(tickBox, svg), `${name} inside the chart`).toBe(true);
        expect(tickBox.y + tickBox.height, `${name} above the legend`).toBeLessThanOrEqual(legend.y);
      }
      // The former unit's name ends in its date, whole.
      const written = (await names.allTextContents()).join(' ');
      expect(written).toMatch(/\((trước 01\/07\/2025|đơn vị cũ)\)/);
      expect(written).toContain('Minh Khai Phong Nậm');
      if (todays) await page.getByTestId('filter-todays-units').click();
    });
  }

  for (const lang of ['vi', 'en'] as const) {
    it(`opens the today's-units explanation off the screen's heading (${lang})`, async () => {
      await page.goto(served.url);
      await page.getByTestId('dashboard').waitFor();
      await useLanguage(page, lang);
      await page.getByTestId('filter-todays-units').hover();
      const tip = page.locator('.ant-tooltip:not(.ant-tooltip-hidden)');
      await tip.waitFor();
      await expect.poll(async () => (await tip.boundingBox())?.height ?? 0).toBeGreaterThan(20);
      const [tipBox, heading] = [await box(tip), await box(page.getByTestId('dashboard').locator('h3'))];
      expect(overlap(tipBox, heading), JSON.stringify({ tipBox, heading })).toBe(false);
      // Below its box: nothing above it (the heading, the filters) is covered.
      const checkbox = await box(page.getByTestId('filter-todays-units'));
      expect(tipBox.y).toBeGreaterThanOrEqual(checkbox.y + checkbox.height - 1);
      expect(inside(tipBox, VIEWPORT)).toBe(true);
      await page.mouse.move(1300, 700);
      await useLanguage(page, 'vi');
    });
  }
});

describe('Esc in the pledge form', () => {
  it('shows none of its pickers’ lists while the form closes', async () => {
    const animated = app.pages[1]!;
    await animated.goto(served.url);
    await animated.getByTestId('dashboard').waitFor();
    await openScreen(animated, 'Sổ cam kết');
    await animated.getByTestId('new-pledge').click();
    await waitForFocus(animated, 'pledge_pledgeDate');
    await pick(animated, '#pledge_donorId', 'vufo');
    await pick(animated, '#pledge_placeId', 'cao bang');
    await pick(animated, '#pledge_kind', 'qua');
    await animated.locator('#pledge_description').fill('Quà Tết');
    await popupsClosed(animated);
    // Every frame and every change from the Esc on: a list drawn (shown, not fading to nothing) is counted.
    await animated.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { listsSeen: string[] }).listsSeen = seen;
      const look = () => {
        for (const list of document.querySelectorAll<HTMLElement>('.ant-select-dropdown, .ant-picker-dropdown')) {
          const style = getComputedStyle(list);
          const { width, height } = list.getBoundingClientRect();
          if (
            style.display !== 'none' &&
            style.visibility !== 'hidden' &&
            Number(style.opacity) > 0.05 &&
            width &&
            height
          )
            seen.push(list.textContent?.slice(0, 40) ?? '');
        }
      };
      new MutationObserver(look).observe(document.documentElement, {
        subtree: true,
        childList: true,
        attributes: true,
        attributeFilter: ['class', 'style'],
      });
      const frame = () => {
        look();
        requestAnimationFrame(frame);
      };
      frame();
    });
    await animated.locator('#pledge_description').press('Escape');
    await discardTyped(animated);
    await animated.locator('#pledge_description').waitFor({ state: 'detached' });
    // A few frames more: a list shown as the dialog goes would show now.
    await animated.evaluate(async () => {
      for (let i = 0; i < 10; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(await animated.evaluate(() => (window as unknown as { listsSeen: string[] }).listsSeen)).toEqual([]);
    expect(pageErrors(animated)).toEqual([]);
  });
});
