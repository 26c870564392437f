/**
 * Deletions on the sync screen: a district's bundle deleting pledges the province made is previewed with the records
 * it deletes, merged only once the user confirms them, then listed among the deletions received, and one is undone.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PledgeDetail, PledgeSummary, ReceivedDeletion } from '../../contract';
import { introduce, ROOT, tempDir } from '../helpers';
import type { Served } from './serve';
import { ledgerCall } from './ui';
import { atOffice, browserApp, cli, demoLedger } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
let provinceDb: string;
let bundle: string;
let deleted: { id: string; description: string }[];
let province: Served;
let page: Page;

/** The province's ledger served, once the district has made its bundle deleting two of its pledges. */
async function ledgers(): Promise<string[]> {
  const districtDb = join(dir.dir, 'district.sqlite');
  provinceDb = join(dir.dir, 'province.sqlite');
  const reference = join(dir.dir, 'tinh.aidledger');
  bundle = join(dir.dir, 'huyen-bao-lac.aidledger');
  cli('init', '--db', provinceDb, '--site', 'Sở Ngoại vụ Cao Bằng', '--role', 'province');
  demoLedger(provinceDb);
  cli('init', '--db', districtDb, '--site', 'Huyện Bảo Lạc', '--role', 'district', '--place', 'Bảo Lạc');
  // The offices know each other. The demo's pledges lie all over the province: its whole area is the district's place.
  await atOffice(provinceDb, (provinceService) =>
    atOffice(districtDb, async (districtService) => {
      const places = await provinceService.invoke('places.list', {});
      await introduce(districtService, provinceService, {
        aAs: { role: 'district', placeId: places.find((p) => p.level === 'province')!.id },
      });
    }),
  );
  cli('bundle', 'export', '--db', provinceDb, '--out', reference, '--all');
  cli('bundle', 'import', '--db', districtDb, reference);
  // The district deletes two of the province's pledges (and their deliveries with them).
  deleted = await atOffice(districtDb, async (service) => {
    const { rows } = await service.invoke('pledges.list', { sort: { by: 'pledgeDate', dir: 'asc' } });
    const chosen = rows.slice(0, 2).map((p) => ({ id: p.id, description: p.description }));
    for (const p of chosen) await service.invoke('pledges.delete', { id: p.id });
    return chosen;
  });
  cli('bundle', 'export', '--db', districtDb, '--out', bundle);
  return [provinceDb];
}
const app = browserApp(dir, { ledgers });

beforeAll(() => {
  ({ served: province, page } = app);
});

describe('deletions on the sync screen', () => {
  it('are listed before merging, confirmed, then listed as received and one is undone', async () => {
    await page.goto(`${province.url}#sync`);
    const before = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    await page.getByTestId('sync-screen').locator('input[type=file][accept=".aidledger"]').setInputFiles(bundle);

    // The preview lists each record the bundle deletes, those the province made marked, and asks to confirm.
    const listed = page.getByTestId('sync-preview').getByTestId('bundle-deletion');
    await expect.poll(() => listed.count()).toBeGreaterThanOrEqual(2);
    const text = await page.getByTestId('sync-preview').textContent();
    for (const p of deleted) expect(text).toContain(p.description);
    expect(text).toContain('Do đơn vị này tạo');
    expect(await page.getByTestId('deletions-need-confirmation').textContent()).toContain('cần được xác nhận');
    await page.screenshot({ path: join(SCREENSHOTS, 'sync-deletions-preview.png') });

    // Merging asks first; cancelled, nothing changes.
    await page.getByTestId('sync-apply').click();
    const dialog = page.getByTestId('deletions-confirm');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain(deleted[0]!.description);
    await page.getByRole('button', { name: 'Hủy' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect((await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).count).toBe(before.count);

    // Confirmed: merged, and the deletions received are listed with the bundle and the office.
    await page.getByTestId('sync-apply').click();
    await page.getByTestId('deletions-confirm').waitFor();
    await page.getByTestId('deletions-confirm-ok').click();
    await expect
      .poll(async () => (await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).count)
      .toBe(before.count - 2);
    const received = page.getByTestId('received-deletions');
    await expect.poll(() => received.locator('tbody tr').count()).toBe(2);
    const table = await received.textContent();
    expect(table).toContain('Huyện Bảo Lạc');
    expect(table).toContain('huyen-bao-lac.aidledger');
    await page.screenshot({ path: join(SCREENSHOTS, 'sync-deletions-received.png') });

    // One undone: the pledge is back, and its row says so.
    const first = (await ledgerCall<ReceivedDeletion[]>(page, 'sync.deletions', {})).find(
      (d) => d.recordId === deleted[0]!.id,
    )!;
    const row = received.locator('tbody tr', { hasText: first.what.vi });
    await row.getByTestId('deletion-undo').click();
    // It asks why first: the reason is kept in the restored record's history.
    await page.getByTestId('undo-deletion').waitFor();
    await page.locator('#undoDeletion_reason').fill('Huyện xóa nhầm');
    await page.locator('#undoDeletion_reason').press('Enter');
    await expect
      .poll(async () => (await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: deleted[0]!.id })).pledge.id)
      .toBe(deleted[0]!.id);
    await expect.poll(() => row.textContent()).toContain('Đã hoàn tác');
    expect(await row.textContent()).toContain('Lý do: Huyện xóa nhầm');
    expect((await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).count).toBe(before.count - 1);
  });
});
