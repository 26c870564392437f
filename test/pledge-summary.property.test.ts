/**
 * Property: on any ledger, the ledger's totals line read from the monthly totals is the one read from the pledges and
 * their deliveries themselves, to the đồng, for every filter the totals answer; and the other filters are read from
 * the pledges.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLEDGE_KINDS, PLEDGE_STATUSES, PledgeSummaryInput } from '../contract';
import { LedgerError } from '../contract/errors';
import { contextFor } from '../db/core/context';
import { summaryFromPledges, summaryTotalsFilter } from '../db/pledges/summary';
import { tempLedger } from './helpers';
import { propertyParams } from './random';

const DAY = 86_400_000;
const iso = (time: number) => new Date(time).toISOString().slice(0, 10);
const START = Date.parse('2021-01-01T00:00:00Z');

const pledgeArb = fc.record({
  donor: fc.integer({ min: 0, max: 3 }),
  place: fc.integer({ min: 0, max: 10 }),
  kind: fc.constantFrom(...PLEDGE_KINDS),
  /** VND; USD at its own recorded rate; USD with no rate given (the rates table's, or refused when it has none). */
  currency: fc.constantFrom('VND', 'USD', 'USD-table'),
  amount: fc.integer({ min: 0, max: 1_000_000_000_000 }),
  rate: fc.integer({ min: 20_000_00, max: 26_000_00 }), // hundredths of a đồng
  day: fc.integer({ min: 0, max: 1_500 }),
  /** Days after the pledge of each delivery, and its share of the amount in percent (at most all of it in all). */
  deliveries: fc.array(fc.record({ days: fc.integer({ min: 0, max: 800 }), share: fc.integer({ min: 1, max: 33 }) }), {
    maxLength: 3,
  }),
  /** The status set after the deliveries: cancelled pledges keep theirs. */
  status: fc.option(fc.constantFrom(...PLEDGE_STATUSES)),
  item: fc.integer({ min: -1, max: 1 }),
});

/** Which filter fields to set, each from a small pool (indices into the ledger's places, donors, items). */
const anyFilterArb = fc.record(
  {
    place: fc.integer({ min: 0, max: 10 }),
    donor: fc.integer({ min: 0, max: 3 }),
    kinds: fc.subarray([...PLEDGE_KINDS]),
    statuses: fc.subarray([...PLEDGE_STATUSES]),
    currencies: fc.subarray(['VND', 'USD', 'EUR']),
    item: fc.integer({ min: -1, max: 1 }),
    unitsOf: fc.constant('2025-07-01'),
    period: fc.record({ from: fc.integer({ min: 0, max: 1_500 }), days: fc.integer({ min: 0, max: 700 }) }),
    text: fc.constantFrom('', ' ', 'Cam', 'house', 'zz'),
  },
  { requiredKeys: [] },
);

type FilterChoice = typeof anyFilterArb extends fc.Arbitrary<infer T> ? T : never;

/** Filters of the shape the monthly totals answer: statuses, currencies and at most one of place, donor, kinds, item. */
const keyedFilterArb: fc.Arbitrary<FilterChoice> = fc
  .tuple(
    fc.record(
      { statuses: fc.subarray([...PLEDGE_STATUSES]), currencies: fc.subarray(['VND', 'USD', 'EUR']) },
      { requiredKeys: [] },
    ),
    fc.oneof(
      fc.constant({}),
      fc.record({ place: fc.integer({ min: 0, max: 10 }) }),
      fc.record({ donor: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ kinds: fc.subarray([...PLEDGE_KINDS], { minLength: 1 }) }),
      fc.record({ item: fc.integer({ min: -1, max: 1 }) }),
    ),
  )
  .map(([common, one]) => ({ ...common, ...one }));

const filterArb = fc.oneof(anyFilterArb, keyedFilterArb);

describe('pledges.summary', () => {
  it('from the monthly totals equals the summary read from the pledges, for every filter they answer', async () => {
    let fromTotals = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(pledgeArb, { maxLength: 20 }),
        fc.array(filterArb, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        async (pledges, filters, merge) => {
          const t = await tempLedger({ ids: 'summary' });
          try {
            const places = await t.service.invoke('places.list', {});
            const donors = [];
            for (let i = 0; i < 4; i++)
              donors.push(await t.service.invoke('donors.create', { name: `Nhà tài trợ ${i}`, kind: 'foreign_ngo' }));
            await t.service.invoke('rates.set', {
              currency: 'USD',
              validOn: '2022-06',
              rate: '23456.78',
              source: 'test',
            });
            const items = [];
            for (const i of [0, 1])
              items.push(
                await t.service.invoke('items.create', {
                  name: `Khoản ${i}`,
                  modality: 'project',
                  sector: 'health',
                  donorId: donors[i]!.id,
                  stage: 'proposed',
                  stageDate: '2021-01-01',
                }),
              );
            for (const p of pledges) {
              const rate = `${Math.floor(p.rate / 100)}.${String(p.rate % 100).padStart(2, '0')}`;
              const ownRate = p.currency === 'USD' ? { rate } : {};
              const pledgeDate = iso(START + p.day * DAY);
              let id: string;
              try {
                ({ id } = await t.service.invoke('pledges.create', {
                  donorId: donors[p.donor]!.id,
                  placeId: places[p.place]!.id,
                  kind: p.kind,
                  description: `Cam kết ${p.kind}`,
                  amountMinor: p.amount,
                  currency: p.currency === 'VND' ? 'VND' : 'USD',
                  ...ownRate,
                  pledgeDate,
                  ...(p.item >= 0 ? { itemId: items[p.item]!.id } : {}),
                }));
              } catch (error) {
                // A USD pledge dated before the first rate and given none is refused: it changes nothing.
                if (error instanceof LedgerError) continue;
                throw error;
              }
              for (const d of p.deliveries) {
                const amountMinor = Math.floor((p.amount * d.share) / 100);
                if (amountMinor === 0) continue;
                await t.service.invoke('deliveries.create', {
                  pledgeId: id,
                  deliveryDate: iso(START + (p.day + d.days) * DAY),
                  amountMinor,
                  ...ownRate,
                });
              }
              if (p.status) {
                try {
                  await t.service.invoke('pledges.update', { id, reason: 'Điều chỉnh thử', status: p.status });
                } catch (error) {
                  // A status the ledger refuses for the pledge's deliveries changes nothing.
                  if (!(error instanceof LedgerError)) throw error;
                }
              }
            }
            // Pledges of a donor merged into another count under both the merged one's id and its own.
            if (merge) await t.service.invoke('donors.merge', { id: donors[3]!.id, intoId: donors[0]!.id });

            const ctx = contextFor(t.ledger);
            for (const f of filters) {
              const filter = PledgeSummaryInput.parse({
                filter: {
                  ...(f.place !== undefined ? { placeId: places[f.place]!.id } : {}),
                  ...(f.donor !== undefined ? { donorId: donors[f.donor]!.id } : {}),
                  ...(f.kinds ? { kinds: f.kinds } : {}),
                  ...(f.statuses ? { statuses: f.statuses } : {}),
                  ...(f.currencies ? { currencies: f.currencies } : {}),
                  ...(f.item !== undefined ? (f.item < 0 ? { withoutItem: true } : { itemId: items[f.item]!.id }) : {}),
                  ...(f.unitsOf ? { unitsOf: f.unitsOf } : {}),
                  ...(f.period
                    ? { from: iso(START + f.period.from * DAY), to: iso(START + (f.period.from + f.period.days) * DAY) }
                    : {}),
                  ...(f.text !== undefined ? { text: f.text } : {}),
                },
              }).filter;
              const answered = await t.service.invoke('pledges.summary', { filter });
              const direct = await summaryFromPledges(ctx, filter);
              expect(answered, JSON.stringify(filter)).toEqual(direct);
              expect(answered.remainingVnd).toBe(answered.pledgedVnd - answered.deliveredVnd);
              if (summaryTotalsFilter(filter)) fromTotals++;
            }
          } finally {
            await t.close();
          }
        },
      ),
      propertyParams(20),
    );
    // The monthly totals answered a good share of the filters compared (no filter among them).
    expect(fromTotals).toBeGreaterThan(10);
  }, 300_000);

  it('reads the pledges for filters the monthly totals cannot answer exactly', () => {
    expect(summaryTotalsFilter({})).not.toBeNull();
    expect(summaryTotalsFilter({ statuses: ['cancelled'], currencies: ['USD'], kinds: ['house'] })?.keyed).toBe('kind');
    expect(summaryTotalsFilter({ placeId: 'p', unitsOf: '2025-07-01' })).toBeNull();
    expect(summaryTotalsFilter({ placeId: 'p', donorId: 'd' })).toBeNull();
    expect(summaryTotalsFilter({ from: '2024-01-01' })).toBeNull();
    expect(summaryTotalsFilter({ to: '2024-12-31' })).toBeNull();
    expect(summaryTotalsFilter({ sectors: ['health'] })).toBeNull();
    expect(summaryTotalsFilter({ text: 'nhà' })).toBeNull();
    expect(summaryTotalsFilter({ text: ' ' })).not.toBeNull();
  });
});
