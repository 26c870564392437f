/**
 * The head of a sheet in the Decree 30/2020 form: the department and the national motto side by side, the place and
 * date line under the motto, then the title and the line under it.
 */
import type ExcelJS from 'exceljs';
import type { Report } from '../../../contract';
import { FONT } from './styles';

/** Header of every sheet; returns the row the table starts at. */
export function letterhead(sheet: ExcelJS.Worksheet, report: Report, columns: number, subtitle: string): number {
  const split = Math.max(2, Math.floor(columns / 2) - 1);
  const put = (
    row: number,
    from: number,
    to: number,
    text: string,
    font: Partial<ExcelJS.Font>,
    align: ExcelJS.Alignment['horizontal'] = 'center',
  ) => {
    sheet.mergeCells(row, from, row, to);
    const cell = sheet.getCell(row, from);
    cell.value = text;
    cell.font = { name: FONT, size: 12, ...font };
    cell.alignment = { horizontal: align, vertical: 'middle', wrapText: true };
  };
  // A national ledger (all provinces) is kept by the committee for foreign NGO affairs.
  const department =
    report.departmentName ||
    (report.provinceName
      ? `SỞ NGOẠI VỤ ${report.provinceType} ${report.provinceName}`
      : 'ỦY BAN CÔNG TÁC VỀ CÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI');
  put(1, 1, split, department.toUpperCase(), { bold: true });
  put(1, split + 1, columns, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  put(2, split + 1, columns, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  const [y, m, d] = report.dated.split('-');
  put(3, split + 1, columns, `${report.provinceName || 'Hà Nội'}, ngày ${d} tháng ${m} năm ${y}`, { italic: true });
  put(5, 1, columns, report.title, { bold: true, size: 14 });
  sheet.getRow(5).height = 36;
  put(6, 1, columns, subtitle, { italic: true });
  return 8;
}
