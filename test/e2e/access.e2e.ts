/**
 * A ledger the app may not write here: in a synced folder it opens read-only with the reason and a "copy to this
 * computer" button that copies it and goes on with the copy; held by another program, it opens read-only naming the
 * holder. Neither shows the recovery screen nor asks the first-start questions.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo } from '../../contract';
import { acquireWriterLock } from '../../db/core/lock';
import { openLedger } from '../../db/core/open';
import { createLedgerService } from '../../db/service';
import { ROOT, tempDir } from '../helpers';
import { settled } from './pages';
import { serve, type Served } from './serve';
import { ledgerCall } from './ui';
import { browserApp } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
let page: Page;
let served: Served | undefined;

/** A ledger of Cao Bằng with its user named, made where `folder` is. */
async function ledgerIn(folder: string): Promise<string> {
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'ledger.sqlite');
  const ledger = await openLedger(file, { create: true });
  const service = createLedgerService(ledger);
  await service.invoke('places.choose', { province: '04' });
  await service.invoke('settings.update', { userName: 'Nguyễn Văn Thử' });
  await service.invoke('donors.create', { name: 'Quỹ Từ Thiện Tzu Chi', kind: 'foundation' });
  await ledger.close();
  return file;
}

// Chromium and a page: each test serves the ledger it opens.
const app = browserApp(dir, { ledgers: () => [] });

beforeAll(() => {
  page = app.page;
});

afterEach(async () => {
  await served?.stop();
  served = undefined;
});

describe('a ledger opened read-only', () => {
  it('in a synced folder says why, and "copy to this computer" copies it and works on the copy', async () => {
    const file = await ledgerIn(join(dir.dir, 'OneDrive', 'Sổ'));
    const home = join(dir.dir, 'home');
    served = await serve(file, { province: null, userName: null, env: { HOME: home } });
    await page.goto(served.url);
    const banner = page.locator('.access-banner');
    await expect.poll(() => banner.isVisible()).toBe(true);
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('Sổ đang mở ở chế độ chỉ xem');
    expect(text).toContain('thư mục đồng bộ OneDrive');
    expect(await page.locator('.ant-modal:visible').count()).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'access-read-only-synced.png') });

    await banner.getByRole('button', { name: 'Chép về máy này' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await settled(page);
    const info = await ledgerCall<AppInfo>(page, 'app.info', {});
    expect(info.databasePath).toBe(join(home, 'Aid Ledger', 'ledger.sqlite'));
    expect(info.access.readOnly).toBeNull();
    expect(info.counts.donors).toBe(1);
  });

  it('held by another program names who holds it, with no copy offered', async () => {
    const file = await ledgerIn(join(dir.dir, 'local'));
    const held = acquireWriterLock(file, { heartbeatMs: 0 });
    try {
      served = await serve(file, { province: null, userName: null });
      // The ledger's stored language answers only after the click: the click must still win, since a read-only
      // ledger cannot save it.
      let releaseSettings: () => void = () => undefined;
      const settingsHeld = new Promise<void>((resolve) => {
        releaseSettings = resolve;
      });
      await page.route('**/api/settings.get', async (route) => {
        await settingsHeld;
        await route.continue();
      });
      await page.goto(served.url);
      const banner = page.locator('.access-banner');
      await expect.poll(() => banner.isVisible()).toBe(true);
      expect(await banner.textContent()).toContain('Sổ đang được mở để ghi trên máy này');
      expect(await banner.getByRole('button').count()).toBe(0);
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => banner.textContent()).toContain('The ledger is open for writing on this computer');
      const answered = page.waitForResponse('**/api/settings.get');
      releaseSettings();
      await answered;
      await settled(page);
      expect(await banner.textContent()).toContain('The ledger is open for writing on this computer');
      await page.screenshot({ path: join(SCREENSHOTS, 'access-read-only-held.png') });
    } finally {
      await page.unrouteAll({ behavior: 'wait' });
      if (held.ok) held.lock.release();
    }
  });
});
