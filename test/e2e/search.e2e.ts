/**
 * One search on the Cao Bằng demo at 1366×768, by keyboard only: Ctrl+K opens it from any screen (the header's button
 * too), words typed without accents find pledges, aid items, donors, places and reports, the arrows move, Enter opens
 * what was reached where it belongs (a pledge's or an item's detail, the donor on the donors screen, the ledger filtered
 * to the place, the report of the period), and Esc closes it, the keyboard back where it was.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Place, PledgeList } from '../../contract';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { pageErrors } from './pages';
import type { Served } from './serve';
import { ledgerCall, openScreen } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'search.sqlite'))] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

const box = () => page.getByTestId('search-input');
const activeHit = () => page.locator('[data-testid="search-hit"][aria-selected="true"]');
const focusedTestId = () => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? null);

/** Ctrl+K, then the words typed as a person would, once the box has the keyboard. */
async function search(words: string) {
  await page.keyboard.press('Control+k');
  await expect.poll(focusedTestId, { message: 'the search box has the keyboard' }).toBe('search-input');
  await page.keyboard.type(words);
}

/** A result's first line: what it is. */
const titleOf = async (hit: ReturnType<typeof activeHit>) => (await hit.locator('div').first().textContent()) ?? '';

/** Waits for a result of this kind whose first line begins with `text`, then moves to it with ↓ from the best. */
async function reach(kind: string, text: string) {
  const wanted = page.locator(`[data-testid="search-hit"][data-kind="${kind}"]`, { hasText: text });
  await wanted.first().waitFor();
  expect(await activeHit().getAttribute('id')).toBe('search-hit-0');
  for (let step = 0; step < 30; step++) {
    if ((await activeHit().getAttribute('data-kind')) === kind && (await titleOf(activeHit())).startsWith(text)) return;
    const before = await activeHit().getAttribute('id');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => activeHit().getAttribute('id')).not.toBe(before);
  }
  throw new Error(`no ${kind} result "${text}" reached`);
}

describe('one search', () => {
  it('opens with Ctrl+K and, from words without accents, a pledge’s detail', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await search('nha tinh nghia');
    await reach('pledge', 'Nhà tình nghĩa');
    // The group is named, with its count.
    await expect.poll(() => page.getByTestId('search-group-pledge').textContent()).toContain('Cam kết');
    await page.keyboard.press('Enter');
    await page.getByTestId('search-box').waitFor({ state: 'hidden' });
    await page.getByTestId('pledges-screen').waitFor();
    await expect.poll(() => page.getByTestId('pledge-detail').textContent()).toContain('Nhà tình nghĩa');
    await page.keyboard.press('Escape');
    await page.getByTestId('pledge-detail').waitFor({ state: 'hidden' });
  });

  it('opens a donor on the donors screen', async () => {
    await search('TZU chi');
    await reach('donor', 'Tổ chức Tzu Chi');
    await page.keyboard.press('Enter');
    await page.getByTestId('donors-screen').waitFor();
    await expect
      .poll(() => page.locator('[data-testid="donors-screen"] tr[data-found="true"]').textContent())
      .toContain('Tổ chức Tzu Chi');
  });

  it('opens an aid item’s detail', async () => {
    await search('lam nha nguyen binh');
    await reach('item', 'Hỗ trợ làm nhà và quà Tết');
    await page.keyboard.press('Enter');
    await page.getByTestId('items-screen').waitFor();
    await expect.poll(() => page.getByTestId('item-detail').textContent()).toContain('Hỗ trợ làm nhà và quà Tết');
    await page.keyboard.press('Escape');
    await page.getByTestId('item-detail').waitFor({ state: 'hidden' });
  });

  it('opens the ledger filtered to a place, from another screen', async () => {
    const district = (await ledgerCall<Place[]>(page, 'places.list', {})).find(
      (p) => p.displayName === 'Huyện Nguyên Bình',
    )!;
    const ofPlace = await ledgerCall<PledgeList>(page, 'pledges.list', {
      filter: { placeId: district.id },
      page: { offset: 0, limit: 1 },
    });
    expect(ofPlace.total).toBeGreaterThan(0);
    await openScreen(page, 'Tỷ giá');
    await search('nguyen binh');
    await reach('place', 'Huyện Nguyên Bình');
    await page.keyboard.press('Enter');
    await page.getByTestId('pledges-screen').waitFor();
    const counted = async () =>
      Number(((await page.getByTestId('totals-count').textContent()) ?? '').match(/\d[\d.]*/)?.[0].replace(/\./g, ''));
    await expect.poll(counted).toBe(ofPlace.total);
    // The place filter shows the place chosen, and the ledger its pledges.
    expect(await page.getByTestId('pledges-screen').textContent()).toContain('Nguyên Bình');
  });

  it('opens the report of a period named in words, made at once', async () => {
    await search('bao cao quy 4 2022');
    await reach('report', 'Báo cáo quý IV năm 2022');
    await page.keyboard.press('Enter');
    await page.getByTestId('reports-screen').waitFor();
    await expect.poll(() => page.getByTestId('report-preview-body').textContent()).toContain('QUÝ IV NĂM 2022');
    expect(await page.getByTestId('report-quarter').textContent()).toContain('Quý IV');
  });

  it('closes with Esc, the keyboard back where it was; the header’s button opens it too', async () => {
    await page.getByTestId('new-pledge').focus();
    await search('qua');
    await page.locator('[data-testid="search-hit"]').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => activeHit().getAttribute('id')).toBe('search-hit-1');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => activeHit().getAttribute('id')).toBe('search-hit-0');
    await page.keyboard.press('Escape');
    await page.getByTestId('search-box').waitFor({ state: 'hidden' });
    await expect.poll(focusedTestId).toBe('new-pledge');
    // Still on the report: nothing was opened.
    await page.getByTestId('reports-screen').waitFor();

    await page.getByTestId('search-open').click();
    await expect.poll(focusedTestId).toBe('search-input');
    expect(await box().inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await page.getByTestId('search-box').waitFor({ state: 'hidden' });
    await expect.poll(focusedTestId).toBe('search-open');
    expect(pageErrors(page)).toEqual([]);
  });
});
