/**
 * What the quarter's close merges: a province ledger with ten years of history, and one quarter's files from its
 * offices — half of them bundles from the offices' own ledgers, half workbooks (the template, and lists in an office's
 * own layout), about 40 rows each; and from a few offices a list of what households received against pledges the same
 * pass records. Made once, not timed.
 */
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { contextFor } from '../../../db/core/context';
import { openLedger } from '../../../db/core/open';
import { TEMPLATE_COLUMNS } from '../../../db/imports/columns';
import { generateLedger } from '../../../db/samples/synthetic';
import { seedPlaces } from '../../../db/seed';
import { createLedgerService, type LedgerService } from '../../../db/service';
import { decodeBundle } from '../../../db/sync/format';

const ROWS_PER_FILE = 40;
/** The quarter closed. */
export const PERIOD = { key: '2022-Q3', from: '2022-07-01', days: 92 };
const DISTRICTS = [
  'Bảo Lạc',
  'Bảo Lâm',
  'Hà Quảng',
  'Hạ Lang',
  'Hòa An',
  'Nguyên Bình',
  'Quảng Hòa',
  'Thạch An',
  'Trùng Khánh',
];
const KINDS = [
  ['Nhà ở', 'house', 'Sửa nhà cho hộ nghèo'],
  ['Quà', 'gift', 'Quà Tết cho hộ nghèo'],
  ['Học bổng', 'scholarship', 'Học bổng cho học sinh nghèo'],
] as const;

/** A workbook's row as the floor inserts it. */
export interface SheetRow {
  date: string;
  donor: string;
  country: string;
  place: string;
  kind: string;
  description: string;
  amount: number;
}

/** A receipt row as the floor inserts it: a delivery of the workbook row `pledge` (an index into `sheetRows`). */
export interface ReceiptRow {
  pledge: number;
  date: string;
  amount: number;
  recipient: string;
  village: string;
}

export interface CloseFixture {
  province: string;
  files: { fileName: string; base64: string }[];
  /** For the floor: the workbooks' rows as inserted, their receipts, and the bundles' bytes. */
  sheetRows: SheetRow[];
  receiptRows: ReceiptRow[];
  bundles: Buffer[];
  records: number;
  offices: number;
}

const dayOf = (i: number) => {
  const d = new Date(Date.parse(`${PERIOD.from}T00:00:00Z`) + (i % PERIOD.days) * 86_400_000);
  return {
    iso: d.toISOString().slice(0, 10),
    vi: `${String(d.getUTCDate()).padStart(2, '0')}/${String(d.getUTCMonth() + 1).padStart(2, '0')}/${d.getUTCFullYear()}`,
  };
};

/**
 * An office's bundle from its own ledger (the catalogue's units, seeded apart, are the same records); the province
 * accepts the office's card first.
 */
async function officeBundle(work: string, office: number, province: LedgerService): Promise<string> {
  const file = join(work, `office-${office}.sqlite`);
  const own = await openLedger(file, { create: true, siteName: `Văn phòng ${office + 1}` });
  const service = createLedgerService(own);
  const card = await service.invoke('offices.card', {});
  await province.invoke('offices.accept', { card: card.text, officeCode: card.code });
  await own.db.transaction().execute((trx) => seedPlaces(contextFor(own, trx)));
  const places = (await service.invoke('places.list', {})).filter(
    (p) => p.level === 'district' && DISTRICTS.includes(p.name),
  );
  const donors = [];
  for (let d = 0; d < 3; d++)
    donors.push(
      await service.invoke('donors.create', {
        name: `Tổ chức ${office}-${d}`,
        country: 'Hoa Kỳ',
        kind: 'foreign_ngo',
      }),
    );
  for (let r = 0; r < ROWS_PER_FILE; r++) {
    const [, kind, description] = KINDS[r % KINDS.length]!;
    await service.invoke('pledges.create', {
      donorId: donors[r % 3]!.id,
      placeId: places[(office + r) % places.length]!.id,
      kind,
      description,
      amountMinor: 1_000_000 * (10 + ((office * 7 + r) % 90)),
      currency: 'VND',
      pledgeDate: dayOf(office + r).iso,
    });
  }
  const bundle = await service.invoke('sync.export', { all: false });
  await own.close();
  return bundle.base64;
}

/** An office's rows for its workbook. */
function officeRows(office: number) {
  return Array.from({ length: ROWS_PER_FILE }, (_, r) => {
    const [kindLabel, kind, description] = KINDS[r % KINDS.length]!;
    const day = dayOf(office + r);
    return {
      date: day.iso,
      vi: day.vi,
      donor: `Quỹ ${office}-${r % 3}`,
      country: 'Nhật Bản',
      place: DISTRICTS[(office + r) % DISTRICTS.length]!,
      kindLabel,
      kind,
      description,
      amount: 1_000_000 * (5 + ((office * 3 + r) % 95)),
    };
  });
}

type OfficeRow = ReturnType<typeof officeRows>[number];

/** The rows in the template's columns. */
function templateSheet(rows: OfficeRow[]): XLSX.WorkSheet {
  return XLSX.utils.aoa_to_sheet([
    TEMPLATE_COLUMNS.slice(0, 15).map((c) => c.header),
    ...rows.map((r) => [
      r.vi,
      r.donor,
      r.country,
      r.place,
      r.kindLabel,
      r.description,
      '',
      '',
      '',
      r.amount,
      'VND',
      '',
      '',
      '',
      '',
    ]),
  ]);
}

/** The rows in an office's own layout: letterhead, STT, one section per kind, a total row, signatures. */
function ownLayoutSheet(office: number, rows: OfficeRow[]): XLSX.WorkSheet {
  const body: (string | number | null)[][] = [];
  for (const [kindLabel] of KINDS) {
    body.push([['I', 'II', 'III'][KINDS.findIndex((k) => k[0] === kindLabel)]!, kindLabel.toUpperCase()]);
    rows
      .filter((r) => r.kindLabel === kindLabel)
      .forEach((r, i) => {
        body.push([i + 1, r.donor, r.country, r.place, r.description, r.amount, r.vi]);
      });
  }
  return XLSX.utils.aoa_to_sheet([
    [`UBND HUYỆN ${DISTRICTS[office % DISTRICTS.length]!.toUpperCase()}`],
    ['DANH SÁCH VIỆN TRỢ QUÝ III NĂM 2022'],
    [],
    ['STT', 'Tên nhà tài trợ', 'Quốc gia', 'Huyện', 'Nội dung hỗ trợ', 'Số tiền (đồng)', 'Thời gian'],
    ...body,
    [null, 'Tổng cộng', null, null, null, rows.reduce((s, r) => s + r.amount, 0)],
    [],
    [null, 'NGƯỜI LẬP BIỂU'],
  ]);
}

/** An office's workbook (the template for even offices, its own layout for odd ones) and its rows as inserted. */
function officeWorkbook(office: number): { base64: string; rows: SheetRow[] } {
  const rows = officeRows(office);
  const sheet = office % 2 === 0 ? templateSheet(rows) : ownLayoutSheet(office, rows);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, office % 2 === 0 ? 'Nhập liệu' : 'DS');
  return {
    base64: (XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64'),
    rows: rows.map((r) => ({
      date: r.date,
      donor: r.donor,
      country: r.country,
      place: r.place,
      kind: r.kind,
      description: r.description,
      amount: r.amount,
    })),
  };
}

/** Pledges a receipts list fulfils: one per donor, place and kind, so that each receipt finds its pledge. */
const RECEIPT_PLEDGES = 20;

/**
 * An office's pledges (the template) and the list of households that received them, two a pledge, each half of it:
 * "Tên hộ nhận", "Thôn", "Ngày nhận", "Đã nhận (đồng)" under the district's letterhead.
 */
function receiptWorkbooks(office: number, firstRow: number) {
  const pledges = Array.from({ length: RECEIPT_PLEDGES }, (_, r) => {
    const [kindLabel, kind, description] = KINDS[Math.floor(r / DISTRICTS.length) % KINDS.length]!;
    // In the quarter's first two months, received in its last.
    const day = dayOf((office + r) % 60);
    return {
      date: day.iso,
      vi: day.vi,
      donor: `Quỹ nhận ${office}`,
      country: 'Hàn Quốc',
      place: DISTRICTS[(office + r) % DISTRICTS.length]!,
      kindLabel,
      kind,
      description,
      amount: 2_000_000 * (5 + ((office + r) % 40)),
    };
  });
  const receipts: ReceiptRow[] = pledges.flatMap((p, r) =>
    [0, 1].map((half) => ({
      pledge: firstRow + r,
      date: dayOf(((office + r) % 60) + 30 + half).iso,
      amount: p.amount / 2,
      recipient: `Hộ ${office}-${r}-${half}`,
      village: `Thôn ${(r % 7) + 1}`,
    })),
  );
  const book = (sheet: XLSX.WorkSheet) => {
    const b = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(b, sheet, 'DS');
    return (XLSX.write(b, { type: 'buffer', bookType: 'xlsx' }) as Buffer).toString('base64');
  };
  const list = XLSX.utils.aoa_to_sheet([
    [`UBND HUYỆN ${DISTRICTS[office % DISTRICTS.length]!.toUpperCase()}`],
    ['DANH SÁCH HỘ NHẬN HỖ TRỢ QUÝ III NĂM 2022'],
    ['STT', 'Tên nhà tài trợ', 'Huyện', 'Loại hỗ trợ', 'Tên hộ nhận', 'Thôn', 'Ngày nhận', 'Đã nhận (đồng)'],
    ...receipts.map((x, i) => {
      const p = pledges[x.pledge - firstRow]!;
      const [d, m, y] = x.date.split('-').reverse();
      return [i + 1, p.donor, p.place, p.kindLabel, x.recipient, x.village, `${d}/${m}/${y}`, x.amount];
    }),
  ]);
  return {
    pledgesBase64: book(templateSheet(pledges)),
    receiptsBase64: book(list),
    rows: pledges.map(({ vi: _vi, kindLabel: _k, ...r }) => r),
    receipts,
  };
}

/** The province's ledger and the offices' files, made once (not timed). */
export async function closeFixture(
  work: string,
  provinceRows: number,
  offices: number,
  log: (line: string) => void,
): Promise<CloseFixture> {
  const province = join(work, 'close-province.sqlite');
  const ledger = await openLedger(province, { create: true, siteName: 'Sở Ngoại vụ' });
  await generateLedger(ledger, { rows: provinceRows, seed: 7 });

  const files: CloseFixture['files'] = [];
  const bundles: Buffer[] = [];
  const sheetRows: SheetRow[] = [];
  const receiptRows: ReceiptRow[] = [];
  // Half the offices send bundles from their own ledgers.
  for (let office = 0; office < Math.floor(offices / 2); office++) {
    const base64 = await officeBundle(work, office, createLedgerService(ledger));
    bundles.push(Buffer.from(base64, 'base64'));
    files.push({ fileName: `van-phong-${office + 1}.aidledger`, base64 });
  }
  await ledger.close();
  // The other half send workbooks: the template, or a list in the office's own layout.
  for (let office = Math.floor(offices / 2); office < offices; office++) {
    const { base64, rows } = officeWorkbook(office);
    sheetRows.push(...rows);
    files.push({ fileName: `van-phong-${office + 1}.xlsx`, base64 });
    // Every fourth of them also sends pledges and the households that received them.
    if (office % 4 === 0) {
      const made = receiptWorkbooks(office, sheetRows.length);
      sheetRows.push(...made.rows);
      receiptRows.push(...made.receipts);
      files.push({ fileName: `van-phong-${office + 1}-cam-ket.xlsx`, base64: made.pledgesBase64 });
      files.push({ fileName: `van-phong-${office + 1}-da-nhan.xlsx`, base64: made.receiptsBase64 });
    }
  }
  const records =
    bundles.reduce((n, b) => n + Object.values(decodeBundle(b).records).reduce((m, rows) => m + rows.length, 0), 0) +
    sheetRows.length +
    receiptRows.length;
  log(
    `close: ${files.length} files (${bundles.length} bundles, ${files.length - bundles.length} workbooks, ${receiptRows.length} receipts), ${records} records, into ${provinceRows} pledges`,
  );
  return { province, files, sheetRows, receiptRows, bundles, records, offices };
}
