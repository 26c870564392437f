/** The signature block under a sheet's table: who drew it up, and the head of the body who signs and seals it. */
import type ExcelJS from 'exceljs';
import { FONT } from './styles';

export function signatures(sheet: ExcelJS.Worksheet, row: number, columns: number) {
  const split = Math.max(2, Math.floor(columns / 2));
  const put = (r: number, from: number, to: number, text: string, font: Partial<ExcelJS.Font>) => {
    sheet.mergeCells(r, from, r, to);
    const cell = sheet.getCell(r, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: 'center' };
  };
  put(row, 1, split, 'NGƯỜI LẬP BIỂU', { bold: true });
  put(row, split + 1, columns, 'THỦ TRƯỞNG CƠ QUAN', { bold: true });
  put(row + 1, 1, split, '(Ký, ghi rõ họ tên)', { italic: true });
  put(row + 1, split + 1, columns, '(Ký tên, đóng dấu)', { italic: true });
}
