/** The donor sheet (Theo nhà tài trợ): the period's figures by donor. */
import type { Report } from '../../../contract';
import type { Column } from '../workbook/columns';
import { letterhead } from '../workbook/letterhead';
import { addSheet, type Workbook } from '../workbook/page';
import { signatures } from '../workbook/signatures';
import { dataRow, tableHeader, totalsRow } from '../workbook/table';
import { figureColumns, figureValues } from './figures';
import { subtitle } from './heading';

export function donorSheet(workbook: Workbook, report: Report) {
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
