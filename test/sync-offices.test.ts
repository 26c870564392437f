/**
 * Offices that know each other: bundles are signed by the office that made them and merged only from offices this
 * ledger accepted (by their card and the code read aloud), a record's maker is the signer and never what the payload
 * says, and a district or commune office changes only what lies in its place. Forged bundles are written raw, as an
 * attacker's tool would (`test/forge.ts`); every refusal changes no table of the ledger.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MethodInput } from '../contract';
import { contextFor } from '../db/core/context';
import { ensureKeys } from '../db/offices/keys';
import { exportBundle } from '../db/sync/export';
import { decodeBundle } from '../db/sync/format';
import type { LedgerService } from '../db/service';
import { contentOf, type ForgedContent, forgeBundle, keyOf, openForged, seal, strangerKey, versionAt } from './forge';
import { introduce, tableHashes, tempLedger, type TestLedger } from './helpers';

/** Cao Bằng's units as the catalogue has them (ids from official codes, the same at every office). */
const HUYEN_BAO_LAC = '14c79a83-e65b-571f-a095-383726eba85e';
/** A new commune (01/07/2025) that former communes of Huyện Bảo Lạc became. */
const XA_BAO_LAC = 'c3a861f2-96df-5ce0-845b-d373968849bb';
const HUYEN_NGUYEN_BINH = '80132e93-7506-5deb-92d8-cb5bcd82c447';
const XA_NGUYEN_BINH = '3b22066f-4ce8-5d1c-add5-7c58c125f539';

let province: TestLedger;
let district: TestLedger;

async function exportFrom(t: TestLedger, all = false): Promise<Buffer> {
  return t.ledger.db
    .transaction()
    .execute(async (trx) => (await exportBundle(contextFor(t.ledger, trx), { all })).bytes);
}
const input = (bytes: Buffer, extra: Partial<MethodInput<'sync.import'>> = {}) => ({
  fileName: 'goi.aidledger',
  base64: bytes.toString('base64'),
  ...extra,
});
const receive = (t: TestLedger, bytes: Buffer, extra: Partial<MethodInput<'sync.import'>> = {}) =>
  t.service.invoke('sync.import', input(bytes, extra));

/**
 * The bundle is refused through every door — preview, import and the quarter's files — with this code and a message
 * holding `words` in both languages (`[vi, en]`), and no table of the ledger changes.
 */
async function expectRefused(
  t: TestLedger,
  bytes: Buffer,
  code: string,
  words: [string, string],
  extra: Partial<MethodInput<'sync.import'>> = {},
): Promise<{ vi: string; en: string }> {
  const before = tableHashes(t.ledger);
  const answers = [
    await t.service.call('sync.preview', input(bytes, extra)),
    await t.service.call('sync.import', input(bytes, extra)),
  ];
  for (const answer of answers) {
    expect(answer).toMatchObject({
      ok: false,
      error: { code, message: { vi: expect.stringContaining(words[0]), en: expect.stringContaining(words[1]) } },
    });
  }
  const files = await t.service.invoke('imports.files', {
    files: [{ fileName: 'goi.aidledger', base64: bytes.toString('base64') }],
    ...(extra.acceptUnsigned ? { acceptUnsigned: true } : {}),
  });
  expect(files.written).toBe(false);
  expect(files.files[0]!.errors[0]!.message).toContain(words[0]);
  expect(tableHashes(t.ledger)).toEqual(before);
  return (answers[1] as { error: { message: { vi: string; en: string } } }).error.message;
}

async function pledgeAt(t: TestLedger, placeId: string, amount: number, description = 'Nhà tình nghĩa') {
  const name = `Quỹ của ${t.ledger.site.name}`;
  const donor =
    (await t.service.invoke('donors.list', {})).find((d) => d.name === name) ??
    (await t.service.invoke('donors.create', { name, kind: 'foundation' }));
  return t.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId,
    kind: 'house',
    description,
    amountMinor: amount,
    currency: 'VND',
    // Before 01/07/2025 at a former district, after at a new commune.
    pledgeDate: placeId === HUYEN_BAO_LAC || placeId === HUYEN_NGUYEN_BINH ? '2025-06-01' : '2025-09-01',
  });
}

/** The pledge with this description. */
async function pledgeNamed(t: TestLedger, description: string) {
  return (await t.service.invoke('pledges.list', { page: { offset: 0, limit: 500 } })).rows.find(
    (p) => p.description === description,
  )!;
}

/** A district office of Huyện Bảo Lạc (or another place), joined to the province, holding its reference bundle. */
async function districtOffice(name: string, placeId: string): Promise<TestLedger> {
  const t = await tempLedger({ seed: false, siteName: name });
  await introduce(province, t, { bAs: { role: 'district', placeId } });
  await receive(t, await exportFrom(province, true));
  await t.service.invoke('settings.update', { siteRole: 'district', sitePlaceId: placeId });
  return t;
}

beforeEach(async () => {
  province = await tempLedger({ seed: false, siteName: 'Sở Ngoại vụ Cao Bằng' });
  await province.service.invoke('places.choose', { province: '04' });
  await province.service.invoke('settings.update', { siteRole: 'province' });
  // The province's own records, in several districts.
  await pledgeAt(province, HUYEN_BAO_LAC, 100_000_000, 'Nhà của tỉnh ở Bảo Lạc');
  await pledgeAt(province, XA_NGUYEN_BINH, 200_000_000, 'Quà của tỉnh ở Nguyên Bình');
  await province.service.invoke('rates.set', { currency: 'USD', validOn: '2025-09', rate: '26000', source: 'VCB' });
  district = await districtOffice('Huyện Bảo Lạc', HUYEN_BAO_LAC);
});
afterEach(async () => {
  await province.close();
  await district.close();
});

/** The head of a bundle as `site` would write it. */
function headOf(site: { id: string; name: string }): Record<string, unknown> {
  return {
    format: 'aid-ledger-bundle',
    formatVersion: 2,
    schemaVersion: 15,
    site,
    createdAt: new Date().toISOString(),
    since: '',
  };
}

describe('a bundle from an office this ledger does not know', () => {
  /** 21 deletions of the province's records, their ids read from its own reference bundle (which every district holds). */
  function tombstonesOf(reference: Buffer, site: string): ForgedContent['lines'] {
    const entities: Record<string, string> = {
      places: 'place',
      donors: 'donor',
      pledges: 'pledge',
      exchange_rates: 'exchange_rate',
    };
    const ms = Date.now();
    return openForged(reference)
      .lines.filter((l) => l[0] === 'r' && entities[l[1] as string])
      .slice(-21)
      .map((l, n) => [
        't',
        {
          entity: entities[l[1] as string],
          id: (l[2] as { id: string }).id,
          version: versionAt(ms, site, n),
          origin_site: site,
          deleted_at: new Date(ms).toISOString(),
          base_version: '',
        },
      ]);
  }

  it('is refused whole, raw or signed with a key nobody accepted, and nothing changes', async () => {
    const reference = await exportFrom(province, true);
    const stranger = { id: 'f0f0f0f0-0000-4000-8000-000000000001', name: 'Văn phòng lạ' };
    const content = { head: headOf(stranger), lines: tombstonesOf(reference, stranger.id) };
    expect(content.lines).toHaveLength(21);
    const raw = forgeBundle(content);
    await expectRefused(province, raw, 'unsigned_bundle', ['phiên bản trước', 'earlier release']);
    // Taken on purpose, an unsigned bundle must still come from an office recorded here as on an earlier release.
    await expectRefused(province, raw, 'unknown_office', ['chưa có trong danh sách đơn vị', 'does not know'], {
      acceptUnsigned: true,
    });
    const signed = forgeBundle(
      { ...content, head: { ...content.head, formatVersion: 3 } },
      { signWith: strangerKey(stranger.id) },
    );
    await expectRefused(province, signed, 'unknown_office', [stranger.id, 'accept its office card first']);
    // Signed with the stranger's key in the name of a known office: not that office's signature.
    const posing = forgeBundle(
      { head: headOf({ id: district.ledger.site.id, name: 'Huyện Bảo Lạc' }), lines: content.lines },
      { signWith: strangerKey(district.ledger.site.id) },
    );
    await expectRefused(province, posing, 'invalid_input', [
      'chữ ký không phải của Huyện Bảo Lạc',
      'not that of Huyện Bảo Lạc',
    ]);
    expect((await province.service.invoke('pledges.summary', {})).count).toBe(2);
  });

  it("with a bad signature is refused: the body changed under a new checksum, or another office's signature", async () => {
    await pledgeAt(district, XA_BAO_LAC, 5_000_000);
    const genuine = await exportFrom(district);
    const { header, body } = openForged(genuine);
    const [, , , signer, signature] = header.split(' ');
    // One byte of the body changed, the checksum recomputed, the signature kept.
    const changed = Buffer.from(body);
    changed[changed.length - 5]! ^= 0x01;
    const recomputed = seal(changed, { format: 3 });
    const altered = Buffer.concat([
      Buffer.from(`${recomputed.subarray(0, recomputed.indexOf(0x0a)).toString('ascii')} ${signer} ${signature}\n`),
      changed,
    ]);
    await expectRefused(province, altered, 'invalid_input', ['chữ ký không phải của', 'the signature is not that of']);
    // Another office the province knows signed it, in the district's name.
    const other = await districtOffice('Huyện Nguyên Bình', HUYEN_NGUYEN_BINH);
    try {
      const resigned = seal(body, { signWith: keyOf(other.ledger), signerId: district.ledger.site.id });
      await expectRefused(province, resigned, 'invalid_input', ['chữ ký không phải của Huyện Bảo Lạc', 'signature']);
      // Or in its own name, over the district's content: the bundle says it is from another office than its signer.
      const relabelled = seal(body, { signWith: keyOf(other.ledger) });
      await expectRefused(province, relabelled, 'invalid_input', ['được ký bởi Huyện Nguyên Bình', 'signed by']);
    } finally {
      await other.close();
    }
    expect(await receive(province, genuine)).toMatchObject({ inserted: 2 });
  });

  it("is never this office's own: its own bundle, or rows and history in its name, are refused", async () => {
    await expectRefused(province, await exportFrom(province), 'invalid_input', [
      'chính đơn vị này tạo ra',
      'made by this office itself',
    ]);
    // The district sends, signed with its own key, the province's pledge at amount 1 and a history entry in the
    // province's name: the province alone makes its own records.
    const reference = decodeBundle(await exportFrom(province, true));
    const theirs = reference.records.pledges[0]!;
    const provinceId = province.ledger.site.id;
    const later = versionAt(Date.now() + 1_000, provinceId);
    const key = keyOf(district.ledger);
    const site = { id: district.ledger.site.id, name: 'Huyện Bảo Lạc' };
    const forgedRow = forgeBundle(
      {
        head: headOf(site),
        lines: [['r', 'pledges', { ...theirs, amount_minor: 1, version: later, base_version: theirs.version }]],
      },
      { signWith: key },
    );
    await expectRefused(province, forgedRow, 'invalid_input', [
      'nhân danh chính đơn vị này (Sở Ngoại vụ Cao Bằng)',
      'in the name of this office (Sở Ngoại vụ Cao Bằng)',
    ]);
    const entry = {
      id: '0e0e0e0e-0000-4000-8000-000000000001',
      at: '2020-01-01T00:00:00.000Z',
      site_id: provinceId,
      action: 'update',
      entity: 'pledge',
      entity_id: theirs.id,
      note: 'Giám đốc Sở đã duyệt',
    };
    const forgedHistory = forgeBundle({ head: headOf(site), lines: [['a', entry]] }, { signWith: key });
    const message = await expectRefused(province, forgedHistory, 'invalid_input', [
      'mục lịch sử không do Huyện Bảo Lạc ghi',
      'history entries not written by Huyện Bảo Lạc',
    ]);
    expect(message.en).toContain(entry.id);
    // The province may relay other offices' records, but not author the district's.
    const districtPledge = await pledgeAt(district, XA_BAO_LAC, 7_000_000);
    await receive(province, await exportFrom(district));
    const relayed = decodeBundle(await exportFrom(province, true)).records.pledges.find(
      (r) => r.id === districtPledge.id,
    )!;
    const inDistrictName = forgeBundle(
      {
        head: headOf({ id: provinceId, name: 'Sở Ngoại vụ Cao Bằng' }),
        lines: [
          [
            'r',
            'pledges',
            { ...relayed, amount_minor: 1, version: versionAt(Date.now() + 1_000, relayed.origin_site) },
          ],
        ],
      },
      { signWith: keyOf(province.ledger) },
    );
    await expectRefused(district, inDistrictName, 'invalid_input', [
      'nhân danh chính đơn vị này (Huyện Bảo Lạc)',
      'Huyện Bảo Lạc',
    ]);
    expect((await district.service.invoke('pledges.get', { id: districtPledge.id })).pledge.amountMinor).toBe(
      7_000_000,
    );
  });
});

describe('what a district office may change', () => {
  it('merges what lies in its place: its pledges (at the units its units became too), deliveries, donors, items and new rates', async () => {
    const here = await pledgeAt(district, HUYEN_BAO_LAC, 10_000_000);
    const successor = await pledgeAt(district, XA_BAO_LAC, 20_000_000, 'Nhà ở xã mới');
    await district.service.invoke('deliveries.create', {
      pledgeId: here.id,
      deliveryDate: '2025-09-20',
      amountMinor: 1_000_000,
    });
    await district.service.invoke('rates.set', { currency: 'EUR', validOn: '2025-09', rate: '30000', source: 'BIDV' });
    const donor = (await district.service.invoke('donors.list', {})).find((d) => d.name === 'Quỹ của Huyện Bảo Lạc')!;
    await district.service.invoke('items.create', {
      name: 'Nhà cho hộ nghèo Bảo Lạc',
      donorId: donor.id,
      modality: 'project',
      sector: 'Nhà ở',
      placeIds: [XA_BAO_LAC],
      stage: 'proposed',
      stageDate: '2025-09-01',
    });
    // And a pledge of the province's in its place, amended there.
    const provincial = await pledgeNamed(district, 'Nhà của tỉnh ở Bảo Lạc');
    await district.service.invoke('pledges.update', {
      id: provincial.id,
      reason: 'Theo biên bản của huyện',
      amountMinor: 120_000_000,
    });
    const counts = await receive(province, await exportFrom(district));
    expect(counts).toMatchObject({ conflicts: 0, updated: 1 });
    expect(counts.inserted).toBeGreaterThanOrEqual(7);
    for (const p of [here, successor])
      expect((await province.service.invoke('pledges.get', { id: p.id })).pledge.amountMinor).toBe(p.amountMinor);
    expect((await province.service.invoke('pledges.get', { id: provincial.id })).pledge.amountMinor).toBe(120_000_000);
    expect((await province.service.invoke('rates.list', {})).map((r) => r.currency).sort()).toEqual(['EUR', 'USD']);
    // What it deletes in its place goes too.
    await district.service.invoke('pledges.delete', { id: successor.id });
    expect(await receive(province, await exportFrom(district))).toMatchObject({ deleted: 1 });
  });

  it('refuses, whole and naming the records, a pledge in another district, a place edit, a rate change and a deletion out of its place', async () => {
    const before = await exportFrom(district);
    expect(await receive(province, before)).toMatchObject({ conflicts: 0 });
    const cases: [string, () => Promise<unknown>, [string, string]][] = [
      [
        'pledge',
        () => pledgeAt(district, XA_NGUYEN_BINH, 3_000_000, 'Quà ở Nguyên Bình'),
        ['cam kết 2025-09-01 "Quà ở Nguyên Bình"', 'the pledge 2025-09-01 "Quà ở Nguyên Bình"'],
      ],
      [
        'moved',
        async () => {
          const p = await pledgeNamed(district, 'Nhà của tỉnh ở Bảo Lạc');
          await district.service.invoke('pledges.update', { id: p.id, reason: 'Chuyển', placeId: HUYEN_NGUYEN_BINH });
        },
        ['"Nhà của tỉnh ở Bảo Lạc"', '"Nhà của tỉnh ở Bảo Lạc"'],
      ],
      [
        'place',
        () => district.service.invoke('places.update', { id: XA_NGUYEN_BINH, name: 'Nguyên Bình Mới' }),
        ['địa bàn "Nguyên Bình Mới"', 'only the province changes the places'],
      ],
      [
        'rate',
        async () => {
          await district.service.invoke('rates.set', {
            currency: 'USD',
            validOn: '2025-09',
            rate: '27000',
            source: 'Chợ',
          });
        },
        ['tỷ giá USD 2025-09', 'this ledger has a rate for this currency and period'],
      ],
      [
        'deletion',
        async () => {
          const p = await pledgeNamed(district, 'Quà của tỉnh ở Nguyên Bình');
          await district.service.invoke('pledges.delete', { id: p.id });
        },
        ['lệnh xóa cam kết 2025-09-01 "Quà của tỉnh ở Nguyên Bình"', 'the deletion of the pledge'],
      ],
    ];
    for (const [what, change, words] of cases) {
      // Each change alone, on a fresh copy of the district as it was.
      await district.close();
      district = await districtOffice(`Huyện Bảo Lạc (${what})`, HUYEN_BAO_LAC);
      await change();
      const message = await expectRefused(province, await exportFrom(district), 'invalid_input', words);
      expect(message.vi, what).toContain('chỉ được thay đổi dữ liệu trên địa bàn của mình');
      expect(message.en, what).toContain(`(Huyện Bảo Lạc) and may change only what lies there`);
    }
  });

  it('names at most ten records and counts the rest', async () => {
    for (let n = 0; n < 12; n++) await pledgeAt(district, XA_NGUYEN_BINH, 1_000 + n, `Quà ${n}`);
    const message = await expectRefused(province, await exportFrom(district), 'invalid_input', [
      'và 2 bản ghi khác',
      'and 2 more',
    ]);
    expect(message.vi.match(/cam kết 2025/g)).toHaveLength(10);
  });

  it("repeats a merge of donors entered twice, but changes no other office's donor", async () => {
    // Entered at both offices before they exchange: the same names, ids drawn apart.
    const names = ['Plan International', 'World Vision', 'Oxfam', 'CARE', 'Save the Children', 'ActionAid'];
    for (const name of names) await province.service.invoke('donors.create', { name, kind: 'foreign_ngo' });
    for (const name of names)
      await district.service.invoke('donors.create', { name: name.toUpperCase(), kind: 'foreign_ngo' });
    await receive(district, await exportFrom(province));
    // The province's donors the district merged into its own (those whose ids come later) travel as its changes.
    const fromDistrict = await exportFrom(district);
    const provinceIds = new Set(
      (await province.service.invoke('donors.list', {})).filter((d) => names.includes(d.name)).map((d) => d.id),
    );
    const repeated = decodeBundle(fromDistrict).records.donors.filter(
      (d) => provinceIds.has(d.id) && d.origin_site === district.ledger.site.id,
    );
    expect(repeated.length).toBeGreaterThan(0);
    expect(await receive(province, fromDistrict)).toMatchObject({ conflicts: 0 });
    const standing = async (t: TestLedger) => (await t.service.invoke('donors.list', {})).map((d) => d.id).sort();
    expect(await standing(province)).toEqual(await standing(district));
    // Notes on a donor the province entered are not the district's to change.
    const provincial = (await district.service.invoke('donors.list', {})).find(
      (d) => provinceIds.has(d.id) && d.mergedInto === null,
    )!;
    await district.service.invoke('donors.update', { id: provincial.id, notes: 'Sửa ở huyện' });
    await expectRefused(province, await exportFrom(district), 'invalid_input', [
      'nhà tài trợ do đơn vị khác nhập hoặc sửa',
      'a donor another office entered or changed',
    ]);
  });

  it("refuses a change made by another office that it carries, while the province relays every office's records", async () => {
    const other = await districtOffice('Huyện Nguyên Bình', HUYEN_NGUYEN_BINH);
    try {
      const mine = await pledgeAt(other, XA_NGUYEN_BINH, 9_000_000, 'Nhà ở Nguyên Bình');
      await receive(province, await exportFrom(other));
      // The province's full bundle carries the other district's records to this one, and back to that one unchanged.
      expect(await receive(district, await exportFrom(province, true))).toMatchObject({ conflicts: 0 });
      expect((await district.service.invoke('pledges.get', { id: mine.id })).pledge.amountMinor).toBe(9_000_000);
      expect((await receive(other, await exportFrom(province, true))).inserted).toBe(0);
      // The two districts joined each other directly: an edit of the other's passed on by this one is not its own.
      await introduce(district, other);
      await other.service.invoke('pledges.update', { id: mine.id, reason: 'Sửa', amountMinor: 9_500_000 });
      await receive(district, await exportFrom(other));
      await expectRefused(province, await exportFrom(district, true), 'invalid_input', [
        'mang thay đổi do đơn vị khác tạo ra',
        'carries a change made by another office',
      ]);
      // Its own changes alone still go through.
      expect(await receive(province, await exportFrom(district))).toMatchObject({ conflicts: 0 });
    } finally {
      await other.close();
    }
  });
});

describe('an office on an earlier release', () => {
  it('is taken on purpose only when recorded without a key, and refused again once it sends its card', async () => {
    const earlier = await tempLedger({ seed: false, siteName: 'Xã Bảo Lạc (bản cũ)' });
    try {
      // It holds the province's units and pledges as an earlier release would have received them.
      await introduce(province, earlier);
      await receive(earlier, await exportFrom(province, true));
      province.ledger.sqlite.prepare('DELETE FROM offices WHERE site_id = ?').run(earlier.ledger.site.id);
      await pledgeAt(earlier, XA_BAO_LAC, 4_000_000, 'Nhà của xã');
      // Its bundle as an earlier release writes it: format 2, no signature.
      const unsigned = forgeBundle({
        ...contentOf(decodeBundle(await exportFrom(earlier))),
        head: { ...headOf({ id: earlier.ledger.site.id, name: 'Xã Bảo Lạc (bản cũ)' }) },
      });
      await expectRefused(province, unsigned, 'unsigned_bundle', [
        'hãy cập nhật ứng dụng ở đơn vị đó',
        'update that office and let it join',
      ]);
      await expectRefused(province, unsigned, 'unknown_office', ['dùng phiên bản cũ trước', 'earlier release first'], {
        acceptUnsigned: true,
      });
      const recorded = await province.service.invoke('offices.admit', {
        fileName: 'xa-bao-lac.aidledger',
        base64: unsigned.toString('base64'),
        role: 'district',
        placeId: XA_BAO_LAC,
      });
      expect(recorded).toMatchObject({ name: 'Xã Bảo Lạc (bản cũ)', code: null, role: 'district' });
      await expectRefused(province, unsigned, 'unsigned_bundle', ['phiên bản trước', 'earlier release']);
      expect(await receive(province, unsigned, { acceptUnsigned: true })).toMatchObject({ conflicts: 0 });
      expect(await pledgeNamed(province, 'Nhà của xã')).toBeDefined();
      // Under every other rule: out of its place, refused.
      await pledgeAt(earlier, XA_NGUYEN_BINH, 1_000, 'Quà ngoài xã');
      const outside = forgeBundle({
        ...contentOf(decodeBundle(await exportFrom(earlier))),
        head: headOf({ id: earlier.ledger.site.id, name: 'Xã Bảo Lạc (bản cũ)' }),
      });
      await expectRefused(province, outside, 'invalid_input', ['"Quà ngoài xã"', 'may change only what lies there'], {
        acceptUnsigned: true,
      });
      // Once upgraded it sends its card: its record gains the key, and unsigned bundles in its name are refused.
      const card = await earlier.service.invoke('offices.card', {});
      expect(
        await province.service.invoke('offices.accept', {
          card: card.text,
          officeCode: card.code,
          placeId: XA_BAO_LAC,
        }),
      ).toMatchObject({ code: card.code, placeId: XA_BAO_LAC });
      await expectRefused(province, unsigned, 'unsigned_bundle', ['đã gửi thẻ đơn vị', 'has sent its card'], {
        acceptUnsigned: true,
      });
      // Its next (signed) bundle still carries what lies outside its place.
      const signed = await exportFrom(earlier, true);
      await expectRefused(province, signed, 'invalid_input', ['"Quà ngoài xã"', 'Quà ngoài xã']);
    } finally {
      await earlier.close();
    }
  });
});

describe('joining', () => {
  let stranger: TestLedger;
  beforeEach(async () => {
    stranger = await tempLedger({ seed: false, siteName: 'Huyện Hà Quảng' });
    await stranger.service.invoke('places.choose', { province: '04' });
    await stranger.service.invoke('settings.update', { siteRole: 'district', sitePlaceId: HUYEN_NGUYEN_BINH });
  });
  afterEach(() => stranger.close());

  const accept = (to: LedgerService, extra: Partial<MethodInput<'offices.accept'>>) =>
    stranger.service
      .invoke('offices.card', {})
      .then((card) => to.call('offices.accept', { card: card.text, officeCode: card.code, ...extra }));

  it('needs the code read aloud: a wrong one, an altered card or its own card are refused and nothing recorded', async () => {
    const card = await stranger.service.invoke('offices.card', {});
    expect(card.code).toMatch(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/);
    expect(card).toMatchObject({ name: 'Huyện Hà Quảng', role: 'district', placeName: 'Huyện Nguyên Bình' });
    const before = tableHashes(province.ledger);
    const wrong = `${card.code.slice(0, -1)}${card.code.endsWith('A') ? 'B' : 'A'}`;
    expect(await accept(province.service, { officeCode: wrong })).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        field: 'officeCode',
        message: {
          vi: expect.stringContaining('Mã xác nhận của đơn vị: không khớp với thẻ của Huyện Hà Quảng'),
          en: expect.stringContaining("The office's code: does not match the card of Huyện Hà Quảng"),
        },
      },
    });
    const altered = card.text.replace('Huyện Hà Quảng', 'Sở Ngoại vụ Cao Bằng');
    expect(await province.service.call('offices.accept', { card: altered, officeCode: card.code })).toMatchObject({
      ok: false,
      error: { field: 'card', message: { en: expect.stringContaining('was altered') } },
    });
    expect(await province.service.call('offices.accept', { card: 'not a card', officeCode: card.code })).toMatchObject({
      ok: false,
      error: { field: 'card', message: { vi: expect.stringContaining('không phải thẻ đơn vị') } },
    });
    const own = await province.service.invoke('offices.card', {});
    expect(await province.service.call('offices.accept', { card: own.text, officeCode: own.code })).toMatchObject({
      ok: false,
      error: { message: { en: expect.stringContaining("this office's own card") } },
    });
    expect(tableHashes(province.ledger)).toEqual(before);
    // Typed as heard, in groups and lower case, it is the same code; the card proposes its place.
    const spoken = card.code.toLowerCase().replaceAll('-', ' ');
    expect(await accept(province.service, { officeCode: spoken })).toMatchObject({
      ok: true,
      result: { name: 'Huyện Hà Quảng', role: 'district', placeId: HUYEN_NGUYEN_BINH, revokedAt: null },
    });
    expect((await province.service.invoke('offices.list', {})).map((o) => [o.name, o.code])).toEqual([
      ['Huyện Bảo Lạc', expect.stringMatching(/^[A-Z2-7]{4}-[A-Z2-7]{4}-[A-Z2-7]{4}$/)],
      ['Huyện Hà Quảng', card.code],
    ]);
  });

  it('lets the province set a district office its place, and needs one', async () => {
    await stranger.service.invoke('settings.update', { sitePlaceId: null });
    expect(await accept(province.service, {})).toMatchObject({ ok: false, error: { field: 'placeId' } });
    expect(await accept(province.service, { placeId: HUYEN_BAO_LAC })).toMatchObject({
      ok: true,
      result: { placeId: HUYEN_BAO_LAC, placeName: 'Huyện Bảo Lạc' },
    });
  });

  it("refuses a revoked office's bundles, and its card again", async () => {
    await pledgeAt(district, XA_BAO_LAC, 5_000_000);
    const bundle = await exportFrom(district);
    const revoked = await province.service.invoke('offices.revoke', { siteId: district.ledger.site.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expectRefused(province, bundle, 'office_revoked', ['đã bị thu hồi', 'was revoked']);
    const card = await district.service.invoke('offices.card', {});
    expect(await province.service.call('offices.accept', { card: card.text, officeCode: card.code })).toMatchObject({
      ok: false,
      error: { code: 'office_revoked', field: 'card' },
    });
    expect(await province.service.call('offices.revoke', { siteId: district.ledger.site.id })).toMatchObject({
      ok: false,
      error: { field: 'siteId' },
    });
  });

  it('accepts a revoked office again with a new key, read aloud anew, and then its bundles', async () => {
    await pledgeAt(district, XA_BAO_LAC, 5_000_000);
    const oldCard = await district.service.invoke('offices.card', {});
    await province.service.invoke('offices.revoke', { siteId: district.ledger.site.id });
    // The office's computer replaced: the same ledger (restored from its backup) with a key made anew.
    district.ledger.sqlite.prepare(`DELETE FROM settings WHERE key IN ('site.publicKey', 'site.privateKey')`).run();
    await ensureKeys(district.ledger.db, new Date().toISOString());
    const newCard = await district.service.invoke('offices.card', {});
    expect(newCard.code).not.toBe(oldCard.code);
    expect(
      await province.service.call('offices.accept', { card: newCard.text, officeCode: oldCard.code }),
    ).toMatchObject({ ok: false, error: { field: 'officeCode' } });
    expect(
      await province.service.invoke('offices.accept', { card: newCard.text, officeCode: newCard.code }),
    ).toMatchObject({ code: newCard.code, revokedAt: null });
    expect(await province.service.invoke('sync.import', input(await exportFrom(district, true)))).toMatchObject({
      inserted: expect.any(Number),
    });
    // The revoked key's bundles and card stay refused.
    expect(
      await province.service.call('offices.accept', { card: oldCard.text, officeCode: oldCard.code }),
    ).toMatchObject({ ok: false, error: { field: 'card' } });
  });
});
