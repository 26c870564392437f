/**
 * A list of another province is refused whole, naming it: one whose letterhead names another province, however the
 * letterhead is written, and one whose places are all units of another province; a national ledger takes every
 * province's lists. A former province merged into this one, a city within it, a title or a donor naming a province
 * are not another province's list. Each list's province is shown with it in the preview.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ImportedFile } from '../contract/imports';
import { letterheadProvince, letterheadUnits } from '../db/imports/letterhead';
import { tableHashes, tempLedger, type TestLedger } from './helpers';

type Cell = string | number | null;
const HEADER: Cell[] = ['STT', 'Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Nội dung', 'Thành tiền'];
const BOOK_TYPES = ['xlsx', 'xls', 'ods', 'csv'] as const;

let tuyenQuang: TestLedger;
let caoBang: TestLedger;
let national: TestLedger;

beforeAll(async () => {
  tuyenQuang = await tempLedger({ seed: false });
  await tuyenQuang.service.invoke('places.choose', { province: '08' });
  caoBang = await tempLedger({ seed: false });
  await caoBang.service.invoke('places.choose', { province: '04' });
  national = await tempLedger({ seed: false });
  await national.service.invoke('places.choose', { province: 'all' });
  for (const t of [tuyenQuang, caoBang, national])
    await t.service.invoke('donors.create', { name: 'Tổ chức Tzu Chi', kind: 'foreign_ngo' });
}, 120_000);
afterAll(async () => {
  for (const t of [tuyenQuang, caoBang, national]) await t.close();
});

/** A list: its letterhead rows, the header row, then its rows ([date, place, description, amount]). */
function list(letterhead: Cell[][], rows: [string, string, string, string][], bookType: (typeof BOOK_TYPES)[number]) {
  const aoa: Cell[][] = [
    ...letterhead,
    [null],
    HEADER,
    ...rows.map(([date, place, what, amount], i) => [i + 1, date, 'Tổ chức Tzu Chi', place, what, amount]),
  ];
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), 'DS');
  const base64 =
    bookType === 'csv'
      ? Buffer.from(XLSX.utils.sheet_to_csv(book.Sheets.DS!), 'utf8').toString('base64')
      : (XLSX.write(book, { type: 'base64', bookType }) as string);
  return { fileName: `danh-sach.${bookType}`, base64 };
}

/** The list imported into the ledger (written unless refused), with the ledger's tables before and after. */
async function importList(t: TestLedger, file: { fileName: string; base64: string }, placeId?: string) {
  const before = tableHashes(t.ledger);
  const result = await t.service.invoke('imports.files', { files: [file], ...(placeId ? { placeId } : {}) });
  return {
    result,
    file: result.files[0]! as ImportedFile,
    unchanged: () => expect(tableHashes(t.ledger)).toEqual(before),
  };
}

const NGUYEN_BINH: [string, string, string, string][] = [
  ['05/09/2022', 'Nguyên Bình', 'Trường học', '3.700.000.000'],
  ['06/09/2022', 'Bảo Lạc', 'Nhà ở', '20.000.000'],
];

describe('a letterhead naming another province', () => {
  it.each([
    [['UBND TỈNH CAO BẰNG'], ['UBND HUYỆN NGUYÊN BÌNH']],
    [['UBND TỈNH CAO BẰNG / UBND HUYỆN NGUYÊN BÌNH', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']],
    [['ỦY BAN NHÂN DÂN'], ['TỈNH CAO BẰNG']],
    [['SỞ NGOẠI VỤ TỈNH CAO BẰNG']],
    [['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH CAO BẰNG']],
    [['ubnd tinh cao bang'], ['ubnd huyen nguyen binh']],
    [['- UBND TỈNH CAO BẰNG -']],
  ] satisfies Cell[][][])(
    '%j is refused in a Tuyên Quang ledger, naming both, in every format',
    async (...letterhead) => {
      for (const bookType of BOOK_TYPES) {
        const { result, file, unchanged } = await importList(tuyenQuang, list(letterhead, NGUYEN_BINH, bookType));
        expect(result.written, bookType).toBe(false);
        expect(file.errors).toHaveLength(1);
        expect(file.errors[0]!.message).toContain('Tiêu đề văn bản ghi Tỉnh Cao Bằng');
        expect(file.errors[0]!.message).toContain('sổ này là sổ của Tỉnh Tuyên Quang');
        expect(file.errors[0]!.messageEn).toContain('The letterhead names Tỉnh Cao Bằng');
        expect(file.province).toBe('Tỉnh Cao Bằng');
        unchanged();
      }
    },
  );

  it('names a city that is a province, and a former province with the province it became', async () => {
    const rows: [string, string, string, string][] = [['05/09/2025', 'Mèo Vạc', 'Bể nước', '10.000.000']];
    const haNoi = await importList(tuyenQuang, list([['UBND THÀNH PHỐ HÀ NỘI']], rows, 'xlsx'));
    expect(haNoi.file.errors[0]!.message).toContain('Tiêu đề văn bản ghi Thành phố Hà Nội');
    haNoi.unchanged();
    const bacGiang = await importList(tuyenQuang, list([['UBND TỈNH BẮC GIANG']], rows, 'xlsx'));
    expect(bacGiang.file.errors[0]!.message).toContain('Tỉnh Bắc Giang, nay thuộc Tỉnh Bắc Ninh');
    expect(bacGiang.file.errors[0]!.messageEn).toContain('Tỉnh Bắc Giang, now part of Tỉnh Bắc Ninh');
    bacGiang.unchanged();
    const vungTau = await importList(caoBang, list([['UBND TỈNH BÀ RỊA – VŨNG TÀU']], NGUYEN_BINH, 'csv'));
    expect(vungTau.file.errors[0]!.message).toContain('nay thuộc Thành phố Hồ Chí Minh');
    vungTau.unchanged();
  });

  it("takes a list of this province's letterhead, a former province merged into it, or a city within it", async () => {
    const tq = await importList(
      tuyenQuang,
      list(
        [['UBND TỈNH TUYÊN QUANG'], ['UBND XÃ MÈO VẠC']],
        [['05/09/2025', 'Mèo Vạc', 'Bể nước', '10.000.000']],
        'ods',
      ),
    );
    expect(tq.file.errors).toEqual([]);
    expect(tq.file).toMatchObject({ added: 1, province: 'Tỉnh Tuyên Quang', officePlace: { name: 'Xã Mèo Vạc' } });
    const haGiang = await importList(
      tuyenQuang,
      list([['UBND TỈNH HÀ GIANG'], ['UBND HUYỆN ĐỒNG VĂN']], [['05/09/2022', 'Lũng Cú', 'Cầu', '15.000.000']], 'xls'),
    );
    expect(haGiang.file.errors).toEqual([]);
    expect(haGiang.file).toMatchObject({ added: 1, province: 'Tỉnh Tuyên Quang' });
    const city = await importList(
      caoBang,
      list([['UBND THÀNH PHỐ CAO BẰNG']], [['05/09/2022', 'Thành phố Cao Bằng', 'Đèn đường', '5.000.000']], 'xlsx'),
    );
    expect(city.file.errors).toEqual([]);
    expect(city.file.province).toBe('Tỉnh Cao Bằng');
  });

  it('reads a province named further on in a line (a title, a donor) as no letterhead', () => {
    for (const texts of [
      ['DANH SÁCH HỖ TRỢ CỦA UBND TỈNH THÁI NGUYÊN'],
      ['Kèm theo Công văn của UBND tỉnh Lạng Sơn'],
      ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Hà Nội, ngày 05 tháng 9 năm 2022'],
    ])
      expect(letterheadProvince(letterheadUnits(texts)), texts[0]).toBeNull();
    expect(letterheadProvince(letterheadUnits(['UBND TỈNH THÁI NGUYÊN']))).toMatchObject({ code: '19' });
    expect(letterheadProvince(letterheadUnits(['UBND TP. HỒ CHÍ MINH']))?.name).toBe('Thành phố Hồ Chí Minh');
    expect(letterheadProvince(letterheadUnits(['UBND THÀNH PHỐ CAO BẰNG']))).toBeNull();
  });

  it('is taken by a national ledger', async () => {
    const { file } = await importList(national, list([['UBND TỈNH CAO BẰNG']], NGUYEN_BINH, 'xlsx'));
    expect(file.errors).toEqual([]);
    expect(file).toMatchObject({ added: 2, province: 'Tỉnh Cao Bằng' });
  });
});

describe('a list whose places all lie in another province', () => {
  it.each(BOOK_TYPES)('is refused naming it (%s)', async (bookType) => {
    const { result, file, unchanged } = await importList(tuyenQuang, list([], NGUYEN_BINH, bookType));
    expect(result.written).toBe(false);
    expect(file.errors).toHaveLength(1);
    expect(file.errors[0]!.message).toContain('Không địa bàn nào của danh sách thuộc Tỉnh Tuyên Quang');
    expect(file.errors[0]!.message).toContain('Tỉnh Cao Bằng (Nguyên Bình, Bảo Lạc)');
    expect(file.errors[0]!.messageEn).toContain("None of the list's places lies in Tỉnh Tuyên Quang");
    expect(file.province).toBe('Tỉnh Cao Bằng');
    unchanged();
  });

  it('read in unit columns too ("Huyện", "Xã")', async () => {
    const aoa: Cell[][] = [
      ['STT', 'Ngày cam kết', 'Nhà tài trợ', 'Huyện', 'Xã', 'Nội dung', 'Thành tiền'],
      [1, '05/09/2022', 'Tổ chức Tzu Chi', 'Nguyên Bình', 'Phan Thanh', 'Nhà ở', '20.000.000'],
      [2, '05/09/2022', 'Tổ chức Tzu Chi', 'Bảo Lạc', 'Hồng Trị', 'Nhà ở', '20.000.000'],
    ];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(aoa), 'DS');
    const { file, unchanged } = await importList(tuyenQuang, {
      fileName: 'xa.xlsx',
      base64: XLSX.write(book, { type: 'base64', bookType: 'xlsx' }) as string,
    });
    expect(file.errors[0]!.message).toMatch(/Tỉnh Cao Bằng \(.*Huyện Nguyên Bình/);
    expect(file.errors[0]!.message).toMatch(/Tỉnh Cao Bằng \(.*Xã Phan Thanh/);
    unchanged();
  });

  it('is left to its rows when one place is this province’s, or none is found anywhere', async () => {
    const mixed = await importList(
      tuyenQuang,
      list([], [...NGUYEN_BINH, ['05/09/2022', 'Đồng Văn', 'Cầu', '1.000.000']], 'xlsx'),
    );
    expect(mixed.file.errors.length).toBeGreaterThan(0);
    expect(mixed.file.errors.every((e) => e.row > 0)).toBe(true);
    expect(mixed.file.province).toBe('Tỉnh Tuyên Quang');
    mixed.unchanged();
    const nowhere = await importList(tuyenQuang, list([], [['05/09/2022', 'Không Có Thật', 'Cầu', '1.000']], 'xlsx'));
    expect(nowhere.file.errors.map((e) => e.row)).toEqual([nowhere.file.errors[0]!.row]);
    expect(nowhere.file.errors[0]!.row).toBeGreaterThan(0);
    expect(nowhere.file.province).toBeUndefined();
  });

  it("is this province's when the office chosen is, and a national ledger takes it", async () => {
    const places = await tuyenQuang.service.invoke('places.list', {});
    const office = places.find((p) => p.displayName === 'Xã Mèo Vạc' && p.validTo === null)!;
    const { file } = await importList(
      tuyenQuang,
      list([], [['05/09/2025', 'Mèo Vạc', 'Bể nước nhỏ', '7.000.000']], 'csv'),
      office.id,
    );
    expect(file.errors).toEqual([]);
    expect(file.province).toBe('Tỉnh Tuyên Quang');
    const taken = await importList(
      national,
      list(
        [],
        NGUYEN_BINH.map(([d, p]) => [d, p, 'Giếng', '1.000.000']),
        'csv',
      ),
    );
    expect(taken.file.errors).toEqual([]);
    expect(taken.file.added).toBe(2);
  });
});
