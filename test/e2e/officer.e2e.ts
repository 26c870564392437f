/**
 * What an officer meets, in both languages at 1366×768: the question of who is using the installation; a date that
 * does not exist refused on its field, saving nothing; an amendment asking its reason, the cursor on it, and the
 * history naming the person; the dialog's buttons in view; the reports made, listed; and the English UI without a
 * Vietnamese word outside the ledger's own data.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PledgeList, PledgeSummary, Settings } from '../../contract';
import { ROOT, tempDir } from '../helpers';
import { pageErrors, settled } from './pages';
import { TEST_USER, type Served } from './serve';
import { chooseIn, discardTyped, ledgerCall, openScreen, waitForFocus } from './ui';
import { browserApp, cli, demoLedger } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const SITE = 'Sở Ngoại vụ, máy 2';
const dir = tempDir();
const app = browserApp(dir, {
  ledgers: (folder) => {
    const db = join(folder, 'officer.sqlite');
    cli('init', '--db', db, '--site', SITE);
    return [demoLedger(db)];
  },
  // Nobody has said who uses this installation yet: the app asks.
  serve: { userName: null },
  pages: [{ acceptDownloads: true }],
});
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
/** Waits until the detail drawer has finished sliding in (its edge at the window's edge, the same two frames running). */
async function drawerOpen() {
  await expect
    .poll(() =>
      page.evaluate(async () => {
        const edge = () => document.querySelector('.ant-drawer-content-wrapper')?.getBoundingClientRect().right ?? -1;
        const first = edge();
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        return first === edge() && Math.round(first) === window.innerWidth;
      }),
    )
    .toBe(true);
}
/** The app opened afresh (a reload, not a jump within the page) in a language, on a screen. */
async function openIn(language: 'vi' | 'en', screen = '') {
  await ledgerCall(page, 'settings.update', { language });
  await page.goto(`${served.url}${screen ? `#${screen}` : ''}`);
  await page.reload();
  await page
    .getByTestId('nav')
    .getByText(language === 'vi' ? 'Tổng quan' : 'Dashboard', { exact: true })
    .waitFor();
}
const summary = () => ledgerCall<PledgeSummary>(page, 'pledges.summary', {});

describe('an officer', () => {
  it('is asked who is using the installation at the first start, once', async () => {
    await page.goto(served.url);
    const name = page.locator('#who_userName');
    await name.waitFor();
    await shot('first-run');
    await name.fill('Nguyễn Văn A');
    expect(await page.locator('#who_siteName').inputValue()).toBe(SITE);
    await name.press('Enter');
    await name.waitFor({ state: 'hidden' });
    expect(await ledgerCall<Settings>(page, 'settings.get', {})).toMatchObject({
      userName: 'Nguyễn Văn A',
      siteName: SITE,
    });
    await page.reload();
    await page.getByTestId('dashboard').waitFor();
    await settled(page);
    expect(await page.locator('#who_userName').count()).toBe(0);
    expect(TEST_USER).not.toBe('Nguyễn Văn A');
  });

  for (const language of ['vi', 'en'] as const) {
    it(`never saves a date nobody typed (${language})`, async () => {
      await openIn(language);
      await page.getByTestId('dashboard').waitFor();
      const before = await summary();
      await page.keyboard.press('Alt+n');
      await waitForFocus(page, 'pledge_pledgeDate');
      await page.keyboard.press('Control+a');
      await page.keyboard.type('31/02/2022');
      await page.keyboard.press('Tab');
      const help = page.locator('#pledge_pledgeDate_help');
      const expected =
        language === 'vi'
          ? 'Không có ngày 31/2/2022: tháng 2/2022 chỉ có 28 ngày'
          : 'There is no 31/2/2022: month 2/2022 has 28 days';
      await expect.poll(() => help.textContent()).toContain(expected);
      // What was typed stays as typed.
      expect(await page.locator('#pledge_pledgeDate').inputValue()).toBe('31/02/2022');
      await page.locator('#pledge_description').fill('Thử ngày sai');
      await page.locator('#pledge_description').press('Enter');
      // Not saved; the cursor goes back to the date, the first field in error.
      await waitForFocus(page, 'pledge_pledgeDate');
      expect(await summary()).toEqual(before);
      await shot(`pledge-form-date-error-${language}`);
      await page.keyboard.press('Escape');
      await discardTyped(page);
      await page.locator('#pledge_pledgeDate').waitFor({ state: 'hidden' });
    });
  }

  it('is asked the reason for an amendment, with the cursor on it, and the history names who made it', async () => {
    await openIn('vi', 'pledges');
    await page.getByTestId('filter-text').locator('input').fill('quà an sinh');
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('1 cam kết');
    await page.getByTestId('pledge-row').filter({ hasText: 'Quà an sinh xã hội' }).click();
    await page.getByTestId('pledge-detail').waitFor();
    await page.locator('.ant-drawer-extra').getByRole('button', { name: 'Sửa', exact: true }).click();
    await page.locator('#pledge_amountMinor').fill('550.000.000');
    // Save is in view at 1366×768 without scrolling, the reason field at the bottom of a long form included.
    const ok = await page.locator('.ant-modal-footer .ant-btn-primary').boundingBox();
    expect(ok!.y + ok!.height).toBeLessThanOrEqual(768);
    await page.locator('#pledge_amountMinor').press('Enter');
    await waitForFocus(page, 'pledge_reason');
    await expect.poll(() => page.locator('#pledge_reason_help').textContent()).toContain('Hãy ghi lý do điều chỉnh');
    await page.keyboard.type('Thêm 50 suất theo thư của nhà tài trợ');
    await page.keyboard.press('Enter');
    await page.locator('#pledge_reason').waitFor({ state: 'hidden' });
    await expect
      .poll(() => page.getByTestId('history').textContent())
      .toContain('Thêm 50 suất theo thư của nhà tài trợ');
    expect(await page.getByTestId('history-by').last().textContent()).toBe(`bởi Nguyễn Văn A — ${SITE}`);
    await drawerOpen();
    await page.getByTestId('history-by').last().scrollIntoViewIfNeeded();
    await shot('history-person-vi');
    await page.keyboard.press('Escape');
    await page.getByTestId('pledge-detail').waitFor({ state: 'hidden' });
    await page.getByTestId('switch-language').click();
    await page.getByTestId('pledge-row').filter({ hasText: 'Quà an sinh xã hội' }).click();
    await expect.poll(() => page.getByTestId('history-by').last().textContent()).toBe(`by Nguyễn Văn A — ${SITE}`);
    await drawerOpen();
    await page.getByTestId('history-by').last().scrollIntoViewIfNeeded();
    await shot('history-person-en');
    await page.keyboard.press('Escape');
    await page.getByTestId('pledge-detail').waitFor({ state: 'hidden' });
    await page.getByTestId('switch-language').click();
    const saved = await ledgerCall<PledgeList>(page, 'pledges.list', { filter: { text: 'quà an sinh' } });
    expect(saved.rows[0]).toMatchObject({ amountMinor: 550_000_000 });
  });

  it('sees the reports made, in both languages, and what changed since', async () => {
    await openIn('vi', 'reports');
    await chooseIn(page, 'Năm', '2022');
    await chooseIn(page, 'Quý', 'Quý III');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-download').click()]);
    expect(download.suggestedFilename()).toBe('Bao-cao-vien-tro-2022-Q3.xlsx');
    const list = page.getByTestId('reports-sent');
    await expect.poll(() => list.locator('tbody').textContent()).toContain(`Nguyễn Văn A — ${SITE}`);
    expect(await list.locator('tbody tr').count()).toBe(1);
    // An amendment after the report: previewing the period again says so.
    const pledge = (await ledgerCall<PledgeList>(page, 'pledges.list', { filter: { text: 'vinacapital' } })).rows[0]!;
    await ledgerCall(page, 'pledges.update', { id: pledge.id, rate: '23500', reason: 'Tỷ giá theo chứng từ' });
    await page.getByTestId('report-preview').click();
    await expect.poll(() => page.getByTestId('report-since-last').textContent()).toContain('điều chỉnh 1');
    await list.scrollIntoViewIfNeeded();
    await shot('reports-sent-vi');
    await page.getByTestId('switch-language').click();
    await expect.poll(() => list.locator('thead').textContent()).toContain('Made by');
    await page.getByTestId('report-preview').click();
    await expect.poll(() => page.getByTestId('report-since-last').textContent()).toContain('1 amended');
    await list.scrollIntoViewIfNeeded();
    await shot('reports-sent-en');
    await page.getByTestId('switch-language').click();
  });

  it("finds no Vietnamese word in the English UI but the ledger's own data", async () => {
    await openIn('en');
    const data = new Set<string>();
    // The ledger's own words (names of places, donors, people...) may be Vietnamese in any language, and so may the
    // examples of such names the forms show.
    for (const example of ['Nguyễn Văn A', SITE]) data.add(example);
    // The report form's lines are printed in Vietnamese whatever the language (the Decree 30/2020 form): its defaults
    // and the department's full name made from them are shown as examples.
    const { reportFormDefaults: form } = await ledgerCall<{ reportFormDefaults: Record<string, string> }>(
      page,
      'settings.get',
      {},
    );
    for (const line of Object.values(form)) data.add(line);
    data.add(`${form.reportOffice} ${form.reportGoverningBody}`);
    for (const p of await ledgerCall<{ name: string }[]>(page, 'places.list', {})) data.add(p.name);
    for (const d of await ledgerCall<{ name: string; shortName: string | null; country: string | null }[]>(
      page,
      'donors.list',
      {},
    )) {
      for (const w of [d.name, d.shortName, d.country]) if (w) data.add(w);
    }
    for (const i of await ledgerCall<
      { name: string; governingBody: string | null; aidOwner: string | null; sector: string }[]
    >(page, 'items.list', {})) {
      for (const w of [i.name, i.governingBody, i.aidOwner]) if (w) data.add(w);
    }
    // The registry's warnings name the items and pledges they flag by their own words.
    for (const w of await ledgerCall<{ label: string }[]>(page, 'ngo.warnings', { includeAcknowledged: true }))
      data.add(w.label);
    const vietnamese = /[ăâđêôơưáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ]/i;
    const screens = [
      'Dashboard',
      'Pledges',
      'Aid items',
      'Reports',
      'Excel import',
      'Sync',
      'Donors',
      'Places',
      'Exchange rates',
      'Backups',
      'Settings',
    ];
    const found: string[] = [];
    for (const screen of screens) {
      await openScreen(page, screen);
      await settled(page);
      // The UI's own words: headings, labels, buttons, column headers, placeholders, empty states, tabs, menus.
      const texts = await page.evaluate(() => {
        const out: string[] = [];
        for (const el of document.querySelectorAll(
          'h1, h2, h3, h4, h5, label, button, th, .ant-tabs-tab, .ant-menu-item, .ant-empty-description, .ant-segmented-item-label, .ant-card-head-title, .ant-alert-message, .ant-select-selection-placeholder',
        )) {
          // biome-ignore lint/performance/useDomNodeTextContent: the words shown, not those of hidden elements
          const text = (el as HTMLElement).innerText?.trim();
          if (text) out.push(text);
        }
        for (const el of document.querySelectorAll('input[placeholder]'))
          out.push((el as HTMLInputElement).placeholder);
        return out;
      });
      for (const text of texts) {
        // Longest first: a name holding another ("… huyện Bảo Lạc") is taken whole before its parts.
        const stripped = [...data]
          .sort((a, b) => b.length - a.length)
          .reduce((t, word) => t.split(word).join(''), text);
        if (vietnamese.test(stripped)) found.push(`${screen}: ${text}`);
      }
    }
    // The language switch names the other language in its own words.
    expect(
      found.filter((f) => !/: Tiếng Việt$/.test(f)),
      found.join('\n'),
    ).toEqual([]);
    await ledgerCall(page, 'settings.update', { language: 'vi' });
    expect(pageErrors(page)).toEqual([]);
  });
});
