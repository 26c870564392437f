/** Chart series and KPI tiles are pure functions of `totals` results. */
import { describe, expect, it } from 'vitest';
import type { TotalsGroup, TotalsResult } from '../../contract';
import { axisLines, kindShare, kpis, placeBars, quarterSeries, topDonors } from '../../renderer/src/charts';
import { periodRange, quarterRange, toContractFilter, EMPTY_FILTER } from '../../renderer/src/filters';
import { compactVnd, parseQuantity, parseRateText, showQuantity } from '../../renderer/src/format';

function result(by: TotalsResult['by'], groups: Partial<TotalsGroup>[]): TotalsResult {
  const full = groups.map((g, i) => ({
    key: `k${i}`,
    label: `L${i}`,
    pledged: 0,
    delivered: 0,
    pledgeCount: 1,
    quantity: '0',
    ...g,
  }));
  return {
    currency: 'VND',
    by,
    groups: full,
    total: {
      pledged: full.reduce((s, g) => s + g.pledged, 0),
      delivered: full.reduce((s, g) => s + g.delivered, 0),
      pledgeCount: full.reduce((s, g) => s + g.pledgeCount, 0),
    },
  };
}

describe('chart data', () => {
  const byKind = result('kind', [
    {
      key: 'house',
      label: 'Nhà ở',
      pledged: 1_740_000_000,
      delivered: 440_000_000,
      quantity: '32',
      pledgeCount: 3,
      units: [
        { unit: 'căn', quantity: '12', pledgeCount: 2 },
        { unit: 'hộ', quantity: '20', pledgeCount: 1 },
      ],
      withoutQuantity: 0,
    },
    {
      key: 'gift',
      label: 'Quà',
      pledged: 1_500_000_000,
      quantity: '1000',
      pledgeCount: 2,
      units: [{ unit: 'suất', quantity: '1000', pledgeCount: 1 }],
      withoutQuantity: 1,
    },
    { key: 'scholarship', label: 'Học bổng', pledged: 460_000_000, pledgeCount: 2, units: [], withoutQuantity: 2 },
    { key: 'cash', label: 'Tiền mặt', pledged: 0, delivered: 5 },
  ]);
  const byDonor = result('donor', [
    { key: 'a', label: 'A', pledged: 10 },
    { key: 'b', label: 'B', pledged: 30 },
    { key: 'c', label: 'C', pledged: 20, delivered: 7 },
    { key: 'd', label: 'D', pledged: 5 },
    { key: 'e', label: 'E', pledged: 0, delivered: 3, pledgeCount: 0 },
  ]);

  it('KPI tiles: pledged, delivered, remaining, each kind by unit with its pledges, and donors', () => {
    // Until the quantities by unit come, a kind's tile has its count of pledges.
    expect(kpis(byKind, byDonor).houses).toEqual({ pledges: 3, units: null, withoutQuantity: 0 });
    expect(kpis(byKind, byDonor, byKind)).toEqual({
      pledged: 3_700_000_000,
      delivered: 440_000_005,
      remaining: 3_259_999_995,
      houses: {
        pledges: 3,
        units: [
          { unit: 'căn', quantity: '12', pledgeCount: 2 },
          { unit: 'hộ', quantity: '20', pledgeCount: 1 },
        ],
        withoutQuantity: 0,
      },
      gifts: { pledges: 2, units: [{ unit: 'suất', quantity: '1000', pledgeCount: 1 }], withoutQuantity: 1 },
      scholarships: { pledges: 2, units: [], withoutQuantity: 2 },
      donors: 4,
    });
  });

  it('top donors with one "others" bar that adds up exactly', () => {
    const bars = topDonors(byDonor, 2, 'Khác');
    expect(bars.map((b) => [b.key, b.pledged, b.delivered])).toEqual([
      ['b', 30, 0],
      ['c', 20, 7],
      [null, 15, 3],
    ]);
    expect(bars.reduce((s, b) => s + b.pledged, 0)).toBe(byDonor.total.pledged);
    expect(topDonors(byDonor, 10, 'Khác')).toHaveLength(5);
  });

  it('share by kind leaves out empty kinds, largest first', () => {
    expect(kindShare(byKind).map((s) => [s.key, s.value])).toEqual([
      ['house', 1_740_000_000],
      ['gift', 1_500_000_000],
      ['scholarship', 460_000_000],
    ]);
  });

  it('quarters run without gaps between the first and the last', () => {
    const byQuarter = result('quarter', [
      { key: '2023-Q1', label: 'Quý 1/2023', pledged: 3, delivered: 1 },
      { key: '2022-Q3', label: 'Quý 3/2022', pledged: 7 },
    ]);
    expect(quarterSeries(byQuarter, (y, q) => `Quý ${q}/${y}`).map((b) => [b.key, b.label, b.pledged])).toEqual([
      ['2022-Q3', 'Quý 3/2022', 7],
      ['2022-Q4', 'Quý 4/2022', 0],
      ['2023-Q1', 'Quý 1/2023', 3],
    ]);
    expect(quarterSeries(result('quarter', []), () => '')).toEqual([]);
  });

  it('places sorted by pledged value', () => {
    const byPlace = result('place', [
      { key: 'x', label: 'Bảo Lạc', pledged: 1 },
      { key: 'y', label: 'Nguyên Bình', pledged: 9 },
    ]);
    expect(placeBars(byPlace).map((b) => b.label)).toEqual(['Nguyên Bình', 'Bảo Lạc']);
  });

  it("set a long place name on two lines, a former unit's mark on its own", () => {
    expect(axisLines('Xã Bảo Lạc')).toEqual(['Xã Bảo Lạc']);
    expect(axisLines('Huyện Nguyên Bình (đơn vị cũ)')).toEqual(['Huyện Nguyên Bình', '(đơn vị cũ)']);
    expect(axisLines('Huyện Nguyên Bình (trước 01/07/2025)')).toEqual(['Huyện Nguyên Bình', '(trước 01/07/2025)']);
    expect(axisLines('Liên hiệp các tổ chức hữu nghị Việt Nam')).toEqual([
      'Liên hiệp các tổ chức',
      'hữu nghị Việt Nam',
    ]);
    expect(axisLines('Thị trấn Nguyên Bình, huyện Nguyên Bình cũ và các xã lân cận')).toEqual([
      'Thị trấn Nguyên Bình,',
      'huyện Nguyên Bình cũ…',
    ]);
    expect(axisLines('Xãxãxãxãxãxãxãxãxãxãxãxãxã')).toEqual(['Xãxãxãxãxãxãxãxãxãxãx…']);
  });
});

describe('filters', () => {
  const today = new Date(2026, 10, 22); // 22/11/2026
  it('turn period presets into date ranges', () => {
    expect(periodRange('all', today)).toEqual({});
    expect(periodRange('thisQuarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(periodRange('lastQuarter', today)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(periodRange('lastQuarter', new Date(2026, 1, 10))).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(periodRange('thisYear', today)).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(periodRange('lastYear', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodRange('thisQuarter', new Date(2024, 1, 29))).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quarterRange('2022-Q3')).toEqual({ from: '2022-07-01', to: '2022-09-30' });
    expect(quarterRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
  });

  it('become the contract filter, leaving out what is not chosen', () => {
    expect(toContractFilter(EMPTY_FILTER, today)).toEqual({});
    expect(
      toContractFilter(
        { ...EMPTY_FILTER, preset: 'custom', from: '2022-07-01', kinds: ['house'], text: '  bao lac ' },
        today,
      ),
    ).toEqual({
      from: '2022-07-01',
      kinds: ['house'],
      text: 'bao lac',
    });
    // Aid item facets: each kind ORed within itself, the kinds ANDed; a sector may be the department's own.
    expect(
      toContractFilter(
        {
          ...EMPTY_FILTER,
          itemFacets: ['sector:health', 'stage:approved', 'sector:Phòng chống thiên tai', 'modality:project'],
        },
        today,
      ),
    ).toEqual({
      sectors: ['health', 'Phòng chống thiên tai'],
      modalities: ['project'],
      stages: ['approved'],
    });
  });
});

describe('display helpers', () => {
  it("write quantities, rates and compact amounts in the user's style", () => {
    expect(showQuantity('1000', 'vi')).toBe('1.000');
    expect(showQuantity('2.5', 'vi')).toBe('2,5');
    expect(showQuantity('2.5', 'en')).toBe('2.5');
    expect(parseQuantity('1.000', 'vi')).toBe('1000');
    expect(parseQuantity('2,5', 'vi')).toBe('2.5');
    expect(parseQuantity('2,5,1', 'vi')).toBe('invalid');
    expect(parseQuantity('1.5', 'vi')).toBe('invalid'); // not read as 15
    expect(parseQuantity('0,0001', 'vi')).toBe('invalid');
    expect(parseRateText('23.070,5', 'vi')).toBe('23070.5');
    expect(parseRateText('0', 'vi')).toBe('invalid');
    expect(compactVnd(1_880_000_000, 'vi')).toBe('1,88 tỷ');
    expect(compactVnd(1_880_000_000, 'en')).toBe('1.88B');
    expect(compactVnd(230_000_000, 'vi')).toBe('230 tr');
    expect(compactVnd(999, 'vi')).toBe('999');
  });
});
