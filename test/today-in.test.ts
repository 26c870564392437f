/**
 * "Nay thuộc" (today in): a pledge of a former unit split among several may say which of them the aid went to. It must
 * be one of the place's successors; in today's units the pledge counts there, and without it the pledge stays in a
 * group of its own labelled as the former unit. The split is made here, on the ledger's own catalogue: a former
 * commune is given a second successor, whichever commune the catalogue splits itself.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Place } from '../contract';
import { LedgerError } from '../contract/errors';
import { CAO_BANG_CODE } from '../db/places/catalogue';
import { readAllRows } from '../db/totals';
import { tempLedger, type TestLedger } from './helpers';
import { propertyParams } from './random';

const TODAY = '2026-12-04';
const BEFORE_REFORM = '2024-01-01';

interface Split {
  /** A former commune with two successors, `heirA` and `heirB`. */
  former: Place;
  heirA: Place;
  heirB: Place;
  /** A commune of today with no successor, and the province. */
  plain: Place;
  province: Place;
  /** A former commune merged whole into one commune. */
  whole: Place;
}

/** Cao Bằng's catalogue, with a former commune split between its own heir and another commune of today. */
async function splitLedger(t: TestLedger): Promise<Split> {
  await t.service.invoke('places.choose', { province: CAO_BANG_CODE });
  const places = await t.service.invoke('places.list', {});
  // One whose name no other unit has, so that an import row can name it.
  const former = places.find(
    (p) =>
      p.level === 'commune' &&
      p.validTo !== null &&
      p.successorIds.length === 1 &&
      places.filter((q) => q.name === p.name).length === 1,
  )!;
  const heirA = places.find((p) => p.id === former.successorIds[0])!;
  const current = places.filter((p) => p.level === 'commune' && p.validTo === null && p.successorIds.length === 0);
  const heirB = current.find((p) => p.id !== heirA.id)!;
  const plain = current.find((p) => p.id !== heirA.id && p.id !== heirB.id)!;
  const province = places.find((p) => p.level === 'province' && p.validTo === null)!;
  const whole = places.find(
    (p) =>
      p.level === 'commune' &&
      p.validTo !== null &&
      p.successorIds.length === 1 &&
      p.id !== former.id &&
      ![heirA.id, heirB.id].includes(p.successorIds[0]!),
  )!;
  await t.service.invoke('places.update', { id: former.id, successorIds: [heirA.id, heirB.id] });
  return { former: { ...former, successorIds: [heirA.id, heirB.id] }, heirA, heirB, plain, province, whole };
}

async function refusal(promise: Promise<unknown>): Promise<LedgerError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
  throw new Error('was not refused');
}

describe('"nay thuộc" on a pledge', () => {
  let t: TestLedger;
  let split: Split;
  let donorId: string;
  const pledge = (placeId: string, amountMinor: number, todayPlaceId?: string | null, pledgeDate = '2022-07-07') =>
    t.service.invoke('pledges.create', {
      donorId,
      placeId,
      kind: 'house',
      description: 'Nhà tình nghĩa',
      amountMinor,
      currency: 'VND',
      pledgeDate,
      ...(todayPlaceId === undefined ? {} : { todayPlaceId }),
    });
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    split = await splitLedger(t);
    donorId = (await t.service.invoke('donors.create', { name: 'Tổ chức Tzu Chi', kind: 'foreign_ngo' })).id;
  });
  afterAll(() => t.close());

  it("is one of the place's successors; any other unit is refused, naming the field, and nothing is written", async () => {
    const before = (await t.service.invoke('pledges.list', {})).total;
    const none = await refusal(pledge(split.plain.id, 1_000_000, split.heirA.id, '2026-02-01'));
    expect(none.field).toBe('todayPlaceId');
    expect(none.bilingual.vi).toMatch(/^Nay thuộc: .*không có đơn vị kế thừa/);
    expect(none.bilingual.en).toMatch(/^Today in: .*no successor/);
    const other = await refusal(pledge(split.former.id, 1_000_000, split.plain.id));
    expect(other.field).toBe('todayPlaceId');
    expect(other.bilingual.vi).toContain(split.heirA.displayName);
    expect(other.bilingual.vi).toContain(split.heirB.displayName);
    expect(other.bilingual.en).toMatch(/^Today in: must be one of the units that succeeded the place/);
    expect((await t.service.invoke('pledges.list', {})).total).toBe(before);

    const row = await pledge(split.former.id, 5_000_000, split.heirB.id);
    expect(row.todayPlaceId).toBe(split.heirB.id);
    expect(row.todayPlaceName).toBe(split.heirB.displayName);
    const without = await pledge(split.former.id, 7_000_000);
    expect(without.todayPlaceId).toBeNull();
    expect(without.todayPlaceName).toBeNull();
  });

  it('is kept in the history; a place changed clears it unless it is a successor of the new place', async () => {
    const row = await pledge(split.former.id, 3_000_000, split.heirA.id);
    await t.service.invoke('pledges.update', { id: row.id, todayPlaceId: split.heirB.id });
    const refused = await refusal(t.service.invoke('pledges.update', { id: row.id, todayPlaceId: split.plain.id }));
    expect(refused.field).toBe('todayPlaceId');
    await t.service.invoke('pledges.update', { id: row.id, todayPlaceId: null });
    await t.service.invoke('pledges.update', { id: row.id, todayPlaceId: split.heirA.id });
    const moved = await t.service.invoke('pledges.update', {
      id: row.id,
      placeId: split.whole.id,
      reason: 'Ghi nhầm địa bàn',
    });
    expect(moved.todayPlaceId).toBeNull();
    const detail = await t.service.invoke('pledges.get', { id: row.id });
    const changes = detail.history
      .flatMap((entry) => entry.changes)
      .filter((c) => c.field === 'todayPlaceId')
      .map((c) => [c.before, c.after]);
    expect(changes).toEqual([
      [null, split.heirA.id],
      [split.heirA.id, split.heirB.id],
      [split.heirB.id, null],
      [null, split.heirA.id],
      [split.heirA.id, null],
    ]);
    // The report's amendments name the units.
    const now = new Date();
    const quarter = `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
    const report = await t.service.invoke('reports.preview', { period: quarter });
    expect(report.changes.map((c) => c.changes).join('\n')).toContain(
      `Nay thuộc: ${split.heirA.displayName} → ${split.heirB.displayName}`,
    );
    // Back to the split commune, a unit still among its successors stays.
    const back = await t.service.invoke('pledges.update', {
      id: row.id,
      placeId: split.former.id,
      todayPlaceId: split.heirA.id,
      reason: 'Địa bàn đúng',
    });
    expect(back.todayPlaceId).toBe(split.heirA.id);
    await t.service.invoke('pledges.delete', { id: row.id });
  });
});

describe('figures in today\'s units with "nay thuộc"', () => {
  let t: TestLedger;
  let split: Split;
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    split = await splitLedger(t);
    const donorId = (await t.service.invoke('donors.create', { name: 'World Vision', kind: 'foreign_ngo' })).id;
    const pledge = (placeId: string, amountMinor: number, todayPlaceId: string | null, pledgeDate = '2022-07-07') =>
      t.service.invoke('pledges.create', {
        donorId,
        placeId,
        kind: 'gift',
        description: 'Quà Tết',
        amountMinor,
        currency: 'VND',
        pledgeDate,
        todayPlaceId,
      });
    await pledge(split.former.id, 100_000_000, split.heirB.id);
    await pledge(split.former.id, 20_000_000, null);
    await pledge(split.heirB.id, 3_000_000, null, '2026-02-01');
    await pledge(split.whole.id, 400_000, null);
  });
  afterAll(() => t.close());

  it('count a pledge at its "nay thuộc" unit; one without stays in the former unit\'s group', async () => {
    for (const rowByRow of [false, true]) {
      readAllRows.value = rowByRow;
      try {
        const today = await t.service.invoke('totals', { by: 'place', filter: { unitsOf: TODAY } });
        const byKey = new Map(today.groups.map((g) => [g.key, g]));
        expect([byKey.get(split.heirB.id)?.pledged, byKey.get(split.heirB.id)?.pledgeCount]).toEqual([103_000_000, 2]);
        expect(byKey.get(split.former.id)?.pledged).toBe(20_000_000);
        expect(byKey.get(split.former.id)?.label).toBe(`${split.former.displayName} (trước 01/07/2025)`);
        expect(today.total.pledged).toBe(123_400_000);
        // Rolled up under the province: the commune of today, and the former unit's own group.
        const rolled = await t.service.invoke('totals', {
          by: 'place',
          filter: { unitsOf: TODAY },
          rollUpUnder: split.province.id,
        });
        const rolledByKey = new Map(rolled.groups.map((g) => [g.key, g.pledged]));
        expect(rolledByKey.get(split.heirB.id)).toBe(103_000_000);
        expect(rolled.total.pledged).toBe(123_400_000);
        // A place filter takes each pledge where it counts, once.
        const underB = await t.service.invoke('totals', {
          by: 'quarter',
          filter: { placeId: split.heirB.id, unitsOf: TODAY },
        });
        expect(underB.total).toMatchObject({ pledged: 103_000_000, pledgeCount: 2 });
        const underA = await t.service.invoke('totals', {
          by: 'place',
          filter: { placeId: split.heirA.id, unitsOf: TODAY },
        });
        expect(underA.groups.map((g) => g.key)).not.toContain(split.former.id);
        expect(underA.total.pledged).toBe(0 + (underA.groups.find((g) => g.key === split.heirA.id)?.pledged ?? 0));
        const province = await t.service.invoke('totals', {
          by: 'kind',
          filter: { placeId: split.province.id, unitsOf: TODAY },
        });
        expect(province.total.pledged).toBe(123_400_000);
        // Before the reform the former commune is itself, and so are its pledges.
        const then = await t.service.invoke('totals', { by: 'place', filter: { unitsOf: BEFORE_REFORM } });
        expect(then.groups.find((g) => g.key === split.former.id)?.pledged).toBe(120_000_000);
        expect(then.groups.find((g) => g.key === split.heirB.id)?.pledged).toBe(3_000_000);
      } finally {
        readAllRows.value = false;
      }
    }
    const listed = await t.service.invoke('pledges.list', { filter: { placeId: split.heirB.id, unitsOf: TODAY } });
    expect(listed.total).toBe(2);
    const atFormer = await t.service.invoke('pledges.list', { filter: { placeId: split.former.id, unitsOf: TODAY } });
    expect(atFormer.rows.map((r) => r.vndEquivalent)).toEqual([20_000_000]);
  });

  it("make the report by today's units count it there, its total unchanged", async () => {
    const asRecorded = await t.service.invoke('reports.preview', { period: '2022-Q3' });
    const today = await t.service.invoke('reports.preview', { period: '2022-Q3', unitsOf: TODAY });
    expect(today.summaryTotal).toEqual(asRecorded.summaryTotal);
    const rows = new Map(today.summary.map((r) => [r.placeName, r.pledgedVnd]));
    expect(rows.get(split.heirB.displayName)).toBe(100_000_000);
    expect(rows.get(`${split.former.displayName} (trước 01/07/2025)`)).toBe(20_000_000);
    const ofB = await t.service.invoke('reports.preview', {
      period: '2022-Q3',
      unitsOf: TODAY,
      placeId: split.heirB.id,
    });
    expect(ofB.summaryTotal.pledgedVnd).toBe(100_000_000);
  });

  it("add up in today's units to the total at the pledges' own places, whatever units they name (fixed seed)", async () => {
    const p = await tempLedger({ seed: false });
    try {
      const s = await splitLedger(p);
      const donorId = (await p.service.invoke('donors.create', { name: 'Plan International', kind: 'foreign_ngo' })).id;
      const places = [s.former, s.former, s.heirA, s.heirB, s.whole];
      await fc.assert(
        fc.asyncProperty(
          fc.array(
            fc.record({
              place: fc.integer({ min: 0, max: places.length - 1 }),
              todayIn: fc.constantFrom(null, 'A', 'B'),
              amount: fc.integer({ min: 1, max: 5_000_000_000 }),
            }),
            { minLength: 1, maxLength: 12 },
          ),
          async (drawn) => {
            await p.ledger.sqlite.exec('DELETE FROM pledges');
            const expected = new Map<string, number>();
            const add = (key: string, n: number) => expected.set(key, (expected.get(key) ?? 0) + n);
            for (const d of drawn) {
              const place = places[d.place]!;
              const todayPlace = place.id === s.former.id && d.todayIn ? (d.todayIn === 'A' ? s.heirA : s.heirB) : null;
              await p.service.invoke('pledges.create', {
                donorId,
                placeId: place.id,
                kind: 'cash',
                description: 'Tiền mặt',
                amountMinor: d.amount,
                currency: 'VND',
                pledgeDate: place.validTo === null ? '2026-02-01' : '2022-07-07',
                todayPlaceId: todayPlace?.id ?? null,
              });
              const whole = place.id === s.whole.id ? s.whole.successorIds[0]! : place.id;
              add(todayPlace?.id ?? whole, d.amount);
            }
            const atPlaces = await p.service.invoke('totals', { by: 'place', filter: {} });
            for (const rowByRow of [false, true]) {
              readAllRows.value = rowByRow;
              try {
                const today = await p.service.invoke('totals', { by: 'place', filter: { unitsOf: TODAY } });
                expect(today.total).toEqual(atPlaces.total);
                expect(today.groups.reduce((sum, g) => sum + g.pledged, 0)).toBe(atPlaces.total.pledged);
                expect(new Map(today.groups.map((g) => [g.key, g.pledged]))).toEqual(expected);
              } finally {
                readAllRows.value = false;
              }
            }
          },
        ),
        propertyParams(15),
      );
    } finally {
      await p.close();
    }
  }, 120_000);
});

describe('"nay thuộc" on an aid item\'s places', () => {
  let t: TestLedger;
  let split: Split;
  let donorId: string;
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    split = await splitLedger(t);
    donorId = (await t.service.invoke('donors.create', { name: 'Caritas', kind: 'foreign_ngo' })).id;
  });
  afterAll(() => t.close());

  it('names a successor of one of its places; others are refused; places taken out drop theirs', async () => {
    const base = { name: 'Nước sạch', modality: 'project', sector: 'health', donorId } as const;
    const item = await t.service.invoke('items.create', {
      ...base,
      placeIds: [split.former.id, split.plain.id],
      todayPlaceIds: { [split.former.id]: split.heirA.id },
    });
    expect(item.todayPlaceIds).toEqual({ [split.former.id]: split.heirA.id });
    const notOwn = await refusal(
      t.service.invoke('items.create', {
        ...base,
        placeIds: [split.plain.id],
        todayPlaceIds: { [split.former.id]: split.heirA.id },
      }),
    );
    expect(notOwn.field).toBe('todayPlaceIds');
    const notHeir = await refusal(
      t.service.invoke('items.update', { id: item.id, todayPlaceIds: { [split.former.id]: split.plain.id } }),
    );
    expect(notHeir.field).toBe('todayPlaceIds');
    expect(notHeir.bilingual.vi).toMatch(/^Nay thuộc: phải là một trong/);
    const changed = await t.service.invoke('items.update', {
      id: item.id,
      todayPlaceIds: { [split.former.id]: split.heirB.id },
    });
    expect(changed.todayPlaceIds).toEqual({ [split.former.id]: split.heirB.id });
    const fewer = await t.service.invoke('items.update', { id: item.id, placeIds: [split.plain.id] });
    expect(fewer.todayPlaceIds).toEqual({});
    const history = (await t.service.invoke('items.get', { id: item.id })).history;
    expect(history.flatMap((h) => h.changes).filter((c) => c.field === 'todayPlaceIds')).toHaveLength(3);
  });
});

describe('"nay thuộc" in an imported list', () => {
  let t: TestLedger;
  let split: Split;
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    split = await splitLedger(t);
    await t.service.invoke('donors.create', { name: 'Tổ chức Tzu Chi', country: 'Đài Loan', kind: 'foreign_ngo' });
  });
  afterAll(() => t.close());

  const workbook = (header: string, rows: [string, string][]) => {
    const sheet = XLSX.utils.aoa_to_sheet([
      ['Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Nội dung', 'Thành tiền', header],
      ...rows.map(([place, todayIn]) => ['07/07/2022', 'Tổ chức Tzu Chi', place, 'Bò giống', '10.000.000', todayIn]),
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Danh sách');
    const base64 = XLSX.write(book, { type: 'base64', bookType: 'xlsx' }) as string;
    return { files: [{ fileName: `${header}.xlsx`, base64 }] };
  };

  it("reads the column by its header words, naming the unit among the place's successors", async () => {
    for (const header of ['Nay thuộc', 'nay thuoc', 'Đơn vị hiện nay', 'Today in', 'Now in']) {
      const layout = (await t.service.invoke('imports.files', { ...workbook(header, []), dryRun: true })).files[0]!;
      expect(layout.layout?.columns.find((c) => c.header === header)?.field).toBe('todayIn');
    }
    const answer = await t.service.invoke(
      'imports.files',
      workbook('Nay thuộc', [
        [split.former.displayName, split.heirB.displayName],
        [split.former.displayName, split.heirA.name],
        [split.former.displayName, ''],
      ]),
    );
    expect(answer.files[0]!.added).toBe(3);
    const rows = (await t.service.invoke('pledges.list', {})).rows;
    expect(rows.map((r) => r.todayPlaceId).sort()).toEqual([null, split.heirA.id, split.heirB.id].sort());
    const today = await t.service.invoke('totals', { by: 'place', filter: { unitsOf: TODAY } });
    expect(today.groups.find((g) => g.key === split.heirB.id)?.pledged).toBe(10_000_000);
  });

  it('refuses a row naming a unit that is not a successor, with its row number and reason; nothing is written', async () => {
    const before = (await t.service.invoke('pledges.list', {})).total;
    const answer = await t.service.invoke(
      'imports.files',
      workbook('Nay thuộc', [
        [split.former.displayName, split.heirA.displayName],
        [split.former.displayName, split.plain.displayName],
      ]),
    );
    const errors = answer.files[0]!.errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ row: 3, column: 'Nay thuộc' });
    expect(errors[0]!.message).toContain('không phải một đơn vị kế thừa Địa bàn');
    expect(errors[0]!.message).toContain(split.heirB.displayName);
    expect(errors[0]!.messageEn).toContain('is not one of the units that succeeded the place');
    expect((await t.service.invoke('pledges.list', {})).total).toBe(before);
  });
});
