/**
 * An aid item's places and a pledge's item in the real UI, on the demo ledger at 1366×768: the places typed into the
 * item form from the keyboard and named in its detail; a pledge entered with its item chosen, found among the item's
 * lines, its detail naming the item, its beneficiaries and its unit value; and an item approved in the year with no line
 * yet in the annual report's list of items.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Place, PledgeRow } from '../../contract';
import type { AidItem } from '../../contract/items';
import { foldText } from '../../contract/text';
import { ROOT, tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { pageErrors } from './pages';
import type { Served } from './serve';
import {
  chooseIn,
  fillPledgeForm,
  highlighted,
  ledgerCall,
  openScreen,
  pick,
  popupsClosed,
  saveWithEnter,
  waitForFocus,
  waitForHighlight,
} from './ui';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'item-fields.sqlite'))] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

const ITEM = 'Nước sạch cho trạm y tế xã';

describe("an item's places and a pledge's item", () => {
  it('takes the places typed into the item form, on Tab and on Enter, and names them in its detail', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const communes = (await ledgerCall<Place[]>(page, 'places.list', { validOn: '2026-03-01' })).filter(
      (p) => p.level === 'commune' && !p.validTo,
    );
    // Two communes whose names no other unit's name holds: what is typed highlights each one first.
    const all = await ledgerCall<Place[]>(page, 'places.list', {});
    const alone = (p: Place) =>
      all.every((o) => o.id === p.id || !foldText(o.displayName).includes(foldText(p.displayName)));
    const [first, second] = [communes.find((p) => p.displayName === 'Xã Bảo Lạc')!, communes.findLast(alone)!];
    expect(alone(first)).toBe(true);
    await openScreen(page, 'Khoản viện trợ');
    await page.getByTestId('item-new').click();
    await waitForFocus(page, 'item_name');
    await page.keyboard.type(ITEM);
    await pick(page, '#item_modality', 'du an');
    await pick(page, '#item_sector', 'y te');
    await pick(page, '#item_donorId', 'vcf');
    await page.locator('#item_aidOwner').click();
    // From the owner of the aid, Tab reaches the places; typed without accents, Tab takes the match and moves on.
    await page.keyboard.press('Tab');
    await waitForFocus(page, 'item_placeIds');
    await page.keyboard.type(foldText(first.displayName));
    await waitForHighlight(page, '#item_placeIds', first.displayName);
    await page.keyboard.press('Tab');
    await waitForFocus(page, 'item_startDate');
    // Back in the places, a second one taken with Enter.
    await page.keyboard.press('Shift+Tab');
    await waitForFocus(page, 'item_placeIds');
    await page.keyboard.type(foldText(second.displayName));
    await waitForHighlight(page, '#item_placeIds', second.displayName);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('item-places-picker').textContent()).toContain(second.displayName);
    // A name that matches no unit highlights none: Enter takes nothing.
    await page.keyboard.type('khong co xa nay');
    await expect.poll(() => page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').count()).toBe(1);
    expect(await highlighted(page, '#item_placeIds')).toBeNull();
    await page.keyboard.press('Escape');
    await popupsClosed(page);
    await page.locator('#item_name').press('Enter');
    await page.locator('#item_name').waitFor({ state: 'hidden' });

    const detail = page.getByTestId('item-detail');
    await expect
      .poll(() => detail.getByTestId('item-places').textContent())
      .toBe(`${first.displayName}; ${second.displayName}`);
    const saved = (await ledgerCall<AidItem[]>(page, 'items.list', { text: 'nuoc sach cho tram' }))[0]!;
    expect(saved.placeIds).toEqual([first.id, second.id]);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
    await popupsClosed(page);
  });

  it("saves a pledge's item chosen in its form; the item lists it, and its detail names the item", async () => {
    await openScreen(page, 'Sổ cam kết');
    await page.keyboard.press('Alt+n');
    await waitForFocus(page, 'pledge_pledgeDate');
    await fillPledgeForm(page, {
      date: '10/03/2026',
      donorSearch: 'vcf',
      placeSearch: 'bao lac',
      kind: 'du an',
      description: 'Bể lọc nước trạm y tế',
      quantity: '4',
      unit: 'bể',
      unitValue: '25.000.000',
    });
    await page.locator('#pledge_beneficiaries').fill('1250');
    // The donor's items come first, found without accents; Tab takes the match.
    const picker = page.locator('#pledge_itemId');
    await picker.click();
    await picker.fill('nuoc sach cho tram');
    await waitForHighlight(page, '#pledge_itemId', ITEM);
    await picker.press('Tab');
    // Past the picker's clear button, on to the notes.
    await waitForFocus(page, 'pledge_notes');
    await popupsClosed(page);
    await saveWithEnter(page);

    const item = (await ledgerCall<AidItem[]>(page, 'items.list', { text: 'nuoc sach cho tram' }))[0]!;
    const saved = await ledgerCall<{ rows: PledgeRow[] }>(page, 'pledges.list', { filter: { text: 'be loc nuoc' } });
    expect(saved.rows[0]).toMatchObject({ itemId: item.id, beneficiaries: 1250, unitValueMinor: 25_000_000 });

    await page.getByTestId('filter-text').locator('input').fill('be loc nuoc');
    await page.getByTestId('pledge-row').filter({ hasText: 'Bể lọc nước trạm y tế' }).click();
    const detail = page.getByTestId('pledge-detail');
    await detail.waitFor();
    await expect.poll(() => detail.getByTestId('detail-item').textContent()).toBe(ITEM);
    expect(await detail.getByTestId('detail-beneficiaries').textContent()).toBe('1.250');
    expect(await detail.getByTestId('detail-unit-value').textContent()).toBe('25.000.000 VND / bể');
    await page.screenshot({ path: join(SCREENSHOTS, 'pledge-detail-item.png') });
    // The item opens from the pledge, its lines holding this one.
    await detail.getByTestId('detail-item').click();
    const itemDetail = page.getByTestId('item-detail');
    await expect.poll(() => itemDetail.getByTestId('item-lines').textContent()).toContain('Bể lọc nước trạm y tế');
    await expect.poll(() => itemDetail.getByTestId('item-committed').textContent()).toBe('100.000.000');
    await page.keyboard.press('Escape');
    await itemDetail.waitFor({ state: 'hidden' });
    // The keyboard is back on the item's link, and Esc again closes the detail the item was opened from.
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid') ?? ''))
      .toBe('detail-item');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
  });

  it("lists in the annual report's items an item approved in the year with no line yet", async () => {
    const donor = (await ledgerCall<{ id: string; name: string }[]>(page, 'donors.list', {}))[0]!;
    await ledgerCall(page, 'items.create', {
      name: 'Dự án trường học vùng cao',
      modality: 'project',
      sector: 'education',
      donorId: donor.id,
      valueMinor: 3_000_000_000,
      valueCurrency: 'VND',
      approvalNumber: '45/QĐ-UBND',
      approvalDate: '2022-08-20',
      stage: 'approved',
    });
    await page.goto(`${served.url}#reports`);
    await page.getByTestId('reports-screen').locator('.ant-segmented').getByText('Năm', { exact: true }).click();
    await chooseIn(page, 'Năm', '2022');
    await page.getByTestId('report-preview').click();
    await page.getByRole('tab', { name: 'Danh sách khoản viện trợ' }).click();
    const list = page.getByTestId('report-item-list');
    const row = list.locator('tbody tr', { hasText: 'Dự án trường học vùng cao' });
    await expect.poll(() => row.count()).toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('45/QĐ-UBND');
    expect(text).toContain('20/08/2022');
    expect(text).toContain('Đã phê duyệt');
    expect(text).toContain('3.000.000.000 VND');
    // The list holds every item the statutory paragraph counts.
    const paragraph = (await page.getByTestId('report-statutory').textContent()) ?? '';
    const counted = Number(/: (\d+) chương trình, dự án, phi dự án/.exec(paragraph)![1]);
    expect(await list.locator('tbody tr.ant-table-row').count()).toBe(counted);
    await page.screenshot({ path: join(SCREENSHOTS, 'report-item-list.png') });
    expect(pageErrors(page)).toEqual([]);
  });

  it('offers "nay thuộc" for a place of the item become several, and names the unit chosen in its detail', async () => {
    const places = await ledgerCall<Place[]>(page, 'places.list', {});
    const named = (p: Place) =>
      places.every((q) => q.id === p.id || !foldText(q.displayName).includes(foldText(p.displayName)));
    const former = places.find(
      (p) => p.level === 'commune' && p.validTo !== null && p.successorIds.length === 1 && named(p),
    )!;
    const heirA = places.find((p) => p.id === former.successorIds[0])!;
    const heirB = places.find(
      (p) =>
        p.level === 'commune' && p.validTo === null && p.id !== heirA.id && p.successorIds.length === 0 && named(p),
    )!;
    await ledgerCall(page, 'places.update', { id: former.id, successorIds: [heirA.id, heirB.id] });
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    await openScreen(page, 'Khoản viện trợ');
    await page.getByTestId('item-row').filter({ hasText: ITEM }).click();
    const detail = page.getByTestId('item-detail');
    await detail.getByTestId('item-edit').click();
    await waitForFocus(page, 'item_name');
    const picker = page.locator('#item_placeIds');
    await picker.click();
    await picker.fill(foldText(former.displayName));
    await waitForHighlight(page, '#item_placeIds', former.displayName);
    await picker.press('Enter');
    await page.keyboard.press('Escape');
    await popupsClosed(page);
    const todayIn = `#item_todayPlaceIds_${former.id}`;
    await page.locator(todayIn).waitFor();
    await pick(page, todayIn, foldText(heirB.displayName));
    await page.locator('#item_name').press('Enter');
    await page.locator('#item_name').waitFor({ state: 'hidden' });
    await expect
      .poll(() => detail.getByTestId('item-places').textContent())
      .toContain(`${former.displayName} (nay thuộc ${heirB.displayName})`);
    const saved = (await ledgerCall<AidItem[]>(page, 'items.list', { text: 'nuoc sach cho tram' }))[0]!;
    expect(saved.placeIds.at(-1)).toBe(former.id);
    expect(saved.todayPlaceIds).toEqual({ [former.id]: heirB.id });
    expect(pageErrors(page)).toEqual([]);
  });
});
