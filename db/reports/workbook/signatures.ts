/**
 * The end of the report (Decree 30/2020/NĐ-CP, Mẫu 1.4, boxes 7 and 9b), once, on the report's own sheet: "Nơi nhận:"
 * on the left, level with the title of the head who signs and seals on the right; under it "- Như trên;" (the
 * addressees above) and "- Lưu: VT." — then room for the signature.
 */
import type ExcelJS from 'exceljs';
import type { ReportForm } from '../form';
import { splitOf, textRow } from './letterhead';

/** About the points the block takes, to keep it on one page. */
export const SIGNATURE_HEIGHT = 125;

/** Writes the block from `row`; returns the row after it. */
export function signatures(sheet: ExcelJS.Worksheet, row: number, widths: number[], form: ReportForm): number {
  const n = widths.length;
  const split = splitOf(widths);
  const vi = form.lang === 'vi';
  textRow(sheet, row, widths, [
    {
      from: 1,
      to: split,
      text: vi ? 'Nơi nhận:' : 'Recipients:',
      size: 12,
      font: { bold: true, italic: true },
      align: 'left',
    },
    { from: split + 1, to: n, text: form.signer, size: 13, font: { bold: true } },
  ]);
  const list = vi ? ['- Như trên;', '- Lưu: VT.'] : ['- As above;', '- Filed: VT.'];
  list.forEach((text, i) => {
    textRow(sheet, row + 1 + i, widths, [{ from: 1, to: split, text, size: 11, align: 'left' }]);
  });
  // Room for the signature and the seal.
  for (let r = row + 3; r < row + 6; r++) sheet.getRow(r).height = 18;
  return row + 6;
}
