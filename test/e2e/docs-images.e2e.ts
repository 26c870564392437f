/**
 * The user guide's pictures of the screens, at 1366×768 on the demo ledger, in Vietnamese and in English: the
 * dashboard, the ledger at its right edge (a row with the keyboard reading its Nội dung in full) and a pledge's history.
 * Made again into docs/user/vi/images/ and docs/user/en/images/ with
 *   DOCS_IMAGES=1 npx vitest run --config vitest.e2e.config.ts test/e2e/docs-images.e2e.ts
 * (after `npm run build:renderer`); otherwise into test-results/screenshots/docs/, leaving the guide as it is.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Donor, Place, PledgeRow } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { pageErrors, settled } from './pages';
import type { Served } from './serve';
import { ledgerCall, openScreen } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'docs-images.sqlite'))] });
let served: Served;
let page: Page;

/** Where each language's pictures go, and their names there. */
const IMAGES = {
  vi: { dashboard: 'tong-quan.png', ledger: 'so-cam-ket-canh-phai.png', history: 'lich-su-cam-ket.png' },
  en: { dashboard: 'dashboard.png', ledger: 'ledger-right-edge.png', history: 'pledge-history.png' },
} as const;
const folderFor = (lang: 'vi' | 'en') =>
  process.env.DOCS_IMAGES === '1'
    ? join(ROOT, 'docs', 'user', lang, 'images')
    : join(ROOT, 'test-results', 'screenshots', 'docs', lang);

const DESCRIPTION = 'Nhà văn hóa kết hợp điểm trường mầm non thôn Nà Bao, kèm trang thiết bị và sân chơi cho trẻ';

beforeAll(async () => {
  ({ served, page } = app);
  await page.goto(served.url);
  await page.getByTestId('dashboard').waitFor();
  // A pledge of today's units half delivered: the ledger shows "Đang thực hiện" at its right edge.
  const places = await ledgerCall<Place[]>(page, 'places.list', {});
  const commune = places.find((p) => p.level === 'commune' && p.validTo === null && p.displayName.includes('Nùng'));
  const donors = await ledgerCall<Donor[]>(page, 'donors.list', {});
  const pledge = await ledgerCall<PledgeRow>(page, 'pledges.create', {
    donorId: donors.find((d) => d.shortName === 'BDCF')!.id,
    placeId: (commune ?? places.find((p) => p.level === 'commune' && p.validTo === null)!).id,
    kind: 'other',
    description: DESCRIPTION,
    amountMinor: 300_000_000,
    currency: 'VND',
    pledgeDate: '2025-10-03',
  });
  await ledgerCall(page, 'deliveries.create', {
    pledgeId: pledge.id,
    deliveryDate: '2025-11-20',
    amountMinor: 100_000_000,
  });
});

async function useLanguage(lang: 'vi' | 'en') {
  await settled(page);
  const button = page.getByTestId('switch-language');
  if ((await button.textContent()) === (lang === 'vi' ? 'Tiếng Việt' : 'English')) await button.click();
  await expect.poll(() => button.textContent()).toBe(lang === 'vi' ? 'English' : 'Tiếng Việt');
  await settled(page);
}

describe('the user guide’s pictures', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`shows the dashboard, the ledger's right edge and a pledge's history (${lang})`, async () => {
      const folder = folderFor(lang);
      mkdirSync(folder, { recursive: true });
      await page.goto(served.url);
      await page.getByTestId('dashboard').waitFor();
      await useLanguage(lang);
      await expect.poll(() => page.getByTestId('kpi-houses').textContent()).toContain('12 căn · 20 hộ');
      await page.locator('g[transform*="rotate(-"] > text').first().waitFor();
      // The charts are drawn after the tiles: the picture waits for them drawn from what the tiles show.
      await expect.poll(() => page.getByTestId('dashboard-charts').getAttribute('data-drawn')).toBe('yes');
      await settled(page);
      await page.screenshot({ path: join(folder, IMAGES[lang].dashboard) });

      await openScreen(page, lang === 'vi' ? 'Sổ cam kết' : 'Pledges');
      const row = page.getByTestId('pledge-row').filter({ hasText: DESCRIPTION.slice(0, 20) });
      await row.waitFor();
      await settled(page);
      // The row with the keyboard opens its Nội dung and Địa bàn in full.
      await row.focus();
      await page.screenshot({ path: join(folder, IMAGES[lang].ledger) });

      // Tzu Chi's houses, amended with a reason: their history.
      await page.getByTestId('pledge-row').filter({ hasText: 'Hỗ trợ làm nhà cho hộ nghèo' }).click();
      const detail = page.getByTestId('pledge-detail');
      await detail.waitFor();
      await expect.poll(() => page.getByTestId('history').textContent()).toMatch(/880[.,]000[.,]000/);
      await settled(page);
      // The history is the detail's last part: scrolled to its end.
      await detail.evaluate((d) => {
        const body = d.closest('.ant-drawer-body') ?? d;
        body.scrollTop = body.scrollHeight;
      });
      await page.screenshot({ path: join(folder, IMAGES[lang].history) });
      await page.keyboard.press('Escape');
      expect(pageErrors(page)).toEqual([]);
    });
  }
});
