/**
 * The report as printed is the workbook's first sheet: the same letterhead, title, rows and totals as the workbook the
 * same input saves, figures shown as a Vietnamese spreadsheet shows them; printing keeps nothing in the reports sent.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportPrint } from '../contract';
import { printedSheet, shown } from '../db/reports/print';
import type { TestLedger } from './helpers';
import { reportLedger } from './report-ledger';

let t: TestLedger;
beforeAll(async () => {
  ({ t } = await reportLedger());
}, 120_000);
afterAll(() => t.close());

const texts = (print: ReportPrint) => print.rows.map((r) => r.cells.map((c) => c.text));

describe('the report as printed', () => {
  it('shows the first sheet of the workbook saved for the same input, cell by cell, and sends nothing', async () => {
    const input = { period: '2026-H1', documentNumber: 12, addressee: 'Bộ Ngoại giao\nUBND tỉnh Tuyên Quang' };
    const print = await t.service.invoke('reports.print', input);
    expect(await t.service.invoke('reports.list', {})).toEqual([]);
    const file = await t.service.invoke('reports.xlsx', input);
    expect(print.fileName).toBe(file.fileName.replace(/\.xlsx$/, '.pdf'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(file.base64, 'base64') as never);
    const sheet = workbook.worksheets[0]!;
    // Cell for cell, the first sheet of the workbook saved.
    const { fileName: _name, ...laidOut } = print;
    expect(laidOut).toEqual(printedSheet(sheet));
    expect(print.orientation).toBe('landscape');
    expect(print.widths).toHaveLength(sheet.columnCount);

    const printed = texts(print);
    expect(printed[0]).toEqual(['UBND TỈNH TUYÊN QUANG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(printed[2]![0]).toMatch(/^Số: 12\/BC/);
    expect(printed.flat()).toContain('BÁO CÁO');
    expect(printed.flat()).toContain('- Bộ Ngoại giao;');

    // One header, then the rows and the totals ruled, each figure as the workbook holds it.
    expect(print.rows.filter((r) => r.part === 'header')).toHaveLength(1);
    const header = print.rows.findIndex((r) => r.part === 'header');
    const table = print.rows.filter((r) => r.part === 'table');
    const total = table.at(-1)!;
    expect(total.cells[0]!.text).toBe('Tổng cộng');
    const totalRow = sheet.getRow(header + 1 + table.length);
    const pledged = totalRow.getCell(4).value as { result: number };
    expect(total.cells[1]!.text).toBe(shown(pledged.result, '#,##0'));
    expect(Number(total.cells[1]!.text.replaceAll('.', ''))).toBe(pledged.result);
    const first = sheet.getRow(header + 2);
    expect(table[0]!.cells.map((c) => c.text).slice(0, 3)).toEqual([
      String(first.getCell(1).value),
      String(first.getCell(2).value),
      String(first.getCell(3).value),
    ]);
    expect(table[0]!.cells[3]!.text).toBe(shown(first.getCell(4).value as number, '#,##0'));
    // The amounts in words and the signature after the table.
    expect(printed.flat().some((text) => text.startsWith('Bằng chữ (cam kết trong kỳ):'))).toBe(true);
    expect(printed.flat().some((text) => text.includes('Phụ lục V – Danh sách các khoản viện trợ'))).toBe(true);
    expect(printed.flat()).toContain('Nơi nhận:');
  });

  it('shows numbers, cents and days as a Vietnamese spreadsheet does', () => {
    expect(shown(3_700_000_000, '#,##0')).toBe('3.700.000.000');
    expect(shown(-1234.5, '#,##0.00')).toBe('-1.234,50');
    expect(shown(7, undefined)).toBe('7');
    expect(shown(new Date('2026-03-05T00:00:00Z'), 'dd/mm/yyyy')).toBe('05/03/2026');
    expect(shown(null, '#,##0')).toBe('');
  });
});
