/**
 * Two offices join through the Offices panel of the Đồng bộ screen, each in its own app (two `serve` processes): each
 * downloads its card, the other chooses it, sees its name, role and place, and types the code read from the first
 * one's screen (a wrong code is refused on the field); then a bundle of the district's goes to the province, and once
 * the province revokes the district its next bundle is refused.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Office, PledgeSummary } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { servedCall, type Served } from './serve';
import { ledgerCall } from './ui';
import { browserApp, cli } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, {
  ledgers: (folder) => {
    const provinceDb = join(folder, 'province.sqlite');
    const districtDb = join(folder, 'district.sqlite');
    cli('init', '--db', provinceDb, '--site', 'Sở Ngoại vụ Cao Bằng', '--role', 'province');
    cli('init', '--db', districtDb, '--site', 'UBND xã Bảo Lạc', '--role', 'district', '--place', 'Xã Bảo Lạc');
    return [provinceDb, districtDb];
  },
  pages: [{ acceptDownloads: true }, { acceptDownloads: true }],
});
let province: Served;
let district: Served;
let provincePage: Page;
let districtPage: Page;

beforeAll(() => {
  [province, district] = app.servedAll as [Served, Served];
  [provincePage, districtPage] = app.pages as [Page, Page];
});

/** The office's card saved from its own screen, and the code its screen shows (what it reads over the phone). */
async function downloadCard(page: Page, served: Served, name: string): Promise<{ file: string; code: string }> {
  await page.goto(`${served.url}#sync`);
  const code = page.getByTestId('own-office-code');
  await expect.poll(() => code.textContent()).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByTestId('office-card-download').click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.aidoffice$/);
  const file = join(dir.dir, `${name}.aidoffice`);
  await download.saveAs(file);
  return { file, code: (await code.textContent())! };
}

/** Chooses the card on the other office's screen and types the code heard over the phone. */
async function chooseCard(page: Page, served: Served, file: string, code: string): Promise<void> {
  await page.goto(`${served.url}#sync`);
  await page.getByTestId('office-card-drop').locator('input[type=file]').setInputFiles(file);
  await page.getByTestId('office-card-preview').waitFor();
  const input = page.getByTestId('office-code-input');
  await input.fill(code);
  await page.getByTestId('office-accept').click();
}

describe('the Offices panel', () => {
  it('lets two offices accept each other by card and code, then carries a bundle between them', async () => {
    const districtCard = await downloadCard(districtPage, district, 'xa-bao-lac');
    // The province sees who the card is from, and the place it proposes.
    await chooseCard(provincePage, province, districtCard.file, 'AAAA-AAAA-AAAA');
    const preview = await provincePage.getByTestId('office-card-preview').textContent();
    expect(preview).toContain('UBND xã Bảo Lạc');
    expect(preview).toContain('Huyện, xã');
    expect(preview).toContain('Xã Bảo Lạc');
    // A code misheard (or a card that is not theirs) is refused on the field.
    await expect
      .poll(() => provincePage.getByTestId('office-card-preview').textContent())
      .toContain('không khớp với thẻ của UBND xã Bảo Lạc');
    expect(await servedCall<Office[]>(province, 'offices.list', {})).toEqual([]);
    await provincePage.screenshot({ path: join(SCREENSHOTS, 'offices-code.png') });
    // Typed as heard, in lower case and with spaces.
    await provincePage.getByTestId('office-code-input').fill(districtCard.code.toLowerCase().replaceAll('-', ' '));
    await provincePage.getByTestId('office-accept').click();
    await expect.poll(() => provincePage.getByTestId('office-list').textContent()).toContain('UBND xã Bảo Lạc');
    expect(await provincePage.getByTestId('office-list').textContent()).toContain(districtCard.code);

    const provinceCard = await downloadCard(provincePage, province, 'so-ngoai-vu');
    await chooseCard(districtPage, district, provinceCard.file, provinceCard.code);
    await expect.poll(() => districtPage.getByTestId('office-list').textContent()).toContain('Sở Ngoại vụ Cao Bằng');
    await districtPage.screenshot({ path: join(SCREENSHOTS, 'offices.png') });

    // The district records a pledge in its place and sends its bundle; the province merges it.
    const places = await servedCall<{ id: string; displayName: string }[]>(district, 'places.list', {});
    const donor = await servedCall<{ id: string }>(district, 'donors.create', {
      name: 'Quỹ Hy Vọng',
      kind: 'foundation',
    });
    await servedCall(district, 'pledges.create', {
      donorId: donor.id,
      placeId: places.find((p) => p.displayName === 'Xã Bảo Lạc')!.id,
      kind: 'house',
      description: 'Nhà cho hộ nghèo',
      amountMinor: 80_000_000,
      currency: 'VND',
      pledgeDate: '2025-09-01',
    });
    await districtPage.goto(`${district.url}#sync`);
    const [download] = await Promise.all([
      districtPage.waitForEvent('download'),
      districtPage.getByTestId('sync-export').click(),
    ]);
    const bundle = join(dir.dir, download.suggestedFilename());
    await download.saveAs(bundle);
    await provincePage.goto(`${province.url}#sync`);
    await provincePage
      .getByTestId('sync-screen')
      .locator('input[type=file][accept=".aidledger"]')
      .setInputFiles(bundle);
    await expect.poll(() => provincePage.getByTestId('sync-preview').textContent()).toContain('thêm 2');
    await provincePage.getByTestId('sync-apply').click();
    await expect
      .poll(async () => (await ledgerCall<PledgeSummary>(provincePage, 'pledges.summary', {})).pledgedVnd)
      .toBe(80_000_000);

    // Revoked, the district's bundles are refused.
    await provincePage.getByTestId('office-revoke').click();
    await provincePage.getByRole('button', { name: 'Thu hồi', exact: true }).last().click();
    await expect.poll(() => provincePage.getByTestId('office-list').textContent()).toContain('Đã thu hồi');
    await provincePage
      .getByTestId('sync-screen')
      .locator('input[type=file][accept=".aidledger"]')
      .setInputFiles(bundle);
    await expect
      .poll(() => provincePage.locator('.ant-message').textContent())
      .toContain('UBND xã Bảo Lạc đã bị thu hồi quyền gửi gói');
  });
});
