/**
 * Provinces kept apart: a bundle says the province of the ledger that made it, and a ledger of another province
 * refuses it whole, naming both; a national ledger takes every province's. A bundle that says none (an earlier
 * release's) or speaks for the whole country is judged by where its pledges and aid items lie; a former province
 * merged into this one is this one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Place } from '../contract';
import { LedgerError } from '../contract/errors';
import { contextFor } from '../db/core/context';
import { exportBundle } from '../db/sync/export';
import { decodeBundle } from '../db/sync/format';
import { importBundle } from '../db/sync/import';
import { contentOf, forgeBundle, keyOf } from './forge';
import { introduce, tableHashes, tempLedger, type TestLedger } from './helpers';

let tuyenQuang: TestLedger;
let tqDistrict: TestLedger;
let caoBang: TestLedger;
let national: TestLedger;
let legacy: TestLedger;

const exportFrom = (t: TestLedger, all = false) =>
  t.ledger.db.transaction().execute(async (trx) => (await exportBundle(contextFor(t.ledger, trx), { all })).bytes);
const importInto = (t: TestLedger, bytes: Buffer, from?: (f: { office: string; province: string | null }) => void) =>
  t.ledger.db.transaction().execute((trx) => importBundle(contextFor(t.ledger, trx), bytes, from ? { from } : {}));
/** The refusal's Vietnamese and English, or '' when the bundle was taken. */
async function refusalOf(t: TestLedger, bytes: Buffer): Promise<{ vi: string; en: string } | null> {
  try {
    await importInto(t, bytes);
    return null;
  } catch (error) {
    if (!(error instanceof LedgerError)) throw error;
    return error.toShape().message;
  }
}
/** The same bundle as an earlier release wrote it: no province in its head, signed by the same office. */
function withoutProvince(t: TestLedger, bytes: Buffer): Buffer {
  const bundle = decodeBundle(bytes);
  expect(bundle.province).toBeDefined();
  delete bundle.province;
  return forgeBundle(contentOf(bundle), { signWith: keyOf(t.ledger) });
}
/** The same bundle with its head saying another province (or the whole country). */
function saying(t: TestLedger, bytes: Buffer, province: unknown): Buffer {
  const bundle = decodeBundle(bytes) as unknown as Record<string, unknown>;
  bundle.province = province;
  return forgeBundle(contentOf(bundle as never), { signWith: keyOf(t.ledger) });
}

const unit = (places: Place[], displayName: string, level?: Place['level']) =>
  places.find((p) => p.displayName === displayName && (!level || p.level === level))!;

async function pledgeAt(t: TestLedger, placeId: string, description: string, pledgeDate = '2022-10-15') {
  const donor = await t.service.invoke('donors.create', { name: `Quỹ ${description}`, kind: 'foundation' });
  return t.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId,
    kind: 'house',
    description,
    amountMinor: 3_700_000_000,
    currency: 'VND',
    pledgeDate,
  });
}

beforeAll(async () => {
  tuyenQuang = await tempLedger({ seed: false, siteName: 'Sở Ngoại vụ Tuyên Quang' });
  await tuyenQuang.service.invoke('places.choose', { province: '08' });
  tqDistrict = await tempLedger({ seed: false, siteName: 'Xã Mèo Vạc' });
  await tqDistrict.service.invoke('places.choose', { province: 'Tuyên Quang' });
  caoBang = await tempLedger({ seed: false, siteName: 'Sở Ngoại vụ Cao Bằng' });
  await caoBang.service.invoke('places.choose', { province: '04' });
  national = await tempLedger({ seed: false, siteName: 'Bộ Ngoại giao' });
  await national.service.invoke('places.choose', { province: 'all' });
  // A ledger of an earlier release: Cao Bằng's seeded units, no province chosen.
  legacy = await tempLedger({ siteName: 'Sổ cũ Cao Bằng' });
  for (const [a, b] of [
    [caoBang, tuyenQuang],
    [caoBang, national],
    [tuyenQuang, national],
    [tqDistrict, tuyenQuang],
    [legacy, tuyenQuang],
    [legacy, caoBang],
    [national, caoBang],
  ] as const)
    await introduce(a, b);
}, 120_000);
afterAll(async () => {
  for (const t of [tuyenQuang, tqDistrict, caoBang, national, legacy]) await t.close();
});

describe('a bundle of another province', () => {
  it("says its ledger's province in its head", async () => {
    expect(decodeBundle(await exportFrom(caoBang)).province).toEqual({ code: '04', name: 'Tỉnh Cao Bằng' });
    expect(decodeBundle(await exportFrom(tuyenQuang)).province).toEqual({ code: '08', name: 'Tỉnh Tuyên Quang' });
    expect(decodeBundle(await exportFrom(national)).province).toEqual({ code: 'all', name: 'Toàn quốc' });
    // A ledger of an earlier release serves its first province.
    expect(decodeBundle(await exportFrom(legacy)).province).toEqual({ code: '04', name: 'Tỉnh Cao Bằng' });
  });

  it('is refused whole, naming both provinces, and the ledger is not changed', async () => {
    const places = await caoBang.service.invoke('places.list', {});
    await pledgeAt(caoBang, unit(places, 'Huyện Nguyên Bình').id, 'Trường học Nguyên Bình');
    const bytes = await exportFrom(caoBang);
    const before = tableHashes(tuyenQuang.ledger);
    const told: { office: string; province: string | null }[] = [];
    await expect(importInto(tuyenQuang, bytes, (f) => told.push(f))).rejects.toThrow(LedgerError);
    expect(told).toEqual([{ office: 'Sở Ngoại vụ Cao Bằng', province: 'Tỉnh Cao Bằng' }]);
    const refusal = (await refusalOf(tuyenQuang, bytes))!;
    expect(refusal.vi).toContain('sổ của Tỉnh Cao Bằng');
    expect(refusal.vi).toContain('sổ của Tỉnh Tuyên Quang');
    expect(refusal.en).toContain('a ledger of Tỉnh Cao Bằng');
    expect(refusal.en).toContain('one of Tỉnh Tuyên Quang');
    expect(tableHashes(tuyenQuang.ledger)).toEqual(before);
    // Its full bundle too, and in the quarter's pass: the file refused, nothing written.
    const full = await exportFrom(caoBang, true);
    expect((await refusalOf(tuyenQuang, full))?.vi).toContain('sổ của Tỉnh Cao Bằng');
    const pass = await tuyenQuang.service.invoke('imports.files', {
      files: [{ fileName: 'cao-bang.aidledger', base64: bytes.toString('base64') }],
    });
    expect(pass.written).toBe(false);
    expect(pass.files[0]).toMatchObject({ sender: 'Sở Ngoại vụ Cao Bằng', province: 'Tỉnh Cao Bằng' });
    expect(pass.files[0]!.errors[0]!.message).toContain('sổ này là sổ của Tỉnh Tuyên Quang');
    expect(tableHashes(tuyenQuang.ledger)).toEqual(before);
  });

  it("is refused by a ledger of an earlier release's province too, and refuses it", async () => {
    const bytes = await exportFrom(legacy, true);
    expect((await refusalOf(tuyenQuang, bytes))?.vi).toContain('sổ của Tỉnh Cao Bằng');
    // Cao Bằng's own ledger takes it.
    expect(await refusalOf(caoBang, bytes)).toBeNull();
  });

  it("is taken by a national ledger, every province's", async () => {
    const tqPlaces = await tuyenQuang.service.invoke('places.list', {});
    await pledgeAt(tuyenQuang, unit(tqPlaces, 'Xã Mèo Vạc', 'commune').id, 'Bể nước Mèo Vạc', '2025-10-15');
    const pledges = () =>
      (national.ledger.sqlite.prepare('SELECT count(*) AS n FROM pledges').get() as { n: number }).n;
    const before = pledges();
    const told: (string | null)[] = [];
    await importInto(national, await exportFrom(caoBang, true), (f) => told.push(f.province));
    await importInto(national, await exportFrom(tuyenQuang, true), (f) => told.push(f.province));
    expect(told).toEqual(['Tỉnh Cao Bằng', 'Tỉnh Tuyên Quang']);
    expect(pledges() - before).toBeGreaterThanOrEqual(2);
  });
});

describe('a bundle that does not say its province', () => {
  it("is judged by where its pledges lie: another province's refused, naming it and its units", async () => {
    const bytes = withoutProvince(caoBang, await exportFrom(caoBang, true));
    const before = tableHashes(tuyenQuang.ledger);
    const refusal = (await refusalOf(tuyenQuang, bytes))!;
    expect(refusal.vi).toContain('tại Tỉnh Cao Bằng (Huyện Nguyên Bình)');
    expect(refusal.vi).toContain('ngoài Tỉnh Tuyên Quang');
    expect(refusal.en).toContain('in Tỉnh Cao Bằng (Huyện Nguyên Bình), outside Tỉnh Tuyên Quang');
    expect(tableHashes(tuyenQuang.ledger)).toEqual(before);
  });

  it('is taken when they lie in this province or a former province merged into it (Hà Giang in Tuyên Quang)', async () => {
    const places = await tqDistrict.service.invoke('places.list', {});
    const formerCommune = places.find(
      (p) => p.displayName === 'Thị trấn Mèo Vạc' && p.validTo !== null && p.level === 'commune',
    )!;
    await pledgeAt(tqDistrict, formerCommune.id, 'Nhà văn hóa thị trấn Mèo Vạc', '2022-05-05');
    const told: (string | null)[] = [];
    expect(await refusalOf(tuyenQuang, withoutProvince(tqDistrict, await exportFrom(tqDistrict)))).toBeNull();
    // Said, it is taken as the same province's.
    await pledgeAt(tqDistrict, unit(places, 'Huyện Đồng Văn').id, 'Đường Đồng Văn', '2022-06-06');
    await importInto(tuyenQuang, await exportFrom(tqDistrict), (f) => told.push(f.province));
    expect(told).toEqual(['Tỉnh Tuyên Quang']);
  });

  it("from a national ledger, is judged by its places: this province's taken, another's refused", async () => {
    const places = await national.service.invoke('places.list', {});
    const today = (name: string) => places.find((p) => p.displayName === name && p.validTo === null)!;
    await pledgeAt(national, today('Phường Thục Phán').id, 'Trạm y tế Thục Phán', '2025-11-11');
    const told: (string | null)[] = [];
    await importInto(caoBang, await exportFrom(national), (f) => told.push(f.province));
    expect(told).toEqual(['Toàn quốc']);
    await pledgeAt(national, today('Phường Ba Đình').id, 'Trạm y tế Ba Đình', '2025-11-11');
    const refusal = (await refusalOf(caoBang, await exportFrom(national)))!;
    expect(refusal.vi).toContain('tại Thành phố Hà Nội (Phường Ba Đình)');
    expect(refusal.vi).toContain('ngoài Tỉnh Cao Bằng');
  });

  it('with a province that is not a code and a name, is refused as unreadable', async () => {
    const bytes = saying(caoBang, await exportFrom(caoBang), { code: 4, name: 'Cao Bằng' });
    expect((await refusalOf(tuyenQuang, bytes))?.vi).toContain('tỉnh của sổ gửi gói không hợp lệ');
  });
});
