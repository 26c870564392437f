/** The detail sheet (Chi tiết), an appendix: every pledge and every delivery of the period, each part with its total. */
import type { ReportDetailRow } from '../../../contract';
import { exactSum } from '../../pledges/sums';
import { amountCell, type CellValue, decimalCell } from '../workbook/cells';
import { type Column, fitColumns } from '../workbook/columns';
import { type Heading, opening } from '../workbook/letterhead';
import { addSheet, setWidths, type Workbook } from '../workbook/page';
import { writeRows } from '../workbook/streamed';
import { BORDER, FONT } from '../workbook/styles';
import { tableHeader, totalsRow } from '../workbook/table';
import { subtitle } from './heading';

const COLUMNS: Column[] = [
  { header: 'STT', width: 5, align: 'center' },
  { header: 'Ngày', width: 11, align: 'center' },
  { header: 'Nhà tài trợ', width: 16 },
  { header: 'Địa bàn', width: 13 },
  { header: 'Loại hỗ trợ', width: 10 },
  { header: 'Nội dung', width: 22 },
  { header: 'Số lượng', width: 8, align: 'right' },
  { header: 'Đơn vị tính', width: 7 },
  { header: 'Giá trị nguyên tệ', width: 13, align: 'right' },
  { header: 'Loại tiền', width: 7, align: 'center' },
  { header: 'Tỷ giá', width: 9, align: 'right' },
  { header: 'Quy đổi (VND)', width: 15, money: true },
  { header: 'Người nhận', width: 16 },
];

const values = (rows: ReportDetailRow[]): CellValue[][] =>
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
    r.recipient ?? '',
  ]);

export function detailSheet(workbook: Workbook, heading: Heading) {
  const { report } = heading;
  const sheet = addSheet(workbook, 'Chi tiết');
  const sum = (rows: ReportDetailRow[]) => rows.reduce((s, r) => exactSum(s, r.vnd), 0);
  const sections = [
    { title: 'A. CAM KẾT TRONG KỲ', rows: values(report.pledges), label: 'Cộng A', total: sum(report.pledges) },
    {
      title: 'B. TIẾP NHẬN / GIẢI NGÂN TRONG KỲ',
      rows: values(report.deliveries),
      label: 'Cộng B',
      total: sum(report.deliveries),
    },
  ];
  // The VND column (the one before who received it) wide enough for every amount and both totals.
  const largest = Math.max(...sections.map((s) => s.total));
  const wider = fitColumns(
    COLUMNS,
    sections.flatMap((s) => s.rows),
    COLUMNS.map((_, i) => (i === COLUMNS.length - 2 ? largest : null)),
  );
  const widths = wider.map((c) => c.width);
  setWidths(sheet, widths);
  const head = opening(sheet, heading, widths, subtitle(report));
  tableHeader(sheet, head, wider);
  let row = head + 1;
  for (const { title, rows, label, total } of sections) {
    sheet.mergeCells(row, 1, row, wider.length);
    const cell = sheet.getCell(row, 1);
    cell.value = title;
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = BORDER;
    row++;
    const first = row;
    writeRows(workbook, sheet, first, wider, rows);
    row += rows.length;
    totalsRow(sheet, row, wider, label, first, row - 1, [...wider.slice(0, -2).map(() => null), total, null]);
    row++;
  }
  sheet.commit();
}
