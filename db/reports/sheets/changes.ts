/** The changes sheet (Điều chỉnh), an appendix: the pledges amended, what changed, why and by whom. */
import type { Column } from '../workbook/columns';
import { type Heading, opening } from '../workbook/letterhead';
import { addSheet, setWidths, type Workbook } from '../workbook/page';
import { dataRow, tableHeader, wideRow } from '../workbook/table';
import { subtitle } from './heading';

const COLUMNS: Column[] = [
  { header: 'STT', width: 5, align: 'center' },
  { header: 'Ngày điều chỉnh', width: 12, align: 'center' },
  { header: 'Nhà tài trợ', width: 18 },
  { header: 'Nội dung cam kết', width: 24 },
  { header: 'Thay đổi (trước → sau)', width: 36 },
  { header: 'Lý do', width: 18 },
  { header: 'Người điều chỉnh', width: 18 },
];

export function changesSheet(workbook: Workbook, heading: Heading) {
  const { report } = heading;
  const sheet = addSheet(workbook, 'Điều chỉnh');
  const widths = COLUMNS.map((c) => c.width);
  setWidths(sheet, widths);
  const head = opening(sheet, heading, widths, subtitle(report));
  tableHeader(sheet, head, COLUMNS);
  report.changes.forEach((c, i) => {
    dataRow(sheet, head + 1 + i, COLUMNS, [i + 1, { day: c.date }, c.donor, c.description, c.changes, c.reason, c.by]);
  });
  if (report.changes.length === 0)
    wideRow(sheet, head + 1, widths, 'Không có cam kết nào được điều chỉnh trong kỳ.', { italic: true }, 11);
  sheet.commit();
}
