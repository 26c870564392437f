/** A filter's date field (what it applies as typed, when it takes up a date set elsewhere) and the place charted under. */
import { describe, expect, it } from 'vitest';
import type { Place } from '../../contract';
import { followsDate, rollUpPlace, typedFilterDate } from '../../renderer/src/filters';

describe('a filter’s date', () => {
  it('applies a real day, clears when emptied, and applies nothing while it is neither', () => {
    expect(typedFilterDate('07/07/2022')).toEqual({ iso: '2022-07-07' });
    expect(typedFilterDate('  ')).toEqual({ iso: undefined });
    expect(typedFilterDate('31/02/2022')).toBeNull();
    expect(typedFilterDate('07/07')).toBeNull();
  });

  it('takes up a date set elsewhere, unless the user is typing one not yet readable', () => {
    expect(followsDate('', '2022-07-01')).toBe(true);
    expect(followsDate('07/07/2022', '2022-07-01')).toBe(true);
    expect(followsDate('07/07/2022', undefined)).toBe(true);
    expect(followsDate('01/07/2022', '2022-07-01')).toBe(false);
    expect(followsDate('', undefined)).toBe(false);
    expect(followsDate('07/0', '2022-07-01')).toBe(false);
  });
});

describe('the chart by place', () => {
  it('groups under the place chosen, or the ledger’s province, or (a national ledger) nothing', () => {
    const province = { id: 'cb', level: 'province', parentId: null } as Place;
    const district = { id: 'nb', level: 'district', parentId: 'cb' } as Place;
    expect(rollUpPlace('nb', [province, district])).toBe('nb');
    expect(rollUpPlace(undefined, [district, province])).toBe('cb');
    expect(rollUpPlace(undefined, [district])).toBeUndefined();
    expect(rollUpPlace(undefined, undefined)).toBeUndefined();
    // A former province merged into the ledger's stands under nothing too, and is not the ledger's.
    const former = { id: 'hg', level: 'province', parentId: null, validTo: '2025-06-30' } as Place;
    expect(rollUpPlace(undefined, [former, district, province])).toBe('cb');
    // Two provinces in force: a national ledger.
    expect(rollUpPlace(undefined, [province, { ...province, id: 'tq' }])).toBeUndefined();
  });
});
