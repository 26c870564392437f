/**
 * The aid items' sheets of a 6-month or annual report: on the first (Khoản viện trợ) the paragraph and the items by
 * sector, by modality and by donor country; the list of items on a sheet of its own.
 */
import type ExcelJS from 'exceljs';
import type { Report, UnconvertedInUsd } from '../../../contract';
import type { StatutoryGroupRow, StatutoryReport } from '../../../contract/items';
import { canonicalQuantity, formatAmount } from '../../../contract/money';
import { exactSum } from '../../pledges/sums';
import type { CellValue } from '../workbook/cells';
import type { Column } from '../workbook/columns';
import { letterhead } from '../workbook/letterhead';
import { addSheet, type Workbook } from '../workbook/page';
import { signatures } from '../workbook/signatures';
import { dataRow, otherTotals, tableHeader, totalsRow, wideRow } from '../workbook/table';
import { dayText } from '../../../contract/dates';
import { itemListSheet } from './item-list';
import { unconvertedNote, usdAmountCell } from './unconverted';

const usdCell = (cents: number, unconverted?: number): CellValue => usdAmountCell(cents, unconverted);

const dollars = (cents: number) => Number(canonicalQuantity(formatAmount(cents, 'USD', 'plain')));

const groupColumns = (label: string): Column[] => [
  { header: 'STT', width: 6, align: 'center' },
  { header: label, width: 34 },
  { header: 'Số khoản viện trợ', width: 12, align: 'center' },
  { header: 'Cam kết (USD)', width: 17 },
  { header: 'Giải ngân (USD)', width: 17 },
  { header: 'Cam kết (VND)', width: 19, money: true },
  { header: 'Giải ngân (VND)', width: 19, money: true },
];

/**
 * The aid items of a 6-month or annual report (Decree 80/2020, 313/2025): the paragraph departments write, then the
 * items by sector, by modality and by donor country, in USD and VND; and, on a sheet of its own, the list of items with
 * their approval decision and stage.
 */
export function itemSheets(workbook: Workbook, report: Report) {
  const statutory = report.statutory;
  if (!statutory) return;
  itemGroupsSheet(workbook, report, statutory);
  itemListSheet(workbook, report, statutory);
}

function itemGroupsSheet(workbook: Workbook, report: Report, statutory: StatutoryReport) {
  const sheet = addSheet(workbook, 'Khoản viện trợ');
  const width = 7;
  const units = `(Từ ngày ${dayText(report.period.from)} đến ngày ${dayText(report.period.to)}; đơn vị tính: đô la Mỹ (USD) và đồng (VND))`;
  let row = letterhead(sheet, report, width, units);
  wideRow(sheet, row, width, statutory.summary.paragraph, {}, 48);
  row += 2;
  const sections: [string, string, StatutoryGroupRow[]][] = [
    ['I. THEO LĨNH VỰC', 'Lĩnh vực', statutory.bySector],
    ['II. THEO HÌNH THỨC', 'Hình thức', statutory.byModality],
    ['III. THEO QUỐC GIA CỦA NHÀ TÀI TRỢ', 'Quốc gia', statutory.byCountry],
  ];
  for (const [title, label, rows] of sections)
    row = groupTable(sheet, row, width, title, groupColumns(label), rows, statutory.summary.unconverted);
  signatures(sheet, row + 1, width);
  sheet.commit();
}

/** A group's title, its table and its totals (VND, USD and the count of items); returns the row the next one starts at. */
function groupTable(
  sheet: ExcelJS.Worksheet,
  row: number,
  width: number,
  title: string,
  columns: Column[],
  rows: StatutoryGroupRow[],
  unconverted: UnconvertedInUsd,
): number {
  wideRow(sheet, row, width, title, { bold: true });
  tableHeader(sheet, row + 1, columns);
  sheet.getRow(row + 1).commit();
  const first = row + 2;
  rows.forEach((r, i) => {
    dataRow(sheet, first + i, columns, [
      i + 1,
      r.label,
      r.items,
      usdCell(r.committed.USD, r.unconverted?.pledgeCount),
      usdCell(r.disbursed.USD, r.unconverted?.deliveryCount),
      r.committed.VND,
      r.disbursed.VND,
    ]);
  });
  const last = first + rows.length - 1;
  const sum = (pick: (r: StatutoryGroupRow) => number) => rows.reduce((s, r) => exactSum(s, pick(r)), 0);
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
  return unconvertedNote(sheet, last + 1, width, { committed: 4, disbursed: 5 }, unconverted);
}
