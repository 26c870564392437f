/**
 * The sheet "Tổ chức PCPNN" of a 6-month or annual report, an appendix: the foreign NGOs registered for the province
 * in the period (a certificate covering it on some day of it), each with that certificate, its validity (expired in
 * the period, or expiring within 90 days of its end, said so), its fields, and its aid items, committed and disbursed
 * in the period; a totals row that is the sum of the rows, then the paragraph's sentence counting them.
 */
import type { RegistryReportPart } from '../../../contract/ngo-register';
import { EXPIRY_NOTICE_DAYS } from '../../../contract/ngo';
import type { CellValue } from '../workbook/cells';
import { type Column, fitColumns } from '../workbook/columns';
import { type Heading, opening } from '../workbook/letterhead';
import { addSheet, setWidths, type Workbook } from '../workbook/page';
import { dataRow, tableHeader, totalsRow, wideRow } from '../workbook/table';
import { KIND_WORDS } from '../../ngo/export';
import { subtitle } from './heading';

const COLUMNS: Column[] = [
  { header: 'STT', width: 5, align: 'center' },
  { header: 'Tên tổ chức', width: 28 },
  { header: 'Quốc tịch', width: 12 },
  { header: 'Giấy đăng ký (loại, số, ngày cấp)', width: 26 },
  { header: 'Có giá trị đến', width: 16 },
  { header: 'Lĩnh vực hoạt động', width: 20 },
  { header: 'Số khoản viện trợ trong kỳ', width: 10, money: true },
  { header: 'Cam kết trong kỳ (VND)', width: 16, money: true },
  { header: 'Giải ngân trong kỳ (VND)', width: 16, money: true },
];

const shortDay = (iso: string) => iso.split('-').reverse().join('/');

export function ngoValues(part: RegistryReportPart): CellValue[][] {
  return part.rows.map((r, i) => {
    const c = r.certificate!;
    const ending =
      r.ending === 'expired'
        ? ' (hết hạn)'
        : r.ending === 'expiring'
          ? ` (hết hạn trong ${EXPIRY_NOTICE_DAYS} ngày)`
          : '';
    return [
      i + 1,
      r.name,
      r.country ?? '',
      `${KIND_WORDS[c.kind]} số ${c.number} ngày ${shortDay(c.issuedOn)}`,
      `${shortDay(c.validUntil)}${ending}`,
      r.fieldNames,
      r.items,
      r.committedVnd,
      r.disbursedVnd,
    ];
  });
}

export function ngoSheet(workbook: Workbook, heading: Heading, part: RegistryReportPart) {
  const sheet = addSheet(workbook, 'Tổ chức PCPNN');
  const rows = ngoValues(part);
  const totals = [
    null,
    null,
    null,
    null,
    null,
    null,
    part.total.items,
    part.total.committedVnd,
    part.total.disbursedVnd,
  ];
  const columns = fitColumns(COLUMNS, rows, totals);
  const widths = columns.map((c) => c.width);
  setWidths(sheet, widths);
  const head = opening(sheet, heading, widths, subtitle(heading.report));
  tableHeader(sheet, head, columns);
  rows.forEach((values, i) => {
    dataRow(sheet, head + 1 + i, columns, values);
  });
  const last = head + rows.length;
  totalsRow(sheet, last + 1, columns, 'Tổng cộng', head + 1, last, totals);
  sheet.getRow(last + 1).commit();
  wideRow(sheet, last + 3, widths, part.sentence, {});
  sheet.commit();
}
