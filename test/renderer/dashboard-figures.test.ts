/** How the dashboard writes its figures: tiles, axes, bar labels and pie slices, in VND and in USD cents. */
import { describe, expect, it } from 'vitest';
import { figureFormats, isEmpty, kpiTiles, sliceLabel } from '../../renderer/src/charts';

const tiles = {
  pledged: 1_880_000_000,
  delivered: 880_000_000,
  remaining: 1_000_000_000,
  houses: '20',
  gifts: '1500.5',
  scholarships: '0',
  donors: 3,
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

  it('fill the tiles in their order, quantities and the count of donors as written', () => {
    const shown = kpiTiles(tiles, figureFormats('VND', 'vi').show, 'vi');
    expect(shown.map(([key]) => key)).toEqual([
      'pledged',
      'delivered',
      'remaining',
      'houses',
      'gifts',
      'scholarships',
      'donors',
    ]);
    expect(Object.fromEntries(shown)).toMatchObject({
      remaining: '1.000.000.000 VND',
      gifts: '1.500,5',
      donors: '3',
    });
  });

  it('label a slice with its share in whole percent, and find nothing to chart when nothing was pledged or delivered', () => {
    expect(sliceLabel({ name: 'Nhà ở', percent: 0.4567 })).toBe('Nhà ở 46%');
    expect(sliceLabel({})).toBe(' 0%');
    expect(isEmpty(tiles)).toBe(false);
    expect(isEmpty({ ...tiles, pledged: 0, delivered: 0 })).toBe(true);
  });
});
