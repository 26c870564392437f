/**
 * Formulas in CSV text. A workbook marks its formulas, and a list is imported from values only (`formulaIssues`); a
 * CSV has only text, which a spreadsheet opening it computes when it starts with '=', '+', '-' or '@': such a cell is
 * marked as the formula it is, and refused as a workbook's would be (=HYPERLINK(…) is not a donor's name).
 *
 * The rule, on the cell's trimmed text (what would be stored):
 * - '=' and anything after it is a formula;
 * - '+', '-' or '@' is a formula when, past any numbers, operators and brackets, what comes first is formula syntax:
 *   a function called (a name and its '(' — SUM(, HYPERLINK(; a spreadsheet allows no space between them), a link to
 *   another program (a name and '|' — cmd|), a reference to another sheet (Sheet1!A1, 'x'!A0), or a cell reference
 *   (A1, $B$2) followed by an operator or nothing;
 * - anything else is the number or text it reads as: -5, -1.234,56, a phone number +84 912 345 678, a list's dash
 *   "- Nhà tình nghĩa", "-Hỗ trợ (đợt 2)", "@ Hội trường xã".
 */
import type * as XLSX from 'xlsx';

const FORMULA_AFTER_SIGN = new RegExp(
  [
    // Numbers, operators and brackets first: -2+3+cmd|…, @SUM(1+1)*…, +(A1).
    String.raw`^[\s\d.,+\-*/^&%()=<>]*`,
    '(?:',
    [
      String.raw`[A-Za-z_][A-Za-z0-9_.]*\(`,
      String.raw`[A-Za-z0-9_.]+\|`,
      "(?:[A-Za-z0-9_.]+|'[^']*')!",
      String.raw`\$?[A-Za-z]{1,3}\$?\d+\s*(?:[-+*/^&:,;=<>]|$)`,
    ].join('|'),
    ')',
  ].join(''),
);

export function isTextFormula(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 2) return false;
  if (trimmed[0] === '=') return true;
  return '+-@'.includes(trimmed[0]!) && FORMULA_AFTER_SIGN.test(trimmed.slice(1));
}

/** Every text cell of the workbook read from CSV text that is a formula gets the formula a workbook would give it. */
export function markTextFormulas(workbook: XLSX.WorkBook): void {
  for (const sheet of Object.values(workbook.Sheets)) {
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!')) continue;
      const c = cell as XLSX.CellObject;
      if (c.t === 's' && typeof c.v === 'string' && isTextFormula(c.v)) c.f = c.v.trim().replace(/^=/, '');
    }
  }
}
