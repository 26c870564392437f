/**
 * Every kind of report on A4 as LibreOffice prints it: no number printed "###", every cell's text inside its cell,
 * the "Khoản viện trợ" sheet across the page's width, a table that fits on a page kept whole, and the header of a
 * table running over pages printed again. For a Tuyên Quang ledger of long names, VND totals in the tens of billions
 * and USD lines; in Vietnamese (the document sent) and in English.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultForm, writeReport } from '../db/reports/excel';
import type { TestLedger } from './helpers';
import { convert } from './libreoffice';
import { reportLedger } from './report-ledger';

let t: TestLedger;
beforeAll(async () => {
  ({ t } = await reportLedger());
}, 120_000);
afterAll(() => t.close());

/**
 * The test's own measure of printed text, in points: Times New Roman's advance widths averaged per kind of glyph
 * (digits ½ em, capitals 0.7 em, spaces and punctuation 0.3 em, other letters 0.45 em), bold 5 % wider.
 */
function printedWidth(text: string, size: number, bold: boolean): number {
  let ems = 0;
  for (const c of text) {
    const base = c.normalize('NFD')[0]!;
    if (/\d/.test(c)) ems += 0.5;
    else if (/[\s.,;:()'/-]/.test(c)) ems += 0.3;
    else if (base !== base.toLowerCase()) ems += 0.7;
    else ems += 0.45;
  }
  return ems * size * (bold ? 1.05 : 1);
}

/** A column of width w holds 7w + 5 pixels (the width of a digit of the default font is 7 pixels), ¾ point each. */
const columnPoints = (w: number) => (w * 7 + 5) * 0.75;

/** A number or date as its format prints it. */
function formatted(value: number | Date, format: string): string {
  if (value instanceof Date) return '00/00/0000';
  const places = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  const [whole, fraction] = Math.abs(value).toFixed(places).split('.');
  return `${value < 0 ? '-' : ''}${whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${fraction ? `.${fraction}` : ''}`;
}

/** Each cell written whose text does not fit: a number wider than its cell, or wrapped text taller than its row. */
function misfits(sheet: ExcelJS.Worksheet): string[] {
  const merges = new Map<string, number>();
  for (const range of (sheet.model as { merges: string[] }).merges) {
    const [from, to] = range.split(':');
    const first = sheet.getCell(from!).col;
    const last = sheet.getCell(to!).col;
    let width = 0;
    for (let c = Number(first); c <= Number(last); c++) width += columnPoints(sheet.getColumn(c).width ?? 9);
    merges.set(from!, width);
  }
  const found: string[] = [];
  sheet.eachRow((row) => {
    const rowHeight = row.height ?? 15;
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const width = (merges.get(cell.address) ?? columnPoints(sheet.getColumn(cell.col).width ?? 9)) - 4;
      const size = cell.font?.size ?? 11;
      const bold = Boolean(cell.font?.bold);
      let value = cell.value as unknown;
      if (value && typeof value === 'object' && 'formula' in value) value = (value as { result?: number }).result ?? 0;
      const where = `${sheet.name}!${cell.address}`;
      if (typeof value === 'number' || value instanceof Date) {
        const text = formatted(value, cell.numFmt ?? '0');
        if (printedWidth(text, size, bold) > width) found.push(`${where} "${text}" wider than ${width.toFixed(0)} pt`);
      } else if (typeof value === 'string' && value) {
        const lines: string[] = [];
        for (const paragraph of value.split('\n')) {
          let line = '';
          for (const word of paragraph.split(' ')) {
            const joined = line ? `${line} ${word}` : word;
            if (!line || printedWidth(joined, size, bold) <= width) line = joined;
            else {
              lines.push(line);
              line = word;
            }
          }
          lines.push(line);
        }
        const wraps = Boolean(cell.alignment?.wrapText);
        const count = wraps
          ? lines.reduce((n, l) => n + Math.ceil(printedWidth(l, size, bold) / width), 0)
          : Math.ceil(printedWidth(value, size, bold) / width);
        if (!wraps && count > 1) found.push(`${where} "${value}" leaves its unwrapped cell`);
        else if (count * size * 1.15 > rowHeight)
          found.push(`${where} "${value.slice(0, 40)}…" takes ${count} lines, its row ${rowHeight} pt`);
      }
    });
  });
  return found;
}

/** The PDF's text, page by page. */
function pdfPages(pdf: string): string[] {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 64 << 20 })
    .toString()
    .split('\f')
    .filter((page) => page.trim());
}

describe('every report on A4', () => {
  const kinds = ['2026-Q3', '2026-H2', '2026'];
  it.each(kinds.flatMap((period) => (['vi', 'en'] as const).map((lang) => [period, lang] as const)))(
    '%s in %s prints no "###" and every cell holds its text',
    async (period, lang) => {
      let bytes: Buffer;
      if (lang === 'vi') bytes = Buffer.from((await t.service.invoke('reports.xlsx', { period })).base64, 'base64');
      else {
        const report = await t.service.invoke('reports.preview', { period, lang });
        bytes = await writeReport(report, defaultForm(report, 'en'));
      }
      const file = join(t.dir, `report-${period}-${lang}.xlsx`);
      writeFileSync(file, bytes);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(bytes as never);
      expect(workbook.worksheets.flatMap(misfits)).toEqual([]);
      const [pdf] = convert(file, 'pdf', t.dir);
      const pages = pdfPages(pdf!);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.filter((page) => page.includes('###'))).toEqual([]);
      // The figures the ledger gave, printed whole.
      expect(pages[0]).toMatch(/\d{2,3},\d{3},\d{3},\d{3}/);
      if (period === '2026') checkAnnual(workbook, pages);
    },
    120_000,
  );
});

/** The annual report's pages: the items' sheet across the page, its tables whole, the detail's header on every page. */
function checkAnnual(workbook: ExcelJS.Workbook, pages: string[]) {
  const items = workbook.getWorksheet('Khoản viện trợ')!;
  let width = 0;
  for (let c = 1; c <= 7; c++) width += columnPoints(items.getColumn(c).width!);
  // A4 across, less Decree 30's margins of 30 and 15 mm: 714 points.
  expect(width).toBeGreaterThan(0.9 * 714);
  expect(width).toBeLessThanOrEqual(714);
  // Each table whole on one page: its title, its header and its totals.
  for (const title of ['I. THEO LĨNH VỰC', 'II. THEO HÌNH THỨC', 'III. THEO QUỐC GIA CỦA NHÀ TÀI TRỢ']) {
    const page = pages.find((p) => p.includes(title))!;
    expect(page.slice(page.indexOf(title))).toMatch(/Giải ngân \(VND\)[\s\S]*Tổng cộng/);
  }
  // The detail runs over pages: its header heads each of them.
  const first = pages.findIndex((p) => /Phụ lục I\s*\n/.test(p) || /Appendix I\s*\n/.test(p));
  const next = pages.findIndex((p) => /(Phụ lục|Appendix) II\s*\n/.test(p));
  expect(next - first).toBeGreaterThan(1);
  for (const page of pages.slice(first, next)) expect(page).toContain('Quy đổi (VND)');
}
