/** The four figures of the summary and donor sheets: pledged and received in the period, received to date, remaining. */
import type { ReportFigures } from '../../../contract';
import type { Column } from '../workbook/columns';

/** Widened by `fitColumns` where a figure needs more. */
export const figureColumns: Column[] = [
  { header: 'Cam kết trong kỳ (VND)', width: 15, money: true },
  { header: 'Tiếp nhận trong kỳ (VND)', width: 15, money: true },
  { header: 'Lũy kế đã tiếp nhận (VND)', width: 15, money: true },
  { header: 'Còn lại (VND)', width: 15, money: true },
];
export const figureValues = (f: ReportFigures) => [
  f.pledgedVnd,
  f.deliveredVnd,
  f.cumulativeDeliveredVnd,
  f.remainingVnd,
];
