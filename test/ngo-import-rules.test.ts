/**
 * The register import dialog's rules: which chosen files are read and in what order, what a check sends (a mapping
 * only when one was chosen), a column's field chosen and taken back, what counts as a change, the export's year.
 */
import { describe, expect, it } from 'vitest';
import type { NgoImportedFile, NgoImportResult } from '../contract/ngo-io';
import {
  asksMapping,
  chooseRegistryField,
  registerChangesAnything,
  registerFiles,
  registerInput,
  registerTotals,
  shownRegistryField,
  yearOf,
} from '../renderer/src/components/ngoImport';

const file = (over: Partial<NgoImportedFile>): NgoImportedFile => ({
  fileName: 'a.xlsx',
  rows: 0,
  newNgos: [],
  added: 0,
  updated: 0,
  unchanged: 0,
  contacts: 0,
  errors: [],
  ...over,
});
const result = (files: NgoImportedFile[]): NgoImportResult => ({ dryRun: true, written: false, files });

describe('the register import rules', () => {
  it('reads workbooks only, in Vietnamese name order', () => {
    const chosen = [{ name: 'Sổ 2.ODS' }, { name: 'ghi chú.txt' }, { name: 'Ăn.csv' }, { name: 'an.xlsx' }];
    expect(registerFiles(chosen).map((f) => f.name)).toEqual(['an.xlsx', 'Ăn.csv', 'Sổ 2.ODS']);
  });

  it('sends a mapping only for the files whose columns were mapped', () => {
    const read = [
      { fileName: 'a.xlsx', base64: 'QQ==' },
      { fileName: 'b.xlsx', base64: 'Qg==' },
    ];
    const maps = new Map([
      ['a.xlsx', [{ header: 'Giấy tờ', field: 'number' as const }]],
      ['b.xlsx', []],
    ]);
    expect(registerInput(read, maps, true)).toEqual({
      files: [
        { fileName: 'a.xlsx', base64: 'QQ==', mapping: [{ header: 'Giấy tờ', field: 'number' }] },
        { fileName: 'b.xlsx', base64: 'Qg==' },
      ],
      dryRun: true,
    });
  });

  it('chooses a column field anew, takes it back, and shows what a column was read as', () => {
    const mapped = chooseRegistryField([{ header: 'X', field: 'notes' }], 'X', 'contactName');
    expect(mapped).toEqual([{ header: 'X', field: 'contactName' }]);
    expect(chooseRegistryField(mapped, 'X', undefined)).toEqual([]);
    const column = { header: 'X', field: null, from: null, samples: ['Lê Thị Hoa'] };
    expect(shownRegistryField(column, [])).toBeUndefined();
    expect(shownRegistryField(column, mapped)).toBe('contactName');
    expect(shownRegistryField({ ...column, field: 'stt', from: 'known' }, [])).toBeUndefined();
    expect(shownRegistryField({ ...column, field: 'name', from: 'known' }, [])).toBe('name');
  });

  it('asks for a mapping when a column is not understood or was chosen, not when all were read', () => {
    const layout = (field: 'name' | null, from: 'known' | 'chosen' | null) => ({
      headerRow: 1,
      remembered: false,
      columns: [{ header: 'H', field, from, samples: [] }],
    });
    expect(asksMapping(file({ layout: layout(null, null) }))).toBe(true);
    expect(asksMapping(file({ layout: layout('name', 'chosen') }))).toBe(true);
    expect(asksMapping(file({ layout: layout('name', 'known') }))).toBe(false);
    expect(asksMapping(file({}))).toBe(false);
  });

  it('counts the batch as the sum of its files, and imports only what changes the ledger', () => {
    const batch = result([
      file({ rows: 2, newNgos: ['A'], added: 1, unchanged: 1 }),
      file({ fileName: 'b.xlsx', rows: 1, updated: 1, contacts: 2 }),
    ]);
    expect(registerTotals(batch)).toEqual({
      files: 2,
      rows: 3,
      newNgos: 1,
      added: 1,
      updated: 1,
      unchanged: 1,
      contacts: 2,
    });
    expect(registerChangesAnything(batch)).toBe(true);
    expect(registerChangesAnything(result([file({ rows: 3, unchanged: 3 })]))).toBe(false);
    expect(registerChangesAnything(result([file({ rows: 1, unchanged: 1, contacts: 1 })]))).toBe(true);
  });

  it('defaults the export to the whole year of the day given', () => {
    expect(yearOf('2026-12-08')).toEqual({ from: '2026-01-01', to: '2026-12-31' });
  });
});
