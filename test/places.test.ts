/** The official catalogue of units before and after the 1 July 2025 reform, matching names on a date, and figures in today's units. */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../contract';
import { LedgerError } from '../contract/errors';
import { contextFor } from '../db/core/context';
import {
  CAO_BANG_CODE,
  catalogueFor,
  catalogueProvinces,
  findCatalogueProvince,
  officialSpelling,
  splitType,
} from '../db/places/catalogue';
import { findPlace } from '../db/places/match';
import { readAllRows } from '../db/totals';
import { tempLedger, type TestLedger } from './helpers';
import { metered } from './meter';
import { propertyParams } from './random';

async function placeError(t: TestLedger, text: string, date: string | null): Promise<LedgerError> {
  try {
    await t.ledger.db.transaction().execute((trx) => findPlace(contextFor(t.ledger, trx), text, date));
  } catch (error) {
    if (error instanceof LedgerError) return error;
    throw error;
  }
  throw new Error(`"${text}" on ${date} named a unit`);
}

const found = (t: TestLedger, text: string, date: string | null) =>
  t.ledger.db.transaction().execute((trx) => findPlace(contextFor(t.ledger, trx), text, date));

describe('the catalogue', () => {
  it('holds the 34 provinces and 3,321 communes in force since 01/07/2025, and the former units with their heirs', () => {
    expect(catalogueProvinces()).toHaveLength(34);
    const all = catalogueFor('all');
    const current = all.units.filter((u) => u.validTo === null);
    const former = all.units.filter((u) => u.validTo !== null);
    expect(current.filter((u) => u.level === 'province')).toHaveLength(34);
    expect(current.filter((u) => u.level === 'commune')).toHaveLength(3321);
    expect(current.filter((u) => u.level === 'district')).toHaveLength(0);
    expect(former.filter((u) => u.level === 'province')).toHaveLength(63 - 34);
    expect(former.filter((u) => u.level === 'district').length).toBeGreaterThan(650);
    expect(former.filter((u) => u.level === 'commune').length).toBeGreaterThan(10_000);
    expect(former.every((u) => u.validTo === '2025-06-30')).toBe(true);
    expect(current.every((u) => u.code !== null)).toBe(true);
    // The new communes begin with the reform; provinces that were not merged go on as they were.
    expect(current.filter((u) => u.level === 'commune').every((u) => u.validFrom === '2025-07-01')).toBe(true);
    // Every former commune became at least one unit in force.
    const heirs = new Map<string, number>();
    for (const [from] of all.successors) heirs.set(from, (heirs.get(from) ?? 0) + 1);
    expect(former.filter((u) => u.level === 'commune' && !heirs.has(u.id))).toEqual([]);
    // Ids come from the official codes: the same at every office, and the same run after run.
    expect(catalogueFor('all').units.map((u) => u.id)).toEqual(all.units.map((u) => u.id));
    expect(new Set(all.units.map((u) => u.id)).size).toBe(all.units.length);
  });

  it("gives every province a ledger of its own: each unit's parent and heirs are in it", () => {
    for (const { code, name } of catalogueProvinces()) {
      const part = catalogueFor(code);
      const ids = new Set(part.units.map((u) => u.id));
      const outside = [
        ...part.units.filter((u) => u.parentId !== null && !ids.has(u.parentId)).map((u) => `${u.name} (parent)`),
        ...part.successors
          .filter(([from, to]) => !ids.has(from) || !ids.has(to))
          .map(([from, to]) => `${from} -> ${to}`),
      ];
      expect(outside, name).toEqual([]);
      // A heir is a unit in force in the same province: the source's stale codes pointed some to namesakes elsewhere.
      const current = new Set(part.units.filter((u) => u.validTo === null).map((u) => u.id));
      expect(
        part.successors.filter(([, to]) => !current.has(to)),
        name,
      ).toEqual([]);
    }
  });

  it('gives Cao Bằng its published figures: 56 units (53 xã, 3 phường), 161 former communes in 10 former district-level units', () => {
    const cb = catalogueFor(CAO_BANG_CODE);
    const communes = cb.units.filter((u) => u.level === 'commune' && u.validTo === null);
    expect(communes).toHaveLength(56);
    expect(communes.filter((u) => u.type === 'Xã')).toHaveLength(53);
    expect(communes.filter((u) => u.type === 'Phường')).toHaveLength(3);
    const districts = cb.units.filter((u) => u.level === 'district');
    expect(districts).toHaveLength(10);
    expect(districts.map((d) => `${d.type} ${d.name}`)).toContain('Thành phố Cao Bằng');
    const formerCommunes = cb.units.filter((u) => u.level === 'commune' && u.validTo !== null);
    expect(formerCommunes).toHaveLength(161);
    expect(new Set(formerCommunes.map((c) => c.parentId))).toEqual(new Set(districts.map((d) => d.id)));
  });

  it("gives a province the former provinces merged into it: Tuyên Quang knows Hà Giang's districts and communes", () => {
    const code = findCatalogueProvince('tuyen quang');
    expect(code).toBe('08');
    const tq = catalogueFor(code!);
    const haGiang = tq.units.find((u) => u.level === 'province' && u.name === 'Hà Giang');
    expect(haGiang).toMatchObject({ type: 'Tỉnh', validTo: '2025-06-30' });
    const haGiangDistricts = tq.units.filter((u) => u.parentId === haGiang!.id);
    expect(haGiangDistricts.length).toBeGreaterThan(5);
    expect(tq.successors).toContainEqual([
      haGiang!.id,
      tq.units.find((u) => u.level === 'province' && u.name === 'Tuyên Quang')!.id,
      false,
    ]);
    // A former province is not a province to choose: the choice names the one it joined.
    expect(findCatalogueProvince('Hà Giang')).toBeNull();
    expect(findCatalogueProvince('ha noi')).toBe('01');
    expect(findCatalogueProvince('TẤT CẢ')).toBeNull();
    expect(findCatalogueProvince('all')).toBe('all');
  });

  it("writes names as officially spelled, with the unit's type apart", () => {
    expect(officialSpelling('Hoà An')).toBe('Hòa An');
    expect(officialSpelling('Thuỵ Khuê')).toBe('Thụy Khuê');
    // "qu" is one consonant: the mark of "quy" sits on the "y", however it was written.
    expect(['Quý', 'Quỳ', 'Quỹ', 'Qúy Hòa', 'Hoằng Qùy'].map(officialSpelling)).toEqual([
      'Quý',
      'Quỳ',
      'Quỹ',
      'Quý Hòa',
      'Hoằng Quỳ',
    ]);
    expect(splitType('Huyện Bảo Lạc')).toEqual({ type: 'Huyện', name: 'Bảo Lạc' });
    expect(splitType('Thị trấn Bảo Lạc')).toEqual({ type: 'Thị trấn', name: 'Bảo Lạc' });
    expect(splitType('Thành phố Hà Nội')).toEqual({ type: 'Thành phố', name: 'Hà Nội' });
    expect(splitType('Bảo Lạc', 'Xã')).toEqual({ type: 'Xã', name: 'Bảo Lạc' });
    const names = catalogueFor('all').units.map((u) => u.name);
    // No name begins with a type word: the statistics office writes Huế's former ward "Phường Đúc" (19780), where the
    // first releases had "Phường Phường Đúc".
    expect(names.filter((n) => /^(Tỉnh|Huyện|Xã|Phường|Thị trấn) /.test(n))).toEqual([]);
    // The old placement of the tone in an open syllable ("Hoà", "Thuỵ"; not "Hoàn", nor "Quý" where "qu" is one sound).
    expect(names.filter((n) => /(oà|oá|oả|oã|oạ|(?<!q)(uỳ|uý|uỷ|uỹ|uỵ))(?!\p{L})/iu.test(n))).toEqual([]);
  });
});

describe('choosing the province', () => {
  it('puts the units in with one statement per unit and link, in one transaction, once; another province or a former one is refused with its reason', async () => {
    for (const province of [CAO_BANG_CODE, 'all']) {
      const t = await tempLedger({ seed: false });
      try {
        const { result: chosen, work } = await metered(t.ledger.sqlite, () =>
          t.service.invoke('places.choose', { province: province === 'all' ? 'all' : 'cao bang' }),
        );
        const catalogue = catalogueFor(province);
        expect(chosen.units).toBe(catalogue.units.length);
        // What makes it quick whatever the catalogue's size (the whole country's is some 15,000 units): each row one
        // insert, of a few statements prepared once, nothing read back, committed together. Around them, a few dozen
        // statements at most (setting the tracking triggers aside and back, recording the choice).
        const rows = catalogue.units.length + catalogue.successors.length;
        expect(work.statements, province).toBeGreaterThanOrEqual(rows);
        expect(work.statements - rows, province).toBeLessThanOrEqual(30);
        expect(work.prepared, province).toBeLessThanOrEqual(20);
        expect(work.rows, province).toBeLessThanOrEqual(20);
        expect(work.commits, province).toBe(1);
        const setup = await t.service.invoke('places.setup', {});
        expect(setup).toMatchObject({ province, hasPlaces: true });
        expect(await t.service.invoke('places.choose', { province: province === 'all' ? 'all' : '04' })).toEqual(
          chosen,
        );
        await expect(t.service.invoke('places.choose', { province: 'Hà Nội' })).rejects.toMatchObject({
          code: 'invalid_input',
          field: 'province',
        });
      } finally {
        await t.close();
      }
    }
    const t = await tempLedger({ seed: false });
    try {
      await expect(t.service.invoke('places.choose', { province: 'Hà Giang' })).rejects.toThrow(/Tuyên Quang/);
      await expect(t.service.invoke('places.choose', { province: 'Atlantis' })).rejects.toThrow(/Atlantis/);
      expect(await t.service.invoke('places.list', {})).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('a province that took in another', () => {
  it("reports the former province's pledges with its own, and counts them under today's communes", async () => {
    const t = await tempLedger({ seed: false });
    try {
      await t.service.invoke('places.choose', { province: 'Tuyên Quang' });
      const places = await t.service.invoke('places.list', {});
      const haGiang = places.find((p) => p.displayName === 'Tỉnh Hà Giang')!;
      const district = places.find((p) => p.parentId === haGiang.id)!;
      const commune = places.find((p) => p.parentId === district.id && p.successorIds.length === 1)!;
      const donor = await t.service.invoke('donors.create', { name: 'Quỹ Hà Giang', kind: 'foundation' });
      await t.service.invoke('pledges.create', {
        donorId: donor.id,
        placeId: commune.id,
        kind: 'house',
        description: 'Nhà ở',
        amountMinor: 70_000_000,
        currency: 'VND',
        pledgeDate: '2022-08-01',
        status: 'pledged',
      });
      const report = await t.service.invoke('reports.preview', { period: '2022-Q3' });
      expect(report).toMatchObject({ provinceName: 'Tuyên Quang', wholeProvince: true });
      expect(report.summary.map((r) => [r.placeName, r.pledgedVnd])).toEqual([
        [`${commune.displayName} (trước 01/07/2025)`, 70_000_000],
      ]);
      const today = await t.service.invoke('reports.preview', { period: '2022-Q3', unitsOf: '2026-12-04' });
      const heir = places.find((p) => p.id === commune.successorIds[0])!;
      expect(heir.parentId).toBe(places.find((p) => p.displayName === 'Tỉnh Tuyên Quang')!.id);
      expect(today.summary.map((r) => [r.placeName, r.pledgedVnd])).toEqual([[heir.displayName, 70_000_000]]);
      const underToday = await t.service.invoke('totals', {
        by: 'kind',
        filter: { placeId: heir.parentId!, unitsOf: '2026-12-04' },
      });
      expect(underToday.total.pledged).toBe(70_000_000);
    } finally {
      await t.close();
    }
  });
});

describe('a name on a date', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    await t.service.invoke('places.choose', { province: CAO_BANG_CODE });
  });
  afterAll(() => t.close());

  it('names the one unit it can among those in force on the date', async () => {
    expect((await found(t, 'Bảo Lạc', '2022-05-01')).displayName).toBe('Huyện Bảo Lạc');
    expect((await found(t, 'thi tran bao lac', '2022-05-01')).displayName).toBe('Thị trấn Bảo Lạc');
    expect((await found(t, 'bao lac', '2026-01-01')).displayName).toBe('Xã Bảo Lạc');
    expect((await found(t, 'Phường Thục Phán', '2026-01-01')).displayName).toBe('Phường Thục Phán');
    expect((await found(t, 'cao bang', '2026-01-01')).displayName).toBe('Tỉnh Cao Bằng');
  });

  it('refuses a unit that no longer existed, naming what it became, in both languages', async () => {
    const error = await placeError(t, 'Hồng Trị', '2026-01-01');
    expect(error.message).toContain('Xã Hồng Trị');
    expect(error.message).toContain('30/06/2025');
    expect(error.message).toContain('Xã Bảo Lạc');
    expect(error.bilingual.en).toBe('Place: Xã Hồng Trị ceased on 30/06/2025; it became Xã Bảo Lạc');
  });

  it('refuses a name several units share, listing them with their district', async () => {
    const error = await placeError(t, 'Hưng Đạo', '2022-05-01');
    expect(error.bilingual.vi).toMatch(/Xã Hưng Đạo \(Huyện [^)]+\).*Xã Hưng Đạo \((Huyện|Thành phố) [^)]+\)/);
  });
});

describe('a name written with an apostrophe', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    await t.service.invoke('places.choose', { province: '68' });
  });
  afterAll(() => t.close());

  it('is found whichever apostrophe a list was typed with: the office writes B’Lao', async () => {
    for (const typed of ["Phường B'Lao", 'phuong b’lao', 'BʼLao', 'B`Lao'])
      expect((await found(t, typed, '2026-01-01')).displayName).toBe('Phường B’Lao');
    for (const typed of ["Xã D'Ran", 'd’ran'])
      expect((await found(t, typed, '2026-01-01')).displayName).toBe('Xã D’Ran');
  });
});

describe("figures in today's units", () => {
  let t: TestLedger;
  let byName: (name: string) => Place;
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    await t.service.invoke('places.choose', { province: CAO_BANG_CODE });
    const places = await t.service.invoke('places.list', {});
    byName = (name) =>
      places.find(
        (p) =>
          p.displayName === name &&
          (p.validTo === null || !places.some((q) => q.displayName === name && q.validTo === null)),
      )!;
  });
  afterAll(() => t.close());

  it("count a former commune's pledges under the unit it became, and a former district's in a group of its own", async () => {
    const donor = await t.service.invoke('donors.create', { name: 'Tổ chức Tzu Chi', kind: 'foreign_ngo' });
    const pledge = (place: string, pledgeDate: string, amountMinor: number) =>
      t.service.invoke('pledges.create', {
        donorId: donor.id,
        placeId: byName(place).id,
        kind: 'house',
        description: `Nhà ở ${place}`,
        amountMinor,
        currency: 'VND',
        pledgeDate,
        status: 'pledged',
      });
    await pledge('Xã Hồng Trị', '2022-07-07', 100_000_000); // became Xã Bảo Lạc
    await pledge('Thị trấn Bảo Lạc', '2023-03-01', 20_000_000); // became Xã Bảo Lạc
    await pledge('Xã Bảo Lạc', '2026-02-01', 3_000_000);
    await pledge('Huyện Bảo Lạc', '2022-07-07', 400_000_000); // the whole district: became several communes
    const province = byName('Tỉnh Cao Bằng').id;
    for (const rowByRow of [false, true]) {
      readAllRows.value = rowByRow;
      try {
        const then = await t.service.invoke('totals', { by: 'place', filter: {}, rollUpUnder: province });
        // As the 2022 reports did: the former communes roll up to their former district.
        expect(then.groups.map((g) => [g.label, g.pledged])).toEqual([
          ['Huyện Bảo Lạc (trước 01/07/2025)', 520_000_000],
          ['Xã Bảo Lạc', 3_000_000],
        ]);
        const today = await t.service.invoke('totals', {
          by: 'place',
          filter: { unitsOf: '2026-12-04' },
          rollUpUnder: province,
        });
        expect(today.groups.map((g) => [g.label, g.pledged, g.pledgeCount])).toEqual([
          ['Huyện Bảo Lạc (trước 01/07/2025)', 400_000_000, 1],
          ['Xã Bảo Lạc', 123_000_000, 3],
        ]);
        expect(today.total.pledged).toBe(then.total.pledged);
        const en = await t.service.invoke('totals', {
          by: 'place',
          filter: { unitsOf: '2026-12-04' },
          rollUpUnder: province,
          lang: 'en',
        });
        expect(en.groups[0]!.label).toBe('Huyện Bảo Lạc (before 01/07/2025)');
        // Today's commune, with its past: the 2022–2026 trend of Xã Bảo Lạc.
        const trend = await t.service.invoke('totals', {
          by: 'quarter',
          filter: { placeId: byName('Xã Bảo Lạc').id, unitsOf: '2026-12-04' },
        });
        expect(trend.groups.map((g) => [g.key, g.pledged])).toEqual([
          ['2022-Q3', 100_000_000],
          ['2023-Q1', 20_000_000],
          ['2026-Q1', 3_000_000],
        ]);
        const asRecorded = await t.service.invoke('totals', {
          by: 'quarter',
          filter: { placeId: byName('Xã Bảo Lạc').id },
        });
        expect(asRecorded.total.pledged).toBe(3_000_000);
      } finally {
        readAllRows.value = false;
      }
    }
    const listed = await t.service.invoke('pledges.list', {
      filter: { placeId: byName('Xã Bảo Lạc').id, unitsOf: '2026-12-04' },
    });
    expect(listed.total).toBe(3);
    // On a date before the reform, the former units are themselves.
    const before = await t.service.invoke('pledges.list', {
      filter: { placeId: byName('Xã Bảo Lạc').id, unitsOf: '2024-01-01' },
    });
    expect(before.total).toBe(1);
  });

  it("make the report by today's units, its total unchanged", async () => {
    const asRecorded = await t.service.invoke('reports.preview', { period: '2022-Q3' });
    const today = await t.service.invoke('reports.preview', { period: '2022-Q3', unitsOf: '2026-12-04' });
    const rows = (r: typeof today) => r.summary.map((row) => [row.placeName, row.pledgedVnd]);
    expect(rows(asRecorded)).toEqual([
      ['Huyện Bảo Lạc (trước 01/07/2025)', 400_000_000],
      ['Xã Hồng Trị (trước 01/07/2025)', 100_000_000],
    ]);
    expect(rows(today)).toEqual([
      ['Huyện Bảo Lạc (trước 01/07/2025)', 400_000_000],
      ['Xã Bảo Lạc', 100_000_000],
    ]);
    expect(today.summaryTotal).toEqual(asRecorded.summaryTotal);
    expect(today.unitsOf).toBe('2026-12-04');
    // One commune of today, with the former communes merged into it.
    const commune = await t.service.invoke('reports.preview', {
      period: '2023',
      placeId: byName('Xã Bảo Lạc').id,
      unitsOf: '2026-12-04',
    });
    expect(rows(commune)).toEqual([['Xã Bảo Lạc', 20_000_000]]);
    expect(commune.summaryTotal.remainingVnd).toBe(120_000_000);
  });

  it('lose and invent nothing, whatever units the pledges were recorded against (property)', async () => {
    const places = (await t.service.invoke('places.list', {})).filter((p) => p.level !== 'province');
    const donor = await t.service.invoke('donors.create', { name: 'Quỹ thử', kind: 'foundation' });
    const province = byName('Tỉnh Cao Bằng').id;
    const successors = new Map(places.map((p) => [p.id, p.successorIds]));
    const validTo = new Map(places.map((p) => [p.id, p.validTo]));
    // Independently of the ledger: where a unit's pledges stand on a date, following sole heirs.
    const standsAt = (id: string, date: string): string => {
      const to = validTo.get(id);
      const next = successors.get(id) ?? [];
      return to !== null && to !== undefined && to < date && next.length === 1 ? standsAt(next[0]!, date) : id;
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ place: fc.nat(places.length - 1), amount: fc.integer({ min: 1, max: 1_000_000 }) }), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.constantFrom('2024-01-01', '2025-07-01', '2026-12-04'),
        async (drawn, date) => {
          const made: string[] = [];
          try {
            for (const { place, amount } of drawn) {
              const unit = places[place]!;
              const pledgeDate = unit.validTo ?? '2026-01-01';
              made.push(
                (
                  await t.service.invoke('pledges.create', {
                    donorId: donor.id,
                    placeId: unit.id,
                    kind: 'gift',
                    description: 'Quà',
                    amountMinor: amount * 1000,
                    currency: 'VND',
                    pledgeDate,
                    status: 'pledged',
                  })
                ).id,
              );
            }
            const result = await t.service.invoke('totals', {
              by: 'place',
              filter: { donorId: donor.id, unitsOf: date },
            });
            const expected = new Map<string, number>();
            for (const { place, amount } of drawn) {
              const key = standsAt(places[place]!.id, date);
              expected.set(key, (expected.get(key) ?? 0) + amount * 1000);
            }
            expect(new Map(result.groups.map((g) => [g.key, g.pledged]))).toEqual(expected);
            // A unit's figures in today's units are those of its pledges found by the same filter.
            for (const key of expected.keys()) {
              const under = await t.service.invoke('totals', {
                by: 'kind',
                filter: { donorId: donor.id, placeId: key, unitsOf: date },
              });
              const rolledIn = [...expected.entries()]
                .filter(([k]) => k === key || isUnder(k, key, date))
                .reduce((s, [, v]) => s + v, 0);
              expect(under.total.pledged).toBe(rolledIn);
            }
          } finally {
            for (const id of made) await t.service.invoke('pledges.delete', { id });
          }
        },
      ),
      propertyParams(25),
    );
    // Walking up from a unit as it stands on the date: each parent, then where that parent went.
    function isUnder(id: string, ancestor: string, date: string): boolean {
      let parent = places.find((p) => p.id === id)?.parentId ?? null;
      while (parent !== null && parent !== province) {
        parent = standsAt(parent, date);
        if (parent === ancestor) return true;
        parent = places.find((p) => p.id === parent)?.parentId ?? null;
      }
      return false;
    }
  });
});
