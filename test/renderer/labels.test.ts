/** A field is called the same in the form that shows it and in the messages that name it, in both languages. */
import { describe, expect, it } from 'vitest';
import { fieldLabel } from '../../contract/validation';
import { en } from '../../renderer/src/i18n/en';
import { vi } from '../../renderer/src/i18n/vi';

const FORM_FIELDS: [keyof typeof vi.form, string][] = [
  ['pledgeDate', 'pledgeDate'],
  ['donor', 'donorId'],
  ['place', 'placeId'],
  ['kind', 'kind'],
  ['description', 'description'],
  ['quantity', 'quantity'],
  ['unit', 'unit'],
  ['unitValue', 'unitValueMinor'],
  ['amount', 'amountMinor'],
  ['currency', 'currency'],
  ['rateSource', 'rateSource'],
  ['status', 'status'],
  ['beneficiaries', 'beneficiaries'],
  ['approvalNumber', 'approvalNumber'],
  ['approvalDate', 'approvalDate'],
  ['notes', 'notes'],
  ['reason', 'reason'],
];

describe('field labels', () => {
  it('agree between the pledge and delivery forms and the messages naming their fields', () => {
    for (const [key, field] of FORM_FIELDS) {
      expect(vi.form[key], field).toBe(fieldLabel(field).vi);
      expect(en.form[key], field).toBe(fieldLabel(field).en);
    }
    // The delivery form uses the same words (its amount is "Thành tiền" too, as its errors say).
    expect(vi.detail.deliveryDateField).toBe(fieldLabel('deliveryDate').vi);
    expect(en.detail.deliveryDateField).toBe(fieldLabel('deliveryDate').en);
    expect(vi.detail.amount).toBe(fieldLabel('amountMinor').vi);
    expect(en.detail.amount).toBe(fieldLabel('amountMinor').en);
  });

  it('agree between the form accepting an office card and the messages naming its fields', () => {
    for (const [key, field] of [
      ['codeLabel', 'officeCode'],
      ['role', 'role'],
      ['place', 'placeId'],
    ] as const) {
      expect(vi.offices[key], field).toBe(fieldLabel(field).vi);
      expect(en.offices[key], field).toBe(fieldLabel(field).en);
    }
  });
});
