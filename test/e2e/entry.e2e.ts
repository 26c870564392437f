/**
 * The Cao Bằng 2022 events entered through the UI form on a fresh ledger, the Tzu Chi pledge amended, a delivery
 * recorded; the ledger totals, the dashboard KPIs and a chart bar follow. Also: a pledge typed with the keyboard only,
 * a refused entry that saves nothing, the English UI, and a screenshot of every screen at 1366×768.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PledgeList, PledgeSummary, TotalsResult } from '../../contract';
import { formatAmount } from '../../contract/money';
import { ROOT, tempDir } from '../helpers';
import { settled } from './pages';
import type { Served } from './serve';
import {
  chooseNewDonor,
  discardTyped,
  fillPledgeForm,
  ledgerCall,
  openScreen,
  pick,
  saveWithEnter,
  popupsClosed,
  waitForFocus,
  waitForHighlight,
  type UiPledge,
} from './ui';
import { browserApp } from './fixture';

const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots');
const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [join(folder, 'entry.sqlite')] });
let served: Served;
let page: Page;
const pageErrors: string[] = [];

beforeAll(() => {
  ({ served, page } = app);
  page.on('pageerror', (e) => pageErrors.push(e.message));
  mkdirSync(SCREENSHOTS, { recursive: true });
});

// Each scenario starts from the app as it opens, whatever the previous one left on screen.
beforeEach(async () => {
  await page.goto(served.url);
  await page.getByTestId('dashboard').waitFor();
});

const shot = (name: string) => page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
const summary = () => ledgerCall<PledgeSummary>(page, 'pledges.summary', {});
const kpi = (name: string) => page.getByTestId(`kpi-${name}`).locator('.ant-statistic-content').textContent();
/** The value label drawn on a donor's bar in the top-donors chart. */
async function donorBarLabel(label: string): Promise<string | null> {
  const chart = page.getByTestId('chart-donors');
  await chart.locator('.recharts-label-list').first().waitFor();
  const labels = await chart.locator('.recharts-label-list text').allTextContents();
  const names = await chart.locator('.recharts-yAxis-tick-labels text').allTextContents();
  const index = names.findIndex((n) => n.replace(/\s+/g, ' ').includes(label));
  return index >= 0 ? (labels[index]?.replace(/\s+/g, ' ') ?? null) : null;
}

const VUFO = {
  name: 'Liên hiệp các tổ chức hữu nghị Việt Nam',
  shortName: 'VUFO',
  country: 'Việt Nam',
  kind: 'trung gian',
};
const TZU_CHI = { name: 'Tổ chức Tzu Chi', shortName: 'Tzu Chi', country: 'Đài Loan (Trung Quốc)' };
const VCF = { name: 'The VinaCapital Foundation', shortName: 'VCF', country: 'Hoa Kỳ' };

const EVENTS: UiPledge[] = [
  {
    date: '07/07/2022',
    donorSearch: 'lien hiep',
    newDonor: VUFO,
    placeSearch: 'cao bang',
    kind: 'Nhà',
    description: 'Nhà tình nghĩa',
    quantity: '10',
    unit: 'căn',
    amount: '700.000.000',
  },
  {
    date: '07/07/2022',
    donorSearch: 'vufo',
    placeSearch: 'cao bang',
    kind: 'Quà',
    description: 'Quà an sinh xã hội',
    amount: '500.000.000',
  },
  {
    date: '07/07/2022',
    donorSearch: 'vufo',
    placeSearch: 'cao bang',
    kind: 'Học bổng',
    description: 'Học bổng cho học sinh nghèo',
    amount: '10.000',
    currency: 'USD',
    rate: '23.000',
    rateSource: 'Quy đổi theo tin bài',
  },
  {
    date: '01/08/2022',
    donorSearch: 'tzu chi',
    newDonor: TZU_CHI,
    placeSearch: 'cao bang',
    kind: 'Nhà',
    description: 'Hỗ trợ làm nhà cho hộ nghèo (Bảo Lạc, Nguyên Bình)',
    quantity: '20',
    unit: 'hộ',
    amount: '700.000.000',
  },
  {
    date: '01/08/2022',
    donorSearch: 'tzu',
    placeSearch: 'nguyen binh',
    kind: 'Quà',
    description: 'Quà Tết 2023 cho hộ nghèo',
    amount: '500.000.000',
  },
  {
    date: '01/08/2022',
    donorSearch: 'vinacapital',
    newDonor: VCF,
    placeSearch: 'cao bang',
    kind: 'Học bổng',
    description: 'Học bổng cho học sinh nghèo (hỗ trợ một lần)',
    amount: '10.000',
    currency: 'USD',
    rate: '23.000',
    rateSource: 'Thư nhà tài trợ: tương đương 230 triệu đồng',
  },
];

describe('entering the Cao Bằng events through the form', () => {
  it('adds each pledge, new donors created from the picker, and shows it at once', async () => {
    await shot('dashboard-empty');
    for (const [i, event] of EVENTS.entries()) {
      await page.getByTestId('new-pledge').click();
      await fillPledgeForm(page, event);
      if (i === 2) await shot('pledge-form');
      await saveWithEnter(page);
      await expect.poll(async () => (await summary()).count).toBe(i + 1);
    }
    const s = await summary();
    expect(s.pledgedVnd).toBe(700_000_000 + 500_000_000 + 230_000_000 + 700_000_000 + 500_000_000 + 230_000_000);
    // The dashboard, open behind the form, already shows them.
    await expect.poll(() => kpi('pledged')).toBe('2.860.000.000 VND');
    expect(await donorBarLabel('Tổ chức Tzu Chi')).toBe('1,2 tỷ');
    const vcf = await ledgerCall<PledgeList>(page, 'pledges.list', { filter: { text: 'vinacapital' } });
    expect(vcf.rows[0]).toMatchObject({
      amountMinor: 1_000_000,
      currency: 'USD',
      rate: '23000',
      vndEquivalent: 230_000_000,
      placeName: 'Tỉnh Cao Bằng',
    });
  });

  it('types a pledge with the keyboard only', async () => {
    // Each key once the screen has answered the last: focus moved, a list highlighting what was typed.
    const tabTo = async (id: string) => {
      await page.keyboard.press('Tab');
      await waitForFocus(page, id);
      await popupsClosed(page);
    };
    const chooseTyped = async (id: string, text: string) => {
      await page.keyboard.type(text);
      await waitForHighlight(page, `#${id}`, text);
      await page.keyboard.press('Enter');
      await popupsClosed(page);
    };
    await page.keyboard.press('Alt+n');
    await waitForFocus(page, 'pledge_pledgeDate');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('01/08/2022');
    await tabTo('pledge_donorId'); // donor: a new one, created without leaving the form
    await page.keyboard.type('blue dragon');
    await chooseNewDonor(page, '#pledge_donorId', 'blue dragon');
    await waitForFocus(page, 'donor_name');
    await page.keyboard.press('Control+a');
    await page.keyboard.type("Blue Dragon Children's Foundation");
    await tabTo('donor_shortName');
    await page.keyboard.type('BDCF');
    await tabTo('donor_country');
    await page.keyboard.type('Australia');
    await page.keyboard.press('Enter');
    await page.locator('#donor_name').waitFor({ state: 'hidden' });
    await waitForFocus(page, 'pledge_donorId');
    await tabTo('pledge_placeId');
    await chooseTyped('pledge_placeId', 'cao bang');
    await tabTo('pledge_kind');
    await chooseTyped('pledge_kind', 'Nhà');
    await tabTo('pledge_description');
    await page.keyboard.type('Xây nhà ở cho gia đình 2 học sinh');
    await tabTo('pledge_quantity');
    await page.keyboard.type('2');
    await tabTo('pledge_unit');
    await page.keyboard.type('căn');
    await tabTo('pledge_unitValueMinor');
    await page.keyboard.type('80000000');
    await tabTo('pledge_amountMinor'); // left empty: quantity × unit value
    await page.keyboard.press('Enter');
    await page.locator('#pledge_description').waitFor({ state: 'hidden' });
    const bdcf = await ledgerCall<PledgeList>(page, 'pledges.list', { filter: { text: 'bdcf' } });
    expect(bdcf.rows).toHaveLength(1);
    expect(bdcf.rows[0]).toMatchObject({
      pledgeDate: '2022-08-01',
      donorName: "Blue Dragon Children's Foundation",
      placeName: 'Tỉnh Cao Bằng',
      kind: 'house',
      quantity: '2',
      unit: 'căn',
      unitValueMinor: 80_000_000,
      amountMinor: 160_000_000,
      currency: 'VND',
    });
  });

  it('takes a whole pledge typed at full speed, every key where it was meant, and saves exactly what was typed', async () => {
    await page.keyboard.press('Alt+n');
    await waitForFocus(page, 'pledge_pledgeDate');
    // From here on, no waiting between keys: Tab takes a picker's highlighted match and moves on, as in any field.
    const keys: (string | { press: string })[] = [
      { press: 'Control+a' },
      '02/09/2022',
      { press: 'Tab' },
      'vinacapital',
      { press: 'Tab' },
      'nguyen binh',
      { press: 'Tab' },
      'hoc bong',
      { press: 'Tab' },
      'Học bổng đợt 2 cho học sinh Nguyên Bình',
      { press: 'Tab' },
      '5',
      { press: 'Tab' },
      'suất',
      { press: 'Tab' },
      '2.000.000',
      { press: 'Tab' },
      { press: 'Tab' }, // the amount, left empty: quantity × unit value
      'vnd',
      { press: 'Tab' },
      'dang thuc',
      { press: 'Tab' },
      '5',
      { press: 'Tab' },
      'QĐ 12/2022',
      { press: 'Tab' },
      '05/09/2022',
      { press: 'Enter' },
    ];
    for (const key of keys) {
      if (typeof key === 'string') await page.keyboard.type(key);
      else await page.keyboard.press(key.press);
    }
    await page.locator('#pledge_description').waitFor({ state: 'hidden' });
    const saved = await ledgerCall<PledgeList>(page, 'pledges.list', { filter: { text: 'hoc bong dot 2' } });
    expect(saved.rows).toHaveLength(1);
    expect(saved.rows[0]).toMatchObject({
      pledgeDate: '2022-09-02',
      donorName: 'The VinaCapital Foundation',
      placeName: 'Huyện Nguyên Bình',
      kind: 'scholarship',
      description: 'Học bổng đợt 2 cho học sinh Nguyên Bình',
      quantity: '5',
      unit: 'suất',
      unitValueMinor: 2_000_000,
      amountMinor: 10_000_000,
      currency: 'VND',
      status: 'in_progress',
      statusByUser: true,
      beneficiaries: 5,
      approvalNumber: 'QĐ 12/2022',
      approvalDate: '2022-09-05',
    });
    // No donor was made from words meant for other fields.
    const donors = await ledgerCall<{ name: string }[]>(page, 'donors.list', {});
    expect(donors.map((d) => d.name).sort()).toEqual([
      "Blue Dragon Children's Foundation",
      'Liên hiệp các tổ chức hữu nghị Việt Nam',
      'The VinaCapital Foundation',
      'Tổ chức Tzu Chi',
    ]);
    await ledgerCall(page, 'pledges.delete', { id: saved.rows[0]!.id });
  });

  it("refuses a wrong entry in the user's language and saves nothing", async () => {
    const before = await summary();
    await page.getByTestId('new-pledge').click();
    await fillPledgeForm(page, {
      date: '01/09/2022',
      donorSearch: 'tzu',
      placeSearch: 'bao lac',
      kind: 'Nhà',
      description: 'Thử sai',
      amount: '12,5',
    });
    await page.locator('#pledge_description').press('Enter');
    await expect.poll(() => page.locator('#pledge_amountMinor_help').textContent()).toContain('VND không có phần lẻ');
    // A total that is not quantity × unit value is refused by the ledger, shown on the field.
    await page.locator('#pledge_quantity').fill('20');
    await page.locator('#pledge_unitValueMinor').fill('44.000.000');
    await page.locator('#pledge_amountMinor').fill('700.000.000');
    await page.locator('#pledge_description').press('Enter');
    await expect
      .poll(() => page.locator('#pledge_amountMinor_help').textContent())
      .toContain('khác Số lượng × Đơn giá');
    await shot('pledge-form-error');
    await page.locator('#pledge_description').press('Escape');
    await discardTyped(page);
    await page.locator('#pledge_description').waitFor({ state: 'hidden' });
    expect(await summary()).toEqual(before);
  });

  it('amends the Tzu Chi pledges and records a delivery; totals, KPIs and the chart follow', async () => {
    await openScreen(page, 'Sổ cam kết');
    await page.getByTestId('filter-text').locator('input').fill('tzu chi lam nha');
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('1 cam kết');
    // The previous filter's rows stay on screen until the new ones arrive: wait for the one searched for.
    await page.getByTestId('pledge-row').filter({ hasText: 'Hỗ trợ làm nhà cho hộ nghèo' }).click();
    await page.getByTestId('pledge-detail').waitFor();
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    await page.locator('#pledge_unitValueMinor').fill('44.000.000');
    await page.locator('#pledge_amountMinor').fill('880.000.000');
    await page.locator('#pledge_reason').fill('Tăng 180 triệu đồng sau khảo sát (44 triệu đồng/hộ)');
    await page.locator('#pledge_reason').press('Enter');
    await page.locator('#pledge_reason').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('detail-amount').textContent()).toBe('880.000.000 VND');
    await expect.poll(() => page.getByTestId('history').textContent()).toContain('700.000.000 → 880.000.000');
    expect(await page.getByTestId('history').textContent()).toContain('Tăng 180 triệu đồng sau khảo sát');

    await page.getByRole('button', { name: 'Ghi nhận giao / giải ngân' }).click();
    await page.locator('#delivery_amountMinor').fill('440.000.000');
    await page.locator('#delivery_quantity').fill('10');
    await page.locator('#delivery_notes').fill('Bàn giao 10 căn đợt 1');
    await page.locator('#delivery_notes').press('Enter');
    await page.locator('#delivery_notes').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('detail-remaining').textContent()).toBe('440.000.000 VND');
    await shot('pledge-detail');
    await page.keyboard.press('Escape');

    await page.getByTestId('filter-text').locator('input').fill('tzu chi qua tet');
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('1 cam kết');
    await page.getByTestId('pledge-row').filter({ hasText: 'Quà Tết 2023' }).click();
    await expect.poll(() => page.getByTestId('pledge-detail').textContent()).toContain('Quà Tết 2023');
    await page.getByRole('button', { name: 'Sửa', exact: true }).click();
    await page.locator('#pledge_quantity').fill('1000');
    await page.locator('#pledge_unit').fill('suất');
    await page.locator('#pledge_unitValueMinor').fill('1.000.000');
    await page.locator('#pledge_amountMinor').fill('1.000.000.000');
    await page.locator('#pledge_reason').fill('Thêm 500 suất quà, 1 triệu đồng/suất');
    await page.locator('#pledge_reason').press('Enter');
    await page.locator('#pledge_reason').waitFor({ state: 'hidden' });
    await expect.poll(() => page.getByTestId('detail-amount').textContent()).toBe('1.000.000.000 VND');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('7 cam kết');
    // The unfiltered totals were shown before the edits: wait for them to be read again.
    await expect.poll(() => page.getByTestId('totals-pledged').textContent()).toBe('3.700.000.000');
    await expect.poll(() => page.getByTestId('totals-delivered').textContent()).toBe('440.000.000');
    await expect.poll(() => page.getByTestId('totals-remaining').textContent()).toBe('3.260.000.000');
    await shot('pledges');

    await openScreen(page, 'Tổng quan');
    await expect.poll(() => kpi('pledged')).toBe('3.700.000.000 VND');
    expect(await kpi('delivered')).toBe('440.000.000 VND');
    expect(await kpi('remaining')).toBe('3.260.000.000 VND');
    // Houses (căn) and households (hộ) side by side, never added up.
    await expect.poll(() => kpi('houses')).toBe('12 căn · 20 hộ');
    expect(await kpi('gifts')).toBe('1.000 suất');
    expect(await kpi('donors')).toBe('4');
    await expect.poll(() => donorBarLabel('Tổ chức Tzu Chi')).toBe('1,88 tỷ');
    await shot('dashboard');

    const ledger = await ledgerCall<{ groups: { label: string; pledged: number }[] }>(page, 'totals', { by: 'donor' });
    expect(ledger.groups.find((g) => g.label === 'Tổ chức Tzu Chi')!.pledged).toBe(1_880_000_000);
    expect(ledger.groups.find((g) => g.label === 'The VinaCapital Foundation')!.pledged).toBe(230_000_000);
  });

  it('opens the ledger filtered to a clicked bar', async () => {
    await page.getByTestId('chart-donors').locator('.recharts-bar-rectangle').first().waitFor();
    const bar = page.getByTestId('chart-donors').locator('.recharts-bar-rectangle').first();
    await bar.click();
    await page.getByTestId('pledges-screen').waitFor();
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('2 cam kết');
    expect(await page.getByTestId('totals-pledged').textContent()).toBe('1.880.000.000');
    await page.getByRole('button', { name: 'Bỏ lọc' }).click();
  });

  it('shows every other screen', async () => {
    for (const [name, testId, file] of [
      ['Nhà tài trợ', 'donors-screen', 'donors'],
      ['Địa bàn', 'places-screen', 'places'],
      ['Tỷ giá', 'rates-screen', 'rates'],
      ['Cài đặt', 'settings-screen', 'settings'],
    ] as const) {
      await openScreen(page, name);
      await page.getByTestId(testId).waitFor();
      await settled(page);
      await shot(file);
    }
    // A monthly USD rate entered on the rates screen.
    await openScreen(page, 'Tỷ giá');
    const month = page.locator('#rate_period');
    await month.click();
    await month.fill('07/2022');
    await page.locator('#rate_rate').fill('23.000');
    await page.locator('#rate_source').fill('Tỷ giá hạch toán tháng 7/2022');
    await page.locator('#rate_source').press('Enter');
    await expect
      .poll(() => page.getByTestId('rates-screen').locator('tbody').textContent())
      .toContain('Tỷ giá hạch toán tháng 7/2022');
    expect(await page.getByTestId('rates-screen').locator('tbody').textContent()).toContain('23.000');
    await shot('rates');
    expect(await page.getByTestId('donors-screen').count()).toBe(0);
    await openScreen(page, 'Nhà tài trợ');
    await expect.poll(() => page.getByTestId('donors-screen').textContent()).toContain('Blue Dragon Children');
  });

  it('proposes the rate of the rates table for a foreign-currency pledge', async () => {
    await page.getByTestId('new-pledge').click();
    const date = page.locator('#pledge_pledgeDate');
    await date.click();
    await date.press('Control+a');
    await date.pressSequentially('15/07/2022');
    await page.keyboard.press('Tab');
    await pick(page, '#pledge_currency', 'USD');
    await expect.poll(() => page.locator('#pledge_rate').inputValue()).toBe('23.000');
    expect(await page.locator('#pledge_rateSource').inputValue()).toBe('Tỷ giá hạch toán tháng 7/2022');
    await popupsClosed(page);
    await page.locator('#pledge_rate').press('Escape');
    await discardTyped(page);
    await page.locator('#pledge_rate').waitFor({ state: 'hidden' });
  });

  it('switches to English', async () => {
    await openScreen(page, 'Tổng quan');
    await page.getByTestId('switch-language').click();
    await page.getByTestId('nav').getByText('Pledges', { exact: true }).waitFor();
    await expect.poll(() => page.getByRole('heading', { name: 'Dashboard' }).count()).toBe(1);
    await expect.poll(() => page.getByTestId('kpi-pledged').textContent()).toContain('Pledged');
    expect(await kpi('pledged')).toBe('3,700,000,000 VND');
    await page.getByTestId('currency-switch').getByText('USD').click();
    // USD rows count exactly; VND rows convert at the USD rate of their own month (23,000 for July 2022 onwards).
    const usd = await ledgerCall<TotalsResult>(page, 'totals', { by: 'kind', in: 'USD' });
    expect(usd.unconverted).toEqual({ pledgedVnd: 0, deliveredVnd: 0, pledgeCount: 0, deliveryCount: 0, months: [] });
    expect(usd.total.pledged).toBeGreaterThan(16_086_000);
    await expect.poll(() => kpi('pledged')).toBe(`${formatAmount(usd.total.pledged, 'USD', 'en')} USD`);
    await shot('dashboard-en-usd');
    await openScreen(page, 'Pledges');
    await expect.poll(() => page.getByTestId('totals-count').textContent()).toBe('7 pledges');
    await shot('pledges-en');
    expect(pageErrors).toEqual([]);
  });
});
