/**
 * The foreign NGO registry on screen, on the demo ledger (Cao Bằng): a certificate typed from the keyboard with
 * several provinces and fields; an aid item of an NGO whose certificate had expired flagged on its form, acknowledged
 * with a reason, saved, and shown so in its detail and on the dashboard; the to-do of a certificate about to expire;
 * the list in both languages. With DOCS_IMAGES=1 the user guide's pictures of the registry and of a flagged item are
 * made again into docs/user/{vi,en}/images/ (otherwise into test-results/screenshots/docs/).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AidItem, Certificate, Donor, NgoDetail, NgoSummary, RegistryWarning } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import { settled } from './pages';
import type { Served } from './serve';
import {
  discardTyped,
  fillPledgeForm,
  ledgerCall,
  openScreen,
  pick,
  popupsClosed,
  waitForFocus,
  waitForHighlight,
} from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'ngo.sqlite'))] });
let served: Served;
let page: Page;
let donors: Donor[];

const IMAGES = {
  vi: { registry: 'to-chuc-pcpnn.png', ngo: 'to-chuc-pcpnn-chi-tiet.png', flagged: 'khoan-bi-canh-bao.png' },
  en: { registry: 'foreign-ngos.png', ngo: 'foreign-ngo-detail.png', flagged: 'flagged-item.png' },
} as const;
const folderFor = (lang: 'vi' | 'en') =>
  process.env.DOCS_IMAGES === '1'
    ? join(ROOT, 'docs', 'user', lang, 'images')
    : join(ROOT, 'test-results', 'screenshots', 'docs', lang);

/** A day `days` after today, as the ledger writes days. */
function dayFromToday(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
}

const donorId = (shortName: string) => donors.find((d) => d.shortName === shortName)!.id;

beforeAll(async () => {
  ({ served, page } = app);
  await page.goto(served.url);
  await page.getByTestId('dashboard').waitFor();
  donors = await ledgerCall<Donor[]>(page, 'donors.list', {});
  // What the tests start from, as the department had it on file: VCF's certificate ended in 2021; BDCF's ends in a
  // month.
  await ledgerCall<Certificate>(page, 'ngo.addCertificate', {
    donorId: donorId('VCF'),
    kind: 'operation',
    number: '120/BNG-GĐK',
    issuedOn: '2019-01-02',
    validUntil: '2021-12-31',
    provinces: ['04'],
    fields: ['health', 'education'],
  });
  await ledgerCall<Certificate>(page, 'ngo.addCertificate', {
    donorId: donorId('BDCF'),
    kind: 'operation',
    number: '88/BNG-GĐK',
    issuedOn: dayFromToday(-700),
    validUntil: dayFromToday(30),
    provinces: ['04', '01'],
    fields: ['social', 'education'],
  });
});

async function switchTo(lang: 'vi' | 'en') {
  await settled(page);
  const button = page.getByTestId('switch-language');
  if ((await button.textContent()) === (lang === 'vi' ? 'Tiếng Việt' : 'English')) await button.click();
  await expect.poll(() => button.textContent()).toBe(lang === 'vi' ? 'English' : 'Tiếng Việt');
  await settled(page);
}

/** Types into a picker of many and takes the highlighted match with Enter, the list staying open for the next. */
async function pickMany(selector: string, texts: string[]) {
  const input = page.locator(selector);
  for (const text of texts) {
    await input.fill(text);
    await waitForHighlight(page, selector, text);
    await input.press('Enter');
  }
}

describe('the registry of foreign NGOs', () => {
  it('takes a certificate typed from the keyboard, with several provinces and fields', async () => {
    await openScreen(page, 'Tổ chức PCPNN');
    await page.getByTestId('ngo-search').locator('input').fill('tzu chi');
    await expect.poll(() => page.getByTestId('ngo-row').count()).toBe(1);
    await page.getByTestId('ngo-row').first().focus();
    await page.keyboard.press('Enter');
    const detail = page.getByTestId('ngo-detail');
    await detail.getByTestId('certificate-add').click();
    await waitForFocus(page, 'certificate_kind');

    // Kind as offered (an operation certificate), then number, issuing body as offered, dates.
    await page.keyboard.press('Tab');
    await waitForFocus(page, 'certificate_number');
    await page.keyboard.type('45/BNG-GĐK');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await waitForFocus(page, 'certificate_issuedOn');
    await page.keyboard.type('10/03/2025');
    await page.keyboard.press('Tab');
    await page.keyboard.type('09/03/2028');
    await page.keyboard.press('Tab');
    await waitForFocus(page, 'certificate_provinces');
    await pickMany('#certificate_provinces', ['cao bang', 'ha noi', 'thai nguyen']);
    await page.keyboard.press('Escape');
    await popupsClosed(page);
    await page.keyboard.press('Tab');
    await waitForFocus(page, 'certificate_fields');
    await pickMany('#certificate_fields', ['y te', 'giao duc']);
    await page.keyboard.press('Escape');
    await popupsClosed(page);
    await page.keyboard.press('Enter');
    await page.locator('#certificate_number').waitFor({ state: 'hidden' });

    await expect.poll(() => detail.getByTestId('certificate-row').count()).toBe(1);
    const tzuChi = donorId('Tzu Chi');
    const saved = (await ledgerCall<NgoDetail>(page, 'ngo.get', { id: tzuChi })).certificates[0]!;
    expect(saved).toMatchObject({
      kind: 'operation',
      number: '45/BNG-GĐK',
      issuedBy: 'Bộ Ngoại giao',
      issuedOn: '2025-03-10',
      validUntil: '2028-03-09',
      fields: ['health', 'education'],
    });
    expect(saved.provinces).toHaveLength(3);
    expect(saved.provinces).toContain('04');
    expect(saved.provinces).toContain('01');
    expect(await detail.getByTestId('certificate-provinces-text').textContent()).toContain('Cao Bằng');
    expect(await detail.getByTestId('certificate-fields-text').textContent()).toBe('Y tế, Giáo dục và đào tạo');

    // Esc in a form typed into asks before throwing it away.
    await detail.getByTestId('contact-add').click();
    await waitForFocus(page, 'ngoContact_name');
    await page.keyboard.type('Lê Thị Hoa');
    await page.keyboard.press('Escape');
    await discardTyped(page);
    await page.locator('#ngoContact_name').waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
  });

  it('flags an item of an NGO whose certificate had expired; acknowledged with a reason, it is still saved', async () => {
    await openScreen(page, 'Khoản viện trợ');
    await page.getByTestId('item-new').click();
    await waitForFocus(page, 'item_name');
    await page.keyboard.type('Trạm y tế xã Quảng Lâm');
    await pick(page, '#item_modality', 'du an');
    await pick(page, '#item_sector', 'y te');
    await pick(page, '#item_donorId', 'vcf');
    await page.locator('#item_approvalNumber').fill('310/QĐ-UBND');
    await page.locator('#item_approvalDate').fill('10/01/2025');
    const check = page.getByTestId('ngo-check');
    await expect.poll(() => check.textContent()).toContain('120/BNG-GĐK');
    await page.getByTestId('ngo-ack-reason').fill('Tổ chức đã nộp hồ sơ gia hạn, chờ Bộ Ngoại giao cấp');
    await settled(page);
    const folder = folderFor('vi');
    mkdirSync(folder, { recursive: true });
    await check.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(folder, IMAGES.vi.flagged) });
    await page.getByTestId('ngo-ack-reason').press('Enter');
    await page.locator('#item_name').waitFor({ state: 'hidden' });

    const item = (await ledgerCall<AidItem[]>(page, 'items.list', { text: 'tram y te xa quang lam' }))[0]!;
    expect(item.donorId).toBe(donorId('VCF'));
    const warnings = await ledgerCall<RegistryWarning[]>(page, 'ngo.warnings', {
      itemId: item.id,
      includeAcknowledged: true,
    });
    expect(warnings.map((w) => [w.subject, w.id, w.reasons])).toEqual([['item', item.id, ['expired']]]);
    expect(warnings[0]!.acknowledged?.reason).toBe('Tổ chức đã nộp hồ sơ gia hạn, chờ Bộ Ngoại giao cấp');

    // The item's detail shows its warning with the acknowledgement.
    const detail = page.getByTestId('item-detail');
    await expect.poll(() => detail.getByTestId('item-ngo-warnings').textContent()).toContain('120/BNG-GĐK');
    expect(await detail.getByTestId('ngo-warning-ack').textContent()).toContain('chờ Bộ Ngoại giao cấp');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });

    // A second item left unacknowledged waits on the dashboard's list; the acknowledged one shows when asked for.
    await page.getByTestId('item-new').click();
    await waitForFocus(page, 'item_name');
    await page.keyboard.type('Lớp học tình thương xã Hà Quảng');
    await pick(page, '#item_modality', 'du an');
    await pick(page, '#item_sector', 'giao duc');
    await pick(page, '#item_donorId', 'vcf');
    await page.locator('#item_approvalDate').fill('20/02/2025');
    await expect.poll(() => page.getByTestId('ngo-check').textContent()).toContain('120/BNG-GĐK');
    await page.locator('#item_name').press('Enter');
    await page.locator('#item_name').waitFor({ state: 'hidden' });
    await page.keyboard.press('Escape');

    await openScreen(page, 'Tổng quan');
    const card = page.getByTestId('ngo-warnings-card');
    await expect.poll(() => card.textContent()).toContain('Lớp học tình thương xã Hà Quảng');
    expect(await card.textContent()).not.toContain('Trạm y tế xã Quảng Lâm');
    await card.getByTestId('ngo-warnings-all').click();
    await expect.poll(() => card.textContent()).toContain('Trạm y tế xã Quảng Lâm');
    await card.scrollIntoViewIfNeeded();
    await settled(page);
    await page.screenshot({ path: join(ROOT, 'test-results', 'screenshots', 'ngo-dashboard-warnings.png') });
    await card.getByRole('button', { name: 'Lớp học tình thương xã Hà Quảng', exact: true }).click();
    await expect
      .poll(() => page.getByTestId('item-detail').getByTestId('item-ngo-warnings').textContent())
      .toContain('120/BNG-GĐK');
    await page.keyboard.press('Escape');
  });

  it('lists a certificate about to expire among the to-dos', async () => {
    await openScreen(page, 'Tổng quan');
    const lines = page.getByTestId('todo').getByTestId('todo-ngo');
    await expect.poll(() => lines.allTextContents()).toContainEqual(expect.stringContaining('88/BNG-GĐK'));
    const line = (await lines.allTextContents()).find((l) => l.includes('88/BNG-GĐK'))!;
    expect(line).toContain("Blue Dragon Children's Foundation");
    expect(line).toContain('còn 30 ngày');
  });

  it('shows the list in both languages', async () => {
    for (const lang of ['vi', 'en'] as const) {
      await page.goto(`${served.url}#ngos`);
      await switchTo(lang);
      const screen = page.getByTestId('ngos-screen');
      await screen.waitFor();
      await expect.poll(() => page.getByTestId('ngo-row').count()).toBeGreaterThanOrEqual(3);
      // VCF's row: its certificate expired, and as many warnings as wait to be considered (its 2022 pledges' too).
      const open = await ledgerCall<RegistryWarning[]>(page, 'ngo.warnings', { donorId: donorId('VCF') });
      expect(open.length).toBeGreaterThan(1);
      const rows = await ledgerCall<NgoSummary[]>(page, 'ngo.list', {});
      expect(rows.find((r) => r.donorId === donorId('VCF'))!.warningCount).toBe(open.length);
      const vcfRow = page.getByTestId('ngo-row').filter({ hasText: 'VinaCapital' });
      expect(await vcfRow.getByTestId('ngo-status').textContent()).toBe(lang === 'vi' ? 'Hết hạn' : 'Expired');
      expect(await vcfRow.getByTestId('ngo-warning-count').textContent()).toBe(String(open.length));
      const heading = await screen.locator('thead').textContent();
      expect(heading).toContain(lang === 'vi' ? 'Địa bàn được phép' : 'Provinces permitted');
      expect(await screen.locator('h3').textContent()).toBe(
        lang === 'vi' ? 'Tổ chức phi chính phủ nước ngoài' : 'Foreign NGOs',
      );

      // ↓ moves the cursor to the next row.
      await page.getByTestId('ngo-row').first().focus();
      await page.keyboard.press('ArrowDown');
      await expect
        .poll(() =>
          page.evaluate(() => document.activeElement === document.querySelectorAll('[data-testid=ngo-row]')[1]),
        )
        .toBe(true);

      // The guide's pictures: the list, and an NGO with its certificates over time.
      const folder = folderFor(lang);
      mkdirSync(folder, { recursive: true });
      await settled(page);
      await page.screenshot({ path: join(folder, IMAGES[lang].registry) });
      await page.getByTestId('ngo-row').filter({ hasText: 'Tzu Chi' }).click();
      await page.getByTestId('ngo-detail').getByTestId('certificate-row').first().waitFor();
      await settled(page);
      await page.screenshot({ path: join(folder, IMAGES[lang].ngo) });
      await page.keyboard.press('Escape');
      await page.getByTestId('ngo-detail').waitFor({ state: 'hidden' });
    }
  });

  it('shows an item flagged in English too', async () => {
    await page.goto(`${served.url}#items`);
    await switchTo('en');
    await page.getByTestId('item-new').click();
    await waitForFocus(page, 'item_name');
    await page.keyboard.type('Clean water for Quảng Lâm school');
    await pick(page, '#item_sector', 'health');
    await pick(page, '#item_donorId', 'vcf');
    await page.locator('#item_approvalDate').fill('10/01/2025');
    const check = page.getByTestId('ngo-check');
    await expect.poll(() => check.textContent()).toContain('120/BNG-GĐK');
    await settled(page);
    const folder = folderFor('en');
    mkdirSync(folder, { recursive: true });
    await check.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(folder, IMAGES.en.flagged) });
    await page.keyboard.press('Escape');
    await discardTyped(page);
    await switchTo('vi');
  });
});

describe("an NGO's record and the holidays", () => {
  it('records a suspension with its decision, and an activity plan judged on time', async () => {
    await page.goto(`${served.url}#ngos`);
    await switchTo('vi');
    await page.getByTestId('ngo-row').filter({ hasText: 'Blue Dragon' }).click();
    const detail = page.getByTestId('ngo-detail');
    await detail.getByTestId('certificate-status-change').first().click();
    await waitForFocus(page, 'certificateStatus_status');
    await pick(page, '#certificateStatus_status', 'dinh chi');
    await page.keyboard.press('Tab');
    await page.keyboard.type('15/QĐ-BNG');
    await page.keyboard.press('Tab');
    await page.keyboard.type(dayFromToday(-1).split('-').reverse().join('/'));
    await page.keyboard.press('Tab');
    await page.keyboard.type('Đình chỉ theo quyết định của Bộ Ngoại giao');
    await page.keyboard.press('Enter');
    await page.locator('#certificateStatus_reason').waitFor({ state: 'hidden' });
    await expect.poll(() => detail.getByTestId('certificate-status').first().textContent()).toBe('Bị đình chỉ');
    const bdcf = await ledgerCall<NgoDetail>(page, 'ngo.get', { id: donorId('BDCF') });
    expect(bdcf.certificates[0]).toMatchObject({
      status: 'suspended',
      decisionNumber: '15/QĐ-BNG',
      decisionDate: dayFromToday(-1),
    });
    // The history tells it in words.
    await expect.poll(() => detail.getByTestId('history').textContent()).toContain('Bị đình chỉ');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });

    // Tzu Chi's plan, received 8 working days after its certificate.
    await page.getByTestId('ngo-row').filter({ hasText: 'Tzu Chi' }).click();
    await detail.getByTestId('plan-add').click();
    await waitForFocus(page, 'ngoPlan_receivedOn');
    await page.keyboard.type('20/03/2025');
    await page.locator('#ngoPlan_summary').fill('Kế hoạch hỗ trợ y tế, giáo dục năm 2025');
    await page.locator('#ngoPlan_receivedOn').press('Enter');
    await page.locator('#ngoPlan_receivedOn').waitFor({ state: 'hidden' });
    await expect
      .poll(() => detail.getByTestId('ngo-plans').getByTestId('ngo-timeliness').textContent())
      .toBe('Đúng hạn');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
  });

  it('says on the field why the ledger refuses a certificate, and asks why it is edited', async () => {
    await openScreen(page, 'Tổ chức PCPNN');
    await page.getByTestId('ngo-row').filter({ hasText: 'Tzu Chi' }).click();
    const detail = page.getByTestId('ngo-detail');
    await detail.getByTestId('certificate-edit').first().click();
    await waitForFocus(page, 'certificate_kind');
    await page.locator('#certificate_validUntil').fill('09/03/2029');
    await page.locator('#certificate_validUntil').press('Enter');
    // The reason is asked first; then the ledger's refusal is said on the date it refuses.
    await expect.poll(() => page.locator('#certificate_reason_help').textContent()).toBeTruthy();
    await page.locator('#certificate_reason').fill('Sửa theo bản gốc');
    await page.locator('#certificate_reason').press('Enter');
    await expect.poll(() => page.locator('#certificate_validUntil_help').textContent()).toContain('tối đa 3 năm');
    await page.keyboard.press('Escape');
    await discardTyped(page);
    await page.locator('#certificate_validUntil').waitFor({ state: 'hidden' });
    const kept = (await ledgerCall<NgoDetail>(page, 'ngo.get', { id: donorId('Tzu Chi') })).certificates[0]!;
    expect(kept.validUntil).toBe('2028-03-09');
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'hidden' });
  });

  it('flags a pledge of an NGO whose certificate had expired, on its form', async () => {
    await page.keyboard.press('Alt+n');
    await waitForFocus(page, 'pledge_pledgeDate');
    await fillPledgeForm(page, {
      date: '05/05/2025',
      donorSearch: 'vcf',
      placeSearch: 'cao bang',
      kind: 'Quà',
      description: 'Quà cho học sinh',
      amount: '10.000.000',
    });
    await expect.poll(() => page.getByTestId('ngo-check').textContent()).toContain('120/BNG-GĐK');
    await page.keyboard.press('Escape');
    await discardTyped(page);
    await page.locator('#pledge_description').waitFor({ state: 'hidden' });
  });

  it('keeps the public holidays the department edits', async () => {
    await openScreen(page, 'Cài đặt');
    const holidays = page.getByTestId('holidays');
    await holidays.getByTestId('holiday-add').click();
    const row = holidays.getByTestId('holiday-row').first();
    await row.getByLabel('Ngày', { exact: true }).fill('15/06/2026');
    await row.getByLabel('Tên ngày lễ', { exact: true }).fill('Ngày nghỉ bù');
    await holidays.getByTestId('holidays-save').click();
    await expect
      .poll(async () =>
        (await ledgerCall<{ date: string; name: string }[]>(page, 'ngo.holidays', {})).map((h) => h.date),
      )
      .toContain('2026-06-15');
    const kept = await ledgerCall<{ date: string; name: string }[]>(page, 'ngo.holidays', {});
    expect(kept.find((h) => h.date === '2026-06-15')!.name).toBe('Ngày nghỉ bù');
    // Removing it keeps the others.
    const before = kept.length;
    await holidays
      .getByTestId('holiday-row')
      .filter({ has: page.locator('input[value="Ngày nghỉ bù"]') })
      .getByRole('button', { name: 'Xóa' })
      .click();
    await holidays.getByTestId('holidays-save').click();
    await expect.poll(async () => (await ledgerCall<unknown[]>(page, 'ngo.holidays', {})).length).toBe(before - 1);
  });
});
