/**
 * Every record a bundle brings is held to the rules the forms apply: a bundle with one record breaking one of them is
 * refused whole, naming the record, its field and why in both languages, and nothing is written; the ledger's reads
 * still answer. Bundles the app itself makes (every kind of record, earlier releases' ledgers) pass. The bad bundles
 * are forged as an attacker's tool would write them (`forge-lines.ts`).
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_AMOUNT_MINOR } from '../contract/money';
import { checkLedger } from '../db/backup';
import { contextFor } from '../db/core/context';
import { openLedger } from '../db/core/open';
import { generateLedger } from '../db/samples/synthetic';
import { createLedgerService } from '../db/service';
import { formatVersion } from '../db/sync/clock';
import { exportBundle } from '../db/sync/export';
import { importBundle } from '../db/sync/import';
import { keyOf } from './forge';
import { forgeBundle, type RawBundle, rawHistory, rawRows, readRaw } from './forge-lines';
import { fingerprint } from './fuzz-helpers';
import { introduce, ROOT, tableCounts, tempDir, tempLedger, type TestLedger } from './helpers';

let province: TestLedger;
let district: TestLedger;
/** The district's changes: a commune, a donor, a rate, pledges in USD and by quantity, deliveries, an aid item. */
let quarter: RawBundle;
let homePledge: { id: string };

const exported = async (t: TestLedger, all = false) =>
  Buffer.from((await t.service.invoke('sync.export', { all })).base64, 'base64');

beforeAll(async () => {
  province = await tempLedger({ siteName: 'Sở Ngoại vụ' });
  district = await tempLedger({ seed: false, siteName: 'Huyện Bảo Lạc' });
  await introduce(province, district);
  const provinceDonor = await province.service.invoke('donors.create', {
    name: 'Plan International',
    kind: 'foreign_ngo',
  });
  const places = await province.service.invoke('places.list', {});
  homePledge = await province.service.invoke('pledges.create', {
    donorId: provinceDonor.id,
    placeId: places.find((p) => p.name === 'Hòa An')!.id,
    kind: 'house',
    description: 'Nhà cho hộ nghèo',
    amountMinor: 700_000_000,
    currency: 'VND',
    pledgeDate: '2022-08-01',
  });
  await district.service.invoke('sync.import', {
    fileName: 'tinh.aidledger',
    base64: (await exported(province, true)).toString('base64'),
  });
  const baoLac = (await district.service.invoke('places.list', {})).find((p) => p.name === 'Bảo Lạc')!;
  const commune = await district.service.invoke('places.create', {
    name: 'Thử Nghiệm',
    unitType: 'Xã',
    level: 'commune',
    parentId: baoLac.id,
  });
  const donor = await district.service.invoke('donors.create', { name: 'Quỹ Bảo Lạc', kind: 'foundation' });
  await district.service.invoke('rates.set', { currency: 'USD', validOn: '2022-09', rate: '24500', source: 'VCB' });
  const usd = await district.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId: commune.id,
    kind: 'house',
    description: 'Nhà tình nghĩa',
    amountMinor: 1_000_000,
    currency: 'USD',
    pledgeDate: '2022-09-15',
  });
  const blankets = await district.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId: baoLac.id,
    kind: 'gift',
    description: 'Chăn ấm',
    quantity: '100',
    unit: 'chiếc',
    unitValueMinor: 150_000,
    currency: 'VND',
    pledgeDate: '2022-09-20',
  });
  await district.service.invoke('deliveries.create', {
    pledgeId: usd.id,
    deliveryDate: '2022-10-01',
    amountMinor: 400_000,
  });
  await district.service.invoke('deliveries.create', {
    pledgeId: blankets.id,
    deliveryDate: '2022-10-02',
    quantity: '40',
  });
  await district.service.invoke('items.create', {
    name: 'Nhà cho hộ nghèo Bảo Lạc',
    modality: 'project',
    sector: 'social',
    donorId: donor.id,
    placeIds: [commune.id],
  });
  quarter = readRaw(await exported(district));
}, 60_000);

afterAll(async () => {
  await province?.close();
  await district?.close();
});

/** A case: one record of the district's bundle given a value no form writes. */
interface BrokenRow {
  name: string;
  table: string;
  /** Which of the table's rows (the first by default). */
  pick?: (rows: Record<string, unknown>[]) => Record<string, unknown>;
  column: string;
  value?: unknown;
  /** Drop the column instead. */
  drop?: true;
  /** The column the refusal names, when not the one changed. */
  named?: string;
  why: { vi: string; en: string };
}

const usdPledge = (rows: Record<string, unknown>[]) => rows.find((r) => r.currency === 'USD')!;
const vndPledge = (rows: Record<string, unknown>[]) => rows.find((r) => r.currency === 'VND')!;
const byAmount = (rows: Record<string, unknown>[]) => rows.find((r) => r.amount_minor !== null)!;
const ownPlace = (rows: Record<string, unknown>[]) => rows.find((r) => r.name === 'Thử Nghiệm')!;

const BROKEN: BrokenRow[] = [
  {
    name: 'an unknown currency',
    table: 'pledges',
    column: 'currency',
    value: 'ZZZ',
    why: { vi: 'không phải mã tiền tệ được hỗ trợ: "ZZZ"', en: 'is not a supported currency code: "ZZZ"' },
  },
  {
    name: 'a day that does not exist',
    table: 'pledges',
    column: 'pledge_date',
    value: '2022-09-31',
    why: { vi: 'không phải ngày hợp lệ: "2022-09-31"', en: 'is not a valid date: "2022-09-31"' },
  },
  {
    name: 'a rate that is no number',
    table: 'pledges',
    pick: usdPledge,
    column: 'rate',
    value: 'abc',
    why: { vi: 'không phải tỷ giá dạng số thập phân', en: 'is not a rate written as a decimal number' },
  },
  {
    name: 'a rate of zero',
    table: 'pledges',
    pick: usdPledge,
    column: 'rate',
    value: '0',
    why: { vi: 'phải lớn hơn 0', en: 'must be greater than 0' },
  },
  {
    name: 'a VND equivalent of 2^53 − 1',
    table: 'pledges',
    column: 'vnd_equivalent',
    value: 2 ** 53 - 1,
    why: {
      vi: `phải là số nguyên từ 0 đến ${MAX_AMOUNT_MINOR}`,
      en: `must be a whole number from 0 to ${MAX_AMOUNT_MINOR}`,
    },
  },
  {
    name: 'a VND equivalent that is not the amount at the rate',
    table: 'pledges',
    pick: usdPledge,
    column: 'vnd_equivalent',
    value: 245_000_001,
    why: {
      vi: 'không bằng số tiền × tỷ giá, tức 245000000: 245000001',
      en: 'is not the amount × the rate, which is 245000000: 245000001',
    },
  },
  {
    name: 'an amount over the money limit',
    table: 'pledges',
    column: 'amount_minor',
    value: MAX_AMOUNT_MINOR + 1,
    why: { vi: `vượt quá giới hạn ${MAX_AMOUNT_MINOR}`, en: `exceeds the limit of ${MAX_AMOUNT_MINOR}` },
  },
  {
    name: 'a kind not in the vocabulary',
    table: 'pledges',
    column: 'kind',
    value: 'palace',
    why: { vi: 'phải là một trong: house, gift', en: 'must be one of: house, gift' },
  },
  {
    name: 'a status not in the vocabulary',
    table: 'pledges',
    column: 'status',
    value: 'stolen',
    why: { vi: 'phải là một trong: pledged', en: 'must be one of: pledged' },
  },
  {
    name: 'a stage not in the vocabulary',
    table: 'aid_items',
    column: 'stage',
    value: 'done',
    why: { vi: 'phải là một trong: proposed', en: 'must be one of: proposed' },
  },
  {
    name: 'a name with a control character',
    table: 'donors',
    pick: (rows) => rows.find((r) => r.name === 'Quỹ Bảo Lạc')!,
    column: 'name',
    value: 'Quỹ\u0000Bảo Lạc',
    why: { vi: 'chứa ký tự điều khiển', en: 'contains a control character' },
  },
  {
    name: 'a description over its length',
    table: 'pledges',
    column: 'description',
    value: 'x'.repeat(2001),
    why: { vi: 'dài quá 2000 ký tự', en: 'is longer than 2000 characters' },
  },
  {
    name: 'a reference to nothing',
    table: 'deliveries',
    column: 'pledge_id',
    value: '0f0f0f0f-0000-4000-8000-000000000000',
    why: {
      vi: 'trỏ tới cam kết "0f0f0f0f-0000-4000-8000-000000000000" chưa có ở đây',
      en: 'points to a pledge "0f0f0f0f-0000-4000-8000-000000000000" that neither the bundle nor this ledger has',
    },
  },
  {
    name: 'a delivery whose VND equivalent is not its amount at its rate',
    table: 'deliveries',
    pick: byAmount,
    column: 'vnd_equivalent',
    value: 1,
    why: { vi: 'không bằng số tiền × tỷ giá', en: 'is not the amount × the rate' },
  },
  {
    name: 'a quantity that is not one',
    table: 'deliveries',
    pick: (rows) => rows.find((r) => r.quantity_milli !== null)!,
    column: 'quantity_milli',
    value: 2.5,
    why: { vi: 'không phải số lượng hợp lệ', en: 'is not a valid quantity' },
  },
  {
    name: 'VND at a rate other than 1',
    table: 'pledges',
    pick: vndPledge,
    column: 'rate',
    value: '2',
    why: { vi: 'của VND luôn là 1', en: 'of VND is always 1' },
  },
  {
    name: 'a rate for VND itself',
    table: 'exchange_rates',
    column: 'currency',
    value: 'VND',
    why: { vi: 'VND không có tỷ giá', en: 'VND has no rate' },
  },
  {
    name: 'a place valid until before it began',
    table: 'places',
    pick: (rows) => rows.find((r) => r.valid_to !== null)!,
    column: 'valid_from',
    value: '2026-01-01',
    named: 'valid_to',
    why: { vi: 'trước ngày bắt đầu hiệu lực: "2025-06-30"', en: 'is before the start of validity: "2025-06-30"' },
  },
  {
    name: 'a place under itself',
    table: 'places',
    pick: ownPlace,
    column: 'parent_id',
    value: null,
    why: { vi: 'là chính đơn vị này', en: 'is the unit itself' },
  },
  {
    name: 'a required column missing',
    table: 'pledges',
    column: 'currency',
    drop: true,
    why: { vi: 'bị thiếu', en: 'is missing' },
  },
];

/** Imports (and previews) a forged bundle at the province, which must refuse it and stay exactly as it was. */
async function expectRefused(bytes: Buffer, ...expected: string[][]): Promise<void> {
  const input = { fileName: 'hong.aidledger', base64: bytes.toString('base64') };
  const [print, counts] = [fingerprint(province.ledger), tableCounts(province.ledger)];
  for (const method of ['sync.preview', 'sync.import'] as const) {
    const answer = await province.service.call(method, input);
    expect(answer.ok, method).toBe(false);
    const { code, message } = (answer as { ok: false; error: { code: string; message: { vi: string; en: string } } })
      .error;
    expect(code).toBe('invalid_input');
    for (const [vi, en] of expected) {
      expect(message.vi).toContain(vi);
      expect(message.en).toContain(en);
    }
    expect(message.vi).toMatch(/^Gói dữ liệu bị từ chối: .*sổ không bị thay đổi$/);
    expect(message.en).toMatch(/^Bundle refused: .*the ledger was not changed$/);
    expect(fingerprint(province.ledger), method).toBe(print);
    expect(tableCounts(province.ledger), method).toEqual(counts);
  }
}

describe('a bundle with a record the forms would refuse', () => {
  it.each(BROKEN)('is refused whole, naming it: $name', async ({ table, pick, column, value, drop, named, why }) => {
    const raw = structuredClone(quarter);
    const rows = rawRows(raw, table);
    const row = (pick ?? ((r: Record<string, unknown>[]) => r[0]!))(rows);
    if (drop) delete row[column];
    else row[column] = column === 'parent_id' ? row.id : value;
    const n = rows.indexOf(row) + 1;
    await expectRefused(
      forgeBundle(raw, keyOf(district.ledger)),
      [`${row.id} (bản ghi ${table} thứ ${n})`, `${row.id} (${table} record number ${n})`],
      [`(${named ?? column}) ${why.vi}`, `(${named ?? column}) ${why.en}`],
    );
  });

  it("is refused when it would set a pledge of this office's to an amount its VND equivalent is not", async () => {
    // The province's own pledge as a forged newer version: amount 1, the VND equivalent left at 700,000,000.
    const raw = structuredClone(quarter);
    const row = province.ledger.sqlite.prepare('SELECT * FROM pledges WHERE id = ?').get(homePledge.id) as Record<
      string,
      unknown
    >;
    delete row.search_text;
    // Changed at the district (its own version, built on the province's), as its office may.
    const version = formatVersion(Date.now(), 0, district.ledger.site.id);
    Object.assign(row, { amount_minor: 1, version, origin_site: district.ledger.site.id });
    raw.lines.push(['r', 'pledges', row]);
    await expectRefused(
      forgeBundle(raw, keyOf(district.ledger)),
      [`cam kết ${homePledge.id}`, `pledge ${homePledge.id}`],
      [
        '(vnd_equivalent) không bằng số tiền × tỷ giá, tức 1: 700000000',
        '(vnd_equivalent) is not the amount × the rate, which is 1: 700000000',
      ],
    );
  });

  it('is refused when it carries history made at another office, naming the entry and the office that signed', async () => {
    const raw = structuredClone(quarter);
    const entries = rawHistory(raw);
    const entry = entries[entries.length - 1]!;
    Object.assign(entry, { site_id: province.ledger.site.id, note: 'Giám đốc Sở đã duyệt' });
    await expectRefused(
      forgeBundle(raw, keyOf(district.ledger)),
      [`mục lịch sử ${entry.id}`, `the history entry ${entry.id}`],
      ['gói mang mục lịch sử không do Huyện Bảo Lạc ghi', 'history entries not written by Huyện Bảo Lạc'],
    );
  });

  it('is refused when it carries history about nothing, or unreadable', async () => {
    const cases: [(entry: Record<string, unknown>) => void, string, string][] = [
      [
        (entry) => Object.assign(entry, { entity: 'pledge', entity_id: '0f0f0f0f-0000-4000-8000-000000000009' }),
        'nói về cam kết "0f0f0f0f-0000-4000-8000-000000000009" không có trong gói, cũng không có trong sổ này',
        'is about a pledge "0f0f0f0f-0000-4000-8000-000000000009" that neither the bundle nor this ledger has',
      ],
      [
        (entry) => Object.assign(entry, { action: 'approve' }),
        'có thao tác không hợp lệ "approve"',
        'has an invalid action',
      ],
      [
        (entry) => Object.assign(entry, { entity: 'settings' }),
        'nói về loại bản ghi không có',
        'unknown kind of record',
      ],
      [(entry) => Object.assign(entry, { after: '{not json' }), 'không đọc được', 'cannot be read'],
    ];
    for (const [change, vi, en] of cases) {
      const raw = structuredClone(quarter);
      const entries = rawHistory(raw);
      const entry = entries[entries.length - 1]!;
      change(entry);
      await expectRefused(
        forgeBundle(raw, keyOf(district.ledger)),
        [`mục lịch sử ${entry.id} (thứ ${entries.length})`, `the history entry ${entry.id}`],
        [vi, en],
      );
    }
  });

  it("is refused in the quarter's pass too, naming the record, with nothing of any file written", async () => {
    const raw = structuredClone(quarter);
    const pledge = usdPledge(rawRows(raw, 'pledges'));
    pledge.currency = 'ZZZ';
    const good = { fileName: 'tot.aidledger', base64: forgeBundle(quarter, keyOf(district.ledger)).toString('base64') };
    const bad = { fileName: 'hong.aidledger', base64: forgeBundle(raw, keyOf(district.ledger)).toString('base64') };
    const print = fingerprint(province.ledger);
    const result = await province.service.invoke('imports.files', { files: [good, bad] });
    expect(result.written).toBe(false);
    expect(result.files[1]!.errors[0]!.message).toContain(`cam kết ${pledge.id}`);
    expect(result.files[1]!.errors[0]!.messageEn).toContain('(currency) is not a supported currency code: "ZZZ"');
    expect(fingerprint(province.ledger)).toBe(print);
  });

  it('leaves the ledger answering its reads: totals, summary, check', async () => {
    expect((await province.service.invoke('totals', { by: 'donor' })).total.pledged).toBe(700_000_000);
    expect((await province.service.invoke('pledges.summary', {})).pledgedVnd).toBe(700_000_000);
    expect(checkLedger(province.ledger)).toMatchObject({ ok: true });
    // And the bundle as the district made it merges.
    const merged = await province.service.invoke('sync.import', {
      fileName: 'bao-lac.aidledger',
      base64: forgeBundle(quarter, keyOf(district.ledger)).toString('base64'),
    });
    expect(merged).toMatchObject({ conflicts: 0 });
    expect(merged.inserted).toBeGreaterThanOrEqual(8);
    expect((await province.service.invoke('totals', { by: 'donor' })).total.pledged).toBe(
      700_000_000 + 245_000_000 + 15_000_000,
    );
  });
});

describe('bundles the app makes', () => {
  /** Exports everything `from` holds and merges it into an empty ledger (the rules applied on the way). */
  async function mergesIntoEmpty(file: string): Promise<void> {
    const ledger = await openLedger(file);
    const empty = await tempLedger({ seed: false, siteName: 'Trống' });
    await introduce(createLedgerService(ledger), empty);
    const { bytes } = await ledger.db
      .transaction()
      .execute((trx) => exportBundle(contextFor(ledger, trx), { all: true }));
    await ledger.close();
    try {
      const counts = await empty.ledger.db
        .transaction()
        .execute((trx) => importBundle(contextFor(empty.ledger, trx), bytes, { fileName: 'all.aidledger' }));
      expect(counts.inserted, file).toBeGreaterThan(0);
    } finally {
      await empty.close();
    }
  }

  it('pass the rules: a generated ledger of every kind of record', async () => {
    const dir = tempDir();
    try {
      const file = join(dir.dir, 'generated.sqlite');
      const ledger = await openLedger(file, { create: true, siteName: 'Huyện' });
      await generateLedger(ledger, { rows: 1500, seed: 7, donors: 40 });
      await createLedgerService(ledger).invoke('rates.set', {
        currency: 'EUR',
        validOn: '2024-03-05',
        rate: '26500.25',
        source: 'Vietcombank',
      });
      await ledger.close();
      await mergesIntoEmpty(file);
    } finally {
      dir.remove();
    }
  }, 60_000);

  it('pass the rules: the ledger of every earlier release, upgraded', async () => {
    const fixtures = join(ROOT, 'test/fixtures/schemas');
    const dir = tempDir();
    try {
      for (const name of readdirSync(fixtures).filter((n) => n.endsWith('.sqlite.gz'))) {
        const file = join(dir.dir, name.replace(/\.gz$/, ''));
        writeFileSync(file, gunzipSync(readFileSync(join(fixtures, name))));
        await mergesIntoEmpty(file);
      }
    } finally {
      dir.remove();
    }
  }, 120_000);
});
