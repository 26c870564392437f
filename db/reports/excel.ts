/**
 * Lays the report's rows out as a printable workbook in the Decree 30/2020 form: the department and the national
 * motto, the title, the place and date line, tables with repeated headers, SUM totals (with their values cached,
 * so every reader sees them), and a signature block. Times New Roman, #,##0, A4 landscape fitted to the width.
 */
import { loadExcelJs } from '../imports/libraries';
import { PassThrough } from 'node:stream';
import type { Report } from '../../contract';
import { foldText } from '../../contract/text';
import { changesSheet } from './sheets/changes';
import { detailSheet } from './sheets/detail';
import { donorSheet } from './sheets/donors';
import { itemSheets } from './sheets/items';
import { summarySheet } from './sheets/summary';

export async function writeReport(report: Report): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = report.departmentName || 'Aid Ledger';
  workbook.created = new Date(`${report.dated}T00:00:00Z`);
  summarySheet(workbook, report);
  detailSheet(workbook, report);
  donorSheet(workbook, report);
  changesSheet(workbook, report);
  itemSheets(workbook, report);
  await workbook.commit();
  return Buffer.concat(chunks);
}

export function reportFileName(report: Report): string {
  const place = report.wholeProvince ? '' : `-${report.placeName}`;
  // A report of some aid items says which in its name, so it is not taken for the whole report.
  const scope = report.scope
    ? `-${foldText(report.scope)
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 60)}`
    : '';
  return `Bao-cao-vien-tro-${report.period.key}${place}${scope}.xlsx`.replace(/[\\/:*?"<>|\s]+/g, '-');
}
