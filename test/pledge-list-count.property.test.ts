/**
 * Property: on any ledger, the count the ledger's list gives with its first page (read from the monthly totals when
 * they are keyed by everything the filter holds) is the number of rows the same filter lists, for any filter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLEDGE_KINDS, PLEDGE_STATUSES, PledgeListInput } from '../contract';
import { LedgerError } from '../contract/errors';
import { contextFor } from '../db/core/context';
import { countFromTotals } from '../db/totals';
import { tempLedger } from './helpers';
import { propertyParams } from './random';

const pledgeArb = fc.record({
  donor: fc.integer({ min: 0, max: 2 }),
  place: fc.integer({ min: 0, max: 6 }),
  kind: fc.constantFrom(...PLEDGE_KINDS),
  usd: fc.boolean(),
  month: fc.integer({ min: 0, max: 30 }),
  status: fc.option(fc.constantFrom(...PLEDGE_STATUSES)),
  item: fc.boolean(),
  deleted: fc.boolean(),
});

/** Filters the monthly totals answer (statuses, currencies, one of place, donor, kinds, item) and some they do not. */
const filterArb = fc.record(
  {
    statuses: fc.subarray([...PLEDGE_STATUSES]),
    currencies: fc.subarray(['VND', 'USD']),
    one: fc.oneof(
      fc.record({ place: fc.integer({ min: 0, max: 6 }) }),
      fc.record({ donor: fc.integer({ min: 0, max: 2 }) }),
      fc.record({ kinds: fc.subarray([...PLEDGE_KINDS], { minLength: 1 }) }),
      fc.record({ item: fc.boolean() }),
      fc.record({ from: fc.integer({ min: 0, max: 30 }) }),
    ),
  },
  { requiredKeys: [] },
);

type FilterChoice = typeof filterArb extends fc.Arbitrary<infer T> ? T : never;
/** One of the filter's fields besides statuses and currencies, or none. */
type OneChoice = {
  place?: number;
  donor?: number;
  kinds?: (typeof PLEDGE_KINDS)[number][];
  item?: boolean;
  from?: number;
};

const dateOf = (month: number) => `${2022 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-10`;

describe('pledges.list', () => {
  it('counts with its first page the rows its filter lists', async () => {
    let fromTotals = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(pledgeArb, { minLength: 3, maxLength: 25 }),
        fc.array(filterArb, { minLength: 1, maxLength: 10 }),
        async (pledges, filters) => {
          const t = await tempLedger({ ids: 'list-count' });
          try {
            const places = await t.service.invoke('places.list', {});
            const donors = [];
            for (let i = 0; i < 3; i++)
              donors.push(await t.service.invoke('donors.create', { name: `Nhà tài trợ ${i}`, kind: 'foreign_ngo' }));
            const item = await t.service.invoke('items.create', {
              name: 'Khoản 0',
              modality: 'project',
              sector: 'health',
              donorId: donors[0]!.id,
              stage: 'proposed',
              stageDate: '2021-01-01',
            });
            for (const p of pledges) {
              const { id } = await t.service.invoke('pledges.create', {
                donorId: donors[p.donor]!.id,
                placeId: places[p.place]!.id,
                kind: p.kind,
                description: `Cam kết ${p.kind}`,
                amountMinor: 1_000_000,
                currency: p.usd ? 'USD' : 'VND',
                ...(p.usd ? { rate: '25000' } : {}),
                pledgeDate: dateOf(p.month),
                ...(p.item ? { itemId: item.id } : {}),
              });
              if (p.status) {
                try {
                  await t.service.invoke('pledges.update', { id, reason: 'Điều chỉnh thử', status: p.status });
                } catch (error) {
                  // A status the ledger refuses changes nothing.
                  if (!(error instanceof LedgerError)) throw error;
                }
              }
              if (p.deleted) await t.service.invoke('pledges.delete', { id });
            }
            const ctx = contextFor(t.ledger);
            for (const f of [{} as FilterChoice, ...filters]) {
              const one: OneChoice = f.one ?? {};
              const filter = PledgeListInput.parse({
                filter: {
                  ...(f.statuses ? { statuses: f.statuses } : {}),
                  ...(f.currencies ? { currencies: f.currencies } : {}),
                  ...(one.place !== undefined ? { placeId: places[one.place]!.id } : {}),
                  ...(one.donor !== undefined ? { donorId: donors[one.donor]!.id } : {}),
                  ...(one.kinds ? { kinds: one.kinds } : {}),
                  ...(one.item !== undefined ? (one.item ? { itemId: item.id } : { withoutItem: true }) : {}),
                  ...(one.from !== undefined ? { from: dateOf(one.from) } : {}),
                },
              }).filter;
              const { rows } = await t.service.invoke('pledges.list', { filter, page: { offset: 0, limit: 500 } });
              // A page of one row: the count is not the page's length.
              const { total } = await t.service.invoke('pledges.list', {
                filter,
                page: { offset: 0, limit: 1 },
                withTotal: true,
              });
              expect(total, JSON.stringify(filter)).toBe(rows.length);
              if ((await countFromTotals(ctx, filter)) !== null) fromTotals++;
            }
          } finally {
            await t.close();
          }
        },
      ),
      propertyParams(15),
    );
    // The monthly totals answered a good share of the filters compared.
    expect(fromTotals).toBeGreaterThan(20);
  }, 300_000);
});
