/** The list of aid items (Danh sách khoản viện trợ): each item with its approval decision, its stage and its figures. */
import type { Report } from '../../../contract';
import type { StatutoryItemRow, StatutoryReport } from '../../../contract/items';
import { exactSum } from '../../pledges/sums';
import type { Column } from '../workbook/columns';
import { letterhead } from '../workbook/letterhead';
import { addSheet, type Workbook } from '../workbook/page';
import { signatures } from '../workbook/signatures';
import { dataRow, tableHeader, totalsRow } from '../workbook/table';
import { subtitle } from './heading';

export function itemListSheet(workbook: Workbook, report: Report, statutory: StatutoryReport) {
  const list = addSheet(workbook, 'Danh sách khoản viện trợ');
  const columns: Column[] = [
    { header: 'STT', width: 6, align: 'center' },
    { header: 'Tên khoản viện trợ', width: 36 },
    { header: 'Hình thức', width: 12 },
    { header: 'Lĩnh vực', width: 20 },
    { header: 'Nhà tài trợ', width: 26 },
    { header: 'Quốc gia', width: 14 },
    { header: 'Số quyết định phê duyệt', width: 18 },
    { header: 'Ngày phê duyệt', width: 13, align: 'center' },
    { header: 'Giai đoạn', width: 15 },
    { header: 'Cam kết trong kỳ (VND)', width: 18, money: true },
    { header: 'Giải ngân trong kỳ (VND)', width: 18, money: true },
  ];
  const head = letterhead(list, report, columns.length, subtitle(report));
  tableHeader(list, head, columns);
  statutory.items.forEach((r, i) => {
    dataRow(list, head + 1 + i, columns, [
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
    ]);
  });
  const last = head + statutory.items.length;
  const itemRows = statutory.items;
  const sum = (pick: (r: StatutoryItemRow) => number) => itemRows.reduce((s, r) => exactSum(s, pick(r)), 0);
  totalsRow(list, last + 1, columns, 'Tổng cộng', head + 1, last, [
    ...Array(9).fill(null),
    sum((r) => r.committedVnd),
    sum((r) => r.disbursedVnd),
  ]);
  signatures(list, last + 4, columns.length);
  list.commit();
}
