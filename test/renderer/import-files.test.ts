/** The import screen's rules, apart from the screen: the files read, what is sent, and what each outcome says. */
import { describe, expect, it } from 'vitest';
import type { ImportedFile, ImportFilesResult, ReceiptMatch } from '../../contract/imports';
import { initI18n } from '../../renderer/src/i18n';
import {
  acceptedFiles,
  changesAnything,
  doneText,
  fileOfficeText,
  fileOutcomeText,
  importErrors,
  importInput,
  isMany,
  issueColumnText,
  issueMessage,
  newDonorNames,
  officeOf,
  readAsReceipts,
  readyText,
  receiptsOf,
  rejectedText,
  showsFiles,
  withMappings,
} from '../../renderer/src/screens/importFiles';

const t = initI18n('en').getFixedT('en');

const workbook: ImportedFile = {
  fileName: 'Nguyên Bình.xlsx',
  kind: 'workbook',
  added: 3,
  skipped: 1,
  newDonors: ['Plan International'],
  merge: null,
  errors: [],
};
const bundle: ImportedFile = {
  fileName: 'Hà Quảng.aidledger',
  kind: 'bundle',
  added: 0,
  skipped: 0,
  newDonors: [],
  merge: { inserted: 2, updated: 1, unchanged: 5, conflicts: 0 } as ImportedFile['merge'],
  errors: [],
};
const totals = {
  added: 3,
  skipped: 1,
  inserted: 2,
  updated: 1,
  unchanged: 5,
  conflicts: 0,
  errors: 0,
  refusedFiles: 0,
};
const result = (files: ImportedFile[], more: Partial<ImportFilesResult['totals']> = {}): ImportFilesResult => ({
  dryRun: true,
  written: false,
  files,
  totals: { ...totals, ...more },
});

describe('the files an import reads', () => {
  it('are the workbooks and bundles chosen, in the order Vietnamese sorts their names', () => {
    const chosen = ['Trùng Khánh.XLSX', 'ghi chú.txt', 'Bảo Lạc.csv', 'Hà Quảng.aidledger', 'ảnh.png'].map((name) => ({
      name,
    }));
    expect(acceptedFiles(chosen).map((f) => f.name)).toEqual(['Bảo Lạc.csv', 'Hà Quảng.aidledger', 'Trùng Khánh.XLSX']);
  });

  it('are sent with the columns mapped for each, and as the office chosen', () => {
    const read = [
      { fileName: 'a.xlsx', base64: 'AA' },
      { fileName: 'b.xlsx', base64: 'BB' },
    ];
    const maps = new Map([
      ['a.xlsx', [{ header: 'Tên', field: 'description' as const }]],
      ['b.xlsx', []],
    ]);
    expect(withMappings(read, maps)).toEqual([
      { fileName: 'a.xlsx', base64: 'AA', mapping: [{ header: 'Tên', field: 'description' }] },
      { fileName: 'b.xlsx', base64: 'BB' },
    ]);
    expect(officeOf('pl1')).toEqual({ placeId: 'pl1' });
    expect(officeOf(undefined)).toEqual({});
  });

  it('are sent with the pledges chosen for their receipt rows, and read as lists of receipts when so switched', () => {
    const read = [
      { fileName: 'a.xlsx', base64: 'AA' },
      { fileName: 'b.xlsx', base64: 'BB' },
    ];
    const chosen = {
      officeId: 'pl1',
      mappings: new Map([['b.xlsx', [{ header: 'Ngày', field: 'receivedDate' as const }]]]),
      choices: new Map([['a.xlsx', [{ row: 3, pledgeId: null }]]]),
      allowDeletions: false,
      receipts: true,
    };
    expect(importInput(read, chosen)).toEqual({
      files: [
        { fileName: 'a.xlsx', base64: 'AA', matches: [{ row: 3, pledgeId: null }] },
        { fileName: 'b.xlsx', base64: 'BB', mapping: [{ header: 'Ngày', field: 'receivedDate' }] },
      ],
      allowDeletions: false,
      receipts: true,
      placeId: 'pl1',
    });
    expect(importInput(read, { ...chosen, receipts: false, officeId: undefined }).receipts).toBe(false);
  });

  it('leave the lists as their layouts were remembered until the switch is used, which then shows what was read', () => {
    const chosen = { officeId: undefined, mappings: new Map(), choices: new Map(), allowDeletions: false };
    const read = [{ fileName: 'a.xlsx', base64: 'AA' }];
    expect('receipts' in importInput(read, { ...chosen, receipts: undefined })).toBe(false);
    const layout = { headerRow: 1, columns: [], remembered: true };
    const checked = (receipts?: boolean) =>
      result([{ ...workbook, layout: { ...layout, ...(receipts ? { receipts } : {}) } }]);
    expect(readAsReceipts(undefined, null)).toBe(false);
    expect(readAsReceipts(undefined, checked())).toBe(false);
    expect(readAsReceipts(undefined, checked(true))).toBe(true);
    expect(readAsReceipts(false, checked(true))).toBe(false);
    expect(readAsReceipts(true, checked())).toBe(true);
  });
});

describe('a check of the files', () => {
  it('lists every problem with the file it is in, and shows one workbook without a table of files', () => {
    const issue = { row: 4, column: 'Nhà tài trợ', message: 'Thiếu nhà tài trợ', messageEn: 'Donor missing' };
    const checked = result([workbook, { ...bundle, errors: [issue] }]);
    expect(importErrors(checked)).toEqual([{ ...issue, fileName: 'Hà Quảng.aidledger' }]);
    expect(importErrors(null)).toEqual([]);
    expect(isMany(checked)).toBe(true);
    expect(showsFiles(result([workbook]))).toBe(false);
    expect(showsFiles(result([bundle]))).toBe(true);
    expect(issueColumnText('Nhà tài trợ', 'en')).toBe('Donor (Nhà tài trợ)');
    expect(issueColumnText('Nhà tài trợ', 'vi')).toBe('Nhà tài trợ');
    expect(issueColumnText('Cột lạ', 'en')).toBe('Cột lạ');
    expect(issueMessage(issue, 'en')).toBe('Donor missing');
    expect(issueMessage(issue, 'vi')).toBe('Thiếu nhà tài trợ');
  });

  it('says what each file brings and the office it was read as', () => {
    expect(fileOutcomeText(workbook, t)).toBe('3 pledges to add, 1 skipped');
    expect(fileOutcomeText(bundle, t)).toBe('bundle: 2 new, 1 updated, 5 unchanged, 0 conflicts');
    expect(fileOfficeText(workbook, t)).toBe('');
    const office = { name: 'Huyện Nguyên Bình', from: 'letterhead' } as ImportedFile['officePlace'];
    expect(fileOfficeText({ ...workbook, officePlace: office }, t)).toBe('Huyện Nguyên Bình (from the letterhead)');
  });

  it('says what the import will do, whether it changes anything, and the donors it adds', () => {
    expect(readyText(result([workbook]), t)).toBe(
      'The file is valid: 3 pledges will be added, 1 rows already imported will be skipped.',
    );
    expect(readyText(result([workbook, bundle]), t)).toMatch(/^2 valid files: 3 pledges to add/);
    expect(changesAnything(result([workbook]))).toBe(true);
    expect(changesAnything(result([workbook], { added: 0, inserted: 0, updated: 0 }))).toBe(false);
    expect(newDonorNames(result([workbook, bundle]))).toEqual(['Plan International']);
  });

  it('says how many problems refused the files, and what an import did', () => {
    expect(rejectedText(result([workbook]), 2, t)).toMatch(/^The file was rejected and nothing was written: 2 error/);
    expect(rejectedText(result([workbook, bundle], { refusedFiles: 1 }), 2, t)).toMatch(/2 error\(s\) in 1 file\(s\)/);
    expect(doneText(result([workbook, bundle]), t)).toBe(
      'Imported 2 file(s): 3 pledges added (1 skipped), bundles: 2 new, 1 updated',
    );
  });
});

describe('a list of receipts', () => {
  const receipt = (row: number, outcome: ReceiptMatch['outcome']): ReceiptMatch => ({
    row,
    outcome,
    pledgeId: outcome === 'ambiguous' ? null : `p${row}`,
    date: '2022-09-05',
    amountMinor: 1_000_000,
    quantity: null,
    currency: 'VND',
    recipient: null,
    donorId: 'd1',
    placeId: 'pl1',
    kind: 'house',
    candidates: [],
  });
  // Five rows added: three receipts of pledges already entered (by item, by place, chosen), one receipt that made a
  // pledge, one plain pledge row.
  const list: ImportedFile = {
    ...workbook,
    added: 5,
    receipts: [receipt(3, 'item'), receipt(4, 'place'), receipt(5, 'chosen'), receipt(6, 'new')],
  };

  it('counts apart the receipts recorded against pledges already entered: they add no pledge', () => {
    expect(receiptsOf(list)).toBe(3);
    expect(fileOutcomeText(list, t)).toBe(
      '2 pledges to add, 1 skipped, 3 receipts recorded against pledges already entered',
    );
    expect(readyText(result([list], { added: 5 }), t)).toBe(
      'The file is valid: 2 pledges will be added, 1 rows already imported will be skipped, 3 receipts recorded against pledges already entered.',
    );
    expect(doneText({ ...result([list, bundle], { added: 5 }), dryRun: false, written: true }, t)).toContain(
      '2 pledges',
    );
    expect(doneText({ ...result([list, bundle], { added: 5 }), dryRun: false, written: true }, t)).toContain(
      '3 receipts recorded against pledges already entered',
    );
  });

  it('says nothing of receipts for a list without them, or one refused', () => {
    expect(receiptsOf(workbook)).toBe(0);
    expect(fileOutcomeText(workbook, t)).toBe('3 pledges to add, 1 skipped');
    expect(
      receiptsOf({ ...list, added: 0, errors: [{ row: 3, column: 'Đã nhận', message: 'x', messageEn: 'x' }] }),
    ).toBe(0);
  });
});
