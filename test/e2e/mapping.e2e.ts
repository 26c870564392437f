/**
 * Columns re-mapped in the real UI: a list whose every column the import read by itself can still have any of them
 * read as another field or left out, and the office's next file of that layout is read the same way.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { PledgeRow } from '../../contract';
import { tempDir } from '../helpers';
import type { Served } from './serve';
import { ledgerCall, openScreen, popupsClosed } from './ui';
import { browserApp, demoLedger } from './fixture';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'mapping.sqlite'))] });
let served: Served;
let page: Page;

beforeAll(() => {
  ({ served, page } = app);
});

/** A district's list in its own words, every column of which the import reads by itself. */
function list(name: string, description: string, amount: string): string {
  const path = join(dir.dir, name);
  writeFileSync(
    path,
    `DANH SÁCH HỖ TRỢ\nSTT,Ngày,Nhà tài trợ,Địa bàn,Nội dung,Kinh phí (triệu đồng),Ghi chú,Hạng mục\n1,06/09/2022,Tổ chức Tzu Chi,Bảo Lạc,${description},"${amount}",Đợt 2,Nhà ở\n`,
  );
  return path;
}

async function chooseFile(path: string) {
  await page.locator('[data-testid=imports-screen] input[type=file]:not([webkitdirectory])').setInputFiles(path);
}

async function pledgeOf(description: string): Promise<PledgeRow> {
  const { rows } = await ledgerCall<{ rows: PledgeRow[] }>(page, 'pledges.list', { filter: { text: description } });
  return rows.find((r) => r.description === description)!;
}

describe('the mapping step', () => {
  it('re-maps columns read automatically, from the keyboard, and reads the next file of that layout the same way', async () => {
    await page.goto(served.url);
    await openScreen(page, 'Nhập Excel');
    await chooseFile(list('ho-tro-q3.csv', 'Bể nước Nà Pồng', '12,5'));
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toContain('sẽ thêm 1 cam kết');
    // Nothing to ask: the columns stay folded away until asked for.
    expect(await page.getByTestId('column-mapping').count()).toBe(0);
    await page.getByTestId('column-remap').click();
    await page.getByTestId('column-mapping').waitFor();
    for (const [header, field] of [
      ['Hạng mục', 'loai ho tro'],
      ['Ghi chú', 'khong nhap'],
    ] as const) {
      await page.getByRole('combobox', { name: `Nhập vào trường: ${header}` }).focus();
      await page.keyboard.type(field);
      await page
        .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active')
        .waitFor();
      await page.keyboard.press('Enter');
      await popupsClosed(page);
    }
    await expect.poll(() => page.getByTestId('column-mapping').textContent()).toContain('Loại hỗ trợ');
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toContain('sẽ thêm 1 cam kết');
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    const first = await pledgeOf('Bể nước Nà Pồng');
    expect([first.kind, first.notes, first.amountMinor]).toEqual(['house', null, 12_500_000]);

    // Next quarter's list of the same layout: read as mapped, without asking.
    await chooseFile(list('ho-tro-q4.csv', 'Bể nước Khuổi Khon', '8'));
    await expect.poll(() => page.getByTestId('import-ready').textContent()).toContain('sẽ thêm 1 cam kết');
    expect(await page.getByTestId('column-mapping').count()).toBe(0);
    await page.getByTestId('import-apply').click();
    await page.getByTestId('import-done').waitFor();
    const next = await pledgeOf('Bể nước Khuổi Khon');
    expect([next.kind, next.notes, next.amountMinor]).toEqual(['house', null, 8_000_000]);
  });
});
