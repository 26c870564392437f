/** The places and rates screens' rules, apart from the screens: the tree as rows, a search, and what is saved. */
import { describe, expect, it } from 'vitest';
import type { Place } from '../../contract';
import { placeTree } from '../../renderer/src/places';
import {
  foundPlaces,
  initialPlaceValues,
  placeInput,
  placeNames,
  placeRows,
  successorOptions,
} from '../../renderer/src/screens/placeList';
import { RATE_CURRENCIES, rateInput } from '../../renderer/src/screens/rateEntry';

const place = (id: string, name: string, parentId: string | null, more: Partial<Place> = {}): Place =>
  ({
    id,
    name,
    displayName: name,
    unitType: null,
    level: 'commune',
    parentId,
    code: null,
    validFrom: null,
    validTo: null,
    successorIds: [],
    ...more,
  }) as Place;

const places = [
  place('cb', 'Tỉnh Cao Bằng', null, { level: 'province' }),
  place('nb', 'Huyện Nguyên Bình', 'cb', { level: 'district', validTo: '2025-06-30', successorIds: ['tt'] }),
  place('tt', 'Xã Tĩnh Túc', 'cb'),
  place('ca', 'Xã Ca Thành', 'nb', { validTo: '2025-06-30' }),
];

describe('the places screen', () => {
  it('shows the tree as rows, a leaf without children', () => {
    const rows = placeRows(placeTree(places));
    expect(rows.map((r) => r.id)).toEqual(['cb']);
    expect(rows[0]!.children!.map((r) => r.id)).toEqual(['tt', 'nb']);
    expect(rows[0]!.children![0]).not.toHaveProperty('children');
  });

  it('finds units by name without accents, each with what it belongs to, those in force first', () => {
    const names = placeNames(places);
    expect(foundPlaces('  ', places, names)).toBeNull();
    expect(foundPlaces('xa', places, names)!.map((p) => p.displayName)).toEqual([
      'Xã Tĩnh Túc · Tỉnh Cao Bằng',
      'Xã Ca Thành · Huyện Nguyên Bình',
    ]);
  });

  it('opens a new unit as a commune, an existing one with its dates as typed, and saves empty fields as none', () => {
    expect(initialPlaceValues(undefined)).toEqual({ level: 'commune' });
    expect(initialPlaceValues(places[1])).toEqual({
      name: 'Huyện Nguyên Bình',
      level: 'district',
      parentId: 'cb',
      code: '',
      validFrom: '',
      validTo: '30/06/2025',
      successorIds: ['tt'],
    });
    expect(placeInput({ name: 'Xã Mới', level: 'commune', code: '', validFrom: '01/07/2025' })).toEqual({
      name: 'Xã Mới',
      unitType: null,
      level: 'commune',
      parentId: null,
      code: null,
      validFrom: '2025-07-01',
      validTo: null,
      successorIds: [],
    });
    expect(successorOptions(places, 'nb').map((o) => o.value)).toEqual(['cb', 'tt', 'ca']);
  });
});

describe('the rates screen', () => {
  it('offers every currency but the dong', () => {
    expect(RATE_CURRENCIES).not.toContain('VND');
    expect(RATE_CURRENCIES).toContain('USD');
  });

  it('saves a rate for a month or a day, the rate read the user’s way', () => {
    const values = { currency: 'USD', period: '07/2022', rate: '23.500', source: 'Vietcombank' };
    expect(rateInput(values, 'month', 'vi')).toEqual({
      currency: 'USD',
      validOn: '2022-07',
      rate: '23500',
      source: 'Vietcombank',
    });
    expect(rateInput({ ...values, period: '05/07/2022' }, 'day', 'vi').validOn).toBe('2022-07-05');
    expect(rateInput({ ...values, rate: '23,500' }, 'month', 'en').rate).toBe('23500');
  });
});
