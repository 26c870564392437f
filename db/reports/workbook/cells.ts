/** The values of the report's cells: exact numbers from decimal text, days as date cells, or text. */
import type ExcelJS from 'exceljs';
import { canonicalQuantity, currencyExponent, formatAmount, isCurrencyCode } from '../../../contract/money';

/**
 * A cell as a spreadsheet user needs it: a number they can add, sort and filter, shown in its format; a day as a date
 * cell (dd/mm/yyyy); or text. Numbers are written from exact decimal text, never through a rounded float.
 */
export type CellValue = string | number | { decimal: string; format: string } | { day: string };

/** `#,##0` for whole numbers, `#,##0.00` for cents (as many places as the value has, up to `max`). */
function decimalFormat(decimal: string): string {
  const places = decimal.split('.')[1]?.length ?? 0;
  return places ? `#,##0.${'0'.repeat(places)}` : '#,##0';
}

/** An amount in its currency: exact, with the currency's decimals shown ("#,##0.00" for USD). */
export function amountCell(minor: number | null, currency: string): CellValue {
  if (minor === null) return '';
  if (!isCurrencyCode(currency)) return String(minor);
  const exponent = currencyExponent(currency);
  // The number as the shortest exact decimal ("10000", "1234.5"); the format shows the currency's places.
  return {
    decimal: canonicalQuantity(formatAmount(minor, currency, 'plain')),
    format: exponent ? `#,##0.${'0'.repeat(exponent)}` : '#,##0',
  };
}

/** A quantity or rate ("2.5", "23070.5"): a number showing the places it has. */
export function decimalCell(decimal: string | null): CellValue {
  return decimal === null ? '' : { decimal, format: decimalFormat(decimal) };
}

/** Days counted so far: a report's thousands of dates fall on a few hundred days. */
const excelDays = new Map<string, number>();

/** Days since 30/12/1899, as spreadsheets count dates. */
export function excelDay(iso: string): number {
  let day = excelDays.get(iso);
  if (day === undefined) {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    day = (Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86_400_000;
    if (excelDays.size >= 10_000) excelDays.clear();
    excelDays.set(iso, day);
  }
  return day;
}

/** The value the spreadsheet library takes for a cell (the same number or date `writeRows` writes as XML). */
export function libraryValue(value: CellValue): ExcelJS.CellValue {
  if (typeof value !== 'object') return value;
  return 'day' in value ? new Date(`${value.day}T00:00:00Z`) : Number(value.decimal);
}
