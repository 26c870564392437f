/**
 * Quantities unit by unit (`totals` with perUnit): on the Cao Bằng demo the houses (căn) and the households (hộ) stay
 * apart, the scholarships (no quantity) are counted as pledges without one, and every group's units agree with its
 * pledges read one by one, whatever the filter, grouping or currency.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PledgeFilter, PledgeRow, TotalsGrouping } from '../contract';
import { milliToQuantity, quantityToMilli } from '../contract/money';
import { loadDemo, readFixture } from '../db/samples/demo';
import { FIXTURE, tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
beforeAll(async () => {
  t = await tempLedger({ seed: false });
  await loadDemo(t.ledger, readFixture(FIXTURE));
});
afterAll(() => t.close());

async function rowsOf(filter: PledgeFilter): Promise<PledgeRow[]> {
  const statuses = filter.statuses?.length ? filter.statuses : (['pledged', 'in_progress', 'completed'] as const);
  return (
    await t.service.invoke('pledges.list', {
      filter: { ...filter, statuses: [...statuses] },
      page: { offset: 0, limit: 500 },
    })
  ).rows;
}

/** What the pledges read one by one give: per kind, each unit's quantity and pledges, and those with no quantity. */
function unitsOfRows(rows: PledgeRow[]) {
  const out = new Map<string, { units: Map<string, { milli: number; n: number }>; without: number }>();
  for (const row of rows) {
    const group = out.get(row.kind) ?? { units: new Map(), without: 0 };
    out.set(row.kind, group);
    if (row.quantity === null) {
      group.without++;
      continue;
    }
    const unit = (row.unit ?? '').trim().toLowerCase();
    const known = group.units.get(unit) ?? { milli: 0, n: 0 };
    known.milli += quantityToMilli(row.quantity);
    known.n++;
    group.units.set(unit, known);
  }
  return out;
}

describe('quantities unit by unit', () => {
  it('tells houses from households, and counts the pledges that have no quantity', async () => {
    const byKind = await t.service.invoke('totals', { by: 'kind', perUnit: true });
    const kind = (key: string) => byKind.groups.find((g) => g.key === key)!;
    expect(kind('house').units).toEqual([
      { unit: 'căn', quantity: '12', pledgeCount: 2 },
      { unit: 'hộ', quantity: '20', pledgeCount: 1 },
    ]);
    expect(kind('house').withoutQuantity).toBe(0);
    expect(kind('gift').units).toEqual([{ unit: 'suất', quantity: '1000', pledgeCount: 1 }]);
    expect(kind('gift').withoutQuantity).toBe(1);
    expect(kind('scholarship').units).toEqual([]);
    expect(kind('scholarship').withoutQuantity).toBe(2);
    // Not asked: the groups are as before.
    const plain = await t.service.invoke('totals', { by: 'kind' });
    expect(plain.groups.every((g) => g.units === undefined && g.withoutQuantity === undefined)).toBe(true);
  });

  it('agrees with the pledges read one by one, for every filter, grouping and currency', async () => {
    // A unit written another way ("Căn " with a capital and a space) is the same unit.
    const places = await t.service.invoke('places.list', {});
    const donors = await t.service.invoke('donors.list', {});
    await t.service.invoke('pledges.create', {
      donorId: donors[0]!.id,
      placeId: places.find((p) => p.level === 'province')!.id,
      kind: 'house',
      description: 'Nhà đại đoàn kết',
      quantity: '3.5',
      unit: 'Căn ',
      amountMinor: 50_000_000,
      currency: 'VND',
      pledgeDate: '2022-09-15',
    });
    const filters: PledgeFilter[] = [
      {},
      { from: '2022-08-01', to: '2022-12-31' },
      { kinds: ['house'] },
      { text: 'ngheo' },
    ];
    for (const filter of filters) {
      const expected = unitsOfRows(await rowsOf(filter));
      for (const currency of ['VND', 'USD'] as const) {
        const totals = await t.service.invoke('totals', { by: 'kind', filter, in: currency, perUnit: true });
        for (const group of totals.groups) {
          const want = expected.get(group.key)!;
          const context = JSON.stringify({ filter, currency, kind: group.key });
          expect(group.withoutQuantity, context).toBe(want.without);
          expect(
            Object.fromEntries(group.units!.map((u) => [u.unit.toLowerCase(), [u.quantity, u.pledgeCount]])),
            context,
          ).toEqual(Object.fromEntries([...want.units].map(([unit, u]) => [unit, [milliToQuantity(u.milli), u.n]])));
        }
      }
    }
    const house = (await t.service.invoke('totals', { by: 'kind', perUnit: true })).groups.find(
      (g) => g.key === 'house',
    )!;
    expect(house.units).toEqual([
      { unit: 'Căn', quantity: '15.5', pledgeCount: 3 },
      { unit: 'hộ', quantity: '20', pledgeCount: 1 },
    ]);
  });

  it('counts each group by the same keys as its sums (places rolled up, donors)', async () => {
    for (const by of ['place', 'donor', 'quarter'] as TotalsGrouping[]) {
      const totals = await t.service.invoke('totals', { by, perUnit: true });
      for (const group of totals.groups) {
        const withQuantity = group.units!.reduce((n, u) => n + u.pledgeCount, 0);
        expect(withQuantity + group.withoutQuantity!, `${by} ${group.label}`).toBe(group.pledgeCount);
      }
    }
  });
});
