/** Property: on any ledger, totals over every grouping add up to the same grand total, which equals the sum of the rows. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PLEDGE_KINDS, PLEDGE_STATUSES, TOTALS_GROUPINGS } from '../contract';
import { readAllRows } from '../db/totals';
import { tempLedger, totalsAgainstRows, type TestLedger } from './helpers';
import { propertyParams } from './random';

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
  /** The aid item the line goes in (of `threeItems`), or none (-1). */
  item: fc.integer({ min: -1, max: 2 }),
});

const iso = (d: Date) => d.toISOString().slice(0, 10);

/** The seeded places, four donors and a USD rate: what every random ledger here starts from. */
async function fourDonorsAndARate(t: TestLedger) {
  const places = await t.service.invoke('places.list', {});
  const donors = [];
  for (let i = 0; i < 4; i++)
    donors.push(await t.service.invoke('donors.create', { name: `Nhà tài trợ ${i}`, kind: 'foreign_ngo' }));
  await t.service.invoke('rates.set', { currency: 'USD', validOn: '2022-06', rate: '23456.78', source: 'test' });
  return { places, donors };
}

/** Three aid items of different sectors, modalities and stages, for lines to belong to. */
async function threeItems(t: TestLedger, donors: { id: string }[]) {
  const items = [];
  for (const [i, [modality, sector]] of (
    [
      ['programme', 'health'],
      ['project', 'education'],
      ['non_project', 'Văn hóa'],
    ] as const
  ).entries()) {
    items.push(
      await t.service.invoke('items.create', {
        name: `Khoản ${i}`,
        modality,
        sector,
        donorId: donors[i]!.id,
        stage: i === 2 ? 'approved' : 'proposed',
        stageDate: '2021-01-01',
        ...(i === 2 ? { approvalNumber: '12/QĐ-UBND', approvalDate: '2021-01-01' } : {}),
      }),
    );
  }
  return items;
}

describe('totals', () => {
  it('add up over every grouping and equal the sum of the ledger rows', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(pledgeArb, { minLength: 0, maxLength: 25 }),
        fc.option(
          fc.record({
            from: fc.date({
              min: new Date('2021-01-01T00:00:00Z'),
              max: new Date('2026-01-01T00:00:00Z'),
              noInvalidDate: true,
            }),
            days: fc.integer({ min: 0, max: 900 }),
          }),
        ),
        async (pledges, range) => {
          const t = await tempLedger({ ids: 'totals' });
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
              if (p.status === 'cancelled')
                await t.service.invoke('pledges.update', {
                  reason: 'Điều chỉnh thử',
                  id: created.id,
                  status: 'cancelled',
                });
            }
            const filter = range
              ? { from: iso(range.from), to: iso(new Date(range.from.getTime() + range.days * 86_400_000)) }
              : {};
            const inRange = (date: string) =>
              (!filter.from || date >= filter.from) && (!filter.to || date <= filter.to);

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
              const sum = result.groups.reduce(
                (s, g) => ({ p: s.p + BigInt(g.pledged), d: s.d + BigInt(g.delivered) }),
                { p: 0n, d: 0n },
              );
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
      propertyParams(30),
    );
  }, 120_000);
});

describe('monthly totals', () => {
  /** `pick` chooses among the pledges in the order they were made; -1 is the latest (the history's own last pledge). */
  const pick = fc.integer({ min: -1, max: 1_000 });
  const create = fc.record({ kind: fc.constant('create' as const), p: pledgeArb });
  const item = fc.integer({ min: -1, max: 2 });
  const edit = fc.record({
    kind: fc.constant('edit' as const),
    pick,
    status: fc.constantFrom(...PLEDGE_STATUSES),
    place: fc.integer({ min: 0, max: 10 }),
    donor: fc.integer({ min: 0, max: 3 }),
    pledgeKind: fc.constantFrom(...PLEDGE_KINDS),
    amount: fc.integer({ min: 0, max: 1_000_000_000 }),
    item,
  });
  /** Lines moved into another item (or out of any) in one step. */
  const attach = fc.record({ kind: fc.constant('attach' as const), pick, item });
  /** An item's own sector and modality changed: its lines' figures follow it. */
  const reclassify = fc.record({
    kind: fc.constant('reclassify' as const),
    item: fc.integer({ min: 0, max: 2 }),
    sector: fc.constantFrom('health', 'social', 'environment', 'Văn hóa'),
    modality: fc.constantFrom('programme', 'project', 'non_project'),
  });
  const deliver = fc.record({
    kind: fc.constant('deliver' as const),
    pick,
    share: fc.integer({ min: 1, max: 100 }),
    days: fc.integer({ min: 0, max: 400 }),
  });
  const moveDelivery = fc.record({
    kind: fc.constant('moveDelivery' as const),
    pick,
    days: fc.integer({ min: -200, max: 200 }),
  });
  const deleteDelivery = fc.record({ kind: fc.constant('deleteDelivery' as const), pick });
  const remove = fc.record({ kind: fc.constant('delete' as const), pick });
  const op = fc.oneof(create, edit, deliver, moveDelivery, deleteDelivery, remove, attach, reclassify);
  /** `fixed`: a step of the history's fixed part, which must be accepted; random steps the ledger refuses change nothing. */
  type Op = (typeof op extends fc.Arbitrary<infer T> ? T : never) & { fixed?: true };

  /**
   * A random history that always ends with every kind of change applied at least once: a pledge of its own (not
   * cancelled, some money to deliver), delivered, the delivery moved, the pledge edited, a second delivery deleted,
   * and another pledge deleted — so "every kind of edit" holds by construction, whatever the random part did.
   */
  const history = fc
    .tuple(
      fc.array(op, { maxLength: 30 }),
      pledgeArb,
      edit,
      deliver,
      moveDelivery,
      pledgeArb,
      fc.nat(),
      reclassify,
      item,
    )
    .map(([random, own, lastEdit, lastDelivery, lastMove, doomed, cut, lastReclassify, lastItem]): Op[] => {
      const ownPledge = {
        ...own,
        amount: Math.max(own.amount, 1_000),
        status: own.status === 'cancelled' ? ('pledged' as const) : own.status,
      };
      const tail: Op[] = (
        [
          { kind: 'create', p: doomed },
          { kind: 'delete', pick: -1 },
          { kind: 'create', p: ownPledge },
          { ...lastDelivery, pick: -1, share: 50 },
          // Later, never before the pledge's date (which the ledger refuses).
          { ...lastMove, pick: -1, days: Math.abs(lastMove.days) },
          { kind: 'deliver', pick: -1, share: 10, days: 0 },
          { kind: 'deleteDelivery', pick: -1 },
          { ...lastEdit, pick: -1 },
          // Into an item other than the one the edit left it in, then that item reclassified.
          {
            kind: 'attach',
            pick: -1,
            item: lastItem === lastEdit.item ? (lastItem === 2 ? -1 : lastItem + 1) : lastItem,
          },
          lastReclassify,
        ] as Op[]
      ).map((step) => ({ ...step, fixed: true as const }));
      // The random part is cut in two around the fixed steps, so they meet ledgers of every shape.
      const at = random.length ? cut % (random.length + 1) : 0;
      return [...random.slice(0, at), ...tail, ...random.slice(at)];
    });
  const monthStart = fc
    .date({ min: new Date('2021-01-01T00:00:00Z'), max: new Date('2025-12-01T00:00:00Z'), noInvalidDate: true })
    .map((d) => iso(d).slice(0, 7));

  it('kept by triggers through every kind of edit equal the totals read from every pledge', async () => {
    await fc.assert(
      fc.asyncProperty(history, monthStart, fc.integer({ min: 0, max: 30 }), async (ops, fromMonth, months) => {
        const t = await tempLedger({ ids: 'monthly totals' });
        const applied = {
          create: 0,
          edit: 0,
          deliver: 0,
          moveDelivery: 0,
          deleteDelivery: 0,
          delete: 0,
          attach: 0,
          reclassify: 0,
        };
        try {
          const { places, donors } = await fourDonorsAndARate(t);
          const items = await threeItems(t, donors);
          const itemId = (i: number) => (i < 0 ? null : items[i]!.id);
          // In the order they were made (ids are random: ordering by them would pick differently in every run).
          const ids = () =>
            (t.ledger.sqlite.prepare('SELECT id FROM pledges ORDER BY rowid').all() as { id: string }[]).map(
              (r) => r.id,
            );
          const deliveryRows = () =>
            t.ledger.sqlite
              .prepare('SELECT id, pledge_id, delivery_date, currency FROM deliveries ORDER BY rowid')
              .all() as { id: string; pledge_id: string; delivery_date: string; currency: string }[];
          const chosen = <T>(list: T[], index: number) =>
            index < 0 ? list[list.length - 1] : list[index % list.length];
          let latest: string | undefined;
          /** The latest pledge made, while it stands; otherwise one picked among those standing. */
          const pledgeFor = (index: number) =>
            index < 0 && latest && ids().includes(latest) ? latest : chosen(ids(), Math.max(index, 0));
          for (const o of ops) {
            /** Whether the step was applied; a fixed step must be. */
            const ok = (result: { ok: boolean; error?: unknown }, what: string) => {
              if (!result.ok && o.fixed)
                throw new Error(`${what} (a fixed step) refused: ${JSON.stringify(result.error)}`);
              return result.ok;
            };
            if (o.kind === 'create') {
              const result = await t.service.call('pledges.create', {
                donorId: donors[o.p.donor]!.id,
                placeId: places[o.p.place]!.id,
                kind: o.p.kind,
                description: 'Cam kết',
                amountMinor: o.p.amount,
                currency: o.p.usd ? 'USD' : 'VND',
                ...(o.p.usd ? { rate: '23000' } : {}),
                pledgeDate: iso(o.p.date),
                status: o.p.status,
                itemId: itemId(o.p.item),
              });
              if (ok(result, 'create')) {
                latest = (result as { result: { id: string } }).result.id;
                applied.create++;
              }
            } else if (o.kind === 'edit' && ids().length) {
              const id = pledgeFor(o.pick)!;
              const detail = await t.service.invoke('pledges.get', { id });
              const delivered = detail.pledge.amountMinor - detail.remaining.amountMinor;
              const result = await t.service.call('pledges.update', {
                id,
                reason: 'Điều chỉnh thử',
                status: o.status,
                placeId: places[o.place]!.id,
                donorId: donors[o.donor]!.id,
                kind: o.pledgeKind,
                amountMinor: Math.max(o.amount, delivered),
                itemId: itemId(o.item),
              });
              if (ok(result, 'edit')) applied.edit++;
            } else if (o.kind === 'deliver' && ids().length) {
              const id = pledgeFor(o.pick)!;
              const detail = await t.service.invoke('pledges.get', { id });
              const amount = Math.floor((detail.remaining.amountMinor * o.share) / 100);
              if (amount > 0 && detail.pledge.status !== 'cancelled') {
                const result = await t.service.call('deliveries.create', {
                  pledgeId: id,
                  deliveryDate: iso(new Date(Date.parse(detail.pledge.pledgeDate) + o.days * 86_400_000)),
                  amountMinor: amount,
                  ...(detail.pledge.currency === 'USD' ? { rate: '23100' } : {}),
                });
                if (ok(result, 'deliver')) applied.deliver++;
              } else if (o.fixed)
                throw new Error(`nothing to deliver on the history's own pledge: ${JSON.stringify(detail)}`);
            } else if (o.kind === 'moveDelivery' && deliveryRows().length) {
              const d = chosen(deliveryRows(), o.pick)!;
              if (
                ok(
                  await t.service.call('deliveries.update', {
                    id: d.id,
                    deliveryDate: iso(new Date(Date.parse(d.delivery_date) + o.days * 86_400_000)),
                    ...(d.currency === 'USD' ? { rate: '23200' } : {}),
                  }),
                  'move a delivery',
                )
              )
                applied.moveDelivery++;
            } else if (o.kind === 'deleteDelivery' && deliveryRows().length) {
              if (
                ok(
                  await t.service.call('deliveries.delete', { id: chosen(deliveryRows(), o.pick)!.id }),
                  'delete a delivery',
                )
              )
                applied.deleteDelivery++;
            } else if (o.kind === 'attach' && ids().length) {
              if (
                ok(
                  await t.service.call('items.attach', { itemId: itemId(o.item), pledgeIds: [pledgeFor(o.pick)!] }),
                  'attach',
                )
              )
                applied.attach++;
            } else if (o.kind === 'reclassify') {
              if (
                ok(
                  await t.service.call('items.update', {
                    id: items[o.item]!.id,
                    sector: o.sector,
                    modality: o.modality,
                    reason: 'Phân loại lại',
                  }),
                  'reclassify',
                )
              )
                applied.reclassify++;
            } else if (o.kind === 'delete' && ids().length) {
              if (ok(await t.service.call('pledges.delete', { id: pledgeFor(o.pick)! }), 'delete')) applied.delete++;
            }
          }
          // Every kind of change happened in this history (the fixed steps see to it).
          for (const [kind, n] of Object.entries(applied)) expect(n, kind).toBeGreaterThan(0);
          // Every totals table holds what its rows add up to.
          const { stored, fromRows } = totalsAgainstRows(t.ledger);
          expect(stored).toEqual(fromRows);
          const to = new Date(
            Date.UTC(Number(fromMonth.slice(0, 4)), Number(fromMonth.slice(5, 7)) - 1 + months + 1, 0),
          );
          const filters = [
            {},
            { from: `${fromMonth}-01`, to: iso(to) },
            { from: `${fromMonth}-01`, statuses: ['cancelled' as const, 'completed' as const] },
            { to: iso(to), currencies: ['USD'] },
            // By what the lines' items are: read from the totals by item.
            { sectors: ['health', 'Văn hóa'] },
            { from: `${fromMonth}-01`, modalities: ['project' as const] },
            { stages: ['approved' as const], to: iso(to) },
            { withoutItem: true },
            { itemId: items[1]!.id, currencies: ['VND'] },
          ];
          for (const filter of filters) {
            for (const by of TOTALS_GROUPINGS) {
              for (const currency of ['VND', 'USD'] as const) {
                const input = { by, filter, in: currency };
                readAllRows.value = true;
                const fromRows = await t.service.invoke('totals', input);
                readAllRows.value = false;
                expect(await t.service.invoke('totals', input), JSON.stringify(input)).toEqual(fromRows);
              }
            }
          }
          // The report's figures to date come from the place-and-kind and donor monthly totals.
          const quarter = `${fromMonth.slice(0, 4)}-Q${Math.floor((Number(fromMonth.slice(5, 7)) - 1) / 3) + 1}`;
          for (const [period, placeId] of [
            [quarter],
            ['2028'],
            ['2028', places.find((p) => p.level === 'district')!.id],
          ]) {
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
      propertyParams(22),
    );
  }, 240_000);
});
