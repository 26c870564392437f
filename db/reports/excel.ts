/**
 * Lays the report's rows out as a printable workbook in the Decree 30/2020 form: the report on its first sheet (the
 * letterhead, the summary, the amounts in words, the signature), every other sheet one of its appendices; tables with
 * repeated headers and SUM totals (with their values cached, so every reader sees them). Times New Roman, #,##0, A4
 * landscape fitted to the width, columns wide enough for their numbers and rows tall enough for their text.
 */
import { loadExcelJs } from '../imports/libraries';
import { PassThrough } from 'node:stream';
import type { Report, ReportFormSettings } from '../../contract';
import { type ReportForm, resolveForm } from './form';
import { reportFormDefaults } from './form-defaults';
import type { Heading } from './workbook/letterhead';
import { foldText } from '../../contract/text';
import { changesSheet } from './sheets/changes';
import { detailSheet } from './sheets/detail';
import { donorSheet } from './sheets/donors';
import { itemSheets } from './sheets/items';
import { ngoSheet } from './sheets/ngos';
import { summarySheet } from './sheets/summary';

/** The appendices' titles, in the order of their sheets. */
const APPENDICES = {
  detail: { vi: 'Chi tiết cam kết và tiếp nhận viện trợ trong kỳ', en: 'Pledges and deliveries of the period' },
  donors: { vi: 'Viện trợ theo nhà tài trợ', en: 'Aid by donor' },
  changes: { vi: 'Các cam kết được điều chỉnh', en: 'Pledges amended' },
  itemGroups: {
    vi: 'Các khoản viện trợ theo lĩnh vực, hình thức và quốc gia của nhà tài trợ',
    en: 'Aid items by sector, modality and donor country',
  },
  itemList: { vi: 'Danh sách các khoản viện trợ', en: 'List of aid items' },
  ngos: {
    vi: 'Các tổ chức phi chính phủ nước ngoài đăng ký hoạt động trên địa bàn',
    en: 'Foreign NGOs registered to work in the province',
  },
};
const NUMERALS = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII'];

/** The form of a report written without one (a test's, the bench's): the defaults of its province, number 1. */
export function defaultForm(report: Report, lang: 'vi' | 'en' = 'vi'): ReportForm {
  const province = report.provinceName ? { unitType: report.provinceType || 'Tỉnh', name: report.provinceName } : null;
  const defaults = reportFormDefaults(province, report.departmentName);
  const unset = Object.fromEntries(Object.keys(defaults).map((k) => [k, ''])) as ReportFormSettings;
  return resolveForm(unset, defaults, report.departmentName, province, {
    kind: report.period.kind,
    number: 1,
    dated: report.dated,
    lang,
  });
}

export async function writeReport(report: Report, form: ReportForm = defaultForm(report)): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = form.officeName || 'Aid Ledger';
  workbook.created = new Date(`${report.dated}T00:00:00Z`);
  const titles = [APPENDICES.detail, APPENDICES.donors, APPENDICES.changes];
  if (report.statutory) titles.push(APPENDICES.itemGroups, APPENDICES.itemList);
  if (report.statutory?.ngos) titles.push(APPENDICES.ngos);
  const appendices = titles.map((t, i) => ({ numeral: NUMERALS[i]!, title: t[form.lang] }));
  const appendix = (i: number): Heading => ({ form, report, appendix: appendices[i]! });
  summarySheet(workbook, { form, report, appendix: null }, appendices);
  detailSheet(workbook, appendix(0));
  donorSheet(workbook, appendix(1));
  changesSheet(workbook, appendix(2));
  if (report.statutory) itemSheets(workbook, appendix(3), appendix(4), report.statutory);
  if (report.statutory?.ngos) ngoSheet(workbook, appendix(5), report.statutory.ngos);
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
