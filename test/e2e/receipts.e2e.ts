/**
 * A list of receipts in the real UI: the preview shows each row's pledge; where two fit, the user chooses one from
 * the keyboard-reachable list and the import records the delivery there; a row no pledge fits becomes a pledge
 * delivered in full, its unknown donor made with its country left to complete and listed in "Việc cần làm".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Donor, PledgeDetail, PledgeRow, Place } from '../../contract';
import { tempDir } from '../helpers';
import type { Served } from './serve';
import { ledgerCall } from './ui';
import { browserApp } from './fixture';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [join(folder, 'receipts.sqlite')] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

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
});
