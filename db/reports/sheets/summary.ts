/**
 * The report's own sheet (Tổng hợp): the letterhead, the period's figures by kind of aid and place with the amounts
 * in other currencies, the totals in words, the appendices it refers to, and the signature.
 */
import type { Report } from '../../../contract';
import { dongInWords } from '../words';
import { type Column, fitColumns, rowHeight, tableHeight } from '../workbook/columns';
import { PageFlow } from '../workbook/flow';
import { type Heading, opening } from '../workbook/letterhead';
import { addSheet, setWidths, type Workbook } from '../workbook/page';
import { SIGNATURE_HEIGHT, signatures } from '../workbook/signatures';
import { writeRows } from '../workbook/streamed';
import { tableHeader, totalsRow, wideRow } from '../workbook/table';
import { figureColumns, figureValues } from './figures';
import { subtitle } from './heading';

const COLUMNS: Column[] = [
  { header: 'STT', width: 5, align: 'center' },
  { header: 'Loại hỗ trợ', width: 14 },
  { header: 'Địa bàn', width: 18 },
  ...figureColumns,
  { header: 'Nguyên tệ (cam kết trong kỳ, ngoài VND)', width: 20 },
];

export function summarySheet(workbook: Workbook, heading: Heading, appendices: { numeral: string; title: string }[]) {
  const { report, form } = heading;
  const sheet = addSheet(workbook, 'Tổng hợp');
  const rows = report.summary.map((r, i) => [i + 1, r.kindLabel, r.placeName, ...figureValues(r), r.original]);
  const totals = [null, null, null, ...figureValues(report.summaryTotal), null];
  const columns = fitColumns(COLUMNS, rows, totals);
  const widths = columns.map((c) => c.width);
  setWidths(sheet, widths);
  const flow = new PageFlow(setWidths(sheet, widths));
  const head = opening(sheet, heading, widths, subtitle(report));
  flow.addRows(sheet, 1, head - 1);
  // The header is printed again on each page only when the table runs over a page (else it would head the closing).
  const heights = rows.map((values) => rowHeight(columns, values));
  tableHeader(sheet, head, columns, !flow.fits(tableHeight(columns, heights)));
  flow.add(sheet.getRow(head).height);
  writeRows(workbook, sheet, head + 1, columns, rows);
  flow.add(...heights);
  const last = head + report.summary.length;
  totalsRow(sheet, last + 1, columns, 'Tổng cộng', head + 1, last, totals);
  sheet.getRow(last + 1).commit();
  flow.add(undefined);
  const lines = closingLines(report, form.lang, appendices);
  let row = last + 3;
  for (const line of lines.slice(0, -1)) flow.add(wideRow(sheet, row++, widths, line, {}));
  // The list of appendices and the signature kept together, on the next page when this one cannot hold them (the
  // break goes with the empty row above, not yet written).
  flow.add(undefined);
  row++;
  flow.keepTogether(sheet, row, 40 + SIGNATURE_HEIGHT);
  wideRow(sheet, row++, widths, lines.at(-1)!, {});
  signatures(sheet, row + 1, widths, form);
  sheet.commit();
}

/**
 * The totals in words (an English report leaves them out: the words are the Vietnamese document's), and the
 * appendices named, as Decree 30 asks of a document that has them (Phụ lục I, Mục III.1).
 */
function closingLines(report: Report, lang: 'vi' | 'en', appendices: { numeral: string; title: string }[]): string[] {
  const named = appendices.map((a) => `${lang === 'vi' ? 'Phụ lục' : 'Appendix'} ${a.numeral} – ${a.title}`).join('; ');
  if (lang === 'en') return [`Attached: ${named}.`];
  return [
    `Bằng chữ (cam kết trong kỳ): ${dongInWords(report.summaryTotal.pledgedVnd)}.`,
    `Bằng chữ (tiếp nhận trong kỳ): ${dongInWords(report.summaryTotal.deliveredVnd)}.`,
    `Kèm theo báo cáo: ${named}.`,
  ];
}
