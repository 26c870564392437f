/**
 * The rows under the header, read in order: pledge lines, and the rows of the list's own making — section titles
 * ("I. NHÀ Ở", whose kind the lines under it take), totals rows (checked against the lines they add up) and signature
 * rows. The file is read to its end or its grand total, or until enough errors are found.
 */
import type * as XLSX from 'xlsx';
import type { ImportIssue, PledgeKind } from '../../contract';
import { formatAmount } from '../../contract/money';
import { foldText } from '../../contract/text';
import type { Ctx } from '../core/context';
import { prepared } from '../core/statements';
import { cellText, HEADER_OF, RowError, readAmount } from './cell-values';
import { KINDS_BY_TEXT } from './columns';
import type { Header } from './header';
import { isSignatureRow, sectionTitle, totalsLabel } from './layout';
import { itemKey, type LineContext, type ParsedRow, readLine } from './line';
import { rowCells } from './row-cells';
import type { Sheet } from './sheet';

/** The most problems a file is reported with. */
export const MAX_ERRORS = 200;

/**
 * Every name a donor is known by (folded) to its id, read once per file: rows are checked against it, and new donors
 * join it as they are created.
 */
export function knownDonors(ctx: Ctx): Map<string, string> {
  const donorIds = new Map<string, string>();
  for (const d of prepared(ctx.sqlite, 'SELECT id, name_key, short_name FROM donors').all() as {
    id: string;
    name_key: string;
    short_name: string | null;
  }[]) {
    donorIds.set(d.name_key, d.id);
    if (d.short_name && !donorIds.has(foldText(d.short_name))) donorIds.set(foldText(d.short_name), d.id);
  }
  return donorIds;
}

/** The sheet's pledge lines, and the problems of its rows (any one refuses the file). */
export async function readLines(
  sheet: Sheet,
  header: Header,
  context: LineContext,
): Promise<{ rows: ParsedRow[]; errors: ImportIssue[] }> {
  const { range, cellAt, rowTexts } = sheet;
  const { fields: columns, places: placeColumns, stt: sttColumn } = header.columns;
  const errors: ImportIssue[] = [];
  const rows: ParsedRow[] = [];

  // The kind the list's current section names ("I. NHÀ Ở"), and where the section's rows begin (for its "Cộng" row).
  let sectionKind: PledgeKind | null = null;
  let sectionStart = 0;
  for (let r = header.row + 1; r <= range.e.r && errors.length < MAX_ERRORS; r++) {
    const cells = rowCells(sheet, header.columns, r);
    const used = [...columns.values(), ...placeColumns.map((p) => p.column)].some((c) => cellText(cellAt(r, c)) !== '');
    // Its texts other than the STT column's, each once (a merged title fills every cell it spans).
    const texts = [...new Set(rowTexts(r).filter((text, i) => i + range.s.c !== sttColumn && text !== ''))];
    if (!used && !texts.length) continue;
    const rowNumber = r + 1;
    const stt = sttColumn === null ? '' : cellText(cellAt(r, sttColumn));
    const hasDate = cells.text('date') !== '';
    const hasAmount = cells.text('amount') !== '' || cells.text('unitValue') !== '';
    // Rows of the list's own making: totals, sections, signatures.
    // (A totals label may stand in the date column; a date may not stand in a totals row.)
    const totals = !hasDate || totalsLabel([cells.text('date')]) ? totalsLabel([stt, ...texts]) : null;
    if (totals) {
      if (errors.length === 0)
        errors.push(
          ...totalsDisagreement(rowNumber, cells.cell('amount'), totals === 'grand' ? rows : rows.slice(sectionStart)),
        );
      if (totals === 'grand') break;
      sectionStart = rows.length;
      continue;
    }
    // One text, perhaps merged across the row: a section's title.
    const section = sectionTitle(stt, texts);
    if (section !== null) {
      sectionKind = kindOfTitle(section);
      sectionStart = rows.length;
      continue;
    }
    if (!hasDate && !hasAmount && isSignatureRow(texts)) continue;
    if (!used) continue;
    const read = await readLine(context, cells, rowNumber, sectionKind);
    if ('errors' in read) errors.push(...read.errors);
    else rows.push(read.line);
  }
  errors.push(...itemDisagreements(rows));
  return { rows, errors };
}

/** The kind a section's title names ("NHÀ Ở", "Hỗ trợ quà tặng"), or null. */
function kindOfTitle(title: string): PledgeKind | null {
  const folded = foldText(title)
    .replace(/[^a-z0-9 ]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const exact = KINDS_BY_TEXT.get(folded);
  if (exact) return exact;
  const words = [...KINDS_BY_TEXT.keys()].sort((a, b) => b.length - a.length);
  const found = words.find((w) => ` ${folded} `.includes(` ${w} `));
  return found ? KINDS_BY_TEXT.get(found)! : null;
}

/**
 * A totals row checked against the rows it adds up: its amount (a formula's value counts) must equal their sum, when
 * they are in one currency; a difference is an error naming the row.
 */
function totalsDisagreement(rowNumber: number, cell: XLSX.CellObject | undefined, rows: ParsedRow[]): ImportIssue[] {
  const currencies = new Set(rows.map((r) => r.currency));
  if (!cell || cell.v === undefined || cellText(cell) === '' || currencies.size !== 1) return [];
  const currency = [...currencies][0]!;
  const sum = rows.reduce((total, r) => total + BigInt(r.amountMinor ?? 0), 0n);
  let stated: number | null;
  try {
    stated = readAmount({ ...cell, f: undefined } as XLSX.CellObject, 'amount', currency);
  } catch (error) {
    if (!(error instanceof RowError)) throw error;
    return [
      {
        row: rowNumber,
        column: HEADER_OF.amount,
        message: `dòng tổng: ${error.vi}`,
        messageEn: `totals row: ${error.en}`,
      },
    ];
  }
  if (stated === null || BigInt(stated) === sum) return [];
  const [said, added] = [formatAmount(stated, currency, 'vi'), formatAmount(Number(sum), currency, 'vi')];
  const [saidEn, addedEn] = [formatAmount(stated, currency, 'en'), formatAmount(Number(sum), currency, 'en')];
  return [
    {
      row: rowNumber,
      column: HEADER_OF.amount,
      message: `dòng tổng ghi ${said} ${currency}, nhưng ${rows.length} dòng ở trên cộng lại là ${added} ${currency}`,
      messageEn: `the totals row says ${saidEn} ${currency}, but the ${rows.length} rows above add up to ${addedEn} ${currency}`,
    },
  ];
}

/** Rows naming one item (same name, same donor) must not say different things of it: each such row is an error. */
function itemDisagreements(rows: ParsedRow[]): ImportIssue[] {
  const first = new Map<string, ParsedRow>();
  const issues: ImportIssue[] = [];
  for (const r of rows) {
    if (!r.item) continue;
    const key = itemKey(r.item.name, r.donorName);
    const earlier = first.get(key);
    if (!earlier) {
      first.set(key, r);
      continue;
    }
    for (const field of ['modality', 'sector', 'approvalNumber', 'approvalDate'] as const) {
      const [was, now] = [earlier.item![field], r.item[field]];
      if (was !== null && now !== null && was !== now) {
        issues.push({
          row: r.row,
          column: HEADER_OF[field],
          message: `khác dòng ${earlier.row} của cùng khoản viện trợ (${String(was)})`,
          messageEn: `differs from row ${earlier.row} of the same aid item (${String(was)})`,
        });
      }
    }
  }
  return issues;
}
