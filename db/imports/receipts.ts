/**
 * A list's receipt rows recorded as deliveries of the pledges they fulfil. A row is matched by the aid item or
 * approval number it names, else by its donor, place and kind: the pledge's place is the row's unit, a former unit
 * that became it, or the district either lay in. Of the pledges so found, those not cancelled, in the row's currency,
 * made by the day it was received and with enough left to receive fit; the rows before it have taken their part
 * already, so several rows may fulfil one pledge. One fitting pledge is fulfilled; several are the user's choice; none
 * makes the row a pledge of its own, delivered in full on that day and marked so in its history.
 */
import { sql } from 'kysely';
import type { ImportIssue } from '../../contract';
import { LedgerError } from '../../contract/errors';
import type { ReceiptCandidate, ReceiptMatch } from '../../contract/imports';
import { quantityToMilli } from '../../contract/money';
import { RECEIPT_WITHOUT_PLEDGE_NOTE } from '../../contract/pledges';
import { foldText } from '../../contract/text';
import type { Ctx } from '../core/context';
import { insertRow, readRows } from '../core/statements';
import { displayNameSql } from '../places/names';
import { recordDelivery } from '../pledges/status';
import { addPledge, type PledgeChecks } from '../pledges/writes';
import { HEADER_OF, RowError } from './cell-values';
import type { ColumnKey } from './columns';
import { type ParsedRow, pledgeFieldsOf } from './line';

/** A row with the key it is known by once imported (`write.ts`'s `KeyedRow`). */
type KeyedRow = ParsedRow & { key: string };

/** The most pledges a preview offers for one row. */
const MAX_CANDIDATES = 20;

/** What the receipt rows of a file are written with, and what they report. */
export interface ReceiptRun {
  fileName: string;
  /** The user's choice by row: a pledge's id, or null for a new pledge. */
  choices: Map<number, string | null>;
  matches: ReceiptMatch[];
  checks: PledgeChecks;
}

interface FoundPledge {
  id: string;
  donor_name: string;
  place_name: string;
  kind: string;
  description: string;
  pledge_date: string;
  currency: string;
  remaining: number;
  item_name: string | null;
  place_id: string;
}

/**
 * Records the receipt row: a delivery of the pledge it fulfils, or a new pledge delivered in full. `newItemId` makes
 * (or finds) the aid item the row names, for a new pledge. Returns the row's problem, if any.
 */
export async function writeReceipt(
  ctx: Ctx,
  r: KeyedRow,
  donorId: string,
  run: ReceiptRun,
  newItemId: () => Promise<string | null>,
): Promise<ImportIssue | null> {
  const receipt = r.receipt!;
  const match: ReceiptMatch = {
    row: r.row,
    outcome: 'new',
    pledgeId: null,
    date: receipt.date,
    amountMinor: receipt.amountMinor,
    quantity: receipt.quantity,
    currency: r.currency,
    recipient: r.recipient,
    donorId,
    placeId: r.placeId,
    kind: r.kind,
    candidates: [],
  };
  run.matches.push(match);
  if (run.choices.has(r.row)) {
    const chosen = run.choices.get(r.row)!;
    [match.outcome, match.pledgeId] = chosen === null ? ['new', null] : ['chosen', chosen];
  } else {
    const { by, fits } = await fittingPledges(ctx, r, donorId, run.checks);
    if (fits.length === 1) [match.outcome, match.pledgeId] = [by, fits[0]!.id];
    else if (fits.length > 1) {
      match.outcome = 'ambiguous';
      match.candidates = fits.slice(0, MAX_CANDIDATES).map(candidate);
      return ambiguity(r, fits.length);
    } else match.candidates = (await openPledgesOf(ctx, r, donorId)).map(candidate);
  }
  try {
    if (match.pledgeId === null) match.pledgeId = await newPledge(ctx, r, donorId, run, await newItemId());
    const delivery = await recordDelivery(ctx, {
      pledgeId: match.pledgeId,
      deliveryDate: receipt.date,
      amountMinor: receipt.amountMinor,
      quantity: receipt.quantity,
      currency: r.currency,
      rate: r.rate,
      rateSource: r.rate ? `Tệp ${run.fileName}` : null,
      recipient: r.recipient,
      village: r.village,
    });
    insertRow(ctx, 'imported_rows', {
      key: r.key,
      pledgeId: match.pledgeId,
      deliveryId: delivery.id,
      fileName: run.fileName,
      importedAt: ctx.now,
    });
    return null;
  } catch (error) {
    if (error instanceof RowError) return error.issueAt(r.row);
    if (!(error instanceof LedgerError)) throw error;
    return deliveryIssue(r, error);
  }
}

/** The pledge a receipt no pledge fits becomes: what the row says of it, with the history's mark. */
async function newPledge(
  ctx: Ctx,
  r: KeyedRow,
  donorId: string,
  run: ReceiptRun,
  itemId: string | null,
): Promise<string> {
  if (!r.description)
    throw new RowError(
      'description',
      'bắt buộc để ghi cam kết mới: không có cam kết nào trong sổ khớp với dòng đã nhận này',
      'is required to record a new pledge: no pledge in the ledger fits this receipt',
    );
  const fields = pledgeFieldsOf(r);
  return addPledge(
    ctx,
    {
      ...fields,
      // A receipt of a quantity alone is a pledge of that quantity.
      quantity: fields.quantity ?? r.receipt!.quantity,
      status: undefined,
      donorId,
      itemId,
      rateSource: r.rate ? `Tệp ${run.fileName}` : null,
    },
    run.checks,
    RECEIPT_WITHOUT_PLEDGE_NOTE,
  );
}

/** The pledges a receipt fits: by the item or approval number it names, else by its donor, place and kind. */
async function fittingPledges(
  ctx: Ctx,
  r: KeyedRow,
  donorId: string,
  checks: PledgeChecks,
): Promise<{ by: 'item' | 'place'; fits: FoundPledge[] }> {
  const approval = r.item?.approvalNumber ?? r.receipt!.approvalNumber;
  if (r.item || approval) {
    const byItem = approval
      ? sql`(fold_text(i.approval_number) = ${foldText(approval)} OR fold_text(p.approval_number) = ${foldText(approval)})`
      : sql`(i.name_folded = ${foldText(r.item!.name)} AND i.donor_id IN (${sameDonor(donorId)}))`;
    const fits = narrowed(await pledgesWhere(ctx, r, byItem), r, await placesAroundOnce(ctx, r.placeId, checks));
    return { by: 'item', fits };
  }
  const around = await placesAroundOnce(ctx, r.placeId, checks);
  const kind = r.kindStated ? sql`p.kind = ${r.kind}` : sql`1 = 1`;
  const where = sql`p.donor_id IN (${sameDonor(donorId)}) AND ${kind}
    AND p.place_id IN (SELECT value FROM json_each(${JSON.stringify(around)}))`;
  return { by: 'place', fits: await pledgesWhere(ctx, r, where) };
}

/** Several pledges of one item: those of the row's places, then of its kind, when that leaves some. */
function narrowed(fits: FoundPledge[], r: KeyedRow, around: string[]): FoundPledge[] {
  if (fits.length < 2) return fits;
  const here = fits.filter((p) => around.includes(p.place_id));
  const placed = here.length ? here : fits;
  if (!r.kindStated || placed.length < 2) return placed;
  const ofKind = placed.filter((p) => p.kind === r.kind);
  return ofKind.length ? ofKind : placed;
}

/** The donor and every donor merged with it. */
const sameDonor = (donorId: string) =>
  sql`SELECT m.id FROM donors m, donors own WHERE own.id = ${donorId}
    AND coalesce(m.merged_into, m.id) = coalesce(own.merged_into, own.id)`;

/** The pledges of a condition a receipt can be a delivery of, oldest first. */
async function pledgesWhere(ctx: Ctx, r: KeyedRow, where: ReturnType<typeof sql>): Promise<FoundPledge[]> {
  const receipt = r.receipt!;
  const enough =
    receipt.amountMinor !== null
      ? sql`p.amount_minor - coalesce((SELECT sum(x.amount_minor) FROM deliveries x WHERE x.pledge_id = p.id), 0) >= ${receipt.amountMinor}`
      : sql`p.quantity_milli IS NOT NULL AND p.quantity_milli - coalesce((SELECT sum(x.quantity_milli) FROM deliveries x WHERE x.pledge_id = p.id), 0) >= ${quantityToMilli(receipt.quantity!)}`;
  return readRows<FoundPledge>(
    ctx,
    sql`SELECT ${FOUND_COLUMNS} FROM pledges p LEFT JOIN aid_items i ON i.id = p.item_id
      WHERE p.status <> 'cancelled' AND p.currency = ${r.currency} AND p.pledge_date <= ${receipt.date}
      AND ${where} AND ${enough} ORDER BY p.pledge_date, p.created_at LIMIT 1000`,
  );
}

const FOUND_COLUMNS = sql`p.id, p.place_id, p.kind, p.description, p.pledge_date, p.currency, i.name AS item_name,
  (SELECT d.name FROM donors e JOIN donors d ON d.id = coalesce(e.merged_into, e.id) WHERE e.id = p.donor_id) AS donor_name,
  (SELECT ${displayNameSql('pl')} FROM places pl WHERE pl.id = p.place_id) AS place_name,
  p.amount_minor - coalesce((SELECT sum(x.amount_minor) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS remaining`;

/** The donor's pledges with something left to receive, offered when none fits the row: the user may know better. */
async function openPledgesOf(ctx: Ctx, r: KeyedRow, donorId: string): Promise<FoundPledge[]> {
  return readRows<FoundPledge>(
    ctx,
    sql`SELECT ${FOUND_COLUMNS} FROM pledges p LEFT JOIN aid_items i ON i.id = p.item_id
      WHERE p.donor_id IN (${sameDonor(donorId)}) AND p.status <> 'cancelled' AND p.currency = ${r.currency}
      AND p.amount_minor > coalesce((SELECT sum(x.amount_minor) FROM deliveries x WHERE x.pledge_id = p.id), 0)
      ORDER BY p.pledge_date DESC LIMIT ${MAX_CANDIDATES}`,
  );
}

/**
 * The units a pledge fulfilled by a receipt of this place may have been recorded under: the place, the former units
 * that became it (and theirs before them), and the units above any of them short of the province.
 */
export async function placesAround(ctx: Ctx, placeId: string): Promise<string[]> {
  return readRows<{ id: string }>(
    ctx,
    sql`WITH RECURSIVE former(id) AS (
        SELECT ${placeId} UNION SELECT s.place_id FROM place_successors s JOIN former f ON s.successor_id = f.id),
      around(id, parent_id) AS (
        SELECT p.id, p.parent_id FROM places p JOIN former f ON f.id = p.id
        UNION SELECT p.id, p.parent_id FROM places p JOIN around a ON p.id = a.parent_id WHERE p.level <> 'province')
      SELECT id FROM around`,
  ).map((p) => p.id);
}

/**
 * `placesAround`, read once per place for the workbooks written one after another: the units and their successor links
 * change only with a bundle, after which the checks are made anew.
 */
async function placesAroundOnce(ctx: Ctx, placeId: string, checks: PledgeChecks): Promise<string[]> {
  let around = checks.placesAround.get(placeId);
  if (!around) {
    around = await placesAround(ctx, placeId);
    checks.placesAround.set(placeId, around);
  }
  return around;
}

function candidate(p: FoundPledge): ReceiptCandidate {
  return {
    pledgeId: p.id,
    donorName: p.donor_name,
    placeName: p.place_name,
    kind: p.kind,
    description: p.description,
    pledgeDate: p.pledge_date,
    currency: p.currency,
    remainingAmountMinor: p.remaining,
    itemName: p.item_name,
  };
}

function ambiguity(r: KeyedRow, count: number): ImportIssue {
  return {
    row: r.row,
    column: '',
    message: `${count} cam kết trong sổ khớp với dòng đã nhận này; hãy chọn cam kết được thực hiện (hoặc ghi cam kết mới)`,
    messageEn: `${count} pledges in the ledger fit this receipt; choose the one it fulfils (or record a new pledge)`,
  };
}

/** A refusal of the ledger's on the delivery, on the receipt's column. */
function deliveryIssue(r: KeyedRow, error: LedgerError): ImportIssue {
  const shape = error.toShape();
  const receiptColumn: ColumnKey = r.receipt!.amountMinor !== null ? 'receivedAmount' : 'receivedQuantity';
  const column = (
    {
      amountMinor: receiptColumn,
      quantity: receiptColumn,
      deliveryDate: 'receivedDate',
      currency: 'currency',
      rate: 'rate',
      placeId: 'place',
      description: 'description',
      unitValueMinor: 'unitValue',
      pledgeDate: 'date',
    } as Record<string, ColumnKey>
  )[shape.field ?? ''];
  const pledge = shape.field === 'pledgeId' ? { vi: 'cam kết đã chọn: ', en: 'the chosen pledge: ' } : null;
  return {
    row: r.row,
    column: column ? HEADER_OF[column] : '',
    message: `${pledge?.vi ?? ''}${shape.message.vi}`,
    messageEn: `${pledge?.en ?? ''}${shape.message.en}`,
  };
}
