/**
 * Property: random edit histories at three installations exchanging bundles in random order. Imports are
 * idempotent; after a full exchange every installation holds the same ledger; the order bundles are imported in
 * does not matter; and no pledge vanishes unless it was deleted. The histories include donors entered under the
 * same name at several installations and donors merged by hand, possibly into each other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contextFor } from '../db/core/context';
import type { Ledger } from '../db/core/open';
import { exportBundle } from '../db/sync/export';
import { importBundle } from '../db/sync/import';
import { introduce, tempLedger, type TestLedger } from './helpers';
import { LONG, propertyParams, scenarioClock } from './random';

type Op =
  | { kind: 'create'; site: number; amount: number; donor: number }
  | { kind: 'donor'; site: number; name: number }
  | { kind: 'merge'; site: number; pick: number; into: number }
  | { kind: 'update'; site: number; pick: number; amount: number }
  | { kind: 'delete'; site: number; pick: number }
  | { kind: 'send'; from: number; to: number; all: boolean };

// Weighted towards edits of shared records, so edits made without seeing each other are common.
const op: fc.Arbitrary<Op> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('create' as const),
      site: fc.integer({ min: 0, max: 2 }),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
      donor: fc.nat(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('donor' as const),
      site: fc.integer({ min: 0, max: 2 }),
      name: fc.integer({ min: 0, max: 3 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('merge' as const),
      site: fc.integer({ min: 0, max: 2 }),
      pick: fc.nat(),
      into: fc.nat(),
    }),
  },
  {
    weight: 5,
    arbitrary: fc.record({
      kind: fc.constant('update' as const),
      site: fc.integer({ min: 0, max: 2 }),
      pick: fc.nat(),
      amount: fc.integer({ min: 1, max: 1_000_000 }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('delete' as const),
      site: fc.integer({ min: 0, max: 2 }),
      pick: fc.nat(),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('send' as const),
      from: fc.integer({ min: 0, max: 2 }),
      to: fc.integer({ min: 0, max: 2 }),
      all: fc.boolean(),
    }),
  },
);

const send = async (from: TestLedger, to: TestLedger, all: boolean) => {
  const bytes = await from.ledger.db
    .transaction()
    .execute(
      async (trx) => (await exportBundle(contextFor(from.ledger, trx), { all, destination: to.ledger.site.id })).bytes,
    );
  return { bytes, counts: await receive(to, bytes) };
};
// Every deletion is confirmed, as the offices' users would once shown them.
const receive = (to: TestLedger, bytes: Buffer) =>
  to.ledger.db
    .transaction()
    .execute((trx) => importBundle(contextFor(to.ledger, trx), bytes, { allowDeletions: true }));

/** Donors offices may enter independently, spelled differently. */
const SHARED_DONOR_NAMES = [
  ['Plan International', 'PLAN INTERNATIONAL'],
  ['World Vision', 'world vision'],
  ['Quỹ Từ thiện Tzu Chi', 'Quy Tu thien Tzu Chi'],
  ['Hội Chữ thập đỏ', 'Hoi Chu thap do'],
];

function donorRows(ledger: Ledger) {
  return ledger.sqlite.prepare(`SELECT id, name, merged_into, version FROM donors ORDER BY id`).all();
}

function pledges(ledger: Ledger) {
  return ledger.sqlite
    .prepare(`SELECT id, amount_minor, vnd_equivalent, version, origin_site, base_version FROM pledges ORDER BY id`)
    .all();
}

/**
 * Ledgers for one history: seeded ids and one clock for all, so which record sorts first, which donor stands and which
 * version wins follow from the seed alone, and a counterexample replays exactly.
 */
function historyLedgers(names: string[], variant = 0) {
  const clock = scenarioClock();
  return {
    open: (i: number) => tempLedger({ siteName: names[i]!, ids: `history ${variant} site ${i}`, clock }),
    rebuilt: (n: number) => tempLedger({ ids: `history ${variant} rebuilt ${n}`, clock }),
  };
}

/** Which id sequences a history's ledgers get: part of the case, so the same steps can be tried with other ids. */
const idVariant = fc.nat({ max: 1_000 });

describe('merging random histories', () => {
  it(
    'is idempotent, convergent and independent of order',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 40 }), idVariant, async (ops, variant) => {
          const ledgers = historyLedgers(['Tỉnh', 'Huyện A', 'Huyện B'], variant);
          const sites = [await ledgers.open(0), await ledgers.open(1), await ledgers.open(2)];
          try {
            // Every office knows every other.
            await introduce(sites[0]!, sites[1]!);
            await introduce(sites[0]!, sites[2]!);
            await introduce(sites[1]!, sites[2]!);
            const places = await sites[0]!.service.invoke('places.list', {});
            const donors: string[] = [];
            for (const [i, s] of sites.entries()) {
              donors.push(
                (await s.service.invoke('donors.create', { name: `Nhà tài trợ của máy ${i}`, kind: 'foreign_ngo' })).id,
              );
            }
            // Everyone starts from everyone's donors.
            for (const from of sites) for (const to of sites) if (from !== to) await send(from, to, true);
            const created: string[] = [];
            const deleted = new Set<string>();
            // A few pledges everyone holds before the random history starts editing them.
            for (const [i, s] of sites.entries()) {
              for (let n = 0; n < 2; n++) {
                const p = await s.service.invoke('pledges.create', {
                  donorId: donors[i]!,
                  placeId: places[1]!.id,
                  kind: 'house',
                  description: `Chung ${i}.${n}`,
                  amountMinor: 1000 + n,
                  currency: 'VND',
                  pledgeDate: '2022-08-01',
                });
                created.push(p.id);
              }
            }
            for (const from of sites) for (const to of sites) if (from !== to) await send(from, to, true);
            for (const o of ops) {
              if (o.kind === 'donor') {
                const s = sites[o.site]!;
                const name = SHARED_DONOR_NAMES[o.name]![o.site % 2]!;
                // Refused here when this office already has it (under either spelling); entered elsewhere it is not seen.
                const result = await s.service.call('donors.create', { name, kind: 'foreign_ngo' });
                if (!result.ok) expect(result.error.code).toBe('duplicate');
              } else if (o.kind === 'merge') {
                const s = sites[o.site]!;
                const here = await s.service.invoke('donors.list', {});
                const from = here[o.pick % here.length]!;
                const into = here[o.into % here.length]!;
                if (from.id !== into.id) await s.service.invoke('donors.merge', { id: from.id, intoId: into.id });
              } else if (o.kind === 'create') {
                const s = sites[o.site]!;
                const here = await s.service.invoke('donors.list', {});
                const p = await s.service.invoke('pledges.create', {
                  donorId: here[o.donor % here.length]!.id,
                  placeId: places[1]!.id,
                  kind: 'gift',
                  description: `Cam kết ${created.length}`,
                  amountMinor: o.amount,
                  currency: 'VND',
                  pledgeDate: '2022-09-01',
                });
                created.push(p.id);
              } else if (o.kind === 'update' || o.kind === 'delete') {
                const s = sites[o.site]!;
                const here = (
                  s.ledger.sqlite.prepare('SELECT id FROM pledges ORDER BY id').all() as { id: string }[]
                ).map((r) => r.id);
                if (!here.length) continue;
                const id = here[o.pick % here.length]!;
                if (o.kind === 'update')
                  await s.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id, amountMinor: o.amount });
                else {
                  await s.service.invoke('pledges.delete', { id });
                  deleted.add(id);
                }
              } else if (o.from !== o.to) {
                const { bytes } = await send(sites[o.from]!, sites[o.to]!, o.all);
                // The same bundle again changes nothing.
                const again = await receive(sites[o.to]!, bytes);
                expect(again.inserted + again.updated + again.deleted + again.conflicts + again.donorsMerged).toBe(0);
              }
            }
            // Every history ends with what the property is about, whatever its random part did: one donor entered at two
            // offices under two spellings, and a pledge both offices hold edited at both without exchanging.
            const heldBy = (s: TestLedger) =>
              new Set(s.ledger.sqlite.prepare('SELECT id FROM pledges ORDER BY rowid').pluck().all() as string[]);
            const atBoth = [...heldBy(sites[1]!)].filter((id) => heldBy(sites[2]!).has(id) && !deleted.has(id));
            let edited = atBoth[0];
            if (!edited) {
              const here = await sites[1]!.service.invoke('donors.list', {});
              edited = (
                await sites[1]!.service.invoke('pledges.create', {
                  donorId: here[0]!.id,
                  placeId: places[1]!.id,
                  kind: 'gift',
                  description: 'Cam kết chung',
                  amountMinor: 1_234,
                  currency: 'VND',
                  pledgeDate: '2022-10-01',
                })
              ).id;
              created.push(edited);
              await send(sites[1]!, sites[2]!, true);
            }
            await sites[1]!.service.invoke('pledges.update', {
              reason: 'Điều chỉnh thử',
              id: edited,
              amountMinor: 7_001,
            });
            await sites[2]!.service.invoke('pledges.update', {
              reason: 'Điều chỉnh thử',
              id: edited,
              amountMinor: 7_002,
            });
            await sites[1]!.service.invoke('donors.create', { name: 'Quỹ Chung Hai Nơi', kind: 'foundation' });
            await sites[2]!.service.invoke('donors.create', { name: 'QUY CHUNG HAI NOI', kind: 'foundation' });

            // Full exchange, twice around, then everyone agrees.
            const finals: Buffer[] = [];
            for (let round = 0; round < 2; round++) {
              for (const from of sites)
                for (const to of sites) if (from !== to) finals.push((await send(from, to, true)).bytes);
            }
            // The edits made without seeing each other were kept as a conflict, and the donor entered twice is one.
            const conflicts = sites.reduce(
              (n, s) =>
                n + (s.ledger.sqlite.prepare('SELECT count(*) AS n FROM sync_conflicts').get() as { n: number }).n,
              0,
            );
            expect(conflicts).toBeGreaterThan(0);
            for (const s of sites)
              expect(
                (await s.service.invoke('donors.list', { text: 'quy chung hai noi' })).map((d) => d.aliases.length),
              ).toEqual([1]);
            const reference = pledges(sites[0]!.ledger);
            for (const s of sites) expect(pledges(s.ledger)).toEqual(reference);
            // Donors agree too: the same ones merged into the same ones, and one donor per name.
            for (const s of sites) expect(donorRows(s.ledger)).toEqual(donorRows(sites[0]!.ledger));
            const standing = (
              sites[0]!.ledger.sqlite.prepare('SELECT name_key FROM donors WHERE merged_into IS NULL').all() as {
                name_key: string;
              }[]
            ).map((r) => r.name_key);
            expect(new Set(standing).size).toBe(standing.length);
            const byDonor = await sites[0]!.service.invoke('totals', { by: 'donor' });
            for (const s of sites.slice(1))
              expect((await s.service.invoke('totals', { by: 'donor' })).groups).toEqual(byDonor.groups);
            // No pledge vanished unless someone deleted it.
            const present = new Set((reference as { id: string }[]).map((r) => r.id));
            for (const id of created) if (!deleted.has(id)) expect(present.has(id)).toBe(true);
            // The last bundles, in either order, build the same ledger from scratch.
            const last = finals.slice(-6);
            const one = await ledgers.rebuilt(1);
            const two = await ledgers.rebuilt(2);
            try {
              for (const fresh of [one, two]) for (const s of sites) await introduce(s, fresh);
              for (const b of last) await receive(one, b);
              for (const b of [...last].reverse()) await receive(two, b);
              expect(pledges(one.ledger)).toEqual(pledges(two.ledger));
              expect(pledges(one.ledger)).toEqual(reference);
            } finally {
              await one.close();
              await two.close();
            }
          } finally {
            for (const s of sites) await s.close();
          }
        }),
        // Kept examples run first whatever the count; AIDLEDGER_LONG=N runs N times as many histories when hunting.
        propertyParams(20, {
          // Found by this property: two offices each merge a donor, one edits a pledge, and the same bundle received again
          // recorded its conflict a second time (the donor merge had re-versioned the pledge). It shows only when the ids
          // fall one way (one case in three): kept with twelve id sequences.
          examples: Array.from(
            { length: 12 },
            (_, variant) =>
              [
                [
                  { kind: 'merge', site: 1, pick: 542269300, into: 0 },
                  { kind: 'merge', site: 0, pick: 0, into: 705154780 },
                  { kind: 'update', site: 1, pick: 0, amount: 1 },
                  { kind: 'send', from: 0, to: 1, all: false },
                  { kind: 'donor', site: 0, name: 0 },
                ] as Op[],
                variant,
              ] as [Op[], number],
          ),
        }),
      );
    },
    240_000 * LONG,
  );
});

describe('districts reporting to the province', () => {
  it(
    "give the province totals equal to the sum of the districts' own totals, in any import order",
    async () => {
      const districtOp = fc.record({
        site: fc.integer({ min: 0, max: 2 }),
        action: fc.constantFrom('create', 'create', 'update', 'delete', 'deliver', 'donor'),
        amount: fc.integer({ min: 10, max: 1_000_000 }),
        pick: fc.nat(),
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(districtOp, { minLength: 1, maxLength: 30 }),
          fc.array(fc.nat(), { minLength: 6, maxLength: 6 }),
          async (ops, shuffle) => {
            const ledgers = historyLedgers(['Tỉnh', 'Huyện 1', 'Huyện 2', 'Huyện 3']);
            const province = await ledgers.open(0);
            const districts = [await ledgers.open(1), await ledgers.open(2), await ledgers.open(3)];
            try {
              const places = await province.service.invoke('places.list', {});
              // The province knows each district office, at the place its pledges are made at.
              for (const [i, d] of districts.entries())
                await introduce(province, d, { bAs: { role: 'district', placeId: places[1 + i]!.id } });
              const donors: string[] = [];
              for (const [i, d] of districts.entries())
                donors.push(
                  (await d.service.invoke('donors.create', { name: `Nhà tài trợ huyện ${i}`, kind: 'foreign_ngo' })).id,
                );
              const ownDonors = (d: TestLedger) =>
                d.ledger.sqlite.prepare('SELECT id FROM donors WHERE merged_into IS NULL ORDER BY id').all() as {
                  id: string;
                }[];
              const bundles: Buffer[] = [];
              for (const o of ops) {
                const d = districts[o.site]!;
                const mine = d.ledger.sqlite.prepare('SELECT id, amount_minor FROM pledges ORDER BY id').all() as {
                  id: string;
                  amount_minor: number;
                }[];
                const target = mine.length ? mine[o.pick % mine.length]! : null;
                if (o.action === 'donor') {
                  // Several districts enter the same donor, each not knowing of the others.
                  const name = SHARED_DONOR_NAMES[o.pick % SHARED_DONOR_NAMES.length]![o.site % 2]!;
                  const result = await d.service.call('donors.create', { name, kind: 'foreign_ngo' });
                  if (!result.ok) expect(result.error.code).toBe('duplicate');
                } else if (o.action === 'create' || !target) {
                  const here = ownDonors(d);
                  await d.service.invoke('pledges.create', {
                    donorId: here[o.pick % here.length]!.id,
                    placeId: places[1 + o.site]!.id,
                    kind: 'gift',
                    description: 'Quà',
                    amountMinor: o.amount,
                    currency: 'VND',
                    pledgeDate: '2022-09-01',
                  });
                } else if (o.action === 'update') {
                  const delivered = (
                    d.ledger.sqlite
                      .prepare('SELECT coalesce(sum(amount_minor), 0) AS s FROM deliveries WHERE pledge_id = ?')
                      .get(target.id) as { s: number }
                  ).s;
                  await d.service.invoke('pledges.update', {
                    reason: 'Điều chỉnh thử',
                    id: target.id,
                    amountMinor: Math.max(o.amount, delivered),
                  });
                } else if (o.action === 'delete') {
                  await d.service.invoke('pledges.delete', { id: target.id });
                } else {
                  const delivered = (
                    d.ledger.sqlite
                      .prepare('SELECT coalesce(sum(amount_minor), 0) AS s FROM deliveries WHERE pledge_id = ?')
                      .get(target.id) as { s: number }
                  ).s;
                  const left = target.amount_minor - delivered;
                  if (left > 0)
                    await d.service.invoke('deliveries.create', {
                      pledgeId: target.id,
                      deliveryDate: '2022-10-01',
                      amountMinor: Math.min(left, o.amount),
                    });
                }
                // Now and then a district sends what changed since its last bundle.
                if (o.pick % 3 === 0)
                  bundles.push(
                    (await d.ledger.db.transaction().execute((trx) => exportBundle(contextFor(d.ledger, trx)))).bytes,
                  );
              }
              for (const d of districts)
                bundles.push(
                  (await d.ledger.db.transaction().execute((trx) => exportBundle(contextFor(d.ledger, trx)))).bytes,
                );
              // Bundles arrive in any order; a district's later bundle may come before its earlier one.
              const order = bundles
                .map((b, i) => ({ b, key: shuffle[i % shuffle.length]! * 31 + i }))
                .sort((a, b) => a.key - b.key)
                .map((x) => x.b);
              for (const b of order)
                await province.ledger.db
                  .transaction()
                  .execute((trx) => importBundle(contextFor(province.ledger, trx), b, { allowDeletions: true }));
              let pledged = 0;
              let delivered = 0;
              for (const d of districts) {
                const own = await d.service.invoke('totals', { by: 'kind' });
                pledged += own.total.pledged;
                delivered += own.total.delivered;
              }
              const atProvince = await province.service.invoke('totals', { by: 'kind' });
              expect(atProvince.total.pledged).toBe(pledged);
              expect(atProvince.total.delivered).toBe(delivered);
              // Per donor too: a donor entered at several districts is one donor at the province, with their sum.
              const byName = new Map<string, number>();
              const nameKey = (t: TestLedger, id: string) =>
                (t.ledger.sqlite.prepare('SELECT name_key FROM donors WHERE id = ?').get(id) as { name_key: string })
                  .name_key;
              for (const d of districts) {
                for (const g of (await d.service.invoke('totals', { by: 'donor' })).groups)
                  byName.set(nameKey(d, g.key), (byName.get(nameKey(d, g.key)) ?? 0) + g.pledged);
              }
              const standing = (
                province.ledger.sqlite.prepare('SELECT name_key FROM donors WHERE merged_into IS NULL').all() as {
                  name_key: string;
                }[]
              ).map((r) => r.name_key);
              expect(new Set(standing).size).toBe(standing.length);
              const provinceByName = new Map(
                (await province.service.invoke('totals', { by: 'donor' })).groups.map((g) => [
                  nameKey(province, g.key),
                  g.pledged,
                ]),
              );
              expect(provinceByName).toEqual(byName);
              expect(province.ledger.sqlite.prepare('SELECT count(*) AS n FROM sync_conflicts').get()).toEqual({
                n: 0,
              });
            } finally {
              await province.close();
              for (const d of districts) await d.close();
            }
          },
        ),
        propertyParams(12),
      );
    },
    240_000 * LONG,
  );
});
