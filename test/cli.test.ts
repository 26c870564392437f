/** The CLI as users run it: a child process, results on stdout only, errors on stderr with a non-zero exit. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { catalogueFor } from '../db/places/catalogue';
import { runCli as cli } from './cli-run';
import { forgeBundle, openForged } from './forge';
import { FIXTURE, ROOT, tempDir } from './helpers';

const dir = tempDir();
afterAll(() => dir.remove());
const db = join(dir.dir, 'cli.sqlite');

describe('cli', () => {
  it('init, demo, info and totals --json', () => {
    const init = cli('init', '--db', db, '--site', 'Sở Ngoại vụ Cao Bằng');
    expect(init.status).toBe(0);
    expect(init.stdout).toContain(`với ${catalogueFor('04').units.length} đơn vị`); // Cao Bằng's units when no province is named
    expect(cli('demo', '--db', db, '--fixture', FIXTURE).status).toBe(0);

    const info = cli('info', '--db', db, '--json');
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({
      site: { name: 'Sở Ngoại vụ Cao Bằng' },
      counts: { pledges: 7, donors: 4 },
    });

    const totals = cli('totals', '--db', db, '--by', 'donor', '--json');
    expect(totals.status).toBe(0);
    expect(totals.stderr).toBe('');
    const parsed = JSON.parse(totals.stdout); // stdout holds the JSON and nothing else
    expect(Object.keys(parsed)).toEqual(['currency', 'groups', 'total']);
    expect(parsed.currency).toBe('VND');
    for (const g of parsed.groups) expect(Object.keys(g)).toEqual(['key', 'label', 'pledged', 'delivered']);
    expect(parsed.groups.find((g: { label: string }) => g.label === 'Tổ chức Tzu Chi').pledged).toBe(1_880_000_000);
    expect(parsed.groups.find((g: { label: string }) => g.label === 'The VinaCapital Foundation').pledged).toBe(
      230_000_000,
    );
    expect(parsed.total).toEqual({ pledged: 3_700_000_000, delivered: 0 });

    const q = JSON.parse(
      cli('totals', '--db', db, '--by', 'quarter', '--from', '2022-07-01', '--to', '2022-09-30', '--json').stdout,
    );
    expect(q.groups).toEqual([{ key: '2022-Q3', label: 'Quý 3/2022', pledged: 3_700_000_000, delivered: 0 }]);
    const none = JSON.parse(cli('totals', '--db', db, '--by', 'place', '--from', '2023-01-01', '--json').stdout);
    expect(none).toEqual({ currency: 'VND', groups: [], total: { pledged: 0, delivered: 0 } });

    // The demo's 2022 districts are former units, shown with the day they ended; in today's units each (now several
    // communes) is a group of its own, still marked as former.
    const asRecorded = JSON.parse(cli('totals', '--db', db, '--by', 'place', '--json').stdout);
    const today = JSON.parse(cli('totals', '--db', db, '--by', 'place', '--units-of', '2026-12-04', '--json').stdout);
    expect(today.total).toEqual(asRecorded.total);
    const labels = (r: { groups: { label: string }[] }) => r.groups.map((g) => g.label).sort();
    expect(labels(asRecorded).filter((l) => l.startsWith('Huyện')).length).toBeGreaterThan(0);
    for (const label of labels(asRecorded))
      if (label.startsWith('Huyện')) expect(label).toMatch(/^Huyện .+ \(trước 01\/07\/2025\)$/);
    expect(labels(today)).toEqual(labels(asRecorded));
    const oneUnit = JSON.parse(
      cli('totals', '--db', db, '--by', 'quarter', '--place', 'bao lac', '--units-of', '2026-12-04', '--json').stdout,
    );
    expect(oneUnit.total.pledged).toBe(0); // today's Xã Bảo Lạc: the demo's pledges were for the former district as a whole
  });

  it('reports errors on stderr, in both languages, with a non-zero exit', () => {
    const missing = cli('info', '--db', join(dir.dir, 'nope.sqlite'));
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/Lỗi: Không tìm thấy tệp/);
    expect(missing.stderr).toMatch(/Error: Database file/);

    const badDate = cli('totals', '--db', db, '--by', 'kind', '--from', '2022-13-01', '--json');
    expect(badDate.status).toBe(1);
    expect(badDate.stdout).toBe('');
    expect(badDate.stderr).toContain('Từ ngày');

    expect(cli('totals', '--db', db, '--by', 'weather').status).toBe(2);
    const badUnits = cli('totals', '--db', db, '--by', 'place', '--units-of', '2026-02-30');
    expect(badUnits.status).toBe(1);
    expect(badUnits.stderr).toContain('Theo đơn vị hành chính ngày');
    expect(cli('frobnicate', '--db', db).status).toBe(2);
    // Once as `npm run cli` starts it: the script itself, through tsx.
    const throughTsx = spawnSync(
      join(ROOT, 'node_modules/.bin/tsx'),
      [join(ROOT, 'scripts/cli.ts'), 'info', '--db', join(dir.dir, 'nope.sqlite')],
      { encoding: 'utf8', cwd: ROOT },
    );
    expect(throughTsx.status).toBe(1);
    expect(throughTsx.stderr).toBe(missing.stderr);
    expect(cli('demo', '--db', db, '--fixture', FIXTURE).status).toBe(1); // already loaded
  });

  it('refuses to generate twice into one ledger, and leaves no file of an init refused', () => {
    const generated = join(dir.dir, 'generated.sqlite');
    expect(cli('init', '--db', generated, '--site', 'Máy thử').status).toBe(0);
    expect(cli('generate', '--db', generated, '--rows', '20').status).toBe(0);
    const counts = () => JSON.parse(cli('info', '--db', generated, '--json').stdout).counts;
    const before = counts();
    const again = cli('generate', '--db', generated, '--rows', '20');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('Sổ này đã có dữ liệu tạo tự động');
    expect(again.stderr).toContain('already holds generated data');
    expect(again.stderr).not.toContain('UNIQUE');
    expect(counts()).toEqual(before);
    // A province merged in 2025 is refused naming the one it became part of, and the file it was to make is not left.
    const merged = join(dir.dir, 'ha-giang.sqlite');
    const refused = cli('init', '--db', merged, '--province', 'Hà Giang');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('Tuyên Quang');
    expect(existsSync(merged)).toBe(false);
    expect(readdirSync(dir.dir).filter((f) => f.startsWith('ha-giang'))).toEqual([]);
    // An init refused on a ledger that was there keeps it.
    expect(cli('init', '--db', generated, '--province', 'Hà Giang').status).toBe(1);
    expect(counts()).toEqual(before);
  });
});

/** Each office accepts the other's card with the code its `office card` printed; `districtPlace`: how b is placed at a. */
function introduceByCli(a: string, b: string, bPlace: string[] = []): void {
  const cardOf = (db: string) => {
    const file = join(dir.dir, `${db.replace(/\W/g, '')}.aidoffice`);
    const made = cli('office', 'card', '--db', db, '--out', file, '--json');
    expect(made.status, made.stderr).toBe(0);
    return { file, code: (JSON.parse(made.stdout) as { code: string }).code };
  };
  const [cardA, cardB] = [cardOf(a), cardOf(b)];
  for (const [to, card, extra] of [
    [b, cardA, []],
    [a, cardB, bPlace],
  ] as const) {
    const accepted = cli('office', 'accept', '--db', to, card.file, '--code', card.code, ...extra);
    expect(accepted.status, accepted.stderr).toBe(0);
    expect(accepted.stdout).toContain(card.code);
  }
}

describe('cli bundles', () => {
  it("carry a district office's data to the province, once", () => {
    const provinceDb = join(dir.dir, 'province.sqlite');
    const districtDb = join(dir.dir, 'district.sqlite');
    const reference = join(dir.dir, 'reference.aidledger');
    const changes = join(dir.dir, 'changes.aidledger');
    expect(cli('init', '--db', provinceDb, '--site', 'Sở Ngoại vụ', '--role', 'province').status).toBe(0);
    expect(cli('bundle', 'export', '--db', provinceDb, '--out', reference, '--all').status).toBe(0);
    expect(
      cli('init', '--db', districtDb, '--site', 'Huyện Bảo Lạc', '--role', 'district', '--place', 'Bảo Lạc').status,
    ).toBe(0);
    // The two offices join: each sends its card and reads its code over the phone. The district's demo data lies all
    // over the province, so the province gives it the whole province as its place.
    introduceByCli(provinceDb, districtDb, ['--place', 'Cao Bằng']);
    // Catalogues put in apart are the same records: the reference bundle finds nothing new.
    const cao = catalogueFor('04');
    expect(JSON.parse(cli('bundle', 'import', '--db', districtDb, reference, '--json').stdout)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: cao.units.length + cao.successors.length,
      conflicts: 0,
    });
    expect(cli('demo', '--db', districtDb, '--fixture', FIXTURE).status).toBe(0);
    expect(cli('bundle', 'export', '--db', districtDb, '--out', changes).status).toBe(0);
    // 4 donors, 4 aid items with their first stage, 7 pledges, 2 rates; the places the pledges point to (Cao Bằng, Nguyên
    // Bình) travel along and are already there.
    expect(JSON.parse(cli('bundle', 'import', '--db', provinceDb, changes, '--json').stdout)).toEqual({
      inserted: 21,
      updated: 0,
      unchanged: 2,
      conflicts: 0,
    });
    expect(JSON.parse(cli('bundle', 'import', '--db', provinceDb, changes, '--json').stdout)).toEqual({
      inserted: 0,
      updated: 0,
      unchanged: 23,
      conflicts: 0,
    });
    const totals = JSON.parse(cli('totals', '--db', provinceDb, '--by', 'donor', '--json').stdout);
    expect(totals.total.pledged).toBe(3_700_000_000);
    const bad = cli('bundle', 'import', '--db', provinceDb, FIXTURE, '--json');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('không phải tệp gói dữ liệu');
    expect(cli('init', '--db', join(dir.dir, 'x.sqlite'), '--role', 'district').status).toBe(2);
  });
});

describe('cli offices', () => {
  it('join by card and code, refuse a wrong code, list, revoke, and take an earlier release on purpose', () => {
    const provinceDb = join(dir.dir, 'office-province.sqlite');
    const districtDb = join(dir.dir, 'office-district.sqlite');
    const card = join(dir.dir, 'huyen.aidoffice');
    const bundle = join(dir.dir, 'huyen.aidledger');
    expect(cli('init', '--db', provinceDb, '--site', 'Sở Ngoại vụ').status).toBe(0);
    expect(
      cli('init', '--db', districtDb, '--site', 'Huyện Hà Quảng', '--role', 'district', '--place', 'Hà Quảng').status,
    ).toBe(0);
    const made = cli('office', 'card', '--db', districtDb, '--out', card);
    const code = /mã: ([A-Z2-7-]{14})/.exec(made.stdout)![1]!;
    expect(made.stdout).toContain(`code: ${code}`);
    expect(cli('bundle', 'export', '--db', districtDb, '--out', bundle).status).toBe(0);
    // Not yet accepted: refused, naming why.
    const unknown = cli('bundle', 'import', '--db', provinceDb, bundle);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('chưa có trong danh sách đơn vị');
    expect(unknown.stderr).toContain('accept its office card first');
    const wrong = cli('office', 'accept', '--db', provinceDb, card, '--code', 'AAAA-AAAA-AAAA');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('không khớp với thẻ của Huyện Hà Quảng');
    expect(cli('office', 'accept', '--db', provinceDb, card).status).toBe(2);
    const accepted = cli('office', 'accept', '--db', provinceDb, card, '--code', code.toLowerCase());
    expect(accepted.stdout).toContain('Huyện Hà Quảng · huyện, xã/district or commune · Xã Hà Quảng');
    expect(cli('bundle', 'import', '--db', provinceDb, bundle, '--json').status).toBe(0);
    const listed = JSON.parse(cli('office', 'list', '--db', provinceDb, '--json').stdout) as { siteId: string }[];
    expect(listed).toHaveLength(1);
    expect(cli('office', 'revoke', '--db', provinceDb, listed[0]!.siteId).stdout).toContain('Đã thu hồi / Revoked');
    const revoked = cli('bundle', 'import', '--db', provinceDb, bundle);
    expect(revoked.status).toBe(1);
    expect(revoked.stderr).toContain('was revoked');
    expect(cli('office', 'list', '--db', provinceDb).stdout).toContain('đã thu hồi/revoked');
    // An office on an earlier release: its unsigned bundle refused, recorded from it, then taken on purpose.
    const earlierDb = join(dir.dir, 'office-earlier.sqlite');
    const unsigned = join(dir.dir, 'cu.aidledger');
    expect(cli('init', '--db', earlierDb, '--site', 'Xã cũ').status).toBe(0);
    expect(cli('bundle', 'export', '--db', earlierDb, '--out', unsigned).status).toBe(0);
    const forged = openForged(readFileSync(unsigned));
    writeFileSync(unsigned, forgeBundle({ head: { ...forged.head, formatVersion: 2 }, lines: forged.lines }));
    const refused = cli('bundle', 'import', '--db', provinceDb, unsigned);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('made by an earlier release of the app');
    expect(cli('office', 'accept-legacy', '--db', provinceDb, unsigned, '--role', 'province').stdout).toContain(
      'Xã cũ · tỉnh/province · phiên bản cũ, chưa có mã/earlier release, no code',
    );
    expect(cli('bundle', 'import', '--db', provinceDb, unsigned).status).toBe(1);
    expect(cli('bundle', 'import', '--db', provinceDb, unsigned, '--accept-unsigned', '--json').status).toBe(0);
  });
});
