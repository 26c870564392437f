/**
 * Clocks that cannot be poisoned: a bundle from a clock more than a day ahead is refused, naming the office and its
 * clock; the change clock moves only with what a ledger keeps (a preview, a refusal or a rolled-back pass moves
 * nothing); the counter carries instead of overflowing; a ledger poisoned by an earlier release is repaired (the
 * migration, alike at every office; `clock repair` for what is ahead of one machine); and a machine whose clock
 * disagrees with its ledger is told at start.
 */
import { copyFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupFolder } from '../db/backup';
import { contextFor } from '../db/core/context';
import { openLedger, type Ledger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { formatVersion, HybridClock, parseVersion } from '../db/sync/clock';
import { explainClock } from '../db/sync/clock-reading';
import { importBundle } from '../db/sync/import';
import { clockText } from '../db/sync/vet/clock';
import { runCli } from './cli-run';
import { keyOf } from './forge';
import { forgeBundle, rawRows, readRaw } from './forge-lines';
import { fingerprint } from './fuzz-helpers';
import { introduce, tableCounts, tempLedger, type TestLedger } from './helpers';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR_2255 = Date.UTC(2255, 0, 1, 10);

const open: TestLedger[] = [];
afterEach(async () => {
  for (const t of open.splice(0)) await t.close();
});

/** A test ledger closed after the test; `ahead`: its machine's clock runs that far ahead of the real one. */
async function office(siteName: string, options: { ahead?: number; seed?: boolean } = {}): Promise<TestLedger> {
  const ahead = options.ahead ?? 0;
  const t = await tempLedger({
    siteName,
    seed: options.seed ?? false,
    ...(ahead ? { clock: () => Date.now() + ahead } : {}),
  });
  open.push(t);
  return t;
}

const base64Of = async (t: TestLedger, all = false) => (await t.service.invoke('sync.export', { all })).base64;
const bytesOf = async (t: TestLedger, all = false) => Buffer.from(await base64Of(t, all), 'base64');

/** A province and a district that took its reference bundle; the district's clock may run ahead. */
async function provinceAndDistrict(ahead = 0): Promise<{ province: TestLedger; district: TestLedger }> {
  const province = await office('Sở Ngoại vụ', { seed: true });
  const district = await office('Huyện Bảo Lạc', { ahead });
  await introduce(province, district);
  await district.service.invoke('sync.import', { fileName: 'tinh.aidledger', base64: await base64Of(province, true) });
  return { province, district };
}

/** A new pledge (and donor) at an office. */
async function pledgeAt(t: TestLedger, description = 'Nhà tình nghĩa') {
  const places = await t.service.invoke('places.list', {});
  const donor =
    (await t.service.invoke('donors.list', {})).find((d) => d.name === `Quỹ ${t.ledger.site.name}`) ??
    (await t.service.invoke('donors.create', { name: `Quỹ ${t.ledger.site.name}`, kind: 'foundation' }));
  return t.service.invoke('pledges.create', {
    donorId: donor.id,
    placeId: places.find((p) => p.name === 'Bảo Lạc')!.id,
    kind: 'house',
    description,
    amountMinor: 5_000_000,
    currency: 'VND',
    pledgeDate: '2022-09-01',
  });
}

/** The version the next local edit gets: a new donor's. */
async function nextVersion(t: TestLedger): Promise<string> {
  const donor = await t.service.invoke('donors.create', { name: `Kiểm tra ${Math.random()}`, kind: 'individual' });
  return versionOf(t.ledger, 'donors', donor.id);
}
const versionOf = (ledger: Ledger, table: string, id: string) =>
  (ledger.sqlite.prepare(`SELECT version FROM ${table} WHERE id = ?`).get(id) as { version: string }).version;

/** A version made by a sane clock: six-digit counter, time within a minute of now. */
function expectSane(version: string): void {
  const parsed = parseVersion(version);
  expect(parsed, version).not.toBeNull();
  expect(Math.abs(parsed!.ms - Date.now()), version).toBeLessThan(MINUTE);
}

describe('the counter of a version', () => {
  it('carries into the next millisecond past 999999, so versions still sort', () => {
    const clock = new HybridClock(
      () => 'site-a',
      () => 1_000,
    );
    clock.observe('0000000000005000-999998-site-b');
    const run = [clock.next(), clock.next(), clock.next()];
    expect(run).toEqual([
      '0000000000005000-999999-site-a',
      '0000000000005001-000000-site-a',
      '0000000000005001-000001-site-a',
    ]);
    expect([...run].sort()).toEqual(run);
    // Versions as earlier releases wrote them still read.
    expect(parseVersion('1669000000000-000003-x')).toEqual({ ms: 1669000000000, counter: 3, site: 'x' });
  });

  it('at 999999 in a reopened ledger, gives the next edit a later six-digit version', async () => {
    const t = await office('Huyện Bảo Lạc', { seed: true });
    const donor = await t.service.invoke('donors.create', { name: 'Quỹ Đếm', kind: 'foundation' });
    const full = formatVersion(Date.now() + MINUTE, 999_999, 'other-site');
    t.ledger.sqlite.prepare('UPDATE donors SET version = ? WHERE id = ?').run(full, donor.id);
    await t.ledger.close();
    const reopened = await openLedger(t.file);
    try {
      const made = await createLedgerService(reopened).invoke('donors.create', { name: 'Quỹ Sau', kind: 'foundation' });
      const version = versionOf(reopened, 'donors', made.id);
      expect(version > full).toBe(true);
      expect(parseVersion(version)).toMatchObject({ counter: 0, ms: parseVersion(full)!.ms + 1 });
    } finally {
      await reopened.close();
    }
  });
});

describe('a bundle from a clock ahead', () => {
  it('a day and a minute ahead is refused, naming the office and the time its clock gave; an hour ahead merges', async () => {
    const { province, district } = await provinceAndDistrict(DAY + MINUTE);
    const pledge = await pledgeAt(district);
    const bytes = await bytesOf(district);
    const print = fingerprint(province.ledger);
    const answer = await province.service.call('sync.import', {
      fileName: 'bao-lac.aidledger',
      base64: bytes.toString('base64'),
    });
    expect(answer.ok).toBe(false);
    const { message } = (answer as { ok: false; error: { message: { vi: string; en: string } } }).error;
    // The first thing ahead in the bundle: the donor the district made, as its clock gave it.
    const donorVersion = versionOf(district.ledger, 'donors', pledge.donorId);
    const their = clockText(parseVersion(donorVersion)!.ms);
    expect(message.vi).toContain(`đồng hồ của Huyện Bảo Lạc chỉ ${their.vi} (bản ghi donors ${pledge.donorId})`);
    expect(message.vi).toContain('trước đồng hồ máy này');
    expect(message.en).toContain(`the clock of Huyện Bảo Lạc read ${their.en} (the donors record ${pledge.donorId})`);
    expect(message.en).toContain('the ledger was not changed');
    expect(fingerprint(province.ledger)).toBe(print);

    const near = await office('Huyện Nguyên Bình', { ahead: HOUR });
    await introduce(province, near);
    await near.service.invoke('sync.import', { fileName: 'tinh.aidledger', base64: await base64Of(province, true) });
    await pledgeAt(near);
    expect(
      await province.service.invoke('sync.import', { fileName: 'nguyen-binh.aidledger', base64: await base64Of(near) }),
    ).toMatchObject({ inserted: 2, conflicts: 0 });
  });

  it('in the year 2255 is refused, and the next edit here is still of today', async () => {
    const { province, district } = await provinceAndDistrict(YEAR_2255 - Date.now());
    await pledgeAt(district);
    const answer = await province.service.call('sync.preview', {
      fileName: 'x.aidledger',
      base64: await base64Of(district),
    });
    expect(answer).toMatchObject({ ok: false, error: { message: { vi: expect.stringContaining('01/01/2255 10:') } } });
    await province.service.call('sync.import', { fileName: 'x.aidledger', base64: await base64Of(district, true) });
    expectSane(await nextVersion(province));
  });

  it('previewed, refused, or merged and then rolled back, leaves the clock where it was; merged, moves it past', async () => {
    const { province, district } = await provinceAndDistrict(12 * HOUR);
    await pledgeAt(district);
    const ahead = await bytesOf(district);
    const input = { fileName: 'bao-lac.aidledger', base64: ahead.toString('base64') };
    const newest = readRaw(ahead)
      .lines.filter((l) => l[0] === 'r')
      .map((l) => (l[2] as { version: string }).version)
      .sort()
      .at(-1)!;
    expect(parseVersion(newest)!.ms).toBeGreaterThan(Date.now() + 11 * HOUR);

    // Previewed.
    expect(await province.service.invoke('sync.preview', input)).toMatchObject({ inserted: 2 });
    expectSane(await nextVersion(province));
    // Refused at its last row, after the rest was merged in its savepoint.
    const raw = readRaw(ahead);
    const broken = structuredClone(rawRows(raw, 'pledges')[0]!);
    Object.assign(broken, { id: '0f0f0f0f-0000-4000-8000-000000000000', currency: 'ZZZ' });
    raw.lines.push(['r', 'pledges', broken]);
    expect(
      await province.service.call('sync.import', {
        ...input,
        base64: forgeBundle(raw, keyOf(district.ledger)).toString('base64'),
      }),
    ).toMatchObject({ ok: false });
    expectSane(await nextVersion(province));
    // Merged in the quarter's pass, which a later file refuses: nothing of it stays, the clock neither.
    const refusedLater = {
      fileName: 'sau.aidledger',
      base64: forgeBundle(raw, keyOf(district.ledger)).toString('base64'),
    };
    const pass = await province.service.invoke('imports.files', { files: [input, refusedLater] });
    expect(pass.written).toBe(false);
    expectSane(await nextVersion(province));
    // Checked only, in the pass.
    expect((await province.service.invoke('imports.files', { files: [input], dryRun: true })).written).toBe(false);
    expectSane(await nextVersion(province));
    // Merged by a caller of the merge itself, in a transaction of its own, as a check.
    await province.ledger.db
      .transaction()
      .execute((trx) => importBundle(contextFor(province.ledger, trx), ahead, { dryRun: true }));
    expectSane(await nextVersion(province));

    // Merged and kept: the next edit orders after what the bundle brought.
    const counts = tableCounts(province.ledger);
    expect(await province.service.invoke('sync.import', input)).toMatchObject({ inserted: 2 });
    expect(tableCounts(province.ledger).pledges).toBe(counts.pledges! + 1);
    expect((await nextVersion(province)) > newest).toBe(true);
  });
});

/** Every version in a ledger, of every table and column that holds one. */
function allVersions(ledger: Ledger): string[] {
  const columns: [string, string][] = [
    ...[
      'places',
      'place_successors',
      'donors',
      'aid_items',
      'aid_item_stages',
      'pledges',
      'deliveries',
      'exchange_rates',
      'tombstones',
    ].flatMap((t) => [[t, 'version'] as [string, string], [t, 'base_version'] as [string, string]]),
    ['sync_conflicts', 'kept_version'],
    ['sync_conflicts', 'other_version'],
    ['sync_marks', 'exported_version'],
  ];
  return columns.flatMap(
    ([table, column]) =>
      ledger.sqlite.prepare(`SELECT ${column} FROM ${table} WHERE ${column} <> ''`).pluck().all() as string[],
  );
}

describe('a ledger poisoned by an earlier release', () => {
  /**
   * The district as the earlier release left it after a bundle from a clock in 2255 was only previewed: every later
   * edit carries that year, one a seventeen-digit time, one a seven-digit counter; its exports then fail.
   */
  async function poisoned() {
    const { province, district } = await provinceAndDistrict();
    const before = await pledgeAt(district, 'Trước khi đồng hồ sai');
    await province.service.invoke('sync.import', { fileName: 'bao-lac-1.aidledger', base64: await base64Of(district) });
    // What the earlier release's preview did: its clock moved past the bundle's versions and stayed there.
    district.ledger.tracking.clock.observe(formatVersion(Date.UTC(2255, 0, 1), 0, 'xa-tuong-lai'));
    await district.service.invoke('pledges.update', { id: before.id, amountMinor: 6_000_000, reason: 'Điều chỉnh' });
    const later = await pledgeAt(district, 'Sau khi đồng hồ sai');
    const gone = await pledgeAt(district, 'Sẽ xóa');
    await district.service.invoke('pledges.delete', { id: gone.id });
    await district.service.invoke('sync.export', {});
    district.ledger.tracking.clock.observe('9999999999999999-999999-xa-tuong-lai');
    const last = await pledgeAt(district, 'Mười bảy chữ số');
    expect(versionOf(district.ledger, 'pledges', last.id)).toMatch(/^10000000000000000-\d{6}-/);
    // Exported once more, the mark of what was exported is that seventeen-digit version: the next export fails.
    await district.service.invoke('sync.export', {});
    await expect(district.service.invoke('sync.export', {})).rejects.toThrow(/Invalid time value/);
    const delivery = await district.service.invoke('deliveries.create', {
      pledgeId: later.id,
      deliveryDate: '2022-10-01',
      amountMinor: 1_000,
    });
    const site = district.ledger.site.id;
    district.ledger.sqlite
      .prepare('UPDATE deliveries SET version = ? WHERE id = ?')
      .run(`0008994412800000-1000019-${site}`, delivery.id);
    district.ledger.sqlite
      .prepare(`UPDATE audit_log SET at = '2255-01-01T00:00:05.000Z' WHERE entity_id = ?`)
      .run(last.id);
    // As the earlier release left it: the repair not yet applied.
    district.ledger.sqlite.prepare(`DELETE FROM schema_migrations WHERE name = '0017_sane_versions'`).run();
    await district.ledger.close();
    return { province, district, ids: { before: before.id, later: later.id, last: last.id, gone: gone.id } };
  }

  it('is repaired when opened: sane versions alike at every office, the next edit of today, exports that merge', async () => {
    const { province, district, ids } = await poisoned();
    const copy = join(district.dir, 'copy.sqlite');
    copyFileSync(district.file, copy);
    const repaired = await openLedger(district.file);
    const other = await openLedger(copy);
    try {
      const versions = allVersions(repaired);
      for (const version of versions) {
        expect(version, version).toMatch(/^\d{16}-\d{6}-.+$/);
        expect(parseVersion(version)!.ms, version).toBeLessThan(Date.now() + DAY);
      }
      // The rule takes nothing but the ledger: the copy, repaired apart, has the same versions.
      expect(allVersions(other)).toEqual(versions);
      // In their order: the edit of 2255, then the pledge of the seventeen digits, then the delivery's change to it.
      const order = [ids.before, ids.last, ids.later].map((id) => versionOf(repaired, 'pledges', id));
      expect([...order].sort()).toEqual(order);
      expect(repaired.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE at >= '2100'`).get()).toEqual({ n: 0 });

      const service = createLedgerService(repaired);
      const made = await service.invoke('donors.create', { name: 'Quỹ Sau Sửa', kind: 'foundation' });
      expectSane(versionOf(repaired, 'donors', made.id));
      // The edits made while the clock was wrong go out again, and a clean office merges them.
      const bundle = await service.invoke('sync.export', {});
      const counts = await province.service.invoke('sync.import', {
        fileName: 'bao-lac-2.aidledger',
        base64: bundle.base64,
      });
      // The pledge made and deleted while the clock was wrong never reached the province: its deletion arrives, kept.
      expect(counts).toMatchObject({ conflicts: 0, inserted: 4 });
      expect(province.ledger.sqlite.prepare(`SELECT version FROM tombstones WHERE id = ?`).pluck().get(ids.gone)).toBe(
        versionOf(repaired, 'tombstones', ids.gone),
      );
      for (const id of [ids.before, ids.later, ids.last])
        expect((await province.service.invoke('pledges.get', { id })).pledge).toMatchObject(
          (await service.invoke('pledges.get', { id })).pledge,
        );
      expect((await province.service.invoke('totals', { by: 'kind' })).total).toEqual(
        (await service.invoke('totals', { by: 'kind' })).total,
      );
    } finally {
      await repaired.close();
      await other.close();
    }
  });
});

describe("versions ahead of this machine's clock", () => {
  it('from a clock set three years ahead, then put right, are told at start, refused by others, and put right by `clock repair`', async () => {
    const { province, district } = await provinceAndDistrict(3 * 365 * DAY);
    await pledgeAt(district);
    await district.ledger.close();
    open.splice(open.indexOf(district), 1);

    // The machine's date put right: the ledger opens, and says its newest change is ahead.
    const reopened = await openLedger(district.file);
    expect(reopened.clockAtOpen.state).toBe('behind');
    const info = await createLedgerService(reopened).invoke('app.info', {});
    expect(info.clock).toMatchObject({ state: 'behind', newestChangeAt: expect.stringMatching(/^2029-/) });
    const refused = await province.service.call('sync.import', {
      fileName: 'bao-lac.aidledger',
      base64: (await createLedgerService(reopened).invoke('sync.export', {})).base64,
    });
    expect(refused).toMatchObject({
      ok: false,
      error: { message: { vi: expect.stringContaining('đồng hồ của Huyện Bảo Lạc') } },
    });
    await reopened.close();

    for (const command of ['info', 'check']) {
      const told = runCli(command, '--db', district.file);
      expect(told.stdout, command).toContain('chậm hơn thay đổi mới nhất trong sổ hơn một ngày');
      expect(told.stdout, command).toContain('more than a day behind the newest change in the ledger');
    }
    expect(runCli('clock', '--db', district.file).status).toBe(1);
    const dry = runCli('clock', 'repair', '--db', district.file, '--dry-run', '--json');
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, before: 'behind', backup: null });
    const run = runCli('clock', 'repair', '--db', district.file);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Đã sửa \d+ phiên bản/);
    expect(run.stdout).toMatch(/Put right \d+ versions/);
    expect(run.stdout).toContain('Bản sao trước khi sửa / Copy made before:');
    expect(runCli('clock', '--db', district.file)).toMatchObject({ status: 0 });
    // Run again, nothing is ahead: nothing changes, and no copy is made.
    const again = runCli('clock', 'repair', '--db', district.file);
    expect(again.stdout).toContain("Nothing is ahead of this computer's clock: the ledger was not changed");
    expect(readdirSync(backupFolder(district.file))).toHaveLength(1);

    const repaired = await openLedger(district.file);
    try {
      expect(repaired.clockAtOpen.state).toBe('ok');
      for (const version of allVersions(repaired))
        expect(parseVersion(version)!.ms, version).toBeLessThanOrEqual(Date.now());
      const service = createLedgerService(repaired);
      const made = await service.invoke('donors.create', { name: 'Quỹ Sau Sửa', kind: 'foundation' });
      expectSane(versionOf(repaired, 'donors', made.id));
      const bundle = await service.invoke('sync.export', {});
      expect(
        await province.service.invoke('sync.import', { fileName: 'bao-lac.aidledger', base64: bundle.base64 }),
      ).toMatchObject({
        conflicts: 0,
        inserted: 3,
      });
    } finally {
      await repaired.close();
    }
  });
});

describe("this machine's clock", () => {
  it('set back a year is detected when the ledger opens, and explained in both languages', async () => {
    const t = await office('Sở Ngoại vụ', { seed: true });
    await pledgeAt(t);
    await t.ledger.close();
    open.splice(open.indexOf(t), 1);
    const yearAgo = await openLedger(t.file, { wallClock: () => Date.now() - 365 * DAY });
    try {
      expect(yearAgo.clockAtOpen).toMatchObject({ state: 'behind' });
      const reading = (await createLedgerService(yearAgo).invoke('app.info', {})).clock;
      expect(reading.state).toBe('behind');
      const { line, advice } = explainClock(reading);
      expect(line.vi).toMatch(/^Đồng hồ máy: \d\d\/\d\d\/\d{4} \d\d:\d\d UTC; thay đổi mới nhất trong sổ: /);
      expect(line.en).toMatch(/^Computer clock: .*; newest change in the ledger: /);
      expect(advice!.vi).toContain('Nếu ngày giờ của máy sai, hãy chỉnh lại');
      expect(advice!.en).toContain("If the computer's date is wrong, set it right");
    } finally {
      await yearAgo.close();
    }
    // Implausibly ahead: a date after 2100.
    const later = await openLedger(t.file, { wallClock: () => Date.UTC(2200, 0, 1) });
    try {
      expect(later.clockAtOpen.state).toBe('ahead');
      expect(explainClock(later.clockAtOpen).advice!.en).toContain('reads a day after 2100');
    } finally {
      await later.close();
    }
    // And right: nothing to say.
    const right = await openLedger(t.file);
    try {
      expect(right.clockAtOpen.state).toBe('ok');
      expect(explainClock(right.clockAtOpen).advice).toBeNull();
    } finally {
      await right.close();
    }
    await t.close();
  });
});
