/**
 * A list's letterhead naming several levels is the lowest one's: "UBND TỈNH TUYÊN QUANG" over "UBND XÃ MÈO VẠC" is
 * the commune's list, each unit looked for within the one above it — on two lines, in one cell, in one line, under a
 * former district, under a department.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { Place } from '../contract';
import { letterheadUnits } from '../db/imports/letterhead';
import { tempLedger, type TestLedger } from './helpers';

type Cell = string | number | null;

describe('letterhead lines', () => {
  it.each([
    [['UBND TỈNH TUYÊN QUANG'], ['Tỉnh TUYÊN QUANG']],
    [['UBND TỈNH TUYÊN QUANG\nUBND XÃ MÈO VẠC'], ['Tỉnh TUYÊN QUANG', 'Xã MÈO VẠC']],
    [['UBND TỈNH TUYÊN QUANG / UBND XÃ MÈO VẠC'], ['Tỉnh TUYÊN QUANG', 'Xã MÈO VẠC']],
    [['UBND TỈNH TUYÊN QUANG UBND XÃ MÈO VẠC'], ['Tỉnh TUYÊN QUANG', 'Xã MÈO VẠC']],
    [['UBND HUYỆN BẢO LẠC - UBND XÃ HỒNG TRỊ'], ['Huyện BẢO LẠC', 'Xã HỒNG TRỊ']],
    [['ỦY BAN NHÂN DÂN XÃ HƯNG ĐẠO', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], ['Xã HƯNG ĐẠO']],
    [['SỞ NGOẠI VỤ TỈNH CAO BẰNG'], ['Tỉnh CAO BẰNG']],
    [['SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI TỈNH CAO BẰNG'], ['Tỉnh CAO BẰNG']],
    [['PHÒNG LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI HUYỆN BẢO LẠC'], ['Huyện BẢO LẠC']],
    [['UBND TP. CAO BẰNG'], ['Thành phố CAO BẰNG']],
    [['Uỷ ban nhân dân thị trấn Bảo Lạc'], ['Thị trấn Bảo Lạc']],
    [['UBND XÃ PHAN THANH, HUYỆN NGUYÊN BÌNH'], ['Xã PHAN THANH, HUYỆN NGUYÊN BÌNH']],
    // No accents, lower case, abbreviations.
    [['UBND TINH TUYEN QUANG / UBND XA MEO VAC'], ['Tỉnh TUYEN QUANG', 'Xã MEO VAC']],
    [['ubnd huyện bảo lạc - ubnd xã hồng trị'], ['Huyện bảo lạc', 'Xã hồng trị']],
    [['UBND TX. QUẢNG YÊN'], ['Thị xã QUẢNG YÊN']],
    // The committee on one line, its unit alone on the next (in the same cell or the row below), extra lines between.
    [['ỦY BAN NHÂN DÂN\nPHƯỜNG THỤC PHÁN'], ['Phường THỤC PHÁN']],
    [
      ['ỦY BAN NHÂN DÂN TỈNH CAO BẰNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'PHƯỜNG THỤC PHÁN'],
      ['Tỉnh CAO BẰNG', 'Phường THỤC PHÁN'],
    ],
    [['ỦY BAN NHÂN DÂN', 'CỘNG HÒA', 'XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'XÃ HƯNG ĐẠO', 'Số: 12/BC-UBND'], ['Xã HƯNG ĐẠO']],
    // An office whose own name holds a type word, a name starting with one.
    [['PHÒNG QUẢN LÝ ĐÔ THỊ THÀNH PHỐ CAO BẰNG'], ['Thành phố CAO BẰNG']],
    [['PHÒNG NỘI VỤ HUYỆN QUẢNG HÒA'], ['Huyện QUẢNG HÒA']],
    // Not letterheads: a department of no unit, the national motto, a title naming a commune.
    [['UBND TỈNH CAO BẰNG', 'Quảng Hòa, ngày 05 tháng 10 năm 2022'], ['Tỉnh CAO BẰNG']],
    [['XÃ HƯNG ĐẠO'], []],
    [['PHÒNG NỘI VỤ'], []],
    [['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], []],
    [['DANH SÁCH HỘ NHẬN QUÀ XÃ HỒNG TRỊ'], []],
    [['Sơn Lộ, ngày 05 tháng 10 năm 2022'], []],
  ])('%j names %j', (texts, named) => {
    expect(letterheadUnits(texts).map((u) => u.withType)).toEqual(named);
  });
});

describe('the office a letterhead names', () => {
  let tuyenQuang: TestLedger;
  let caoBang: TestLedger;
  let tqPlaces: Place[];
  let cbPlaces: Place[];
  beforeAll(async () => {
    tuyenQuang = await tempLedger({ seed: false });
    await tuyenQuang.service.invoke('places.choose', { province: '08' });
    caoBang = await tempLedger({ seed: false });
    await caoBang.service.invoke('places.choose', { province: '04' });
    for (const t of [tuyenQuang, caoBang])
      await t.service.invoke('donors.create', { name: 'Tổ chức Tzu Chi', kind: 'foreign_ngo' });
    tqPlaces = await tuyenQuang.service.invoke('places.list', {});
    cbPlaces = await caoBang.service.invoke('places.list', {});
  }, 60_000);
  afterAll(async () => {
    await tuyenQuang.close();
    await caoBang.close();
  });

  /** The unit of this type and name, under a unit of that name when given. */
  const unit = (places: Place[], displayName: string, under?: string) =>
    places.find(
      (p) =>
        p.displayName === displayName && (!under || places.find((q) => q.id === p.parentId)?.displayName === under),
    )!;

  /** The office a list with these rows above its header is read as (checked only, nothing written). */
  async function officeOf(t: TestLedger, letterhead: Cell[][], date = '05/09/2022') {
    const rows: Cell[][] = [
      ...letterhead,
      [null],
      ['STT', 'Ngày cam kết', 'Nhà tài trợ', 'Địa bàn', 'Nội dung', 'Thành tiền'],
      [1, date, 'Tổ chức Tzu Chi', '', 'Sửa nhà', '30.000.000'],
    ];
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'DS');
    const file = { fileName: 'list.xlsx', base64: XLSX.write(book, { type: 'base64', bookType: 'xlsx' }) as string };
    const done = await t.service.invoke('imports.files', { files: [file], dryRun: true });
    return done.files[0]!.officePlace ?? null;
  }

  it('reads a province over a commune as the commune, however the two are laid out', async () => {
    const commune = unit(tqPlaces, 'Xã Mèo Vạc').id;
    for (const letterhead of [
      [['UBND TỈNH TUYÊN QUANG'], ['UBND XÃ MÈO VẠC']],
      [['UBND TỈNH TUYÊN QUANG\nUBND XÃ MÈO VẠC', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']],
      [['UBND TỈNH TUYÊN QUANG / UBND XÃ MÈO VẠC']],
      [['UBND TỈNH TUYÊN QUANG UBND XÃ MÈO VẠC']],
      // No accents, lower case, the committee and its unit on separate lines.
      [['UBND TINH TUYEN QUANG / UBND XA MEO VAC']],
      [['ubnd tỉnh tuyên quang'], ['ubnd xã mèo vạc']],
      [['ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG'], ['ỦY BAN NHÂN DÂN'], ['XÃ MÈO VẠC']],
      // Written the other way up, the commune is still the lower.
      [['UBND XÃ MÈO VẠC'], ['UBND TỈNH TUYÊN QUANG']],
    ] satisfies Cell[][][]) {
      expect(await officeOf(tuyenQuang, letterhead, '05/09/2025'), JSON.stringify(letterhead)).toMatchObject({
        id: commune,
        name: 'Xã Mèo Vạc',
        from: 'letterhead',
      });
    }
  });

  it('finds a commune within the district above it, a former one included', async () => {
    // Two Lũng Cú: the former commune of Huyện Đồng Văn, and today's under the province.
    expect(await officeOf(tuyenQuang, [['UBND HUYỆN ĐỒNG VĂN'], ['UBND XÃ LŨNG CÚ']])).toMatchObject({
      id: unit(tqPlaces, 'Xã Lũng Cú', 'Huyện Đồng Văn').id,
    });
    expect(await officeOf(tuyenQuang, [['UBND TỈNH TUYÊN QUANG - UBND XÃ LŨNG CÚ']], '05/09/2025')).toMatchObject({
      id: unit(tqPlaces, 'Xã Lũng Cú', 'Tỉnh Tuyên Quang').id,
    });
    // Former province, district and commune on three lines.
    expect(
      await officeOf(tuyenQuang, [['UBND TỈNH HÀ GIANG'], ['UBND HUYỆN MÈO VẠC'], ['UBND THỊ TRẤN MÈO VẠC']]),
    ).toMatchObject({ id: unit(tqPlaces, 'Thị trấn Mèo Vạc').id });
    // Cao Bằng had two Xã Phan Thanh: the district above says which.
    expect(await officeOf(caoBang, [['UBND HUYỆN NGUYÊN BÌNH'], ['UBND XÃ PHAN THANH']])).toMatchObject({
      id: unit(cbPlaces, 'Xã Phan Thanh', 'Huyện Nguyên Bình').id,
    });
    expect(await officeOf(caoBang, [['UBND HUYỆN BẢO LẠC - UBND XÃ HỒNG TRỊ']])).toMatchObject({
      id: unit(cbPlaces, 'Xã Hồng Trị').id,
      name: 'Xã Hồng Trị',
    });
  });

  it('reads one level as before, a department as its province, and a unit not found as the lowest one found', async () => {
    expect(await officeOf(caoBang, [['UBND HUYỆN BẢO LẠC'], ['PHÒNG NỘI VỤ']])).toMatchObject({
      id: unit(cbPlaces, 'Huyện Bảo Lạc').id,
    });
    expect(await officeOf(caoBang, [['SỞ NGOẠI VỤ TỈNH CAO BẰNG']])).toMatchObject({
      id: unit(cbPlaces, 'Tỉnh Cao Bằng').id,
    });
    expect(await officeOf(caoBang, [['UBND TỈNH CAO BẰNG'], ['UBND XÃ KHÔNG CÓ THẬT']])).toMatchObject({
      id: unit(cbPlaces, 'Tỉnh Cao Bằng').id,
    });
    expect(await officeOf(caoBang, [['DANH SÁCH HỖ TRỢ XÃ HỒNG TRỊ']])).toBeNull();
    expect(
      await officeOf(
        caoBang,
        [
          ['ỦY BAN NHÂN DÂN TỈNH CAO BẰNG', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
          ['PHƯỜNG THỤC PHÁN', null, 'Độc lập - Tự do - Hạnh phúc'],
        ],
        '05/09/2025',
      ),
    ).toMatchObject({ id: unit(cbPlaces, 'Phường Thục Phán').id });
    expect(await officeOf(caoBang, [['PHÒNG QUẢN LÝ ĐÔ THỊ THÀNH PHỐ CAO BẰNG']])).toMatchObject({
      id: unit(cbPlaces, 'Thành phố Cao Bằng').id,
    });
  });
});
