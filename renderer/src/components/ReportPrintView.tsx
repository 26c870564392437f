/**
 * The report laid out for paper: the workbook's first sheet (see `reports.print`) as tables in Times New Roman, A4 in
 * the sheet's orientation with Decree 30's margins, shrunk to the page's width as the workbook is. On screen it is
 * hidden; when printing (the browser's print, or Electron's PDF) it is all that is printed. The table's header row
 * is repeated on every page and no row is split across two.
 */
import type { CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import './print.css';
import type { PrintCell, PrintRow, ReportPrint } from '../../../contract';

/** Rows in the order of the sheet, grouped into the unruled text around the table and the table itself. */
interface Block {
  table: boolean;
  header: PrintRow[];
  rows: PrintRow[];
}

export function printBlocks(rows: PrintRow[]): Block[] {
  const blocks: Block[] = [];
  for (const row of rows) {
    const table = row.part !== 'text';
    let last = blocks.at(-1);
    // A header starts a table of its own; a ruled row goes on with the table before it.
    if (!last || last.table !== table || (row.part === 'header' && last.rows.length)) {
      last = { table, header: [], rows: [] };
      blocks.push(last);
    }
    (row.part === 'header' ? last.header : last.rows).push(row);
  }
  return blocks;
}

/**
 * The page as the workbook sets it up (db/reports/workbook/page.ts, after Decree 30/2020, Phụ lục I): A4, margins of
 * 20 mm top and bottom, 30 mm left, 15 mm right; the page number centred in the top margin from the second page on.
 */
export function pageRules(orientation: ReportPrint['orientation']): string {
  return [
    `@page { size: A4 ${orientation}; margin: 20mm 15mm 20mm 30mm;`,
    "@top-center { content: counter(page); font-family: 'Times New Roman', serif; font-size: 13pt; } }",
    '@page :first { @top-center { content: none; } }',
  ].join(' ');
}

export function ReportPrintView({ print }: { print: ReportPrint }) {
  const total = print.widths.reduce((a, b) => a + b, 0);
  const columns = (
    <colgroup>
      {print.widths.map((w, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the sheet's columns, in order
        <col key={i} style={{ width: `${(100 * w) / total}%` }} />
      ))}
    </colgroup>
  );
  const line = (row: PrintRow, i: number) => <PrintLine key={i} row={row} scale={print.scale} />;
  return createPortal(
    <div className="print-sheet" data-testid="report-print-sheet">
      <style>{pageRules(print.orientation)}</style>
      {printBlocks(print.rows).map((block, b) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the sheet's parts, in order
        <table key={b} className={block.table ? 'print-table' : 'print-text'}>
          {columns}
          {block.header.length > 0 && <thead>{block.header.map(line)}</thead>}
          <tbody>{block.rows.map(line)}</tbody>
        </table>
      ))}
    </div>,
    document.body,
  );
}

function PrintLine({ row, scale }: { row: PrintRow; scale: number }) {
  const Cell = row.part === 'header' ? 'th' : 'td';
  return (
    <tr style={row.height ? { height: `${row.height * scale}pt` } : undefined}>
      {row.cells.map((cell, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the row's cells, in order
        <Cell key={i} colSpan={cell.span > 1 ? cell.span : undefined} style={cellStyle(cell, scale)}>
          {cell.text}
        </Cell>
      ))}
    </tr>
  );
}

function cellStyle(cell: PrintCell, scale: number): CSSProperties {
  return {
    fontSize: `${cell.size * scale}pt`,
    fontWeight: cell.bold ? 'bold' : 'normal',
    fontStyle: cell.italic ? 'italic' : 'normal',
    textDecoration: cell.underline ? 'underline' : 'none',
    textAlign: cell.align,
  };
}
