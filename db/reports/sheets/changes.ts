/** The changes sheet (Điều chỉnh): the pledges amended, what changed, why and by whom. */
import type { Report } from '../../../contract';
import type { Column } from '../workbook/columns';
import { letterhead } from '../workbook/letterhead';
import { addSheet, type Workbook } from '../workbook/page';
import { signatures } from '../workbook/signatures';
import { FONT } from '../workbook/styles';
import { dataRow, tableHeader } from '../workbook/table';
import { subtitle } from './heading';

export function changesSheet(workbook: Workbook, report: Report) {
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
