/**
 * Histories in the user's words: every kind of field of every record a history tells of (pledge, delivery, aid item,
 * its stages), in Vietnamese and English, on a real ledger; never an id, a version or a stored key.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../contract';
import type { Lang } from '../../contract/labels';
import {
  changeLine,
  entryLines,
  type HistoryWords,
  shownChanges,
  valueText,
} from '../../renderer/src/components/history';
import { tempLedger, type TestLedger } from '../helpers';

const names = (pairs: [string, string][]) => {
  const map = new Map(pairs);
  return (id: string) => map.get(id);
};
const words = (lang: Lang): HistoryWords => ({
  lang,
  currency: 'USD',
  counterpartCurrency: 'VND',
  places: names([
    ['p-old', 'Xã Cũ'],
    ['p-new', 'Xã Mới'],
  ]),
  donors: names([
    ['d-1', 'Tổ chức Tzu Chi'],
    ['d-2', 'Quỹ Rockefeller'],
  ]),
  items: names([['i-1', 'Nước sạch cho trường học']]),
});

describe('a change in words', () => {
  it('names every kind of field and value, in both languages', () => {
    const cases: [string, unknown, unknown, string, string][] = [
      ['status', 'pledged', 'in_progress', 'Trạng thái: Cam kết → Đang thực hiện', 'Status: Pledged → In progress'],
      ['stage', 'proposed', 'appraised', 'Giai đoạn: Đề xuất → Thẩm định', 'Stage: Proposed → Appraised'],
      ['sector', 'health', 'social', 'Lĩnh vực: Y tế → Giải quyết các vấn đề xã hội', 'Sector: Health → Social issues'],
      ['sector', 'Giảm nghèo', 'other', 'Lĩnh vực: Giảm nghèo → Khác', 'Sector: Giảm nghèo → Other'],
      ['kind', 'house', 'gift', 'Loại hỗ trợ: Nhà ở → Quà', 'Kind of aid: Houses → Gifts'],
      ['modality', 'project', 'non_project', 'Hình thức: Dự án → Phi dự án', 'Modality: Project → Non-project aid'],
      [
        'itemId',
        null,
        'i-1',
        'Khoản viện trợ: (không) → Nước sạch cho trường học',
        'Aid item: (none) → Nước sạch cho trường học',
      ],
      [
        'donorId',
        'd-1',
        'd-2',
        'Nhà tài trợ: Tổ chức Tzu Chi → Quỹ Rockefeller',
        'Donor: Tổ chức Tzu Chi → Quỹ Rockefeller',
      ],
      [
        'coDonorIds',
        [],
        ['d-1', 'd-2'],
        'Nhà tài trợ cùng tham gia: (không) → Tổ chức Tzu Chi, Quỹ Rockefeller',
        'Co-donors: (none) → Tổ chức Tzu Chi, Quỹ Rockefeller',
      ],
      ['placeId', 'p-old', 'p-new', 'Địa bàn: Xã Cũ → Xã Mới', 'Place: Xã Cũ → Xã Mới'],
      [
        'placeIds',
        ['p-old'],
        ['p-old', 'p-new'],
        'Địa bàn thực hiện: Xã Cũ → Xã Cũ, Xã Mới',
        'Places: Xã Cũ → Xã Cũ, Xã Mới',
      ],
      [
        'todayPlaceIds',
        {},
        { 'p-old': 'p-new' },
        'Nay thuộc: (không) → Xã Cũ (nay thuộc Xã Mới)',
        'Today in: (none) → Xã Cũ (today in Xã Mới)',
      ],
      ['amountMinor', 100_000, 120_050, 'Thành tiền: 1.000,00 → 1.200,50', 'Amount: 1,000.00 → 1,200.50'],
      ['vndEquivalent', 2_300_000, null, 'Quy đổi VND: 2.300.000 → (không)', 'VND equivalent: 2,300,000 → (none)'],
      [
        'counterpartMinor',
        5_000_000,
        6_000_000,
        'Vốn đối ứng: 5.000.000 → 6.000.000',
        'Counterpart funds: 5,000,000 → 6,000,000',
      ],
      [
        'budgetRevenue',
        false,
        true,
        'Ghi thu ngân sách nhà nước: Không → Có',
        'Counted as state budget revenue: No → Yes',
      ],
      [
        'pledgeDate',
        '2022-07-07',
        '2022-08-01',
        'Ngày cam kết: 07/07/2022 → 01/08/2022',
        'Pledge date: 07/07/2022 → 01/08/2022',
      ],
      ['date', '2026-01-10', '2026-02-01', 'Ngày: 10/01/2026 → 01/02/2026', 'Date: 10/01/2026 → 01/02/2026'],
      ['quantity', '2.5', '1200', 'Số lượng: 2,5 → 1.200', 'Quantity: 2.5 → 1,200'],
      ['rate', '25000.5', '26000', 'Tỷ giá: 25.000,5 → 26.000', 'Exchange rate: 25,000.5 → 26,000'],
      ['beneficiaries', 1200, 1500, 'Số người hưởng lợi: 1.200 → 1.500', 'Beneficiaries: 1,200 → 1,500'],
      [
        'recipient',
        null,
        'Trường TH Bảo Lạc',
        'Người/đơn vị nhận: (không) → Trường TH Bảo Lạc',
        'Recipient: (none) → Trường TH Bảo Lạc',
      ],
      ['village', 'Nà Pồng', '', 'Thôn: Nà Pồng → (không)', 'Village: Nà Pồng → (none)'],
    ];
    for (const [field, before, after, vi, en] of cases) {
      expect(changeLine({ field, before, after }, words('vi'))).toBe(vi);
      expect(changeLine({ field, before, after }, words('en'))).toBe(en);
    }
  });

  it('never shows an id: one not known here reads "(không rõ)"', () => {
    expect(valueText('itemId', '89de8a54-0000-4000-8000-000000000000', words('vi'))).toBe('(không rõ)');
    expect(valueText('donorId', '89de8a54-0000-4000-8000-000000000000', words('en'))).toBe('(unknown)');
  });

  it('leaves the bookkeeping out, and reads entries that stored columns', () => {
    const changes = shownChanges([
      { field: 'version', before: '0001796606838180-0000-a', after: '0001796606838190-0000-a' },
      { field: 'base_version', before: 'x', after: 'y' },
      { field: 'searchText', before: 'a', after: 'b' },
      { field: 'updatedAt', before: 'a', after: 'b' },
      { field: 'quantity_milli', before: 2500, after: 3000 },
      { field: 'item_id', before: null, after: 'i-1' },
    ]);
    expect(changes.map((c) => changeLine(c, words('vi')))).toEqual([
      'Số lượng: 2,5 → 3',
      'Khoản viện trợ: (không) → Nước sạch cho trường học',
    ]);
  });

  it('tells a new stage by its name, date, document and note', () => {
    const entry = {
      action: 'create' as const,
      entity: 'aid_item_stage' as const,
      changes: [
        { field: 'stage', before: null, after: 'approved' },
        { field: 'date', before: null, after: '2026-03-01' },
        { field: 'document', before: null, after: '12/QĐ-UBND' },
        { field: 'note', before: null, after: null },
        { field: 'itemId', before: null, after: 'i-1' },
      ],
    };
    expect(entryLines(entry, words('vi'))).toEqual([
      'Giai đoạn: Đã phê duyệt',
      'Ngày: 01/03/2026',
      'Văn bản: 12/QĐ-UBND',
    ]);
    expect(entryLines(entry, words('en'))).toEqual(['Stage: Approved', 'Date: 01/03/2026', 'Document: 12/QĐ-UBND']);
  });
});

describe('the histories of a real ledger', () => {
  let t: TestLedger;
  beforeEach(async () => {
    t = await tempLedger();
  });
  afterEach(async () => {
    await t.close();
  });

  /** Every pledge, delivery, aid item and stage field changed once, through the service. */
  async function histories(): Promise<{ pledge: HistoryEntry[]; item: HistoryEntry[] }> {
    const s = t.service;
    const places = await s.invoke('places.list', {});
    const place = (name: string) => places.find((p) => p.name === name)!.id;
    const donor = (name: string) => s.invoke('donors.create', { name, kind: 'foreign_ngo', country: 'Hoa Kỳ' });
    const [tzuChi, rockefeller] = [await donor('Tổ chức Tzu Chi'), await donor('Quỹ Rockefeller')];
    const pledge = await s.invoke('pledges.create', {
      donorId: tzuChi.id,
      placeId: place('Bảo Lạc'),
      kind: 'house',
      description: 'Hỗ trợ làm nhà',
      quantity: '600',
      unit: 'suất',
      amountMinor: 300_000_000,
      currency: 'VND',
      pledgeDate: '2022-08-01',
    });
    const delivery = await s.invoke('deliveries.create', {
      pledgeId: pledge.id,
      deliveryDate: '2022-10-01',
      quantity: '200',
    });
    await s.invoke('deliveries.update', {
      id: delivery.id,
      deliveryDate: '2022-10-02',
      quantity: '150',
      notes: 'Đợt 1',
      recipient: 'UBND xã',
      village: 'Nà Pồng',
    });
    await s.invoke('pledges.update', {
      id: pledge.id,
      reason: 'Điều chỉnh theo biên bản',
      donorId: rockefeller.id,
      placeId: place('Nguyên Bình'),
      kind: 'gift',
      description: 'Quà Tết',
      quantity: '700',
      unit: 'phần',
      amountMinor: 350_000_000,
      pledgeDate: '2022-08-02',
      status: 'completed',
      beneficiaries: 700,
      approvalNumber: '12/QĐ',
      approvalDate: '2022-08-03',
      notes: 'Ghi chú',
      recipient: 'Hội Chữ thập đỏ',
      village: 'Pác Bó',
    });
    const item = await s.invoke('items.create', {
      name: 'Nước sạch cho trường học',
      modality: 'project',
      sector: 'health',
      donorId: tzuChi.id,
      stageDate: '2026-01-10',
    });
    await s.invoke('items.update', {
      id: item.id,
      reason: 'Bổ sung',
      name: 'Nước sạch cho các trường',
      modality: 'non_project',
      sector: 'social',
      donorId: rockefeller.id,
      coDonorIds: [tzuChi.id],
      governingBody: 'UBND tỉnh',
      aidOwner: 'Sở Giáo dục',
      placeIds: [place('Bảo Lạc'), place('Nguyên Bình')],
      startDate: '2026-02-01',
      endDate: '2026-12-31',
      valueMinor: 10_000_000,
      valueCurrency: 'USD',
      counterpartMinor: 500_000_000,
      counterpartCurrency: 'VND',
      budgetRevenue: true,
      approvalNumber: '1/QĐ',
      approvalDate: '2026-01-20',
      approvedBy: 'Chủ tịch UBND tỉnh',
      notes: 'Ghi chú',
    });
    await s.invoke('items.stage', { id: item.id, stage: 'appraised', date: '2026-02-01', document: '5/BC' });
    await s.invoke('items.attach', { itemId: item.id, pledgeIds: [pledge.id] });
    return {
      pledge: (await s.invoke('pledges.get', { id: pledge.id })).history,
      item: (await s.invoke('items.get', { id: item.id })).history,
    };
  }

  async function wordsOf(lang: Lang, currency: string): Promise<HistoryWords> {
    const lookup = (rows: { id: string; name: string }[]) => names(rows.map((r) => [r.id, r.name]));
    const places = await t.service.invoke('places.list', {});
    return {
      lang,
      currency,
      counterpartCurrency: 'VND',
      places: lookup(places.map((p) => ({ id: p.id, name: p.displayName }))),
      donors: lookup(await t.service.invoke('donors.list', { includeMerged: true })),
      items: lookup(await t.service.invoke('items.list', {})),
    };
  }

  it('tells every change in words, in both languages, with names for ids and no version', async () => {
    const { pledge, item } = await histories();
    const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
    const said = async (entries: HistoryEntry[], lang: Lang, currency: string) => {
      const w = await wordsOf(lang, currency);
      return entries.flatMap((e) => entryLines(e, w));
    };
    const pledgeVi = await said(pledge, 'vi', 'VND');
    const itemVi = await said(item, 'vi', 'USD');
    const pledgeEn = await said(pledge, 'en', 'VND');
    const itemEn = await said(item, 'en', 'USD');
    for (const line of [...pledgeVi, ...itemVi, ...pledgeEn, ...itemEn]) {
      expect(line, line).not.toMatch(uuid);
      expect(line, line).not.toMatch(/version|_id|Id:|Minor|in_progress|non_project|\bsocial\b|∅/);
    }
    // Every field a change names has its label (a field without one would be shown by its stored name).
    const fields = [...pledge, ...item].flatMap((e) => shownChanges(e.changes).map((c) => c.field));
    const labelled = [...pledgeVi, ...itemVi].map((l) => l.split(':')[0]);
    expect(new Set(fields).size).toBeGreaterThan(30);
    for (const label of labelled) expect(label, label).not.toMatch(/^[a-z]+[A-Z]/);

    expect(pledgeVi).toEqual(
      expect.arrayContaining([
        'Trạng thái: Cam kết → Đang thực hiện',
        'Trạng thái: Đang thực hiện → Hoàn thành',
        'Nhà tài trợ: Tổ chức Tzu Chi → Quỹ Rockefeller',
        'Loại hỗ trợ: Nhà ở → Quà',
        'Số lượng: 200 → 150',
        'Ngày giao/giải ngân: 01/10/2022 → 02/10/2022',
        'Thôn: (không) → Nà Pồng',
        'Thành tiền: 300.000.000 → 350.000.000',
        'Khoản viện trợ: (không) → Nước sạch cho các trường',
      ]),
    );
    expect(pledgeVi.some((l) => /^Địa bàn: .*Bảo Lạc → .*Nguyên Bình$/.test(l))).toBe(true);
    expect(itemVi).toEqual(
      expect.arrayContaining([
        'Lĩnh vực: Y tế → Giải quyết các vấn đề xã hội',
        'Hình thức: Dự án → Phi dự án',
        'Nhà tài trợ cùng tham gia: (không) → Tổ chức Tzu Chi',
        'Giá trị viện trợ: (không) → 100.000,00',
        'Vốn đối ứng: (không) → 500.000.000',
        'Ghi thu ngân sách nhà nước: Không → Có',
        'Giai đoạn: Đề xuất → Thẩm định',
        'Ngày của giai đoạn: 10/01/2026 → 01/02/2026',
        'Địa bàn thực hiện: (không) → Bảo Lạc, Nguyên Bình',
      ]),
    );
    expect(pledgeEn).toEqual(
      expect.arrayContaining([
        'Status: Pledged → In progress',
        'Kind of aid: Houses → Gifts',
        'Aid item: (none) → Nước sạch cho các trường',
      ]),
    );
    expect(itemEn).toEqual(
      expect.arrayContaining([
        'Sector: Health → Social issues',
        'Stage: Proposed → Appraised',
        'Counted as state budget revenue: No → Yes',
      ]),
    );
  });
});
