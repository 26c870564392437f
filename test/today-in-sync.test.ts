/**
 * "Nay thuộc" travels in bundles: a pledge's unit of today reaches the other office with its history, a bundle of an
 * earlier release (without the column) still merges, and a bundle naming a unit that is not there is refused.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Place } from '../contract';
import { contextFor } from '../db/core/context';
import { CAO_BANG_CODE } from '../db/places/catalogue';
import { exportBundle } from '../db/sync/export';
import { decodeBundle } from '../db/sync/format';
import { importBundle, type MergeCounts } from '../db/sync/import';
import { contentOf, forgeBundle, keyOf } from './forge';
import { introduce, tempLedger, type TestLedger } from './helpers';

let province: TestLedger;
let district: TestLedger;
let former: Place;
let heirA: Place;
let heirB: Place;

const exportFrom = (t: TestLedger, all = false) =>
  t.ledger.db.transaction().execute(async (trx) => (await exportBundle(contextFor(t.ledger, trx), { all })).bytes);
const importInto = (t: TestLedger, bytes: Buffer): Promise<MergeCounts> =>
  t.ledger.db.transaction().execute((trx) => importBundle(contextFor(t.ledger, trx), bytes, { allowDeletions: false }));
/** The district's latest bundle with its pledge rows changed by `alter`, signed as the district signs. */
async function alteredBundle(alter: (row: Record<string, unknown>) => void): Promise<Buffer> {
  const bundle = decodeBundle(await exportFrom(district));
  for (const row of bundle.records.pledges ?? []) alter(row as Record<string, unknown>);
  return forgeBundle(contentOf(bundle), { signWith: keyOf(district.ledger) });
}
const pledgeRow = (t: TestLedger, id: string) =>
  t.ledger.sqlite.prepare('SELECT today_place_id FROM pledges WHERE id = ?').get(id) as
    | { today_place_id: string | null }
    | undefined;

beforeEach(async () => {
  province = await tempLedger({ seed: false, siteName: 'Sở Ngoại vụ' });
  await province.service.invoke('places.choose', { province: CAO_BANG_CODE });
  const places = await province.service.invoke('places.list', {});
  former = places.find((p) => p.level === 'commune' && p.validTo !== null && p.successorIds.length === 1)!;
  heirA = places.find((p) => p.id === former.successorIds[0])!;
  heirB = places.find((p) => p.level === 'commune' && p.validTo === null && p.id !== heirA.id)!;
  // The province splits the former commune between two communes of today.
  await province.service.invoke('places.update', { id: former.id, successorIds: [heirA.id, heirB.id] });
  district = await tempLedger({ seed: false, siteName: 'Huyện Bảo Lạc' });
  await introduce(province, district);
  await importInto(district, await exportFrom(province, true));
});
afterEach(async () => {
  await province.close();
  await district.close();
});

async function districtPledge(todayPlaceId: string | null) {
  const donor = await district.service.invoke('donors.create', { name: 'Quỹ Hy vọng', kind: 'foundation' });
  return district.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId: former.id,
    kind: 'house',
    description: 'Nhà tình nghĩa',
    amountMinor: 50_000_000,
    currency: 'VND',
    pledgeDate: '2022-07-07',
    todayPlaceId,
  });
}

describe('"nay thuộc" in bundles', () => {
  it('reaches the other office with its changes in the history, and counts there in its figures', async () => {
    const row = await districtPledge(heirB.id);
    await importInto(province, await exportFrom(district));
    expect(pledgeRow(province, row.id)).toEqual({ today_place_id: heirB.id });
    await district.service.invoke('pledges.update', { id: row.id, todayPlaceId: heirA.id });
    await importInto(province, await exportFrom(district));
    expect(pledgeRow(province, row.id)).toEqual({ today_place_id: heirA.id });
    const history = (await province.service.invoke('pledges.get', { id: row.id })).history;
    // The district's own entries, then the province's record of the change it received.
    const entries = history
      .filter((h) => h.changes.some((c) => c.field === 'todayPlaceId'))
      .map((h) => [h.siteName, h.received !== null, h.changes.find((c) => c.field === 'todayPlaceId')]);
    expect(entries).toEqual([
      ['Huyện Bảo Lạc', false, { field: 'todayPlaceId', before: null, after: heirB.id }],
      ['Huyện Bảo Lạc', false, { field: 'todayPlaceId', before: heirB.id, after: heirA.id }],
      ['Sở Ngoại vụ', true, { field: 'todayPlaceId', before: heirB.id, after: heirA.id }],
    ]);
    const today = await province.service.invoke('totals', { by: 'place', filter: { unitsOf: '2026-12-04' } });
    expect(today.groups.find((g) => g.key === heirA.id)?.pledged).toBe(50_000_000);
    expect(today.groups.find((g) => g.key === former.id)).toBeUndefined();
  });

  it('merges a bundle of an earlier release, whose rows have no such column, leaving what is here', async () => {
    const row = await districtPledge(null);
    const older = await alteredBundle((r) => {
      delete r.today_place_id;
    });
    await importInto(province, older);
    expect(pledgeRow(province, row.id)).toEqual({ today_place_id: null });
  });

  it('refuses a bundle whose pledge names a unit not there, or its own place, and writes nothing', async () => {
    const row = await districtPledge(heirB.id);
    // Both made from one bundle: a bundle made is not made again.
    const bundle = decodeBundle(await exportFrom(district));
    const altered = (value: (row: Record<string, unknown>) => unknown) => {
      const copy = structuredClone(bundle);
      for (const r of copy.records.pledges ?? []) (r as Record<string, unknown>).today_place_id = value(r);
      return forgeBundle(contentOf(copy), { signWith: keyOf(district.ledger) });
    };
    await expect(
      importInto(
        province,
        altered(() => '00000000-0000-4000-8000-00000000abcd'),
      ),
    ).rejects.toThrow(/Today in \(today_place_id\) points to a place/);
    await expect(
      importInto(
        province,
        altered((r) => r.place_id),
      ),
    ).rejects.toThrow(/Today in \(today_place_id\) is the pledge's own place/);
    expect(pledgeRow(province, row.id)).toBeUndefined();
  });
});
