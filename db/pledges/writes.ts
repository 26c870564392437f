/** Pledges written: created, updated with a reason and history, deleted with their deliveries. */
import type { ParsedInput, Pledge, PledgeRow } from '../../contract';
import { LedgerError } from '../../contract/errors';
import type { Place } from '../../contract/places';
import { canonicalQuantity, milliToQuantity, quantityToMilli } from '../../contract/money';
import { diff, recordAudit } from '../audit';
import { insertRow } from '../core/statements';
import { invalid, notFound } from '../core/errors';
import type { Ctx } from '../core/context';
import { deleteKept } from '../deletions/keep';
import { deliveredSoFar, listDeliveriesOf } from '../deliveries';
import { currentDonorId } from '../donors';
import { getItemRow } from '../items';
import { getPlace } from '../places';
import { placeProblemOn } from '../places/match';
import { resolveRate } from '../rates';
import { refreshSearchText, setSearchTextOf } from '../search';
import { checkNotBelowDelivered, checkReasonGiven, computeVnd, settleAmount, type PledgeDraft } from './amounts';
import { getPledgeRow, snapshot } from './rows';
import { addToSums, type LedgerSums, ledgerSums } from './sums';
import { checkTodayIn, keptTodayIn } from './today-in';

/** The stored form of a pledge's quantity. */
function stored<T extends { quantity: string | null; statusByUser: boolean }>({ quantity, statusByUser, ...rest }: T) {
  return {
    ...rest,
    quantityMilli: quantity === null ? null : quantityToMilli(quantity),
    statusByUser: statusByUser ? 1 : 0,
  };
}

/** A pledge's place must be a unit that existed on the pledge date. */
async function checkPlaceOnDate(ctx: Ctx, placeId: string, date: string, checks?: PledgeChecks) {
  const place =
    checks?.places.get(placeId) ??
    (await getPlace(ctx, placeId).catch((error: unknown) => {
      if (error instanceof LedgerError && error.code === 'not_found')
        throw notFound('placeId', { vi: 'địa bàn', en: 'place' });
      throw error;
    }));
  checks?.places.set(placeId, place);
  const problem = await placeProblemOn(ctx, place, date);
  if (problem) throw invalid('placeId', problem);
}

/**
 * What a call writing many pledges (an import) has already read, so that each donor and each place is looked up once:
 * a donor's current id, and a place (whether it existed on a date is then known without reading it again).
 */
export interface PledgeChecks {
  donors: Map<string, string>;
  places: Map<string, Place>;
  /** The units a receipt of each place may find its pledge under (`placesAround` of `db/imports/receipts.ts`). */
  placesAround: Map<string, string[]>;
  /**
   * The ledger's sums as the pledges written so far leave them: read by the first workbook an import writes with these
   * checks, and again after one with a refused row (`writeLines`).
   */
  sums?: LedgerSums;
  /**
   * Every name a donor is known by (folded) to its id (`knownDonors` of `db/imports/rows.ts`): read by the first
   * workbook an import writes with these checks, with the donors each workbook adds, and read again after one refused.
   */
  donorIds?: Map<string, string>;
}
export const newPledgeChecks = (): PledgeChecks => ({ donors: new Map(), places: new Map(), placesAround: new Map() });

export async function createPledge(
  ctx: Ctx,
  input: ParsedInput<'pledges.create'>,
  checks?: PledgeChecks,
): Promise<PledgeRow> {
  return getPledgeRow(ctx, await addPledge(ctx, input, checks));
}

/** Writes a new pledge and its history entry, and gives its id: an import needs no more, and reads nothing back. */
export async function addPledge(
  ctx: Ctx,
  input: ParsedInput<'pledges.create'>,
  checks?: PledgeChecks,
  note: string | null = null,
): Promise<string> {
  const donorId = checks?.donors.get(input.donorId) ?? (await currentDonorId(ctx, input.donorId));
  checks?.donors.set(input.donorId, donorId);
  await checkPlaceOnDate(ctx, input.placeId, input.pledgeDate, checks);
  const draft: PledgeDraft = {
    donorId,
    placeId: input.placeId,
    kind: input.kind,
    description: input.description,
    quantity: input.quantity ? canonicalQuantity(input.quantity) : null,
    unit: input.unit || null,
    unitValueMinor: input.unitValueMinor ?? null,
    amountMinor: input.amountMinor ?? null,
    currency: input.currency,
    ...(await resolveRate(ctx, input.currency, input.pledgeDate, input)),
    pledgeDate: input.pledgeDate,
    status: input.status ?? 'pledged',
    // A status other than the first one is a person's decision; "pledged" follows the deliveries from now on.
    statusByUser: input.status !== undefined && input.status !== 'pledged',
    beneficiaries: input.beneficiaries ?? null,
    approvalNumber: input.approvalNumber || null,
    approvalDate: input.approvalDate ?? null,
    notes: input.notes || null,
    itemId: input.itemId ? (await getItemRow(ctx, input.itemId)).id : null,
    todayPlaceId: await checkTodayIn(ctx, input.placeId, input.todayPlaceId ?? null),
    recipient: input.recipient || null,
    village: input.village || null,
  };
  const amountMinor = settleAmount(draft);
  const id = ctx.newId();
  const vndEquivalent = computeVnd(amountMinor, draft.currency, draft.rate);
  addToSums(checks?.sums ?? (await ledgerSums(ctx)), { currency: draft.currency, amountMinor, vndEquivalent });
  const values = { ...stored(draft), id, amountMinor, vndEquivalent, createdAt: ctx.now, updatedAt: ctx.now };
  // Written with the version the tracking trigger would give it (a new one, from this installation), so that the
  // trigger does not write the row a second time to add it: an import writes a pledge per row.
  const applying = ctx.tracking.applying;
  ctx.tracking.applying = true;
  try {
    insertRow(ctx, 'pledges', {
      ...values,
      version: ctx.tracking.clock.next(),
      originSite: ctx.site.id,
      baseVersion: '',
    });
  } finally {
    ctx.tracking.applying = applying;
  }
  await setSearchTextOf(ctx, [id]);
  const written = writtenPledge(id, draft, amountMinor, vndEquivalent, ctx.now);
  await recordAudit(ctx, { action: 'create', entity: 'pledge', entityId: id, after: written, note });
  return id;
}

/** The pledge as it now reads (the fields in `getPledgeRow`'s order; its quantity through the stored form). */
function writtenPledge(
  id: string,
  draft: PledgeDraft,
  amountMinor: number,
  vndEquivalent: number,
  now: string,
): Pledge {
  return {
    id,
    donorId: draft.donorId,
    placeId: draft.placeId,
    kind: draft.kind,
    description: draft.description,
    quantity: draft.quantity === null ? null : milliToQuantity(quantityToMilli(draft.quantity)),
    unit: draft.unit,
    unitValueMinor: draft.unitValueMinor,
    amountMinor,
    currency: draft.currency,
    rate: draft.rate,
    rateDate: draft.rateDate,
    rateSource: draft.rateSource,
    vndEquivalent,
    pledgeDate: draft.pledgeDate,
    status: draft.status,
    statusByUser: draft.statusByUser,
    beneficiaries: draft.beneficiaries,
    approvalNumber: draft.approvalNumber,
    approvalDate: draft.approvalDate,
    notes: draft.notes,
    itemId: draft.itemId,
    todayPlaceId: draft.todayPlaceId,
    recipient: draft.recipient,
    village: draft.village,
    createdAt: now,
    updatedAt: now,
  };
}

export async function updatePledge(ctx: Ctx, input: ParsedInput<'pledges.update'>): Promise<PledgeRow> {
  const beforeRow = await getPledgeRow(ctx, input.id);
  const before = snapshot(beforeRow);
  const draft = await updatedDraft(ctx, input, before);
  const amountMinor = settleAmount(draft);
  checkNotBelowDelivered(before, draft, amountMinor, await deliveredSoFar(ctx, before.id));

  const next = { ...draft, amountMinor, vndEquivalent: computeVnd(amountMinor, draft.currency, draft.rate) };
  const changes = diff(
    before as unknown as Record<string, unknown>,
    { ...before, ...next } as unknown as Record<string, unknown>,
  );
  if (changes.length === 0) return beforeRow;
  checkReasonGiven(changes, input.reason);
  addToSums(await ledgerSums(ctx), next, before);
  await ctx.db
    .updateTable('pledges')
    .set({ ...stored(next), updatedAt: ctx.now })
    .where('id', '=', before.id)
    .execute();
  await refreshSearchText(ctx, 'pledge', before.id);
  const after = await getPledgeRow(ctx, before.id);
  await recordAudit(ctx, {
    action: 'update',
    entity: 'pledge',
    entityId: before.id,
    before,
    after: snapshot(after),
    note: input.reason ?? null,
  });
  return after;
}

/** The pledge an update asks for: each field given (an empty text clearing it), the others as they were. */
async function updatedDraft(ctx: Ctx, input: ParsedInput<'pledges.update'>, before: Pledge): Promise<PledgeDraft> {
  const pick = <K extends keyof PledgeDraft>(key: K): PledgeDraft[K] => {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) return before[key as keyof Pledge] as PledgeDraft[K];
    return (value === '' ? null : value) as PledgeDraft[K];
  };
  const currency = pick('currency');
  const pledgeDate = pick('pledgeDate');
  const placeId = pick('placeId');
  const donorId = pick('donorId') === before.donorId ? before.donorId : await currentDonorId(ctx, pick('donorId'));
  if (placeId !== before.placeId || pledgeDate !== before.pledgeDate) await checkPlaceOnDate(ctx, placeId, pledgeDate);

  // The recorded rate stays unless the user gives another or the currency changes.
  const rateGiven = input.rate !== undefined && input.rate !== null;
  const recorded =
    currency !== before.currency || rateGiven
      ? await resolveRate(ctx, currency, pledgeDate, input)
      : {
          rate: before.rate,
          rateDate: input.rateDate === undefined ? before.rateDate : input.rateDate,
          rateSource: input.rateSource === undefined ? before.rateSource : input.rateSource || null,
        };

  const quantity = pick('quantity');
  const unitValueMinor = pick('unitValueMinor');
  // An amount not re-typed follows a changed quantity or unit value.
  const amountGiven = input.amountMinor !== undefined;
  const factorsChanged = input.quantity !== undefined || input.unitValueMinor !== undefined;
  return {
    donorId,
    placeId,
    kind: pick('kind'),
    description: pick('description'),
    quantity: quantity ? canonicalQuantity(quantity) : null,
    unit: pick('unit'),
    unitValueMinor,
    amountMinor: amountGiven
      ? (input.amountMinor ?? null)
      : factorsChanged && quantity !== null && unitValueMinor !== null
        ? null
        : before.amountMinor,
    currency,
    ...recorded,
    pledgeDate,
    status: pick('status'),
    // Set by a person once they change it; it no longer follows the deliveries.
    statusByUser: before.statusByUser || pick('status') !== before.status,
    beneficiaries: pick('beneficiaries'),
    approvalNumber: pick('approvalNumber'),
    approvalDate: pick('approvalDate'),
    notes: pick('notes'),
    itemId:
      pick('itemId') && pick('itemId') !== before.itemId ? (await getItemRow(ctx, pick('itemId')!)).id : pick('itemId'),
    // Given, it is checked against the place; not given, it stays while it is still a successor of the place.
    todayPlaceId:
      input.todayPlaceId !== undefined
        ? await checkTodayIn(ctx, placeId, input.todayPlaceId)
        : placeId === before.placeId
          ? before.todayPlaceId
          : await keptTodayIn(ctx, placeId, before.todayPlaceId),
    recipient: pick('recipient'),
    village: pick('village'),
  };
}

export async function deletePledge(ctx: Ctx, input: ParsedInput<'pledges.delete'>): Promise<{ id: string }> {
  const row = await getPledgeRow(ctx, input.id);
  // Kept with its deliveries as one deletion, to be undone together.
  const batch = ctx.newId();
  for (const delivery of await listDeliveriesOf(ctx, row.id)) {
    await deleteKept(ctx, 'deliveries', delivery.id, batch);
    await recordAudit(ctx, {
      action: 'delete',
      entity: 'delivery',
      entityId: delivery.id,
      parentId: row.id,
      before: delivery,
    });
  }
  await deleteKept(ctx, 'pledges', row.id, batch);
  await recordAudit(ctx, { action: 'delete', entity: 'pledge', entityId: row.id, before: snapshot(row) });
  return { id: row.id };
}
