/**
 * The NGO registry's spreadsheets on a real ledger: registers in several layouts (letterhead, own header words and
 * column order, xlsx, ods and csv) imported all or nothing, again adding nothing, a mapping remembered with its
 * layout; the register exported, read back and opened in LibreOffice; the annual report's sheet "Tổ chức PCPNN" and
 * the paragraph counting the NGOs.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import type { NgoImportResult } from '../contract/ngo-io';
import { catalogueProvinces } from '../db/places/catalogue';
import { tempLedger, type TestLedger } from './helpers';
import { convert } from './libreoffice';

let t: TestLedger;
beforeEach(async () => {
  t = await tempLedger({ seed: false });
  await t.service.invoke('places.choose', { province: '08' });
});
afterEach(() => t.close());

type Cell = string | number | null;

/** A workbook of these rows in a format SheetJS writes (xlsx, ods, csv), as the import is handed it. */
function fileOf(name: string, rows: Cell[][], bookType: XLSX.BookType) {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  const written = XLSX.write(book, { bookType, type: 'buffer' }) as Buffer;
  return { fileName: `${name}.${bookType}`, base64: Buffer.from(written).toString('base64') };
}

/** A province office's register, as it keeps it: letterhead, title, STT, a signature under it. */
const OFFICE_REGISTER: Cell[][] = [
  ['UBND TỈNH TUYÊN QUANG', null, null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  ['SỞ NGOẠI VỤ', null, null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
  [null],
  ['SỔ THEO DÕI TỔ CHỨC PCPNN HOẠT ĐỘNG TRÊN ĐỊA BÀN TỈNH'],
  [null],
  [
    'STT',
    'Tên tổ chức',
    'Quốc tịch',
    'Loại giấy',
    'Số giấy đăng ký',
    'Ngày cấp',
    'Có giá trị đến',
    'Địa bàn hoạt động',
    'Lĩnh vực hoạt động',
    'Người đứng đầu',
    'Địa chỉ văn phòng',
    'Điện thoại',
    'Email',
  ],
  [
    1,
    'Tổ chức Tầm nhìn Thế giới',
    'Hoa Kỳ',
    'Giấy đăng ký hoạt động',
    '123/BNG-GĐK',
    '05/03/2023',
    '04/03/2026',
    'Tuyên Quang, Hà Giang',
    'Y tế; Giáo dục',
    'John Smith',
    null,
    '0912 345 678',
    'john@wv.example',
  ],
  [
    2,
    'Plan International',
    'Anh',
    'Giấy đăng ký lập văn phòng đại diện',
    '45/BNG-VPĐD',
    '10/01/2024',
    '09/01/2029',
    'Toàn quốc',
    'Trẻ em, Bình đẳng giới',
    'Nguyễn Thị Lan',
    'Số 1 Tràng Tiền, Hoàn Kiếm, Hà Nội',
    null,
    null,
  ],
  [
    3,
    'QUỸ BLUE DRAGON',
    'Úc',
    null,
    '77/BNG-GĐK',
    '01/06/2024',
    '31/05/2027',
    'Cao Bằng',
    'Bảo trợ xã hội, Rà phá bom mìn',
    null,
    null,
    null,
    null,
  ],
  [null],
  [null, null, null, null, null, null, null, null, 'Tuyên Quang, ngày 05 tháng 12 năm 2026'],
  [null, 'NGƯỜI LẬP BIỂU', null, null, null, null, null, null, 'GIÁM ĐỐC'],
];

async function counts() {
  const one = (table: string) =>
    (t.ledger.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    donors: one('donors'),
    certificates: one('ngo_certificates'),
    contacts: one('ngo_contacts'),
    profiles: one('ngo_profiles'),
    layouts: one('import_layouts'),
  };
}

describe('importing a register', () => {
  it('reads its rows as certificates of NGOs found by name or created, and adds nothing the second time', async () => {
    // One NGO already in the ledger, written otherwise (case, accents, a short name).
    const known = await t.service.invoke('donors.create', {
      name: 'Quỹ Blue Dragon',
      kind: 'foreign_ngo',
      country: 'Úc',
    });
    const file = fileOf('so-theo-doi', OFFICE_REGISTER, 'xlsx');
    const first = await t.service.invoke('ngo.import', { files: [file] });
    expect(first.files[0]!.errors).toEqual([]);
    expect(first.written).toBe(true);
    expect(first.files[0]).toMatchObject({ rows: 3, added: 3, updated: 0, unchanged: 0, contacts: 1 });
    expect(first.files[0]!.newNgos).toEqual(['Tổ chức Tầm nhìn Thế giới', 'Plan International']);
    expect(first.files[0]!.layout!.headerRow).toBe(6);

    const donors = await t.service.invoke('donors.list', {});
    const wv = donors.find((d) => d.name === 'Tổ chức Tầm nhìn Thế giới')!;
    expect(wv).toMatchObject({ kind: 'foreign_ngo', country: 'Hoa Kỳ' });
    const detail = await t.service.invoke('ngo.get', { id: wv.id });
    expect(detail.certificates).toHaveLength(1);
    expect(detail.certificates[0]).toMatchObject({
      kind: 'operation',
      number: '123/BNG-GĐK',
      issuedOn: '2023-03-05',
      validUntil: '2026-03-04',
      // Hà Giang, a former province, as written: it covers Tuyên Quang, the province it became.
      provinces: ['08', '02'],
      fields: ['health', 'education'],
      status: 'in_force',
    });
    expect(detail.profile).toMatchObject({ homeCountry: 'Hoa Kỳ', headName: 'John Smith' });
    expect(detail.contacts).toEqual([
      expect.objectContaining({ name: 'John Smith', phone: '0912 345 678', email: 'john@wv.example' }),
    ]);
    const plan = donors.find((d) => d.name === 'Plan International')!;
    const office = (await t.service.invoke('ngo.get', { id: plan.id })).certificates[0]!;
    expect(office).toMatchObject({ kind: 'representative_office', officeCity: '01', fields: ['social'] });
    expect(office.provinces).toEqual(catalogueProvinces().map((p) => p.code));
    // The NGO already recorded is the one the row names.
    const dragon = await t.service.invoke('ngo.get', { id: known.id });
    expect(dragon.certificates[0]).toMatchObject({ number: '77/BNG-GĐK', fields: ['social', 'Rà phá bom mìn'] });

    const before = await counts();
    const again = await t.service.invoke('ngo.import', { files: [file] });
    expect(again.files[0]).toMatchObject({ added: 0, updated: 0, unchanged: 3, contacts: 0, newNgos: [] });
    expect(await counts()).toEqual(before);
  });

  it('reads other layouts: own words and order, years of validity, an ods and a csv', async () => {
    const ods = fileOf(
      'danh-sach',
      [
        ['DANH SÁCH CÁC TỔ CHỨC PCPNN ĐƯỢC CẤP GIẤY ĐĂNG KÝ'],
        ['TT', 'Số GĐK', 'Tổ chức', 'Nước', 'Ngày cấp', 'Thời hạn', 'Lĩnh vực', 'Tỉnh', 'Trưởng đại diện'],
        [
          1,
          '9/BNG',
          'Oxfam',
          'Anh',
          '15.02.2024',
          '03 năm',
          'Nông nghiệp và phát triển nông thôn',
          'tỉnh Tuyên Quang',
          'A',
        ],
      ],
      'ods',
    );
    const csv = fileOf(
      'ds',
      [
        [
          'Tên tổ chức PCPNN',
          'Số giấy phép',
          'Ngày cấp',
          'Thời hạn hiệu lực',
          'Địa bàn',
          'Lĩnh vực hoạt động',
          'Tình trạng',
        ],
        [
          'CARE International',
          '12/BNG',
          '2022-01-01',
          '01/01/2022 - 31/12/2026',
          'Tuyên Quang',
          'Môi trường',
          'Gia hạn theo QĐ số 5/QĐ-BNG ngày 01/12/2024',
        ],
      ],
      'csv',
    );
    const result = await t.service.invoke('ngo.import', { files: [ods, csv] });
    expect(result.files.flatMap((f) => f.errors)).toEqual([]);
    const list = await t.service.invoke('ngo.list', { on: '2024-06-01' });
    const oxfam = list.find((n) => n.name === 'Oxfam')!.certificate!;
    expect(oxfam).toMatchObject({ validUntil: '2027-02-15', provinces: ['08'], fields: ['agriculture'] });
    const care = list.find((n) => n.name === 'CARE International')!.certificate!;
    expect(care).toMatchObject({
      validUntil: '2026-12-31',
      status: 'extended',
      decisionNumber: '5/QĐ-BNG',
      decisionDate: '2024-12-01',
      fields: ['environment'],
    });
  });

  it('refuses every file when a row is wrong, naming its row and column, and writes nothing', async () => {
    const before = await counts();
    const bad = OFFICE_REGISTER.map((row) => [...row]);
    bad[8]![7] = 'Cao Bằng, Xứ Đoài';
    bad[7]![6] = '31/02/2029';
    const good = fileOf('tot', OFFICE_REGISTER.slice(0, 8), 'xlsx');
    const result = await t.service.invoke('ngo.import', { files: [good, fileOf('sai', bad, 'xlsx')] });
    expect(result.written).toBe(false);
    expect(result.files[0]!.errors).toEqual([]);
    expect(result.files[1]!.errors).toEqual([
      expect.objectContaining({ row: 8, column: 'Có giá trị đến', messageEn: '"31/02/2029" is not a valid date' }),
      expect.objectContaining({
        row: 9,
        column: 'Địa bàn hoạt động',
        messageEn: 'no province "Xứ Đoài" in the catalogue of administrative units',
      }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it("refuses a row the registry's rules refuse, naming its column and the rule", async () => {
    const before = await counts();
    const rows: Cell[][] = [
      [
        'Tên tổ chức',
        'Loại giấy',
        'Số giấy đăng ký',
        'Ngày cấp',
        'Có giá trị đến',
        'Địa bàn hoạt động',
        'Lĩnh vực',
        'Tình trạng',
      ],
      // Five years for an operation certificate (Art. 9: three at most).
      ['Oxfam', 'Giấy đăng ký hoạt động', '9/BNG', '15/02/2024', '14/02/2029', 'Tuyên Quang', 'Y tế', null],
      // A representative office whose city no address names (Art. 8(2)).
      ['CARE', 'Giấy đăng ký lập VPĐD', '10/BNG', '15/02/2024', '14/02/2029', 'Tuyên Quang', 'Y tế', null],
    ];
    const result = await t.service.invoke('ngo.import', { files: [fileOf('luat', rows, 'xlsx')] });
    expect(result.written).toBe(false);
    expect(result.files[0]!.errors.map((e) => [e.row, e.column, e.messageEn])).toEqual([
      [
        2,
        'Có giá trị đến',
        'Valid until: an operation certificate runs at most 3 years from 15/02/2024, that is to 15/02/2027 (Decree 58/2022, Art. 9)',
      ],
      [3, 'Địa chỉ văn phòng', "Representative office city: is required on a representative office's certificate"],
    ]);
    // Suspended, with no decision dated (Art. 7: a decision of a day changes a certificate's standing).
    const suspended = [
      rows[0]!,
      ['Plan', null, '11/BNG', '15/02/2024', '14/02/2027', 'Tuyên Quang', 'Y tế', 'Tạm đình chỉ'],
    ];
    const refused = await t.service.invoke('ngo.import', { files: [fileOf('dinh-chi', suspended, 'xlsx')] });
    expect(refused.files[0]!.errors.map((e) => [e.row, e.column, e.messageEn])).toEqual([
      [2, 'Tình trạng', '"Tạm đình chỉ": the decision\'s date is needed (in a column Quyết định, or in this cell)'],
    ]);
    const dated = [
      rows[0]!,
      [
        'Plan',
        null,
        '11/BNG',
        '15/02/2024',
        '14/02/2027',
        'Tuyên Quang',
        'Y tế',
        'Tạm đình chỉ theo QĐ 3/QĐ-BNG ngày 01/09/2025',
      ],
    ];
    const done = await t.service.invoke('ngo.import', { files: [fileOf('dinh-chi', dated, 'xlsx')] });
    expect(done.files[0]!.errors).toEqual([]);
    const plan = (await t.service.invoke('ngo.list', { text: 'Plan' }))[0]!;
    expect(plan.certificate).toMatchObject({
      status: 'suspended',
      decisionNumber: '3/QĐ-BNG',
      decisionDate: '2025-09-01',
    });
    expect(await counts()).toEqual({ ...before, donors: before.donors + 1, certificates: before.certificates + 1 });
  });

  it('writes nothing on a check only', async () => {
    const before = await counts();
    const result = await t.service.invoke('ngo.import', {
      files: [fileOf('so', OFFICE_REGISTER, 'xlsx')],
      dryRun: true,
    });
    expect(result).toMatchObject({ written: false, dryRun: true });
    expect(result.files[0]).toMatchObject({ added: 3, errors: [] });
    expect(await counts()).toEqual(before);
  });

  it('asks for a column it cannot name, and remembers the mapping chosen with the layout', async () => {
    const rows: Cell[][] = [
      ['Tên tổ chức', 'Giấy tờ', 'Ngày cấp', 'Có giá trị đến', 'Địa bàn hoạt động', 'Lĩnh vực', 'Mã lưu trữ'],
      ['Oxfam', '9/BNG', '15/02/2024', '14/02/2027', 'Tuyên Quang', 'Y tế', 'HS-01'],
    ];
    const file = fileOf('lay', rows, 'xlsx');
    const asked = await t.service.invoke('ngo.import', { files: [file] });
    expect(asked.written).toBe(false);
    expect(asked.files[0]!.errors).toEqual([
      expect.objectContaining({
        row: 1,
        column: 'Số giấy đăng ký',
        messageEn:
          'this column is missing from the header row; columns not read: "Giấy tờ", "Mã lưu trữ": map the columns',
      }),
    ]);
    const mapping = [
      { header: 'Giấy tờ', field: 'number' as const },
      { header: 'Mã lưu trữ', field: 'ignore' as const },
    ];
    const mapped = await t.service.invoke('ngo.import', { files: [{ ...file, mapping }] });
    expect(mapped.files[0]).toMatchObject({ added: 1, errors: [] });
    // The next register of that layout goes straight through, read as mapped.
    const next = fileOf(
      'lay2',
      [rows[0]!, ['CARE', '12/BNG', '01/01/2024', '31/12/2026', 'Tuyên Quang', 'Y tế', 'HS-02']],
      'xlsx',
    );
    const remembered: NgoImportResult = await t.service.invoke('ngo.import', { files: [next] });
    expect(remembered.files[0]).toMatchObject({ added: 1, errors: [] });
    expect(remembered.files[0]!.layout!.columns.find((c) => c.header === 'Giấy tờ')).toMatchObject({
      field: 'number',
      from: 'remembered',
    });
  });
});

/** A Tuyên Quang ledger of 2026: NGOs registered here or elsewhere, their items and pledges, one without a certificate. */
async function registryLedger() {
  const s = t.service;
  const places = (await s.invoke('places.list', {})).filter((p) => p.level === 'commune' && !p.validTo);
  const ngo = (name: string, country: string) => s.invoke('donors.create', { name, kind: 'foreign_ngo', country });
  const here = await ngo('Tổ chức Tầm nhìn Thế giới', 'Hoa Kỳ');
  const elsewhere = await ngo('Quỹ Blue Dragon', 'Úc');
  const expired = await ngo('CARE International', 'Mỹ');
  const expiring = await ngo('Oxfam', 'Anh');
  const unregistered = await ngo('Hội Chữ thập đỏ Đức', 'Đức');
  const certificate = (donorId: string, number: string, issuedOn: string, validUntil: string, provinces: string[]) =>
    s.invoke('ngo.addCertificate', {
      donorId,
      kind: 'operation',
      number,
      issuedOn,
      validUntil,
      provinces,
      fields: ['health'],
    });
  await certificate(here.id, '1/BNG', '2025-01-10', '2028-01-09', ['08', '04']);
  await certificate(elsewhere.id, '2/BNG', '2025-01-10', '2028-01-09', ['04']);
  // Hà Giang (02), a former province, now part of Tuyên Quang.
  await certificate(expired.id, '3/BNG', '2023-07-01', '2026-06-30', ['02']);
  await certificate(expiring.id, '4/BNG', '2024-02-15', '2027-02-14', ['08']);
  const item = await s.invoke('items.create', {
    name: 'Nước sạch cho trường học',
    modality: 'project',
    sector: 'health',
    donorId: here.id,
  });
  const pledge = (donorId: string, amountMinor: number, date: string, itemId?: string) =>
    s.invoke('pledges.create', {
      donorId,
      placeId: places[0]!.id,
      kind: 'cash',
      description: 'Hỗ trợ',
      amountMinor,
      currency: 'VND',
      pledgeDate: date,
      ...(itemId ? { itemId } : {}),
    });
  const line = await pledge(here.id, 1_500_000_000, '2026-03-10', item.id);
  await s.invoke('deliveries.create', { pledgeId: line.id, deliveryDate: '2026-04-01', amountMinor: 600_000_000 });
  await pledge(unregistered.id, 250_000_000, '2026-05-05');
  await pledge(expired.id, 100_000_000, '2025-08-05');
  return { here, elsewhere, expired, expiring, unregistered };
}

/** A sheet's rows as texts (numbers as written, dates as ISO days). */
function sheetRows(sheet: ExcelJS.Worksheet): (string | number | null)[][] {
  const rows: (string | number | null)[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const values: (string | number | null)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = row.getCell(c).value;
      values.push(
        v === null || v === undefined
          ? null
          : typeof v === 'object' && 'result' in v
            ? (v.result as number)
            : typeof v === 'number' || typeof v === 'string'
              ? v
              : String(v),
      );
    }
    rows[r - 1] = values;
  });
  return rows;
}

describe('the register exported', () => {
  it('lists each NGO with its certificate and its aid in the period, totals the sum of the rows', async () => {
    await registryLedger();
    const file = await t.service.invoke('ngo.export', { from: '2026-01-01', to: '2026-12-31' });
    expect(file.fileName).toBe('So-theo-doi-to-chuc-PCPNN-2026-01-01-2026-12-31.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(sheet.getCell(7, 2).font?.name).toBe('Times New Roman');
    const rows = sheetRows(sheet);
    expect(rows[3]![0]).toBe('SỔ THEO DÕI TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI HOẠT ĐỘNG TRÊN ĐỊA BÀN TỈNH TUYÊN QUANG');
    const header = rows.findIndex((r) => r[0] === 'STT');
    const body = rows.slice(header + 1).filter((r) => typeof r[0] === 'number');
    const byName = new Map(body.map((r) => [r[1], r]));
    expect([...byName.keys()]).toEqual([
      'CARE International',
      'Hội Chữ thập đỏ Đức',
      'Oxfam',
      'Quỹ Blue Dragon',
      'Tổ chức Tầm nhìn Thế giới',
    ]);
    expect(byName.get('Tổ chức Tầm nhìn Thế giới')).toEqual([
      5,
      'Tổ chức Tầm nhìn Thế giới',
      'Hoa Kỳ',
      'Giấy đăng ký hoạt động số 1/BNG ngày 10/01/2025',
      '09/01/2028',
      'Còn hiệu lực',
      'Tuyên Quang, Cao Bằng',
      'Y tế',
      1,
      1_500_000_000,
      600_000_000,
    ]);
    expect(byName.get('CARE International')!.slice(3, 7)).toEqual([
      'Giấy đăng ký hoạt động số 3/BNG ngày 01/07/2023',
      '30/06/2026',
      'Hết hạn',
      'Hà Giang',
    ]);
    // An NGO with aid and no certificate is listed, said so.
    expect(byName.get('Hội Chữ thập đỏ Đức')!.slice(3, 11)).toEqual([
      'Chưa có giấy đăng ký',
      null,
      null,
      null,
      null,
      0,
      250_000_000,
      0,
    ]);
    const totals = rows.find((r) => r[0] === 'Tổng cộng')!;
    const sum = (i: number) => body.reduce((s, r) => s + Number(r[i] ?? 0), 0);
    expect(totals.slice(8)).toEqual([sum(8), sum(9), sum(10)]);
    expect(totals.slice(8)).toEqual([1, 1_750_000_000, 600_000_000]);
    // The same figures the ledger's totals give.
    const vnd = await t.service.invoke('totals', {
      by: 'donor',
      filter: { from: '2026-01-01', to: '2026-12-31' },
      in: 'VND',
    });
    expect(vnd.total.pledged).toBe(sum(9));
    expect(vnd.total.delivered).toBe(sum(10));
  });

  it('opens in LibreOffice and prints its title, rows and totals', { timeout: 180_000 }, async () => {
    await registryLedger();
    const file = await t.service.invoke('ngo.export', { from: '2026-01-01', to: '2026-12-31' });
    const xlsx = join(t.dir, 'register.xlsx');
    writeFileSync(xlsx, Buffer.from(file.base64, 'base64'));
    const [pdf] = convert(xlsx, 'pdf', t.dir);
    const text = execFileSync('pdftotext', ['-layout', pdf!, '-'], { maxBuffer: 64 << 20 })
      .toString('utf8')
      .replace(/\s+/g, ' ');
    expect(text).toContain('SỔ THEO DÕI TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI HOẠT ĐỘNG TRÊN ĐỊA BÀN TỈNH TUYÊN QUANG');
    expect(text).toContain('Tổ chức Tầm nhìn Thế giới');
    expect(text).toContain('1,750,000,000');
    expect(text).not.toContain('###');
    if (process.env.NGO_REGISTER_PDF) {
      mkdirSync(process.env.NGO_REGISTER_PDF, { recursive: true });
      copyFileSync(pdf!, join(process.env.NGO_REGISTER_PDF, 'so-theo-doi-to-chuc-pcpnn.pdf'));
    }
  });
});

describe('the annual report', () => {
  it('lists the NGOs registered for the province on a sheet of their own and counts them in the paragraph', async () => {
    await registryLedger();
    const preview = await t.service.invoke('reports.preview', { period: '2026' });
    const ngos = preview.statutory!.ngos!;
    // Blue Dragon works only in Cao Bằng; the Red Cross has no certificate.
    expect(ngos.rows.map((r) => [r.name, r.ending, r.items, r.committedVnd, r.disbursedVnd])).toEqual([
      ['CARE International', 'expired', 0, 0, 0],
      ['Oxfam', 'expiring', 0, 0, 0],
      ['Tổ chức Tầm nhìn Thế giới', null, 1, 1_500_000_000, 600_000_000],
    ]);
    expect(ngos.counts).toEqual({ registered: 3, withItems: 1, expired: 1, expiring: 1 });
    expect(preview.statutory!.summary.paragraph).toContain(
      '3 tổ chức PCPNN đăng ký hoạt động trên địa bàn, 1 tổ chức có khoản viện trợ trong kỳ; 1 giấy đăng ký hết hạn trong kỳ, 1 giấy đăng ký sắp hết hạn trong 90 ngày sau kỳ báo cáo.',
    );
    const file = await t.service.invoke('reports.xlsx', { period: '2026' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(file.base64, 'base64') as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Tổ chức PCPNN')!;
    const rows = sheetRows(sheet);
    const body = rows.filter((r) => typeof r[0] === 'number');
    expect(body.map((r) => [r[1], r[4]])).toEqual([
      ['CARE International', '30/06/2026 (hết hạn)'],
      ['Oxfam', '14/02/2027 (hết hạn trong 90 ngày)'],
      ['Tổ chức Tầm nhìn Thế giới', '09/01/2028'],
    ]);
    const totals = rows.find((r) => r[0] === 'Tổng cộng')!;
    expect(totals.slice(6)).toEqual([1, 1_500_000_000, 600_000_000]);
    expect(rows.flat()).toContain(ngos.sentence);
    // The quarter's report has no such sheet.
    const quarter = await t.service.invoke('reports.preview', { period: '2026-Q1' });
    expect(quarter.statutory).toBeNull();
  });
});
