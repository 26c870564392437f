/**
 * A file's pledge lines written through the same code as the form: new donors and aid items made as rows name them,
 * each pledge with its history and search text, and each row's key kept so that a row already imported is skipped.
 */
import { createHash } from 'node:crypto';
import type { ImportIssue } from '../../contract';
import type { ReceiptChoice, ReceiptMatch } from '../../contract/imports';
import { LedgerError } from '../../contract/errors';
import { foldText } from '../../contract/text';
import type { Ctx } from '../core/context';
import { insertRow, prepared } from '../core/statements';
import { addDonor } from '../donors';
import { createItem } from '../items';
import { ledgerSums } from '../pledges/sums';
import { addPledge, newPledgeChecks, type PledgeChecks } from '../pledges/writes';
import { withSearchTextDeferred } from '../search';
import { withTotalsDeferred } from '../totals-bulk';
import { HEADER_OF, RowError } from './cell-values';
import type { ColumnKey } from './columns';
import type { RowItem } from './fields';
import { itemKey, type ParsedRow, pledgeFieldsOf } from './line';
import { type ReceiptRun, writeReceipt } from './receipts';

/** A line with the key of its content, by which a row imported once is known again. */
export type KeyedRow = ParsedRow & { key: string };

/** Same content, same key: re-sending a file adds nothing. Identical rows in one file count in order. */
export function keyRows(rows: ParsedRow[]): KeyedRow[] {
  const seen = new Map<string, number>();
  return rows.map((r) => {
    const content = JSON.stringify([
      r.date,
      foldText(r.donorName),
      r.placeId,
      r.kind,
      foldText(r.description),
      r.quantity,
      r.amountMinor,
      r.currency,
      // A receipt is known by what was received and by whom too (a pledge line's key is as it always was).
      ...(r.receipt ? [r.receipt, foldText(r.recipient ?? ''), foldText(r.village ?? '')] : []),
    ]);
    const n = (seen.get(content) ?? 0) + 1;
    seen.set(content, n);
    return { ...r, key: createHash('sha256').update(`${content}#${n}`).digest('hex') };
  });
}

/**
 * The rows no earlier import wrote. The keys go to SQLite as one JSON array, not one variable each: a statement takes
 * at most 32,766 variables, and a workbook may have 100,000 rows.
 */
export async function notImported(ctx: Ctx, keyed: KeyedRow[]): Promise<KeyedRow[]> {
  const keys = JSON.stringify(keyed.map((r) => r.key));
  const found = prepared(ctx.sqlite, 'SELECT key FROM imported_rows WHERE key IN (SELECT value FROM json_each(?))').all(
    keys,
  ) as { key: string }[];
  const existing = new Set(found.map((r) => r.key));
  return keyed.filter((r) => !existing.has(r.key));
}

export interface WriteOptions {
  fileName: string;
  /** The donors and places rows were checked against, kept by a caller importing several workbooks in a row. */
  checks?: PledgeChecks | undefined;
  /** The pledge each receipt row fulfils, as the user chose it (null: a new pledge). */
  matches?: ReceiptChoice[] | undefined;
}

/** What writing did: the rows the ledger refused, the donors and items it made. */
export interface Written {
  errors: ImportIssue[];
  newDonors: string[];
  newItems: string[];
  /** Each receipt row's pledge, in row order. */
  receipts: ReceiptMatch[];
}

/**
 * The fresh rows written, each with its donor and item (made when new); `rows` are all the file's lines, of which a
 * new item takes its fields. A row the ledger refuses is a problem by row and column; nothing is undone here.
 */
export async function writeLines(
  ctx: Ctx,
  fresh: KeyedRow[],
  rows: ParsedRow[],
  donorIds: Map<string, string>,
  options: WriteOptions,
): Promise<Written> {
  const errors: ImportIssue[] = [];
  const newDonors: string[] = [];
  const newItems: string[] = [];
  const itemIds = new Map<string, string>();
  const checks = options.checks ?? newPledgeChecks();
  const run: ReceiptRun = {
    fileName: options.fileName,
    choices: new Map((options.matches ?? []).map((m) => [m.row, m.pledgeId])),
    matches: [],
    checks,
  };
  // The ledger's sums as the earlier files of a pass left them: carried from the workbook written before with these
  // checks (each pledge it wrote was added to them), and read again after a bundle (the checks are new then) or a file
  // with a refused row (it is rolled back, and no longer counts).
  checks.sums ??= await ledgerSums(ctx);
  // Totals are folded, and the new pledges' search text set, once after every row is written.
  await withSearchTextDeferred(ctx, () =>
    withTotalsDeferred(ctx.sqlite, ctx.tracking, async () => {
      for (const r of fresh) {
        try {
          let donorId = donorIds.get(foldText(r.donorName));
          if (!donorId) {
            const donor = await addDonor(ctx, { name: r.donorName, country: r.country, kind: 'foreign_ngo' });
            donorIds.set(foldText(donor.name), donor.id);
            donorIds.set(foldText(r.donorName), donor.id);
            donorId = donor.id;
            newDonors.push(donor.name);
          }
          if (r.receipt) {
            const problem = await writeReceipt(ctx, r, donorId, run, async () =>
              r.item ? itemFor(ctx, r, donorId, rows, itemIds, newItems) : null,
            );
            if (problem) errors.push(problem);
            continue;
          }
          const itemId = r.item ? await itemFor(ctx, r, donorId, rows, itemIds, newItems) : null;
          await writePledge(ctx, r, donorId, itemId, options.fileName, checks);
        } catch (error) {
          if (error instanceof RowError) {
            errors.push(error.issueAt(r.row));
            continue;
          }
          if (!(error instanceof LedgerError)) throw error;
          errors.push(ledgerIssue(r.row, error));
        }
      }
    }),
  );
  if (errors.length) delete checks.sums;
  return { errors, newDonors, newItems, receipts: run.matches };
}

/** The row's pledge, and its key among the rows imported. */
async function writePledge(
  ctx: Ctx,
  r: KeyedRow,
  donorId: string,
  itemId: string | null,
  fileName: string,
  checks: PledgeChecks,
): Promise<void> {
  const pledgeId = await addPledge(
    ctx,
    { ...pledgeFieldsOf(r), donorId, rateSource: r.rate ? `Tệp ${fileName}` : null, itemId },
    checks,
  );
  insertRow(ctx, 'imported_rows', { key: r.key, pledgeId, fileName, importedAt: ctx.now });
}

/** A refusal of the ledger's, on the row and, where its field is one, the column. */
function ledgerIssue(row: number, error: LedgerError): ImportIssue {
  const shape = error.toShape();
  const column = {
    name: 'donor',
    donorId: 'donor',
    placeId: 'place',
    amountMinor: 'amount',
    unitValueMinor: 'unitValue',
    pledgeDate: 'date',
    rate: 'rate',
    quantity: 'quantity',
    currency: 'currency',
    todayPlaceId: 'todayIn',
  }[shape.field ?? ''] as ColumnKey | undefined;
  return {
    row,
    column: column ? HEADER_OF[column] : '',
    message: shape.message.vi,
    messageEn: shape.message.en,
  };
}

/**
 * The item a row belongs to: one of this donor's items by that name, or one made from the rows naming it (the first
 * value each column has among them). A new item needs its modality and sector; with an approval decision it is
 * recorded as approved on that date, otherwise as proposed on its first row's date.
 */
async function itemFor(
  ctx: Ctx,
  r: ParsedRow,
  donorId: string,
  rows: ParsedRow[],
  itemIds: Map<string, string>,
  newItems: string[],
): Promise<string> {
  const item = r.item!;
  const key = `${foldText(item.name)}|${donorId}`;
  const known = itemIds.get(key);
  if (known) return known;
  const existing = await ctx.db
    .selectFrom('aidItems')
    .selectAll()
    .where('nameFolded', '=', foldText(item.name))
    .where('donorId', '=', donorId)
    .executeTakeFirst();
  if (existing) {
    for (const field of ['modality', 'sector', 'approvalNumber', 'approvalDate'] as const) {
      const given = item[field];
      if (given !== null && existing[field] !== null && given !== existing[field]) {
        throw new RowError(
          field,
          `khác khoản viện trợ "${existing.name}" đã có trong sổ (${String(existing[field])})`,
          `differs from the aid item "${existing.name}" already in the ledger (${String(existing[field])})`,
        );
      }
    }
    itemIds.set(key, existing.id);
    return existing.id;
  }
  const same = rows.filter((x) => x.item && itemKey(x.item.name, x.donorName) === itemKey(item.name, r.donorName));
  const firstOf = <K extends keyof RowItem>(field: K): RowItem[K] | null =>
    same.find((x) => x.item![field] !== null)?.item?.[field] ?? null;
  const modality = firstOf('modality');
  const sector = firstOf('sector');
  if (!modality)
    throw new RowError('modality', 'bắt buộc để tạo khoản viện trợ mới', 'is required to create a new aid item');
  if (!sector)
    throw new RowError('sector', 'bắt buộc để tạo khoản viện trợ mới', 'is required to create a new aid item');
  const approvalNumber = firstOf('approvalNumber');
  const approvalDate = firstOf('approvalDate');
  const approved = Boolean(approvalNumber && approvalDate);
  const created = await createItem(ctx, {
    name: item.name,
    modality,
    sector,
    donorId,
    approvalNumber,
    approvalDate,
    stage: approved ? 'approved' : 'proposed',
    stageDate: approved ? approvalDate! : same.map((x) => x.date).sort()[0]!,
  });
  itemIds.set(key, created.id);
  newItems.push(created.name);
  return created.id;
}
