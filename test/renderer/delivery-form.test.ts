/** The delivery form's rules and those it shares with the pledge form, apart from the dialogs. */
import { describe, expect, it } from 'vitest';
import type { Delivery } from '../../contract';
import { proposedRateText, quantityProblem, rateProblem, withUnit } from '../../renderer/src/components/amountRules';
import { deliveryInput, initialDeliveryValues } from '../../renderer/src/components/deliveryForm';
import { initI18n } from '../../renderer/src/i18n';

/** 2,500 USD of the scholarships handed over at 23,500 VND. */
const handover: Delivery = {
  id: 'v1',
  pledgeId: 'p2',
  deliveryDate: '2022-09-05',
  amountMinor: 250_000,
  quantity: '2.5',
  currency: 'USD',
  rate: '23500',
  rateDate: null,
  rateSource: 'Vietcombank',
  vndEquivalent: 58_750_000,
  notes: null,
  recipient: null,
  village: null,
  createdAt: '2022-09-05T00:00:00.000Z',
  updatedAt: '2022-09-05T00:00:00.000Z',
};

describe('the delivery form', () => {
  it('opens a new delivery on today; an existing one written the way the user reads it', () => {
    expect(initialDeliveryValues(undefined, 'USD', 'vi', '2026-12-07')).toEqual({ deliveryDate: '07/12/2026' });
    expect(initialDeliveryValues(handover, 'USD', 'vi', '2026-12-07')).toEqual({
      deliveryDate: '05/09/2022',
      amountMinor: '2.500,00',
      quantity: '2,5',
      rate: '23.500',
      rateSource: 'Vietcombank',
      notes: '',
    });
    expect(initialDeliveryValues({ ...handover, currency: 'VND' }, 'VND', 'en', '2026-12-07').rate).toBe('');
  });

  it('sends the rate of a new foreign-currency delivery, or of one whose rate was typed; none in VND', () => {
    const values = { deliveryDate: '05/09/2022', amountMinor: '2.500,00', rate: '23.500', rateSource: '' };
    expect(deliveryInput(values, { currency: 'USD', isNew: true, rateEdited: false }, 'vi')).toEqual({
      deliveryDate: '2022-09-05',
      amountMinor: 250_000,
      quantity: null,
      rate: '23500',
      rateSource: null,
      notes: null,
    });
    expect(deliveryInput(values, { currency: 'USD', isNew: false, rateEdited: false }, 'vi')).not.toHaveProperty(
      'rate',
    );
    expect(deliveryInput(values, { currency: 'USD', isNew: false, rateEdited: true }, 'vi').rate).toBe('23500');
    expect(deliveryInput(values, { currency: 'VND', isNew: true, rateEdited: true }, 'vi')).not.toHaveProperty('rate');
  });

  it('sends what cannot be read as typed, for the ledger to refuse naming the field', () => {
    const values = { deliveryDate: '05/09/2022', quantity: 'hai', rate: 'abc' };
    const input = deliveryInput(values, { currency: 'USD', isNew: false, rateEdited: true }, 'vi');
    expect(input.quantity).toBe('hai');
    expect(input.rate).toBe('abc');
    expect(input.amountMinor).toBeNull();
  });
});

describe('the rules the pledge and delivery forms share', () => {
  const t = initI18n('en').getFixedT('en');

  it('name what is wrong with a quantity or a rate, and nothing for one that reads or is empty', () => {
    expect(quantityProblem('2.5', 'en', t)).toBeNull();
    expect(quantityProblem('', 'en', t)).toBeNull();
    expect(quantityProblem(' two ', 'en', t)).toContain('two');
    expect(quantityProblem('1.2345', 'en', t)).not.toBeNull();
    expect(rateProblem('23,500', 'en', t)).toBeNull();
    expect(rateProblem('0', 'en', t)).not.toBeNull();
    expect(rateProblem('abc', 'en', t)).toContain('abc');
  });

  it('write the rate proposed with its source and day, and a label with its unit', () => {
    const text = proposedRateText({ currency: 'USD', rate: '23500', validOn: '2022-09-01', source: 'VCB' }, 'vi', t);
    expect(text).toContain('23.500');
    expect(text).toContain('VCB');
    expect(text).toContain('01/09/2022');
    expect(withUnit('Quantity', 'houses')).toBe('Quantity (houses)');
    expect(withUnit('Quantity', null)).toBe('Quantity');
  });
});
