/**
 * Property: on any ledger, the donors' pledge counts listed (summed from the monthly totals by donor) are their pledges
 * counted one by one, with those of the donors merged into them, after pledges are saved, moved to another donor,
 * given another status or deleted, and donors merged.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PLEDGE_KINDS, PLEDGE_STATUSES } from '../contract';
import { LedgerError } from '../contract/errors';
import { contextFor } from '../db/core/context';
import { readRows } from '../db/core/statements';
import { tempLedger } from './helpers';
import { propertyParams } from './random';

const DONORS = 5;

/** Pledges saved more often than anything else, so the other steps have pledges to change. */
const stepArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      donor: fc.integer({ min: 0, max: DONORS - 1 }),
      kind: fc.constantFrom(...PLEDGE_KINDS),
      month: fc.integer({ min: 0, max: 40 }),
    }),
  },
  fc.record({
    op: fc.constant('move' as const),
    pledge: fc.nat(),
    donor: fc.integer({ min: 0, max: DONORS - 1 }),
    month: fc.option(fc.integer({ min: 0, max: 40 })),
  }),
  fc.record({ op: fc.constant('status' as const), pledge: fc.nat(), status: fc.constantFrom(...PLEDGE_STATUSES) }),
  fc.record({ op: fc.constant('delete' as const), pledge: fc.nat() }),
  fc.record({
    op: fc.constant('merge' as const),
    donor: fc.integer({ min: 0, max: DONORS - 1 }),
    into: fc.integer({ min: 0, max: DONORS - 1 }),
  }),
);

const dateOf = (month: number) => `${2021 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;

describe('donors.list', () => {
  it('counts each donor’s pledges, and those of the donors merged into it, as the pledges themselves do', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 40 }), async (steps) => {
        const t = await tempLedger({ ids: 'donor-counts' });
        try {
          const places = await t.service.invoke('places.list', {});
          const donors = [];
          for (let i = 0; i < DONORS; i++)
            donors.push(await t.service.invoke('donors.create', { name: `Nhà tài trợ ${i}`, kind: 'foreign_ngo' }));
          const pledges: string[] = [];
          for (const step of steps) {
            try {
              if (step.op === 'create') {
                const { id } = await t.service.invoke('pledges.create', {
                  donorId: donors[step.donor]!.id,
                  placeId: places[step.donor]!.id,
                  kind: step.kind,
                  description: `Cam kết ${step.kind}`,
                  amountMinor: 1_000_000,
                  currency: 'VND',
                  pledgeDate: dateOf(step.month),
                });
                pledges.push(id);
              } else if (step.op === 'merge') {
                await t.service.invoke('donors.merge', { id: donors[step.donor]!.id, intoId: donors[step.into]!.id });
              } else if (pledges.length) {
                const id = pledges[step.pledge % pledges.length]!;
                if (step.op === 'delete') {
                  await t.service.invoke('pledges.delete', { id });
                  pledges.splice(pledges.indexOf(id), 1);
                } else if (step.op === 'move') {
                  await t.service.invoke('pledges.update', {
                    id,
                    reason: 'Sửa nhà tài trợ',
                    donorId: donors[step.donor]!.id,
                    ...(step.month === null ? {} : { pledgeDate: dateOf(step.month) }),
                  });
                } else await t.service.invoke('pledges.update', { id, reason: 'Điều chỉnh thử', status: step.status });
              }
            } catch (error) {
              // A step the ledger refuses (a merge into itself or into a merged donor, a status it forbids) changes
              // nothing.
              if (!(error instanceof LedgerError)) throw error;
            }
          }

          const counted = new Map(
            readRows<{ id: string; n: number }>(
              contextFor(t.ledger),
              sql`SELECT d.id, (SELECT count(*) FROM pledges p WHERE p.donor_id = d.id
                OR p.donor_id IN (SELECT a.id FROM donors a WHERE a.merged_into = d.id)) AS n FROM donors d`,
            ).map((row) => [row.id, row.n]),
          );
          const listed = await t.service.invoke('donors.list', { includeMerged: true });
          expect(listed).toHaveLength(DONORS);
          for (const donor of listed) expect(donor.pledgeCount, donor.name).toBe(counted.get(donor.id));
          const standing = await t.service.invoke('donors.list', {});
          expect(standing.map((d) => d.id)).toEqual(listed.filter((d) => !d.mergedInto).map((d) => d.id));
          for (const donor of standing) expect(donor.pledgeCount, donor.name).toBe(counted.get(donor.id));
          // A search counts its donors' pledges one by one: the same figures.
          for (const donor of await t.service.invoke('donors.list', { text: 'tài trợ', includeMerged: true }))
            expect(donor.pledgeCount, donor.name).toBe(counted.get(donor.id));
          // Every pledge is counted under the donor it counts under, and only there.
          const total = standing.reduce((sum, d) => sum + d.pledgeCount, 0);
          expect(total).toBe(pledges.length);
        } finally {
          await t.close();
        }
      }),
      propertyParams(20),
    );
  }, 300_000);
});
