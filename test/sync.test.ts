/** Change tracking and bundles: two installations exchanging files, in any order, twice, with edits on both sides. */
import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contextFor } from '../db/core/context';
import { exportBundle } from '../db/sync/export';
import { decodeBundle } from '../db/sync/format';
import { importBundle, type MergeCounts } from '../db/sync/import';
import { HybridClock, parseVersion } from '../db/sync/clock';
import { openLedger, type Ledger } from '../db/core/open';
import { chooseProvince } from '../db/places/install';
import { createLedgerService } from '../db/service';
import { contentOf, forgeBundle, keyOf, seal } from './forge';
import { introduce, tableCounts, tempLedger, totalsAgainstRows, type TestLedger } from './helpers';

let province: TestLedger;
let district: TestLedger;

async function exportFrom(t: TestLedger, all = false): Promise<Buffer> {
  return t.ledger.db
    .transaction()
    .execute(async (trx) => (await exportBundle(contextFor(t.ledger, trx), { all })).bytes);
}
async function importInto(t: TestLedger, bytes: Buffer, dryRun = false, allowDeletions = false): Promise<MergeCounts> {
  return t.ledger.db
    .transaction()
    .execute((trx) => importBundle(contextFor(t.ledger, trx), bytes, { dryRun, allowDeletions }));
}
/** Every ledger row as it reads, without the columns that differ by installation (search text). */
function snapshot(ledger: Ledger) {
  const out: Record<string, unknown[]> = {};
  for (const table of [
    'places',
    'place_successors',
    'donors',
    'pledges',
    'deliveries',
    'exchange_rates',
    'tombstones',
  ]) {
    out[table] = ledger.sqlite
      .prepare(`SELECT * FROM ${table} ORDER BY ${table === 'tombstones' ? 'entity, id' : 'id'}`)
      .all()
      .map((r) => {
        const { search_text: _s, ...rest } = r as Record<string, unknown>;
        return rest;
      });
  }
  return out;
}

beforeEach(async () => {
  province = await tempLedger({ siteName: 'Sở Ngoại vụ' });
  // The district starts from the province's reference data.
  district = await tempLedger({ seed: false, siteName: 'Huyện Bảo Lạc' });
  await introduce(province, district);
  await importInto(district, await exportFrom(province, true));
});
afterEach(async () => {
  await province.close();
  await district.close();
});

async function districtPledge(
  t: TestLedger,
  amount: number,
  description = 'Nhà tình nghĩa',
  donorName = `Quỹ hỗ trợ ${t.ledger.site.name}`,
) {
  const places = await t.service.invoke('places.list', {});
  const donor =
    (await t.service.invoke('donors.list', {})).find((d) => d.name === donorName) ??
    (await t.service.invoke('donors.create', { name: donorName, kind: 'foundation' }));
  return t.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId: places.find((p) => p.name === 'Bảo Lạc')!.id,
    kind: 'house',
    description,
    amountMinor: amount,
    currency: 'VND',
    pledgeDate: '2022-09-01',
  });
}

describe('the hybrid clock', () => {
  it('orders edits even when the wall clock stands still or goes back', () => {
    let now = 1_000;
    const clock = new HybridClock(
      () => 'site-a',
      () => now,
    );
    const a = clock.next();
    const b = clock.next();
    now = 500;
    const c = clock.next();
    expect([a, b, c]).toEqual([...[a, b, c]].sort());
    expect(new Set([a, b, c]).size).toBe(3);
    clock.observe('0000000000009000-000002-site-b');
    expect(clock.next() > '0000000000009000-000002-site-b').toBe(true);
    expect(parseVersion(a)).toEqual({ ms: 1000, counter: 0, site: 'site-a' });
  });
});

describe('the clock of a reopened ledger', () => {
  it('starts past every version already in the file, whichever table holds it and however many are empty', async () => {
    const t = await tempLedger({ seed: false });
    try {
      const donor = await t.service.invoke('donors.create', { name: 'Quỹ Đồng Hồ', kind: 'foreign_ngo' });
      // A version from an office whose clock runs far ahead, received before this ledger was closed.
      const ahead = '0009999999999999-000005-other-site';
      t.ledger.sqlite.prepare('UPDATE donors SET version = ? WHERE id = ?').run(ahead, donor.id);
      await t.ledger.close();
      const reopened = await openLedger(t.file);
      try {
        const next = await createLedgerService(reopened).invoke('donors.create', {
          name: 'Quỹ Sau',
          kind: 'foreign_ngo',
        });
        const version = (
          reopened.sqlite.prepare('SELECT version FROM donors WHERE id = ?').get(next.id) as { version: string }
        ).version;
        expect(version > ahead).toBe(true);
      } finally {
        await reopened.close();
      }
    } finally {
      await t.close();
    }
  });
});

describe('change tracking', () => {
  it('versions every write and leaves a tombstone for every deletion, in the same transaction', async () => {
    const p = await districtPledge(district, 100);
    const row = () =>
      district.ledger.sqlite
        .prepare('SELECT version, origin_site, base_version FROM pledges WHERE id = ?')
        .get(p.id) as Record<string, string>;
    const first = row();
    expect(first.origin_site).toBe(district.ledger.site.id);
    await district.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 200 });
    expect(row().version! > first.version!).toBe(true);
    const before = tableCounts(district.ledger);
    // A refused edit changes no version.
    await district.service.call('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: -1 });
    expect(tableCounts(district.ledger)).toEqual(before);
    await district.service.invoke('pledges.delete', { id: p.id });
    expect(district.ledger.sqlite.prepare(`SELECT entity, origin_site FROM tombstones WHERE id = ?`).get(p.id)).toEqual(
      { entity: 'pledge', origin_site: district.ledger.site.id },
    );
  });
});

describe('bundles', () => {
  it("carry a district's new records to the province once, whatever the number of imports", async () => {
    await districtPledge(district, 700_000_000);
    await districtPledge(district, 500_000_000, 'Quà Tết');
    const bundle = await exportFrom(district);
    expect(await importInto(province, bundle, true)).toMatchObject({ inserted: 3, conflicts: 0 });
    expect((await province.service.invoke('app.info', {})).counts.pledges).toBe(0); // the preview wrote nothing
    expect(await importInto(province, bundle)).toMatchObject({ inserted: 3, updated: 0, conflicts: 0 });
    // The place the pledges point to (and its province) travel with them, so the bundle stands on its own.
    expect(await importInto(province, bundle)).toMatchObject({ inserted: 0, updated: 0, conflicts: 0, unchanged: 5 });
    const totals = await province.service.invoke('totals', { by: 'donor' });
    expect(totals.total.pledged).toBe(1_200_000_000);
    expect((await province.service.invoke('pledges.list', { filter: { text: 'qua tet' } })).total).toBe(1);
    // The next export holds only what changed since.
    expect(decodeBundle(await exportFrom(district)).records.pledges).toHaveLength(0);
  });

  it('merge edits made in turn, and keep both sides of edits made without seeing each other', async () => {
    const p = await districtPledge(district, 100);
    await importInto(province, await exportFrom(district, true));
    // The province amends it, the district sees that, then amends it again: each edit builds on the last.
    await province.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 200 });
    expect(await importInto(district, await exportFrom(province, true))).toMatchObject({ updated: 1, conflicts: 0 });
    await district.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 300 });
    expect(await importInto(province, await exportFrom(district, true))).toMatchObject({ updated: 1, conflicts: 0 });
    expect((await province.service.invoke('pledges.get', { id: p.id })).pledge.amountMinor).toBe(300);

    // Now both edit without exchanging: a conflict on both sides, the same version kept everywhere, the other kept beside it.
    await province.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 400 });
    await district.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 500 });
    const fromDistrict = await exportFrom(district, true);
    const fromProvince = await exportFrom(province, true);
    expect(await importInto(province, fromDistrict)).toMatchObject({ conflicts: 1 });
    expect(await importInto(district, fromProvince)).toMatchObject({ conflicts: 1 });
    const amount = async (t: TestLedger) => (await t.service.invoke('pledges.get', { id: p.id })).pledge.amountMinor;
    expect(await amount(province)).toBe(await amount(district));
    expect([400, 500]).toContain(await amount(province));
    const conflict = province.ledger.sqlite.prepare('SELECT kept, other FROM sync_conflicts').get() as {
      kept: string;
      other: string;
    };
    expect([JSON.parse(conflict.kept).amount_minor, JSON.parse(conflict.other).amount_minor].sort()).toEqual([
      400, 500,
    ]);
    // Importing again finds nothing new.
    expect(await importInto(province, fromDistrict)).toMatchObject({ conflicts: 0, inserted: 0, updated: 0 });
  });

  it('put back the other version of a conflict column by column, whatever other keys its row carries', async () => {
    const p = await districtPledge(province, 100);
    await importInto(district, await exportFrom(province, true));
    // Both edit without exchanging; the province's edit comes later, so its version is kept and the district's set beside it.
    await district.service.invoke('pledges.update', {
      reason: 'Điều chỉnh thử',
      id: p.id,
      amountMinor: 500,
      notes: 'Sửa tại huyện',
    });
    await province.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 400 });
    // The district's row arrives with keys that are no column: from a newer release, or from a hostile file.
    const bundle = decodeBundle(await exportFrom(district, true));
    const row = bundle.records.pledges.find((r) => r.id === p.id)!;
    for (const [key, value] of [
      ['__proto__', 'x'],
      ['constructor', 'y'],
      ['amount_minor = 1, notes', 'chèn SQL'],
      ['unknown_column', 'z'],
    ]) {
      Object.defineProperty(row, key!, { value, enumerable: true, configurable: true, writable: true });
    }
    const altered = forgeBundle(contentOf(bundle), { signWith: keyOf(district.ledger) });
    expect(await importInto(province, altered)).toMatchObject({ conflicts: 1 });
    const [conflict] = (await province.service.invoke('sync.status', {})).conflicts;
    expect(conflict).toMatchObject({
      entity: 'pledge',
      kept: { amount_minor: 400 },
      other: { amount_minor: 500, 'amount_minor = 1, notes': 'chèn SQL' },
    });
    await province.service.invoke('sync.resolve', { conflictId: conflict!.id, keep: 'other' });
    const { pledge } = await province.service.invoke('pledges.get', { id: p.id });
    expect(pledge).toMatchObject({ amountMinor: 500, notes: 'Sửa tại huyện' });
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(totalsAgainstRows(province.ledger).stored).toEqual(totalsAgainstRows(province.ledger).fromRows);
  });

  it('give the same ledger whatever order they are imported in', async () => {
    const other = await tempLedger({ seed: false, siteName: 'Huyện Nguyên Bình' });
    try {
      await introduce(province, other);
      await importInto(other, await exportFrom(province, true));
      const a = await districtPledge(district, 111);
      await districtPledge(other, 222, 'Quà');
      await district.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: a.id, amountMinor: 333 });
      const bundles = [await exportFrom(district, true), await exportFrom(other, true)];
      const one = await tempLedger({ seed: false });
      const two = await tempLedger({ seed: false });
      try {
        for (const receiver of [one, two])
          for (const sender of [province, district, other]) await introduce(sender, receiver);
        await importInto(one, await exportFrom(province, true));
        await importInto(two, await exportFrom(province, true));
        for (const b of bundles) await importInto(one, b);
        for (const b of [...bundles].reverse()) await importInto(two, b);
        expect(snapshot(one.ledger)).toEqual(snapshot(two.ledger));
        expect((await one.service.invoke('totals', { by: 'kind' })).total.pledged).toBe(333 + 222);
      } finally {
        await one.close();
        await two.close();
      }
    } finally {
      await other.close();
    }
  });

  it("bring the province's department name to a district office", async () => {
    await province.service.invoke('settings.update', { departmentName: 'SỞ NGOẠI VỤ TỈNH CAO BẰNG' });
    await district.service.invoke('settings.update', { siteRole: 'district' });
    await importInto(district, await exportFrom(province, true));
    expect((await district.service.invoke('settings.get', {})).departmentName).toBe('SỞ NGOẠI VỤ TỈNH CAO BẰNG');
  });

  it('keep a delivery recorded for a pledge deleted elsewhere as a conflict, without blocking the merge', async () => {
    const p = await districtPledge(district, 1_000);
    await importInto(province, await exportFrom(district, true));
    await province.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-10-01',
      amountMinor: 400,
    });
    await district.service.invoke('pledges.delete', { id: p.id });
    const counts = await importInto(district, await exportFrom(province));
    // The delivery, and the pledge it moved to "in progress": both made at the province without seeing the deletion.
    expect(counts.conflicts).toBe(2);
    expect((await district.service.invoke('app.info', {})).counts.deliveries).toBe(0);
    const status = await district.service.invoke('sync.status', {});
    const delivery = status.conflicts.find((c) => c.entity === 'delivery')!;
    expect(delivery).toMatchObject({ kept: null, other: { amount_minor: 400 } });
    expect(status.conflicts.find((c) => c.entity === 'pledge')).toMatchObject({
      kept: null,
      other: { status: 'in_progress' },
    });

    // "Use the other version" puts the delivery back with the pledge it needs, as new edits that travel on.
    await district.service.invoke('sync.resolve', { conflictId: delivery.id, keep: 'other' });
    const detail = await district.service.invoke('pledges.get', { id: p.id });
    expect(detail.deliveries.map((d) => d.amountMinor)).toEqual([400]);
    expect(detail.remaining.amountMinor).toBe(600);
    expect(district.ledger.sqlite.prepare(`SELECT count(*) AS n FROM tombstones WHERE id = ?`).get(p.id)).toEqual({
      n: 0,
    });
    // The province, which never deleted it, takes the restored versions as updates, not as conflicts.
    expect(await importInto(province, await exportFrom(district))).toMatchObject({ conflicts: 0, updated: 2 });
    expect((await province.service.invoke('totals', { by: 'kind' })).total).toEqual(
      (await district.service.invoke('totals', { by: 'kind' })).total,
    );
  });

  it('show a deletion made without seeing an edit as a conflict at both offices, and can put the edit back', async () => {
    const p = await districtPledge(district, 100);
    await importInto(province, await exportFrom(district, true));
    await province.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 200 });
    await district.service.invoke('pledges.delete', { id: p.id });
    const fromDistrict = await exportFrom(district);
    const fromProvince = await exportFrom(province);
    // The pledge's version here is the province's own edit: its deletion is confirmed.
    expect(await importInto(province, fromDistrict, false, true)).toMatchObject({ deleted: 1, conflicts: 1 });
    expect(await importInto(district, fromProvince)).toMatchObject({ conflicts: 1 });
    for (const t of [province, district]) expect((await t.service.invoke('app.info', {})).counts.pledges).toBe(0);
    const [conflict] = (await province.service.invoke('sync.status', {})).conflicts;
    expect(conflict).toMatchObject({ entity: 'pledge', kept: null, other: { amount_minor: 200 } });
    await province.service.invoke('sync.resolve', { conflictId: conflict!.id, keep: 'other' });
    expect(await importInto(district, await exportFrom(province))).toMatchObject({ inserted: 1 });
    for (const t of [province, district])
      expect((await t.service.invoke('pledges.get', { id: p.id })).pledge.amountMinor).toBe(200);

    // A deletion made after seeing the edit is no conflict.
    await province.service.invoke('pledges.update', { reason: 'Điều chỉnh thử', id: p.id, amountMinor: 300 });
    await importInto(district, await exportFrom(province));
    await district.service.invoke('pledges.delete', { id: p.id });
    expect(await importInto(province, await exportFrom(district), false, true)).toMatchObject({
      deleted: 1,
      conflicts: 0,
    });
  });

  it('keep a pledge deleted elsewhere while a delivery recorded here points to it, as a conflict', async () => {
    const p = await districtPledge(district, 1_000);
    await importInto(province, await exportFrom(district, true));
    await province.service.invoke('deliveries.create', {
      pledgeId: p.id,
      deliveryDate: '2022-10-01',
      amountMinor: 400,
    });
    await district.service.invoke('pledges.delete', { id: p.id });
    expect(await importInto(province, await exportFrom(district))).toMatchObject({ conflicts: 1, deleted: 0 });
    expect((await province.service.invoke('pledges.get', { id: p.id })).deliveries).toHaveLength(1);
    expect((await province.service.invoke('sync.status', {})).conflicts[0]).toMatchObject({
      entity: 'pledge',
      other: null,
    });
  });

  it('refuse a bundle whose rows point to records neither it nor this ledger has, changing nothing', async () => {
    const place = await district.service.invoke('places.create', {
      name: 'Xã Mới',
      level: 'commune',
      parentId: (await district.service.invoke('places.list', {})).find((x) => x.name === 'Bảo Lạc')!.id,
    });
    const donor = await district.service.invoke('donors.create', { name: 'Quỹ Mới', kind: 'foundation' });
    const pledge = await district.service.invoke('pledges.create', {
      donorId: donor.id,
      placeId: place.id,
      kind: 'gift',
      description: 'Quà',
      amountMinor: 5,
      currency: 'VND',
      pledgeDate: '2022-09-01',
    });
    const bundle = decodeBundle(await exportFrom(district));
    // Search words are computed by the receiver from its own names; a bundle does not carry them.
    expect(bundle.records.pledges.length).toBeGreaterThan(0);
    expect(bundle.records.pledges.every((r) => !('search_text' in r) && !('searchText' in r))).toBe(true);
    // As an older bundle might be: without the commune its pledge is at.
    bundle.records.places = bundle.records.places.filter((r) => r.id !== place.id);
    const before = tableCounts(province.ledger);
    const older = forgeBundle(contentOf(bundle), { signWith: keyOf(district.ledger) });
    await expect(importInto(province, older)).rejects.toMatchObject({
      bilingual: { vi: expect.stringMatching(`cam kết ${pledge.id} .*: Địa bàn \\(place_id\\) .*chưa có ở đây`) },
    });
    expect(tableCounts(province.ledger)).toEqual(before);
  });

  it('keep every totals table equal to the rows they merge: new, edited, moved and deleted pledges and deliveries', async () => {
    const places = await district.service.invoke('places.list', {});
    const other = places.find((p) => p.level === 'district' && p.name !== 'Bảo Lạc')!;
    const a = await districtPledge(district, 1_000_000);
    const b = await districtPledge(district, 2_000_000, 'Quà Tết');
    const c = await districtPledge(district, 3_000_000, 'Học bổng', 'Plan International');
    const first = await district.service.invoke('deliveries.create', {
      pledgeId: a.id,
      deliveryDate: '2022-10-15',
      amountMinor: 400_000,
    });
    await district.service.invoke('deliveries.create', {
      pledgeId: a.id,
      deliveryDate: '2023-01-20',
      amountMinor: 100_000,
    });
    await district.service.invoke('deliveries.create', {
      pledgeId: b.id,
      deliveryDate: '2022-12-01',
      amountMinor: 500_000,
    });
    await importInto(province, await exportFrom(district, true));
    expect(totalsAgainstRows(province.ledger).stored.pledge_totals_by_place!.length).toBeGreaterThan(0);
    // Edits that move a delivered pledge to another place, kind, donor and status, move a delivery to another year,
    // delete a delivery and a pledge: the merge applies each as an update or a deletion.
    const donor = (await district.service.invoke('donors.list', {})).find((d) => d.name === 'Plan International')!;
    await district.service.invoke('pledges.update', {
      reason: 'Điều chỉnh thử',
      id: a.id,
      placeId: other.id,
      kind: 'gift',
      donorId: donor.id,
      status: 'in_progress',
      amountMinor: 1_500_000,
    });
    await district.service.invoke('deliveries.update', { id: first.id, deliveryDate: '2024-02-02' });
    const bDeliveries = (await district.service.invoke('pledges.get', { id: b.id })).deliveries;
    await district.service.invoke('deliveries.delete', { id: bDeliveries[0]!.id });
    await district.service.invoke('pledges.delete', { id: c.id });
    // Updated: pledge a, the moved delivery, and pledge b, back to "pledged" once its only delivery was deleted.
    expect(await importInto(province, await exportFrom(district))).toMatchObject({ updated: 3, deleted: 2 });
    for (const t of [province, district]) {
      const { stored, fromRows } = totalsAgainstRows(t.ledger);
      expect(stored).toEqual(fromRows);
    }
    expect(province.ledger.sqlite.prepare('SELECT count(*) AS n FROM totals_changes').get()).toEqual({ n: 0 });
    expect((await province.service.invoke('totals', { by: 'place' })).groups).toEqual(
      (await district.service.invoke('totals', { by: 'place' })).groups,
    );
  });

  it('carry deletions', async () => {
    const p = await districtPledge(district, 100);
    await importInto(province, await exportFrom(district, true));
    await district.service.invoke('pledges.delete', { id: p.id });
    expect(await importInto(province, await exportFrom(district))).toMatchObject({ deleted: 1 });
    expect((await province.service.invoke('app.info', {})).counts.pledges).toBe(0);
  });

  it('refuse a tampered, truncated, foreign or newer-format file and change nothing', async () => {
    await districtPledge(district, 100);
    const good = await exportFrom(district, true);
    const before = tableCounts(province.ledger);
    const tampered = Buffer.from(good);
    tampered.writeUInt8(tampered.readUInt8(tampered.length - 10) ^ 0xff, tampered.length - 10);
    const newer = Buffer.from(good.toString('latin1').replace(/^AIDLEDGER-BUNDLE 3 /, 'AIDLEDGER-BUNDLE 9 '), 'latin1');
    for (const [bytes, message] of [
      [tampered, 'sai mã kiểm tra'],
      [good.subarray(0, good.length - 20), 'sai mã kiểm tra'],
      [Buffer.from('PK\u0003\u0004 a spreadsheet'), 'không phải tệp gói dữ liệu'],
      [newer, 'phiên bản mới hơn'],
    ] as const) {
      await expect(importInto(province, bytes)).rejects.toMatchObject({
        bilingual: { vi: expect.stringContaining(message) },
      });
      expect(tableCounts(province.ledger)).toEqual(before);
    }
  });
});

describe('bundle files', () => {
  /** A file as its writer frames it: the header line with the format and the body's digest, then the body. */
  const framed = (format: number, body: Buffer) =>
    Buffer.concat([
      Buffer.from(`AIDLEDGER-BUNDLE ${format} ${createHash('sha256').update(body).digest('hex')}\n`, 'ascii'),
      body,
    ]);

  it('made by earlier releases (one JSON text) are still read, and give the same ledger', async () => {
    await districtPledge(district, 1_000);
    const bundle = decodeBundle(await exportFrom(district, true));
    expect(bundle.records.pledges).toHaveLength(1);
    const earlier = framed(1, gzipSync(JSON.stringify(bundle)));
    expect(decodeBundle(earlier)).toEqual(bundle);
    expect(decodeBundle(forgeBundle(contentOf(bundle), { signWith: keyOf(district.ledger) }))).toEqual(bundle);
    // Taken on purpose from an office the province knows only as one on an earlier release (recorded without a key).
    province.ledger.sqlite.prepare('DELETE FROM offices WHERE site_id = ?').run(district.ledger.site.id);
    const base64 = earlier.toString('base64');
    await province.service.invoke('offices.admit', {
      fileName: 'cu.aidledger',
      base64,
      role: 'province',
      placeId: null,
    });
    expect(
      await province.ledger.db
        .transaction()
        .execute((trx) => importBundle(contextFor(province.ledger, trx), earlier, { acceptUnsigned: true })),
    ).toMatchObject({ inserted: 2 });
  });

  it('are read row by row, and one bad line refuses the whole file', async () => {
    await districtPledge(district, 1_000);
    const good = await exportFrom(district, true);
    const lines = gunzipSync(good.subarray(good.indexOf(0x0a) + 1))
      .toString('utf8')
      .split('\n');
    expect(lines.length).toBeGreaterThan(3);
    expect(JSON.parse(lines[1]!)).toEqual(['r', 'places', expect.objectContaining({ id: expect.any(String) })]);
    const before = tableCounts(province.ledger);
    for (const bad of [['r', 'passwords', { id: 'x' }], ['r', 'pledges', 'not a row'], ['x', {}], 'text']) {
      const body = gzipSync([...lines.slice(0, -1), JSON.stringify(bad), ''].join('\n'));
      await expect(importInto(province, seal(body, { signWith: keyOf(district.ledger) }))).rejects.toMatchObject({
        bilingual: { vi: expect.stringContaining('nội dung không đọc được') },
      });
    }
    const unterminated = gzipSync(lines.slice(0, -1).join('\n'));
    await expect(importInto(province, seal(unterminated, { signWith: keyOf(district.ledger) }))).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(tableCounts(province.ledger)).toEqual(before);
  });
});

describe('donors entered at two offices', () => {
  const donorRows = (t: TestLedger) =>
    t.ledger.sqlite.prepare('SELECT id, name, merged_into FROM donors ORDER BY id').all();

  it('become one donor when they have the same name, at every office alike', async () => {
    // Both offices record "Plan International" before exchanging anything.
    await districtPledge(district, 300, 'Nhà', 'Plan International');
    await districtPledge(province, 200, 'Quà', 'plan international');
    const fromDistrict = await exportFrom(district, true);
    expect(await importInto(province, fromDistrict, true)).toMatchObject({
      inserted: 2,
      donorsMerged: 1,
      conflicts: 0,
    });
    expect(await importInto(province, fromDistrict)).toMatchObject({ donorsMerged: 1, conflicts: 0 });
    // The province's merge reaches the district as an edit, so the district has nothing left to merge.
    expect(await importInto(district, await exportFrom(province, true))).toMatchObject({
      donorsMerged: 0,
      conflicts: 0,
    });
    // The one with the smaller id keeps the name everywhere; the other is merged into it.
    expect(donorRows(province)).toEqual(donorRows(district));
    for (const t of [province, district]) {
      const plan = await t.service.invoke('donors.list', { text: 'plan' });
      expect(plan).toHaveLength(1);
      expect(plan[0]!.pledgeCount).toBe(2);
      expect(plan[0]!.aliases).toHaveLength(1);
      const byDonor = await t.service.invoke('totals', { by: 'donor' });
      expect(byDonor.groups).toMatchObject([{ key: plan[0]!.id, pledged: 500 }]);
      const listed = await t.service.invoke('pledges.list', { filter: { donorId: plan[0]!.id }, withTotal: true });
      expect(listed.total).toBe(2);
      expect(new Set(listed.rows.map((r) => r.donorId))).toEqual(new Set([plan[0]!.id]));
    }
    // Once settled, exchanging again changes nothing.
    expect(await importInto(province, await exportFrom(district, true))).toMatchObject({
      inserted: 0,
      updated: 0,
      conflicts: 0,
      donorsMerged: 0,
    });
    const peers = (await province.service.invoke('sync.status', {})).peers;
    expect(peers).toMatchObject([
      { siteId: district.ledger.site.id, siteName: 'Huyện Bảo Lạc', bundles: 2, inserted: 2 },
    ]);
  });

  it('merged by hand keep their pledges, which count, list and are found under the donor merged into', async () => {
    const a = await districtPledge(district, 700, 'Nhà', 'Quỹ Từ thiện Tzu Chi');
    await importInto(province, await exportFrom(district, true));
    const b = await districtPledge(province, 300, 'Quà', 'Tzu Chi Foundation');
    const into = (await province.service.invoke('donors.list', { text: 'foundation' }))[0]!;
    const before = tableCounts(province.ledger);
    await expect(province.service.invoke('donors.merge', { id: into.id, intoId: into.id })).rejects.toMatchObject({
      field: 'intoId',
    });
    expect(tableCounts(province.ledger)).toEqual(before);
    const merged = await province.service.invoke('donors.merge', {
      id: a.donorId,
      intoId: into.id,
      note: 'Cùng một tổ chức',
    });
    expect(merged).toMatchObject({ id: into.id, pledgeCount: 2, aliases: ['Quỹ Từ thiện Tzu Chi'] });
    await expect(province.service.invoke('donors.merge', { id: a.donorId, intoId: into.id })).rejects.toMatchObject({
      bilingual: { vi: expect.stringContaining('đã được gộp vào') },
    });
    // The merge travels to the district, where new pledges for the old name go to the donor merged into.
    expect(await importInto(district, await exportFrom(province))).toMatchObject({ conflicts: 0 });
    for (const t of [province, district]) {
      expect((await t.service.invoke('pledges.get', { id: a.id })).pledge).toMatchObject({
        donorId: into.id,
        donorName: 'Tzu Chi Foundation',
      });
      expect(
        (await t.service.invoke('pledges.list', { filter: { text: 'tu thien tzu chi' }, withTotal: true })).total,
      ).toBe(2);
      expect((await t.service.invoke('donors.list', {})).map((d) => d.name)).not.toContain('Quỹ Từ thiện Tzu Chi');
      expect(
        (await t.service.invoke('donors.list', { includeMerged: true })).find((d) => d.id === a.donorId)?.mergedInto,
      ).toBe(into.id);
    }
    const again = await district.service.invoke('pledges.create', {
      donorId: a.donorId,
      placeId: a.placeId,
      kind: 'cash',
      description: 'Tiền mặt',
      amountMinor: 50,
      currency: 'VND',
      pledgeDate: '2022-09-02',
    });
    expect(again.donorId).toBe(into.id);
    const report = await province.service.invoke('reports.preview', { period: '2022-Q3' });
    expect(report.donors.map((d) => d.donor)).toEqual(['Tzu Chi Foundation']);
    expect(b.donorId).toBe(into.id);
  });

  it('merged into each other at two offices end as one, the same everywhere, without conflicts', async () => {
    await districtPledge(district, 1, 'Nhà', 'Tổ chức A');
    await districtPledge(district, 2, 'Nhà', 'Tổ chức B');
    await importInto(province, await exportFrom(district, true));
    const [first, second] = (await province.service.invoke('donors.list', { text: 'to chuc' })).sort((x, y) =>
      x.id.localeCompare(y.id),
    );
    await province.service.invoke('donors.merge', { id: first!.id, intoId: second!.id });
    await district.service.invoke('donors.merge', { id: second!.id, intoId: first!.id });
    const fromProvince = await exportFrom(province);
    const fromDistrict = await exportFrom(district);
    expect(await importInto(province, fromDistrict)).toMatchObject({ conflicts: 0 });
    expect(await importInto(district, fromProvince)).toMatchObject({ conflicts: 0 });
    expect(await importInto(province, await exportFrom(district))).toMatchObject({ conflicts: 0 });
    expect(await importInto(district, await exportFrom(province))).toMatchObject({ conflicts: 0 });
    expect(donorRows(province)).toEqual(donorRows(district));
    for (const t of [province, district]) {
      expect((await t.service.invoke('donors.list', { text: 'to chuc' })).map((d) => [d.id, d.pledgeCount])).toEqual([
        [first!.id, 2],
      ]);
    }
  });
});

describe('offices that take the 2025 catalogue at different times', () => {
  it("merge in either order: the seeded districts are the catalogue's, and a new unit travels with the pledge made at it", async () => {
    for (const order of ['old first', 'new first'] as const) {
      // `district` runs with the units the first releases seeded; `upgraded` has Cao Bằng's catalogue.
      const upgraded = await tempLedger({ seed: false, siteName: 'Sở Ngoại vụ (đã cập nhật)' });
      try {
        await upgraded.service.invoke('places.choose', { province: 'Cao Bằng' });
        await introduce(upgraded, district);
        const oldPledge = await districtPledge(district, 50_000_000, 'Nhà ở trước cải cách');
        const units = await upgraded.service.invoke('places.list', {});
        const donor = await upgraded.service.invoke('donors.create', { name: 'Quỹ sau cải cách', kind: 'foundation' });
        const newPledge = await upgraded.service.invoke('pledges.create', {
          donorId: donor.id,
          placeId: units.find((p) => p.displayName === 'Xã Bảo Lạc')!.id,
          kind: 'gift',
          description: 'Quà 2026',
          amountMinor: 3_000_000,
          currency: 'VND',
          pledgeDate: '2026-02-01',
        });
        const fromOld = await exportFrom(district);
        const fromNew = await exportFrom(upgraded);
        if (order === 'old first') {
          await importInto(upgraded, fromOld);
          await importInto(district, fromNew);
        } else {
          await importInto(district, fromNew);
          await importInto(upgraded, fromOld);
        }
        for (const t of [district, upgraded]) {
          expect((await t.service.invoke('sync.status', {})).conflicts).toEqual([]);
          const old = await t.service.invoke('pledges.get', { id: oldPledge.id });
          const made = await t.service.invoke('pledges.get', { id: newPledge.id });
          // The district the old office recorded is the same record at the upgraded one: Huyện Bảo Lạc.
          expect([old.pledge.placeId, made.pledge.placeName]).toEqual([
            units.find((p) => p.displayName === 'Huyện Bảo Lạc')!.id,
            'Xã Bảo Lạc',
          ]);
        }
        expect(totalsAgainstRows(district.ledger).stored).toEqual(totalsAgainstRows(district.ledger).fromRows);
        expect(totalsAgainstRows(upgraded.ledger).stored).toEqual(totalsAgainstRows(upgraded.ledger).fromRows);
        // The old office, upgrading later, meets the records it already has: nothing doubles.
        await district.ledger.db
          .transaction()
          .execute((trx) => chooseProvince(contextFor(district.ledger, trx), { province: '04' }));
        const after = await district.service.invoke('places.list', {});
        expect(after.filter((p) => p.displayName === 'Xã Bảo Lạc')).toHaveLength(1);
        expect(after.filter((p) => p.displayName === 'Huyện Bảo Lạc')).toHaveLength(1);
        expect(after.length).toBe(units.length);
      } finally {
        await upgraded.close();
        await district.close();
        district = await tempLedger({ seed: false, siteName: 'Huyện Bảo Lạc' });
        await introduce(province, district);
        await importInto(district, await exportFrom(province, true));
      }
    }
  });
});
