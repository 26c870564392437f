/** The donor sheet (Theo nhà tài trợ), an appendix: the period's figures by donor. */
import { type Column, fitColumns } from '../workbook/columns';
import { type Heading, opening } from '../workbook/letterhead';
import { addSheet, setWidths, type Workbook } from '../workbook/page';
import { writeRows } from '../workbook/streamed';
import { tableHeader, totalsRow } from '../workbook/table';
import { figureColumns, figureValues } from './figures';
import { subtitle } from './heading';

const COLUMNS: Column[] = [
  { header: 'STT', width: 5, align: 'center' },
  { header: 'Nhà tài trợ', width: 32 },
  { header: 'Quốc gia', width: 18 },
  ...figureColumns,
];

export function donorSheet(workbook: Workbook, heading: Heading) {
  const { report } = heading;
  const sheet = addSheet(workbook, 'Theo nhà tài trợ');
  const rows = report.donors.map((r, i) => [i + 1, r.donor, r.country, ...figureValues(r)]);
  const totals = [null, null, null, ...figureValues(report.donorTotal)];
  const columns = fitColumns(COLUMNS, rows, totals);
  const widths = columns.map((c) => c.width);
  setWidths(sheet, widths);
  const head = opening(sheet, heading, widths, subtitle(report));
  tableHeader(sheet, head, columns);
  writeRows(workbook, sheet, head + 1, columns, rows);
  const last = head + report.donors.length;
  totalsRow(sheet, last + 1, columns, 'Tổng cộng', head + 1, last, totals);
  sheet.commit();
}
