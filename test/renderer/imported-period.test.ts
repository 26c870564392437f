/** The period the report opened from an import is of: the quarter most of the imported rows fall in. */
import { describe, expect, it } from 'vitest';
import type { ImportedFile, ImportFilesResult } from '../../contract/imports';
import { importedQuarter, quarterOfMostRows } from '../../renderer/src/screens/importedPeriod';

const quarter = (year: number, part: number) => ({ kind: 'quarter', year, part });

describe('the quarter of an import', () => {
  it('is the one holding most of the rows', () => {
    expect(
      quarterOfMostRows([
        { date: '2022-09-28', rows: 2 },
        { date: '2022-10-03', rows: 1 },
        { date: '2022-11-15', rows: 1 },
        { date: '2022-12-31', rows: 1 },
      ]),
    ).toEqual(quarter(2022, 4));
    expect(
      quarterOfMostRows([
        { date: '2022-01-01', rows: 5 },
        { date: '2022-04-01', rows: 4 },
      ]),
    ).toEqual(quarter(2022, 1));
  });

  it('is the latest of the quarters holding as many, across years too', () => {
    expect(
      quarterOfMostRows([
        { date: '2023-01-05', rows: 2 },
        { date: '2022-12-20', rows: 2 },
      ]),
    ).toEqual(quarter(2023, 1));
    expect(
      quarterOfMostRows([
        { date: '2022-07-01', rows: 3 },
        { date: '2021-10-01', rows: 3 },
        { date: '2022-03-31', rows: 3 },
      ]),
    ).toEqual(quarter(2022, 3));
  });

  it('is none without rows', () => {
    expect(quarterOfMostRows([])).toBeNull();
  });

  it("counts every file's rows together; a bundle brings none", () => {
    const file = (fileName: string, rowDays?: ImportedFile['rowDays']): ImportedFile => ({
      fileName,
      kind: rowDays ? 'workbook' : 'bundle',
      added: 0,
      skipped: 0,
      newDonors: [],
      merge: null,
      errors: [],
      ...(rowDays ? { rowDays } : {}),
    });
    const result = (files: ImportedFile[]): ImportFilesResult => ({
      dryRun: false,
      written: true,
      files,
      totals: { added: 0, skipped: 0, inserted: 0, updated: 0, unchanged: 0, conflicts: 0, errors: 0, refusedFiles: 0 },
    });
    // Each list has most of its rows in Q3; together, Q4 holds more.
    const imported = result([
      file('bao-lac.xlsx', [
        { date: '2022-08-01', rows: 2 },
        { date: '2022-10-01', rows: 1 },
      ]),
      file('ha-quang.aidledger'),
      file('nguyen-binh.csv', [
        { date: '2022-09-01', rows: 1 },
        { date: '2022-11-01', rows: 3 },
      ]),
    ]);
    expect(importedQuarter(imported)).toEqual(quarter(2022, 4));
    expect(importedQuarter(result([file('ha-quang.aidledger')]))).toBeNull();
  });
});
