/**
 * The aid items' appendices of a 6-month or annual report: on the first (Khoản viện trợ) the paragraph and the items
 * by sector, by modality and by donor country; the list of items on a sheet of its own.
 */
import type ExcelJS from 'exceljs';
import type { UnconvertedInUsd } from '../../../contract';
import type { StatutoryGroupRow, StatutoryReport } from '../../../contract/items';
import { canonicalQuantity, formatAmount } from '../../../contract/money';
import { exactSum } from '../../pledges/sums';
import { dongInWords } from '../words';
import type { CellValue } from '../workbook/cells';
import { type Column, fitColumns, rowHeight, tableHeight } from '../workbook/columns';
import { PageFlow } from '../workbook/flow';
import { type Heading, opening } from '../workbook/letterhead';
import { addSheet, setWidths, type Workbook } from '../workbook/page';
import { dataRow, otherTotals, tableHeader, totalsRow, wideRow } from '../workbook/table';
import { datesLine } from './heading';
import { itemListSheet } from './item-list';
import { unconvertedNote, usdAmountCell } from './unconverted';

const usdCell = (cents: number, unconverted?: number): CellValue => usdAmountCell(cents, unconverted);

const dollars = (cents: number) => Number(canonicalQuantity(formatAmount(cents, 'USD', 'plain')));

/** The columns of the three tables, as wide as the page (the label's column takes what the figures leave). */
const groupColumns = (label: string): Column[] => [
  { header: 'STT', width: 5, align: 'center' },
  { header: label, width: 42 },
  { header: 'Số khoản viện trợ', width: 10, align: 'center' },
  { header: 'Cam kết (USD)', width: 16 },
  { header: 'Giải ngân (USD)', width: 16 },
  { header: 'Cam kết (VND)', width: 18, money: true },
  { header: 'Giải ngân (VND)', width: 18, money: true },
];

interface Group {
  title: string;
  columns: Column[];
  rows: StatutoryGroupRow[];
  values: CellValue[][];
  totals: (CellValue | null)[];
}

const sumOf = (rows: StatutoryGroupRow[], pick: (r: StatutoryGroupRow) => number) =>
  rows.reduce((s, r) => exactSum(s, pick(r)), 0);

function group(title: string, label: string, rows: StatutoryGroupRow[]): Group {
  const values: CellValue[][] = rows.map((r, i) => [
    i + 1,
    r.label,
    r.items,
    usdCell(r.committed.USD, r.unconverted?.pledgeCount),
    usdCell(r.disbursed.USD, r.unconverted?.deliveryCount),
    r.committed.VND,
    r.disbursed.VND,
  ]);
  const totals: (CellValue | null)[] = [
    null,
    null,
    sumOf(rows, (r) => r.items),
    usdCell(sumOf(rows, (r) => r.committed.USD)),
    usdCell(sumOf(rows, (r) => r.disbursed.USD)),
    sumOf(rows, (r) => r.committed.VND),
    sumOf(rows, (r) => r.disbursed.VND),
  ];
  return { title, columns: groupColumns(label), rows, values, totals };
}

/**
 * The aid items of a 6-month or annual report (Decree 80/2020, 313/2025): the paragraph departments write, then the
 * items by sector, by modality and by donor country, in USD and VND; and, on a sheet of its own, the list of items with
 * their approval decision and stage.
 */
export function itemSheets(workbook: Workbook, groups: Heading, list: Heading, statutory: StatutoryReport) {
  itemGroupsSheet(workbook, groups, statutory);
  itemListSheet(workbook, list, statutory);
}

function itemGroupsSheet(workbook: Workbook, heading: Heading, statutory: StatutoryReport) {
  const { report, form } = heading;
  const sheet = addSheet(workbook, 'Khoản viện trợ');
  const groups = [
    group('I. THEO LĨNH VỰC', 'Lĩnh vực', statutory.bySector),
    group('II. THEO HÌNH THỨC', 'Hình thức', statutory.byModality),
    group('III. THEO QUỐC GIA CỦA NHÀ TÀI TRỢ', 'Quốc gia', statutory.byCountry),
  ];
  // One set of widths for the three tables: each column as wide as the widest of its numbers.
  let columns = groups[0]!.columns;
  for (const g of groups) columns = fitColumns(columns, g.values, g.totals);
  const widths = columns.map((c) => c.width);
  for (const g of groups) g.columns = g.columns.map((c, i) => ({ ...c, width: widths[i]! }));
  const flow = new PageFlow(setWidths(sheet, widths));
  const units = `(${datesLine(report)}; đơn vị tính: đô la Mỹ (USD) và đồng (VND))`;
  let row = opening(sheet, heading, widths, units);
  flow.addRows(sheet, 1, row - 1);
  flow.add(wideRow(sheet, row++, widths, statutory.summary.paragraph, {}));
  if (form.lang === 'vi')
    flow.add(
      wideRow(
        sheet,
        row++,
        widths,
        `Bằng chữ (tổng giá trị cam kết): ${dongInWords(statutory.summary.committed.VND)}.`,
        {
          italic: true,
        },
      ),
    );
  row++;
  flow.add(undefined);
  for (const g of groups) row = groupTable(sheet, row, widths, g, flow, statutory.summary.unconverted);
  sheet.commit();
}

/** A group's title, its table and its totals (VND, USD and the count of items); returns the row the next one starts at. */
function groupTable(
  sheet: ExcelJS.Worksheet,
  row: number,
  widths: number[],
  g: Group,
  flow: PageFlow,
  unconverted: UnconvertedInUsd,
): number {
  const { columns, rows, values } = g;
  const heights = values.map((v) => rowHeight(columns, v));
  const header = sheet.getRow(row + 1);
  // The whole table on one page where it fits: its title, header, rows and totals.
  flow.keepTogether(sheet, row, 20 + tableHeight(columns, heights));
  flow.add(wideRow(sheet, row, widths, g.title, { bold: true }));
  // Three tables on one sheet: no header is repeated on every page (it would head the other tables' pages too).
  tableHeader(sheet, row + 1, columns, false);
  flow.add(header.height);
  sheet.getRow(row + 1).commit();
  const first = row + 2;
  values.forEach((v, i) => {
    dataRow(sheet, first + i, columns, v);
  });
  flow.add(...heights);
  const last = first + rows.length - 1;
  const sum = (pick: (r: StatutoryGroupRow) => number) => sumOf(rows, pick);
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
  return unconvertedNote(sheet, last + 1, widths, { committed: 4, disbursed: 5 }, unconverted, flow);
}
