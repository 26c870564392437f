/**
 * The head of each sheet in the Decree 30/2020/NĐ-CP form. The report's first sheet carries the letterhead (Mẫu 1.4):
 * the governing body over the issuing office beside the national motto, "Số: …/BC-…" on the line of the place and
 * date, "BÁO CÁO" and its subject, then "Kính gửi". Every other sheet is an appendix (Phụ lục I, Mục III; Mẫu 2.1):
 * "Phụ lục I", its title in capitals, and "(Kèm theo Báo cáo số … ngày … của …)" — no letterhead of its own.
 */
import type ExcelJS from 'exceljs';
import type { Report } from '../../../contract';
import { dayText } from '../../../contract/dates';
import type { ReportForm } from '../form';
import { cellPoints, heightOf, linesIn } from './measure';
import { FONT } from './styles';

/** What a sheet's head says: the report sheet's letterhead, or an appendix's number and title. */
export interface Heading {
  form: ReportForm;
  report: Report;
  /** null on the report's own sheet. */
  appendix: { numeral: string; title: string } | null;
}

export interface TextPart {
  from: number;
  to: number;
  text: string;
  size: number;
  font?: Partial<ExcelJS.Font>;
  align?: ExcelJS.Alignment['horizontal'];
}

/** Texts side by side on one row, each merged over its columns and wrapped, the row as tall as the longest needs. */
export function textRow(sheet: ExcelJS.Worksheet, row: number, widths: number[], parts: TextPart[], minHeight = 0) {
  let height = minHeight;
  for (const { from, to, text, size, font, align } of parts) {
    if (to > from) sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size, ...font };
    cell.alignment = { horizontal: align ?? 'center', vertical: 'top', wrapText: true };
    const lines = linesIn(text, cellPoints(widths.slice(from - 1, to)), size, Boolean(font?.bold));
    height = Math.max(height, heightOf(lines, size));
  }
  sheet.getRow(row).height = height;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "ngày 05 tháng 01 năm 2026", "ngày 15 tháng 3 năm 2026": a day below 10 and the months 1 and 2 with a leading 0. */
export function dayInWords(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `ngày ${pad(d)} tháng ${m < 3 ? pad(m) : m} năm ${y}`;
}

/** "05/BC-SNgV": the number (a leading 0 below 10), the document type and the office's symbol. */
export function documentNumber(form: ReportForm): string {
  return `${pad(form.number)}/BC${form.symbol ? `-${form.symbol}` : ''}`;
}

/** Where the report and the appendix part the page: the left part about two fifths of its width. */
export function splitOf(widths: number[]): number {
  const total = widths.reduce((a, b) => a + b, 0);
  let sum = 0;
  for (let i = 0; i < widths.length - 1; i++) {
    sum += widths[i]!;
    if (sum >= total * 0.4) return i + 1;
  }
  return Math.max(1, widths.length - 1);
}

/** The report's subject in a sentence: "Tình hình tiếp nhận … quý III năm 2026" from its title in capitals. */
function subject(title: string): string {
  const text = title
    .replace(/^BÁO CÁO\s+/, '')
    .toLocaleLowerCase('vi')
    .replace(/(?<=^| )(i{1,3}|iv)(?= |$)/g, (numeral) => numeral.toUpperCase());
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

/** The sheet's head; returns the row its table starts at. */
export function opening(sheet: ExcelJS.Worksheet, heading: Heading, widths: number[], subtitle: string): number {
  return heading.appendix
    ? appendixHead(sheet, heading, heading.appendix, widths, subtitle)
    : reportHead(sheet, heading, widths, subtitle);
}

function reportHead(sheet: ExcelJS.Worksheet, { form, report }: Heading, widths: number[], subtitle: string): number {
  const n = widths.length;
  const split = splitOf(widths);
  const left = (text: string, size: number, font: Partial<ExcelJS.Font> = {}): TextPart => ({
    from: 1,
    to: split,
    text,
    size,
    font,
  });
  const right = (text: string, size: number, font: Partial<ExcelJS.Font> = {}): TextPart => ({
    from: split + 1,
    to: n,
    text,
    size,
    font,
  });
  const vi = form.lang === 'vi';
  // Decree 30, Mẫu 1.4: the governing body not bold, the office bold; the motto bold, underlined as its rule.
  textRow(sheet, 1, widths, [
    left(form.governingBody.toLocaleUpperCase('vi'), 13),
    right('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 13, { bold: true }),
  ]);
  textRow(sheet, 2, widths, [
    left(form.office.toLocaleUpperCase('vi'), 13, { bold: true }),
    right('Độc lập - Tự do - Hạnh phúc', 13, { bold: true, underline: true }),
  ]);
  const dated = vi ? `${form.place}, ${dayInWords(form.dated)}` : `${form.place}, ${dayText(form.dated)}`;
  textRow(sheet, 3, widths, [
    left(`${vi ? 'Số' : 'No.'}: ${documentNumber(form)}`, 13),
    right(dated, 13, { italic: true }),
  ]);
  sheet.getRow(4).height = 10;
  const whole = (text: string, size: number, font: Partial<ExcelJS.Font> = {}): TextPart[] => [
    { from: 1, to: n, text, size, font },
  ];
  let row = 5;
  if (vi) {
    textRow(sheet, row++, widths, whole('BÁO CÁO', 14, { bold: true }));
    textRow(sheet, row++, widths, whole(subject(report.title), 14, { bold: true }));
  } else textRow(sheet, row++, widths, whole(report.title, 14, { bold: true }));
  textRow(sheet, row++, widths, whole(subtitle, 12, { italic: true }));
  sheet.getRow(row++).height = 8;
  row = addressee(sheet, row, widths, split, form);
  return row + 1;
}

/**
 * "Kính gửi: …" on one line for one recipient; for several, one a line after a dash, each ending with ";" and the
 * last with "." (Decree 30, Phụ lục I, "Nơi nhận"). Returns the row after it.
 */
function addressee(sheet: ExcelJS.Worksheet, row: number, widths: number[], split: number, form: ReportForm) {
  const label = form.lang === 'vi' ? 'Kính gửi:' : 'To:';
  const recipients = form.addressee
    .split('\n')
    .map((line) =>
      line
        .trim()
        .replace(/^[-–•]\s*/, '')
        .replace(/[;.]$/, ''),
    )
    .filter(Boolean);
  if (recipients.length <= 1) {
    textRow(sheet, row, widths, [{ from: 1, to: widths.length, text: `${label} ${recipients[0] ?? ''}`, size: 14 }]);
    return row + 1;
  }
  recipients.forEach((name, i) => {
    const text = `- ${name}${i === recipients.length - 1 ? '.' : ';'}`;
    const parts: TextPart[] = [{ from: split + 1, to: widths.length, text, size: 14, align: 'left' }];
    if (i === 0) parts.unshift({ from: 1, to: split, text: label, size: 14, align: 'right' });
    textRow(sheet, row + i, widths, parts);
  });
  return row + recipients.length;
}

/** "(Kèm theo Báo cáo số 05/BC-SNgV ngày 05 tháng 01 năm 2026 của Sở Ngoại vụ tỉnh Tuyên Quang)" */
export function attachedTo(form: ReportForm): string {
  return form.lang === 'vi'
    ? `(Kèm theo Báo cáo số ${documentNumber(form)} ${dayInWords(form.dated)} của ${form.officeName})`
    : `(Attached to Report No. ${documentNumber(form)} of ${dayText(form.dated)} of ${form.officeName})`;
}

function appendixHead(
  sheet: ExcelJS.Worksheet,
  { form }: Heading,
  appendix: { numeral: string; title: string },
  widths: number[],
  subtitle: string,
): number {
  const whole = (text: string, size: number, font: Partial<ExcelJS.Font>): TextPart[] => [
    { from: 1, to: widths.length, text, size, font },
  ];
  const word = form.lang === 'vi' ? 'Phụ lục' : 'Appendix';
  // Decree 30, Phụ lục I, Mục III.1: the number 14 bold, the title in capitals 13–14 bold, the reference italic.
  textRow(sheet, 1, widths, whole(`${word} ${appendix.numeral}`, 14, { bold: true }));
  textRow(sheet, 2, widths, whole(appendix.title.toLocaleUpperCase('vi'), 13, { bold: true }));
  textRow(sheet, 3, widths, whole(attachedTo(form), 13, { italic: true }));
  textRow(sheet, 4, widths, whole(subtitle, 12, { italic: true }));
  return 6;
}
