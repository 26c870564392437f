/**
 * Property: on any ledger, what is read from the sums kept as it is written (each aid item's lines, committed and
 * disbursed, and the totals by place and by donor of whole years, migration 0024) and what is kept on the connection
 * until it changes (the whole list of items, their deadlines and overview, a period's detail rows) is what reading the
 * pledges and their deliveries themselves gives, after lines are saved into items or outside them, moved between
 * items, given another status or deleted, delivered on, and items and donors renamed — asked for between the steps,
 * so that an answer kept too long shows.
 */
import fc from 'fast-check';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { PLEDGE_STATUSES } from '../contract';
import { LedgerError } from '../contract/errors';
import { contextFor } from '../db/core/context';
import { readRows } from '../db/core/statements';
import { readAllRows } from '../db/totals';
import { tempLedger } from './helpers';
import { propertyParams } from './random';

const DONORS = 3;
const ITEMS = 4;

const stepArb = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      op: fc.constant('create' as const),
      donor: fc.integer({ min: 0, max: DONORS - 1 }),
      item: fc.option(fc.integer({ min: 0, max: ITEMS - 1 })),
      month: fc.integer({ min: 0, max: 40 }),
      amount: fc.integer({ min: 1, max: 5_000_000 }),
    }),
  },
  fc.record({
    op: fc.constant('attach' as const),
    pledge: fc.nat(),
    item: fc.option(fc.integer({ min: 0, max: ITEMS - 1 })),
  }),
  fc.record({ op: fc.constant('status' as const), pledge: fc.nat(), status: fc.constantFrom(...PLEDGE_STATUSES) }),
  fc.record({ op: fc.constant('delete' as const), pledge: fc.nat() }),
  fc.record({
    op: fc.constant('deliver' as const),
    pledge: fc.nat(),
    month: fc.integer({ min: 0, max: 40 }),
    amount: fc.integer({ min: 1, max: 1_000_000 }),
  }),
  fc.record({ op: fc.constant('renameItem' as const), item: fc.integer({ min: 0, max: ITEMS - 1 }), n: fc.nat(99) }),
  fc.record({ op: fc.constant('renameDonor' as const), donor: fc.integer({ min: 0, max: DONORS - 1 }), n: fc.nat(99) }),
  fc.record({ op: fc.constant('read' as const) }),
);

const dateOf = (month: number) => `${2021 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-15`;

describe('sums kept as the ledger is written', () => {
  it('give the items, totals and report that reading the pledges gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(stepArb, { minLength: 10, maxLength: 40 }), async (steps) => {
        const t = await tempLedger({ ids: 'kept-sums' });
        const ctx = () => contextFor(t.ledger);
        /** Each item's lines and sums read from its lines, as the list read them before they were kept. */
        const plainItems = () =>
          readRows<{ id: string; name: string; donorName: string; n: number; committed: number; disbursed: number }>(
            ctx(),
            sql`SELECT i.id, i.name, d.name AS "donorName",
              (SELECT count(*) FROM pledges p WHERE p.item_id = i.id) AS n,
              coalesce((SELECT sum(p.vnd_equivalent) FROM pledges p WHERE p.item_id = i.id AND p.status <> 'cancelled'), 0) AS committed,
              coalesce((SELECT sum(x.vnd_equivalent) FROM deliveries x JOIN pledges p ON p.id = x.pledge_id
                WHERE p.item_id = i.id AND p.status <> 'cancelled'), 0) AS disbursed
              FROM aid_items i JOIN donors d ON d.id = i.donor_id ORDER BY i.stage_date DESC, i.name_folded`,
          );
        const checkItems = async () => {
          const listed = await t.service.invoke('items.list', {});
          expect(
            listed.map((i) => ({
              id: i.id,
              name: i.name,
              donorName: i.donorName,
              n: i.lineCount,
              committed: i.committedVnd,
              disbursed: i.disbursedVnd,
            })),
          ).toEqual(plainItems());
          // A filtered list reads the kept sums too, never the list kept whole.
          for (const item of await t.service.invoke('items.list', { text: 'khoản' }))
            expect(item).toEqual(listed.find((i) => i.id === item.id));
          const overview = await t.service.invoke('items.overview', {});
          expect(overview.items).toBe(listed.length);
          const deadlines = await t.service.invoke('items.deadlines', { today: '2024-06-30' });
          expect(deadlines.items.filter((d) => d.itemId).map((d) => d.itemName)).toEqual(
            deadlines.items.filter((d) => d.itemId).map((d) => listed.find((i) => i.id === d.itemId)!.name),
          );
        };
        /** The report's detail rows of a quarter, against the pledges and deliveries dated in it. */
        const checkReport = async () => {
          const report = await t.service.invoke('reports.preview', { period: '2022-Q3', cutoff: 'calendar' });
          const [counted] = readRows<{ pledges: number; deliveries: number }>(
            ctx(),
            sql`SELECT (SELECT count(*) FROM pledges WHERE pledge_date BETWEEN '2022-07-01' AND '2022-09-30' AND status <> 'cancelled') AS pledges,
              (SELECT count(*) FROM deliveries x JOIN pledges p ON p.id = x.pledge_id
                WHERE x.delivery_date BETWEEN '2022-07-01' AND '2022-09-30' AND p.status <> 'cancelled') AS deliveries`,
          );
          expect([report.pledges.length, report.deliveries.length]).toEqual([counted!.pledges, counted!.deliveries]);
          // Names as they are now.
          const donorNames = new Set(
            readRows<{ name: string }>(ctx(), sql`SELECT name FROM donors WHERE merged_into IS NULL`).map(
              (d) => d.name,
            ),
          );
          for (const row of [...report.pledges, ...report.deliveries]) expect(donorNames).toContain(row.donor);
        };
        try {
          const places = await t.service.invoke('places.list', {});
          const donors = [];
          for (let i = 0; i < DONORS; i++)
            donors.push(await t.service.invoke('donors.create', { name: `Nhà tài trợ ${i}`, kind: 'foreign_ngo' }));
          const items = [];
          for (let i = 0; i < ITEMS; i++)
            items.push(
              await t.service.invoke('items.create', {
                name: `Khoản ${i}`,
                modality: 'project',
                sector: 'health',
                donorId: donors[i % DONORS]!.id,
                stage: i % 2 ? 'approved' : 'proposed',
                ...(i % 2 ? { approvalNumber: `${i}/QĐ`, approvalDate: '2023-03-01' } : {}),
                stageDate: dateOf(i * 7),
              }),
            );
          const pledges: string[] = [];
          for (const step of steps) {
            try {
              if (step.op === 'create') {
                const { id } = await t.service.invoke('pledges.create', {
                  donorId: donors[step.donor]!.id,
                  placeId: places[1 + step.donor]!.id,
                  kind: 'cash',
                  description: `Cam kết ${step.month}`,
                  amountMinor: step.amount,
                  currency: 'VND',
                  pledgeDate: dateOf(step.month),
                  ...(step.item === null ? {} : { itemId: items[step.item]!.id }),
                });
                pledges.push(id);
              } else if (step.op === 'renameItem') {
                await t.service.invoke('items.update', { id: items[step.item]!.id, name: `Khoản đổi tên ${step.n}` });
              } else if (step.op === 'renameDonor') {
                await t.service.invoke('donors.update', {
                  id: donors[step.donor]!.id,
                  name: `Nhà tài trợ mới ${step.n}`,
                });
              } else if (step.op === 'read') {
                await checkItems();
                await checkReport();
              } else if (pledges.length) {
                const id = pledges[step.pledge % pledges.length]!;
                if (step.op === 'delete') {
                  await t.service.invoke('pledges.delete', { id });
                  pledges.splice(pledges.indexOf(id), 1);
                } else if (step.op === 'attach') {
                  await t.service.invoke('pledges.update', {
                    id,
                    reason: 'Gắn khoản viện trợ',
                    itemId: step.item === null ? null : items[step.item]!.id,
                  });
                } else if (step.op === 'deliver') {
                  await t.service.invoke('deliveries.create', {
                    pledgeId: id,
                    deliveryDate: dateOf(step.month),
                    amountMinor: step.amount,
                    currency: 'VND',
                  });
                } else await t.service.invoke('pledges.update', { id, reason: 'Điều chỉnh thử', status: step.status });
              }
            } catch (error) {
              // A step the ledger refuses (a status it forbids, a delivery past what was pledged) changes nothing.
              if (!(error instanceof LedgerError)) throw error;
            }
          }
          await checkItems();
          await checkReport();
          // The totals by place and by donor, of all time and of whole years, as the pledges themselves give them.
          for (const by of ['place', 'donor'] as const)
            for (const filter of [
              {},
              { from: '2022-01-01', to: '2022-12-31' },
              { from: '2021-01-01', to: '2023-12-31' },
            ]) {
              const input = { by, filter, in: 'VND', lang: 'vi' } as const;
              const kept = await t.service.invoke('totals', input);
              readAllRows.value = true;
              try {
                expect(kept, JSON.stringify(input)).toEqual(await t.service.invoke('totals', input));
              } finally {
                readAllRows.value = false;
              }
            }
        } finally {
          await t.close();
        }
      }),
      propertyParams(15),
    );
  }, 300_000);
});
