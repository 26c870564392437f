/** The mapping step's rules, apart from the panel: which files need it, fields named, and a choice made. */
import { describe, expect, it } from 'vitest';
import type { ImportedFile } from '../../contract/imports';
import type { ImportLayout } from '../../contract/imports';
import {
  canMap,
  chooseField,
  columnFieldText,
  couldText,
  importFieldLabel,
  needsMapping,
  shownField,
} from '../../renderer/src/components/columnMapping';
import { initI18n } from '../../renderer/src/i18n';

const t = initI18n('en').getFixedT('en');
type Column = ImportLayout['columns'][number];
const column = (field: Column['field'], from: Column['from'] = 'known'): Column =>
  ({ header: 'Cột', field, from, samples: [] }) as unknown as Column;

describe('the mapping step', () => {
  it('is needed for a file with a column not named, or one the user chose before', () => {
    const file = (columns: Column[]) => ({ layout: { columns } }) as unknown as ImportedFile;
    expect(needsMapping(file([column('date')]))).toBe(false);
    expect(needsMapping(file([column('date'), column(null)]))).toBe(true);
    expect(needsMapping(file([column('donor', 'chosen')]))).toBe(true);
    expect(needsMapping({} as ImportedFile)).toBe(false);
  });

  it('names a field by the template’s header, with its meaning in English', () => {
    expect(importFieldLabel('donor', false)).toBe('Nhà tài trợ');
    expect(importFieldLabel('donor', true)).toBe('Donor (Nhà tài trợ)');
    expect(columnFieldText(column('donor'), true, t)).toBe('Donor (Nhà tài trợ)');
    expect(columnFieldText(column('ignore'), true, t)).toBe(t('imports.mapping.ignore'));
    expect(columnFieldText(column('stt'), true, t)).toBe(t('imports.mapping.stt'));
    expect(columnFieldText(column(null), true, t)).toBeNull();
  });

  it('keeps one choice per column, and takes one back when cleared', () => {
    const mapping = chooseField([{ header: 'Tên', field: 'description' }], 'NTT', 'donor');
    expect(mapping).toEqual([
      { header: 'Tên', field: 'description' },
      { header: 'NTT', field: 'donor' },
    ]);
    expect(chooseField(mapping, 'Tên', 'notes')).toEqual([
      { header: 'NTT', field: 'donor' },
      { header: 'Tên', field: 'notes' },
    ]);
    expect(chooseField(mapping, 'NTT', undefined)).toEqual([{ header: 'Tên', field: 'description' }]);
  });

  it('can be opened for every workbook, its columns read automatically included', () => {
    const file = (columns: Column[]) => ({ layout: { columns } }) as unknown as ImportedFile;
    expect(canMap(file([column('date'), column('donor')]))).toBe(true);
    expect(canMap({ fileName: 'b.aidledger' } as ImportedFile)).toBe(false);
  });

  it('shows each column with its field: the one chosen, else the one read; a row number or unit column unchosen', () => {
    const named = (header: string, field: Column['field'], from: Column['from'] = 'known') =>
      ({ ...column(field, from), header }) as Column;
    expect(shownField(named('Ghi chú', 'notes'), [])).toBe('notes');
    expect(shownField(named('Ghi chú', 'notes'), [{ header: 'Ghi chú', field: 'ignore' }])).toBe('ignore');
    expect(shownField(named('Xã, thị trấn', 'place'), [])).toBeUndefined();
    expect(shownField(named('TT', 'stt'), [])).toBeUndefined();
    expect(shownField(named('Thôn', null, null), [])).toBeUndefined();
    expect(couldText(['place', 'notes'], true)).toBe('Place (Địa bàn), Notes (Ghi chú)');
    expect(couldText(['place', 'notes'], false)).toBe('Địa bàn, Ghi chú');
  });
});
