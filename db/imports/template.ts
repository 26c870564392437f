/**
 * The data-entry workbook a district fills in without the app: sheet "Nhập liệu" with the fixed header row and
 * dropdowns (that district's units, kinds of aid, currencies, statuses), an instructions sheet with a sample row,
 * and a hidden sheet holding the dropdown lists.
 */
import type ExcelJS from 'exceljs';
import { loadExcelJs } from './libraries';
import { CURRENCY_CODES } from '../../contract/money';
import type { Ctx } from '../core/context';
import { getPlace, listPlaces } from '../places';
import {
  KIND_LABELS,
  MODALITY_LABELS,
  SECTOR_LABELS,
  STATUS_LABELS,
  TEMPLATE_COLUMNS,
  TEMPLATE_SHEET,
} from './columns';

const FONT = 'Times New Roman';
const ROWS = 1000;

/** A template column's number (from 1). */
const columnOf = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The unit and every unit under it, current ones first. */
async function unitsUnder(ctx: Ctx, placeId: string): Promise<string[]> {
  const places = await listPlaces(ctx, {});
  const children = new Map<string, string[]>();
  for (const p of places) if (p.parentId) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p.id]);
  const byId = new Map(places.map((p) => [p.id, p]));
  const out: string[] = [];
  const walk = (id: string) => {
    const place = byId.get(id);
    if (place) out.push(place.name);
    for (const child of children.get(id) ?? []) walk(child);
  };
  walk(placeId);
  return [...new Set(out)];
}

export async function writeTemplate(ctx: Ctx, placeId: string): Promise<{ fileName: string; bytes: Buffer }> {
  const place = await getPlace(ctx, placeId);
  const units = await unitsUnder(ctx, placeId);
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Aid Ledger';

  const sheet = addEntrySheet(workbook);
  addDropdowns(workbook, sheet, units);
  for (let row = 2; row <= ROWS + 1; row++) {
    sheet.getCell(row, columnOf('date')).numFmt = 'dd/mm/yyyy';
    sheet.getCell(row, columnOf('approvalDate')).numFmt = 'dd/mm/yyyy';
    sheet.getCell(row, columnOf('receivedDate')).numFmt = 'dd/mm/yyyy';
    for (const key of ['unitValue', 'amount', 'receivedAmount']) sheet.getCell(row, columnOf(key)).numFmt = '#,##0';
  }
  addInstructions(workbook, place.name, units);
  return {
    fileName: `Mau-nhap-lieu-${place.name}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '-'),
    bytes: Buffer.from(await workbook.xlsx.writeBuffer()),
  };
}

/** The sheet filled in: the template's header row, frozen above the rows. */
function addEntrySheet(workbook: ExcelJS.Workbook): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(TEMPLATE_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  const header = sheet.getRow(1);
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { name: FONT, bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
    sheet.getColumn(i + 1).width = c.width;
  });
  header.height = 32;
  return sheet;
}

/** A dropdown on each column filled from a list: units, kinds, currencies, statuses, modalities, sectors. */
function addDropdowns(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, units: string[]): void {
  // The dropdown lists live on a hidden sheet: a list typed into a validation rule is limited to 255 characters.
  const lists = workbook.addWorksheet('Danh mục', { state: 'hidden' });
  const columns: [string, readonly string[]][] = [
    ['Địa bàn', units],
    ['Loại hỗ trợ', KIND_LABELS],
    ['Loại tiền', CURRENCY_CODES],
    ['Trạng thái', STATUS_LABELS],
    ['Hình thức', MODALITY_LABELS],
    ['Lĩnh vực', SECTOR_LABELS],
  ];
  columns.forEach(([title, values], i) => {
    lists.getCell(1, i + 1).value = title;
    values.forEach((v, j) => {
      lists.getCell(j + 2, i + 1).value = v;
    });
  });
  const range = (index: number, count: number) => {
    const letter = lists.getColumn(index + 1).letter;
    return `'Danh mục'!$${letter}$2:$${letter}$${count + 1}`;
  };
  const validations: [string, number, number][] = [
    ['place', 0, units.length],
    ['kind', 1, KIND_LABELS.length],
    ['currency', 2, CURRENCY_CODES.length],
    ['status', 3, STATUS_LABELS.length],
    ['modality', 4, MODALITY_LABELS.length],
    ['sector', 5, SECTOR_LABELS.length],
  ];
  // One rule per column over its whole range. (Set cell by cell, the library merges them into ranges that overlap —
  // D2:D1001 and D10:D1001 — which spreadsheet programs may refuse or repair.)
  const rules = (sheet as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } })
    .dataValidations;
  for (const [key, index, count] of validations) {
    const letter = sheet.getColumn(columnOf(key)).letter;
    rules.add(`${letter}2:${letter}${ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [range(index, count)],
      // A sector may be the department's own: the list proposes, it does not forbid.
      showErrorMessage: key !== 'sector',
      errorTitle: 'Giá trị không hợp lệ',
      error: 'Hãy chọn một giá trị trong danh sách.',
    });
  }
}

/** The instructions sheet, ending with a sample row under the template's headers. */
function addInstructions(workbook: ExcelJS.Workbook, placeName: string, units: string[]): void {
  const help = workbook.addWorksheet('Hướng dẫn');
  help.getColumn(1).width = 110;
  const lines = [
    `MẪU NHẬP LIỆU VIỆN TRỢ PHI CHÍNH PHỦ NƯỚC NGOÀI — ${placeName.toUpperCase()}`,
    '',
    `1. Nhập mỗi cam kết trên một dòng của trang "${TEMPLATE_SHEET}", từ dòng 2. Không đổi tên, thứ tự các cột.`,
    '2. Ngày cam kết: ngày/tháng/năm, ví dụ 05/09/2022 là ngày 5 tháng 9 năm 2022.',
    '3. Nhà tài trợ: ghi đúng tên; nhà tài trợ mới thì ghi thêm Quốc gia để hệ thống tạo mới.',
    '4. Địa bàn, Loại hỗ trợ, Loại tiền, Trạng thái: chọn trong danh sách thả xuống.',
    '5. Số tiền ghi theo kiểu Việt Nam: 700.000.000 hoặc 1.234,57. Thành tiền phải bằng Số lượng × Đơn giá khi ghi cả ba.',
    '6. Tiền ngoại tệ (USD, EUR, ...) ghi Tỷ giá (số đồng cho 1 đơn vị ngoại tệ), trừ khi Sở đã có tỷ giá của tháng đó.',
    '7. Không dùng công thức trong ô; nếu có, hãy dán giá trị (Paste Values).',
    '8. Tệp có dòng sai sẽ bị trả lại toàn bộ, kèm danh sách lỗi theo số dòng và tên cột. Gửi lại cùng một tệp không tạo bản ghi trùng.',
    '9. Năm cột sau Ghi chú (không bắt buộc) ghi khoản viện trợ mà dòng thuộc về: các dòng cùng Tên khoản viện trợ và cùng Nhà tài trợ là một khoản. Khoản mới cần Hình thức (Chương trình, Dự án, Phi dự án) và Lĩnh vực; có Số và Ngày quyết định phê duyệt thì khoản được ghi là đã phê duyệt.',
    '10. Nay thuộc (không bắt buộc): khi Địa bàn là xã cũ nay thuộc nhiều xã, phường, ghi tên đơn vị hiện nay nhận viện trợ (một trong các đơn vị kế thừa xã cũ đó). Để trống, cam kết được tính riêng theo đơn vị cũ.',
    '11. Đã nhận, bàn giao (không bắt buộc): dòng có Ngày nhận và Đã nhận (số tiền) hoặc Số lượng đã nhận là một lần tiếp nhận, được ghi vào cam kết mà nó thực hiện — theo Tên khoản viện trợ hoặc Số quyết định phê duyệt nếu có, nếu không theo Nhà tài trợ, Địa bàn (cả xã cũ đã nhập vào xã đó, hoặc huyện cũ chứa xã đó) và Loại hỗ trợ. Nhiều dòng có thể cùng thực hiện một cam kết. Khi có nhiều cam kết phù hợp, Sở chọn khi xem trước; khi không có cam kết nào, dòng được ghi thành cam kết mới đã giao đủ ngày đó (cần Nội dung). Người/đơn vị nhận (hộ gia đình, trường học, trạm y tế) và Thôn được lưu kèm.',
    '',
    'Dòng mẫu (không nhập dòng này vào trang Nhập liệu):',
  ];
  lines.forEach((text, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = text;
    cell.font = { name: FONT, size: 12, bold: i === 0 };
    cell.alignment = { wrapText: true };
  });
  const sampleHeader = help.getRow(lines.length + 1);
  const sample = help.getRow(lines.length + 2);
  const sampleValues: Record<string, string | number> = {
    date: '05/09/2022',
    donor: 'Tổ chức Tzu Chi',
    country: 'Đài Loan (Trung Quốc)',
    place: units[1] ?? placeName,
    kind: 'Nhà ở',
    description: 'Hỗ trợ làm nhà cho hộ nghèo',
    quantity: 20,
    unit: 'hộ',
    unitValue: '44.000.000',
    amount: '880.000.000',
    currency: 'VND',
    rate: '',
    beneficiaries: 80,
    status: 'Cam kết',
    notes: '',
  };
  TEMPLATE_COLUMNS.forEach((c, i) => {
    sampleHeader.getCell(i + 2).value = c.header;
    sampleHeader.getCell(i + 2).font = { name: FONT, bold: true };
    sample.getCell(i + 2).value = sampleValues[c.key] ?? '';
    sample.getCell(i + 2).font = { name: FONT, italic: true };
  });
}
