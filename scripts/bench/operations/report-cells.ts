import ExcelJS from 'exceljs';
import { PassThrough } from 'node:stream';
import type { Report } from '../../../contract';

/** The bare exceljs streaming writer writing a built report's cells: the floor of every report written. */
export async function writeReportCellsBare(built: Report): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream });
  const sheet = (name: string, rows: (string | number | null)[][]) => {
    const ws = workbook.addWorksheet(name);
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
  };
  const figures = (f: Report['summaryTotal']) => [
    f.pledgedVnd,
    f.deliveredVnd,
    f.cumulativeDeliveredVnd,
    f.remainingVnd,
  ];
  sheet(
    'Tổng hợp',
    built.summary.map((r, i) => [i + 1, r.kindLabel, r.placeName, ...figures(r), r.original]),
  );
  sheet(
    'Chi tiết',
    [...built.pledges, ...built.deliveries].map((r, i) => [
      i + 1,
      r.date,
      r.donor,
      r.placeName,
      r.kindLabel,
      r.description,
      r.quantity,
      r.unit,
      r.amountText,
      r.currency,
      r.rate,
      r.vnd,
    ]),
  );
  sheet(
    'Theo nhà tài trợ',
    built.donors.map((r, i) => [i + 1, r.donor, r.country, ...figures(r)]),
  );
  sheet(
    'Điều chỉnh',
    built.changes.map((c, i) => [i + 1, c.date, c.donor, c.description, c.changes, c.reason]),
  );
  await workbook.commit();
  return Buffer.concat(chunks);
}
