/**
 * A unit no longer in force is shown with the first day it was not, taken from its own end of validity: the
 * reform's units read "(trước 01/07/2025)", a unit ended on another day reads that day — in the totals and the report.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formerMark, placeLabel } from '../contract/places';
import { type TestLedger, tempLedger } from './helpers';

describe('the mark of a former unit', () => {
  it.each([
    ['2025-06-30', '(trước 01/07/2025)', '(before 01/07/2025)'],
    ['2024-12-31', '(trước 01/01/2025)', '(before 01/01/2025)'],
    ['2024-02-28', '(trước 29/02/2024)', '(before 29/02/2024)'],
    ['2019-12-31', '(trước 01/01/2020)', '(before 01/01/2020)'],
  ])('a unit valid to %s reads %s', (validTo, vi, en) => {
    expect(formerMark(validTo, 'vi')).toBe(vi);
    expect(formerMark(validTo, 'en')).toBe(en);
  });

  it('is added to a former unit only', () => {
    expect(placeLabel({ displayName: 'Xã Lũng Cú', validTo: '2025-06-30' }, 'vi')).toBe(
      'Xã Lũng Cú (trước 01/07/2025)',
    );
    expect(placeLabel({ displayName: 'Xã Lũng Cú', validTo: null }, 'vi')).toBe('Xã Lũng Cú');
  });
});

describe('a unit ended on a day of its own', () => {
  let t: TestLedger;
  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    await t.service.invoke('places.choose', { province: '04' });
    const province = (await t.service.invoke('places.list', {})).find((p) => p.displayName === 'Tỉnh Cao Bằng')!;
    // A unit entered by hand, merged away at the end of 2019.
    const old = await t.service.invoke('places.create', {
      name: 'Thử Cũ',
      unitType: 'Xã',
      level: 'commune',
      parentId: province.id,
      validTo: '2019-12-31',
    });
    const donor = await t.service.invoke('donors.create', { name: 'Quỹ Thử', kind: 'foundation' });
    await t.service.invoke('pledges.create', {
      donorId: donor.id,
      placeId: old.id,
      kind: 'gift',
      description: 'Quà',
      amountMinor: 10_000_000,
      currency: 'VND',
      pledgeDate: '2019-06-01',
      status: 'pledged',
    });
  }, 60_000);
  afterAll(async () => {
    await t.close();
  });

  it('is shown with the day after its last in the totals and the report, in both languages', async () => {
    const vi = await t.service.invoke('totals', { by: 'place', filter: {} });
    expect(vi.groups.map((g) => g.label)).toEqual(['Xã Thử Cũ (trước 01/01/2020)']);
    const en = await t.service.invoke('totals', { by: 'place', filter: {}, lang: 'en' });
    expect(en.groups.map((g) => g.label)).toEqual(['Xã Thử Cũ (before 01/01/2020)']);
    const report = await t.service.invoke('reports.preview', { period: '2019' });
    expect(report.summary.map((r) => r.placeName)).toEqual(['Xã Thử Cũ (trước 01/01/2020)']);
    expect(report.pledges.map((r) => r.placeName)).toEqual(['Xã Thử Cũ (trước 01/01/2020)']);
  });
});
