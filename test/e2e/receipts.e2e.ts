/**
 * A list of receipts in the real UI: the preview shows each row's pledge; where two fit, the user chooses one from
 * the keyboard-reachable list and the import records the delivery there; a row no pledge fits becomes a pledge
 * delivered in full, its unknown donor made with its country left to complete and listed in "Việc cần làm". A choice
 * applies to every row like it; a list with one date column is read as receipts when switched so; the report's
 * detail table names who received each delivery, and the next list of that layout is read as receipts by itself.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Donor, PledgeDetail, PledgeRow, Place } from '../../contract';
import { tempDir } from '../helpers';
import type { Served } from './serve';
import { chooseIn, highlighted, ledgerCall, popupsClosed } from './ui';
import { browserApp } from './fixture';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [join(folder, 'receipts.sqlite')] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

const chooseFile = (path: string) =>
  page.locator('[data-testid=imports-screen] input[type=file]:not([webkitdirectory])').setInputFiles(path);

/** A donor of the tests' district with its pledges (each of 100.000.000 VND), made through the ledger's calls. */
async function donorWithPledges(name: string, pledges: { kind: string; description: string; pledgeDate: string }[]) {
  const places = await ledgerCall<Place[]>(page, 'places.list', {});
  const district = places.find((p) => p.level === 'district' && p.name === 'Bảo Lạc')!;
  const donor = await ledgerCall<Donor>(page, 'donors.create', { name, country: 'Hoa Kỳ', kind: 'foundation' });
  const made: PledgeRow[] = [];
  for (const p of pledges)
    made.push(
      await ledgerCall<PledgeRow>(page, 'pledges.create', {
        ...p,
        donorId: donor.id,
        placeId: district.id,
        amountMinor: 100_000_000,
        currency: 'VND',
      }),
    );
  return { district, pledges: made };
}

/** Chooses a receipt row's pledge from the keyboard: the list opened with ↓, moved down to the option, taken with Enter. */
async function chooseByKeyboard(row: number, option: string) {
  const choice = page.getByRole('combobox', { name: `Cam kết của dòng ${row}`, exact: true });
  await choice.focus();
  await choice.press('ArrowDown');
  const id = await choice.getAttribute('id');
  for (let step = 0; step < 10 && !((await highlighted(page, `#${id}`)) ?? '').includes(option); step++)
    await choice.press('ArrowDown');
  expect(await highlighted(page, `#${id}`)).toContain(option);
  await choice.press('Enter');
  await popupsClosed(page);
}

describe('a list of receipts in the import preview', () => {
  it('shows each row’s pledge, takes the user’s choice where two fit, and lists the new donor to complete', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const places = await ledgerCall<Place[]>(page, 'places.list', {});
    const district = places.find((p) => p.level === 'district' && p.name === 'Bảo Lạc')!;
    const donor = await ledgerCall<Donor>(page, 'donors.create', {
      name: 'Tổ chức Tzu Chi',
      country: 'Đài Loan',
      kind: 'foreign_ngo',
    });
    const pledgeOf = (description: string, pledgeDate: string) =>
      ledgerCall<PledgeRow>(page, 'pledges.create', {
        donorId: donor.id,
        placeId: district.id,
        kind: 'house',
        description,
        amountMinor: 100_000_000,
        currency: 'VND',
        pledgeDate,
      });
    await pledgeOf('Nhà đợt một', '2024-01-10');
    const second = await pledgeOf('Nhà đợt hai', '2024-02-10');

    const path = join(dir.dir, 'da-nhan.csv');
    writeFileSync(
      path,
      [
        'DANH SÁCH HỘ NHẬN HỖ TRỢ',
        'STT,Nhà tài trợ,Địa bàn,Loại hỗ trợ,Nội dung,Tên hộ nhận,Thôn,Ngày nhận,Đã nhận',
        `1,Tổ chức Tzu Chi,${district.displayName},Nhà ở,Nhà,Nông Văn A,Nà Pồng,10/05/2024,"40.000.000"`,
        `2,Quỹ Bạn Mới,${district.displayName},Quà,Quà Tết,Trường Tiểu học Cốc Pàng,,11/05/2024,"5.000.000"`,
        '',
      ].join('\n'),
    );
    await page.goto(`${served.url}#imports`);
    await page.locator('[data-testid=imports-screen] input[type=file]:not([webkitdirectory])').setInputFiles(path);
    await page.getByTestId('receipt-matches').waitFor();
    expect(await page.getByTestId('receipt-row-3').textContent()).toContain('Nhiều cam kết phù hợp');
    expect(await page.getByTestId('receipt-row-4').textContent()).toContain('Không có cam kết phù hợp');
    expect(await page.getByTestId('import-errors').textContent()).toContain('2 cam kết trong sổ khớp');

    await page.getByRole('combobox', { name: 'Cam kết của dòng 3', exact: true }).click();
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: 'Nhà đợt hai',
      })
      .click();
    await expect.poll(() => page.getByTestId('receipt-row-3').textContent()).toContain('Đã chọn');
    await page.getByTestId('import-ready').waitFor();
    // Row 3 is a receipt of a pledge already entered; row 4 makes the one pledge added.
    expect(await page.getByTestId('import-ready').textContent()).toContain(
      'sẽ thêm 1 cam kết, bỏ qua 0 dòng đã nhập trước đây, ghi 1 lần nhận vào cam kết đã có.',
    );
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    expect(await page.getByTestId('import-done').textContent()).toContain('ghi 1 lần nhận vào cam kết đã có');

    const detail = await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: second.id });
    expect(detail.deliveries.map((d) => [d.amountMinor, d.recipient, d.village])).toEqual([
      [40_000_000, 'Nông Văn A', 'Nà Pồng'],
    ]);
    // The new donor, made without a country, is on the dashboard's list of things to do.
    await page.goto(served.url);
    await expect
      .poll(() => page.getByTestId('todo-donor-country').textContent())
      .toContain('Quỹ Bạn Mới: chưa có quốc gia');
  });

  it('the report of the quarter shows who received each delivery in its detail table, as its workbook does', async () => {
    await page.goto(`${served.url}#reports`);
    await chooseIn(page, 'Năm', '2024');
    await chooseIn(page, 'Quý', 'Quý II');
    await page.getByTestId('report-preview').click();
    await page.getByTestId('report-preview-body').waitFor();
    await page.getByRole('tab', { name: 'Chi tiết' }).click();
    const details = page.getByRole('tabpanel', { name: 'Chi tiết' });
    await expect.poll(() => details.locator('thead').textContent()).toContain('Người nhận');
    const received = details.locator('tbody tr', { hasText: 'Nhà đợt hai' }).filter({ hasText: 'Tiếp nhận' });
    expect(await received.textContent()).toContain('Nông Văn A, Nà Pồng');
  });

  it('applies a choice to every row waiting alike, from the keyboard: same donor, place, kind and pledges offered', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const { district, pledges } = await donorWithPledges('Quỹ Hy Vọng', [
      { kind: 'gift', description: 'Quà đợt một', pledgeDate: '2024-01-10' },
      { kind: 'gift', description: 'Quà đợt hai', pledgeDate: '2024-02-10' },
      { kind: 'house', description: 'Nhà đợt ba', pledgeDate: '2024-01-10' },
      { kind: 'house', description: 'Nhà đợt bốn', pledgeDate: '2024-02-10' },
    ]);
    const path = join(dir.dir, 'hy-vong.csv');
    const line = (n: number, kind: string, household: string) =>
      `${n},Quỹ Hy Vọng,${district.displayName},${kind},Hỗ trợ,${household},10/06/2024,"10.000.000"`;
    writeFileSync(
      path,
      [
        'DANH SÁCH HỘ NHẬN HỖ TRỢ',
        'STT,Nhà tài trợ,Địa bàn,Loại hỗ trợ,Nội dung,Tên hộ nhận,Ngày nhận,Đã nhận',
        line(1, 'Quà', 'Hộ A'),
        line(2, 'Quà', 'Hộ B'),
        line(3, 'Quà', 'Hộ C'),
        line(4, 'Nhà ở', 'Hộ D'),
        '',
      ].join('\n'),
    );
    await page.goto(`${served.url}#imports`);
    await chooseFile(path);
    await page.getByTestId('receipt-matches').waitFor();
    for (const row of [3, 4, 5, 6])
      expect(await page.getByTestId(`receipt-row-${row}`).textContent()).toContain('Nhiều cam kết phù hợp');

    await chooseByKeyboard(3, 'Quà đợt hai');
    // The way to apply it is the next stop of Tab, and says how many rows it takes: the other two gifts, not the house.
    const apply = page.getByTestId('receipt-apply-3');
    await expect.poll(() => apply.textContent()).toBe('Áp dụng cho mọi dòng giống vậy (thêm 2 dòng)');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('receipt-apply-3');
    await page.keyboard.press('Enter');
    for (const row of [4, 5])
      await expect.poll(() => page.getByTestId(`receipt-row-${row}`).textContent()).toContain('Đã chọn');
    await expect.poll(() => page.getByTestId('import-errors').textContent()).toContain('2 cam kết trong sổ khớp');
    expect(await page.getByTestId('receipt-row-6').textContent()).toContain('Nhiều cam kết phù hợp');
    expect(await page.getByTestId('receipt-apply-3').count()).toBe(0);

    await chooseByKeyboard(6, 'Ghi cam kết mới');
    await page.getByTestId('import-ready').waitFor();
    expect(await page.getByTestId('import-ready').textContent()).toContain('ghi 3 lần nhận vào cam kết đã có');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    const second = await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: pledges[1]!.id });
    expect(second.deliveries.map((d) => d.recipient)).toEqual(['Hộ A', 'Hộ B', 'Hộ C']);
    const first = await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: pledges[0]!.id });
    expect(first.deliveries).toEqual([]);
  });

  it('reads a list whose only date is the day received as receipts once switched so, the preview checked again', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const { district, pledges } = await donorWithPledges('Quỹ Nhịp Cầu', [
      { kind: 'gift', description: 'Quà cho hộ nghèo', pledgeDate: '2024-03-01' },
    ]);
    const path = join(dir.dir, 'nhip-cau.csv');
    writeFileSync(
      path,
      [
        'Ngày,Nhà tài trợ,Địa bàn,Loại hỗ trợ,Nội dung,Số tiền',
        `15/06/2024,Quỹ Nhịp Cầu,${district.displayName},Quà,Quà cho hộ nghèo,"20.000.000"`,
        '',
      ].join('\n'),
    );
    await page.goto(`${served.url}#imports`);
    await chooseFile(path);
    // Read as a pledge, as any list with one date.
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toContain('sẽ thêm 1 cam kết');
    expect(await page.getByTestId('receipt-matches').count()).toBe(0);

    const switched = page.getByRole('switch', { name: 'Ngày duy nhất của danh sách là ngày nhận' });
    await switched.focus();
    await page.keyboard.press('Space');
    await page.getByTestId('receipt-matches').waitFor();
    expect(await page.getByTestId('receipt-row-2').textContent()).toContain('Theo nhà tài trợ, địa bàn, loại');
    await expect
      .poll(() => page.getByTestId('import-ready').textContent())
      .toContain('sẽ thêm 0 cam kết, bỏ qua 0 dòng đã nhập trước đây, ghi 1 lần nhận vào cam kết đã có.');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    const detail = await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: pledges[0]!.id });
    expect(detail.deliveries.map((d) => [d.deliveryDate, d.amountMinor])).toEqual([['2024-06-15', 20_000_000]]);
    // The switch stays on for the next files, as the office chosen does.
    expect(await switched.getAttribute('aria-checked')).toBe('true');
  });

  it('reads the next list of a layout imported as receipts as receipts again, the switch shown on by itself', async () => {
    await page.goto(served.url);
    await page.getByTestId('dashboard').waitFor();
    const { district, pledges } = await donorWithPledges('Quỹ Cầu Nối', [
      { kind: 'gift', description: 'Quà cho hộ nghèo', pledgeDate: '2024-03-01' },
    ]);
    // The layout of the list imported as receipts above, next quarter.
    const path = join(dir.dir, 'cau-noi.csv');
    writeFileSync(
      path,
      [
        'Ngày,Nhà tài trợ,Địa bàn,Loại hỗ trợ,Nội dung,Số tiền',
        `15/09/2024,Quỹ Cầu Nối,${district.displayName},Quà,Quà cho hộ nghèo,"30.000.000"`,
        '',
      ].join('\n'),
    );
    await page.goto(`${served.url}#imports`);
    const switched = page.getByRole('switch', { name: 'Ngày duy nhất của danh sách là ngày nhận' });
    expect(await switched.getAttribute('aria-checked')).toBe('false');
    await chooseFile(path);
    await page.getByTestId('receipt-matches').waitFor();
    expect(await page.getByTestId('receipt-row-2').textContent()).toContain('Theo nhà tài trợ, địa bàn, loại');
    await expect.poll(() => switched.getAttribute('aria-checked')).toBe('true');
    await expect
      .poll(() => page.getByTestId('import-ready').textContent())
      .toContain('sẽ thêm 0 cam kết, bỏ qua 0 dòng đã nhập trước đây, ghi 1 lần nhận vào cam kết đã có.');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    const detail = await ledgerCall<PledgeDetail>(page, 'pledges.get', { id: pledges[0]!.id });
    expect(detail.deliveries.map((d) => [d.deliveryDate, d.amountMinor])).toEqual([['2024-09-15', 30_000_000]]);
  });
});
