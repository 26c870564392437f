/**
 * Every deletion made here can be undone, like those merged from bundles: a pledge with its deliveries, a delivery
 * alone (its pledge brought back with it when deleted since), a donor (merged into another, too); the reason is
 * asked and kept in the restored record's history; and the restore travels in bundles as an edit, leaving one record
 * at the office that received the deletion whatever the order the bundles are merged in, merged twice too.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LedgerError, type MethodInput, undoReasonOf } from '../contract';
import { introduce, tempLedger, totalsAgainstRows, type TestLedger } from './helpers';

let here: TestLedger;

async function refusal(promise: Promise<unknown>): Promise<LedgerError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

async function placeId(t: TestLedger, name: string): Promise<string> {
  return (await t.service.invoke('places.list', {})).find((p) => p.name === name)!.id;
}

async function donor(t: TestLedger, name: string): Promise<string> {
  return (await t.service.invoke('donors.create', { name, kind: 'foreign_ngo' })).id;
}

async function pledge(t: TestLedger, donorId: string, description: string, amountMinor: number) {
  return t.service.invoke('pledges.create', {
    donorId,
    placeId: await placeId(t, 'Bảo Lạc'),
    kind: 'house',
    description,
    amountMinor,
    currency: 'VND',
    pledgeDate: '2022-09-05',
  });
}

async function delivery(t: TestLedger, pledgeId: string, amountMinor: number, day = 1) {
  return t.service.invoke('deliveries.create', {
    pledgeId,
    deliveryDate: `2022-10-${String(day).padStart(2, '0')}`,
    amountMinor,
  });
}

/** Every row of the tables a deletion and its undo touch, as stored but for their versions. */
function rowsOf(t: TestLedger, table: string, id: string, column = 'id') {
  return t.ledger.sqlite
    .prepare(`SELECT * FROM ${table} WHERE ${column} = ? ORDER BY id`)
    .all(id)
    .map((r) => {
      const { version: _v, origin_site: _o, base_version: _b, updated_at: _u, ...rest } = r as Record<string, unknown>;
      return rest;
    });
}

const deletionOf = async (t: TestLedger, recordId: string) =>
  (await t.service.invoke('deletions.list', {})).find((d) => d.recordId === recordId)!;

beforeEach(async () => {
  here = await tempLedger({ siteName: 'Sở Ngoại vụ Cao Bằng' });
  here.ledger.site.userName = 'Nguyễn Thị Lan';
});
afterEach(async () => {
  await here.close();
});

describe('a pledge deleted here', () => {
  it('is listed in words with its deliveries, and undone for a reason with them, kept in its history', async () => {
    const worldVision = await donor(here, 'Tổ chức Tầm nhìn Thế giới');
    const gift = await pledge(here, worldVision, 'Nhà tình nghĩa', 300_000_000);
    const first = await delivery(here, gift.id, 100_000_000, 1);
    const second = await delivery(here, gift.id, 50_000_000, 2);
    const pledgeBefore = rowsOf(here, 'pledges', gift.id);
    const deliveriesBefore = rowsOf(here, 'deliveries', gift.id, 'pledge_id');
    expect(deliveriesBefore).toHaveLength(2);
    await here.service.invoke('pledges.delete', { id: gift.id });

    const listed = await here.service.invoke('deletions.list', {});
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({
      entity: 'pledge',
      recordId: gift.id,
      what: {
        vi: 'Cam kết ngày 05/09/2022 của Tổ chức Tầm nhìn Thế giới tại Bảo Lạc: Nhà tình nghĩa, 300.000.000 VND',
      },
      siteName: 'Sở Ngoại vụ Cao Bằng',
      userName: 'Nguyễn Thị Lan',
      bundle: null,
      undoneAt: null,
      madeHere: true,
    });
    expect(listed[0]!.parts.map((p) => p.recordId).sort()).toEqual([first.id, second.id].sort());
    expect(listed[0]!.parts[0]!.what.vi).toContain('(cam kết "Nhà tình nghĩa")');

    // No reason, or a blank one: refused, naming the field, and nothing changes.
    const noReason = await refusal(here.service.invoke('deletions.undo', { id: listed[0]!.id } as never));
    expect(noReason).toMatchObject({ code: 'invalid_input', field: 'reason' });
    const blank = await refusal(here.service.invoke('deletions.undo', { id: listed[0]!.id, reason: '   ' }));
    expect(blank).toMatchObject({ code: 'invalid_input', field: 'reason' });
    expect(rowsOf(here, 'pledges', gift.id)).toEqual([]);

    // Undone from one of its deliveries' deletions: the whole comes back.
    const byPart = (here.ledger.sqlite.prepare(`SELECT id FROM deletions WHERE record_id = ?`).get(first.id) as {
      id: string;
    })!.id;
    const undone = await here.service.invoke('deletions.undo', { id: byPart, reason: 'Xóa nhầm cam kết' });
    expect(undone.id).toBe(listed[0]!.id);
    expect(undone.restored.map((r) => r.entity)).toEqual(['pledge', 'delivery', 'delivery']);
    expect(rowsOf(here, 'pledges', gift.id)).toEqual(pledgeBefore);
    expect(rowsOf(here, 'deliveries', gift.id, 'pledge_id')).toEqual(deliveriesBefore);
    const detail = await here.service.invoke('pledges.get', { id: gift.id });
    expect(detail.deliveries).toHaveLength(2);
    expect(detail.pledge.deliveredVnd).toBe(150_000_000);
    const restoredEntries = detail.history.filter((e) => undoReasonOf(e.note) !== null);
    expect(restoredEntries.map((e) => [e.entity, e.action, undoReasonOf(e.note), e.received])).toEqual([
      ['pledge', 'create', 'Xóa nhầm cam kết', null],
      ['delivery', 'create', 'Xóa nhầm cam kết', null],
      ['delivery', 'create', 'Xóa nhầm cam kết', null],
    ]);
    expect(restoredEntries[0]!.userName).toBe('Nguyễn Thị Lan');
    expect(totalsAgainstRows(here.ledger).stored).toEqual(totalsAgainstRows(here.ledger).fromRows);
    expect(await here.service.invoke('pledges.list', { filter: { text: 'tinh nghia' } })).toMatchObject({
      rows: [{ id: gift.id }],
    });

    const after = await deletionOf(here, gift.id);
    expect(after).toMatchObject({ undoneBy: 'Nguyễn Thị Lan', undoReason: 'Xóa nhầm cam kết' });
    expect(after.undoneAt).not.toBe(null);
    const again = await refusal(here.service.invoke('deletions.undo', { id: after.id, reason: 'Lần nữa' }));
    expect(again.code).toBe('invalid_input');
    expect(again.bilingual.vi).toContain('đã được hoàn tác');
  });
});

describe('a delivery deleted here', () => {
  it('is undone into its pledge, and brings back its pledge when that was deleted since', async () => {
    const d = await donor(here, 'Quỹ Bảo Lạc');
    const gift = await pledge(here, d, 'Bò giống', 100_000_000);
    const lone = await delivery(here, gift.id, 20_000_000, 1);
    const other = await delivery(here, gift.id, 30_000_000, 2);
    await here.service.invoke('deliveries.delete', { id: lone.id });
    const deletion = await deletionOf(here, lone.id);
    expect(deletion).toMatchObject({ entity: 'delivery', parts: [] });
    expect(deletion.what.vi).toBe('Giao / giải ngân ngày 01/10/2022: 20.000.000 VND (cam kết "Bò giống")');
    // The pledge's history offers it: a deletion entry for the delivery, whose kept deletion stands.
    const history = (await here.service.invoke('pledges.get', { id: gift.id })).history;
    expect(history.at(-1)).toMatchObject({ action: 'delete', entity: 'delivery', entityId: lone.id });

    // Its pledge deleted since (with the other delivery): undoing the delivery brings the pledge back, whole.
    await here.service.invoke('pledges.delete', { id: gift.id });
    const undone = await here.service.invoke('deletions.undo', { id: deletion.id, reason: 'Phiếu giao có thật' });
    expect(undone.restored.map((r) => [r.entity, r.recordId])).toEqual([
      ['pledge', gift.id],
      ['delivery', other.id],
      ['delivery', lone.id],
    ]);
    const detail = await here.service.invoke('pledges.get', { id: gift.id });
    expect(detail.deliveries.map((x) => x.id).sort()).toEqual([lone.id, other.id].sort());
    expect((await deletionOf(here, gift.id)).undoReason).toBe('Phiếu giao có thật');
    expect(totalsAgainstRows(here.ledger).stored).toEqual(totalsAgainstRows(here.ledger).fromRows);
  });

  it('whose pledge is gone and not kept says so, naming both, and changes nothing', async () => {
    const d = await donor(here, 'Quỹ Hạ Lang');
    const gift = await pledge(here, d, 'Giếng nước', 100_000_000);
    const lone = await delivery(here, gift.id, 20_000_000);
    await here.service.invoke('deliveries.delete', { id: lone.id });
    await here.service.invoke('pledges.delete', { id: gift.id });
    // The pledge's kept deletion is lost (a ledger of an earlier release kept none of its own).
    here.ledger.sqlite.prepare(`DELETE FROM deletions WHERE record_id = ?`).run(gift.id);
    const refused = await refusal(
      here.service.invoke('deletions.undo', { id: (await deletionOf(here, lone.id)).id, reason: 'Thử' }),
    );
    expect(refused.code).toBe('in_use');
    expect(refused.bilingual.vi).toContain('Không khôi phục được Giao / giải ngân ngày 01/10/2022');
    expect(refused.bilingual.vi).toContain(`cần cam kết ${gift.id}, đã bị xóa ở đây và không còn giữ để khôi phục`);
    expect(refused.bilingual.en).toContain(`it needs the pledge ${gift.id}, which was deleted here`);
    expect(rowsOf(here, 'deliveries', lone.id)).toEqual([]);
  });
});

describe('a donor deleted here', () => {
  it('is undone as it stood, merged into the donor it was merged into, and refused when its name is taken', async () => {
    const plan = await donor(here, 'Plan International');
    const plain = await donor(here, 'Quỹ Nhỏ');
    const alias = await donor(here, 'Plan Intl');
    await here.service.invoke('donors.merge', { id: alias, intoId: plan });
    const aliasBefore = rowsOf(here, 'donors', alias);
    await here.service.invoke('donors.delete', { id: alias });
    await here.service.invoke('donors.delete', { id: plain });
    const listed = await here.service.invoke('deletions.list', {});
    expect(listed.map((d) => d.what.vi)).toEqual(['Nhà tài trợ Quỹ Nhỏ', 'Nhà tài trợ Plan Intl']);

    await here.service.invoke('deletions.undo', { id: listed[1]!.id, reason: 'Tên viết tắt vẫn dùng' });
    expect(rowsOf(here, 'donors', alias)).toEqual(aliasBefore);
    expect(
      (await here.service.invoke('donors.list', { includeMerged: true })).find((d) => d.id === alias),
    ).toMatchObject({ mergedInto: plan });

    // A donor of the same name made since: refused, naming it; nothing changes.
    await donor(here, 'Quỹ nhỏ');
    const taken = await refusal(here.service.invoke('deletions.undo', { id: listed[0]!.id, reason: 'Thử' }));
    expect(taken.code).toBe('duplicate');
    expect(taken.bilingual.vi).toBe('Không khôi phục được Nhà tài trợ Quỹ Nhỏ: trùng với một bản ghi đã có ở đây');
    expect(taken.bilingual.en).toBe('Cannot restore Donor Quỹ Nhỏ: it duplicates a record now in the ledger');
    expect((await deletionOf(here, plain)).undoneAt).toBe(null);
  });
});

describe('an aid item deleted here', () => {
  it('is refused while lines belong to it, else deleted with its stages and undone with them', async () => {
    const d = await donor(here, 'Quỹ Hy Vọng');
    const item = await here.service.invoke('items.create', {
      name: 'Chương trình nước sạch',
      modality: 'project',
      sector: 'water',
      donorId: d,
      stageDate: '2026-03-01',
    });
    await here.service.invoke('items.stage', { id: item.id, stage: 'appraised', date: '2026-04-01' });
    const line = await pledge(here, d, 'Giếng khoan', 50_000_000);
    await here.service.invoke('items.attach', { itemId: item.id, pledgeIds: [line.id] });
    const inUse = await refusal(here.service.invoke('items.delete', { id: item.id }));
    expect(inUse).toMatchObject({ code: 'in_use', field: 'id' });
    expect(inUse.bilingual.vi).toContain('Không xóa được khoản viện trợ "Chương trình nước sạch": còn 1 dòng cam kết');
    await here.service.invoke('items.attach', { itemId: null, pledgeIds: [line.id] });

    const itemBefore = rowsOf(here, 'aid_items', item.id);
    const stagesBefore = rowsOf(here, 'aid_item_stages', item.id, 'item_id');
    expect(stagesBefore).toHaveLength(2);
    await here.service.invoke('items.delete', { id: item.id });
    expect(rowsOf(here, 'aid_item_stages', item.id, 'item_id')).toEqual([]);
    const deletion = await deletionOf(here, item.id);
    expect(deletion.what.vi).toBe('Khoản viện trợ Chương trình nước sạch');
    expect(deletion.parts.map((p) => p.what.vi)).toEqual([
      'Giai đoạn "Đề xuất" ngày 01/03/2026 của khoản viện trợ Chương trình nước sạch',
      'Giai đoạn "Thẩm định" ngày 01/04/2026 của khoản viện trợ Chương trình nước sạch',
    ]);
    const undone = await here.service.invoke('deletions.undo', { id: deletion.id, reason: 'Dự án vẫn thực hiện' });
    expect(undone.restored.map((r) => r.entity)).toEqual(['aid_item', 'aid_item_stage', 'aid_item_stage']);
    expect(rowsOf(here, 'aid_items', item.id)).toEqual(itemBefore);
    expect(rowsOf(here, 'aid_item_stages', item.id, 'item_id')).toEqual(stagesBefore);
    const detail = await here.service.invoke('items.get', { id: item.id });
    expect(detail.stages).toHaveLength(2);
    expect(detail.history.filter((e) => undoReasonOf(e.note) === 'Dự án vẫn thực hiện').map((e) => e.entity)).toEqual([
      'aid_item',
      'aid_item_stage',
      'aid_item_stage',
    ]);
  });
});

describe('a deletion undone, sent in bundles', () => {
  let there: TestLedger;
  beforeEach(async () => {
    there = await tempLedger({ seed: false, siteName: 'Huyện Bảo Lạc' });
    await introduce(here, there);
  });
  afterEach(async () => {
    await there.close();
  });

  const exportFrom = async (t: TestLedger, all = false) => (await t.service.invoke('sync.export', { all })).base64;
  const bundle = (fileName: string, base64: string): MethodInput<'sync.import'> => ({
    fileName,
    base64,
    allowDeletions: true,
  });

  /** A pledge with two deliveries sent there; deleted here (bundle 1), then undone here (bundle 2). */
  async function deletedThenUndone() {
    const d = await donor(here, 'Tổ chức Tầm nhìn Thế giới');
    const gift = await pledge(here, d, 'Nhà tình nghĩa', 300_000_000);
    await delivery(here, gift.id, 100_000_000, 1);
    await delivery(here, gift.id, 50_000_000, 2);
    await there.service.invoke('sync.import', bundle('tinh-0.aidledger', await exportFrom(here, true)));
    await here.service.invoke('pledges.delete', { id: gift.id });
    const deleting = await exportFrom(here);
    await here.service.invoke('deletions.undo', {
      id: (await deletionOf(here, gift.id)).id,
      reason: 'Xóa nhầm ở tỉnh',
    });
    const restoring = await exportFrom(here);
    return { gift, deleting, restoring };
  }

  async function expectOneRecord(gift: { id: string }) {
    const detail = await there.service.invoke('pledges.get', { id: gift.id });
    expect(detail.deliveries).toHaveLength(2);
    expect(rowsOf(there, 'pledges', gift.id)).toHaveLength(1);
    expect(rowsOf(there, 'deliveries', gift.id, 'pledge_id')).toHaveLength(2);
    expect(there.ledger.sqlite.prepare(`SELECT count(*) FROM tombstones`).pluck().get()).toBe(0);
    // The reason given here is in the history there.
    expect(detail.history.filter((e) => undoReasonOf(e.note) === 'Xóa nhầm ở tỉnh').map((e) => e.entity)).toEqual([
      'pledge',
      'delivery',
      'delivery',
    ]);
    expect(totalsAgainstRows(there.ledger).stored).toEqual(totalsAgainstRows(there.ledger).fromRows);
    return detail;
  }

  it('brings the record back with its parts where the deletion had arrived, merged twice too', async () => {
    const { gift, deleting, restoring } = await deletedThenUndone();
    await there.service.invoke('sync.import', bundle('tinh-1.aidledger', deleting));
    expect(rowsOf(there, 'pledges', gift.id)).toEqual([]);
    expect((await deletionOf(there, gift.id)).bundle?.fileName).toBe('tinh-1.aidledger');
    await there.service.invoke('sync.import', bundle('tinh-2.aidledger', restoring));
    await expectOneRecord(gift);
    // The deletion received there stands undone, by the office that undid it.
    expect(await deletionOf(there, gift.id)).toMatchObject({ undoneBy: 'Sở Ngoại vụ Cao Bằng' });
    for (const [name, base64] of [
      ['tinh-1.aidledger', deleting],
      ['tinh-2.aidledger', restoring],
    ] as const)
      await there.service.invoke('sync.import', bundle(name, base64));
    await expectOneRecord(gift);
  });

  it('leaves one record when the restore arrives before the deletion, merged twice too', async () => {
    const { gift, deleting, restoring } = await deletedThenUndone();
    await there.service.invoke('sync.import', bundle('tinh-2.aidledger', restoring));
    await there.service.invoke('sync.import', bundle('tinh-1.aidledger', deleting));
    await expectOneRecord(gift);
    await there.service.invoke('sync.import', bundle('tinh-2.aidledger', restoring));
    await there.service.invoke('sync.import', bundle('tinh-1.aidledger', deleting));
    await expectOneRecord(gift);
    // And back here, the office's own bundles change nothing.
    await here.service.invoke('sync.import', bundle('huyen.aidledger', await exportFrom(there, true)));
    expect((await here.service.invoke('pledges.get', { id: gift.id })).deliveries).toHaveLength(2);
  });
});
