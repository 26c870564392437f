/**
 * The list of aid items (Danh sách khoản viện trợ), an appendix: each item alive in the period — an item approved in it
 * with no line yet too — with its approval decision, its stage, its figures and its value as approved. The totals add
 * the rows' figures; the values approved, in their several currencies, are not added.
 */
import type { StatutoryItemRow, StatutoryReport } from '../../../contract/items';
import { exactSum } from '../../pledges/sums';
import { amountCell, type CellValue } from '../workbook/cells';
import { type Column, fitColumns } from '../workbook/columns';
import { type Heading, opening } from '../workbook/letterhead';
import { addSheet, setWidths, type Workbook } from '../workbook/page';
import { dataRow, tableHeader, totalsRow } from '../workbook/table';
import { subtitle } from './heading';

const COLUMNS: Column[] = [
  { header: 'STT', width: 5, align: 'center' },
  { header: 'Tên khoản viện trợ', width: 24 },
  { header: 'Hình thức', width: 10 },
  { header: 'Lĩnh vực', width: 14 },
  { header: 'Nhà tài trợ', width: 16 },
  { header: 'Quốc gia', width: 11 },
  { header: 'Số quyết định phê duyệt', width: 12 },
  { header: 'Ngày phê duyệt', width: 11, align: 'center' },
  { header: 'Giai đoạn', width: 10 },
  { header: 'Cam kết trong kỳ (VND)', width: 15, money: true },
  { header: 'Giải ngân trong kỳ (VND)', width: 15, money: true },
  { header: 'Giá trị phê duyệt', width: 15, align: 'right' },
  { header: 'Loại tiền', width: 7, align: 'center' },
];

export function itemListSheet(workbook: Workbook, heading: Heading, statutory: StatutoryReport) {
  const list = addSheet(workbook, 'Danh sách khoản viện trợ');
  const rows: CellValue[][] = statutory.items.map((r, i) => [
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
    // Absent from a list made before items kept it: none stated.
    amountCell(r.valueMinor ?? null, r.valueCurrency ?? 'VND'),
    r.valueMinor == null ? '' : (r.valueCurrency ?? ''),
  ]);
  const sum = (pick: (r: StatutoryItemRow) => number) => statutory.items.reduce((s, r) => exactSum(s, pick(r)), 0);
  const totals = [...Array(9).fill(null), sum((r) => r.committedVnd), sum((r) => r.disbursedVnd), null, null];
  const columns = fitColumns(COLUMNS, rows, totals);
  const widths = columns.map((c) => c.width);
  setWidths(list, widths);
  const head = opening(list, heading, widths, subtitle(heading.report));
  tableHeader(list, head, columns);
  rows.forEach((values, i) => {
    dataRow(list, head + 1 + i, columns, values);
  });
  const last = head + statutory.items.length;
  totalsRow(list, last + 1, columns, 'Tổng cộng', head + 1, last, totals);
  list.commit();
}
