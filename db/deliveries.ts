/** Deliveries (hand-overs, disbursements) against a pledge; what remains is never allowed below zero. */
import type { Selectable } from 'kysely';
import type { Delivery, ParsedInput } from '../contract';
import {
  AmountRangeError,
  canonicalQuantity,
  milliToQuantity,
  quantityToMilli,
  formatAmount,
  subtractQuantities,
  vndEquivalent,
} from '../contract/money';
import { recordAudit } from './audit';
import { invalid, notFound } from './core/errors';
import { type Delivered, deliveredValue, valueOfQuantity } from './pledges/amounts';
import { insertRow, prepared } from './core/statements';
import type { Ctx } from './core/context';
import { deleteKept } from './deletions/keep';
import { resolveRate } from './rates';
import { setSearchTextOf } from './search';
import type { DB, DeliveriesTable } from './core/schema';

const DELIVERY_NOUN = { vi: 'lần giao/giải ngân', en: 'delivery' };

type StoredDelivery = Omit<DeliveriesTable, 'recipient' | 'village'> & {
  recipient: string | null;
  village: string | null;
};

function fromStored({ quantityMilli, ...row }: StoredDelivery): Delivery {
  return { ...row, quantity: quantityMilli === null ? null : milliToQuantity(quantityMilli) };
}

export async function listDeliveriesOf(ctx: Ctx, pledgeId: string): Promise<Delivery[]> {
  const rows = await ctx.db
    .selectFrom('deliveries')
    .selectAll()
    .where('pledgeId', '=', pledgeId)
    .orderBy('deliveryDate')
    .orderBy('createdAt')
    .execute();
  return rows.map(fromStored);
}

// The query builder's renaming of a column (its CamelCasePlugin, with default options): pledge_id → pledgeId.
const camelNames = new Map<string, string>();
function camelName(column: string): string {
  let name = camelNames.get(column);
  if (name === undefined) {
    name = column.slice(0, 1);
    for (let i = 1; i < column.length; i++)
      if (column[i] !== '_') name += column[i - 1] === '_' ? column[i]!.toUpperCase() : column[i];
    camelNames.set(column, name);
  }
  return name;
}

/** A row as the query builder gives it: the same values under its names, in the columns' order. */
function camelRow<T>(row: Record<string, unknown> | undefined): T | undefined {
  if (!row) return undefined;
  const named: Record<string, unknown> = {};
  for (const column in row) named[camelName(column)] = row[column];
  return named as T;
}

// The queries a receipt row runs (each import writes hundreds) are prepared once, and run without the query
// builder's asynchronous round.
const deliveryById = (ctx: Ctx, id: string) =>
  camelRow<StoredDelivery>(prepared(ctx.sqlite, 'SELECT * FROM deliveries WHERE id = ?').get(id) as never);
const pledgeById = (ctx: Ctx, id: string) =>
  camelRow<Selectable<DB['pledges']>>(prepared(ctx.sqlite, 'SELECT * FROM pledges WHERE id = ?').get(id) as never);

async function getDelivery(ctx: Ctx, id: string): Promise<Delivery> {
  const row = deliveryById(ctx, id);
  if (!row) throw notFound('id', DELIVERY_NOUN);
  return fromStored(row);
}

const DELIVERED_TO = `SELECT coalesce(sum(amount_minor), 0) AS amountMinor, coalesce(sum(quantity_milli), 0) AS quantityMilli,
  coalesce(sum(CASE WHEN amount_minor IS NULL THEN quantity_milli END), 0) AS quantityOnlyMilli, count(*) AS count
  FROM deliveries WHERE pledge_id = ?`;
const DELIVERED_TO_EXCEPT = `${DELIVERED_TO} AND id != ?`;

interface DeliveredSums {
  amountMinor: number;
  quantityMilli: number;
  quantityOnlyMilli: number;
  count: number;
}

/** Sum of a pledge's deliveries, optionally leaving one out (the one being edited). */
export async function deliveredSoFar(ctx: Ctx, pledgeId: string, exceptId?: string): Promise<Delivered> {
  const sums = (
    exceptId
      ? prepared(ctx.sqlite, DELIVERED_TO_EXCEPT).get(pledgeId, exceptId)
      : prepared(ctx.sqlite, DELIVERED_TO).get(pledgeId)
  ) as DeliveredSums | undefined;
  if (!sums) throw new Error('no sums of deliveries');
  return {
    amountMinor: Number(sums.amountMinor),
    quantity: milliToQuantity(Number(sums.quantityMilli)),
    quantityOnly: milliToQuantity(Number(sums.quantityOnlyMilli)),
    count: Number(sums.count),
  };
}

interface DeliveryDraft {
  deliveryDate: string;
  amountMinor: number | null;
  quantity: string | null;
  rate?: string | null;
  rateDate?: string | null;
  rateSource?: string | null;
  currency?: string | undefined;
  notes: string | null;
  recipient?: string | null;
  village?: string | null;
}

/** Checks a delivery against its pledge and returns the row values to store. */
async function settle(ctx: Ctx, pledgeId: string, draft: DeliveryDraft, exceptId?: string) {
  const stored = pledgeById(ctx, pledgeId);
  if (!stored) throw notFound('pledgeId', { vi: 'cam kết', en: 'pledge' });
  const pledge = { ...stored, quantity: stored.quantityMilli === null ? null : milliToQuantity(stored.quantityMilli) };
  if (pledge.status === 'cancelled') {
    throw invalid('pledgeId', {
      vi: 'cam kết đã hủy, không ghi nhận giao/giải ngân',
      en: 'the pledge is cancelled; no deliveries can be recorded',
    });
  }
  if (draft.currency && draft.currency !== pledge.currency) {
    throw invalid('currency', {
      vi: `phải là loại tiền của cam kết (${pledge.currency})`,
      en: `must be the pledge's currency (${pledge.currency})`,
    });
  }
  if (draft.amountMinor === null && draft.quantity === null) {
    throw invalid('amountMinor', {
      vi: 'nhập số tiền hoặc số lượng đã giao',
      en: 'give the amount or the quantity delivered',
    });
  }
  if (draft.quantity !== null && pledge.quantity === null) {
    throw invalid('quantity', { vi: 'cam kết không có số lượng', en: 'the pledge has no quantity' });
  }
  const done = await deliveredSoFar(ctx, pledgeId, exceptId);
  const currency = pledge.currency;
  const quantity = draft.quantity === null ? null : canonicalQuantity(draft.quantity);
  if (quantity !== null && pledge.quantity !== null) {
    const left = subtractQuantities(pledge.quantity, done.quantity);
    if (subtractQuantities(left, quantity).startsWith('-')) {
      throw invalid(
        'quantity',
        {
          vi: `vượt số lượng còn lại (còn ${left} ${pledge.unit ?? ''})`.trim(),
          en: `exceeds the quantity left (${left} ${pledge.unit ?? ''})`.trim(),
        },
        'over_delivered',
      );
    }
  }
  // A delivery of quantity only is valued at the pledge's unit value (or its share of the total).
  const amountForValue = draft.amountMinor ?? valueOfQuantity(pledge, quantity!);
  const left = pledge.amountMinor - deliveredValue(pledge, done);
  if (amountForValue > left) {
    throw invalid(
      draft.amountMinor === null ? 'quantity' : 'amountMinor',
      {
        vi: `vượt phần còn lại của cam kết (còn ${formatAmount(left, currency, 'vi')} ${currency})`,
        en: `exceeds what remains of the pledge (${formatAmount(left, currency, 'en')} ${currency} left)`,
      },
      'over_delivered',
    );
  }
  const recorded = await resolveRate(ctx, currency, draft.deliveryDate, draft);
  return {
    deliveryDate: draft.deliveryDate,
    amountMinor: draft.amountMinor,
    quantityMilli: quantity === null ? null : quantityToMilli(quantity),
    currency,
    ...recorded,
    vndEquivalent: deliveredVnd(amountForValue, currency, recorded.rate),
    notes: draft.notes,
    recipient: draft.recipient || null,
    village: draft.village || null,
  };
}

function deliveredVnd(amountMinor: number, currency: string, rate: string): number {
  try {
    return vndEquivalent(amountMinor, currency, rate);
  } catch (error) {
    if (!(error instanceof AmountRangeError)) throw error;
    throw invalid(
      'amountMinor',
      { vi: 'giá trị quy đổi ra VND quá lớn', en: 'the VND equivalent is too large' },
      'too_large',
    );
  }
}

export async function createDelivery(ctx: Ctx, input: ParsedInput<'deliveries.create'>): Promise<Delivery> {
  const values = await settle(ctx, input.pledgeId, {
    deliveryDate: input.deliveryDate,
    amountMinor: input.amountMinor ?? null,
    quantity: input.quantity ?? null,
    rate: input.rate,
    rateDate: input.rateDate,
    rateSource: input.rateSource,
    currency: input.currency,
    notes: input.notes || null,
    recipient: input.recipient,
    village: input.village,
  });
  const id = ctx.newId();
  insertRow(ctx, 'deliveries', { id, pledgeId: input.pledgeId, ...values, createdAt: ctx.now, updatedAt: ctx.now });
  // The pledge is found by the words of who received it.
  if (values.recipient || values.village) await setSearchTextOf(ctx, [input.pledgeId]);
  const delivery = await getDelivery(ctx, id);
  await recordAudit(ctx, {
    action: 'create',
    entity: 'delivery',
    entityId: id,
    parentId: input.pledgeId,
    after: delivery,
  });
  return delivery;
}

export async function updateDelivery(ctx: Ctx, input: ParsedInput<'deliveries.update'>): Promise<Delivery> {
  const before = await getDelivery(ctx, input.id);
  const rateGiven = input.rate !== undefined && input.rate !== null;
  const dateChanged = input.deliveryDate !== undefined && input.deliveryDate !== before.deliveryDate;
  const values = await settle(
    ctx,
    before.pledgeId,
    {
      deliveryDate: input.deliveryDate ?? before.deliveryDate,
      amountMinor: input.amountMinor === undefined ? before.amountMinor : input.amountMinor,
      quantity: input.quantity === undefined ? before.quantity : input.quantity,
      // Keep the recorded rate unless a new one is typed or the date moved.
      rate: rateGiven ? input.rate : dateChanged ? null : before.rate,
      rateDate: input.rateDate === undefined ? (dateChanged && !rateGiven ? null : before.rateDate) : input.rateDate,
      rateSource:
        input.rateSource === undefined ? (dateChanged && !rateGiven ? null : before.rateSource) : input.rateSource,
      currency: input.currency,
      notes: input.notes === undefined ? before.notes : input.notes || null,
      recipient: input.recipient === undefined ? before.recipient : input.recipient,
      village: input.village === undefined ? before.village : input.village,
    },
    before.id,
  );
  await ctx.db
    .updateTable('deliveries')
    .set({ ...values, updatedAt: ctx.now })
    .where('id', '=', before.id)
    .execute();
  await setSearchTextOf(ctx, [before.pledgeId]);
  const after = await getDelivery(ctx, before.id);
  await recordAudit(ctx, {
    action: 'update',
    entity: 'delivery',
    entityId: before.id,
    parentId: before.pledgeId,
    before,
    after,
  });
  return after;
}

export async function deleteDelivery(
  ctx: Ctx,
  input: ParsedInput<'deliveries.delete'>,
): Promise<{ id: string; pledgeId: string }> {
  const before = await getDelivery(ctx, input.id);
  await deleteKept(ctx, 'deliveries', before.id, ctx.newId());
  if (before.recipient || before.village) await setSearchTextOf(ctx, [before.pledgeId]);
  await recordAudit(ctx, {
    action: 'delete',
    entity: 'delivery',
    entityId: before.id,
    parentId: before.pledgeId,
    before,
  });
  return { id: before.id, pledgeId: before.pledgeId };
}
