/** A pledge's status following its deliveries, and the deliveries recorded, changed or removed through it. */
import { AUTO_STATUS_NOTE, type Delivery, type ParsedInput, type PledgeStatus } from '../../contract';
import { recordAudit } from '../audit';
import type { Ctx } from '../core/context';
import { compiledOnce } from '../core/statements';
import { createDelivery, deleteDelivery, deliveredSoFar, updateDelivery } from '../deliveries';
import { statusFromDeliveries } from './amounts';
import { getPledgeRow, snapshot } from './rows';

// Run once for each receipt an import records: compiled once.
const setStatus = compiledOnce((db, id: string, status: PledgeStatus, updatedAt: string) =>
  db.updateTable('pledges').set({ status, updatedAt }).where('id', '=', id),
);

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
  await setStatus(ctx, pledgeId, status, ctx.now);
  const after = await getPledgeRow(ctx, pledgeId);
  await recordAudit(ctx, {
    action: 'update',
    entity: 'pledge',
    entityId: pledgeId,
    before: snapshot(row),
    after: snapshot(after),
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
