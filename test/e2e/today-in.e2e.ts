/**
 * "Nay thuộc" in the pledge form: a pledge of a former commune split between two communes of today offers them, by
 * keyboard; the one chosen is where the dashboard in today's units counts the pledge. The split is made here, by the
 * ledger's own call, on whichever former commune the catalogue has.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PledgeList, Place, TotalsResult } from '../../contract';
import { tempDir } from '../helpers';
import type { Served } from './serve';
import { discardTyped, fillPledgeForm, ledgerCall, pick, saveWithEnter } from './ui';
import { browserApp } from './fixture';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [join(folder, 'today-in.sqlite')] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

describe('"nay thuộc" in the pledge form', () => {
  it("is offered for a split former commune, chosen by keyboard, and counts the pledge there in today's units", async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const places = await ledgerCall<Place[]>(page, 'places.list', {});
    const named = (p: Place) => places.filter((q) => q.name === p.name).length === 1;
    const former = places.find(
      (p) => p.level === 'commune' && p.validTo !== null && p.successorIds.length === 1 && named(p),
    )!;
    const heirA = places.find((p) => p.id === former.successorIds[0])!;
    const heirB = places.find(
      (p) =>
        p.level === 'commune' && p.validTo === null && p.id !== heirA.id && p.successorIds.length === 0 && named(p),
    )!;
    await ledgerCall(page, 'places.update', { id: former.id, successorIds: [heirA.id, heirB.id] });
    await ledgerCall(page, 'donors.create', { name: 'Quỹ Nhịp cầu', kind: 'foundation' });
    await page.reload();
    await page.getByTestId('dashboard').waitFor();

    // A commune of today offers nothing to choose.
    await page.keyboard.press('Alt+n');
    await page.locator('#pledge_pledgeDate').waitFor();
    await pick(page, '#pledge_placeId', heirB.displayName);
    expect(await page.locator('#pledge_todayPlaceId').count()).toBe(0);
    await page.keyboard.press('Escape');
    await discardTyped(page);
    await page.locator('#pledge_pledgeDate').waitFor({ state: 'hidden' });

    await page.keyboard.press('Alt+n');
    await page.locator('#pledge_pledgeDate').waitFor();
    await fillPledgeForm(page, {
      date: '07/07/2022',
      donorSearch: 'Nhịp cầu',
      placeSearch: former.displayName,
      kind: 'Nhà ở',
      description: 'Nhà đại đoàn kết',
      amount: '250.000.000',
    });
    const todayIn = page.locator('#pledge_todayPlaceId');
    await todayIn.waitFor();
    expect(await page.getByText('Nay thuộc', { exact: true }).count()).toBe(1);
    await pick(page, '#pledge_todayPlaceId', heirB.displayName);
    await saveWithEnter(page);

    const saved = await ledgerCall<PledgeList>(page, 'pledges.list', {});
    expect(saved.rows.map((r) => [r.placeId, r.todayPlaceId])).toEqual([[former.id, heirB.id]]);

    const chart = page.getByTestId('chart-places');
    await chart.locator('.recharts-cartesian-axis-tick-value').first().waitFor();
    const bars = () =>
      chart
        .locator('.recharts-cartesian-axis-tick-value')
        .allTextContents()
        .then((t) => t.join(' | ').replace(/\s+/g, ' '));
    await page.getByTestId('filter-todays-units').click();
    // In today's units the pledge is in the commune chosen, not in a group of the former commune.
    await expect.poll(bars).toContain(heirB.displayName);
    expect(await bars()).not.toContain(`${former.displayName} (`);
    const province = places.find((p) => p.level === 'province' && p.validTo === null)!;
    const today = await ledgerCall<TotalsResult>(page, 'totals', {
      by: 'place',
      filter: { unitsOf: '2026-12-04' },
      rollUpUnder: province.id,
    });
    expect(today.groups.map((g) => [g.label, g.pledged])).toEqual([[heirB.displayName, 250_000_000]]);
  });
});
