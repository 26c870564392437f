/** How the dashboard writes its figures: tiles, axes, bar labels and pie slices, in VND and in USD cents. */
import { describe, expect, it } from 'vitest';
import { figureFormats, isEmpty, kpiTiles, sliceLabel, type TileWords } from '../../renderer/src/charts';

const tiles = {
  pledged: 1_880_000_000,
  delivered: 880_000_000,
  remaining: 1_000_000_000,
  houses: {
    pledges: 4,
    units: [
      { unit: 'căn', quantity: '20', pledgeCount: 2 },
      { unit: 'hộ', quantity: '12', pledgeCount: 1 },
    ],
    withoutQuantity: 1,
  },
  gifts: { pledges: 1, units: [{ unit: '', quantity: '1500.5', pledgeCount: 1 }], withoutQuantity: 0 },
  scholarships: { pledges: 2, units: [], withoutQuantity: 2 },
  donors: 3,
};

const words: TileWords = {
  pledges: (n) => `${n} cam kết`,
  withoutQuantity: (n) => `${n} không ghi số lượng`,
  noQuantity: 'các cam kết không ghi số lượng',
  noUnit: '(không ghi đơn vị)',
  donorsNote: 'có cam kết trong phạm vi đã lọc',
};

describe('the dashboard’s figures', () => {
  it('write money in full with its currency, and short on axes (USD figures are cents)', () => {
    const vnd = figureFormats('VND', 'vi');
    expect(vnd.show(1_880_000_000)).toBe('1.880.000.000 VND');
    expect(vnd.axis(1_880_000_000)).toBe('1,88 tỷ');
    const usd = figureFormats('USD', 'en');
    expect(usd.show(1_000_000)).toBe('10,000.00 USD');
    expect(usd.axis(1_000_000)).toBe('10K');
  });

  it('keep a figure on its bar on one line', () => {
    expect(figureFormats('VND', 'vi').barLabel(1_000_000_000_000)).toBe('1000\u00a0tỷ');
  });

  it('fill the tiles in their order, quantities unit by unit and the count of donors, each saying what it counts', () => {
    const shown = kpiTiles(tiles, figureFormats('VND', 'vi').show, 'vi', words);
    expect(shown.map(([key]) => key)).toEqual([
      'pledged',
      'delivered',
      'remaining',
      'houses',
      'gifts',
      'scholarships',
      'donors',
    ]);
    expect(Object.fromEntries(shown.map(([key, value, note]) => [key, [value, note]]))).toMatchObject({
      remaining: ['1.000.000.000 VND', undefined],
      // Houses and households side by side, never added up; the pledge with no quantity said beneath.
      houses: ['20 căn · 12 hộ', '4 cam kết · 1 không ghi số lượng'],
      gifts: ['1.500,5 (không ghi đơn vị)', '1 cam kết'],
      // No quantity at all: the pledges are what is counted.
      scholarships: ['2 cam kết', 'các cam kết không ghi số lượng'],
      donors: ['3', 'có cam kết trong phạm vi đã lọc'],
    });
    const none = { pledges: 0, units: [], withoutQuantity: 0 };
    expect(
      kpiTiles({ ...tiles, houses: { ...tiles.houses, units: null } }, figureFormats('VND', 'vi').show, 'vi', words)[3],
    ).toEqual(['houses', '4 cam kết', '']);
    expect(kpiTiles({ ...tiles, scholarships: none }, figureFormats('VND', 'vi').show, 'vi', words)[5]).toEqual([
      'scholarships',
      '0 cam kết',
      '',
    ]);
  });

  it('label a slice with its share in whole percent, and find nothing to chart when nothing was pledged or delivered', () => {
    expect(sliceLabel({ name: 'Nhà ở', percent: 0.4567 })).toBe('Nhà ở 46%');
    expect(sliceLabel({})).toBe(' 0%');
    expect(isEmpty(tiles)).toBe(false);
    expect(isEmpty({ ...tiles, pledged: 0, delivered: 0 })).toBe(true);
  });
});
