/**
 * A pledge line's fields read from its row's cells, each by the rules of its column: a value, or a `RowError` naming
 * the column and the reason.
 */
import { sql } from 'kysely';
import type * as XLSX from 'xlsx';
import type { PledgeKind, PledgeStatus } from '../../contract';
import type { AidModality } from '../../contract/items';
import {
  amountLimitReason,
  type CurrencyCode,
  formatAmount,
  MAX_AMOUNT_MINOR,
  isCurrencyCode,
  multiplyQuantity,
  parseDecimal,
  RATE_PATTERN,
} from '../../contract/money';
import { foldText } from '../../contract/text';
import type { Ctx } from '../core/context';
import type { PlaceIndex } from '../places/match';
import {
  cellText,
  HEADER_OF,
  quoted,
  REQUIRED_EN,
  REQUIRED_VI,
  RowError,
  readAmount,
  readDate,
  readDecimal,
} from './cell-values';
import { showQuantityVi } from './cells';
import { type ColumnKey, KINDS_BY_TEXT, MODALITIES_BY_TEXT, STATUSES_BY_TEXT, sectorOfText } from './columns';

/** One sheet row's cells, by the header's columns. */
export interface RowCells {
  /** Whether the header names the column. */
  has(key: ColumnKey): boolean;
  cell(key: ColumnKey): XLSX.CellObject | undefined;
  /** The cell's text, '' when empty or without a column. */
  text(key: ColumnKey): string;
  /** The row's cell in a column by its number (a place column named by unit type). */
  at(column: number): XLSX.CellObject | undefined;
}

export interface RowItem {
  name: string;
  modality: AidModality | null;
  sector: string | null;
  approvalNumber: string | null;
  approvalDate: string | null;
}

export function readCurrency(cells: RowCells, headerCurrency: string | null): CurrencyCode {
  // Without a currency column, the unit the amount's header states ("Số tiền (USD)"), or VND.
  const code = cells.text('currency').toUpperCase() || headerCurrency || 'VND';
  if (!isCurrencyCode(code))
    throw new RowError(
      'currency',
      `${quoted(cells.text('currency'))} không phải mã tiền tệ được hỗ trợ`,
      `${quoted(cells.text('currency'))} is not a supported currency code`,
    );
  return code;
}

export function readKind(cells: RowCells, sectionKind: PledgeKind | null): PledgeKind {
  // No kind column: the section's kind, or "other".
  if (!cells.has('kind')) return sectionKind ?? 'other';
  const found = KINDS_BY_TEXT.get(foldText(cells.text('kind')));
  if (!found && !cells.text('kind')) throw new RowError('kind', REQUIRED_VI, REQUIRED_EN);
  if (!found) {
    const kinds = 'Nhà ở, Quà, Học bổng, Tiền mặt, Trang thiết bị, Dự án, Khác';
    throw new RowError(
      'kind',
      `${quoted(cells.text('kind'))} không phải loại hỗ trợ (${kinds})`,
      `${quoted(cells.text('kind'))} is not a supported kind (${kinds})`,
    );
  }
  return found;
}

export function readStatus(cells: RowCells): PledgeStatus {
  const statusText = cells.text('status');
  const found = statusText ? STATUSES_BY_TEXT.get(foldText(statusText)) : 'pledged';
  if (!found) {
    const statuses = 'Cam kết, Đang thực hiện, Hoàn thành, Hủy';
    throw new RowError(
      'status',
      `${quoted(statusText)} không phải trạng thái (${statuses})`,
      `${quoted(statusText)} is not a status (${statuses})`,
    );
  }
  return found;
}

export function readDescription(cells: RowCells): string {
  if (!cells.text('description')) throw new RowError('description', REQUIRED_VI, REQUIRED_EN);
  return cells.text('description');
}

/**
 * The row's unit: a place column, then the columns named by unit type, most local first: "Hưng Đạo" under "Xã"
 * beside "Bảo Lạc" under "Huyện" is "Xã Hưng Đạo, Huyện Bảo Lạc". Matched among the units in force on the row's date
 * (a row without a valid date: today's units), within the sending office's unit when it is known.
 */
export function readPlace(
  cells: RowCells,
  placeColumns: { column: number; unitType: string | null }[],
  places: PlaceIndex,
  date: string | null,
  officePlaceId: string | null,
): string {
  const named = (withType: boolean) =>
    [cells.text('place'), ...placeColumns.map((p) => typed(cellText(cells.at(p.column)), withType ? p.unitType : null))]
      .filter(Boolean)
      .join(', ');
  // With the column's unit type when a unit of that type has the name (units seeded without a type have not).
  const placeText = places.candidates(named(true)).length ? named(true) : named(false);
  if (!placeText) throw new RowError('place', REQUIRED_VI, REQUIRED_EN);
  const found = places.match(placeText, date, officePlaceId);
  if ('problem' in found) throw new RowError('place', found.problem.vi, found.problem.en);
  return found.place.id;
}

/** A place's name under a column of its unit type ("Hưng Đạo" under "Xã"), with the type unless it has one. */
function typed(name: string, unitType: string | null): string {
  if (!name || !unitType || foldText(name).startsWith(`${foldText(unitType)} `)) return name;
  return `${unitType} ${name}`;
}

/**
 * The row's "nay thuộc" unit: none when the column is empty; otherwise named among the successors of the row's place
 * (with or without its type: "Xã Bảo Lạc", "Bảo Lạc"), else refused with the units it may be.
 */
export function readTodayIn(cells: RowCells, successors: { id: string; name: string; bare: string }[]): string | null {
  const text = cells.text('todayIn');
  if (!text) return null;
  const folded = foldText(text);
  const found = successors.filter((s) => foldText(s.name) === folded || foldText(s.bare) === folded);
  if (found.length === 1) return found[0]!.id;
  if (!successors.length)
    throw new RowError(
      'todayIn',
      `${quoted(text)}: chỉ ghi khi Địa bàn là đơn vị cũ đã sáp nhập vào đơn vị hiện nay; địa bàn này không có đơn vị kế thừa`,
      `${quoted(text)}: only for a place that is a former unit merged into units of today; this place has no successor`,
    );
  const names = successors.map((s) => s.name).join(', ');
  throw new RowError(
    'todayIn',
    `${quoted(text)} không phải một đơn vị kế thừa Địa bàn (${names})`,
    `${quoted(text)} is not one of the units that succeeded the place (${names})`,
  );
}

/**
 * A donor the ledger knows by that name, or a new one: with the country the row gives, or — on a list without a
 * country column — with its country left to complete (listed among the things to do).
 */
export function checkDonor(
  donorName: string,
  country: string | null,
  donorIds: Map<string, string>,
  countryColumn: boolean,
): void {
  if (!donorName) throw new RowError('donor', REQUIRED_VI, REQUIRED_EN);
  if (!donorIds.has(foldText(donorName)) && !country && countryColumn)
    throw new RowError(
      'donor',
      `chưa có nhà tài trợ ${quoted(donorName)}; ghi Quốc gia để tạo mới`,
      `no donor ${quoted(donorName)} yet; fill in Quốc gia (country) to create it`,
    );
}

export function readQuantity(cells: RowCells): string | null {
  const q = readDecimal(cells.cell('quantity'), 'quantity');
  if (q !== null && (parseDecimal(q, 'plain').scale > 3 || q.replace('.', '').length > 15))
    throw new RowError('quantity', 'quá nhiều chữ số', 'has too many digits');
  return q;
}

/** The amount written, or quantity × unit value; when both are given they must agree. */
export function readLineAmount(
  cells: RowCells,
  currency: string,
  quantity: string | null | undefined,
  unitValueMinor: number | null | undefined,
): number {
  let amount = readAmount(cells.cell('amount'), 'amount', currency);
  if (quantity && unitValueMinor !== undefined && unitValueMinor !== null) {
    let product: number;
    try {
      product = multiplyQuantity(quantity, unitValueMinor);
    } catch {
      // Past what a number holds exactly, so past any amount the ledger takes.
      product = Infinity;
    }
    if (product > MAX_AMOUNT_MINOR) {
      const reason = amountLimitReason(currency);
      throw new RowError(
        'amount',
        `Số lượng × Đơn giá ${reason.vi}`,
        `quantity × unit value (Số lượng × Đơn giá) ${reason.en}`,
      );
    }
    // Rounded to the minor unit, a product of some quantity and some value must not come to nothing.
    if (product === 0 && unitValueMinor > 0 && !/^0*(\.0*)?$/.test(quantity)) {
      const q = showQuantityVi(quantity);
      throw new RowError(
        'amount',
        `Số lượng × Đơn giá = ${q} × ${formatAmount(unitValueMinor, currency, 'vi')} ${currency} làm tròn thành 0 ${currency}`,
        `quantity × unit value (Số lượng × Đơn giá) = ${quantity} × ${formatAmount(unitValueMinor, currency, 'en')} ${currency} rounds to 0 ${currency}`,
      );
    }
    if (amount === null) amount = product;
    else if (amount !== product) {
      throw new RowError(
        'amount',
        `${formatAmount(amount, currency, 'vi')} khác Số lượng × Đơn giá = ${formatAmount(product, currency, 'vi')}`,
        `${formatAmount(amount, currency, 'en')} differs from quantity × unit value (Số lượng × Đơn giá) = ${formatAmount(product, currency, 'en')}`,
      );
    }
  }
  if (amount === null)
    throw new RowError(
      'amount',
      'bắt buộc phải nhập (hoặc Số lượng và Đơn giá)',
      'is required (or quantity and unit value: Số lượng and Đơn giá)',
    );
  return amount;
}

export function readRate(cells: RowCells): string | null {
  const typed = readDecimal(cells.cell('rate'), 'rate');
  if (typed !== null && (!RATE_PATTERN.test(typed) || /^0+(\.0+)?$/.test(typed)))
    throw new RowError('rate', `tỷ giá ${typed} không hợp lệ`, `the rate ${typed} is not valid`);
  return typed;
}

/** Whether the ledger has a rate of the currency for the date's month (a monthly rate, or one dated by then). */
export async function hasMonthlyRate(ctx: Ctx, currency: string, date: string): Promise<boolean> {
  const month = date.slice(0, 7);
  const monthly = await sql<{ n: number }>`SELECT count(*) AS n FROM exchange_rates WHERE currency = ${currency}
    AND (valid_on = ${month} OR (valid_on LIKE ${`${month}-%`} AND valid_on <= ${date}))`.execute(ctx.db);
  return Boolean(monthly.rows[0]?.n);
}

/** A row in a foreign currency, without a rate, in a month the ledger has no rate for. */
export function missingRate(currency: string, date: string): RowError {
  return new RowError(
    'rate',
    `chưa có tỷ giá ${currency} tháng ${date.slice(5, 7)}/${date.slice(0, 4)}; hãy ghi Tỷ giá`,
    `no ${currency} rate for ${date.slice(5, 7)}/${date.slice(0, 4)} yet; fill in Tỷ giá (rate)`,
  );
}

/** The aid item the row names (Tên khoản viện trợ and the columns after it), if any. */
export function readItem(cells: RowCells): RowItem | null {
  const text = (key: ColumnKey) => cells.text(key);
  const name = text('itemName');
  const given = (['modality', 'sector', 'approvalNumber', 'approvalDate'] as const).filter((k) => text(k));
  if (!name) {
    if (given.length)
      throw new RowError(
        'itemName',
        `bắt buộc khi ghi ${given.map((k) => HEADER_OF[k]).join(', ')}`,
        `is required with ${given.map((k) => HEADER_OF[k]).join(', ')}`,
      );
    return null;
  }
  const modalityText = text('modality');
  const modality = modalityText ? MODALITIES_BY_TEXT.get(foldText(modalityText)) : null;
  if (modality === undefined)
    throw new RowError(
      'modality',
      `${quoted(modalityText)} không phải hình thức (Chương trình, Dự án, Phi dự án)`,
      `${quoted(modalityText)} is not a modality (Chương trình, Dự án, Phi dự án: programme, project, non-project aid)`,
    );
  const approvalDate =
    text('approvalDate') || cells.cell('approvalDate')?.t === 'n'
      ? readDate(cells.cell('approvalDate'), 'approvalDate')
      : null;
  return {
    name,
    modality,
    sector: text('sector') ? sectorOfText(text('sector')) : null,
    approvalNumber: text('approvalNumber') || null,
    approvalDate,
  };
}

export function readBeneficiaries(cells: RowCells): number | null {
  const b = readDecimal(cells.cell('beneficiaries'), 'beneficiaries');
  if (b !== null && !/^\d{1,9}$/.test(b))
    throw new RowError('beneficiaries', 'phải là số nguyên', 'must be a whole number');
  return b === null ? null : Number(b);
}
