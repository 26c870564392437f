/** The donor form, the province choice and the to-do list, apart from their dialogs and panel. */
import { describe, expect, it } from 'vitest';
import type { Donor } from '../../contract';
import type { Deadline } from '../../contract/items';
import { deadlineDueText, deadlineText } from '../../renderer/src/components/deadlines';
import { donorInput, initialDonorValues } from '../../renderer/src/components/donorForm';
import { provinceOptions } from '../../renderer/src/components/provinceChoice';
import { initI18n } from '../../renderer/src/i18n';

const t = initI18n('en').getFixedT('en');

describe('the donor form', () => {
  it('opens a new donor as a foreign NGO named as typed, an existing one as it is, and saves empty text as none', () => {
    expect(initialDonorValues(undefined, 'Plan')).toEqual({ name: 'Plan', kind: 'foreign_ngo' });
    expect(initialDonorValues(undefined, undefined)).toEqual({ name: '', kind: 'foreign_ngo' });
    const donor = { name: 'Tổ chức Tzu Chi', shortName: null, country: 'Đài Loan', kind: 'foreign_ngo', notes: null };
    expect(initialDonorValues(donor as Donor, 'x')).toEqual({
      name: 'Tổ chức Tzu Chi',
      shortName: '',
      country: 'Đài Loan',
      kind: 'foreign_ngo',
      notes: '',
    });
    expect(donorInput({ name: 'Plan International', shortName: 'Plan', country: '', kind: 'foreign_ngo' })).toEqual({
      name: 'Plan International',
      shortName: 'Plan',
      country: null,
      kind: 'foreign_ngo',
      notes: null,
    });
  });
});

describe('the province choice', () => {
  it('offers the provinces by type and name in Vietnamese order, with what each holds, then the whole country', () => {
    const options = provinceOptions(
      [
        { code: '04', name: 'Cao Bằng', type: 'Tỉnh', merged: [], units: 180 },
        { code: '01', name: 'Hà Nội', type: 'Thành phố', merged: [], units: 700 },
        { code: '20', name: 'Lạng Sơn', type: 'Tỉnh', merged: ['Bắc Kạn'], units: 400 },
      ],
      t,
    );
    expect(options.map((o) => o.label)).toEqual([
      'Thành phố Hà Nội',
      'Tỉnh Cao Bằng',
      'Tỉnh Lạng Sơn',
      'The whole country (a body consolidating provinces)',
    ]);
    expect(options[2]!.detail).toBe('including the former Bắc Kạn province · 400 units');
    expect(options[2]!.merged).toBe('including the former Bắc Kạn province');
    expect(options[1]!.detail).toBe('180 units');
    expect(options.at(-1)).toMatchObject({ value: 'all', detail: 'every unit of the 34 provinces' });
  });
});

describe('the to-do list', () => {
  const kinds = { start_or_revoke: 'Start or revoke', end_report: 'End report', annual_report: 'Annual report' };
  const due: Deadline = {
    kind: 'end_report',
    itemId: 'i1',
    itemName: 'Trường mầm non',
    year: null,
    dueOn: '2026-12-31',
    overdue: false,
  };

  it('says when each thing is due, or since when it is overdue, and what it is', () => {
    expect(deadlineDueText(due, t)).toBe('Due 31/12/2026');
    expect(deadlineDueText({ ...due, overdue: true }, t)).toBe('Overdue since 31/12/2026');
    expect(deadlineText(due, kinds, t)).toBe('End report: Trường mầm non');
    expect(deadlineText({ ...due, kind: 'annual_report', itemId: null, itemName: null, year: 2026 }, kinds, t)).toBe(
      'Annual report 2026',
    );
  });
});
