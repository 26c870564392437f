/**
 * The sync screen: a bundle made at a district, merged at the province with its preview, and the totals that follow;
 * then edits made at both offices without exchanging: the conflict shown side by side and resolved, and a donor
 * entered at both offices merged into one, then another merged by hand on the donors screen.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Donor, PledgeDetail, PledgeList, PledgeSummary } from '../../contract';
import type { LedgerService } from '../../db/service';
import { ROOT, tempDir } from '../helpers';
import { newPage } from './pages';
import { introduceServed, servedCall, type Served } from './serve';
import { ledgerCall, waitForHighlight } from './ui';
import { atOffice, browserApp, cli, demoLedger } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
let districtDb: string;
let provinceDb: string;
const app = browserApp(dir, {
  ledgers: (folder) => {
    districtDb = join(folder, 'district.sqlite');
    provinceDb = join(folder, 'province.sqlite');
    cli('init', '--db', provinceDb, '--site', 'Sở Ngoại vụ Cao Bằng', '--role', 'province');
    cli('init', '--db', districtDb, '--site', 'Huyện Bảo Lạc', '--role', 'district', '--place', 'Bảo Lạc');
    return [demoLedger(districtDb), provinceDb];
  },
  pages: [{ acceptDownloads: true }],
});
let district: Served;
let province: Served;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [district, province] = app.servedAll as [Served, Served];
  ({ browser, page } = app);
  // The offices know each other. The demo's pledges lie all over the province: its whole area is the district's place.
  const places = await servedCall<{ id: string; level: string }[]>(province, 'places.list', {});
  await introduceServed(province, district, {
    role: 'district',
    placeId: places.find((p) => p.level === 'province')!.id,
  });
});

describe('the sync screen', () => {
  it('exports at the district and merges at the province, with a preview', async () => {
    await page.goto(`${district.url}#sync`);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('sync-export').click()]);
    const bundle = join(dir.dir, download.suggestedFilename());
    expect(bundle).toMatch(/\.aidledger$/);
    await download.saveAs(bundle);
    await expect.poll(() => page.getByTestId('sync-log').textContent()).toContain('Gửi');

    await page.goto(`${province.url}#sync`);
    await page.getByTestId('sync-screen').locator('input[type=file][accept=".aidledger"]').setInputFiles(bundle);
    // 4 donors, 4 aid items with their first stage, 7 pledges, 2 rates.
    await expect.poll(() => page.getByTestId('sync-preview').textContent()).toContain('thêm 21');
    expect((await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).count).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'sync.png') });
    await page.getByTestId('sync-apply').click();
    await expect
      .poll(async () => (await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).pledgedVnd)
      .toBe(3_700_000_000);
    await expect.poll(() => page.getByTestId('sync-log').textContent()).toContain('Huyện Bảo Lạc');
  });

  it('shows edits made at both offices side by side, resolves them, and merges donors entered twice', async () => {
    const tzuChi = async (service: LedgerService) =>
      (await service.invoke('pledges.list', { filter: { text: 'tzu chi' }, sort: { by: 'pledgeDate', dir: 'asc' } }))
        .rows[0]!;
    const newDonorPledge = async (service: LedgerService, name: string, amount: number) => {
      const donor = await service.invoke('donors.create', { name, kind: 'foreign_ngo', country: 'Anh' });
      const first = await tzuChi(service);
      await service.invoke('pledges.create', {
        donorId: donor.id,
        placeId: first.placeId,
        kind: 'scholarship',
        description: 'Học bổng',
        amountMinor: amount,
        currency: 'VND',
        pledgeDate: '2022-09-15',
      });
    };
    // Neither office has seen the other's edits: the district first, the province a moment later.
    const pledgeId = await atOffice(districtDb, async (service) => {
      const p = await tzuChi(service);
      await service.invoke('pledges.update', {
        id: p.id,
        description: 'Xây nhà theo biên bản của huyện',
        notes: 'Sửa tại huyện',
      });
      await newDonorPledge(service, 'Plan International', 50_000_000);
      return p.id;
    });
    await atOffice(provinceDb, async (service) => {
      await service.invoke('pledges.update', {
        id: pledgeId,
        description: 'Xây nhà theo quyết định của tỉnh',
        notes: 'Sửa tại tỉnh',
      });
      await newDonorPledge(service, 'PLAN INTERNATIONAL', 30_000_000);
      await service.invoke('donors.create', { name: 'Tzu Chi Foundation Vietnam', kind: 'foundation' });
    });

    const districtPage = await newPage(browser, { acceptDownloads: true });
    await districtPage.goto(`${district.url}#sync`);
    const [download] = await Promise.all([
      districtPage.waitForEvent('download'),
      districtPage.getByTestId('sync-export').click(),
    ]);
    const bundle = join(dir.dir, `second-${download.suggestedFilename()}`);
    await download.saveAs(bundle);
    await districtPage.close();

    await page.goto(`${province.url}#sync`);
    await page.reload();
    await page.getByTestId('sync-screen').locator('input[type=file][accept=".aidledger"]').setInputFiles(bundle);
    await expect.poll(() => page.getByTestId('sync-preview').textContent()).toContain('xung đột 1');
    expect(await page.getByTestId('sync-preview').textContent()).toContain('1 nhà tài trợ được nhập trùng tên');
    await page.getByTestId('sync-apply').click();

    // Both versions side by side, each under the office that made it; the later one is in use.
    const conflict = page.getByTestId('conflict');
    await conflict.waitFor();
    const text = await conflict.textContent();
    expect(text).toContain('Cam kết');
    expect(text).toContain('Xây nhà theo quyết định của tỉnh');
    expect(text).toContain('Xây nhà theo biên bản của huyện');
    expect(text).toContain('Huyện Bảo Lạc');
    await page.screenshot({ path: join(SCREENSHOTS, 'sync-conflict.png') });
    expect((await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: pledgeId })).pledge.description).toBe(
      'Xây nhà theo quyết định của tỉnh',
    );
    await page.getByTestId('conflict-other').click();
    await expect
      .poll(async () => (await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: pledgeId })).pledge)
      .toMatchObject({
        description: 'Xây nhà theo biên bản của huyện',
        notes: 'Sửa tại huyện',
      });
    await expect.poll(() => page.getByTestId('conflict').count()).toBe(0);
    expect(await page.getByTestId('sync-peers').textContent()).toMatch(/Huyện Bảo Lạc\s*2/);

    // "Plan International" entered at both offices is one donor, with both pledges.
    const plan = await ledgerCall<Donor[]>(page, 'donors.list', { text: 'plan' });
    expect(plan).toHaveLength(1);
    expect(plan[0]).toMatchObject({ pledgeCount: 2 });
    const planPledges = await ledgerCall<PledgeList>(page, 'pledges.list', {
      filter: { donorId: plan[0]!.id },
      withTotal: true,
    });
    expect(planPledges.total).toBe(2);

    // A donor recorded under another name is merged by hand from the donors screen.
    await page.goto(`${province.url}#donors`);
    const row = page.locator('tr', { hasText: 'Tzu Chi Foundation Vietnam' });
    await row.getByTestId('donor-merge').click();
    const picker = page.locator('#donorMerge_intoId');
    await picker.waitFor();
    await picker.fill('to chuc tzu');
    await waitForHighlight(page, '#donorMerge_intoId', 'to chuc tzu');
    await page.keyboard.press('Enter');
    await page.locator('#donorMerge_note').fill('Cùng một tổ chức');
    await page.screenshot({ path: join(SCREENSHOTS, 'donor-merge.png') });
    await page.getByRole('button', { name: 'Gộp', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('donor-aliases').filter({ hasText: 'Tzu Chi Foundation Vietnam' }).count())
      .toBe(1);
    const merged = await ledgerCall<Donor[]>(page, 'donors.list', { text: 'tzu chi foundation vietnam' });
    expect(merged).toHaveLength(1);
    expect(merged[0]!.aliases).toEqual(['Tzu Chi Foundation Vietnam']);
    expect(merged[0]!.name).not.toBe('Tzu Chi Foundation Vietnam');
  });
});
