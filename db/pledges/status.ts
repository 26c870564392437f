/** A pledge's status following its deliveries, and the deliveries recorded, changed or removed through it. */
import { AUTO_STATUS_NOTE, type Delivery, type ParsedInput } from '../../contract';
import { recordAudit } from '../audit';
import type { Ctx } from '../core/context';
import { prepared } from '../core/statements';
import { createDelivery, deleteDelivery, deliveredSoFar, updateDelivery } from '../deliveries';
import { statusFromDeliveries } from './amounts';
import { getPledgeRow, snapshot } from './rows';

// Run once for each receipt an import records: prepared once (the text the query builder made of it).
const SET_STATUS = 'update "pledges" set "status" = ?, "updated_at" = ? where "id" = ?';

/**
 * A pledge's status follows its deliveries until a person sets it: none yet → pledged; some → in progress; the whole
 * amount (or the whole quantity) → completed. A cancelled pledge stays cancelled. The change goes into the history,
 * noted as made by the ledger.
 */
export async function statusFollowsDeliveries(ctx: Ctx, pledgeId: string): Promise<void> {
  const row = await getPledgeRow(ctx, pledgeId);
  if (row.statusByUser || row.status === 'cancelled') return;
  const status = statusFromDeliveries(row, await deliveredSoFar(ctx, pledgeId));
  if (status === row.status) return;
  prepared(ctx.sqlite, SET_STATUS).run(status, ctx.now, pledgeId);
  const before = snapshot(row);
  await recordAudit(ctx, {
    action: 'update',
    entity: 'pledge',
    entityId: pledgeId,
    before,
    // The pledge as it now reads: only its status and the time it changed were written.
    after: { ...before, status, updatedAt: ctx.now },
    note: AUTO_STATUS_NOTE,
  });
}

/** A delivery recorded, changed or removed, and the pledge's status following it. */
export async function recordDelivery(ctx: Ctx, input: ParsedInput<'deliveries.create'>): Promise<Delivery> {
  const delivery = await createDelivery(ctx, input);
  await statusFollowsDeliveries(ctx, delivery.pledgeId);
  return delivery;
}

export async function amendDelivery(ctx: Ctx, input: ParsedInput<'deliveries.update'>): Promise<Delivery> {
  const delivery = await updateDelivery(ctx, input);
  await statusFollowsDeliveries(ctx, delivery.pledgeId);
  return delivery;
}

export async function removeDelivery(ctx: Ctx, input: ParsedInput<'deliveries.delete'>): Promise<{ id: string }> {
  const { pledgeId } = await deleteDelivery(ctx, input);
  await statusFollowsDeliveries(ctx, pledgeId);
  return { id: input.id };
}
