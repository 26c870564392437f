/** A pledge's aid item in its form and its detail, and its unit value and beneficiaries as the detail reads them. */
import { describe, expect, it } from 'vitest';
import type { PledgeRow } from '../../contract';
import { beneficiariesText, itemNameText, unitValueText } from '../../renderer/src/components/pledgeFacts';
import {
  type AidItemChoice,
  aidItemMatches,
  aidItemOptions,
  initialPledgeValues,
  pledgeInput,
} from '../../renderer/src/components/pledgeForm';

const item = (id: string, donorId: string, extra: Partial<AidItemChoice> = {}): AidItemChoice => ({
  id,
  name: `Khoản ${id}`,
  approvalNumber: null,
  donorId,
  donorName: `Nhà tài trợ ${donorId}`,
  coDonorIds: [],
  ...extra,
});

const items = [
  item('a', 'd2'),
  item('b', 'd1', { name: 'Nhà ở cho hộ nghèo', approvalNumber: '12/QĐ-UBND' }),
  item('c', 'd3', { coDonorIds: ['d1'] }),
];

const label = (i: AidItemChoice) => i.name;
const headings = { own: 'own', others: 'others' };

describe('the aid item picker of a pledge', () => {
  it("offers the donor's items first (its own and those it co-funds), then every other's", () => {
    expect(aidItemOptions(items, 'd1', label, headings)).toEqual([
      {
        label: 'own',
        options: [
          { value: 'b', label: 'Nhà ở cho hộ nghèo', item: items[1] },
          { value: 'c', label: 'Khoản c', item: items[2] },
        ],
      },
      { label: 'others', options: [{ value: 'a', label: 'Khoản a', item: items[0] }] },
    ]);
    // No donor yet, or a donor with no item: one list without headings.
    expect(aidItemOptions(items, undefined, label, headings).map((o) => 'value' in o && o.value)).toEqual([
      'a',
      'b',
      'c',
    ]);
    expect(aidItemOptions(items, 'd9', label, headings)).toHaveLength(3);
  });

  it('finds an item by its name, decision number or donor, accents and case aside', () => {
    expect(aidItemMatches(items[1]!, 'nha o ho ngheo')).toBe(false);
    expect(aidItemMatches(items[1]!, 'ho ngheo')).toBe(true);
    expect(aidItemMatches(items[1]!, '12/qđ')).toBe(true);
    expect(aidItemMatches(items[1]!, 'nha tai tro d1')).toBe(true);
    expect(aidItemMatches(items[1]!, 'truong hoc')).toBe(false);
  });
});

const pledge = {
  id: 'p1',
  pledgeDate: '2022-07-07',
  donorId: 'd1',
  placeId: 'pl1',
  todayPlaceId: null,
  kind: 'house',
  description: 'Xây nhà',
  quantity: '20',
  unit: 'căn',
  unitValueMinor: 44_000_000,
  amountMinor: 880_000_000,
  currency: 'VND',
  rate: '1',
  rateSource: null,
  status: 'pledged',
  beneficiaries: 1250,
  approvalNumber: null,
  approvalDate: null,
  notes: null,
  itemId: 'b',
} as PledgeRow;

describe("a pledge's item as saved and shown", () => {
  it('opens with its item, saves the one chosen, and none when left empty', () => {
    const values = initialPledgeValues(pledge, 'vi', '2026-12-07');
    expect(values.itemId).toBe('b');
    expect(pledgeInput(values, pledge, false, 'vi').itemId).toBe('b');
    expect(pledgeInput({ ...values, itemId: 'c' }, pledge, false, 'vi').itemId).toBe('c');
    expect(pledgeInput({ ...values, itemId: undefined }, pledge, false, 'vi').itemId).toBeNull();
    expect(initialPledgeValues({ ...pledge, itemId: null }, 'vi', '2026-12-07')).not.toHaveProperty('itemId');
  });

  it('reads its unit value with its unit, its beneficiaries grouped, its item with its decision', () => {
    expect(unitValueText(pledge, 'vi')).toBe('44.000.000 VND / căn');
    expect(unitValueText({ ...pledge, unit: null }, 'en')).toBe('44,000,000 VND');
    expect(unitValueText({ ...pledge, unitValueMinor: null }, 'vi')).toBe('—');
    expect(beneficiariesText(1250, 'vi')).toBe('1.250');
    expect(beneficiariesText(1250, 'en')).toBe('1,250');
    expect(beneficiariesText(null, 'vi')).toBe('—');
    expect(itemNameText(items[1]!, (n) => `QĐ ${n}`)).toBe('Nhà ở cho hộ nghèo (QĐ 12/QĐ-UBND)');
    expect(itemNameText(items[0]!, (n) => `QĐ ${n}`)).toBe('Khoản a');
  });
});
