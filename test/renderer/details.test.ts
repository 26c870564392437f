/** What the pledge and aid item details say, apart from the drawers: particulars, deliveries, history and stages. */
import { describe, expect, it } from 'vitest';
import type { Delivery, PledgeDetail, PledgeRow } from '../../contract';
import type { AidItem } from '../../contract/items';
import { changeText, historyColor } from '../../renderer/src/components/history';
import {
  approvalText,
  canMoveStage,
  initialStageValues,
  itemAmountText,
  itemPeriodText,
  nameOf,
  namesText,
  stageInput,
} from '../../renderer/src/components/itemFacts';
import {
  amountText,
  deliveryAmountText,
  quantityText,
  rateText,
  remainingQuantityText,
  takesDeliveries,
} from '../../renderer/src/components/pledgeFacts';

const scholarships = {
  id: 'p2',
  quantity: '10',
  unit: 'học bổng',
  amountMinor: 1_000_000,
  currency: 'USD',
  rate: '23000',
  rateSource: 'Thư của nhà tài trợ',
  status: 'pledged',
} as PledgeRow;

const delivery = { id: 'v1', amountMinor: 250_000, currency: 'USD', quantity: null } as Delivery;

describe('a pledge’s detail', () => {
  it('writes amounts with their currency, quantities with their unit, and the rate with its source', () => {
    expect(amountText(1_000_000, 'USD', 'vi')).toBe('10.000,00 USD');
    expect(amountText(880_000_000, 'VND', 'en')).toBe('880,000,000 VND');
    expect(quantityText('2.5', 'tấn', 'vi')).toBe('2,5 tấn');
    expect(quantityText(null, null, 'vi')).toBe(' ');
    expect(rateText(scholarships, 'vi')).toBe('23.000 (Thư của nhà tài trợ)');
    expect(rateText({ ...scholarships, rateSource: null }, 'en')).toBe('23,000 ');
  });

  it('adds what remains of its quantity only when it counts one', () => {
    const detail: PledgeDetail = {
      pledge: scholarships,
      deliveries: [],
      remaining: { amountMinor: 750_000, quantity: '7.5' },
      history: [],
    };
    expect(remainingQuantityText(detail, 'vi')).toBe(' · 7,5 học bổng');
    expect(remainingQuantityText({ ...detail, remaining: { amountMinor: 0, quantity: null } }, 'vi')).toBe('');
  });

  it('writes a delivery’s amount, or nothing for goods counted by quantity alone; a cancelled pledge takes none', () => {
    expect(deliveryAmountText(delivery, 'en')).toBe('2,500.00 USD');
    expect(deliveryAmountText({ ...delivery, amountMinor: null }, 'en')).toBe('');
    expect(takesDeliveries(scholarships)).toBe(true);
    expect(takesDeliveries({ ...scholarships, status: 'cancelled' })).toBe(false);
  });
});

describe('a record’s history', () => {
  it('writes each change as before → after in the record’s units', () => {
    expect(
      changeText({ field: 'amountMinor', before: 1_000_000, after: 1_200_000 }, { currency: 'USD', lang: 'vi' }),
    ).toBe('10.000,00 → 12.000,00');
    expect(
      changeText({ field: 'vndEquivalent', before: 230_000_000, after: null }, { currency: 'USD', lang: 'en' }),
    ).toBe('230,000,000 → (none)');
    expect(
      changeText({ field: 'pledgeDate', before: '2022-07-07', after: '2022-08-01' }, { currency: 'VND', lang: 'vi' }),
    ).toBe('07/07/2022 → 01/08/2022');
    expect(changeText({ field: 'quantity', before: '2.5', after: '' }, { currency: 'VND', lang: 'vi' })).toBe(
      '2,5 → (không)',
    );
    expect(changeText({ field: 'description', before: 'Nhà', after: 'Nhà ở' }, { currency: 'VND', lang: 'vi' })).toBe(
      'Nhà → Nhà ở',
    );
  });

  it('colours what was made green, what was deleted red, and changes blue', () => {
    expect(historyColor('create')).toBe('green');
    expect(historyColor('delete')).toBe('red');
    expect(historyColor('update')).toBe('blue');
  });
});

describe('an aid item’s detail', () => {
  const item = {
    id: 'i1',
    stage: 'approved',
    startDate: '2023-01-01',
    endDate: null,
    valueMinor: 5_000_000,
    valueCurrency: 'USD',
    counterpartMinor: null,
    counterpartCurrency: null,
    approvalNumber: '123/QĐ-UBND',
    approvalDate: '2022-12-15',
    approvedBy: 'UBND tỉnh',
  } as AidItem;

  it('names donors and places from their lists, falling back to the id, and "—" for none', () => {
    const places = [{ id: 'pl1', name: 'Bảo Lạc', displayName: 'Huyện Bảo Lạc' }];
    const donors = [{ id: 'd1', name: 'Plan International' }];
    expect(nameOf(places, 'pl1')).toBe('Huyện Bảo Lạc');
    expect(nameOf(donors, 'd1')).toBe('Plan International');
    expect(nameOf(undefined, 'd9')).toBe('d9');
    expect(namesText(['d1', 'd9'], donors)).toBe('Plan International; d9');
    expect(namesText([], donors)).toBe('—');
  });

  it('writes its period, its amounts and its approval, "—" for what it does not state', () => {
    expect(itemPeriodText(item)).toBe('01/01/2023 – ');
    expect(itemPeriodText({ ...item, startDate: null })).toBe('—');
    expect(itemAmountText(item.valueMinor, item.valueCurrency, 'en')).toBe('50,000.00 USD');
    expect(itemAmountText(null, null, 'en')).toBe('—');
    expect(approvalText(item)).toBe('123/QĐ-UBND (15/12/2022) — UBND tỉnh');
    expect(approvalText({ ...item, approvedBy: null })).toBe('123/QĐ-UBND (15/12/2022)');
    expect(approvalText({ ...item, approvalNumber: null })).toBe('—');
  });

  it('moves to the first stage its own leads to, dated today, unless it leads nowhere', () => {
    expect(canMoveStage(item)).toBe(true);
    expect(canMoveStage({ ...item, stage: 'settled' })).toBe(false);
    expect(initialStageValues(['implementing', 'ended'], '2026-12-07')).toEqual({
      stage: 'implementing',
      date: '07/12/2026',
    });
    expect(stageInput(item, { stage: 'implementing', date: '01/02/2023', document: '', note: 'Khởi công' })).toEqual({
      id: 'i1',
      stage: 'implementing',
      date: '2023-02-01',
      document: null,
      note: 'Khởi công',
    });
  });
});
