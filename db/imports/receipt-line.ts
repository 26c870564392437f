/**
 * What a list's row says was received: the day, the amount or quantity handed over, and who received it. A row is a
 * receipt when it fills a receipt column ("Ngày nhận", "Đã nhận", "Số lượng đã nhận"), or when the list is read as
 * a list of receipts (`cli import --receipts`: its only date is the day the aid was received).
 */
import { parseDecimal } from '../../contract/money';
import { readAmount, readDate, readDecimal, RowError } from './cell-values';
import type { RowCells } from './fields';

/** A receipt row's delivery, matched to the pledge it fulfils when the rows are written. */
export interface Receipt {
  /** The day it was received. */
  date: string;
  /** The amount received, in the row's currency (null: a quantity only). */
  amountMinor: number | null;
  /** The quantity received (null: an amount only). */
  quantity: string | null;
  /** The approval number the row names without an item's name: the pledge is found by it. */
  approvalNumber: string | null;
}

/** Whether the row records what was received. */
export function isReceiptRow(cells: RowCells, receiptsList: boolean): boolean {
  return (
    receiptsList ||
    cells.text('receivedDate') !== '' ||
    cells.text('receivedAmount') !== '' ||
    cells.text('receivedQuantity') !== ''
  );
}

/**
 * The receipt: on its receipt date, else on the row's only date; of the amount or quantity received, else of the
 * line's own amount (a list of hand-overs gives what was handed over as its amount), else of its quantity.
 */
export function readReceipt(cells: RowCells, currency: string, date: string | undefined): Receipt {
  const receivedDate = cells.text('receivedDate') || cells.cell('receivedDate')?.t === 'n';
  const on = receivedDate ? readDate(cells.cell('receivedDate'), 'receivedDate') : date;
  if (!on) throw new RowError('receivedDate', 'bắt buộc phải nhập', 'is required');
  let amountMinor = readAmount(cells.cell('receivedAmount'), 'receivedAmount', currency);
  let quantity = readQuantityOf(cells, 'receivedQuantity');
  if (amountMinor === null && quantity === null) {
    amountMinor = readAmount(cells.cell('amount'), 'amount', currency);
    if (amountMinor === null) quantity = readQuantityOf(cells, 'quantity');
  }
  if (amountMinor === null && quantity === null)
    throw new RowError(
      'receivedAmount',
      'bắt buộc phải nhập số tiền hoặc số lượng đã nhận',
      'give the amount or the quantity received',
    );
  if (amountMinor === 0 || (quantity !== null && /^0*(\.0*)?$/.test(quantity) && amountMinor === null))
    throw new RowError('receivedAmount', 'phải lớn hơn 0', 'must be more than 0');
  return { date: on, amountMinor, quantity, approvalNumber: cells.text('approvalNumber') || null };
}

function readQuantityOf(cells: RowCells, key: 'receivedQuantity' | 'quantity'): string | null {
  const q = readDecimal(cells.cell(key), key);
  if (q !== null && (parseDecimal(q, 'plain').scale > 3 || q.replace('.', '').length > 15))
    throw new RowError(key, 'quá nhiều chữ số', 'has too many digits');
  return q;
}
