/** The pledge form's rules, apart from the dialog: values as typed, what they come to, reasons and what is saved. */
import { describe, expect, it } from 'vitest';
import type { PledgeRow } from '../../contract';
import {
  amountHint,
  effectiveAmount,
  initialPledgeValues,
  moneyFieldProblem,
  needsReason,
  type PledgeFormValues,
  pledgeInput,
  productOf,
  rateHint,
  rateRequiredMessage,
  reasonProblem,
  vndPreview,
} from '../../renderer/src/components/pledgeForm';
import { localToday } from '../../renderer/src/dates';
import { initI18n } from '../../renderer/src/i18n';
import { parseMoneyText } from '../../renderer/src/money';

/** Tzu Chi's houses in Nguyên Bình as amended: 20 houses at 44,000,000 VND. */
const houses: PledgeRow = {
  id: 'p1',
  donorId: 'd1',
  placeId: 'pl1',
  kind: 'house',
  description: 'Xây nhà cho 20 hộ nghèo',
  quantity: '20',
  unit: 'căn',
  unitValueMinor: 44_000_000,
  amountMinor: 880_000_000,
  currency: 'VND',
  rate: '1',
  rateDate: null,
  rateSource: null,
  vndEquivalent: 880_000_000,
  pledgeDate: '2022-07-07',
  status: 'pledged',
  statusByUser: false,
  beneficiaries: 20,
  approvalNumber: null,
  approvalDate: null,
  notes: null,
  itemId: null,
  todayPlaceId: null,
  recipient: null,
  village: null,
  createdAt: '2022-07-07T00:00:00.000Z',
  updatedAt: '2022-07-07T00:00:00.000Z',
  donorName: 'Tổ chức Tzu Chi',
  donorShortName: null,
  placeName: 'Huyện Nguyên Bình',
  todayPlaceName: null,
  deliveredAmountMinor: 0,
  deliveredVnd: 0,
  remainingAmountMinor: 880_000_000,
};

/** VinaCapital's scholarships: 10,000 USD at 23,000 VND. */
const scholarships: PledgeRow = {
  ...houses,
  id: 'p2',
  kind: 'scholarship',
  quantity: null,
  unit: null,
  unitValueMinor: null,
  amountMinor: 1_000_000,
  currency: 'USD',
  rate: '23000',
  rateSource: 'Thư của nhà tài trợ',
  vndEquivalent: 230_000_000,
};

describe('the pledge form', () => {
  it('opens a new pledge on today, in VND, pledged; an existing one written the way the user reads it', () => {
    expect(initialPledgeValues(undefined, 'vi', '2026-12-07')).toEqual({
      pledgeDate: '07/12/2026',
      currency: 'VND',
      status: 'pledged',
    });
    const vi = initialPledgeValues(houses, 'vi', '2026-12-07');
    expect(vi).toMatchObject({ pledgeDate: '07/07/2022', amountMinor: '880.000.000', unitValueMinor: '44.000.000' });
    expect(vi.rate).toBe('');
    const en = initialPledgeValues(scholarships, 'en', '2026-12-07');
    expect(en).toMatchObject({ amountMinor: '10,000.00', rate: '23,000', rateSource: 'Thư của nhà tài trợ' });
    expect(localToday(new Date(2026, 0, 5))).toBe('2026-01-05');
  });

  it('computes quantity × unit value, and the amount from it only when none is typed', () => {
    expect(productOf('20', '44.000.000', 'VND', 'vi')).toBe(880_000_000);
    expect(productOf('2,5', '1.000,50', 'USD', 'vi')).toBe(250_125);
    expect(productOf('2.5', '1,000.50', 'USD', 'en')).toBe(250_125);
    for (const [quantity, unitValue] of [
      ['', '44.000.000'],
      ['20', ''],
      ['hai mươi', '44.000.000'],
      ['20', '44tr'],
    ])
      expect(productOf(quantity, unitValue, 'VND', 'vi')).toBeNull();

    const typed = parseMoneyText('900.000.000', 'VND', 'vi');
    expect(effectiveAmount(typed, 880_000_000)).toBe(900_000_000);
    expect(effectiveAmount(null, 880_000_000)).toBe(880_000_000);
    expect(effectiveAmount(parseMoneyText('9x', 'VND', 'vi'), 880_000_000)).toBeNull();
    expect(amountHint(typed, 880_000_000)).toEqual({ kind: 'mismatch', product: 880_000_000 });
    expect(amountHint(null, 880_000_000)).toEqual({ kind: 'product', product: 880_000_000 });
    expect(amountHint(parseMoneyText('880.000.000', 'VND', 'vi'), 880_000_000)).toEqual({ kind: 'how' });
    expect(amountHint(null, null)).toEqual({ kind: 'how' });
  });

  it('shows the VND equivalent only when the amount and the rate can be read', () => {
    expect(vndPreview(1_000_000, 'USD', '23000')).toBe(230_000_000);
    expect(vndPreview(123_457, 'USD', '23630.5')).toBe(29_173_506);
    expect(vndPreview(700_000_000, 'VND', '1')).toBe(700_000_000);
    expect(vndPreview(null, 'USD', '23000')).toBeNull();
    expect(vndPreview(1_000_000, 'USD', null)).toBeNull();
    expect(vndPreview(1_000_000, 'USD', 'invalid')).toBeNull();
    expect(vndPreview(1_000_000, 'XYZ', '2')).toBeNull();
  });

  it('asks for a reason exactly when a field an amendment must explain changes', () => {
    const as = (pledge: PledgeRow, changes: Partial<PledgeFormValues>, lang = 'vi') =>
      needsReason(pledge, { ...initialPledgeValues(pledge, lang, '2026-12-07'), ...changes }, lang);
    expect(needsReason(undefined, initialPledgeValues(undefined, 'vi', '2026-12-07'), 'vi')).toBe(false);
    expect(as(houses, {})).toBe(false);
    expect(as(scholarships, {}, 'en')).toBe(false);
    expect(as(houses, { notes: 'Khảo sát lại', description: 'Nhà cho 20 hộ' })).toBe(false);
    expect(as(houses, { amountMinor: '' })).toBe(false);
    expect(as(houses, { amountMinor: '1.000.000.000' })).toBe(true);
    expect(as(houses, { quantity: '21' })).toBe(true);
    expect(as(houses, { quantity: 'hai mươi' })).toBe(true);
    expect(as(houses, { unitValueMinor: '' })).toBe(true);
    expect(as(houses, { placeId: 'pl2' })).toBe(true);
    expect(as(houses, { status: 'cancelled' })).toBe(true);
    expect(as(scholarships, { rate: '23,100' }, 'en')).toBe(true);
    expect(as(scholarships, { currency: 'EUR' }, 'en')).toBe(true);
  });

  it('saves the values read exactly, sending a rate only when it was typed, the currency changed or the pledge is new', () => {
    const values = { ...initialPledgeValues(scholarships, 'vi', '2026-12-07'), rate: '23.100' };
    expect(pledgeInput(values, scholarships, false, 'vi')).not.toHaveProperty('rate');
    expect(pledgeInput(values, scholarships, true, 'vi')).toMatchObject({ rate: '23100', amountMinor: 1_000_000 });
    expect(pledgeInput({ ...values, currency: 'EUR' }, scholarships, false, 'vi')).toHaveProperty('rate', '23100');
    expect(pledgeInput(values, undefined, false, 'vi')).toMatchObject({ rate: '23100', pledgeDate: '2022-07-07' });
    const house = pledgeInput(initialPledgeValues(houses, 'vi', '2026-12-07'), houses, false, 'vi');
    expect(house).toMatchObject({ quantity: '20', unitValueMinor: 44_000_000, amountMinor: 880_000_000 });
    expect(house).not.toHaveProperty('rate');
    // What cannot be read is sent as typed, for the ledger to refuse naming the field.
    expect(pledgeInput({ ...values, quantity: 'hai' }, undefined, false, 'vi').quantity).toBe('hai');
    expect(pledgeInput({ ...values, rate: 'abc' }, undefined, false, 'vi').rate).toBe('abc');
    expect(pledgeInput({ ...values, amountMinor: '' }, undefined, false, 'vi').amountMinor).toBeNull();
  });

  it("says what is wrong with a money field in the user's language", () => {
    const t = initI18n('vi').t;
    const fields = (values: Record<string, string>) => (name: string) => values[name];
    const houseFields = fields({ currency: 'VND', quantity: '20', unitValueMinor: '44.000.000' });
    expect(moneyFieldProblem('', true, houseFields, 'vi', t)).toBeNull();
    expect(moneyFieldProblem('', true, fields({ currency: 'VND' }), 'vi', t)).toBe(t('common.required'));
    expect(moneyFieldProblem('', false, fields({ currency: 'VND' }), 'vi', t)).toBeNull();
    expect(moneyFieldProblem('880.000.000', true, houseFields, 'vi', t)).toBeNull();
    expect(moneyFieldProblem('50tr', true, houseFields, 'vi', t)).toContain('50tr');
    expect(moneyFieldProblem('1,5', false, fields({ currency: 'VND' }), 'vi', t)).toContain('VND');
  });

  it('says beneath the rate what the rates table proposes, or that it has none for the day', () => {
    const t = initI18n('en').getFixedT('en');
    const proposal = { currency: 'USD', rate: '23000', validOn: '2022-07-01', source: 'Vietcombank' };
    expect(rateHint(proposal, 'USD', 'en', t)).toContain('23,000');
    expect(rateHint(proposal, 'USD', 'en', t)).toContain('01/07/2022');
    expect(rateHint(null, 'USD', 'en', t)).toBe('No USD rate for this date: enter the rate');
    expect(rateHint(undefined, 'USD', 'en', t)).toBeUndefined();
    expect(rateRequiredMessage(null, 'USD', t)).toBe('No USD rate for this date: enter the rate');
    expect(rateRequiredMessage(proposal, 'USD', t)).toBe(t('common.required'));
  });

  it('asks for a reason only when an amendment changes a field that needs one', () => {
    const t = initI18n('vi').t;
    const values = initialPledgeValues(houses, 'vi', '2026-12-07');
    expect(reasonProblem('', houses, values, 'vi', t)).toBeNull();
    const amended = { ...values, amountMinor: '900.000.000' };
    expect(reasonProblem('  ', houses, amended, 'vi', t)).toBe(t('form.reasonRequired'));
    expect(reasonProblem('Nhà tài trợ tăng kinh phí', houses, amended, 'vi', t)).toBeNull();
  });
});
