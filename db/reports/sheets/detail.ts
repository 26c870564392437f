/** The detail sheet (Chi tiết): every pledge and every delivery of the period, each part with its total. */
import type { Report, ReportDetailRow } from '../../../contract';
import { exactSum } from '../../pledges/sums';
import { amountCell, decimalCell } from '../workbook/cells';
import type { Column } from '../workbook/columns';
import { letterhead } from '../workbook/letterhead';
import { addSheet, type Workbook } from '../workbook/page';
import { signatures } from '../workbook/signatures';
import { writeRows } from '../workbook/streamed';
import { BORDER, FONT } from '../workbook/styles';
import { tableHeader, totalsRow } from '../workbook/table';
import { subtitle } from './heading';

export function detailSheet(workbook: Workbook, report: Report) {
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
    { header: 'Người nhận', width: 26 },
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
        r.recipient ?? '',
      ]),
    );
    row += rows.length;
    // The total under the VND column, the one before who received it.
    totalsRow(sheet, row, columns, totalLabel, first, row - 1, [...columns.slice(0, -2).map(() => null), total, null]);
    row++;
  };
  const sum = (rows: ReportDetailRow[]) => rows.reduce((s, r) => exactSum(s, r.vnd), 0);
  section('A. CAM KẾT TRONG KỲ', report.pledges, 'Cộng A', sum(report.pledges));
  section('B. TIẾP NHẬN / GIẢI NGÂN TRONG KỲ', report.deliveries, 'Cộng B', sum(report.deliveries));
  signatures(sheet, row + 2, columns.length);
  sheet.commit();
}
