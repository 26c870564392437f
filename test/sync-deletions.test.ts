/**
 * Deletions received in bundles are shown, confirmed and undoable: a bundle deleting many records (or any made here)
 * is refused until confirmed, every merged update and deletion is in the history with its bundle and office, and an
 * undone deletion comes back as an edit that restores the record at the office that deleted it too.
 */
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type BundleDeletion, LedgerError, type MethodInput, UNDONE_DELETION_NOTE } from '../contract';
import type { Ledger } from '../db/core/open';
import { decodeBundle } from '../db/sync/format';
import { runCli } from './cli-run';
import { type ForgeKey, forgeBundle, keyOf } from './forge';
import { introduce, tempLedger, totalsAgainstRows, type TestLedger } from './helpers';

let province: TestLedger;
let district: TestLedger;

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

async function exportFrom(t: TestLedger, all = false): Promise<Buffer> {
  return Buffer.from((await t.service.invoke('sync.export', { all })).base64, 'base64');
}
function input(fileName: string, bytes: Buffer, allowDeletions = false): MethodInput<'sync.import'> {
  return { fileName, base64: bytes.toString('base64'), allowDeletions };
}

/** The rows of every table, to show a refused or previewed merge changed nothing. */
function everyTable(ledger: Ledger): Record<string, number> {
  const tables = ledger.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'pledge_own_words%' ORDER BY name`)
    .pluck()
    .all() as string[];
  return Object.fromEntries(
    tables.map((t) => [t, ledger.sqlite.prepare(`SELECT count(*) FROM "${t}"`).pluck().get() as number]),
  );
}

async function refusal(promise: Promise<unknown>): Promise<LedgerError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

/**
 * A bundle as an attacker's tool writes one, without the app's encoder (test/forge.ts), signed with the key of the
 * office that sends it: its head, then one line per deletion.
 */
function forgedBundle(from: { site: Ledger['site']; key: ForgeKey }, lines: unknown[][]): Buffer {
  const head = {
    format: 'aid-ledger-bundle',
    formatVersion: 3,
    schemaVersion: 1,
    site: { id: from.site.id, name: from.site.name },
    createdAt: new Date().toISOString(),
    since: '',
  };
  return forgeBundle({ head, lines }, { signWith: from.key });
}

async function placeId(t: TestLedger, name: string): Promise<string> {
  return (await t.service.invoke('places.list', {})).find((p) => p.name === name)!.id;
}

async function donor(t: TestLedger, name: string): Promise<string> {
  return (await t.service.invoke('donors.create', { name, kind: 'foreign_ngo' })).id;
}

async function pledge(t: TestLedger, donorId: string, description: string, amountMinor: number, day = 1) {
  return t.service.invoke('pledges.create', {
    donorId,
    placeId: await placeId(t, 'Bảo Lạc'),
    kind: 'house',
    description,
    amountMinor,
    currency: 'VND',
    pledgeDate: `2022-09-${String(day).padStart(2, '0')}`,
  });
}

async function delivery(t: TestLedger, pledgeId: string, amountMinor: number) {
  return t.service.invoke('deliveries.create', { pledgeId, deliveryDate: '2022-10-01', amountMinor });
}

beforeEach(async () => {
  province = await tempLedger({ siteName: 'Sở Ngoại vụ Cao Bằng' });
  district = await tempLedger({ seed: false, siteName: 'Huyện Bảo Lạc' });
  await introduce(province, district);
});
afterEach(async () => {
  await province.close();
  await district.close();
});

/**
 * The province's 8 pledges in Bảo Lạc (the first 7 with 8 deliveries between them); the district's 3 donors, each
 * with a pledge, sent to the province; then the district deletes 7 of the province's pledges (and so their
 * deliveries), its own 3 pledges and donors — 21 deletions — and edits the 8th pledge.
 */
async function tombstoneHeavyBundle() {
  const worldVision = await donor(province, 'Tổ chức Tầm nhìn Thế giới');
  const ours: { id: string; deliveries: string[] }[] = [];
  for (let n = 1; n <= 8; n++) {
    const p = await pledge(province, worldVision, `Nhà tình nghĩa số ${n}`, n * 100_000_000, n);
    const deliveries = [];
    for (let d = 0; d < (n <= 1 ? 2 : n <= 7 ? 1 : 0); d++)
      deliveries.push((await delivery(province, p.id, 10_000_000)).id);
    ours.push({ id: p.id, deliveries });
  }
  await district.service.invoke('sync.import', input('tinh.aidledger', await exportFrom(province, true)));
  const theirs: { donorId: string; pledgeId: string }[] = [];
  for (const name of ['Quỹ Bảo Lạc 1', 'Quỹ Bảo Lạc 2', 'Quỹ Bảo Lạc 3']) {
    const donorId = await donor(district, name);
    theirs.push({ donorId, pledgeId: (await pledge(district, donorId, `Quà của ${name}`, 5_000_000)).id });
  }
  await province.service.invoke('sync.import', input('huyen-1.aidledger', await exportFrom(district)));
  for (const p of ours.slice(0, 7)) await district.service.invoke('pledges.delete', { id: p.id });
  for (const t of theirs) {
    await district.service.invoke('pledges.delete', { id: t.pledgeId });
    await district.service.invoke('donors.delete', { id: t.donorId });
  }
  await district.service.invoke('pledges.update', { id: ours[7]!.id, notes: 'Đã khảo sát tại huyện' });
  const bytes = await exportFrom(district);
  expect(decodeBundle(bytes).tombstones).toHaveLength(21);
  return { bytes, ours, theirs };
}

describe('a bundle of 21 deletions from an office', () => {
  it('is shown, refused until confirmed, recorded with its bundle and office, and undone where it was made', async () => {
    const { bytes, ours, theirs } = await tombstoneHeavyBundle();
    const fileName = 'goi-du-lieu-Huyen-Bao-Lac.aidledger';

    // The preview lists each record as a user reads it, and which were made here.
    const before = everyTable(province.ledger);
    const preview = await province.service.invoke('sync.preview', input(fileName, bytes));
    expect(everyTable(province.ledger)).toEqual(before);
    expect(preview).toMatchObject({ deleted: 21, deletionsNeedConfirmation: true });
    expect(preview.deletions).toHaveLength(21);
    const listed = (id: string) => preview.deletions.find((d) => d.recordId === id)!;
    expect(listed(ours[0]!.id)).toEqual({
      entity: 'pledge',
      recordId: ours[0]!.id,
      madeHere: true,
      what: {
        vi: 'Cam kết ngày 01/09/2022 của Tổ chức Tầm nhìn Thế giới tại Bảo Lạc: Nhà tình nghĩa số 1, 100.000.000 VND',
        en: 'Pledge of 01/09/2022 by Tổ chức Tầm nhìn Thế giới in Bảo Lạc: Nhà tình nghĩa số 1, 100,000,000 VND',
      },
    });
    expect(listed(ours[0]!.deliveries[0]!)).toMatchObject({
      entity: 'delivery',
      madeHere: true,
      what: { vi: 'Giao / giải ngân ngày 01/10/2022: 10.000.000 VND (cam kết "Nhà tình nghĩa số 1")' },
    });
    expect(listed(theirs[0]!.donorId)).toMatchObject({
      entity: 'donor',
      madeHere: false,
      what: { vi: 'Nhà tài trợ Quỹ Bảo Lạc 1', en: 'Donor Quỹ Bảo Lạc 1' },
    });
    expect(listed(theirs[0]!.pledgeId)).toMatchObject({ entity: 'pledge', madeHere: false });
    const count = (entity: string, madeHere: boolean) =>
      preview.deletions.filter((d) => d.entity === entity && d.madeHere === madeHere).length;
    expect([count('pledge', true), count('delivery', true), count('pledge', false), count('donor', false)]).toEqual([
      7, 8, 3, 3,
    ]);

    // Without confirmation: refused, naming the office and the records, and nothing is written.
    const refused = await refusal(province.service.invoke('sync.import', input(fileName, bytes)));
    expect(refused.code).toBe('confirmation_required');
    expect(refused.bilingual.vi).toContain(
      'Gói dữ liệu của Huyện Bảo Lạc xóa 21 bản ghi ở đây (15 bản ghi do đơn vị này tạo)',
    );
    expect(refused.bilingual.vi).toContain('và 11 bản ghi khác');
    expect(refused.bilingual.en).toContain(
      'The bundle from Huyện Bảo Lạc deletes 21 records here (15 made by this office)',
    );
    expect(refused.bilingual.en).toContain('Pledge of 01/09/2022 by Tổ chức Tầm nhìn Thế giới');
    expect(everyTable(province.ledger)).toEqual(before);

    // Confirmed: deleted, and each deletion and each update merged is in the history with the bundle and office.
    const merged = await province.service.invoke('sync.import', input(fileName, bytes, true));
    expect(merged).toEqual(preview);
    expect((await province.service.invoke('app.info', {})).counts.pledges).toBe(1);
    const bundle = { fileName, sha256: sha256(bytes), siteName: 'Huyện Bảo Lạc', siteId: district.ledger.site.id };
    const received = province.ledger.sqlite
      .prepare(
        `SELECT a.action, a.entity_id AS id, l.file_name AS fileName, l.peer_site_name AS siteName
        FROM audit_log a JOIN sync_log l ON l.id = a.received_in WHERE l.sha256 = ? ORDER BY a.rowid`,
      )
      .all(bundle.sha256) as { action: string; id: string; fileName: string; siteName: string }[];
    expect(received.filter((r) => r.action === 'delete').map((r) => r.id)).toEqual(
      preview.deletions.map((d) => d.recordId),
    );
    expect(received.filter((r) => r.action === 'update').map((r) => r.id)).toEqual([ours[7]!.id]);
    expect(received.every((r) => r.fileName === fileName && r.siteName === 'Huyện Bảo Lạc')).toBe(true);
    const edited = await province.service.invoke('pledges.get', { id: ours[7]!.id });
    expect(edited.pledge.notes).toBe('Đã khảo sát tại huyện');
    // The district's own entry came with the bundle; the province's says it received it, in which bundle, from whom.
    expect(edited.history.at(-2)).toMatchObject({ action: 'update', siteName: 'Huyện Bảo Lạc', received: null });
    expect(edited.history.at(-1)).toMatchObject({
      action: 'update',
      entity: 'pledge',
      received: bundle,
      changes: [{ field: 'notes', before: null, after: 'Đã khảo sát tại huyện' }],
    });
    expect(totalsAgainstRows(province.ledger).stored).toEqual(totalsAgainstRows(province.ledger).fromRows);

    // The deletions received: a pledge with its deliveries as one, each naming its bundle and office.
    const deletions = await province.service.invoke('sync.deletions', {});
    expect(deletions).toHaveLength(13);
    expect(deletions.every((d) => d.bundle.sha256 === bundle.sha256 && d.undoneAt === null)).toBe(true);
    const first = deletions.find((d) => d.recordId === ours[0]!.id)!;
    expect(first.parts.map((p) => p.recordId).sort()).toEqual([...ours[0]!.deliveries].sort());
    expect(first.bundle).toMatchObject(bundle);

    // Undone: the pledge and its two deliveries back, as an edit of this office newer than the deletion.
    const tombVersion = province.ledger.sqlite
      .prepare(`SELECT version FROM tombstones WHERE id = ?`)
      .pluck()
      .get(ours[0]!.id) as string;
    const undone = await province.service.invoke('sync.undelete', { id: first.id });
    expect(undone.restored.map((r) => r.recordId)).toEqual([ours[0]!.id, ...ours[0]!.deliveries]);
    const back = await province.service.invoke('pledges.get', { id: ours[0]!.id });
    expect(back.deliveries.map((d) => d.id).sort()).toEqual([...ours[0]!.deliveries].sort());
    expect(back.history.at(-1)).toMatchObject({ action: 'create', note: UNDONE_DELETION_NOTE, received: bundle });
    const row = province.ledger.sqlite
      .prepare(`SELECT version, origin_site FROM pledges WHERE id = ?`)
      .get(ours[0]!.id) as { version: string; origin_site: string };
    expect(row.version > tombVersion).toBe(true);
    expect(row.origin_site).toBe(province.ledger.site.id);
    expect(
      province.ledger.sqlite
        .prepare(`SELECT count(*) FROM tombstones WHERE id IN (?, ?, ?)`)
        .pluck()
        .get(ours[0]!.id, ...ours[0]!.deliveries),
    ).toBe(0);
    expect(totalsAgainstRows(province.ledger).stored).toEqual(totalsAgainstRows(province.ledger).fromRows);
    expect((await province.service.invoke('sync.deletions', {})).find((d) => d.id === first.id)!.undoneAt).not.toBe(
      null,
    );
    // Once undone, a second undo is refused and changes nothing.
    const once = everyTable(province.ledger);
    const again = await refusal(province.service.invoke('sync.undelete', { id: first.id }));
    expect(again.bilingual.vi).toContain('đã được hoàn tác');
    expect(again.bilingual.en).toContain('already undone');
    expect(everyTable(province.ledger)).toEqual(once);

    // The province's next bundle restores it at the district that deleted it, without a question or a conflict.
    const restoring = await exportFrom(province);
    const there = await district.service.invoke('sync.import', input('tinh-2.aidledger', restoring));
    expect(there).toMatchObject({ inserted: 3, conflicts: 0, deleted: 0, deletionsNeedConfirmation: false });
    const atDistrict = await district.service.invoke('pledges.get', { id: ours[0]!.id });
    expect(atDistrict.deliveries).toHaveLength(2);
    expect(atDistrict.history.at(-1)).toMatchObject({
      action: 'create',
      received: { fileName: 'tinh-2.aidledger', siteName: 'Sở Ngoại vụ Cao Bằng' },
    });
    expect(totalsAgainstRows(district.ledger).stored).toEqual(totalsAgainstRows(district.ledger).fromRows);

    // The province's full bundle carries the restored record, not its deletion; the others' deletions stay.
    const full = decodeBundle(await exportFrom(province, true));
    expect(full.records.pledges.map((p) => p.id)).toContain(ours[0]!.id);
    const deleted = new Set(full.tombstones.map((t) => t.id));
    expect([ours[0]!.id, ...ours[0]!.deliveries].filter((id) => deleted.has(id))).toEqual([]);
    expect(deleted.has(ours[1]!.id)).toBe(true);
  });

  it("undone for a pledge of the office's own donor, brings the donor back with it", async () => {
    const { bytes, theirs } = await tombstoneHeavyBundle();
    await province.service.invoke('sync.import', input('huyen.aidledger', bytes, true));
    const deletion = (await province.service.invoke('sync.deletions', {})).find(
      (d) => d.recordId === theirs[1]!.pledgeId,
    )!;
    const undone = await province.service.invoke('sync.undelete', { id: deletion.id });
    expect(undone.restored.map((r) => [r.entity, r.recordId])).toEqual([
      ['donor', theirs[1]!.donorId],
      ['pledge', theirs[1]!.pledgeId],
    ]);
    expect((await province.service.invoke('pledges.get', { id: theirs[1]!.pledgeId })).pledge.donorName).toBe(
      'Quỹ Bảo Lạc 2',
    );
    // The donor's own deletion stands undone too: undoing it again is refused.
    const donorDeletion = (await province.service.invoke('sync.deletions', {})).find(
      (d) => d.recordId === theirs[1]!.donorId,
    )!;
    expect(donorDeletion.undoneAt).not.toBe(null);
    expect((await refusal(province.service.invoke('sync.undelete', { id: donorDeletion.id }))).code).toBe(
      'invalid_input',
    );
  });

  it('undone for a record restored since, or one whose donor another bundle deleted, is refused until it can be', async () => {
    await district.service.invoke('sync.import', input('tinh.aidledger', await exportFrom(province, true)));
    const own = await donor(district, 'Quỹ Huyện');
    const kept = await pledge(district, await donor(district, 'Quỹ Khác'), 'Quà giữ lại', 1_000_000);
    const gift = await pledge(district, own, 'Quà', 2_000_000);
    await province.service.invoke('sync.import', input('huyen-1.aidledger', await exportFrom(district)));
    // Edited here, then deleted there without seeing the edit: deleted here, the edit kept beside as a conflict.
    await province.service.invoke('pledges.update', { id: kept.id, notes: 'Sửa tại tỉnh' });
    await district.service.invoke('pledges.delete', { id: kept.id });
    await district.service.invoke('pledges.delete', { id: gift.id });
    await province.service.invoke('sync.import', input('huyen-2.aidledger', await exportFrom(district), true));
    const notFound = await refusal(province.service.invoke('sync.undelete', { id: crypto.randomUUID() }));
    expect(notFound).toMatchObject({ code: 'not_found', bilingual: { vi: 'Không tìm thấy việc xóa đã nhận' } });

    // The edit put back from the conflict: the record is here again, and its deletion cannot be undone.
    const [conflict] = (await province.service.invoke('sync.status', {})).conflicts;
    await province.service.invoke('sync.resolve', { conflictId: conflict!.id, keep: 'other' });
    await district.service.invoke('donors.delete', { id: own });
    await province.service.invoke('sync.import', input('huyen-3.aidledger', await exportFrom(district)));
    const deletions = await province.service.invoke('sync.deletions', {});
    const of = (id: string) => deletions.find((d) => d.recordId === id)!;
    expect(deletions.map((d) => d.bundle.fileName)).toEqual([
      'huyen-3.aidledger',
      'huyen-2.aidledger',
      'huyen-2.aidledger',
    ]);
    const before = everyTable(province.ledger);
    const again = await refusal(province.service.invoke('sync.undelete', { id: of(kept.id).id }));
    expect(again.code).toBe('duplicate');
    expect(again.bilingual.vi).toContain('đã có lại trong sổ');
    expect(everyTable(province.ledger)).toEqual(before);

    // The gift's donor was deleted by the next bundle: that deletion is undone first.
    const needs = await refusal(province.service.invoke('sync.undelete', { id: of(gift.id).id }));
    expect(needs.code).toBe('in_use');
    expect(needs.bilingual.vi).toContain('cần Nhà tài trợ Quỹ Huyện, đã bị xóa ở đây (hãy hoàn tác việc xóa đó trước)');
    expect(needs.bilingual.en).toContain('it needs Donor Quỹ Huyện, which was deleted here (undo that deletion first)');
    expect(everyTable(province.ledger)).toEqual(before);
    await province.service.invoke('sync.undelete', { id: of(own).id });
    const undone = await province.service.invoke('sync.undelete', { id: of(gift.id).id });
    expect(undone.restored.map((r) => r.recordId)).toEqual([gift.id]);
    expect((await province.service.invoke('pledges.get', { id: gift.id })).pledge.donorName).toBe('Quỹ Huyện');
  });
});

describe('the confirmation rule', () => {
  /** The district's pledges of its own donor, received at the province; then `deleted` of them deleted there. */
  async function deletedAtDistrict(made: number, deleted: number) {
    await district.service.invoke('sync.import', input('tinh.aidledger', await exportFrom(province, true)));
    const own = await donor(district, 'Quỹ Huyện');
    const pledges = [];
    for (let n = 0; n < made; n++) pledges.push(await pledge(district, own, `Quà ${n + 1}`, 1_000_000 * (n + 1)));
    await province.service.invoke('sync.import', input('huyen-1.aidledger', await exportFrom(district)));
    for (const p of pledges.slice(0, deleted)) await district.service.invoke('pledges.delete', { id: p.id });
    return { pledges, bytes: await exportFrom(district) };
  }

  it('asks nothing for 1 to 5 deletions of records made elsewhere, and asks for a 6th', async () => {
    const { pledges, bytes } = await deletedAtDistrict(11, 5);
    const preview = await province.service.invoke('sync.preview', input('huyen-2.aidledger', bytes));
    expect(preview).toMatchObject({ deleted: 5, deletionsNeedConfirmation: false });
    expect(preview.deletions.every((d: BundleDeletion) => !d.madeHere)).toBe(true);
    expect(await province.service.invoke('sync.import', input('huyen-2.aidledger', bytes))).toMatchObject({
      deleted: 5,
    });
    for (const p of pledges.slice(5)) await district.service.invoke('pledges.delete', { id: p.id });
    const six = await exportFrom(district);
    const refused = await refusal(province.service.invoke('sync.import', input('huyen-3.aidledger', six)));
    expect(refused.code).toBe('confirmation_required');
    expect(refused.bilingual.vi).toContain('xóa 6 bản ghi ở đây:');
  });

  it('asks for a single deletion of a record this office made, or created and another office edited', async () => {
    await district.service.invoke('sync.import', input('tinh.aidledger', await exportFrom(province, true)));
    const own = await donor(province, 'Quỹ Tỉnh');
    const made = await pledge(province, own, 'Nhà của tỉnh', 7_000_000);
    const edited = await pledge(province, own, 'Nhà tỉnh làm, huyện sửa', 8_000_000);
    await district.service.invoke('sync.import', input('tinh-2.aidledger', await exportFrom(province)));
    // The district's edit makes the version the district's; the history still says the province created it.
    await district.service.invoke('pledges.update', { id: edited.id, notes: 'Sửa tại huyện' });
    await province.service.invoke('sync.import', input('huyen-1.aidledger', await exportFrom(district)));
    for (const p of [made, edited]) {
      await district.service.invoke('pledges.delete', { id: p.id });
      const bytes = await exportFrom(district);
      const before = everyTable(province.ledger);
      const preview = await province.service.invoke('sync.preview', input('huyen.aidledger', bytes));
      expect(preview.deletions).toMatchObject([{ recordId: p.id, madeHere: true }]);
      expect(preview.deletionsNeedConfirmation).toBe(true);
      const refused = await refusal(province.service.invoke('sync.import', input('huyen.aidledger', bytes)));
      expect(refused.code).toBe('confirmation_required');
      expect(refused.bilingual.vi).toContain('(1 bản ghi do đơn vị này tạo)');
      expect(everyTable(province.ledger)).toEqual(before);
      expect(await province.service.invoke('sync.import', input('huyen.aidledger', bytes, true))).toMatchObject({
        deleted: 1,
      });
    }
  });

  it("applies to a forged bundle of tombstones for the province's own records: items, rates, donors, pledges", async () => {
    // An office the province accepted as one of its own (a province office): its bundle may change anything.
    const stranger = await tempLedger({ seed: false, siteName: 'Văn phòng lạ' });
    await introduce(province, stranger);
    const from = { site: stranger.ledger.site, key: keyOf(stranger.ledger) };
    await stranger.close();
    const site = from.site.id;
    const own = await donor(province, 'Quỹ Tỉnh');
    const pledges = [];
    for (let n = 1; n <= 3; n++) pledges.push(await pledge(province, own, `Nhà ${n}`, n * 1_000_000));
    const item = await province.service.invoke('items.create', {
      name: 'Nước sạch cho trường học',
      modality: 'project',
      sector: 'health',
      donorId: own,
      stageDate: '2022-01-10',
    });
    await province.service.invoke('rates.set', { currency: 'USD', validOn: '2022-09', rate: '23500', source: 'VCB' });
    // The ids as the province's own full bundle (which every district holds) gives them.
    const full = decodeBundle(await exportFrom(province, true));
    const tomb = (entity: string, id: string) => [
      't',
      {
        entity,
        id,
        version: `${String(Date.now() + 1000).padStart(16, '0')}-000000-${site}`,
        origin_site: site,
        deleted_at: new Date().toISOString(),
      },
    ];
    const lines = [
      ...full.records.aid_item_stages.map((s) => tomb('aid_item_stage', s.id)),
      tomb('aid_item', item.id),
      ...pledges.map((p) => tomb('pledge', p.id)),
      tomb('donor', own),
      ...full.records.exchange_rates.map((r) => tomb('exchange_rate', r.id)),
    ];
    const bytes = forgedBundle(from, lines);
    const before = everyTable(province.ledger);
    const preview = await province.service.invoke('sync.preview', input('la.aidledger', bytes));
    expect(preview.deletions.map((d) => [d.entity, d.madeHere])).toEqual([
      ['pledge', true],
      ['pledge', true],
      ['pledge', true],
      ['aid_item_stage', true],
      ['aid_item', true],
      ['exchange_rate', true],
      ['donor', true],
    ]);
    expect(preview.deletions.map((d) => d.what.vi)).toEqual([
      'Cam kết ngày 01/09/2022 của Quỹ Tỉnh tại Bảo Lạc: Nhà 1, 1.000.000 VND',
      'Cam kết ngày 01/09/2022 của Quỹ Tỉnh tại Bảo Lạc: Nhà 2, 2.000.000 VND',
      'Cam kết ngày 01/09/2022 của Quỹ Tỉnh tại Bảo Lạc: Nhà 3, 3.000.000 VND',
      'Giai đoạn "Đề xuất" ngày 10/01/2022 của khoản viện trợ Nước sạch cho trường học',
      'Khoản viện trợ Nước sạch cho trường học',
      'Tỷ giá USD 09/2022: 23500 (VCB)',
      'Nhà tài trợ Quỹ Tỉnh',
    ]);
    const refused = await refusal(province.service.invoke('sync.import', input('la.aidledger', bytes)));
    expect(refused.code).toBe('confirmation_required');
    expect(refused.bilingual.en).toContain(
      'The bundle from Văn phòng lạ deletes 7 records here (7 made by this office)',
    );
    expect(everyTable(province.ledger)).toEqual(before);
  });
});

describe("the quarter's close", () => {
  it('asks for the deletions of a bundle among its files, lists them, and merges them once confirmed', async () => {
    const { bytes } = await tombstoneHeavyBundle();
    const files = [{ fileName: 'huyen.aidledger', base64: bytes.toString('base64') }];
    const before = everyTable(province.ledger);
    for (const dryRun of [true, false]) {
      const refused = await province.service.invoke('imports.files', { files, dryRun });
      expect(refused).toMatchObject({ written: false, totals: { refusedFiles: 1 } });
      const [file] = refused.files;
      expect(file).toMatchObject({ deletionsNeedConfirmation: true, merge: null });
      expect(file!.deletions).toHaveLength(21);
      expect(file!.errors[0]!.message).toContain('Gói dữ liệu của Huyện Bảo Lạc xóa 21 bản ghi ở đây');
      expect(file!.errors[0]!.messageEn).toContain('The bundle from Huyện Bảo Lạc deletes 21 records here');
      expect(everyTable(province.ledger)).toEqual(before);
    }
    const check = await province.service.invoke('imports.files', { files, dryRun: true, allowDeletions: true });
    expect(check).toMatchObject({ written: false, totals: { refusedFiles: 0 } });
    const done = await province.service.invoke('imports.files', { files, allowDeletions: true });
    expect(done).toMatchObject({ written: true, files: [{ merge: { deleted: 21 }, deletionsNeedConfirmation: true }] });
    expect((await province.service.invoke('sync.deletions', {})).length).toBe(13);
  });
});

describe('the command line', () => {
  it('refuses deletions until --allow-deletions, lists the deletions received, and undoes one', async () => {
    const { bytes, ours } = await tombstoneHeavyBundle();
    const bundleFile = join(province.dir, 'huyen.aidledger');
    writeFileSync(bundleFile, bytes);
    await province.ledger.close();
    const db = province.file;

    const preview = runCli('bundle', 'import', '--db', db, bundleFile, '--dry-run');
    expect(preview.status).toBe(0);
    expect(preview.stdout).toContain('Gói xóa 21 bản ghi ở đây / The bundle deletes 21 records here:');
    expect(preview.stdout).toContain(
      '  - Cam kết ngày 01/09/2022 của Tổ chức Tầm nhìn Thế giới tại Bảo Lạc: Nhà tình nghĩa số 1, 100.000.000 VND',
    );
    expect(preview.stdout).toContain('[do đơn vị này tạo / made by this office]');
    expect(preview.stdout).toContain('--allow-deletions');

    const refused = runCli('bundle', 'import', '--db', db, bundleFile);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Lỗi: Gói dữ liệu của Huyện Bảo Lạc xóa 21 bản ghi ở đây');
    expect(refused.stderr).toContain('Error: The bundle from Huyện Bảo Lạc deletes 21 records here');
    expect(refused.stderr).toContain('Add --allow-deletions to confirm.');
    const none = runCli('bundle', 'deletions', '--db', db);
    expect(none.stdout).toContain('Chưa có gói nào xóa bản ghi ở đây');

    const merged = runCli('bundle', 'import', '--db', db, bundleFile, '--allow-deletions', '--json');
    expect(merged.status).toBe(0);
    expect(JSON.parse(merged.stdout)).toMatchObject({ deleted: 21, needsConfirmation: true });

    const listed = runCli('bundle', 'deletions', '--db', db, '--json');
    const deletions = JSON.parse(listed.stdout) as { id: string; recordId: string }[];
    expect(deletions).toHaveLength(13);
    const text = runCli('bundle', 'deletions', '--db', db).stdout;
    expect(text).toContain('Huyện Bảo Lạc  huyen.aidledger');
    const first = deletions.find((d) => d.recordId === ours[0]!.id)!;
    expect(text).toContain(`${first.id}  `);

    const undone = runCli('bundle', 'undo-deletion', '--db', db, first.id);
    expect(undone.status).toBe(0);
    expect(undone.stdout).toContain('Đã khôi phục 3 bản ghi / Restored 3 records:');
    const again = runCli('bundle', 'undo-deletion', '--db', db, first.id);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already undone');
    expect(runCli('bundle', 'undo-deletion', '--db', db).status).toBe(2);
  });
});
