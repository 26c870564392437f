/**
 * Lists of aid received and handed over, as communes send them: each receipt row recorded as a delivery of the pledge
 * it fulfils — found by its aid item or approval number, else by donor, place (the unit, the former unit that became
 * it, the district it lay in) and kind — several rows to one pledge, the user's choice where several fit or none does,
 * a new pledge delivered in full where none fits; who received it kept and found by search.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { type ImportedFile, type Place, RECEIPT_WITHOUT_PLEDGE_NOTE } from '../contract';
import type { ReceiptChoice } from '../contract/imports';
import { CAO_BANG_CODE } from '../db/places/catalogue';
import { headerMeaning } from '../db/imports/layout';
import { tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
let donorId: string;
/** A former commune of Huyện Bảo Lạc that became one commune of today, whole. */
let former: Place;
let heir: Place;
let district: Place;
let other: Place;

beforeEach(async () => {
  t = await tempLedger();
  await t.service.invoke('places.choose', { province: CAO_BANG_CODE });
  const places = await t.service.invoke('places.list', {});
  district = places.find((p) => p.level === 'district' && p.name === 'Bảo Lạc')!;
  former = places.find(
    (p) =>
      p.parentId === district.id &&
      p.level === 'commune' &&
      p.successorIds.length === 1 &&
      places.filter((q) => q.name === p.name).length === 1,
  )!;
  heir = places.find((p) => p.id === former.successorIds[0])!;
  other = places.find((p) => p.level === 'district' && p.name === 'Nguyên Bình')!;
  donorId = (
    await t.service.invoke('donors.create', {
      name: 'Tổ chức Tzu Chi',
      shortName: 'Tzu Chi',
      country: 'Đài Loan',
      kind: 'foreign_ngo',
    })
  ).id;
});
afterEach(() => t.close());

type Cell = string | number | null;

function writeList(name: string, rows: Cell[][], bookType: XLSX.BookType = 'xlsx'): string {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Tiếp nhận');
  const path = join(t.dir, name);
  writeFileSync(path, XLSX.write(book, { type: 'buffer', bookType }) as Buffer);
  return path;
}

async function importList(
  path: string,
  options: { dryRun?: boolean; matches?: ReceiptChoice[]; receipts?: boolean } = {},
): Promise<ImportedFile> {
  const { readFileSync } = await import('node:fs');
  const file = {
    fileName: path.split(/[\\/]/).pop()!,
    base64: readFileSync(path).toString('base64'),
    ...(options.matches ? { matches: options.matches } : {}),
  };
  const result = await t.service.invoke('imports.files', {
    files: [file],
    dryRun: options.dryRun ?? false,
    receipts: options.receipts ?? false,
  });
  return result.files[0]!;
}

async function pledge(fields: {
  placeId: string;
  amountMinor: number;
  kind?: 'house' | 'gift' | 'cash';
  pledgeDate?: string;
  quantity?: string;
  unitValueMinor?: number;
  itemId?: string;
  donor?: string;
}): Promise<string> {
  const { donor, ...rest } = fields;
  return (
    await t.service.invoke('pledges.create', {
      donorId: donor ?? donorId,
      kind: 'house',
      description: 'Hỗ trợ làm nhà',
      currency: 'VND',
      pledgeDate: '2024-03-01',
      ...rest,
      ...(rest.quantity && rest.unitValueMinor ? { amountMinor: undefined } : {}),
    })
  ).id;
}

const HOUSEHOLDS = [
  'STT',
  'Tên nhà tài trợ',
  'Địa bàn',
  'Loại hỗ trợ',
  'Tên hộ nhận',
  'Thôn',
  'Ngày nhận',
  'Đã nhận (đồng)',
];

describe('receipts matched to the pledges they fulfil', () => {
  it('several households receive one district pledge in part, each a delivery with its recipient', async () => {
    const id = await pledge({ placeId: district.id, amountMinor: 300_000_000 });
    const path = writeList('nhan.xlsx', [
      ['UBND XÃ', null, null, null, 'DANH SÁCH HỘ NHẬN HỖ TRỢ'],
      HOUSEHOLDS,
      [1, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Nông Văn A', 'Nà Pồng', '10/05/2024', '100.000.000'],
      [2, 'Tzu Chi', former.displayName, 'Nhà ở', 'Hoàng Thị B', 'Khuổi Luông', '12/05/2024', 100000000],
    ]);
    const preview = await importList(path, { dryRun: true });
    expect(preview.errors).toEqual([]);
    expect(preview.receipts!.map((m) => [m.row, m.outcome, m.pledgeId])).toEqual([
      [3, 'place', id],
      [4, 'place', id],
    ]);
    expect((await t.service.invoke('pledges.get', { id })).deliveries).toEqual([]);

    const done = await importList(path);
    expect(done.errors).toEqual([]);
    const detail = await t.service.invoke('pledges.get', { id });
    expect(detail.deliveries.map((d) => [d.deliveryDate, d.amountMinor, d.recipient, d.village])).toEqual([
      ['2024-05-10', 100_000_000, 'Nông Văn A', 'Nà Pồng'],
      ['2024-05-12', 100_000_000, 'Hoàng Thị B', 'Khuổi Luông'],
    ]);
    expect(detail.remaining.amountMinor).toBe(100_000_000);
    expect(detail.pledge.status).toBe('in_progress');
    // Found by who received it.
    const found = await t.service.invoke('pledges.list', { filter: { text: 'hoang thi b' } });
    expect(found.rows.map((r) => r.id)).toEqual([id]);
    // Sent again: nothing new.
    const again = await importList(path);
    expect([again.added, again.skipped]).toEqual([0, 2]);
    expect((await t.service.invoke('pledges.get', { id })).deliveries).toHaveLength(2);
  });

  it('the last household completes the pledge; a row past what remains is refused and nothing is written', async () => {
    const id = await pledge({ placeId: district.id, amountMinor: 200_000_000 });
    const full = writeList('du.xlsx', [
      HOUSEHOLDS,
      [1, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Hộ A', 'Nà Pồng', '10/05/2024', 120000000],
      [2, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Hộ B', 'Nà Pồng', '11/05/2024', 80000000],
    ]);
    expect((await importList(full)).errors).toEqual([]);
    expect((await t.service.invoke('pledges.get', { id })).pledge.status).toBe('completed');
    // Nothing left of it: the next receipt fits no pledge and becomes one of its own.
    const more = writeList('them.xlsx', [
      [...HOUSEHOLDS, 'Nội dung'],
      [1, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Hộ C', 'Nà Pồng', '12/05/2024', 50000000, 'Nhà cho hộ C'],
    ]);
    const preview = await importList(more, { dryRun: true });
    expect(preview.receipts![0]!.outcome).toBe('new');
    // Chosen anyway: past what remains, refused on the amount received, and the ledger is as it was.
    const forced = await importList(more, { matches: [{ row: 2, pledgeId: id }] });
    expect(forced.errors).toEqual([expect.objectContaining({ row: 2, column: 'Đã nhận' })]);
    expect(forced.errors[0]!.message).toMatch(/vượt phần còn lại/);
    expect((await t.service.invoke('pledges.get', { id })).deliveries).toHaveLength(2);
    expect((await t.service.invoke('pledges.list', {})).rows).toHaveLength(1);
  });

  it('a receipt naming the unit of today finds the pledge of the former unit that became it', async () => {
    const id = await pledge({ placeId: former.id, amountMinor: 50_000_000, pledgeDate: '2024-12-01' });
    const path = writeList('moi.xlsx', [
      HOUSEHOLDS,
      [1, 'Tổ chức Tzu Chi', heir.displayName, 'Nhà ở', 'Hộ D', 'Bản Chang', '15/08/2025', 50000000],
    ]);
    const done = await importList(path);
    expect(done.errors).toEqual([]);
    expect(done.receipts![0]).toMatchObject({ outcome: 'place', pledgeId: id });
    expect((await t.service.invoke('pledges.get', { id })).pledge.status).toBe('completed');
  });

  it('a receipt in another district, of another kind or another donor does not fit', async () => {
    const elsewhere = await pledge({ placeId: other.id, amountMinor: 50_000_000 });
    const gift = await pledge({ placeId: district.id, amountMinor: 50_000_000, kind: 'gift' });
    const path = writeList('khac.xlsx', [
      [...HOUSEHOLDS, 'Nội dung'],
      [1, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Hộ E', 'Nà Pồng', '10/05/2024', 50000000, 'Nhà hộ E'],
    ]);
    const done = await importList(path);
    expect(done.errors).toEqual([]);
    expect(done.receipts![0]!.outcome).toBe('new');
    // Offered instead: the donor's open pledges.
    expect(done.receipts![0]!.candidates.map((c) => c.pledgeId).sort()).toEqual([elsewhere, gift].sort());
    for (const id of [elsewhere, gift]) expect((await t.service.invoke('pledges.get', { id })).deliveries).toEqual([]);
  });

  it('a receipt no pledge fits is a pledge delivered in full that day, marked so in its history', async () => {
    const path = writeList('moi-cam-ket.xlsx', [
      ['Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Nội dung', 'Người/đơn vị nhận', 'Ngày bàn giao', 'Đã bàn giao'],
      [
        'Tổ chức Tzu Chi',
        former.displayName,
        'Trang thiết bị',
        'Máy lọc nước',
        'Trường TH Bảo Lạc',
        '01/06/2024',
        15000000,
      ],
    ]);
    const done = await importList(path);
    expect(done.errors).toEqual([]);
    expect(done.receipts![0]!.outcome).toBe('new');
    const id = done.receipts![0]!.pledgeId!;
    const detail = await t.service.invoke('pledges.get', { id });
    expect(detail.pledge).toMatchObject({
      pledgeDate: '2024-06-01',
      amountMinor: 15_000_000,
      status: 'completed',
      recipient: 'Trường TH Bảo Lạc',
    });
    expect(detail.deliveries.map((d) => [d.deliveryDate, d.amountMinor])).toEqual([['2024-06-01', 15_000_000]]);
    expect(detail.history.find((h) => h.action === 'create' && h.entity === 'pledge')?.note).toBe(
      RECEIPT_WITHOUT_PLEDGE_NOTE,
    );
    // Without a description, there is nothing to make a pledge of: the row says why.
    const bare = writeList('khong-noi-dung.xlsx', [
      ['Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Người nhận', 'Ngày nhận', 'Đã nhận'],
      ['Tổ chức Tzu Chi', other.displayName, 'Nhà ở', 'Hộ F', '01/06/2024', 1000],
    ]);
    const refused = await importList(bare);
    expect(refused.errors).toEqual([expect.objectContaining({ row: 2, column: 'Nội dung' })]);
  });

  it('where several pledges fit, the row waits for the user: a pledge chosen, or a new one', async () => {
    const first = await pledge({ placeId: district.id, amountMinor: 50_000_000, pledgeDate: '2024-01-10' });
    const second = await pledge({ placeId: former.id, amountMinor: 80_000_000, pledgeDate: '2024-02-10' });
    const path = writeList('hai.xlsx', [
      [...HOUSEHOLDS, 'Nội dung'],
      [1, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Hộ G', 'Nà Pồng', '10/05/2024', 30000000, 'Nhà hộ G'],
      [2, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Hộ H', 'Nà Pồng', '10/05/2024', 30000000, 'Nhà hộ H'],
    ]);
    const preview = await importList(path, { dryRun: true });
    expect(preview.errors.map((e) => [e.row, e.message])).toEqual([
      [2, expect.stringMatching(/^2 cam kết trong sổ khớp/)],
      [3, expect.stringMatching(/^2 cam kết trong sổ khớp/)],
    ]);
    expect(preview.receipts![0]!.candidates.map((c) => c.pledgeId)).toEqual([first, second]);
    const done = await importList(path, {
      matches: [
        { row: 2, pledgeId: second },
        { row: 3, pledgeId: null },
      ],
    });
    expect(done.errors).toEqual([]);
    expect(done.receipts!.map((m) => m.outcome)).toEqual(['chosen', 'new']);
    expect((await t.service.invoke('pledges.get', { id: second })).deliveries).toHaveLength(1);
    expect((await t.service.invoke('pledges.get', { id: first })).deliveries).toHaveLength(0);
    expect((await t.service.invoke('pledges.list', {})).rows).toHaveLength(3);
  });

  it('by the aid item or its approval number, wherever the list places it', async () => {
    const item = await t.service.invoke('items.create', {
      name: 'Nhà ở cho hộ nghèo Bảo Lạc',
      modality: 'project',
      sector: 'other',
      donorId,
      approvalNumber: '125/QĐ-UBND',
      approvalDate: '2024-02-01',
      stage: 'approved',
      stageDate: '2024-02-01',
    });
    const id = await pledge({ placeId: other.id, amountMinor: 90_000_000, itemId: item.id });
    await pledge({ placeId: district.id, amountMinor: 90_000_000 });
    const byNumber = writeList('so-qd.xlsx', [
      ['Nhà tài trợ', 'Địa bàn', 'Số quyết định phê duyệt', 'Hộ nhận', 'Ngày giải ngân', 'Đã giải ngân'],
      ['Tổ chức Tzu Chi', former.displayName, '125/qđ-ubnd', 'Hộ K', '03/04/2024', 40000000],
    ]);
    const done = await importList(byNumber);
    expect(done.errors).toEqual([]);
    expect(done.receipts![0]).toMatchObject({ outcome: 'item', pledgeId: id });
    const byName = writeList('ten-khoan.xlsx', [
      ['Nhà tài trợ', 'Địa bàn', 'Tên khoản viện trợ', 'Hộ nhận', 'Ngày nhận', 'Thực nhận'],
      ['Tổ chức Tzu Chi', former.displayName, 'Nhà ở cho hộ nghèo Bảo Lạc', 'Hộ L', '04/04/2024', 50000000],
    ]);
    const named = await importList(byName);
    expect(named.errors).toEqual([]);
    expect(named.receipts![0]).toMatchObject({ outcome: 'item', pledgeId: id });
    expect((await t.service.invoke('pledges.get', { id })).pledge.status).toBe('completed');
  });

  it('a quantity received, of a pledge of so many units', async () => {
    const id = await pledge({
      placeId: district.id,
      amountMinor: 0,
      quantity: '10',
      unitValueMinor: 500_000,
      kind: 'gift',
    });
    const path = writeList('qua.xlsx', [
      ['Nhà tài trợ', 'Địa bàn', 'Loại hỗ trợ', 'Họ và tên', 'Thôn/bản', 'Thời gian tiếp nhận', 'SL thực nhận'],
      ['Tổ chức Tzu Chi', former.displayName, 'Quà', 'Hộ M', 'Nà Pồng', '01/05/2024', 4],
      ['Tổ chức Tzu Chi', former.displayName, 'Quà', 'Hộ N', 'Nà Pồng', '01/05/2024', 6],
    ]);
    const done = await importList(path);
    expect(done.errors).toEqual([]);
    const detail = await t.service.invoke('pledges.get', { id });
    expect(detail.deliveries.map((d) => [d.quantity, d.village])).toEqual([
      ['4', 'Nà Pồng'],
      ['6', 'Nà Pồng'],
    ]);
    expect(detail.pledge.status).toBe('completed');
  });

  it('a list whose only date is the day received, with --receipts; an unknown donor made with its country to complete', async () => {
    const path = writeList('chi-ngay.xlsx', [
      ['Ngày', 'Nhà tài trợ', 'Địa bàn', 'Nội dung', 'Số tiền'],
      ['05/06/2024', 'Quỹ Hy Vọng Mới', former.displayName, 'Tiền mặt cho hộ nghèo', 2000000],
    ]);
    const done = await importList(path, { receipts: true });
    expect(done.errors).toEqual([]);
    expect(done.newDonors).toEqual(['Quỹ Hy Vọng Mới']);
    const id = done.receipts![0]!.pledgeId!;
    const detail = await t.service.invoke('pledges.get', { id });
    expect(detail.deliveries.map((d) => d.deliveryDate)).toEqual(['2024-06-05']);
    const donor = (await t.service.invoke('donors.list', {})).find((d) => d.name === 'Quỹ Hy Vọng Mới')!;
    expect(donor.country).toBeNull();
    // Read as pledges, the same list records a pledge and nothing received.
    const asPledges = writeList('chi-ngay-2.xlsx', [
      ['Ngày', 'Nhà tài trợ', 'Địa bàn', 'Nội dung', 'Số tiền'],
      ['06/06/2024', 'Quỹ Hy Vọng Mới', former.displayName, 'Tiền mặt', 3000000],
    ]);
    const pledged = await importList(asPledges);
    expect([pledged.added, pledged.receipts]).toEqual([1, undefined]);
    // A list with a country column still asks for the country of a donor it does not know.
    const withCountry = writeList('quoc-gia.xlsx', [
      ['Ngày nhận', 'Nhà tài trợ', 'Quốc gia', 'Địa bàn', 'Nội dung', 'Đã nhận'],
      ['06/06/2024', 'Quỹ Lạ', '', former.displayName, 'Tiền mặt', 3000000],
    ]);
    expect((await importList(withCountry)).errors).toEqual([expect.objectContaining({ column: 'Nhà tài trợ' })]);
  });

  it('reads a receipts list in every format the import takes', async () => {
    for (const bookType of ['xlsx', 'xls', 'ods', 'csv'] as const) {
      const id = await pledge({ placeId: district.id, amountMinor: 10_000_000 });
      const path = writeList(
        `nhan.${bookType}`,
        [
          HOUSEHOLDS,
          [1, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', `Hộ ${bookType}`, 'Nà Pồng', '10/05/2024', '10.000.000'],
        ],
        bookType,
      );
      const done = await importList(path);
      expect(done.errors, bookType).toEqual([]);
      expect(done.receipts![0], bookType).toMatchObject({ outcome: 'place', pledgeId: id });
    }
  });
});

describe('the quarter report counts what was received', () => {
  it('"Tiếp nhận trong kỳ" and the detail sheet show the receipts, with who received them', async () => {
    await pledge({ placeId: district.id, amountMinor: 300_000_000, pledgeDate: '2024-01-15' });
    const path = writeList('q2.xlsx', [
      HOUSEHOLDS,
      [1, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Nông Văn A', 'Nà Pồng', '10/05/2024', 100000000],
      [2, 'Tổ chức Tzu Chi', former.displayName, 'Nhà ở', 'Hoàng Thị B', null, '12/05/2024', 50000000],
    ]);
    expect((await importList(path)).errors).toEqual([]);
    const report = await t.service.invoke('reports.preview', { period: '2024-Q2' });
    expect(report.summaryTotal.deliveredVnd).toBe(150_000_000);
    expect(report.summaryTotal.pledgedVnd).toBe(0);
    expect(report.deliveries.map((d) => [d.date, d.vnd, d.recipient])).toEqual([
      ['2024-05-10', 100_000_000, 'Nông Văn A, Nà Pồng'],
      ['2024-05-12', 50_000_000, 'Hoàng Thị B'],
    ]);
    const file = await t.service.invoke('reports.xlsx', { period: '2024-Q2' });
    const sheet = XLSX.read(Buffer.from(file.base64, 'base64'), { type: 'buffer' }).Sheets['Chi tiết']!;
    const cells = Object.values(sheet).map((c) => (c as XLSX.CellObject).v);
    expect(cells).toContain('Người nhận');
    expect(cells).toContain('Nông Văn A, Nà Pồng');
  });
});

describe('receipt headers by their words', () => {
  const fieldOf = (header: string) => {
    const m = headerMeaning(header);
    return m?.kind === 'field' ? m.key : (m?.kind ?? null);
  };
  it.each([
    ['Ngày nhận', 'receivedDate'],
    ['Ngày tiếp nhận', 'receivedDate'],
    ['Ngày bàn giao', 'receivedDate'],
    ['Ngày trao', 'receivedDate'],
    ['Ngày giải ngân', 'receivedDate'],
    ['Thời gian tiếp nhận', 'receivedDate'],
    ['Ngày nhận hỗ trợ', 'receivedDate'],
    ['NGÀY BÀN GIAO NHÀ', 'receivedDate'],
    ['Đã nhận', 'receivedAmount'],
    ['Đã giải ngân', 'receivedAmount'],
    ['Đã bàn giao', 'receivedAmount'],
    ['Thực nhận', 'receivedAmount'],
    ['Số tiền đã nhận (đồng)', 'receivedAmount'],
    ['Kinh phí đã giải ngân', 'receivedAmount'],
    ['Giá trị tiếp nhận', 'receivedAmount'],
    ['Số lượng đã nhận', 'receivedQuantity'],
    ['SL thực nhận', 'receivedQuantity'],
    ['Số lượng bàn giao', 'receivedQuantity'],
    ['Tên hộ nhận', 'recipient'],
    ['Tên hộ/đơn vị nhận', 'recipient'],
    ['Hộ nhận hỗ trợ', 'recipient'],
    ['Người nhận', 'recipient'],
    ['Đơn vị tiếp nhận', 'recipient'],
    ['Họ và tên', 'recipient'],
    ['Họ tên chủ hộ', 'recipient'],
    ['Chủ hộ', 'recipient'],
    ['Tên trường', 'recipient'],
    ['Trạm y tế', 'recipient'],
    ['Thôn', 'village'],
    ['Thôn/bản', 'village'],
    ['Thôn, xóm', 'village'],
    ['Tổ dân phố', 'village'],
    ['Thôn/Tổ dân phố', 'village'],
    ['Bản', 'village'],
    ['Xóm', 'village'],
    // Still what they were.
    ['Ngày cam kết', 'date'],
    ['Ngày', 'date'],
    ['Thời gian', 'date'],
    // "Đơn vị" alone is a place column, of the unit-type words; the unit of measure is "Đơn vị tính".
    ['Đơn vị', 'place'],
    ['Đơn vị tính', 'unit'],
    ['Đơn vị tài trợ', 'donor'],
    ['Tổ chức', 'donor'],
    ['Đối tượng hưởng lợi', 'beneficiaries'],
    ['Số hộ hưởng lợi', 'beneficiaries'],
    ['Nội dung hỗ trợ', 'description'],
    ['Số tiền (đồng)', 'amount'],
  ])('%s → %s', (header, field) => {
    expect(fieldOf(header)).toBe(field);
  });
});
