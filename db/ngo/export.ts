/**
 * The register "Sổ theo dõi tổ chức PCPNN hoạt động trên địa bàn" as a workbook in the reports' style (Times New
 * Roman, bordered table with its header on every page, A4 landscape fitted to the width): the office's letterhead, the
 * title and period, one row an NGO — its country, the certificate standing for it at the period's end (kind, number,
 * date of issue), its validity and standing, the provinces and fields it permits, and its aid items, committed and
 * disbursed in the period — a totals row that is the sum of the rows, and the place and date with who signs.
 */
import { PassThrough } from 'node:stream';
import type { z } from 'zod';
import type { CertificateKind, CertificateStatus } from '../../contract/ngo';
import type { NgoExportInput, NgoExportResult } from '../../contract/ngo-io';
import { dayText } from '../../contract/dates';
import { LedgerError } from '../../contract/errors';
import type { Ctx } from '../core/context';
import { loadExcelJs } from '../imports/libraries';
import { servedProvince } from '../places/install';
import { resolveForm } from '../reports/form';
import type { CellValue } from '../reports/workbook/cells';
import { type Column, fitColumns } from '../reports/workbook/columns';
import { dayInWords, splitOf, textRow } from '../reports/workbook/letterhead';
import { addSheet, setWidths } from '../reports/workbook/page';
import { dataRow, tableHeader, totalsRow } from '../reports/workbook/table';
import { getSettings } from '../settings';
import type { Register } from '../../contract/ngo-register';
import { buildRegister } from './io-register';

export const KIND_WORDS: Record<CertificateKind, string> = {
  operation: 'Giấy đăng ký hoạt động',
  representative_office: 'Giấy đăng ký lập Văn phòng đại diện',
};

export const STATUS_WORDS: Record<CertificateStatus, string> = {
  in_force: 'Còn hiệu lực',
  extended: 'Đã gia hạn',
  amended: 'Đã sửa đổi, bổ sung',
  suspended: 'Tạm đình chỉ',
  revoked: 'Thu hồi',
};

const COLUMNS: Column[] = [
  { header: 'STT', width: 5, align: 'center' },
  { header: 'Tên tổ chức', width: 26 },
  { header: 'Quốc tịch', width: 11 },
  { header: 'Giấy đăng ký (loại, số, ngày cấp)', width: 24 },
  { header: 'Có giá trị đến', width: 11, align: 'center' },
  { header: 'Tình trạng', width: 11 },
  { header: 'Địa bàn hoạt động', width: 18 },
  { header: 'Lĩnh vực hoạt động', width: 18 },
  { header: 'Số khoản viện trợ trong kỳ', width: 9, money: true },
  { header: 'Cam kết trong kỳ (VND)', width: 15, money: true },
  { header: 'Giải ngân trong kỳ (VND)', width: 15, money: true },
];

/** A day as the register prints it: 05/03/2026. */
const shortDay = (iso: string) => iso.split('-').reverse().join('/');

/** The row's cells, as the workbook and its tests read them. */
export function registerValues(register: Register): CellValue[][] {
  return register.rows.map((r, i) => {
    const c = r.certificate;
    const standing = !c
      ? ''
      : c.validUntil < register.to && c.status !== 'suspended' && c.status !== 'revoked'
        ? 'Hết hạn'
        : STATUS_WORDS[c.status];
    return [
      i + 1,
      r.name,
      r.country ?? '',
      c ? `${KIND_WORDS[c.kind]} số ${c.number} ngày ${shortDay(c.issuedOn)}` : 'Chưa có giấy đăng ký',
      c ? shortDay(c.validUntil) : '',
      standing,
      r.provinceNames,
      r.fieldNames,
      r.items,
      r.committedVnd,
      r.disbursedVnd,
    ];
  });
}

/** The period asked, or this year to today. */
function periodOf(ctx: Ctx, input: z.output<typeof NgoExportInput>) {
  const today = ctx.now.slice(0, 10);
  const to = input.to ?? today;
  return { from: input.from ?? `${to.slice(0, 4)}-01-01`, to };
}

export async function exportRegister(ctx: Ctx, input: z.output<typeof NgoExportInput>): Promise<NgoExportResult> {
  const period = periodOf(ctx, input);
  if (period.from > period.to)
    throw new LedgerError('invalid_input', { vi: 'Từ ngày: sau ngày đến', en: 'From: after the end date' }, 'from');
  const register = await buildRegister(ctx, period, 'vi');
  const settings = await getSettings(ctx);
  const province = await servedProvince(ctx);
  const where = province ? { unitType: province.unitType ?? 'Tỉnh', name: province.name } : null;
  const form = resolveForm(settings.reportForm, settings.reportFormDefaults, settings.departmentName, where, {
    kind: 'year',
    number: 1,
    dated: ctx.now.slice(0, 10),
    lang: 'vi',
  });
  const bytes = await writeRegister(register, {
    governingBody: form.governingBody,
    office: form.office,
    place: form.place,
    dated: form.dated,
    signer: form.signer,
    province: where ? `${where.unitType.toLocaleLowerCase('vi')} ${where.name}` : '',
  });
  return {
    fileName: `So-theo-doi-to-chuc-PCPNN-${period.from}-${period.to}.xlsx`,
    base64: bytes.toString('base64'),
  };
}

export interface RegisterHead {
  governingBody: string;
  office: string;
  place: string;
  dated: string;
  signer: string;
  /** "tỉnh Cao Bằng" ('' for a national ledger). */
  province: string;
}

export async function writeRegister(register: Register, head: RegisterHead): Promise<Buffer> {
  const ExcelJS = await loadExcelJs();
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = head.office || 'Aid Ledger';
  workbook.created = new Date(`${head.dated}T00:00:00Z`);
  const sheet = addSheet(workbook, 'Sổ theo dõi');
  const rows = registerValues(register);
  const totals = [
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    null,
    register.total.items,
    register.total.committedVnd,
    register.total.disbursedVnd,
  ];
  const columns = fitColumns(COLUMNS, rows, totals);
  const widths = columns.map((c) => c.width);
  setWidths(sheet, widths);
  const n = widths.length;
  const split = splitOf(widths);
  textRow(sheet, 1, widths, [
    { from: 1, to: split, text: head.governingBody.toLocaleUpperCase('vi'), size: 13 },
    { from: split + 1, to: n, text: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', size: 13, font: { bold: true } },
  ]);
  textRow(sheet, 2, widths, [
    { from: 1, to: split, text: head.office.toLocaleUpperCase('vi'), size: 13, font: { bold: true } },
    { from: split + 1, to: n, text: 'Độc lập - Tự do - Hạnh phúc', size: 13, font: { bold: true, underline: true } },
  ]);
  sheet.getRow(3).height = 10;
  const where = head.province ? ` ${head.province.toLocaleUpperCase('vi')}` : '';
  textRow(sheet, 4, widths, [
    {
      from: 1,
      to: n,
      text: `SỔ THEO DÕI TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI HOẠT ĐỘNG TRÊN ĐỊA BÀN${where}`,
      size: 14,
      font: { bold: true },
    },
  ]);
  textRow(sheet, 5, widths, [
    {
      from: 1,
      to: n,
      text: `(Khoản viện trợ và giá trị viện trợ từ ngày ${dayText(register.from)} đến ngày ${dayText(register.to)}; đơn vị tính: đồng)`,
      size: 12,
      font: { italic: true },
    },
  ]);
  const headRow = 7;
  tableHeader(sheet, headRow, columns);
  rows.forEach((values, i) => {
    dataRow(sheet, headRow + 1 + i, columns, values);
  });
  const last = headRow + rows.length;
  totalsRow(sheet, last + 1, columns, 'Tổng cộng', headRow + 1, last, totals);
  sheet.getRow(last + 1).commit();
  textRow(sheet, last + 3, widths, [
    { from: split + 1, to: n, text: `${head.place}, ${dayInWords(head.dated)}`, size: 13, font: { italic: true } },
  ]);
  textRow(sheet, last + 4, widths, [
    { from: 1, to: split, text: 'NGƯỜI LẬP SỔ', size: 13, font: { bold: true } },
    { from: split + 1, to: n, text: head.signer, size: 13, font: { bold: true } },
  ]);
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
