/**
 * Deletions undone through the UI at 1366×768: a delivery deleted from its pledge is undone from the pledge's history;
 * a pledge (with its deliveries), a donor and an aid item (with its stages) deleted are listed in "Đã xóa" in words and
 * undone there; each undo asks for its reason first (Enter with none is refused), and the reason shows after, in the
 * list and in the history.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AidItem, AidItemDetail, Deletion, Donor, Place, PledgeDetail, PledgeRow } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { browserApp } from './fixture';
import type { Served } from './serve';
import { ledgerCall, openScreen, waitForFocus } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [join(folder, 'undo.sqlite')] });
let served: Served;
let page: Page;
const pageErrors: string[] = [];
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');

beforeAll(() => {
  ({ served, page } = app);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

const historyText = () =>
  page
    .getByTestId('history')
    .textContent()
    .then((t) => t ?? '');

async function openPledge(description: string) {
  await page.getByTestId('pledge-row').filter({ hasText: description }).click();
  await page.getByTestId('pledge-detail').waitFor();
}

/** Confirms the open "Xóa?" pop-up. */
async function confirmDelete() {
  const pop = page.locator('.ant-popconfirm:not(.ant-popover-hidden)');
  await pop.getByRole('button', { name: 'Xóa' }).click();
  await pop.waitFor({ state: 'hidden' });
}

/**
 * The undo dialog, open: it names what comes back and starts in the reason's field; Enter with none is refused, then
 * the reason typed and Enter undoes, closing it.
 */
async function undoWithReason(what: string, reason: string) {
  const dialog = page.getByTestId('undo-deletion');
  await dialog.waitFor();
  expect(await page.getByTestId('undo-deletion-what').textContent()).toContain(what);
  await waitForFocus(page, 'undoDeletion_reason');
  await page.keyboard.press('Enter');
  await expect.poll(() => dialog.textContent()).toContain('Hãy ghi lý do hoàn tác');
  await page.keyboard.type(reason);
  await page.screenshot({ path: join(SCREENSHOTS, 'undo-dialog.png') });
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
}

describe('deletions undone', () => {
  it('a delivery from its pledge history, a pledge, a donor and an item from "Đã xóa", each for a reason shown after', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const places = await ledgerCall<Place[]>(page, 'places.list', {});
    const place = places.find((p) => p.level === 'commune' && p.validTo === null)!;
    const donor = await ledgerCall<Donor>(page, 'donors.create', { name: 'Quỹ Hy Vọng', kind: 'foreign_ngo' });
    const lonely = await ledgerCall<Donor>(page, 'donors.create', { name: 'Quỹ Không Dùng', kind: 'foundation' });
    const pledge = await ledgerCall<PledgeRow>(page, 'pledges.create', {
      donorId: donor.id,
      placeId: place.id,
      kind: 'house',
      description: 'Nhà đại đoàn kết',
      amountMinor: 300_000_000,
      currency: 'VND',
      pledgeDate: '2026-10-01',
    });
    for (const [day, amountMinor] of [
      ['2026-10-05', 100_000_000],
      ['2026-10-20', 50_000_000],
    ] as const)
      await ledgerCall(page, 'deliveries.create', { pledgeId: pledge.id, deliveryDate: day, amountMinor });
    const item = await ledgerCall<AidItem>(page, 'items.create', {
      name: 'Chương trình nước sạch vùng cao',
      modality: 'project',
      sector: 'health',
      donorId: donor.id,
      stageDate: '2026-09-01',
    });
    await ledgerCall(page, 'items.stage', { id: item.id, stage: 'appraised', date: '2026-09-15' });
    await page.reload();
    await page.getByTestId('dashboard').waitFor();

    // A delivery deleted in the pledge's detail is undone from the pledge's history.
    await openScreen(page, 'Sổ cam kết');
    await openPledge('Nhà đại đoàn kết');
    const deliveries = page.getByTestId('deliveries');
    await deliveries.locator('tbody tr', { hasText: '20/10/2026' }).getByRole('button', { name: 'Xóa' }).click();
    await confirmDelete();
    await expect.poll(() => deliveries.locator('tbody tr').count()).toBe(1);
    await page.getByTestId('history-undo').click();
    await undoWithReason('Giao / giải ngân ngày 20/10/2026', 'Phiếu giao đợt 2 là đúng');
    await expect.poll(() => deliveries.locator('tbody tr').count()).toBe(2);
    await expect.poll(historyText).toContain('Lý do: Phiếu giao đợt 2 là đúng');
    expect(await historyText()).toContain('Khôi phục bản ghi đã xóa');
    // Undone, its entry no longer offers it (once the list of deletions is read again).
    await expect.poll(() => page.getByTestId('history-undo').count()).toBe(0);
    await page.getByTestId('pledge-detail').screenshot({ path: join(SCREENSHOTS, 'undo-history.png') });

    // The pledge deleted (with its two deliveries): listed in "Đã xóa" in words, and undone there.
    await page.getByRole('button', { name: 'Xóa cam kết' }).click();
    await confirmDelete();
    await page.getByTestId('pledge-detail').waitFor({ state: 'hidden' });
    await openScreen(page, 'Đã xóa');
    const list = page.getByTestId('deletions');
    const pledgeRow = list.locator('tbody tr', { hasText: 'Nhà đại đoàn kết' }).filter({ hasText: 'Cam kết ngày' });
    await pledgeRow.waitFor();
    const text = (await pledgeRow.textContent()) ?? '';
    expect(text).toContain(
      `Cam kết ngày 01/10/2026 của Quỹ Hy Vọng tại ${place.name}: Nhà đại đoàn kết, 300.000.000 VND`,
    );
    expect(text).toContain('cùng 2 bản ghi xóa kèm');
    // By whom, at which office: the names this installation was given.
    const who = await ledgerCall<{ userName: string; siteName: string }>(page, 'settings.get', {});
    expect(text).toContain(`${who.userName} — ${who.siteName}`);
    await page.screenshot({ path: join(SCREENSHOTS, 'undo-deleted-list.png') });
    await pledgeRow.getByTestId('deletion-undo').click();
    await undoWithReason('Nhà đại đoàn kết', 'Xóa nhầm cam kết');
    await expect.poll(() => pledgeRow.textContent()).toContain('Lý do: Xóa nhầm cam kết');
    expect(await pledgeRow.textContent()).toContain('Đã hoàn tác');
    const back = await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: pledge.id });
    expect(back.deliveries).toHaveLength(2);
    // Its history says why it came back.
    await openScreen(page, 'Sổ cam kết');
    await openPledge('Nhà đại đoàn kết');
    await expect.poll(historyText).toContain('Lý do: Xóa nhầm cam kết');
    await page.keyboard.press('Escape');
    await page.getByTestId('pledge-detail').waitFor({ state: 'hidden' });

    // A donor deleted on the donors' screen, undone from "Đã xóa".
    await openScreen(page, 'Nhà tài trợ');
    await page
      .locator('tbody tr', { hasText: 'Quỹ Không Dùng' })
      .getByRole('button', { name: 'Xóa', exact: true })
      .click();
    await confirmDelete();
    await expect.poll(() => page.locator('tbody tr', { hasText: 'Quỹ Không Dùng' }).count()).toBe(0);
    await openScreen(page, 'Đã xóa');
    const donorRow = list.locator('tbody tr', { hasText: 'Nhà tài trợ Quỹ Không Dùng' });
    await donorRow.getByTestId('deletion-undo').click();
    await undoWithReason('Nhà tài trợ Quỹ Không Dùng', 'Còn dự án sắp ký');
    await expect.poll(() => donorRow.textContent()).toContain('Lý do: Còn dự án sắp ký');
    expect((await ledgerCall<Donor[]>(page, 'donors.list', {})).map((d) => d.id)).toContain(lonely.id);

    // An aid item deleted from its detail, with its two stages, undone from "Đã xóa".
    await openScreen(page, 'Khoản viện trợ');
    await page.getByTestId('item-row').filter({ hasText: 'Chương trình nước sạch vùng cao' }).click();
    await page.getByTestId('item-detail').waitFor();
    await page.getByTestId('item-delete').click();
    await confirmDelete();
    await page.getByTestId('item-detail').waitFor({ state: 'hidden' });
    await openScreen(page, 'Đã xóa');
    const itemRow = list.locator('tbody tr', { hasText: 'Khoản viện trợ Chương trình nước sạch vùng cao' });
    expect(await itemRow.textContent()).toContain('cùng 2 bản ghi xóa kèm');
    await itemRow.getByTestId('deletion-undo').click();
    await undoWithReason('Khoản viện trợ Chương trình nước sạch vùng cao', 'Dự án vẫn thực hiện');
    await expect.poll(() => itemRow.textContent()).toContain('Lý do: Dự án vẫn thực hiện');
    expect((await ledgerCall<AidItemDetail>(page, 'items.get', { id: item.id })).stages).toHaveLength(2);

    const listed = await ledgerCall<Deletion[]>(page, 'deletions.list', {});
    expect(listed.map((d) => [d.entity, d.undoReason])).toEqual([
      ['aid_item', 'Dự án vẫn thực hiện'],
      ['donor', 'Còn dự án sắp ký'],
      ['pledge', 'Xóa nhầm cam kết'],
      ['delivery', 'Phiếu giao đợt 2 là đúng'],
    ]);

    // In English, the list reads the same records, undone, with their reasons.
    await page.getByTestId('switch-language').click();
    await openScreen(page, 'Deleted');
    await expect.poll(() => list.textContent()).toContain('Reason: Dự án vẫn thực hiện');
    expect(await list.textContent()).toContain('Pledge of 01/10/2026 by Quỹ Hy Vọng');
    expect(await list.textContent()).toContain('Undone');
    await page.screenshot({ path: join(SCREENSHOTS, 'undo-deleted-list-en.png') });
    expect(pageErrors).toEqual([]);
  });
});
