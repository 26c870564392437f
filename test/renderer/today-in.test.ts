/** "Nay thuộc" as the screens read and send it: the pledge form's value, the history's names, an item's places. */
import { describe, expect, it } from 'vitest';
import type { AidItem, PledgeRow } from '../../contract';
import { changeText } from '../../renderer/src/components/history';
import { itemPlacesText } from '../../renderer/src/components/itemFacts';
import { initialPledgeValues, pledgeInput } from '../../renderer/src/components/pledgeForm';

const pledge = {
  id: 'p1',
  donorId: 'd1',
  placeId: 'former',
  kind: 'house',
  description: 'Nhà đại đoàn kết',
  quantity: null,
  unit: null,
  unitValueMinor: null,
  amountMinor: 250_000_000,
  currency: 'VND',
  rate: '1',
  rateDate: null,
  rateSource: null,
  vndEquivalent: 250_000_000,
  pledgeDate: '2022-07-07',
  status: 'pledged',
  statusByUser: false,
  beneficiaries: null,
  approvalNumber: null,
  approvalDate: null,
  notes: null,
  itemId: null,
  todayPlaceId: 'heir-b',
  recipient: null,
  village: null,
  createdAt: '2022-07-07T00:00:00.000Z',
  updatedAt: '2022-07-07T00:00:00.000Z',
  donorName: 'Quỹ Nhịp cầu',
  donorShortName: null,
  placeName: 'Xã Hồng Trị',
  todayPlaceName: 'Xã Bảo Lạc',
  deliveredAmountMinor: 0,
  deliveredVnd: 0,
  remainingAmountMinor: 250_000_000,
} satisfies PledgeRow;

describe('"nay thuộc" in the screens', () => {
  it('is filled from the pledge and sent as chosen; left empty, it is sent as none', () => {
    const values = initialPledgeValues(pledge, 'vi', '2026-12-07');
    expect(values.todayPlaceId).toBe('heir-b');
    expect(pledgeInput(values, pledge, false, 'vi')).toMatchObject({ placeId: 'former', todayPlaceId: 'heir-b' });
    expect(pledgeInput({ ...values, todayPlaceId: undefined }, pledge, false, 'vi').todayPlaceId).toBeNull();
    expect(initialPledgeValues({ ...pledge, todayPlaceId: null }, 'vi', '2026-12-07')).not.toHaveProperty(
      'todayPlaceId',
    );
  });

  it("names the units in the pledge's history", () => {
    const names = new Map([
      ['heir-a', 'Phường Thục Phán'],
      ['heir-b', 'Xã Bảo Lạc'],
    ]);
    const placeName = (id: string) => names.get(id);
    expect(
      changeText(
        { field: 'todayPlaceId', before: 'heir-a', after: 'heir-b' },
        { currency: 'VND', lang: 'vi', places: placeName },
      ),
    ).toBe('Phường Thục Phán → Xã Bảo Lạc');
    expect(
      changeText(
        { field: 'todayPlaceId', before: null, after: 'heir-b' },
        { currency: 'VND', lang: 'vi', places: placeName },
      ),
    ).toBe('(không) → Xã Bảo Lạc');
  });

  it("shows an item's split former place with the unit of today it names", () => {
    const item = { placeIds: ['former', 'other'], todayPlaceIds: { former: 'heir-b' } } as unknown as AidItem;
    const places = [
      { id: 'former', displayName: 'Xã Hồng Trị' },
      { id: 'other', displayName: 'Xã Cốc Pàng' },
      { id: 'heir-b', displayName: 'Xã Bảo Lạc' },
    ];
    expect(itemPlacesText(item, places, (place) => `nay thuộc ${place}`)).toBe(
      'Xã Hồng Trị (nay thuộc Xã Bảo Lạc); Xã Cốc Pàng',
    );
  });
});
