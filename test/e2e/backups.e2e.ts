/**
 * The backup screen: the automatic copy made at start, a copy made by hand, an edit, and a restore that brings the
 * ledger back to the copy while keeping the replaced one; then a ledger damaged on disk: the app opens on the
 * recovery screen only, and restoring the latest good backup from it gives back the working app.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BackupOverview, PledgeSummary, Settings } from '../../contract';
import { checkLedgerFile } from '../../db/backup';
import { damageFile, ROOT, tempDir } from '../helpers';
import { serve, type Served } from './serve';
import { ledgerCall, openScreen } from './ui';
import { browserApp, cli, demoLedger } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const db = join(dir.dir, 'ledger.sqlite');
const app = browserApp(dir, {
  ledgers: () => {
    cli('init', '--db', db, '--site', 'Sở Ngoại vụ Cao Bằng', '--role', 'province');
    return [demoLedger(db)];
  },
});
let served: Served | undefined;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});
// The ledger served again after a restore is the file's own to stop.
afterAll(() => served?.stop());

const rows = () => page.getByTestId('backup-table').locator('tbody tr.ant-table-row');

async function saveDepartmentName(name: string) {
  await openScreen(page, 'Cài đặt');
  const field = page.locator('#settings_departmentName');
  await field.fill(name);
  await field.press('Enter');
  await expect.poll(async () => (await ledgerCall<Settings>(page, 'settings.get', {})).departmentName).toBe(name);
}

describe('the settings screen', () => {
  it('keeps what is typed when the ledger answers slowly: the form waits for the settings it shows', async () => {
    await page.goto(served!.url);
    // The settings arrive late, as from a busy office PC: before, the form was there at once and the settings then
    // overwrote what had been typed (or Enter found the required names empty).
    await page.route('**/api/settings.get', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    try {
      await openScreen(page, 'Cài đặt');
      const field = page.locator('#settings_departmentName');
      await field.fill('SỞ NGOẠI VỤ (THỬ)');
      await field.press('Enter');
      await expect
        .poll(async () => (await ledgerCall<Settings>(page, 'settings.get', {})).departmentName)
        .toBe('SỞ NGOẠI VỤ (THỬ)');
    } finally {
      // A call still held back (the check's own read) is let through before the route goes; unroute alone would
      // pass it on at once and its handler would then find it already answered.
      await page.unrouteAll({ behavior: 'wait' });
    }
  });
});

describe('the backup screen', () => {
  it('makes a copy by hand and restores it, keeping the ledger it replaces', async () => {
    await page.goto(served!.url);
    await saveDepartmentName('SỞ NGOẠI VỤ TỈNH CAO BẰNG');
    await openScreen(page, 'Sao lưu');
    await page.getByTestId('backups-screen').waitFor();
    // The copy made at start, in the folder beside the ledger.
    await expect.poll(() => rows().count()).toBe(1);
    expect(await rows().first().textContent()).toContain('Tự động');
    expect(await page.getByTestId('backup-folder').textContent()).toBe(join(dir.dir, 'ledger-backups'));

    await page.getByTestId('backup-create').click();
    await expect.poll(() => rows().count()).toBe(2);
    expect(await rows().first().textContent()).toContain('Thủ công');

    await saveDepartmentName('TÊN SAI CẦN BỎ');
    await openScreen(page, 'Sao lưu');
    await rows().first().getByTestId('backup-restore').click();
    await page.getByRole('button', { name: 'Khôi phục', exact: true }).last().click();
    await expect.poll(() => rows().count()).toBe(3);
    expect(await rows().first().textContent()).toContain('Sổ cũ trước khi khôi phục');
    await page.screenshot({ path: join(SCREENSHOTS, 'backups.png') });

    expect((await ledgerCall<Settings>(page, 'settings.get', {})).departmentName).toBe('SỞ NGOẠI VỤ TỈNH CAO BẰNG');
    await openScreen(page, 'Cài đặt');
    await expect.poll(() => page.locator('#settings_departmentName').inputValue()).toBe('SỞ NGOẠI VỤ TỈNH CAO BẰNG');
    // The replaced ledger, with the edit, is a whole ledger file kept beside the others.
    const overview = await ledgerCall<BackupOverview>(page, 'backups.list', {});
    const replaced = overview.backups.find((b) => b.kind === 'replaced')!;
    expect(checkLedgerFile(join(overview.folder, replaced.name)).ok).toBe(true);
  });
});

describe('a ledger damaged on disk', () => {
  it('opens on the recovery screen only, and restoring the latest good backup gives the app back', async () => {
    const before = await ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
    expect(before.count).toBeGreaterThan(0);
    await served!.stop();
    served = undefined;
    damageFile(db);
    expect(checkLedgerFile(db).ok).toBe(false);

    served = await serve(db);
    await page.goto(served.url);
    await page.getByTestId('recovery-screen').waitFor();
    expect(await page.getByTestId('nav').count()).toBe(0);
    expect(await page.getByTestId('recovery-screen').textContent()).toContain('Tệp dữ liệu bị hỏng');
    await page.screenshot({ path: join(SCREENSHOTS, 'recovery.png') });

    await page.getByTestId('recovery-restore-latest').click();
    await page.getByTestId('nav').waitFor();
    await expect
      .poll(async () => (await ledgerCall<PledgeSummary>(page, 'pledges.summary', {})).pledgedVnd)
      .toBe(before.pledgedVnd);
    expect(checkLedgerFile(db).ok).toBe(true);
    // The damaged file is kept among the backups, not deleted.
    const overview = await ledgerCall<BackupOverview>(page, 'backups.list', {});
    expect(overview.damaged).toBeNull();
    expect(overview.backups.filter((b) => b.kind === 'replaced')).toHaveLength(2);
  });
});
