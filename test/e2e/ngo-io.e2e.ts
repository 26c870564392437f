/**
 * The NGO register's spreadsheets on the Tổ chức PCPNN screen, on the demo ledger (Cao Bằng): a register in the
 * department's own layout (letterhead, its own column words, two columns the import cannot name) chosen and imported
 * from the keyboard — a refused file's problems shown by row and column first, then the columns mapped in the dialog
 * — the NGO then listed with its certificate and contact; the register exported as a workbook; a refused row's
 * problem named in English on the English screens.
 */
import { join } from 'node:path';
import type { FileChooser, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { NgoDetail, NgoSummary } from '../../contract';
import { tempDir } from '../helpers';
import { browserApp, demoLedger } from './fixture';
import type { Served } from './serve';
import { ledgerCall, openScreen, popupsClosed } from './ui';

const dir = tempDir();
const app = browserApp(dir, { ledgers: (folder) => [demoLedger(join(folder, 'ngo-io.sqlite'))] });
let served: Served;
let page: Page;

/** The next file chooser the page opens: one listener for the whole file, so choosers are caught from the first. */
let onChooser: ((chooser: FileChooser) => void) | null = null;

beforeAll(async () => {
  ({ served, page } = app);
  page.on('filechooser', (chooser) => onChooser?.(chooser));
  await page.goto(served.url);
  await page.getByTestId('dashboard').waitFor();
});

type Cell = string | number | null;

const HEADER: Cell[] = [
  'STT',
  'Tên tổ chức',
  'Quốc tịch',
  'Số giấy đăng ký',
  'Ngày cấp',
  'Có giá trị đến',
  'Địa bàn hoạt động',
  'Lĩnh vực hoạt động',
  'Cán bộ đầu mối',
  'Mã lưu trữ',
];

/** The department's register as it keeps it: letterhead and title above the header row, one certificate a row. */
function register(rows: Cell[][]): { name: string; mimeType: string; buffer: Buffer } {
  const sheet: Cell[][] = [
    ['UBND TỈNH CAO BẰNG', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['SỞ NGOẠI VỤ', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [null],
    ['SỔ THEO DÕI TỔ CHỨC PCPNN HOẠT ĐỘNG TRÊN ĐỊA BÀN TỈNH'],
    HEADER,
    ...rows,
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(sheet), 'Sổ theo dõi');
  return {
    name: 'so-theo-doi-pcpnn.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: Buffer.from(XLSX.write(book, { bookType: 'xlsx', type: 'buffer' }) as Buffer),
  };
}

const NORDIC: Cell[] = [
  1,
  'Tổ chức Hỗ trợ Trẻ em Bắc Âu',
  'Na Uy',
  '301/BNG-GĐK',
  '05/03/2025',
  '04/03/2028',
  'Cao Bằng, Tuyên Quang',
  'Y tế; Giáo dục',
  'Lê Thị Hoa',
  'HS-01',
];

/** The file chooser opened from the keyboard (Enter on the drop area), given the file. */
async function chooseWithKeyboard(file: ReturnType<typeof register>) {
  const drop = page.locator('[data-testid=ngo-import] .ant-upload[role=button]');
  // The dialog takes the focus once it has opened: the drop area is focused after that.
  await page
    .locator('.ant-modal-wrap .ant-zoom-appear, .ant-modal-wrap .ant-zoom-enter')
    .waitFor({ state: 'detached' });
  await drop.focus();
  await expect.poll(() => drop.evaluate((el) => el === document.activeElement)).toBe(true);
  const opened = new Promise<FileChooser>((resolve) => {
    onChooser = resolve;
  });
  await page.keyboard.press('Enter');
  const chooser = await opened;
  expect(chooser.isMultiple()).toBe(true);
  await chooser.setFiles(file);
}

/** A column's field chosen in the mapping step by typing its name and Enter. */
async function mapColumn(header: string, typed: string) {
  await page.getByRole('combobox', { name: `Nhập vào trường: ${header}` }).focus();
  await page.keyboard.type(typed);
  await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option-active').waitFor();
  await page.keyboard.press('Enter');
  await popupsClosed(page);
}

describe('the register on Tổ chức PCPNN', () => {
  it('imports a register from the keyboard: problems by row and column first, columns mapped, the NGO then listed', async () => {
    await openScreen(page, 'Tổ chức PCPNN');
    await page.getByTestId('ngo-import-open').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('ngo-import');
    await dialog.waitFor();
    // Opened, it waits on its file area.
    await expect
      .poll(() => dialog.locator('.ant-upload[role=button]').evaluate((el) => el === document.activeElement))
      .toBe(true);

    // A date that does not exist: refused, by row and column, nothing written, "Nhập" not offered.
    const before = await ledgerCall<NgoSummary[]>(page, 'ngo.list', {});
    await chooseWithKeyboard(register([[...NORDIC.slice(0, 4), '31/02/2025', ...NORDIC.slice(5)]]));
    const errors = page.getByTestId('ngo-import-errors');
    await errors.waitFor();
    const errorRow = errors.locator('tbody tr').first();
    expect(await errorRow.locator('td').nth(0).textContent()).toBe('6');
    expect(await errorRow.locator('td').nth(1).textContent()).toBe('Ngày cấp');
    expect(await page.getByTestId('ngo-import-apply').isDisabled()).toBe(true);
    expect(await ledgerCall<NgoSummary[]>(page, 'ngo.list', {})).toHaveLength(before.length);

    // The register corrected: checked clean, two columns it cannot name shown with their first values.
    await chooseWithKeyboard(register([NORDIC]));
    await expect
      .poll(() => page.getByTestId('ngo-import-ready').textContent())
      .toContain('sẽ thêm 1 tổ chức, 1 giấy đăng ký');
    const mapping = page.getByTestId('ngo-import-mapping');
    expect(await mapping.textContent()).toContain('Lê Thị Hoa');
    expect(await page.getByTestId('ngo-import-files').textContent()).toContain('0 người liên hệ');

    // Mapped from the keyboard: the check runs again with them, the contact now counted.
    await mapColumn('Cán bộ đầu mối', 'nguoi lien he');
    await expect.poll(() => page.getByTestId('ngo-import-files').textContent()).toContain('1 người liên hệ');
    await mapColumn('Mã lưu trữ', 'khong nhap');
    await expect.poll(() => page.getByTestId('ngo-import-ready').textContent()).toContain('thêm 1 người liên hệ');

    // The check the last mapping started has answered: a button still loading takes no key.
    const apply = page.getByTestId('ngo-import-apply');
    await expect
      .poll(() =>
        apply.evaluate((el) => el.classList.contains('ant-btn-loading') || (el as HTMLButtonElement).disabled),
      )
      .toBe(false);
    await apply.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => dialog.count()).toBe(0);
    await expect
      .poll(() => page.locator('.ant-message').textContent())
      .toContain('Đã nhập 1 tệp: 1 tổ chức mới, 1 giấy đăng ký thêm');

    // The list refreshed: the NGO with its certificate; the contact read from the column mapped.
    const row = page.getByTestId('ngo-row').filter({ hasText: 'Tổ chức Hỗ trợ Trẻ em Bắc Âu' });
    await row.waitFor();
    expect(await row.textContent()).toContain('301/BNG-GĐK');
    const listed = (await ledgerCall<NgoSummary[]>(page, 'ngo.list', { text: 'Bắc Âu' }))[0]!;
    expect(listed.certificate).toMatchObject({ number: '301/BNG-GĐK', validUntil: '2028-03-04' });
    const detail = await ledgerCall<NgoDetail>(page, 'ngo.get', { id: listed.donorId });
    expect(detail.contacts.map((c) => c.name)).toEqual(['Lê Thị Hoa']);

    // The same register again: the layout's mapping remembered, nothing new to import.
    await page.getByTestId('ngo-import-open').click();
    await page.getByTestId('ngo-import').waitFor();
    await chooseWithKeyboard(register([NORDIC]));
    await expect.poll(() => page.getByTestId('ngo-import-ready').textContent()).toContain('không có gì để nhập');
    expect(await page.getByTestId('ngo-import-apply').isDisabled()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('ngo-import').count()).toBe(0);
  });

  it('exports the register of this year as a workbook', async () => {
    await page.getByTestId('ngo-export-open').click();
    const from = page.getByTestId('ngo-export-from');
    await expect.poll(() => from.inputValue()).toBe(`01/01/${new Date().getFullYear()}`);
    await from.focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const fileName = download.suggestedFilename();
    expect(fileName).toMatch(/\.xlsx$/);
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain(`Đã lưu sổ theo dõi: ${fileName}`);
    const book = XLSX.read(await (await download.createReadStream()).toArray().then(Buffer.concat));
    const text = XLSX.utils.sheet_to_csv(book.Sheets[book.SheetNames[0]!]!);
    expect(text).toContain('Tổ chức Hỗ trợ Trẻ em Bắc Âu');
  });

  it("names a refused row's problem in English when the screens are in English", async () => {
    await page.getByTestId('switch-language').click();
    await page.getByTestId('nav').getByText('Foreign NGOs', { exact: true }).click();
    await page.getByTestId('ngo-import-open').click();
    await page.getByTestId('ngo-import').waitFor();
    await chooseWithKeyboard(register([[...NORDIC.slice(0, 4), '31/02/2025', ...NORDIC.slice(5)]]));
    const errorRow = page.getByTestId('ngo-import-errors').locator('tbody tr').first();
    await errorRow.waitFor();
    expect(await errorRow.locator('td').nth(1).textContent()).toBe('Issued on (Ngày cấp)');
    expect(await page.getByTestId('ngo-import').textContent()).toContain('Refused, nothing written (problems: 1)');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('ngo-import').count()).toBe(0);
  });
});
