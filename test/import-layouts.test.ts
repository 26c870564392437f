/**
 * Lists as offices lay them out, not the template: a letterhead and title above the header, headers in the office's
 * words and order, an STT column, section rows, merged cells, subtotal and total rows checked against the rows, and
 * signatures below — in every spreadsheet format the import reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ColumnMapping, ImportedFile, PledgeRow } from '../contract';
import { tableCounts, tempLedger, totalsAgainstRows, type TestLedger } from './helpers';

let t: TestLedger;
beforeEach(async () => {
  t = await tempLedger();
  await t.service.invoke('donors.create', {
    name: 'Tổ chức Tzu Chi',
    shortName: 'Tzu Chi',
    country: 'Đài Loan (Trung Quốc)',
    kind: 'foreign_ngo',
  });
});
afterEach(() => t.close());

type Cell = string | number | null;

/** A district's quarterly list, as its office types it. `total` is what its "Tổng cộng" row says. */
function officeList(total: number | string): { rows: Cell[][]; merges: XLSX.Range[] } {
  const rows: Cell[][] = [
    ['UBND HUYỆN BẢO LẠC', null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
    ['PHÒNG NỘI VỤ', null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
    [null],
    ['DANH SÁCH CÁC KHOẢN VIỆN TRỢ PCPNN TIẾP NHẬN QUÝ III NĂM 2022'],
    ['(Kèm theo Báo cáo số 125/BC-PNV ngày 05/10/2022)'],
    [null],
    // Its own words and order: no kind, currency or country column; the unit in the amount's header; "Huyện".
    ['STT', 'Tên nhà tài trợ', 'Huyện', 'Nội dung hỗ trợ', 'SL', 'ĐVT', 'Số tiền (đồng)', 'Thời gian', 'Ghi chú'],
    ['I', 'NHÀ Ở', null, null, null, null, null, null, null],
    [1, 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Hỗ trợ làm nhà cho hộ nghèo', 20, 'căn', '700.000.000', '05/08/2022', null],
    [2, null, 'Bảo Lâm', 'Sửa chữa nhà', 2, 'căn', 60000000, '12/08/2022', 'Đợt 1'],
    [null, 'Cộng I', null, null, null, null, 760000000, null, null],
    [null],
    ['II', 'QUÀ TẶNG', null, null, null, null, null, null, null],
    [3, 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Quà Tết cho hộ nghèo', 1000, 'suất', '500.000.000', '20/09/2022', null],
    [null, 'Tổng cộng', null, null, null, null, total, null, null],
    [null],
    [null, null, null, null, null, null, 'Bảo Lạc, ngày 05 tháng 10 năm 2022'],
    [null, 'NGƯỜI LẬP BIỂU', null, null, null, null, 'TRƯỞNG PHÒNG'],
    [null, '(Ký, ghi rõ họ tên)', null, null, null, null, '(Ký tên, đóng dấu)'],
  ];
  // The donor written once for the two houses (B9:B10), the section titles across the table.
  const merges = [
    { s: { r: 8, c: 1 }, e: { r: 9, c: 1 } },
    { s: { r: 7, c: 1 }, e: { r: 7, c: 8 } },
    { s: { r: 12, c: 1 }, e: { r: 12, c: 8 } },
  ];
  return { rows, merges };
}

function writeList(name: string, list: { rows: Cell[][]; merges: XLSX.Range[] }, bookType: XLSX.BookType): string {
  // A CSV keeps no merges: the office writes the donor on each row.
  if (bookType === 'csv') list.rows[9]![1] = 'Tổ chức Tzu Chi';
  const sheet = XLSX.utils.aoa_to_sheet(list.rows);
  if (bookType !== 'csv') sheet['!merges'] = list.merges;
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Quý III');
  const path = join(t.dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
  return path;
}

/** One list through `imports.files` (a check only with `dryRun`), as from the office `placeId` or mapped: what it did. */
async function importFile(
  path: string,
  dryRun = false,
  { placeId, mapping }: { placeId?: string; mapping?: ColumnMapping } = {},
): Promise<ImportedFile> {
  const file = { fileName: path.split('/').pop()!, base64: readFileSync(path).toString('base64'), mapping };
  return (await t.service.invoke('imports.files', { files: [file], placeId, dryRun })).files[0]!;
}

describe("an office's own list", () => {
  it.each(['xlsx', 'xls', 'ods', 'csv'] as const)(
    'imports from .%s: the header under the letterhead, sections as kinds, merged cells, totals checked, signatures left',
    async (bookType) => {
      const path = writeList(`bao-lac.${bookType}`, officeList('1.260.000.000'), bookType);
      const result = await importFile(path);
      expect(result.errors).toEqual([]);
      expect(result.added).toBe(3);
      const { rows } = await t.service.invoke('pledges.list', { sort: { by: 'pledgeDate', dir: 'asc' } });
      const shown = rows.map((r: PledgeRow) => [
        r.pledgeDate,
        r.donorName,
        r.placeName,
        r.kind,
        r.description,
        r.quantity,
        r.unit,
        r.amountMinor,
        r.currency,
        r.notes,
      ]);
      expect(shown).toEqual([
        [
          '2022-08-05',
          'Tổ chức Tzu Chi',
          'Bảo Lạc',
          'house',
          'Hỗ trợ làm nhà cho hộ nghèo',
          '20',
          'căn',
          700_000_000,
          'VND',
          null,
        ],
        ['2022-08-12', 'Tổ chức Tzu Chi', 'Bảo Lâm', 'house', 'Sửa chữa nhà', '2', 'căn', 60_000_000, 'VND', 'Đợt 1'],
        [
          '2022-09-20',
          'Tổ chức Tzu Chi',
          'Bảo Lạc',
          'gift',
          'Quà Tết cho hộ nghèo',
          '1000',
          'suất',
          500_000_000,
          'VND',
          null,
        ],
      ]);
      const { stored, fromRows } = totalsAgainstRows(t.ledger);
      expect(stored).toEqual(fromRows);
      // Searchable at once, by their own words, place and donor (their search text is set once, after every row).
      expect(
        (await t.service.invoke('pledges.list', { filter: { text: 'sua chua nha bao lam tzu chi' } })).rows.map(
          (r) => r.description,
        ),
      ).toEqual(['Sửa chữa nhà']);
      // Sent again next week: nothing more.
      expect((await importFile(path)).added).toBe(0);
    },
  );

  it('is refused whole when its total row disagrees with the rows above it, naming that row', async () => {
    const before = tableCounts(t.ledger);
    const result = await importFile(writeList('wrong-total.xlsx', officeList(1_250_000_000), 'xlsx'));
    expect(result.added).toBe(0);
    expect(result.errors).toEqual([
      {
        row: 15,
        column: 'Thành tiền',
        message: 'dòng tổng ghi 1.250.000.000 VND, nhưng 3 dòng ở trên cộng lại là 1.260.000.000 VND',
        messageEn: 'the totals row says 1,250,000,000 VND, but the 3 rows above add up to 1,260,000,000 VND',
      },
    ]);
    expect(tableCounts(t.ledger)).toEqual(before);
  });

  it("checks a section's own subtotal against that section's rows", async () => {
    const list = officeList('1.260.000.000');
    list.rows[10]![6] = 770_000_000;
    const result = await importFile(writeList('wrong-subtotal.ods', list, 'ods'));
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [11, 'Thành tiền', 'dòng tổng ghi 770.000.000 VND, nhưng 2 dòng ở trên cộng lại là 760.000.000 VND'],
    ]);
  });

  it('reads a currency from the header, communes under "Xã", and dates named "Ngày …"', async () => {
    await t.service.invoke('places.choose', { province: '04' });
    const rows: Cell[][] = [
      ['BÁO CÁO VIỆN TRỢ THÁNG 8/2025'],
      ['TT', 'Ngày nhận', 'Tổ chức tài trợ', 'Quốc tịch', 'Xã', 'Nội dung', 'Giá trị (USD)', 'Tỷ giá'],
      [1, '20/08/2025', 'Quỹ Hy Vọng', 'Hoa Kỳ', 'Bảo Lạc', 'Học bổng', '1.500,00', '25.000'],
      [2, '21/08/2025', 'Quỹ Hy Vọng', 'Hoa Kỳ', 'Xã Hưng Đạo', 'Trang thiết bị', 800, '25.000'],
      ['', 'Tổng', '', '', '', '', '2.300,00', ''],
    ];
    const path = writeList('usd.xlsx', { rows, merges: [] }, 'xlsx');
    const result = await importFile(path);
    expect(result.errors).toEqual([]);
    expect(result.newDonors).toEqual(['Quỹ Hy Vọng']);
    const { rows: saved } = await t.service.invoke('pledges.list', { sort: { by: 'pledgeDate', dir: 'asc' } });
    expect(saved.map((r) => [r.placeName, r.amountMinor, r.currency, r.kind])).toEqual([
      ['Xã Bảo Lạc', 150_000, 'USD', 'other'],
      ['Xã Hưng Đạo', 80_000, 'USD', 'other'],
    ]);
  });

  it("reads a commune name several former districts had as the sending office's, chosen or named by its letterhead", async () => {
    await t.service.invoke('places.choose', { province: '04' });
    const list = (letterhead: string): { rows: Cell[][]; merges: XLSX.Range[] } => ({
      rows: [
        [letterhead],
        ['PHÒNG NỘI VỤ'],
        [null],
        ['STT', 'Ngày cam kết', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Thành tiền'],
        [1, '05/09/2022', 'Tổ chức Tzu Chi', 'Phan Thanh', 'Sửa nhà', '30.000.000'],
      ],
      merges: [],
    });
    const places = await t.service.invoke('places.list', {});
    const district = (name: string) => places.find((p) => p.level === 'district' && p.name === name)!;
    const communeIn = (name: string) =>
      places.find((p) => p.name === 'Phan Thanh' && p.parentId === district(name).id)!.id;

    // Without an office: an error listing the candidates, nothing written.
    const unknown = await importFile(writeList('no-office.xlsx', list('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), 'xlsx'));
    expect(unknown.errors).toEqual([
      expect.objectContaining({
        row: 5,
        column: 'Địa bàn',
        message: expect.stringMatching(/trùng tên nhiều đơn vị: .*Bảo Lạc.*Nguyên Bình/),
      }),
    ]);
    expect(unknown.officePlace).toBeUndefined();

    // The office chosen when the file is dropped.
    const chosen = await importFile(
      writeList('bao-lac.xlsx', list('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'), 'xlsx'),
      true,
    );
    expect(chosen.errors).toEqual(unknown.errors);
    const withOffice = await importFile(join(t.dir, 'bao-lac.xlsx'), false, { placeId: district('Bảo Lạc').id });
    expect(withOffice.errors).toEqual([]);
    expect(withOffice.officePlace).toEqual({
      id: district('Bảo Lạc').id,
      name: expect.stringContaining('Bảo Lạc'),
      from: 'chosen',
    });

    // Named by the letterhead: "UBND HUYỆN NGUYÊN BÌNH".
    const fromLetterhead = await importFile(writeList('nguyen-binh.xlsx', list('UBND HUYỆN NGUYÊN BÌNH'), 'xlsx'));
    expect(fromLetterhead.errors).toEqual([]);
    expect(fromLetterhead.officePlace).toMatchObject({ id: district('Nguyên Bình').id, from: 'letterhead' });
    const { rows } = await t.service.invoke('pledges.list', {});
    expect(rows.map((r) => r.placeId).sort()).toEqual([communeIn('Bảo Lạc'), communeIn('Nguyên Bình')].sort());
  });

  it('asks about the columns it cannot name, takes the mapping, and remembers it for the next file of that layout', async () => {
    const rows = (amount: string): Cell[][] => [
      ['DANH SÁCH HỖ TRỢ'],
      ['STT', 'Ngày', 'Nhà tài trợ', 'Nơi nhận', 'Nội dung', 'Giá trị quy đổi', 'Mã hồ sơ'],
      [1, '05/09/2022', 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Sửa nhà', amount, 'HS-01'],
    ];
    const first = writeList('lan-1.xlsx', { rows: rows('30.000.000'), merges: [] }, 'xlsx');
    const asked = await importFile(first, true);
    expect(asked.errors.map((e) => e.column)).toEqual(['Địa bàn', 'Thành tiền']);
    expect(asked.layout).toMatchObject({ headerRow: 2, remembered: false });
    expect(asked.layout!.columns.map((c) => [c.header, c.field, c.from])).toEqual([
      ['STT', 'stt', 'known'],
      ['Ngày', 'date', 'known'],
      ['Nhà tài trợ', 'donor', 'known'],
      ['Nơi nhận', null, null],
      ['Nội dung', 'description', 'known'],
      ['Giá trị quy đổi', null, null],
      ['Mã hồ sơ', null, null],
    ]);
    expect(asked.layout!.columns[5]!.samples).toEqual(['30.000.000']);

    const mapping = [
      { header: 'Nơi nhận', field: 'place' as const },
      { header: 'giá trị quy đổi', field: 'amount' as const },
      { header: 'Mã hồ sơ', field: 'ignore' as const },
    ];
    const mapped = await importFile(first, true, { mapping });
    expect(mapped.errors).toEqual([]);
    expect(mapped.added).toBe(1);
    // A preview remembers nothing; the import does.
    expect(t.ledger.sqlite.prepare('SELECT count(*) AS n FROM import_layouts').get()).toEqual({ n: 0 });
    expect((await importFile(first, false, { mapping })).added).toBe(1);

    // Next quarter's file from the same office: straight through.
    const next = await importFile(writeList('lan-2.xlsx', { rows: rows('45.000.000'), merges: [] }, 'xlsx'));
    expect(next.errors).toEqual([]);
    expect(next.added).toBe(1);
    expect(next.layout).toMatchObject({ remembered: true });
    expect(next.layout!.columns.find((c) => c.header === 'Giá trị quy đổi')).toMatchObject({
      field: 'amount',
      from: 'remembered',
    });
    expect((await t.service.invoke('pledges.summary', {})).pledgedVnd).toBe(75_000_000);
  });

  it('remembers a list imported as receipts with its layout: the next one is read so, until said otherwise', async () => {
    const places = await t.service.invoke('places.list', {});
    const district = places.find((p) => p.level === 'district' && p.name === 'Bảo Lạc')!;
    const donor = (await t.service.invoke('donors.list', {})).find((d) => d.name === 'Tổ chức Tzu Chi')!;
    const { id: pledgeId } = await t.service.invoke('pledges.create', {
      donorId: donor.id,
      placeId: district.id,
      kind: 'gift',
      description: 'Quà cho hộ nghèo',
      amountMinor: 100_000_000,
      currency: 'VND',
      pledgeDate: '2024-03-01',
    });
    // One date, which is the day received only when the import says so; a column the office adds, left out.
    const list = (name: string, day: string, amount: number) =>
      writeList(
        name,
        {
          rows: [
            ['Ngày', 'Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Nội dung', 'Số tiền', 'Mã hồ sơ'],
            [day, 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Quà', 'Quà cho hộ nghèo', amount, 'HS-01'],
          ],
          merges: [],
        },
        'xlsx',
      );
    const send = async (path: string, receipts?: boolean, dryRun = false) => {
      const file = {
        fileName: path.split('/').pop()!,
        base64: readFileSync(path).toString('base64'),
        mapping: [{ header: 'Mã hồ sơ', field: 'ignore' as const }],
      };
      const input = { files: [file], dryRun, ...(receipts === undefined ? {} : { receipts }) };
      return (await t.service.invoke('imports.files', input)).files[0]!;
    };
    const stored = () =>
      (t.ledger.sqlite.prepare('SELECT mapping FROM import_layouts').all() as { mapping: string }[]).map((r) =>
        JSON.parse(r.mapping),
      );

    // Read as receipts when the import says so; a check remembers nothing.
    const checked = await send(list('q2.xlsx', '15/06/2024', 20_000_000), true, true);
    expect(checked.receipts!.map((m) => [m.outcome, m.pledgeId])).toEqual([['place', pledgeId]]);
    expect(stored()).toEqual([]);
    expect((await send(list('q2.xlsx', '15/06/2024', 20_000_000), true)).errors).toEqual([]);
    expect(stored()).toEqual([
      [
        { header: 'Mã hồ sơ', field: 'ignore' },
        { header: '', field: 'ignore', receipts: true },
      ],
    ]);

    // Next quarter's list of that layout, the import saying nothing: read as receipts, as remembered.
    const next = await send(list('q3.xlsx', '15/09/2024', 30_000_000));
    expect(next.errors).toEqual([]);
    expect(next.layout).toMatchObject({ remembered: true, receipts: true });
    expect(next.receipts!.map((m) => [m.outcome, m.pledgeId])).toEqual([['place', pledgeId]]);
    const detail = await t.service.invoke('pledges.get', { id: pledgeId });
    expect(detail.deliveries.map((d) => [d.deliveryDate, d.amountMinor])).toEqual([
      ['2024-06-15', 20_000_000],
      ['2024-09-15', 30_000_000],
    ]);

    // Said otherwise: a pledge, and the layout remembered as a list of pledges, its mapped column kept.
    const pledged = await send(list('q4.xlsx', '15/12/2024', 5_000_000), false);
    expect([pledged.errors, pledged.added, pledged.receipts]).toEqual([[], 1, undefined]);
    expect(stored()).toEqual([[{ header: 'Mã hồ sơ', field: 'ignore' }]]);
    const after = await send(list('q4b.xlsx', '16/12/2024', 6_000_000));
    expect([after.added, after.receipts, after.layout?.receipts]).toEqual([1, undefined, undefined]);
    expect(after.layout).toMatchObject({ remembered: true });
  });

  it('forgets a layout remembered only as a list of receipts once a list of it is imported as pledges', async () => {
    const rows: Cell[][] = [
      ['Ngày', 'Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Nội dung', 'Số tiền'],
      ['15/06/2024', 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Quà', 'Quà Tết', 1_000_000],
    ];
    const path = writeList('chi-ngay.xlsx', { rows, merges: [] }, 'xlsx');
    const send = async (receipts?: boolean) => {
      const file = { fileName: 'chi-ngay.xlsx', base64: readFileSync(path).toString('base64') };
      return (
        await t.service.invoke('imports.files', { files: [file], ...(receipts === undefined ? {} : { receipts }) })
      ).files[0]!;
    };
    const count = () => t.ledger.sqlite.prepare('SELECT count(*) AS n FROM import_layouts').get();
    // No pledge to fulfil: a pledge delivered in full; the layout, whose columns are all known, remembered as receipts.
    expect((await send(true)).receipts!.map((m) => m.outcome)).toEqual(['new']);
    expect(count()).toEqual({ n: 1 });
    expect((await send(false)).receipts).toBeUndefined();
    expect(count()).toEqual({ n: 0 });
  });

  it('reads a mapping remembered before lists of receipts were remembered as one of pledges', async () => {
    const rows: Cell[][] = [
      ['Ngày', 'Nhà tài trợ', 'Nơi nhận', 'Nội dung', 'Số tiền'],
      ['15/06/2024', 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Sửa nhà', 1_000_000],
    ];
    t.ledger.sqlite
      .prepare('INSERT INTO import_layouts (layout_key, headers, mapping, file_name, saved_at) VALUES (?, ?, ?, ?, ?)')
      .run(
        'ngay | nha tai tro | noi nhan | noi dung | so tien',
        JSON.stringify(rows[0]),
        JSON.stringify([{ header: 'Nơi nhận', field: 'place' }]),
        'cu.xlsx',
        '2024-01-01T00:00:00.000Z',
      );
    const result = await importFile(writeList('moi.xlsx', { rows, merges: [] }, 'xlsx'));
    expect([result.errors, result.added, result.receipts]).toEqual([[], 1, undefined]);
    expect(result.layout).toMatchObject({ remembered: true });
    expect(result.layout!.receipts).toBeUndefined();
  });

  it('proposes a header row for mapping when no row names enough columns, and reads the file once mapped', async () => {
    const rows: Cell[][] = [
      ['Thời điểm nhận', 'Bên cho', 'Nơi nhận', 'Việc làm', 'Trị giá quy đổi'],
      ['05/09/2022', 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Sửa nhà', 1_000_000],
    ];
    const path = writeList('la.xlsx', { rows, merges: [] }, 'xlsx');
    const refused = await importFile(path, true);
    expect(refused.errors[0]!.message).toContain('hãy ghép cột');
    expect(refused.layout!.columns.map((c) => c.header)).toEqual(rows[0]);
    const mapping = [
      { header: 'Bên cho', field: 'donor' as const },
      { header: 'Nơi nhận', field: 'place' as const },
      { header: 'Việc làm', field: 'description' as const },
      { header: 'Trị giá quy đổi', field: 'amount' as const },
    ];
    const result = await importFile(path, false, { mapping });
    expect(result.errors).toEqual([]);
    expect(result.added).toBe(1);
  });

  it('still says which columns are missing when no row names enough of them, within the first 30 rows', async () => {
    const rows: Cell[][] = [
      ...Array.from({ length: 30 }, (_, i) => [`Ghi chú ${i}`]),
      ['Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Nội dung', 'Thành tiền'],
    ];
    const result = await importFile(writeList('deep.xlsx', { rows, merges: [] }, 'xlsx'));
    expect(result.errors[0]!.message).toContain('Không tìm thấy dòng tiêu đề trong 30 dòng đầu');
  });
});
