/**
 * What a sheet's cell holds, read as text, a date, a decimal or an amount; a cell that cannot be read is a `RowError`
 * naming its column and the reason.
 */
import type * as XLSX from 'xlsx';
import type { ImportIssue } from '../../contract';
import {
  amountLimitReason,
  DecimalParseError,
  decimalToText,
  formatAmount,
  MAX_AMOUNT_MINOR,
  parseAmount,
  parseDecimal,
} from '../../contract/money';
import { showQuantityVi } from './cells';
import { type ColumnKey, TEMPLATE_COLUMNS } from './columns';
import { loadedSheetJs } from './libraries';
import { type MoneyUnit, scaleDecimal } from './money-units';

/** A money column's cell, with the unit its header states ("(triệu đồng)"): its value is that many of the unit. */
export type UnitCell = XLSX.CellObject & { unit?: MoneyUnit };

/** Each column's header, as the template writes it and a message names it. */
export const HEADER_OF = Object.fromEntries(TEMPLATE_COLUMNS.map((c) => [c.key, c.header])) as Record<
  ColumnKey,
  string
>;

/** A cell's text as quoted in a message: a 10,000-character cell must not make a 10,000-character message. */
export const quoted = (text: string) => `"${text.length > 80 ? `${text.slice(0, 80)}…` : text}"`;

/** A cell the row cannot be read with: its column and the reason, in Vietnamese and English. */
export class RowError extends Error {
  constructor(
    readonly column: ColumnKey,
    readonly vi: string,
    readonly en: string,
  ) {
    super(vi);
  }

  /** The error as the import reports it, on the sheet row it was found in. */
  issueAt(row: number): ImportIssue {
    return { row, column: HEADER_OF[this.column], message: this.vi, messageEn: this.en };
  }
}

export const REQUIRED_VI = 'bắt buộc phải nhập';
export const REQUIRED_EN = 'is required';

export function cellText(cell: XLSX.CellObject | undefined): string {
  if (!cell || cell.v === undefined || cell.v === null) return '';
  return String(cell.v).trim();
}

/** A date cell or dd/mm/yyyy text (05/09/2022 is 5 September). */
export function readDate(cell: XLSX.CellObject | undefined, column: ColumnKey = 'date'): string {
  let y: number, m: number, d: number;
  if (cell?.t === 'n') {
    const code = loadedSheetJs().SSF.parse_date_code(cell.v as number);
    if (!code || !Number.isInteger(cell.v as number))
      throw new RowError(column, 'không phải ngày hợp lệ', 'is not a valid date');
    ({ y, m, d } = code);
  } else {
    const text = cellText(cell);
    const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    if (vn) [d, m, y] = [Number(vn[1]), Number(vn[2]), Number(vn[3])];
    else if (isoDate) [y, m, d] = [Number(isoDate[1]), Number(isoDate[2]), Number(isoDate[3])];
    else if (text)
      throw new RowError(
        column,
        `${quoted(text)} không phải ngày dạng ngày/tháng/năm`,
        `${quoted(text)} is not a day/month/year date`,
      );
    else throw new RowError(column, REQUIRED_VI, REQUIRED_EN);
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    throw new RowError(column, 'không phải ngày hợp lệ', 'is not a valid date');
  if (y < 1990 || y > 2100)
    throw new RowError(column, `năm ${y} nằm ngoài khoảng 1990–2100`, `the year ${y} is outside 1990–2100`);
  return date.toISOString().slice(0, 10);
}

/** A number cell or vi-VN text, as exact decimal text. */
export function readDecimal(cell: XLSX.CellObject | undefined, column: ColumnKey): string | null {
  if (!cell || cell.v === undefined || cell.v === null || cellText(cell) === '') return null;
  if (cell.t === 'n') {
    const value = cell.v as number;
    if (!Number.isFinite(value) || value < 0)
      throw new RowError(column, 'phải là số không âm', 'must be a number, not negative');
    const text = String(value);
    if (/e/i.test(text)) throw new RowError(column, 'số quá lớn hoặc quá nhỏ', 'the number is too large or too small');
    return text;
  }
  if (cell.t === 'b') throw new RowError(column, 'phải là số', 'must be a number');
  const text = cellText(cell);
  try {
    const { digits, scale } = parseDecimal(text, 'vi');
    return decimalToText(digits, scale);
  } catch {
    throw new RowError(
      column,
      `${quoted(text)} không phải số (ví dụ: 700.000.000 hoặc 1.234,57)`,
      `${quoted(text)} is not a number (write it the Vietnamese way, e.g. 700.000.000 or 1.234,57)`,
    );
  }
}

/**
 * An amount in the currency's minor units: one finer than the smallest unit (0,001 đồng, 0,004 USD) is refused, not
 * rounded (to 0 or otherwise), and one over the limit names the limit. Under a header stating a unit ("(triệu đồng)")
 * the value is scaled exactly first: 88,5 triệu đồng is 88.500.000 đồng, and 88,5000005 triệu đồng is refused.
 */
export function readAmount(cell: UnitCell | undefined, column: ColumnKey, currency: string): number | null {
  const written = readDecimal(cell, column);
  if (written === null) return null;
  const unit = cell?.unit?.exponent ? cell.unit : null;
  const text = unit ? scaleDecimal(written, unit.exponent) : written;
  let minor: number;
  try {
    minor = parseAmount(text, currency, 'plain');
  } catch (error) {
    if (!(error instanceof DecimalParseError) || error.reason !== 'too_many_decimals') minor = Infinity;
    else if (unit) throw inexactScaled(column, written, text, unit, currency);
    else
      throw new RowError(
        column,
        `${showQuantityVi(text)} không hợp lệ cho ${currency}: lẻ hơn đơn vị nhỏ nhất (${formatAmount(1, currency, 'vi')} ${currency})`,
        `${text} is not valid for ${currency}: finer than its smallest unit (${formatAmount(1, currency, 'en')} ${currency})`,
      );
  }
  if (minor > MAX_AMOUNT_MINOR) {
    const reason = amountLimitReason(currency);
    const [vi, en] = unit
      ? [`${showQuantityVi(written)} ${unit.label}`, `${written} ${unit.label}`]
      : [showQuantityVi(text), text];
    throw new RowError(column, `${vi} ${reason.vi}`, `${en} ${reason.en}`);
  }
  return minor;
}

/** A value that, scaled by its header's unit, is not a whole number of the currency's smallest unit. */
function inexactScaled(
  column: ColumnKey,
  written: string,
  scaled: string,
  unit: MoneyUnit,
  currency: string,
): RowError {
  const was = `${showQuantityVi(written)} ${unit.label} = ${showQuantityVi(scaled)} ${currency}`;
  const wasEn = `${written} ${unit.label} = ${scaled} ${currency}`;
  if (currency === 'VND')
    return new RowError(column, `${was}, không phải số đồng nguyên`, `${wasEn}, not a whole number of đồng`);
  const smallest = `${formatAmount(1, currency, 'vi')} ${currency}`;
  return new RowError(
    column,
    `${was}, lẻ hơn đơn vị nhỏ nhất (${smallest})`,
    `${wasEn}, finer than its smallest unit (${formatAmount(1, currency, 'en')} ${currency})`,
  );
}
