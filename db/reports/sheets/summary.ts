/** The summary sheet (Tổng hợp): the period's figures by kind of aid and place, with the amounts in other currencies. */
import type { Report } from '../../../contract';
import type { Column } from '../workbook/columns';
import { letterhead } from '../workbook/letterhead';
import { addSheet, type Workbook } from '../workbook/page';
import { signatures } from '../workbook/signatures';
import { dataRow, tableHeader, totalsRow } from '../workbook/table';
import { figureColumns, figureValues } from './figures';
import { subtitle } from './heading';

export function summarySheet(workbook: Workbook, report: Report) {
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
