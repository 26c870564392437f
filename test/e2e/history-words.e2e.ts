/**
 * A pledge of 600 suất worth 300.000.000 VND: 200 delivered by quantity leave 200.000.000 VND and 400 suất, as the
 * ledger counts them; and its history, read in Vietnamese then in English, names statuses, the aid item it joined and
 * every field in words, never an id or a version.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AidItem, Donor, Place, PledgeRow, PledgeSummary } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { browserApp } from './fixture';
import type { Served } from './serve';
import { ledgerCall, openScreen } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [join(folder, 'history-words.sqlite')] });
let served: Served;
let page: Page;
const pageErrors: string[] = [];

beforeAll(() => {
  ({ served, page } = app);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const shot = (name: string) => page.getByTestId('pledge-detail').screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-/i;
const historyText = () =>
  page
    .getByTestId('history')
    .textContent()
    .then((t) => t ?? '');

async function openPledge(description: string) {
  await page.getByTestId('pledge-row').filter({ hasText: description }).click();
  await page.getByTestId('pledge-detail').waitFor();
}

describe('a pledge delivered by quantity, and its history in words', () => {
  it('counts 200 of 600 suất as 100.000.000 delivered, and tells the history in both languages', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const places = await ledgerCall<Place[]>(page, 'places.list', {});
    const place = places.find((p) => p.level === 'commune' && p.validTo === null)!;
    const donor = await ledgerCall<Donor>(page, 'donors.create', {
      name: 'Tổ chức Tầm nhìn Thế giới',
      kind: 'foreign_ngo',
    });
    const pledge = await ledgerCall<PledgeRow>(page, 'pledges.create', {
      donorId: donor.id,
      placeId: place.id,
      kind: 'gift',
      description: 'Suất quà cho học sinh',
      quantity: '600',
      unit: 'suất',
      amountMinor: 300_000_000,
      currency: 'VND',
      pledgeDate: '2026-10-01',
    });
    const item = await ledgerCall<AidItem>(page, 'items.create', {
      name: 'Chương trình quà cho học sinh vùng cao',
      modality: 'non_project',
      sector: 'education',
      donorId: donor.id,
      stageDate: '2026-09-15',
    });
    await ledgerCall(page, 'items.attach', { itemId: item.id, pledgeIds: [pledge.id] });
    await page.reload();
    await page.getByTestId('dashboard').waitFor();

    await openScreen(page, 'Sổ cam kết');
    await openPledge('Suất quà cho học sinh');
    await page.getByRole('button', { name: 'Ghi nhận giao / giải ngân' }).click();
    await page.locator('#delivery_quantity').fill('200');
    await page.locator('#delivery_notes').fill('Bàn giao đợt 1');
    await page.locator('#delivery_notes').press('Enter');
    await page.locator('#delivery_notes').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('detail-remaining').textContent()).toBe('200.000.000 VND');
    const detail = page.getByTestId('pledge-detail');
    expect(await detail.textContent()).toContain('200.000.000 VND · 400 suất');
    // The ledger counts the same: 100.000.000 delivered, 200.000.000 remaining.
    expect(await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).toMatchObject({
      deliveredVnd: 100_000_000,
      remainingVnd: 200_000_000,
    });

    await expect.poll(historyText).toContain('Trạng thái: Cam kết → Đang thực hiện');
    const vi = await historyText();
    expect(vi).toContain('Khoản viện trợ: (không) → Chương trình quà cho học sinh vùng cao');
    expect(vi).not.toMatch(UUID);
    expect(vi).not.toMatch(/version|in_progress|pledged|∅/);
    await shot('history-vi');

    await page.keyboard.press('Escape');
    await page.getByTestId('pledge-detail').waitFor({ state: 'hidden' });
    await page.getByTestId('switch-language').click();
    await page.getByTestId('nav').getByText('Pledges', { exact: true }).waitFor();
    await openPledge('Suất quà cho học sinh');
    await expect.poll(historyText).toContain('Status: Pledged → In progress');
    const en = await historyText();
    expect(en).toContain('Aid item: (none) → Chương trình quà cho học sinh vùng cao');
    expect(en).not.toMatch(UUID);
    expect(en).not.toMatch(/version|in_progress|∅/);
    await shot('history-en');
    expect(await page.getByTestId('detail-remaining').textContent()).toBe('200,000,000 VND');
    expect(pageErrors).toEqual([]);
  });
});
