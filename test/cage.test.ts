/**
 * Untrusted files read in the cage: the hostile shapes that hung or exhausted the machine — a second zip end record
 * where only the reader looks, merged ranges over the whole sheet, a sheet claiming a million rows, a workbook and a
 * bundle unpacking to hundreds of MB — refused (or read) within the limits a file of their size is given, each
 * refusal naming its reason or the limit it hit. What a reading took is what the worker's own accounting says, never
 * a clock.
 */
import { createHash } from 'node:crypto';
import { gzipSync, inflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ImportedFile, ImportFilesResult } from '../contract';
import { FLOOR_LIMITS, limitsFor } from '../db/cage/limits';
import { runCaged } from '../db/cage/run';
import { parseSheet } from '../db/imports/sheet';
import type { PlainSheet } from '../db/imports/sheet-grid';
import { decodeBundle } from '../db/sync/format';
import {
  bundleBomb,
  claimedDimensionXlsx,
  declaredBombXlsx,
  fakeEndRecordXlsx,
  GOOD_ROW,
  HEADER_TEXTS,
  honestBombXlsx,
  mergesXlsx,
  rowXml,
  xlsxOf,
  zipOf,
} from '../scripts/bench/hostile-files';
import { tableCounts, tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
beforeAll(async () => {
  t = await tempLedger();
});
afterAll(() => t.close());

async function preview(fileName: string, bytes: Buffer): Promise<ImportedFile> {
  const before = tableCounts(t.ledger);
  const result = (await t.service.invoke('imports.files', {
    files: [{ fileName, base64: bytes.toString('base64') }],
    dryRun: true,
  })) as ImportFilesResult;
  expect(tableCounts(t.ledger)).toEqual(before);
  return result.files[0]!;
}

/** The sheet as the worker hands it back, and what the worker's accounting says the reading took. */
async function caged(fileName: string, bytes: Buffer) {
  const read = await runCaged({ kind: 'sheet', fileName, bytes }, bytes.length);
  if (!read.ok) throw new Error(`stopped at its ${read.limit} limit`);
  expect(read.usage.heapMb).toBeLessThanOrEqual(read.limits.heapMb);
  return { ...read, sheet: read.value as PlainSheet };
}

describe('a zip read as the workbook reader reads it', () => {
  it('a second end record where only the reader looks (20 bytes before the end, in the comment) is refused before anything is unpacked', async () => {
    const bytes = await fakeEndRecordXlsx();
    expect(bytes.length).toBeGreaterThan(9.5 * 1024 * 1024);
    const [problem] = (await preview('gia.xlsx', bytes)).errors;
    expect(problem).toEqual({
      row: 0,
      column: '',
      message: 'Tệp nén (.xlsx/.ods) bị hỏng: có nhiều hơn một bản ghi kết thúc mục lục',
      messageEn: 'The compressed file (.xlsx/.ods) is damaged: it holds more than one end-of-directory record',
    });
    // The same payload in its one directory: its true size is past what a file of its size may unpack to.
    expect((await preview('thuc.xlsx', await honestBombXlsx())).errors[0]!.messageEn).toBe(
      'The file unpacks to more than 256 MB, too much for a 9.8 MB file; refused to protect the computer',
    );
  });

  it('refuses archives that could be read two ways: overlapping parts, two parts of one name, a local header disagreeing with the directory, bytes after the end record', async () => {
    const parts = (sheet: Buffer) => [...readableParts(), { name: 'xl/worksheets/sheet1.xml', data: sheet }];
    const sheet = Buffer.from(
      `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rowXml(1, HEADER_TEXTS)}${rowXml(2, GOOD_ROW)}</sheetData></worksheet>`,
    );
    const good = zipOf(parts(sheet));
    expect((await preview('tot.xlsx', good)).errors).toEqual([]);
    const refusal = async (bytes: Buffer) => (await preview('x.xlsx', bytes)).errors[0]!.messageEn;

    // Two parts named alike (case aside): which is the sheet depends on the reader.
    expect(await refusal(zipOf([...parts(sheet), { name: 'XL/worksheets/Sheet1.xml', data: sheet }]))).toContain(
      'two of its parts have one name',
    );
    // The directory's last entry pointing at the first part's header: one part's bytes read as two parts.
    const overlapping = Buffer.from(good);
    const directoryAt = overlapping.readUInt32LE(overlapping.length - 6);
    let entry = directoryAt;
    for (let i = 0; i < 4; i++) entry += 46 + overlapping.readUInt16LE(entry + 28);
    overlapping.writeUInt32LE(0, entry + 42);
    expect(await refusal(overlapping)).toMatch(/overlap|says otherwise/);
    // A local header naming another size than the directory.
    const lying = Buffer.from(good);
    lying.writeUInt32LE(lying.readUInt32LE(22) + 1, 22);
    expect(await refusal(lying)).toContain('a part says otherwise than its directory');
    // A file starting with another zip signature is read by SheetJS from its end record all the same: checked alike.
    for (const signature of [0x08074b50, 0x06054b50, 0x02014b50]) {
      const disguised = Buffer.concat([Buffer.alloc(4), await fakeEndRecordXlsx(64 * 1024)]);
      disguised.writeUInt32LE(signature, 0);
      expect(await refusal(disguised)).toContain('more than one end-of-directory record');
    }
    // Bytes after the end record (its comment length short): the record is not the file's end.
    expect(await refusal(Buffer.concat([good, Buffer.from('PK tail')]))).toContain('does not fit the file');
  });

  it('hands the workbook reader the same workbook, rebuilt: a real template, and the same with a comment, read as the original', async () => {
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(
      book,
      XLSX.utils.aoa_to_sheet([HEADER_TEXTS, GOOD_ROW.map((v) => v ?? '')]),
      'Nhập liệu',
    );
    const original = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    const commented = Buffer.from(original);
    commented.writeUInt16LE(9, commented.length - 2);
    for (const bytes of [original, Buffer.concat([commented, Buffer.from('a comment')])]) {
      const parsed = await parseSheet('a.xlsx', bytes);
      expect('problem' in parsed).toBe(false);
      const { range, cells } = parsed as PlainSheet;
      expect(range).toEqual({ s: { r: 0, c: 0 }, e: { r: 1, c: HEADER_TEXTS.length - 1 } });
      expect(cells.map((c) => c.v)).toEqual([...HEADER_TEXTS, ...GOOD_ROW.map((v) => v ?? '')]);
    }
  });
});

/** The parts around a sheet, from the hostile files' own writer. */
function readableParts() {
  const zip = xlsxOf('');
  const entries: { name: string; data: Buffer }[] = [];
  const end = zip.length - 22;
  let at = zip.readUInt32LE(end + 16);
  for (let n = zip.readUInt16LE(end + 10); n > 0; n--) {
    const name = zip.toString('utf8', at + 46, at + 46 + zip.readUInt16LE(at + 28));
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26);
    entries.push({ name, data: inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(at + 20))) });
    at += 46 + zip.readUInt16LE(at + 28);
  }
  return entries.filter((e) => !e.name.startsWith('xl/worksheets/'));
}

describe('a sheet bounded by the cells in it', () => {
  it('one merged range over the whole sheet fills only the cells the sheet has (2 rows × 20 columns)', async () => {
    const bytes = mergesXlsx(1);
    expect(bytes.length).toBeLessThan(3 * 1024);
    const { sheet, limits } = await caged('gop.xlsx', bytes);
    expect(limits).toEqual(FLOOR_LIMITS);
    expect(sheet.range).toEqual({ s: { r: 0, c: 0 }, e: { r: 1, c: HEADER_TEXTS.length - 1 } });
    expect(sheet.grid.length).toBe(2 * HEADER_TEXTS.length);
    // The merge's first cell's value (its date), once more for the cells it covers.
    expect(sheet.cells.length).toBe(HEADER_TEXTS.length + GOOD_ROW.filter((v) => v !== null).length + 1);
    // Read as a row of one date across every column: refused by its columns, promptly.
    expect((await preview('gop.xlsx', bytes)).errors.length).toBeGreaterThan(0);
  });

  it('1,000 merged ranges over the whole sheet are refused as overlapping, having filled no more cells than the sheet has', async () => {
    expect((await preview('gop-1000.xlsx', mergesXlsx(1_000))).errors).toEqual([
      {
        row: 0,
        column: '',
        message: expect.stringContaining('có các vùng gộp ô chồng lên nhau'),
        messageEn:
          'The sheet "Nhập liệu" has merged ranges that overlap (the file is damaged); save it again with Excel or LibreOffice and send it again',
      },
    ]);
  });

  it('merges that do not overlap are filled, each clipped to the sheet: a donor written once for several rows', async () => {
    const rows = [rowXml(1, HEADER_TEXTS), rowXml(2, GOOD_ROW), rowXml(3, ['06/09/2022']), rowXml(4, ['07/09/2022'])];
    const tail =
      '<mergeCells count="3"><mergeCell ref="B2:B4"/><mergeCell ref="C2:C1048576"/><mergeCell ref="D2:XFD2"/></mergeCells>';
    const { sheet } = await caged('gop.xlsx', xlsxOf(rows.join(''), { tail }));
    const at = (r: number, c: number) => sheet.cells[sheet.grid[r * HEADER_TEXTS.length + c]!]?.v;
    expect([at(1, 1), at(2, 1), at(3, 1)]).toEqual(['Quỹ Thử Nghiệm', 'Quỹ Thử Nghiệm', 'Quỹ Thử Nghiệm']);
    expect(at(3, 2)).toBe('Nhật Bản');
    expect(at(1, HEADER_TEXTS.length - 1)).toBe('Bảo Lạc');
    expect(sheet.range.e).toEqual({ r: 3, c: HEADER_TEXTS.length - 1 });
  });

  it('a one-row sheet whose <dimension> claims A1:XFD1048576 is read as the one row it has, and imports', async () => {
    const bytes = claimedDimensionXlsx();
    const { sheet } = await caged('mot-dong.xlsx', bytes);
    expect(sheet.range).toEqual({ s: { r: 0, c: 0 }, e: { r: 1, c: HEADER_TEXTS.length - 1 } });
    expect(await preview('mot-dong.xlsx', bytes)).toMatchObject({ errors: [], added: 1 });
  });

  it('a sheet whose rows go past 100,000 under its header is still refused, counting the rows it has', async () => {
    const rows = Array.from(
      { length: 100_002 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}" t="n"><v>1</v></c></row>`,
    );
    const [problem] = (await preview('dai.xlsx', xlsxOf(rows.join(''), { dimension: 'A1:A2' }))).errors;
    expect(problem!.messageEn).toContain('has more than 100,000 rows');
  });
});

describe('limits sized from the file, not from what it declares', () => {
  it('a 694 KB workbook whose sheet truly unpacks to 268 MB is refused at what 694 KB may unpack to (68 MB)', async () => {
    const bytes = await declaredBombXlsx();
    expect(Math.round(bytes.length / 1024)).toBe(694);
    expect((await preview('bom.xlsx', bytes)).errors[0]!.messageEn).toBe(
      'The file unpacks to more than 68 MB, too much for a 0.7 MB file; refused to protect the computer',
    );
  });

  it('a reading past its heap is stopped by V8 and reported as the memory limit; one past its time is terminated and reported as the time limit', async () => {
    const row = `<row>${'<c t="n"><v>1</v></c>'.repeat(100)}</row>`;
    const bytes = xlsxOf(rowXml(1, HEADER_TEXTS) + row.repeat(13_000));
    const job = { kind: 'sheet', fileName: 'nhieu-o.xlsx', bytes } as const;
    // 1.3 million cells need well over 32 MB of heap, and more than a millisecond.
    expect(await runCaged(job, bytes.length, { heapMb: 32, youngMb: 8, timeMs: 120_000 })).toEqual({
      ok: false,
      limit: 'memory',
      limits: { heapMb: 32, youngMb: 8, timeMs: 120_000 },
    });
    expect(await runCaged(job, bytes.length, { heapMb: 1024, youngMb: 32, timeMs: 1 })).toMatchObject({
      ok: false,
      limit: 'time',
    });
    // The warm worker of the floor still reads the next file.
    expect((await caged('gop.xlsx', mergesXlsx(1))).limits).toEqual(FLOOR_LIMITS);
  });

  it('gives a file of 0.75 MB or less the floor, and more to larger files, up to a ceiling', () => {
    expect(limitsFor(1)).toEqual({ heapMb: 96, youngMb: 16, timeMs: 3_000 });
    expect(limitsFor(0.75 * 1024 * 1024)).toEqual(FLOOR_LIMITS);
    expect(limitsFor(2 * 1024 * 1024)).toEqual({ heapMb: 96, youngMb: 16, timeMs: 8_000 });
    expect(limitsFor(10 * 1024 * 1024)).toEqual({ heapMb: 480, youngMb: 32, timeMs: 40_000 });
    expect(limitsFor(20 * 1024 * 1024)).toEqual({ heapMb: 960, youngMb: 32, timeMs: 80_000 });
    expect(limitsFor(200 * 1024 * 1024)).toEqual({ heapMb: 1024, youngMb: 32, timeMs: 90_000 });
  });
});

describe('a bundle unpacked no further than its size allows', () => {
  it('a 1.5 MB bundle of 500 MB of lines is refused at 64 MB, by offices.admit and by a preview taking it on purpose', async () => {
    const bytes = await bundleBomb();
    expect(bytes.length).toBeLessThan(2 * 1024 * 1024);
    const before = tableCounts(t.ledger);
    const base64 = bytes.toString('base64');
    const admit = await t.service.call('offices.admit', {
      fileName: 'b.aidledger',
      base64,
      role: 'district',
      placeId: null,
    });
    const preview = await t.service.call('sync.preview', { fileName: 'b.aidledger', base64, acceptUnsigned: true });
    for (const answer of [admit, preview])
      expect(answer).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          message: {
            vi: 'Gói dữ liệu bị từ chối: nội dung giải nén ra hơn 64 MB, quá mức cho một gói 1,5 MB',
            en: 'Bundle refused: its content unpacks to more than 64 MB, too much for a 1.5 MB bundle',
          },
        },
      });
    expect(tableCounts(t.ledger)).toEqual(before);
  });

  it('refuses a line longer than 1 MB and more than 2,000,000 lines', () => {
    const bundle = (lines: string) => {
      const body = gzipSync(Buffer.from(`{"format":"aid-ledger-bundle"}\n${lines}`));
      const digest = createHash('sha256').update(body).digest('hex');
      return Buffer.concat([Buffer.from(`AIDLEDGER-BUNDLE 2 ${digest}\n`), body]);
    };
    expect(() => decodeBundle(bundle(`["a",{"note":"${'x'.repeat(1024 * 1024)}"}]\n`))).toThrow(
      'it has a line longer than 1.0 MB, which is no record',
    );
    expect(() => decodeBundle(bundle('["a",{}]\n'.repeat(2_000_001)))).toThrow('it has more than 2,000,000 lines');
  });
});
