/**
 * Lays the report's rows out as a printable workbook in the Decree 30/2020 form: the department and the national
 * motto, the title, the place and date line, tables with repeated headers, SUM totals (with their values cached,
 * so every reader sees them), and a signature block. Times New Roman, #,##0, A4 landscape fitted to the width.
 */
import { loadExcelJs } from '../excel/libraries';
import { PassThrough } from 'node:stream';
import type { Report, ReportDetailRow, ReportFigures } from '../../contract';
import { canonicalQuantity, formatAmount } from '../../contract/money';
import { foldText } from '../../contract/text';
import { amountCell, type CellValue, decimalCell } from './workbook/cells';
import type { Column } from './workbook/columns';
import { letterhead } from './workbook/letterhead';
import { addSheet, type Workbook } from './workbook/page';
import { signatures } from './workbook/signatures';
import { writeRows } from './workbook/streamed';
import { FONT, BORDER } from './workbook/styles';
import { dataRow, otherTotals, tableHeader, totalsRow, wideRow } from './workbook/table';

export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

const figureColumns: Column[] = [
  { header: 'Cam kết trong kỳ (VND)', width: 18, money: true },
  { header: 'Tiếp nhận trong kỳ (VND)', width: 18, money: true },
  { header: 'Lũy kế đã tiếp nhận (VND)', width: 18, money: true },
  { header: 'Còn lại (VND)', width: 18, money: true },
];
const figureValues = (f: ReportFigures) => [f.pledgedVnd, f.deliveredVnd, f.cumulativeDeliveredVnd, f.remainingVnd];

function subtitle(report: Report): string {
  const whole = report.provinceName ? `${report.provinceType.toLowerCase()} ${report.provinceName}` : 'cả nước';
  const units = report.unitsOf ? `, theo đơn vị hành chính ngày ${viDate(report.unitsOf)}` : '';
  const place = `Địa bàn: ${report.wholeProvince ? whole : report.placeName}${units}`;
  const scope = report.scope ? `; ${report.scope}` : '';
  return `(${place}${scope}; từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}; đơn vị tính: đồng)`;
}

function summarySheet(workbook: Workbook, report: Report) {
  const sheet = addSheet(workbook, 'Tổng hợp');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Loại hỗ trợ', width: 16 },
    { header: 'Địa bàn', width: 22 },
    ...figureColumns,
    { header: 'Nguyên tệ (cam kết trong kỳ, ngoài VND)', width: 22 },
  ];
  const head = letterhead(sheet, report, columns.length, subtitle(report));
  tableHeader(sheet, head, columns);
  report.summary.forEach((r, i) => {
    dataRow(sheet, head + 1 + i, columns, [i + 1, r.kindLabel, r.placeName, ...figureValues(r), r.original]);
  });
  const last = head + report.summary.length;
  totalsRow(sheet, last + 1, columns, 'Tổng cộng', head + 1, last, [
    null,
    null,
    null,
    ...figureValues(report.summaryTotal),
    null,
  ]);
  signatures(sheet, last + 4, columns.length);
  sheet.commit();
}

function donorSheet(workbook: Workbook, report: Report) {
  const sheet = addSheet(workbook, 'Theo nhà tài trợ');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Nhà tài trợ', width: 34 },
    { header: 'Quốc gia', width: 18 },
    ...figureColumns,
  ];
  const head = letterhead(sheet, report, columns.length, subtitle(report));
  tableHeader(sheet, head, columns);
  report.donors.forEach((r, i) => {
    dataRow(sheet, head + 1 + i, columns, [i + 1, r.donor, r.country, ...figureValues(r)]);
  });
  const last = head + report.donors.length;
  totalsRow(sheet, last + 1, columns, 'Tổng cộng', head + 1, last, [
    null,
    null,
    null,
    ...figureValues(report.donorTotal),
  ]);
  signatures(sheet, last + 4, columns.length);
  sheet.commit();
}

function detailSheet(workbook: Workbook, report: Report) {
  const sheet = addSheet(workbook, 'Chi tiết');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Ngày', width: 12, align: 'center' },
    { header: 'Nhà tài trợ', width: 26 },
    { header: 'Địa bàn', width: 16 },
    { header: 'Loại hỗ trợ', width: 13 },
    { header: 'Nội dung', width: 34 },
    { header: 'Số lượng', width: 10, align: 'right' },
    { header: 'Đơn vị tính', width: 9 },
    { header: 'Giá trị nguyên tệ', width: 16, align: 'right' },
    { header: 'Loại tiền', width: 8, align: 'center' },
    { header: 'Tỷ giá', width: 10, align: 'right' },
    { header: 'Quy đổi (VND)', width: 18, money: true },
  ];
  const head = letterhead(sheet, report, columns.length, subtitle(report));
  tableHeader(sheet, head, columns);
  let row = head + 1;
  const section = (title: string, rows: ReportDetailRow[], totalLabel: string, total: number) => {
    sheet.mergeCells(row, 1, row, columns.length);
    const cell = sheet.getCell(row, 1);
    cell.value = title;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = BORDER;
    row++;
    const first = row;
    writeRows(
      workbook,
      sheet,
      first,
      columns,
      rows.map((r, i) => [
        i + 1,
        { day: r.date },
        r.donor,
        r.placeName,
        r.kindLabel,
        r.description,
        decimalCell(r.quantity),
        r.unit ?? '',
        amountCell(r.amountMinor, r.currency),
        r.currency,
        r.currency === 'VND' ? '' : decimalCell(r.rate),
        r.vnd,
      ]),
    );
    row += rows.length;
    totalsRow(sheet, row, columns, totalLabel, first, row - 1, [...columns.slice(0, -1).map(() => null), total]);
    row++;
  };
  const sum = (rows: ReportDetailRow[]) => Number(rows.reduce((s, r) => s + BigInt(r.vnd), 0n));
  section('A. CAM KẾT TRONG KỲ', report.pledges, 'Cộng A', sum(report.pledges));
  section('B. TIẾP NHẬN / GIẢI NGÂN TRONG KỲ', report.deliveries, 'Cộng B', sum(report.deliveries));
  signatures(sheet, row + 2, columns.length);
  sheet.commit();
}

function changesSheet(workbook: Workbook, report: Report) {
  const sheet = addSheet(workbook, 'Điều chỉnh');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Ngày điều chỉnh', width: 13, align: 'center' },
    { header: 'Nhà tài trợ', width: 26 },
    { header: 'Nội dung cam kết', width: 34 },
    { header: 'Thay đổi (trước → sau)', width: 56 },
    { header: 'Lý do', width: 28 },
    { header: 'Người điều chỉnh', width: 26 },
  ];
  const head = letterhead(sheet, report, columns.length, subtitle(report));
  tableHeader(sheet, head, columns);
  report.changes.forEach((c, i) => {
    dataRow(sheet, head + 1 + i, columns, [i + 1, { day: c.date }, c.donor, c.description, c.changes, c.reason, c.by]);
  });
  if (report.changes.length === 0) {
    sheet.mergeCells(head + 1, 1, head + 1, columns.length);
    const cell = sheet.getCell(head + 1, 1);
    cell.value = 'Không có cam kết nào được điều chỉnh trong kỳ.';
    cell.font = { name: FONT, size: 11, italic: true };
  }
  signatures(sheet, head + Math.max(1, report.changes.length) + 3, columns.length);
  sheet.commit();
}

const usdCell = (cents: number): CellValue => amountCell(cents, 'USD');

const dollars = (cents: number) => Number(canonicalQuantity(formatAmount(cents, 'USD', 'plain')));

/**
 * The aid items of a 6-month or annual report (Decree 80/2020, 313/2025): the paragraph departments write, then the
 * items by sector, by modality and by donor country, in USD and VND; and, on a sheet of its own, the list of items with
 * their approval decision and stage.
 */
function itemSheets(workbook: Workbook, report: Report) {
  const statutory = report.statutory;
  if (!statutory) return;
  const sheet = addSheet(workbook, 'Khoản viện trợ');
  const groupColumns = (label: string): Column[] => [
    { header: 'STT', width: 6, align: 'center' },
    { header: label, width: 34 },
    { header: 'Số khoản viện trợ', width: 12, align: 'center' },
    { header: 'Cam kết (USD)', width: 17 },
    { header: 'Giải ngân (USD)', width: 17 },
    { header: 'Cam kết (VND)', width: 19, money: true },
    { header: 'Giải ngân (VND)', width: 19, money: true },
  ];
  const width = 7;
  const units = `(Từ ngày ${viDate(report.period.from)} đến ngày ${viDate(report.period.to)}; đơn vị tính: đô la Mỹ (USD) và đồng (VND))`;
  let row = letterhead(sheet, report, width, units);
  wideRow(sheet, row, width, statutory.summary.paragraph, {}, 48);
  row += 2;
  const sections: [string, string, typeof statutory.bySector][] = [
    ['I. THEO LĨNH VỰC', 'Lĩnh vực', statutory.bySector],
    ['II. THEO HÌNH THỨC', 'Hình thức', statutory.byModality],
    ['III. THEO QUỐC GIA CỦA NHÀ TÀI TRỢ', 'Quốc gia', statutory.byCountry],
  ];
  for (const [title, label, rows] of sections) {
    const columns = groupColumns(label);
    wideRow(sheet, row, width, title, { bold: true });
    tableHeader(sheet, row + 1, columns);
    sheet.getRow(row + 1).commit();
    const first = row + 2;
    rows.forEach((r, i) => {
      dataRow(sheet, first + i, columns, [
        i + 1,
        r.label,
        r.items,
        usdCell(r.committed.USD),
        usdCell(r.disbursed.USD),
        r.committed.VND,
        r.disbursed.VND,
      ]);
    });
    const last = first + rows.length - 1;
    const sum = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
    totalsRow(
      sheet,
      last + 1,
      columns,
      'Tổng cộng',
      first,
      last,
      [null, null, null, null, null, sum((r) => r.committed.VND), sum((r) => r.disbursed.VND)],
      2,
    );
    otherTotals(
      sheet,
      last + 1,
      [
        { index: 2, value: sum((r) => r.items), format: '#,##0' },
        { index: 3, value: dollars(sum((r) => r.committed.USD)), format: '#,##0.00' },
        { index: 4, value: dollars(sum((r) => r.disbursed.USD)), format: '#,##0.00' },
      ],
      first,
      last,
    );
    sheet.getRow(last + 1).commit();
    row = last + 3;
  }
  signatures(sheet, row + 1, width);
  sheet.commit();

  const list = addSheet(workbook, 'Danh sách khoản viện trợ');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Tên khoản viện trợ', width: 36 },
    { header: 'Hình thức', width: 12 },
    { header: 'Lĩnh vực', width: 20 },
    { header: 'Nhà tài trợ', width: 26 },
    { header: 'Quốc gia', width: 14 },
    { header: 'Số quyết định phê duyệt', width: 18 },
    { header: 'Ngày phê duyệt', width: 13, align: 'center' },
    { header: 'Giai đoạn', width: 15 },
    { header: 'Cam kết trong kỳ (VND)', width: 18, money: true },
    { header: 'Giải ngân trong kỳ (VND)', width: 18, money: true },
  ];
  const head = letterhead(list, report, columns.length, subtitle(report));
  tableHeader(list, head, columns);
  statutory.items.forEach((r, i) => {
    dataRow(list, head + 1 + i, columns, [
      i + 1,
      r.name,
      r.modality,
      r.sector,
      r.donor,
      r.country,
      r.approvalNumber ?? '',
      r.approvalDate ? { day: r.approvalDate } : '',
      r.stage,
      r.committedVnd,
      r.disbursedVnd,
    ]);
  });
  const last = head + statutory.items.length;
  const itemRows = statutory.items;
  const sum = (pick: (r: (typeof itemRows)[number]) => number) => itemRows.reduce((s, r) => s + pick(r), 0);
  totalsRow(list, last + 1, columns, 'Tổng cộng', head + 1, last, [
    ...Array(9).fill(null),
    sum((r) => r.committedVnd),
    sum((r) => r.disbursedVnd),
  ]);
  signatures(list, last + 4, columns.length);
  list.commit();
}

export async function writeReport(report: Report): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = report.departmentName || 'Aid Ledger';
  workbook.created = new Date(`${report.dated}T00:00:00Z`);
  summarySheet(workbook, report);
  detailSheet(workbook, report);
  donorSheet(workbook, report);
  changesSheet(workbook, report);
  itemSheets(workbook, report);
  await workbook.commit();
  return Buffer.concat(chunks);
}

export function reportFileName(report: Report): string {
  const place = report.wholeProvince ? '' : `-${report.placeName}`;
  // A report of some aid items says which in its name, so it is not taken for the whole report.
  const scope = report.scope
    ? `-${foldText(report.scope)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)}`
    : '';
  return `Bao-cao-vien-tro-${report.period.key}${place}${scope}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '-');
}
