/** The sync screen's rules, apart from the screen: a conflict's two versions as the user reads them, and counts. */
import { describe, expect, it } from 'vitest';
import type { SyncConflict } from '../../contract';
import { initI18n } from '../../renderer/src/i18n';
import {
  conflictRows,
  conflictTitle,
  countsText,
  namesOf,
  siteName,
  storedValueText,
} from '../../renderer/src/screens/syncConflicts';
import { showDateTime } from '../../renderer/src/format';

const names = namesOf(
  [{ id: 'd1', name: 'Tổ chức Tzu Chi' }],
  [{ id: 'pl1', displayName: 'Huyện Nguyên Bình' }],
  [{ siteId: 'site-nguyen-binh', siteName: 'Phòng Nội vụ Nguyên Bình' }],
  { siteId: 'site-province', siteName: 'Sở Ngoại vụ' },
  'this installation',
);

const conflict: SyncConflict = {
  id: 'c1',
  entity: 'pledge',
  recordId: 'p1',
  detectedAt: '2022-10-02T08:00:00.000Z',
  kept: {
    id: 'p1',
    version: 3,
    description: 'Xây nhà',
    amount_minor: 880_000_000,
    currency: 'VND',
    place_id: 'pl1',
    updated_at: 'x',
  },
  other: {
    id: 'p1',
    version: 4,
    description: 'Xây nhà',
    amount_minor: 900_000_000,
    currency: 'VND',
    place_id: 'pl1',
    updated_at: 'y',
  },
  keptSite: 'site-province',
  otherSite: 'site-unknown-0123',
};

describe('a sync conflict', () => {
  it('names donors, places and installations, this one as such', () => {
    expect(siteName(names, 'site-province')).toBe('Sở Ngoại vụ (this installation)');
    expect(siteName(names, 'site-nguyen-binh')).toBe('Phòng Nội vụ Nguyên Bình');
    expect(siteName(names, 'site-unknown-0123')).toBe('site-unk');
    expect(namesOf([], [], [], undefined, 'this installation').sites.size).toBe(0);
  });

  it('shows only the fields its versions disagree on, bookkeeping left out, labelled', () => {
    const rows = conflictRows(conflict, 'en');
    expect(rows.map((r) => r.key)).toEqual(['amount_minor']);
    expect(rows[0]).toMatchObject({ kept: 880_000_000, other: 900_000_000 });
    expect(rows[0]!.label).toEqual(expect.any(String));
    const deleted = conflictRows({ ...conflict, other: null }, 'vi').map((r) => r.key);
    expect(deleted).toEqual(['description', 'amount_minor', 'currency', 'place_id']);
  });

  it('writes stored values as the user reads them: money, quantities, dates, names and words', () => {
    const row = { currency: 'USD' };
    expect(storedValueText('amount_minor', 1_000_000, row, names, 'vi')).toBe('10.000,00');
    expect(storedValueText('vnd_equivalent', 230_000_000, row, names, 'en')).toBe('230,000,000');
    expect(storedValueText('quantity_milli', 2500, row, names, 'vi')).toBe('2,5');
    expect(storedValueText('pledge_date', '2022-07-07', row, names, 'vi')).toBe('07/07/2022');
    expect(storedValueText('valid_on', '2022-07-07', row, names, 'vi')).toBe('07/07/2022');
    expect(storedValueText('donor_id', 'd1', row, names, 'vi')).toBe('Tổ chức Tzu Chi');
    expect(storedValueText('place_id', 'pl9', row, names, 'vi')).toBe('pl9');
    expect(storedValueText('status', 'pledged', row, names, 'en')).toBe('Pledged');
    expect(storedValueText('notes', null, row, names, 'en')).toBe('∅');
    expect(storedValueText('description', 'Xây nhà', row, names, 'en')).toBe('Xây nhà');
  });

  it('is headed by its kind of record, what the record is, and when it was found', () => {
    expect(conflictTitle(conflict, 'Pledge')).toBe(`Pledge · Xây nhà · ${showDateTime(conflict.detectedAt)}`);
    expect(conflictTitle({ ...conflict, kept: null, other: { name: 'Plan' } }, 'Donor')).toBe(
      `Donor · Plan · ${showDateTime(conflict.detectedAt)}`,
    );
    expect(conflictTitle({ ...conflict, kept: null, other: {} }, 'Place')).toBe(
      `Place · ${showDateTime(conflict.detectedAt)}`,
    );
  });
});

describe('a sync log line', () => {
  it('writes its counts in words, those that are zero left out', () => {
    const t = initI18n('en').getFixedT('en');
    expect(countsText({ inserted: 3, updated: 0, conflicts: 1, strange: 2 }, t)).toBe('new 3, conflicts 1, strange 2');
  });
});
