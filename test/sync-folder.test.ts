/**
 * An exchange folder as the offices' post office, and offices that fall silent: each office writes its bundles there
 * and is offered the others'; the Đồng bộ screen and the to-do list say which office has sent nothing for too long.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LedgerError } from '../contract/errors';
import { openLedgerHost } from '../db/host';
import { introduce, tableCounts, tempDir, tempLedger, type TestLedger } from './helpers';

const open: { close(): Promise<void> }[] = [];
const folders: ReturnType<typeof tempDir>[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) await o.close();
  for (const f of folders.splice(0)) f.remove();
});

async function office(name: string, clock?: () => number): Promise<TestLedger> {
  const ledger = await tempLedger({ siteName: name, ...(clock ? { clock } : {}) });
  open.push(ledger);
  return ledger;
}

function folder(): string {
  const made = tempDir();
  folders.push(made);
  return made.dir;
}

async function aPledge(t: TestLedger, description: string) {
  const places = await t.service.invoke('places.list', {});
  const donor = await t.service.invoke('donors.create', { name: `Quỹ ${description}`, kind: 'foundation' });
  return t.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId: places.find((p) => p.level === 'district' && p.name.endsWith('Bảo Lạc'))!.id,
    kind: 'gift',
    description,
    amountMinor: 5_000_000,
    currency: 'VND',
    pledgeDate: '2022-10-01',
  });
}

async function refusal(work: Promise<unknown>): Promise<LedgerError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LedgerError);
  return error as LedgerError;
}

describe('the exchange folder', () => {
  it('is a folder this computer reaches, given as a full path; the reminder days default to 14', async () => {
    const t = await office('Sở Ngoại vụ');
    expect((await t.service.invoke('settings.get', {})).reminderDays).toBe(14);
    expect((await t.service.invoke('settings.get', {})).exchangeFolder).toBeNull();
    const dir = folder();
    const notThere = await refusal(t.service.invoke('settings.update', { exchangeFolder: join(dir, 'khong-co') }));
    expect(notThere.toShape()).toMatchObject({ field: 'exchangeFolder' });
    expect(notThere.toShape().message.vi).toContain('Thư mục trao đổi');
    const relative = await refusal(t.service.invoke('settings.update', { exchangeFolder: 'TraoDoi' }));
    expect(relative.toShape().message.en).toContain('not a full path');
    writeFileSync(join(dir, 'a-file.txt'), 'x');
    const aFile = await refusal(t.service.invoke('settings.update', { exchangeFolder: join(dir, 'a-file.txt') }));
    expect(aFile.toShape().message.en).toContain('is not a folder');
    const set = await t.service.invoke('settings.update', { exchangeFolder: dir, reminderDays: 7 });
    expect(set).toMatchObject({ exchangeFolder: dir, reminderDays: 7 });
    expect((await t.service.invoke('settings.update', { exchangeFolder: null })).exchangeFolder).toBeNull();
    const none = await refusal(t.service.invoke('sync.send', {}));
    expect(none.toShape()).toMatchObject({ field: 'exchangeFolder' });
  });

  it("carries an office's changes to another office: written when changes wait, offered once, received whole", async () => {
    const dir = folder();
    const district = await office('Huyện Bảo Lạc, máy 1');
    const province = await office('Sở Ngoại vụ');
    await introduce(district, province);
    await province.service.invoke('sync.import', {
      fileName: 'full.aidledger',
      base64: (await district.service.invoke('sync.export', { all: true })).base64,
    });
    for (const t of [district, province]) await t.service.invoke('settings.update', { exchangeFolder: dir });

    // Nothing waits: nothing is written.
    expect(await district.service.invoke('sync.send', {})).toEqual({ fileName: null, records: 0 });
    expect((await district.service.invoke('sync.folder', {})).waiting).toBe(false);
    const pledge = await aPledge(district, 'Quà Tết qua thư mục');
    expect((await district.service.invoke('sync.folder', {})).waiting).toBe(true);
    const sent = await district.service.invoke('sync.send', {});
    expect(sent.fileName).toMatch(/^Huyen-Bao-Lac-may-1-[0-9a-f]{8}-\d{8}T\d{6}Z\.aidledger$/);
    expect(sent.records).toBeGreaterThan(0);
    expect(readdirSync(dir)).toEqual([sent.fileName]);
    expect(await district.service.invoke('sync.send', {})).toEqual({ fileName: null, records: 0 });

    // What is not a bundle of an office, and an office's own files, are not offered.
    writeFileSync(join(dir, 'ghi-chu.txt'), 'không phải gói');
    writeFileSync(join(dir, `${sent.fileName}.partial`), 'dở dang');
    mkdirSync(join(dir, 'x-0000aaaa-20261207T000000Z.aidledger'));
    expect((await district.service.invoke('sync.folder', {})).offered).toEqual([]);
    const status = await province.service.invoke('sync.folder', {});
    expect(status).toMatchObject({ folder: dir, problem: null, waiting: false });
    expect(status.offered.map((f) => f.fileName)).toEqual([sent.fileName]);
    expect(status.offered[0]!.bytes).toBe(readFileSync(join(dir, sent.fileName!)).length);

    // A check writes nothing and the file stays offered; receiving merges it; then it is no longer offered.
    const before = tableCounts(province.ledger);
    const check = await province.service.invoke('sync.receive', { fileNames: [sent.fileName!], dryRun: true });
    expect(check).toMatchObject({ dryRun: true, written: false });
    expect(check.files[0]!.merge!.inserted).toBeGreaterThan(0);
    expect(tableCounts(province.ledger)).toEqual(before);
    const received = await province.service.invoke('sync.receive', { fileNames: [sent.fileName!] });
    expect(received.written).toBe(true);
    expect((await province.service.invoke('pledges.get', { id: pledge.id })).pledge.description).toBe(
      'Quà Tết qua thư mục',
    );
    expect((await province.service.invoke('sync.folder', {})).offered).toEqual([]);
    const again = await refusal(province.service.invoke('sync.receive', { fileNames: [sent.fileName!] }));
    expect(again.toShape()).toMatchObject({ field: 'fileNames' });
  });

  it('refuses a name not offered in the folder and a damaged bundle there, changing nothing', async () => {
    const dir = folder();
    const province = await office('Sở Ngoại vụ');
    await province.service.invoke('settings.update', { exchangeFolder: dir });
    const outside = await refusal(province.service.invoke('sync.receive', { fileNames: ['../x.aidledger'] }));
    expect(outside.toShape()).toMatchObject({ code: 'invalid_input' });
    const damaged = 'Huyen-Bao-Lac-0123abcd-20261207T010203Z.aidledger';
    writeFileSync(join(dir, damaged), `AIDLEDGER-BUNDLE 2 ${'0'.repeat(64)}\nkhông phải gzip`);
    expect((await province.service.invoke('sync.folder', {})).offered.map((f) => f.fileName)).toEqual([damaged]);
    const before = tableCounts(province.ledger);
    const result = await province.service.invoke('sync.receive', { fileNames: [damaged] });
    expect(result.written).toBe(false);
    expect(result.files[0]!.errors[0]!.messageEn).toContain('Bundle refused');
    expect(tableCounts(province.ledger)).toEqual(before);
    expect((await province.service.invoke('sync.folder', {})).offered.map((f) => f.fileName)).toEqual([damaged]);
  });

  it('says why a folder set before cannot be used now (a USB stick taken out)', async () => {
    const dir = folder();
    const t = await office('Sở Ngoại vụ');
    const stick = join(dir, 'usb');
    mkdirSync(stick);
    await t.service.invoke('settings.update', { exchangeFolder: stick });
    folders.push({ dir: stick, remove: () => undefined });
    (await import('node:fs')).rmSync(stick, { recursive: true });
    const status = await t.service.invoke('sync.folder', {});
    expect(status.folder).toBe(stick);
    expect(status.problem).toContain(stick);
    expect(status.offered).toEqual([]);
  });

  it('is written when the app closes, with what waits', async () => {
    const dir = folder();
    const home = tempDir();
    folders.push(home);
    const host = await openLedgerHost(join(home.dir, 'so.sqlite'), { onBackupError: () => undefined });
    const call = async (method: string, input: unknown) => {
      const answer = await host.call(method, input);
      if (!answer.ok) throw LedgerError.fromShape(answer.error);
      return answer.result as never;
    };
    await call('places.choose', { province: '04' });
    await call('settings.update', { exchangeFolder: dir });
    await call('donors.create', { name: 'Quỹ Đóng Máy', kind: 'foundation' });
    expect(readdirSync(dir)).toEqual([]);
    await host.close();
    const written = readdirSync(dir);
    expect(written).toHaveLength(1);
    expect(written[0]).toMatch(/\.aidledger$/);
    expect(existsSync(join(dir, `${written[0]}.partial`))).toBe(false);
  });
});

describe('offices that fall silent', () => {
  it('are reminders once silent for longer than the department allows, and so are changes not sent', async () => {
    let now = Date.parse('2026-11-01T08:00:00Z');
    const clock = () => now;
    const district = await office('Huyện Bảo Lạc', clock);
    const province = await office('Sở Ngoại vụ', clock);
    await introduce(district, province);
    await province.service.invoke('sync.import', {
      fileName: 'huyen.aidledger',
      base64: (await district.service.invoke('sync.export', { all: true })).base64,
    });
    await aPledge(province, 'Chưa gửi');
    const fresh = await province.service.invoke('sync.status', {});
    expect(fresh.offices).toEqual([
      expect.objectContaining({ siteName: 'Huyện Bảo Lạc', silentDays: 0, overdue: false }),
    ]);
    expect(fresh.reminders).toEqual([]);

    now += 15 * 86_400_000;
    const late = await province.service.invoke('sync.status', {});
    expect(late.reminderDays).toBe(14);
    expect(late.offices[0]).toMatchObject({ silentDays: 15, overdue: true });
    expect(late.reminders).toEqual([
      expect.objectContaining({ kind: 'office_silent', siteName: 'Huyện Bảo Lạc', days: 15 }),
      expect.objectContaining({ kind: 'not_sent', days: 15 }),
    ]);
    await province.service.invoke('settings.update', { reminderDays: 30 });
    expect((await province.service.invoke('sync.status', {})).reminders).toEqual([]);
    await province.service.invoke('settings.update', { reminderDays: 14 });
    await province.service.invoke('sync.export', {});
    expect((await province.service.invoke('sync.status', {})).reminders.map((r) => r.kind)).toEqual(['office_silent']);
  });

  it('counts an office accepted and never heard from as silent since it was accepted; a revoked one is not reminded of', async () => {
    let now = Date.parse('2026-11-01T08:00:00Z');
    const clock = () => now;
    const district = await office('Huyện Hà Quảng', clock);
    const province = await office('Sở Ngoại vụ', clock);
    await introduce(district, province);
    now += 3 * 86_400_000;
    const early = await province.service.invoke('sync.status', {});
    expect(early.offices).toEqual([
      expect.objectContaining({ siteName: 'Huyện Hà Quảng', lastReceivedAt: null, silentDays: 3, overdue: false }),
    ]);
    now += 12 * 86_400_000;
    const late = await province.service.invoke('sync.status', {});
    expect(late.reminders).toEqual([
      expect.objectContaining({ kind: 'office_silent', siteName: 'Huyện Hà Quảng', since: null, days: 15 }),
    ]);
    await province.service.invoke('offices.revoke', { siteId: district.ledger.site.id });
    const revoked = await province.service.invoke('sync.status', {});
    expect(revoked.offices).toEqual([]);
    expect(revoked.reminders).toEqual([]);
  });
});
