/**
 * One sheet row read as a pledge line. Every field is checked, so one pass shows every problem of the row; then the
 * line is checked by the form's own rules.
 */
import { z } from 'zod';
import {
  DonorCreateInput,
  type ImportIssue,
  PledgeCreateInput,
  type PledgeKind,
  type PledgeStatus,
} from '../../contract';
import { AidItemCreateInput } from '../../contract/items';
import type { CurrencyCode } from '../../contract/money';
import { foldText } from '../../contract/text';
import { describeZodError } from '../../contract/validation';
import type { Ctx } from '../core/context';
import type { PlaceIndex } from '../places/match';
import { successorsOf } from '../pledges/today-in';
import { HEADER_OF, RowError, readAmount, readDate } from './cell-values';
import type { ColumnKey } from './columns';
import {
  checkDonor,
  hasMonthlyRate,
  missingRate,
  type RowCells,
  type RowItem,
  readBeneficiaries,
  readCurrency,
  readDescription,
  readItem,
  readKind,
  readLineAmount,
  readPlace,
  readQuantity,
  readRate,
  readStatus,
  readTodayIn,
} from './fields';
import type { SheetColumns } from './header';
import { isReceiptRow, type Receipt, readReceipt } from './receipt-line';

export interface ParsedRow {
  row: number;
  date: string;
  donorName: string;
  country: string | null;
  placeId: string;
  kind: PledgeKind;
  description: string;
  quantity: string | null;
  unit: string | null;
  unitValueMinor: number | null;
  /** The pledge's amount; null for a receipt of a quantity alone, whose pledge is found by its other fields. */
  amountMinor: number | null;
  currency: CurrencyCode;
  rate: string | null;
  beneficiaries: number | null;
  status: PledgeStatus;
  notes: string | null;
  /** The aid item the row names (Tên khoản viện trợ and the columns after it), if any. */
  item: RowItem | null;
  /** "Nay thuộc": the successor of the row's place the aid went to, if the row names one. */
  todayPlaceId: string | null;
  /** What the row says was received, or null for a pledge line. */
  receipt: Receipt | null;
  /** Whether the row states its kind (a kind column, or its section's title): a receipt is matched by it only then. */
  kindStated: boolean;
  /** Who received it, and their village. */
  recipient: string | null;
  village: string | null;
}

/** An item as rows name it: its name and its donor's, folded. */
export const itemKey = (name: string, donor: string) => `${foldText(name)}|${foldText(donor)}`;

/** What a file's rows are read against, the same for each row. */
export interface LineContext {
  ctx: Ctx;
  columns: SheetColumns;
  places: PlaceIndex;
  /** The sending office's unit, within which places are matched. */
  officePlaceId: string | null;
  /** Every name a donor is known by (folded) to its id. */
  donorIds: Map<string, string>;
  /** A list of receipts: its only date is the day the aid was received (`cli import --receipts`). */
  receiptsList?: boolean;
}

/** A field read, or undefined with its `RowError` kept among the row's problems. */
type Check = <T>(read: () => T) => T | undefined;

/**
 * The row's pledge line, or its problems. `sectionKind`: the kind the list's current section names, for a list
 * without a kind column.
 */
export async function readLine(
  context: LineContext,
  cells: RowCells,
  rowNumber: number,
  sectionKind: PledgeKind | null,
): Promise<{ line: ParsedRow } | { errors: ImportIssue[] }> {
  const rowErrors: ImportIssue[] = [];
  const check: Check = (read) => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      rowErrors.push(error.issueAt(rowNumber));
      return undefined;
    }
  };
  const formulas = formulaIssues(context.columns, cells, rowNumber);
  if (formulas.length) return { errors: formulas };
  const receiptRow = isReceiptRow(cells, context.receiptsList ?? false);
  // A receipt's pledge date is its own when the list gives one, else the day it was received.
  const date =
    receiptRow && !cells.text('date') && cells.cell('date')?.t !== 'n'
      ? undefined
      : check(() => readDate(cells.cell('date')));
  const currency = check(() => readCurrency(cells, context.columns.currency));
  const receipt = receiptRow && currency ? check(() => readReceipt(cells, currency, date)) : undefined;
  const kind = check(() => readKind(cells, sectionKind));
  const status = check(() => readStatus(cells));
  // A receipt's pledge is usually one the ledger has: its description is needed only to make a new one.
  const description = receiptRow ? cells.text('description') : check(() => readDescription(cells));
  const placeId = check(() =>
    readPlace(cells, context.columns.places, context.places, date ?? null, context.officePlaceId),
  );
  const donorName = cells.text('donor');
  const country = cells.text('country') || null;
  check(() => checkDonor(donorName, country, context.donorIds, cells.has('country')));
  const quantity = check(() => readQuantity(cells));
  const { unitValueMinor, amountMinor, rate } = currency
    ? await readMoney(context.ctx, cells, check, currency, quantity, date ?? receipt?.date, receiptRow)
    : { unitValueMinor: undefined, amountMinor: undefined, rate: null };
  // A receipt may name its pledge's approval number without the item's name.
  const item = receiptRow && !cells.text('itemName') ? null : check(() => readItem(cells));
  const successors = placeId && cells.text('todayIn') ? await successorsOf(context.ctx, placeId) : [];
  const todayPlaceId = placeId ? check(() => readTodayIn(cells, successors)) : null;
  const beneficiaries = check(() => readBeneficiaries(cells));
  if (rowErrors.length) return { errors: rowErrors };
  const line: ParsedRow = {
    row: rowNumber,
    date: date ?? receipt!.date,
    donorName,
    country,
    placeId: placeId!,
    kind: kind!,
    description: description!,
    quantity: quantity ?? null,
    unit: cells.text('unit') || null,
    unitValueMinor: unitValueMinor ?? null,
    amountMinor: amountMinor ?? receipt?.amountMinor ?? null,
    currency: currency!,
    rate: rate ?? null,
    beneficiaries: beneficiaries ?? null,
    status: status!,
    notes: cells.text('notes') || null,
    item: item ?? null,
    todayPlaceId: todayPlaceId ?? null,
    receipt: receipt ?? null,
    kindStated: cells.has('kind') || sectionKind !== null,
    recipient: cells.text('recipient') || null,
    village: cells.text('village') || null,
  };
  const outOfBounds = contractIssues(line);
  return outOfBounds.length ? { errors: outOfBounds } : { line };
}

/** The row's cells that hold a formula, each refused: a list is imported from values only. */
function formulaIssues(columns: SheetColumns, cells: RowCells, rowNumber: number): ImportIssue[] {
  return [...columns.fields]
    .filter(([, c]) => cells.at(c)?.f)
    .map(([key]) =>
      new RowError(
        key,
        'ô chứa công thức; hãy dán giá trị (Paste Values)',
        'the cell holds a formula; paste its value (Paste Values)',
      ).issueAt(rowNumber),
    );
}

/**
 * A line's money, read once its currency is known: the unit value, the amount (or quantity × unit value), and for a
 * foreign currency the rate, which the row must give for a month the ledger has no rate for.
 */
async function readMoney(
  ctx: Ctx,
  cells: RowCells,
  check: Check,
  currency: string,
  quantity: string | null | undefined,
  date: string | undefined,
  receiptRow: boolean,
): Promise<{
  unitValueMinor: number | null | undefined;
  amountMinor: number | null | undefined;
  rate: string | null | undefined;
}> {
  const unitValueMinor = check(() => readAmount(cells.cell('unitValue'), 'unitValue', currency));
  // A receipt without the pledge's own amount takes the amount received (`readReceipt`).
  const amountMinor =
    receiptRow && !cells.text('amount') && cells.cell('amount')?.t !== 'n' && (unitValueMinor ?? null) === null
      ? null
      : check(() => readLineAmount(cells, currency, quantity, unitValueMinor));
  let rate: string | null | undefined = null;
  if (currency !== 'VND') {
    rate = check(() => readRate(cells));
    if (rate === null && date && !(await hasMonthlyRate(ctx, currency, date)))
      check(() => {
        throw missingRate(currency, date);
      });
  }
  return { unitValueMinor, amountMinor, rate };
}

// The aid item's fields, as the template's columns.
const ITEM_COLUMN_OF: Record<string, ColumnKey> = {
  name: 'itemName',
  modality: 'modality',
  sector: 'sector',
  approvalNumber: 'approvalNumber',
  approvalDate: 'approvalDate',
};

// The contract's field names, as the template's columns.
const COLUMN_OF: Record<string, ColumnKey> = {
  donorId: 'donor',
  name: 'donor',
  country: 'country',
  placeId: 'place',
  kind: 'kind',
  description: 'description',
  quantity: 'quantity',
  unit: 'unit',
  unitValueMinor: 'unitValue',
  amountMinor: 'amount',
  currency: 'currency',
  rate: 'rate',
  pledgeDate: 'date',
  status: 'status',
  beneficiaries: 'beneficiaries',
  notes: 'notes',
  todayPlaceId: 'todayIn',
  recipient: 'recipient',
  village: 'village',
};

/** What a row says of its pledge, as the contract's fields (the donor, item and rate's source are the writer's). */
export function pledgeFieldsOf(r: ParsedRow) {
  return {
    placeId: r.placeId,
    kind: r.kind,
    description: r.description,
    quantity: r.quantity,
    unit: r.unit,
    unitValueMinor: r.unitValueMinor,
    amountMinor: r.amountMinor,
    currency: r.currency,
    rate: r.rate,
    pledgeDate: r.date,
    status: r.status,
    beneficiaries: r.beneficiaries,
    notes: r.notes,
    todayPlaceId: r.todayPlaceId,
    recipient: r.recipient,
    village: r.village,
  };
}

/**
 * The row checked by the same rules as the form (text lengths, ranges): the rows are written without the contract's
 * boundary, and an import must not store what the form would refuse.
 */
function contractIssues(r: ParsedRow): ImportIssue[] {
  const pledge = PledgeCreateInput.safeParse({
    donorId: '00000000-0000-4000-8000-000000000000',
    ...pledgeFieldsOf(r),
    // A receipt's description is checked when it makes a new pledge.
    description: r.description || (r.receipt ? '-' : ''),
  });
  const donorIssues = keptIssues(donorChecks, DonorCreateInput, {
    name: r.donorName,
    country: r.country,
    kind: 'foreign_ngo',
  });
  const itemIssues = r.item
    ? keptIssues(itemChecks, AidItemCreateInput, {
        name: r.item.name,
        modality: r.item.modality ?? 'project',
        sector: r.item.sector ?? 'other',
        donorId: '00000000-0000-4000-8000-000000000000',
        approvalNumber: r.item.approvalNumber,
        approvalDate: r.item.approvalDate,
      })
    : [];
  const issues = [...(pledge.error?.issues ?? []), ...donorIssues];
  return [
    ...issues.map((issue) => [issue, COLUMN_OF[String(issue.path[0])]] as const),
    ...itemIssues.map((issue) => [issue, ITEM_COLUMN_OF[String(issue.path[0])]] as const),
  ].map(([issue, column]) => {
    // The column is named beside the message: the message keeps only the reason.
    const { message } = describeZodError(new z.ZodError([issue]));
    return {
      row: r.row,
      column: column ? HEADER_OF[column] : '',
      message: message.vi.replace(/^[^:]*: /, ''),
      messageEn: message.en.replace(/^[^:]*: /, ''),
    };
  });
}

/**
 * The problems the form finds with a donor or an item, kept by what was checked: a list names the same few donors and
 * items row after row, and the same fields always get the same answer.
 */
const donorChecks = new Map<string, readonly z.core.$ZodIssue[]>();
const itemChecks = new Map<string, readonly z.core.$ZodIssue[]>();

function keptIssues(
  kept: Map<string, readonly z.core.$ZodIssue[]>,
  schema: z.ZodType,
  input: Record<string, unknown>,
): readonly z.core.$ZodIssue[] {
  const key = JSON.stringify(input);
  let issues = kept.get(key);
  if (!issues) {
    issues = schema.safeParse(input).error?.issues ?? [];
    if (kept.size >= 5_000) kept.clear();
    kept.set(key, issues);
  }
  return issues;
}
