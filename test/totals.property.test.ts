/** Property: on any ledger, totals over every grouping add up to the same grand total, which equals the sum of the rows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLEDGE_KINDS, PLEDGE_STATUSES, TOTALS_GROUPINGS } from '../contract';
import { readAllRows } from '../db/totals';
import { tempLedger, type TestLedger } from './helpers';

const pledgeArb = fc.record({
  donor: fc.integer({ min: 0, max: 3 }),
  place: fc.integer({ min: 0, max: 10 }),
  kind: fc.constantFrom(...PLEDGE_KINDS),
  status: fc.constantFrom(...PLEDGE_STATUSES),
  usd: fc.boolean(),
  amount: fc.integer({ min: 0, max: 1_000_000_000_000 }),
  rate: fc.integer({ min: 20_000_00, max: 26_000_00 }), // hundredths of a đồng
  date: fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2025-06-30T00:00:00Z'), noInvalidDate: true }),
  deliveredShare: fc.integer({ min: 0, max: 100 }),
  deliveryDays: fc.integer({ min: 0, max: 400 }),
});

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The seeded places, four donors and a USD rate: what every random ledger here starts from. */
async function fourDonorsAndARate(t: TestLedger) {
  const places = await t.service.invoke('places.list', {});
  const donors = [];
  for (let i = 0; i < 4; i++) donors.push(await t.service.invoke('donors.create', { name: `Nhà tài trợ ${i}`, kind: 'foreign_ngo' }));
  await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-06', rate: '23456.78', source: 'test' });
  return { places, donors };
}

describe('totals', () => {
  it('add up over every grouping and equal the sum of the ledger rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pledgeArb, { minLength: 0, maxLength: 25 }),
        fc.option(fc.record({ from: fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2026-01-01T00:00:00Z'), noInvalidDate: true }), days: fc.integer({ min: 0, max: 900 }) })),
        async (pledges, range) => {
          const t = await tempLedger();
          try {
            const { places, donors } = await fourDonorsAndARate(t);
            for (const p of pledges) {
              const rate = `${Math.floor(p.rate / 100)}.${String(p.rate % 100).padStart(2, '0')}`;
              const created = await t.service.invoke('pledges.create', {
                donorId: donors[p.donor]!.id,
                placeId: places[p.place]!.id,
                kind: p.kind,
                description: `Cam kết ${p.kind}`,
                amountMinor: p.amount,
                currency: p.usd ? 'USD' : 'VND',
                ...(p.usd ? { rate } : {}),
                pledgeDate: iso(p.date),
                status: p.status === 'cancelled' ? 'pledged' : p.status,
              });
              const share = Math.floor((p.amount * p.deliveredShare) / 100);
              if (share > 0) {
                await t.service.invoke('deliveries.create', {
                  pledgeId: created.id,
                  deliveryDate: iso(new Date(p.date.getTime() + p.deliveryDays * 86_400_000)),
                  amountMinor: share,
                  ...(p.usd ? { rate } : {}),
                });
              }
              if (p.status === 'cancelled') await t.service.invoke('pledges.update', { id: created.id, status: 'cancelled' });
            }
            const filter = range ? { from: iso(range.from), to: iso(new Date(range.from.getTime() + range.days * 86_400_000)) } : {};
            const inRange = (date: string) => (!filter.from || date >= filter.from) && (!filter.to || date <= filter.to);

            // Independent sums: every pledge row read back through pledges.list and every delivery through pledges.get.
            const { rows } = await t.service.invoke('pledges.list', { page: { offset: 0, limit: 500 } });
            let pledged = 0n;
            let delivered = 0n;
            for (const row of rows) {
              if (row.status === 'cancelled') continue;
              if (inRange(row.pledgeDate)) pledged += BigInt(row.vndEquivalent);
              for (const d of (await t.service.invoke('pledges.get', { id: row.id })).deliveries) {
                if (inRange(d.deliveryDate)) delivered += BigInt(d.vndEquivalent);
              }
            }
            for (const by of TOTALS_GROUPINGS) {
              const result = await t.service.invoke('totals', { by, filter });
              const sum = result.groups.reduce((s, g) => ({ p: s.p + BigInt(g.pledged), d: s.d + BigInt(g.delivered) }), { p: 0n, d: 0n });
              expect(sum.p).toBe(BigInt(result.total.pledged));
              expect(sum.d).toBe(BigInt(result.total.delivered));
              expect(BigInt(result.total.pledged)).toBe(pledged);
              expect(BigInt(result.total.delivered)).toBe(delivered);
              expect(new Set(result.groups.map((g) => g.key)).size).toBe(result.groups.length);
              const usd = await t.service.invoke('totals', { by, filter, in: 'USD' });
              const usdSum = usd.groups.reduce((s, g) => s + BigInt(g.pledged), 0n);
              expect(usdSum).toBe(BigInt(usd.total.pledged));
            }
          } finally {
            await t.close();
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 120_000);
});

describe('monthly totals', () => {
  const op = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), p: pledgeArb }),
    fc.record({ kind: fc.constant('edit' as const), pick: fc.nat(), status: fc.constantFrom(...PLEDGE_STATUSES), place: fc.integer({ min: 0, max: 10 }), donor: fc.integer({ min: 0, max: 3 }), pledgeKind: fc.constantFrom(...PLEDGE_KINDS), amount: fc.integer({ min: 0, max: 1_000_000_000 }) }),
    fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat(), share: fc.integer({ min: 1, max: 100 }), days: fc.integer({ min: 0, max: 400 }) }),
    fc.record({ kind: fc.constant('moveDelivery' as const), pick: fc.nat(), days: fc.integer({ min: -200, max: 200 }) }),
    fc.record({ kind: fc.constant('deleteDelivery' as const), pick: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  );
  const monthStart = fc.date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2025-12-01T00:00:00Z'), noInvalidDate: true }).map((d) => iso(d).slice(0, 7));

  it('kept by triggers through every kind of edit equal the totals read from every pledge', async () => {
    let edits = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), monthStart, fc.integer({ min: 0, max: 30 }), async (ops, fromMonth, months) => {
        const t = await tempLedger();
        try {
          const { places, donors } = await fourDonorsAndARate(t);
          const ids = () => (t.ledger.sqlite.prepare('SELECT id FROM pledges ORDER BY id').all() as { id: string }[]).map((r) => r.id);
          const deliveryIds = () => (t.ledger.sqlite.prepare('SELECT id, pledge_id, delivery_date FROM deliveries ORDER BY id').all() as { id: string; pledge_id: string; delivery_date: string }[]);
          for (const o of ops) {
            // Edits the ledger refuses (a delivery beyond what remains, say) change nothing, totals included.
            if (o.kind === 'create') {
              await t.service.call('pledges.create', {
                donorId: donors[o.p.donor]!.id, placeId: places[o.p.place]!.id, kind: o.p.kind, description: 'Cam kết', amountMinor: o.p.amount,
                currency: o.p.usd ? 'USD' : 'VND', ...(o.p.usd ? { rate: '23000' } : {}), pledgeDate: iso(o.p.date), status: o.p.status,
              });
            } else if (o.kind === 'edit' && ids().length) {
              const id = ids()[o.pick % ids().length]!;
              const detail = await t.service.invoke('pledges.get', { id });
              const delivered = detail.pledge.amountMinor - detail.remaining.amountMinor;
              const result = await t.service.call('pledges.update', {
                id, status: o.status, placeId: places[o.place]!.id, donorId: donors[o.donor]!.id, kind: o.pledgeKind, amountMinor: Math.max(o.amount, delivered),
              });
              if (!result.ok) throw new Error(JSON.stringify(result.error));
              edits++;
            } else if (o.kind === 'deliver' && ids().length) {
              const id = ids()[o.pick % ids().length]!;
              const detail = await t.service.invoke('pledges.get', { id });
              const amount = Math.floor((detail.remaining.amountMinor * o.share) / 100);
              if (amount > 0) await t.service.call('deliveries.create', { pledgeId: id, deliveryDate: iso(new Date(Date.parse(detail.pledge.pledgeDate) + o.days * 86_400_000)), amountMinor: amount });
            } else if (o.kind === 'moveDelivery' && deliveryIds().length) {
              const d = deliveryIds()[o.pick % deliveryIds().length]!;
              await t.service.call('deliveries.update', { id: d.id, deliveryDate: iso(new Date(Date.parse(d.delivery_date) + o.days * 86_400_000)) });
            } else if (o.kind === 'deleteDelivery' && deliveryIds().length) {
              await t.service.call('deliveries.delete', { id: deliveryIds()[o.pick % deliveryIds().length]!.id });
            } else if (o.kind === 'delete' && ids().length) {
              await t.service.call('pledges.delete', { id: ids()[o.pick % ids().length]! });
            }
          }
          const to = new Date(Date.UTC(Number(fromMonth.slice(0, 4)), Number(fromMonth.slice(5, 7)) - 1 + months + 1, 0));
          const filters = [{}, { from: `${fromMonth}-01`, to: iso(to) }, { from: `${fromMonth}-01`, statuses: ['cancelled' as const, 'completed' as const] }, { to: iso(to), currencies: ['USD'] }];
          for (const filter of filters) {
            for (const by of TOTALS_GROUPINGS) {
              for (const currency of ['VND', 'USD'] as const) {
                const input = { by, filter, in: currency };
                readAllRows.value = true;
                const fromRows = await t.service.invoke('totals', input);
                readAllRows.value = false;
                expect(await t.service.invoke('totals', input)).toEqual(fromRows);
              }
            }
          }
          // The report's figures to date come from the place-and-kind and donor monthly totals.
          const quarter = `${fromMonth.slice(0, 4)}-Q${Math.floor((Number(fromMonth.slice(5, 7)) - 1) / 3) + 1}`;
          for (const [period, placeId] of [[quarter], ['2028'], ['2028', places.find((p) => p.level === 'district')!.id]]) {
            const input = { period: period!, ...(placeId ? { placeId } : {}) };
            readAllRows.value = true;
            const fromRows = await t.service.invoke('reports.preview', input);
            readAllRows.value = false;
            expect(await t.service.invoke('reports.preview', input)).toEqual(fromRows);
          }
        } finally {
          readAllRows.value = false;
          await t.close();
        }
      }),
      { numRuns: 30 },
    );
    expect(edits).toBeGreaterThan(0);
  }, 240_000);
});
