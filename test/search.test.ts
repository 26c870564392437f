import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextFor } from '../db/core/context';
import { updateDonor } from '../db/donors';
import { listPledges } from '../db/pledges/ledger';
import { openLedger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
beforeEach(async () => {
  t = await tempLedger();
});
afterEach(() => t.close());

const found = async (text: string) =>
  (
    await t.service.invoke('pledges.list', {
      filter: { text },
      sort: { by: 'pledgeDate', dir: 'desc' },
      page: { offset: 0, limit: 50 },
      withTotal: true,
    })
  ).total;

async function onePledge() {
  const place = (await t.service.invoke('places.list', {})).find((p) => p.level === 'district')!;
  const donor = await t.service.invoke('donors.create', {
    name: 'Quỹ Hoa Sen',
    shortName: 'QHS',
    country: 'Hàn Quốc',
    kind: 'foundation',
  });
  await t.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId: place.id,
    kind: 'gift',
    description: 'Quà Tết',
    amountMinor: 5_000_000,
    currency: 'VND',
    pledgeDate: '2024-01-20',
  });
  return donor;
}

describe('search by donor and place names', () => {
  it('follows a donor renamed by this installation, and not one renamed by a call that was rolled back', async () => {
    const donor = await onePledge();
    expect(await found('hoa sen')).toBe(1);
    await t.service.invoke('donors.update', { id: donor.id, name: 'Quỹ Bông Lúa' });
    expect(await found('hoa sen')).toBe(0);
    expect(await found('bông lúa')).toBe(1);
    // A call that renames, searches (seeing its own change) and then fails leaves the old name searchable.
    await expect(
      t.ledger.db.transaction().execute(async (trx) => {
        const ctx = contextFor(t.ledger, trx);
        await updateDonor(ctx, { id: donor.id, name: 'Quỹ Cỏ May' });
        const inside = await listPledges(ctx, {
          filter: { text: 'co may' },
          sort: { by: 'pledgeDate', dir: 'desc' },
          page: { offset: 0, limit: 50 },
          withTotal: true,
        });
        expect(inside.total).toBe(1);
        throw new Error('the call fails after searching');
      }),
    ).rejects.toThrow('the call fails');
    expect(await found('co may')).toBe(0);
    expect(await found('bông lúa')).toBe(1);
  });

  it('follows a donor renamed by another program working on the same file', async () => {
    const donor = await onePledge();
    expect(await found('qhs')).toBe(1);
    const other = await openLedger(t.file);
    await createLedgerService(other).invoke('donors.update', { id: donor.id, shortName: 'HSF' });
    await other.close();
    expect(await found('qhs')).toBe(0);
    expect(await found('hsf')).toBe(1);
  });
});
