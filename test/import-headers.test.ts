/**
 * Headers read by the words they hold: unit-type words joined any way make a place column, abbreviations are known,
 * money headers' units scale their values exactly, several text columns of one field are joined with their headers,
 * and a column not understood is named with the fields it could be — in every spreadsheet format the import reads.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ColumnMapping, ImportedFile } from '../contract';
import { readAmount, RowError, type UnitCell } from '../db/imports/cell-values';
import { headerMeaning, readHeader } from '../db/imports/layout';
import { moneyUnit, scaleDecimal } from '../db/imports/money-units';
import { runCli } from './cli-run';
import { tableCounts, tempLedger, type TestLedger } from './helpers';
import { randomFor, SEED } from './random';

type Cell = string | number | null;

describe('a header by its words', () => {
  it.each([
    ['Xã, thị trấn', { kind: 'place', unitType: null }],
    ['Xã/Phường', { kind: 'place', unitType: null }],
    ['Xã, phường, thị trấn', { kind: 'place', unitType: null }],
    ['Huyện, thành phố', { kind: 'place', unitType: null }],
    ['Huyện/thị xã/thành phố', { kind: 'place', unitType: null }],
    ['Xã và thị trấn', { kind: 'place', unitType: null }],
    ['Xã - Huyện', { kind: 'place', unitType: null }],
    ['Tên xã', { kind: 'place', unitType: 'Xã' }],
    ['TÊN XÃ', { kind: 'place', unitType: 'Xã' }],
    ['Thị xã', { kind: 'place', unitType: 'Thị xã' }],
    ['Đặc khu', { kind: 'place', unitType: 'Đặc khu' }],
    ['Quận', { kind: 'place', unitType: 'Quận' }],
    ['Đơn vị', { kind: 'place', unitType: null }],
    ['Địa phương/đơn vị', { kind: 'place', unitType: null }],
    ['Địa bàn', { kind: 'field', key: 'place', unit: null }],
    ['STT', { kind: 'stt' }],
    ['TT', { kind: 'stt' }],
    ['Số TT', { kind: 'stt' }],
    ['ĐVT', { kind: 'field', key: 'unit', unit: null }],
    ['Đơn vị tính', { kind: 'field', key: 'unit', unit: null }],
    ['SL', { kind: 'field', key: 'quantity', unit: null }],
    ['Tên NTT', { kind: 'field', key: 'donor', unit: null }],
    ['NTT', { kind: 'field', key: 'donor', unit: null }],
    ['SĐT', { kind: 'field', key: 'notes', unit: null }],
    ['Tên nhà tài trợ/tổ chức', { kind: 'field', key: 'donor', unit: null }],
    ['Tổ chức, cá nhân tài trợ', { kind: 'field', key: 'donor', unit: null }],
    ['Tên nhà tài trợ nước ngoài', { kind: 'field', key: 'donor', unit: null }],
    ['Ngày, tháng, năm', { kind: 'field', key: 'date', unit: null }],
    ['Thời gian thực hiện', { kind: 'field', key: 'date', unit: null }],
    ['Nội dung hỗ trợ', { kind: 'field', key: 'description', unit: null }],
    ['Hình thức hỗ trợ', { kind: 'field', key: 'kind', unit: null }],
    ['Ngành, lĩnh vực', { kind: 'field', key: 'sector', unit: null }],
    ['Tên dự án/khoản viện trợ', { kind: 'field', key: 'itemName', unit: null }],
    ['Số QĐ phê duyệt', { kind: 'field', key: 'approvalNumber', unit: null }],
    ['Số người hưởng lợi', { kind: 'field', key: 'beneficiaries', unit: null }],
    ['Tổng kinh phí (triệu đồng)', { kind: 'field', key: 'amount', unit: { currency: 'VND', exponent: 6 } }],
    ['Giá trị hỗ trợ\n(Nghìn đồng)', { kind: 'field', key: 'amount', unit: { currency: 'VND', exponent: 3 } }],
    ['Số tiền (1.000 đ)', { kind: 'field', key: 'amount', unit: { currency: 'VND', exponent: 3 } }],
    ['Đơn giá (đồng)', { kind: 'field', key: 'unitValue', unit: { currency: 'VND', exponent: 0 } }],
    ['Giá trị (tỷ đồng)', { kind: 'field', key: 'amount', unit: { currency: 'VND', exponent: 9 } }],
    ['Thành tiền (USD)', { kind: 'field', key: 'amount', unit: { currency: 'USD', exponent: 0 } }],
    ['Tổng giá trị (USD nghìn)', { kind: 'field', key: 'amount', unit: { currency: 'USD', exponent: 3 } }],
    // What was received, by whom and where: the receipt columns' own words.
    ['Thôn', { kind: 'field', key: 'village', unit: null }],
    ['Thôn, xóm', { kind: 'field', key: 'village', unit: null }],
    ['Tên hộ nhận', { kind: 'field', key: 'recipient', unit: null }],
    ['Ngày nhận', { kind: 'field', key: 'receivedDate', unit: null }],
    ['Đã nhận (triệu đồng)', { kind: 'field', key: 'receivedAmount', unit: { currency: 'VND', exponent: 6 } }],
    // Recipient lists' headers, as decrees' and circulars' forms and district decisions write them.
    ['Họ tên học viên', { kind: 'field', key: 'recipient', unit: null }],
    ['Năm sinh', { kind: 'field', key: 'recipient', unit: null }],
    ['Ngày, tháng, năm sinh', { kind: 'field', key: 'recipient', unit: null }],
    [
      'Số định danh cá nhân/Chứng minh nhân dân, cấp ngày tháng năm, nơi cấp',
      { kind: 'field', key: 'recipient', unit: null },
    ],
    ['Hộ khẩu thường trú', { kind: 'field', key: 'recipient', unit: null }],
    ['Chỗ ở hiện nay', { kind: 'field', key: 'recipient', unit: null }],
    ['Số CCCD', { kind: 'field', key: 'recipient', unit: null }],
    ['Chữ ký học viên', { kind: 'field', key: 'notes', unit: null }],
    ['Ký nhận', { kind: 'field', key: 'notes', unit: null }],
    ['Mức trợ cấp', { kind: 'field', key: 'amount', unit: null }],
    ['Số tiền trợ cấp một lần', { kind: 'field', key: 'amount', unit: null }],
    ['Tổng cộng chi phí hỗ trợ', { kind: 'field', key: 'amount', unit: null }],
    ['Tổng vốn đầu tư (tr.VNĐ)', { kind: 'field', key: 'amount', unit: { currency: 'VND', exponent: 6 } }],
    ['Mức hỗ trợ (VN đồng)', { kind: 'field', key: 'amount', unit: { currency: 'VND', exponent: 0 } }],
    ['Diễn giải', { kind: 'field', key: 'description', unit: null }],
    ['Thực chi', { kind: 'field', key: 'receivedAmount', unit: null }],
    ['Số học sinh', { kind: 'field', key: 'beneficiaries', unit: null }],
  ])('reads "%s"', (header, meaning) => {
    expect(headerMeaning(header)).toMatchObject(meaning);
  });

  it.each([
    ['Giá trị quy đổi', ['amount']],
    ['Số lượng/ĐVT', ['unit', 'quantity']],
    ['Xã, thôn', ['place', 'notes']],
    ['Mã hồ sơ', []],
  ])('asks about "%s", naming the fields it could be', (header, could) => {
    expect(readHeader(header)).toEqual({ meaning: null, could });
  });

  it('reads any joining of unit-type words as a place column, and none with another word among them', () => {
    const random = randomFor('header-unit-words');
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const words = ['xã', 'phường', 'thị trấn', 'đặc khu', 'huyện', 'quận', 'thị xã', 'thành phố', 'địa bàn'];
    const joins = [', ', ',', '/', ' / ', ' và ', ' - ', '; ', ' hoặc '];
    const cases = (x: string) => [x, x.toUpperCase(), x[0]!.toUpperCase() + x.slice(1)];
    for (let i = 0; i < 300; i++) {
      const parts = Array.from({ length: 1 + Math.floor(random() * 4) }, () => pick(words));
      const header = pick(cases(`${random() < 0.3 ? 'Tên ' : ''}${parts.join(pick(joins))}`));
      const read = headerMeaning(header);
      if (parts.length === 1 && parts[0] === 'địa bàn')
        expect(read, `seed ${SEED}: "${header}"`).toMatchObject({ kind: 'field', key: 'place' });
      else expect(read, `seed ${SEED}: "${header}"`).toMatchObject({ kind: 'place' });
      // The one type named, when all its parts name one: "Xã" under "Xã", any under "Xã/Phường".
      const types = new Set(parts);
      if (read?.kind === 'place' && types.size > 1) expect(read.unitType, `seed ${SEED}: "${header}"`).toBeNull();
      const stranger = [...parts, pick(['thôn', 'hộ nhận', 'tài trợ', 'số tiền'])].join(pick(joins));
      expect(headerMeaning(stranger)?.kind, `seed ${SEED}: "${stranger}"`).not.toBe('place');
    }
  });
});

describe('receipt and pledge fields read by one reader', () => {
  it.each([
    ['Ngày nhận quà', 'receivedDate'],
    ['Ngày bàn giao công trình', 'receivedDate'],
    ['Ngày ký nhận', 'receivedDate'],
    ['Thời gian giải ngân vốn', 'receivedDate'],
    ['Đã nhận số tiền', 'receivedAmount'],
    ['Số suất đã nhận', 'receivedQuantity'],
    ['Hộ được nhận', 'recipient'],
    ['Cá nhân nhận', 'recipient'],
    ['Đối tượng được hỗ trợ', 'recipient'],
    // The donor's words, not a recipient's: a pledge list's "Tổ chức, cá nhân".
    ['Tên tổ chức, cá nhân', 'donor'],
    ['Số hộ', 'beneficiaries'],
    ['Ngày hoàn thành', 'date'],
  ])('reads "%s" as %s', (header, key) => {
    expect(headerMeaning(header)).toMatchObject({ kind: 'field', key });
  });

  it.each([
    // A hand-over's date with words the reader does not know: the receipt's date or the pledge's.
    ['Ngày nhận hồ sơ', ['receivedDate', 'date']],
    ['Ngày cam kết/ngày nhận', ['receivedDate', 'date']],
    ['Giải ngân', ['receivedAmount', 'amount']],
    // A unit-type word beside a village: the column holds the unit, so it is no village column.
    ['Thôn, xã', ['place', 'notes']],
  ])('asks about "%s", naming the fields it could be', (header, could) => {
    expect(readHeader(header)).toEqual({ meaning: null, could });
  });

  it("reads any header made by the receipt words' rules, and asks about a hand-over date with an unknown word", () => {
    const random = randomFor('receipt-header-words');
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
    const verbs = ['nhận', 'tiếp nhận', 'bàn giao', 'trao', 'trao tặng', 'giải ngân', 'cấp phát', 'phát', 'giao'];
    const aid = ['', ' quà', ' hỗ trợ', ' nhà', ' tiền', ' kinh phí', ' thiết bị', ' hàng hóa', ' viện trợ'];
    const made: [() => string, string][] = [
      [
        () => `${pick(['Ngày', 'Thời gian', 'Thời điểm', 'Ngày tháng'])}${pick(['', ' đã'])} ${pick(verbs)}`,
        'receivedDate',
      ],
      [
        () => `${pick(['Số tiền', 'Giá trị', 'Kinh phí', 'Trị giá'])}${pick(['', ' đã', ' thực'])} ${pick(verbs)}`,
        'receivedAmount',
      ],
      [() => `${pick(['Đã', 'Thực'])} ${pick(verbs)}`, 'receivedAmount'],
      [() => `${pick(['Số lượng', 'SL', 'Số suất'])}${pick(['', ' đã', ' thực'])} ${pick(verbs)}`, 'receivedQuantity'],
      [
        () =>
          `${pick(['Tên hộ', 'Hộ gia đình', 'Người', 'Đơn vị', 'Trường', 'Trạm y tế'])}${pick(['', ' được'])} ${pick(verbs)}`,
        'recipient',
      ],
      [() => pick(['Thôn', 'Bản', 'Xóm', 'Tổ dân phố', 'Ấp', 'Buôn', 'Làng', 'Khóm']), 'village'],
    ];
    const cases = (x: string) => [x, x.toUpperCase(), x.toLowerCase()];
    for (let i = 0; i < 400; i++) {
      const [make, key] = pick(made);
      const header = pick(
        cases(`${make()}${key === 'village' ? '' : pick(aid)}${pick(['', ' (đồng)', '\n(triệu đồng)'])}`),
      );
      expect(headerMeaning(header), `seed ${SEED}: "${header}"`).toMatchObject({ kind: 'field', key });
      if (key === 'receivedDate') {
        const unknown = `${header.replace(/\s*\(.*$/s, '')} ${pick(['hồ sơ', 'đơn', 'báo cáo', 'kết quả'])}`;
        expect(readHeader(unknown), `seed ${SEED}: "${unknown}"`).toEqual({
          meaning: null,
          could: ['receivedDate', 'date'],
        });
      }
    }
  });
});

describe('money units', () => {
  it.each([
    ['đồng', 'VND', 0],
    ['VNĐ', 'VND', 0],
    ['nghìn đồng', 'VND', 3],
    ['ngàn đồng', 'VND', 3],
    ['1.000 đ', 'VND', 3],
    ['1000đ', 'VND', 3],
    ['triệu đồng', 'VND', 6],
    ['Tr.đ', 'VND', 6],
    ['Triệu VNĐ', 'VND', 6],
    ['1.000.000 đồng', 'VND', 6],
    ['tỷ đồng', 'VND', 9],
    ['USD', 'USD', 0],
    ['USD nghìn', 'USD', 3],
    ['nghìn USD', 'USD', 3],
    ['Đơn vị: triệu đồng', 'VND', 6],
    ['ĐVT: 1.000 đồng', 'VND', 3],
  ])('"%s" is %s × 10^%i', (text, currency, exponent) => {
    expect(moneyUnit(text)).toMatchObject({ currency, exponent });
  });

  it.each(['kg', 'người', 'căn', 'suất', 'hộ', 'triệu', ''])('"%s" is no money unit', (text) => {
    expect(moneyUnit(text)).toBeNull();
  });

  it('scales a value exactly, by moving its decimal point', () => {
    const random = randomFor('money-scale');
    for (let i = 0; i < 500; i++) {
      const whole = String(Math.floor(random() * 1e6));
      const fraction = String(Math.floor(random() * 1e6))
        .padStart(6, '0')
        .slice(0, Math.floor(random() * 7));
      const exponent = [0, 3, 6, 9][Math.floor(random() * 4)]!;
      const text = fraction ? `${whole}.${fraction}` : whole;
      // The same value in units of 10^-12, both ways.
      const scaled = scaleDecimal(text, exponent);
      const [si, sf = ''] = scaled.split('.');
      const [wi, wf = ''] = text.split('.');
      const inPicos = (int: string, frac: string, shift: number) =>
        BigInt(int) * 10n ** BigInt(12 + shift) + BigInt(frac.padEnd(12 + shift, '0') || '0');
      expect(inPicos(si!, sf, 0), `seed ${SEED}: ${text} × 10^${exponent}`).toBe(
        inPicos(wi!, wf, 0) * 10n ** BigInt(exponent),
      );
    }
  });

  it('reads an amount under its unit, and refuses one not a whole number of the smallest unit, naming both', () => {
    const unit = (label: string) => moneyUnit(label)!;
    const cell = (v: string | number, label: string): UnitCell => ({
      t: typeof v === 'number' ? 'n' : 's',
      v,
      unit: unit(label),
    });
    expect(readAmount(cell('88,5', 'triệu đồng'), 'amount', 'VND')).toBe(88_500_000);
    expect(readAmount(cell(88.5, 'triệu đồng'), 'amount', 'VND')).toBe(88_500_000);
    expect(readAmount(cell('1.250,125', 'nghìn đồng'), 'amount', 'VND')).toBe(1_250_125);
    expect(readAmount(cell('0,000000001', 'tỷ đồng'), 'amount', 'VND')).toBe(1);
    expect(readAmount(cell('12,34567', 'USD nghìn'), 'amount', 'USD')).toBe(1_234_567);
    const refused = (v: string, label: string, currency: string) => {
      try {
        readAmount(cell(v, label), 'amount', currency);
      } catch (error) {
        if (error instanceof RowError) return [error.column, error.vi, error.en];
      }
      return null;
    };
    expect(refused('88,5000005', 'triệu đồng', 'VND')).toEqual([
      'amount',
      '88,5000005 triệu đồng = 88.500.000,5 VND, không phải số đồng nguyên',
      '88.5000005 triệu đồng = 88500000.5 VND, not a whole number of đồng',
    ]);
    expect(refused('1,2345678', 'USD nghìn', 'USD')?.[1]).toBe(
      '1,2345678 USD nghìn = 1.234,5678 USD, lẻ hơn đơn vị nhỏ nhất (0,01 USD)',
    );
    expect(refused('9.000.000', 'tỷ đồng', 'VND')?.[1]).toContain('9.000.000 tỷ đồng');
  });
});

let t: TestLedger;
/** A ledger of Cao Bằng's units, knowing one donor. */
async function openLedger() {
  t = await tempLedger();
  await t.service.invoke('places.choose', { province: '04' });
  await t.service.invoke('donors.create', {
    name: 'Tổ chức Tzu Chi',
    shortName: 'Tzu Chi',
    country: 'Đài Loan (Trung Quốc)',
    kind: 'foreign_ngo',
  });
}

const EXTENSION = { xlsx: 'xlsx', biff8: 'xls', ods: 'ods', csv: 'csv' } as const;

function writeList(name: string, rows: Cell[][], bookType: keyof typeof EXTENSION): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Danh sách');
  const path = join(t.dir, `${name}.${EXTENSION[bookType]}`);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
  return path;
}

async function importFile(
  path: string,
  { dryRun = false, mapping }: { dryRun?: boolean; mapping?: ColumnMapping } = {},
) {
  const file = { fileName: path.split('/').pop()!, base64: readFileSync(path).toString('base64'), mapping };
  return (await t.service.invoke('imports.files', { files: [file], dryRun })).files[0]! as ImportedFile;
}

async function saved() {
  const { rows } = await t.service.invoke('pledges.list', { sort: { by: 'pledgeDate', dir: 'asc' } });
  return rows.map((r) => [r.placeName, r.description, r.quantity, r.unit, r.amountMinor, r.currency, r.notes]);
}

/** A district's list in its own words: "Xã, thị trấn", "TT", "Tên NTT", "SL", "ĐVT", money in triệu đồng. */
function districtList(amounts: [Cell, Cell] = ['88,5', 1.25]): Cell[][] {
  return [
    ['UBND HUYỆN BẢO LẠC'],
    ['DANH SÁCH CÁC KHOẢN HỖ TRỢ QUÝ III/2022'],
    [null],
    [
      'TT',
      'Tên NTT',
      'Xã, thị trấn',
      'Nội dung hỗ trợ',
      'SL',
      'ĐVT',
      'Kinh phí (triệu đồng)',
      'Ngày, tháng, năm',
      'Ghi chú',
      'SĐT',
    ],
    [
      1,
      'Tổ chức Tzu Chi',
      'Hưng Đạo',
      'Làm nhà cho hộ nghèo',
      3,
      'căn',
      amounts[0],
      '05/08/2022',
      'Đợt 1',
      '0912 345 678',
    ],
    [2, 'Tổ chức Tzu Chi', 'Phan Thanh', 'Quà Tết', 50, 'suất', amounts[1], '12/08/2022', null, null],
  ];
}

describe('a list in its own words', () => {
  beforeEach(openLedger);
  afterEach(() => t.close());
  it.each(['xlsx', 'biff8', 'ods', 'csv'] as const)(
    'is read from .%s without mapping: the place column, the abbreviations, the amounts scaled, the notes joined',
    async (bookType) => {
      // A CSV holds text: its numbers are written the Vietnamese way.
      const list = districtList(bookType === 'csv' ? ['88,5', '1,25'] : [88.5, 1.25]);
      const result = await importFile(writeList('bao-lac', list, bookType));
      expect(result.errors).toEqual([]);
      expect(result.added).toBe(2);
      expect(result.layout!.columns.every((c) => c.field !== null && c.from === 'known')).toBe(true);
      expect(await saved()).toEqual([
        ['Xã Hưng Đạo', 'Làm nhà cho hộ nghèo', '3', 'căn', 88_500_000, 'VND', 'Ghi chú: Đợt 1; SĐT: 0912 345 678'],
        ['Xã Phan Thanh', 'Quà Tết', '50', 'suất', 1_250_000, 'VND', null],
      ]);
    },
  );

  it('refuses an amount that is not a whole number of đồng once scaled, naming its cell, and writes nothing', async () => {
    const before = tableCounts(t.ledger);
    const result = await importFile(writeList('inexact', districtList(['88,5', '1,2500005']), 'xlsx'));
    expect(result.errors).toEqual([
      {
        row: 6,
        column: 'Thành tiền',
        message: '1,2500005 triệu đồng = 1.250.000,5 VND, không phải số đồng nguyên',
        messageEn: '1.2500005 triệu đồng = 1250000.5 VND, not a whole number of đồng',
      },
    ]);
    expect(tableCounts(t.ledger)).toEqual(before);
  });

  it('takes the unit a table states above its header ("ĐVT: triệu đồng") for money headers that state none', async () => {
    const rows = districtList();
    rows[2] = [null, null, null, null, null, null, 'ĐVT: Triệu đồng'];
    rows[3]![6] = 'Kinh phí';
    expect((await importFile(writeList('dvt', rows, 'ods'))).errors).toEqual([]);
    expect((await saved()).map((r) => r[4])).toEqual([88_500_000, 1_250_000]);
  });

  it("checks a totals row in the header's unit", async () => {
    const rows = [...districtList(), [null, 'Tổng cộng', null, null, null, null, '89,75']];
    expect((await importFile(writeList('total', rows, 'xlsx'))).errors).toEqual([]);
    const wrong = [...districtList(), [null, 'Tổng cộng', null, null, null, null, '89,7']];
    expect((await importFile(writeList('wrong-total', wrong, 'xlsx'))).errors[0]).toMatchObject({
      row: 7,
      message: 'dòng tổng ghi 89.700.000 VND, nhưng 2 dòng ở trên cộng lại là 89.750.000 VND',
    });
  });

  it('joins the columns mapped to one text field with their headers, dropping none', async () => {
    const rows: Cell[][] = [
      ['UBND HUYỆN BẢO LẠC'],
      ['STT', 'Ngày', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Thành tiền', 'Mã hồ sơ', 'Số hợp đồng'],
      [1, '05/09/2022', 'Tổ chức Tzu Chi', 'Hưng Đạo', 'Sửa nhà', '30.000.000', 'HS-01', '004123'],
      [2, '06/09/2022', 'Tổ chức Tzu Chi', 'Hưng Đạo', 'Sửa nhà', '20.000.000', null, '004124'],
    ];
    const path = writeList('ho', rows, 'xlsx');
    const asked = await importFile(path, { dryRun: true });
    expect(asked.layout!.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual([
      'Mã hồ sơ',
      'Số hợp đồng',
    ]);
    const mapping = [
      { header: 'Mã hồ sơ', field: 'notes' as const },
      { header: 'Số hợp đồng', field: 'notes' as const },
    ];
    expect((await importFile(path, { mapping })).errors).toEqual([]);
    expect((await saved()).map((r) => r[6])).toEqual(['Mã hồ sơ: HS-01; Số hợp đồng: 004123', 'Số hợp đồng: 004124']);
  });

  it("reads a household list's details of the one who received and its signature column without mapping", async () => {
    const rows: Cell[][] = [
      ['UBND HUYỆN BẢO LẠC'],
      ['DANH SÁCH HỘ NHẬN HỖ TRỢ'],
      [
        'STT',
        'Họ và tên chủ hộ',
        'Năm sinh',
        'Dân tộc',
        'Số định danh cá nhân/CCCD',
        'Thôn',
        'Xã',
        'Nội dung hỗ trợ',
        'Mức hỗ trợ (triệu đồng)',
        'Ngày nhận',
        'Nhà tài trợ',
        'Chữ ký chủ hộ',
      ],
      [
        1,
        'Nông Văn A',
        1958,
        'Tày',
        '004058001234',
        'Nà Pồng',
        'Hưng Đạo',
        'Sửa nhà',
        30,
        '05/09/2022',
        'Tổ chức Tzu Chi',
        null,
      ],
      [
        2,
        'Hoàng Thị B',
        1971,
        'Nùng',
        null,
        'Bản Miầu',
        'Hưng Đạo',
        'Sửa nhà',
        20,
        '06/09/2022',
        'Tổ chức Tzu Chi',
        null,
      ],
    ];
    const path = writeList('ho-nhan', rows, 'xlsx');
    const asked = await importFile(path, { dryRun: true });
    expect(asked.layout!.columns.map((c) => [c.header, c.field, c.from])).toEqual([
      ['STT', 'stt', 'known'],
      ['Họ và tên chủ hộ', 'recipient', 'known'],
      ['Năm sinh', 'recipient', 'known'],
      ['Dân tộc', 'recipient', 'known'],
      ['Số định danh cá nhân/CCCD', 'recipient', 'known'],
      ['Thôn', 'village', 'known'],
      ['Xã', 'place', 'known'],
      ['Nội dung hỗ trợ', 'description', 'known'],
      ['Mức hỗ trợ (triệu đồng)', 'amount', 'known'],
      ['Ngày nhận', 'receivedDate', 'known'],
      ['Nhà tài trợ', 'donor', 'known'],
      ['Chữ ký chủ hộ', 'notes', 'known'],
    ]);
    expect((await importFile(path)).errors).toEqual([]);
    const recipients = t.ledger.sqlite
      .prepare(
        `SELECT coalesce(d.recipient, p.recipient) AS recipient FROM pledges p LEFT JOIN deliveries d ON d.pledge_id = p.id
         ORDER BY p.pledge_date`,
      )
      .all()
      .map((r) => (r as { recipient: string }).recipient);
    expect(recipients).toEqual([
      'Họ và tên chủ hộ: Nông Văn A; Năm sinh: 1958; Dân tộc: Tày; Số định danh cá nhân/CCCD: 004058001234',
      'Họ và tên chủ hộ: Hoàng Thị B; Năm sinh: 1971; Dân tộc: Nùng',
    ]);
  });

  it('no longer refuses "Xã, thị trấn" as a missing place, and names the columns a missing one could be', async () => {
    const rows: Cell[][] = [
      ['UBND HUYỆN BẢO LẠC'],
      ['STT', 'Ngày', 'Nhà tài trợ', 'Xã, thị trấn', 'Nội dung', 'Giá trị quy đổi', 'Mã hồ sơ'],
      [1, '05/09/2022', 'Tổ chức Tzu Chi', 'Hưng Đạo', 'Sửa nhà', '30.000.000', 'HS-01'],
    ];
    const result = await importFile(writeList('quy-doi', rows, 'csv'), { dryRun: true });
    expect(result.errors).toEqual([
      {
        row: 2,
        column: 'Thành tiền',
        message: 'thiếu cột này ở dòng tiêu đề; có thể là cột "Giá trị quy đổi": hãy ghép cột',
        messageEn:
          'this column is missing from the header row; it may be the column "Giá trị quy đổi": map the columns',
      },
    ]);
    const cli = runCli('import', '--db', t.file, join(t.dir, 'quy-doi.csv'));
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(
      'cột chưa đọc được / columns not read: "Giá trị quy đổi" (amount = Thành tiền), "Mã hồ sơ"',
    );
    expect(cli.stderr).toContain('--map "Giá trị quy đổi=amount;Mã hồ sơ=ignore"');
    const mapped = runCli(
      'import',
      '--db',
      t.file,
      '--map',
      'Giá trị quy đổi=amount;Mã hồ sơ=ignore',
      join(t.dir, 'quy-doi.csv'),
    );
    expect(mapped.stderr).toBe('');
    expect(mapped.status).toBe(0);
  });
});

describe('a hand-over date the reader cannot place', () => {
  beforeEach(openLedger);
  afterEach(() => t.close());
  it('is named as the column a missing date could be, and read once mapped', async () => {
    const rows: Cell[][] = [
      ['UBND HUYỆN BẢO LẠC'],
      ['STT', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Tên hộ nhận', 'Ngày nhận hồ sơ', 'Đã nhận (đồng)'],
      [1, 'Tổ chức Tzu Chi', 'Hưng Đạo', 'Làm nhà', 'Nông Văn A', '10/05/2024', '40.000.000'],
    ];
    const path = writeList('nhan', rows, 'xlsx');
    const asked = await importFile(path, { dryRun: true });
    expect(asked.layout!.columns.find((c) => c.header === 'Ngày nhận hồ sơ')).toMatchObject({
      field: null,
      could: ['receivedDate', 'date'],
    });
    expect(asked.errors).toEqual([
      {
        row: 2,
        column: 'Ngày cam kết',
        message: 'thiếu cột này ở dòng tiêu đề; có thể là cột "Ngày nhận hồ sơ": hãy ghép cột',
        messageEn:
          'this column is missing from the header row; it may be the column "Ngày nhận hồ sơ": map the columns',
      },
    ]);
    const mapped = await importFile(path, { mapping: [{ header: 'Ngày nhận hồ sơ', field: 'receivedDate' }] });
    expect(mapped.errors).toEqual([]);
    const { rows: pledges } = await t.service.invoke('pledges.list', {});
    const detail = await t.service.invoke('pledges.get', { id: pledges[0]!.id });
    expect(detail.deliveries.map((d) => [d.deliveryDate, d.amountMinor, d.recipient])).toEqual([
      ['2024-05-10', 40_000_000, 'Nông Văn A'],
    ]);
  });
});

describe('a column read automatically', () => {
  beforeEach(openLedger);
  afterEach(() => t.close());
  it('can be mapped to another field or left out, and the choice is remembered for the layout', async () => {
    const rows = (amount: string): Cell[][] => [
      ['UBND HUYỆN BẢO LẠC'],
      ['STT', 'Ngày', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Thành tiền', 'Ghi chú', 'Hạng mục'],
      [1, '05/09/2022', 'Tổ chức Tzu Chi', 'Hưng Đạo', 'Sửa nhà', amount, 'Đợt 1', 'Nhà ở'],
    ];
    const first = writeList('lan-1', rows('30.000.000'), 'xlsx');
    // "Hạng mục" is read as a second description: it is joined, unless mapped.
    expect((await importFile(first, { dryRun: true })).layout!.columns.at(-1)).toMatchObject({
      field: 'description',
      from: 'known',
    });
    const mapping = [
      { header: 'Ghi chú', field: 'ignore' as const },
      { header: 'Hạng mục', field: 'kind' as const },
    ];
    const mapped = await importFile(first, { mapping });
    expect(mapped.errors).toEqual([]);
    expect(mapped.layout!.columns.slice(-2).map((c) => [c.header, c.field, c.from])).toEqual([
      ['Ghi chú', 'ignore', 'chosen'],
      ['Hạng mục', 'kind', 'chosen'],
    ]);
    const next = await importFile(writeList('lan-2', rows('45.000.000'), 'xlsx'));
    expect(next.errors).toEqual([]);
    expect(next.layout!.columns.slice(-2).map((c) => [c.header, c.field, c.from])).toEqual([
      ['Ghi chú', 'ignore', 'remembered'],
      ['Hạng mục', 'kind', 'remembered'],
    ]);
    const { rows: pledges } = await t.service.invoke('pledges.list', { sort: { by: 'pledgeDate', dir: 'asc' } });
    expect(pledges.map((r) => [r.description, r.kind, r.notes])).toEqual([
      ['Sửa nhà', 'house', null],
      ['Sửa nhà', 'house', null],
    ]);
  });
});
