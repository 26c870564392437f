import { sql } from 'kysely';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, SCHEMA_VERSION } from '../db/core/migrate';
import { MIGRATIONS } from '../db/migrations';
import { openLedger, type Ledger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { generateLedger } from '../db/samples/synthetic';
import { searchWords } from '../contract/text';
import { readAllRows } from '../db/totals';
import { tempDir, totalsAgainstRows } from './helpers';
import { seedFor, randomFor } from './random';
import { contextFor } from '../db/core/context';
import { seedPlaces } from '../db/seed';
import { withTotalsDeferredSync } from '../db/totals-bulk';
import { CATALOGUE_SOURCE, CATALOGUE_VERSION, catalogueFor } from '../db/places/catalogue';

const dirs: { remove(): void }[] = [];
afterEach(() =>
  dirs.splice(0).forEach((d) => {
    d.remove();
  }),
);
function fresh() {
  const d = tempDir();
  dirs.push(d);
  return join(d.dir, 'ledger.sqlite');
}

/**
 * A generated ledger as it was before one migration: without the tables and triggers `objects` selects (from
 * sqlite_master), and without the migration's record; then migrated again.
 */
async function remigrated(seed: number, migration: string, objects: string) {
  const ledger = await openLedger(fresh(), { create: true });
  await generateLedger(ledger, { rows: 3_000, seed, donors: 20 });
  for (const name of ledger.sqlite
    .prepare(`SELECT type, name FROM sqlite_master WHERE type IN ('table', 'trigger') AND ${objects}`)
    .all() as { type: string; name: string }[]) {
    ledger.sqlite.exec(`DROP ${name.type.toUpperCase()} IF EXISTS ${name.name}`);
  }
  ledger.sqlite.prepare(`DELETE FROM schema_migrations WHERE name = ?`).run(migration);
  expect(await migrate(ledger.db)).toEqual([migration]);
  return ledger;
}

describe('migrations', () => {
  it('have zero-padded names in order', () => {
    const names = MIGRATIONS.map((m) => m.name);
    expect(names.every((n) => /^\d{4}_[a-z0-9_]+$/.test(n))).toBe(true);
    expect([...names].sort()).toEqual(names);
    expect(SCHEMA_VERSION).toBe(names.length);
  });

  it('build the schema from an empty file, with WAL and foreign keys on', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    const tables = ledger.sqlite
      .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all()
      .map((r) => (r as { name: string }).name);
    expect(tables).toEqual([
      'aid_item_stages',
      'aid_items',
      'audit_log',
      'deletions',
      'deliveries',
      'delivery_report_totals_by_donor',
      'delivery_report_totals_by_place_kind',
      'delivery_totals_by_donor',
      'delivery_totals_by_item',
      'delivery_totals_by_item_class',
      'delivery_totals_by_kind',
      'delivery_totals_by_place',
      'donors',
      'exchange_rates',
      'import_layouts',
      'imported_rows',
      'ngo_acknowledgements',
      'ngo_certificates',
      'ngo_contacts',
      'ngo_holidays',
      'ngo_plans',
      'ngo_profiles',
      'ngo_year_reports',
      'offices',
      'place_successors',
      'places',
      'pledge_own_words',
      'pledge_own_words_config',
      'pledge_own_words_data',
      'pledge_own_words_docsize',
      'pledge_own_words_idx',
      'pledge_report_totals_by_donor',
      'pledge_report_totals_by_place_kind',
      'pledge_totals_by_donor',
      'pledge_totals_by_item',
      'pledge_totals_by_item_class',
      'pledge_totals_by_kind',
      'pledge_totals_by_place',
      'pledges',
      'reports_sent',
      'schema_migrations',
      'settings',
      'sync_conflicts',
      'sync_log',
      'sync_marks',
      'tombstones',
      'totals_changes',
    ]);
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(() =>
      ledger.sqlite
        .prepare(
          `INSERT INTO deliveries (id, pledge_id, delivery_date, amount_minor, currency, rate, vnd_equivalent, created_at, updated_at) VALUES ('d', 'missing', '2022-01-01', 1, 'VND', '1', 1, 'x', 'x')`,
        )
        .run(),
    ).toThrow(/FOREIGN KEY/);
    await ledger.close();
    // Opening again applies nothing and keeps the installation's identity.
    const again = await openLedger(file);
    expect(again.site).toEqual(ledger.site);
    expect(await migrate(again.db)).toEqual([]);
    await again.close();
  });

  it('refuse a database written by a newer app, and leave it untouched', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    ledger.sqlite
      .prepare(`INSERT INTO schema_migrations (name, applied_at) VALUES ('9999_from_the_future', 'x')`)
      .run();
    await ledger.close();
    await expect(openLedger(file)).rejects.toMatchObject({
      code: 'schema_too_new',
      bilingual: { vi: expect.stringContaining('phiên bản mới hơn') },
    });
    const reopened = (await import('better-sqlite3')).default(file);
    expect(reopened.prepare(`SELECT count(*) AS n FROM schema_migrations`).get()).toEqual({ n: SCHEMA_VERSION + 1 });
    reopened.close();
  });

  it('run each migration in a transaction: a failing one leaves no trace', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    const broken = [
      ...MIGRATIONS,
      {
        name: '9000_broken',
        async up(db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) {
          await sql`CREATE TABLE half_done (id TEXT)`.execute(db);
          await sql`THIS IS NOT SQL`.execute(db);
        },
      },
    ];
    await expect(migrate(ledger.db, broken)).rejects.toThrow();
    expect(ledger.sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
    expect(
      ledger.sqlite.prepare(`SELECT name FROM schema_migrations WHERE name = '9000_broken'`).get(),
    ).toBeUndefined();
    await ledger.close();
  });

  it('run a table rebuild with foreign keys off, refuse one that leaves a missing reference, and turn them back on', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    await ledger.db.transaction().execute((trx) => seedPlaces(contextFor(ledger, trx)));
    const service = createLedgerService(ledger);
    const district = (await service.invoke('places.list', {})).find((p) => p.level === 'district')!;
    const donor = await service.invoke('donors.create', { name: 'Quỹ Tái Dựng', kind: 'foundation' });
    await service.invoke('pledges.create', {
      donorId: donor.id,
      placeId: district.id,
      kind: 'gift',
      description: 'Quà',
      amountMinor: 1_000_000,
      currency: 'VND',
      pledgeDate: '2024-02-02',
    });
    const rebuild = (name: string, keep: string) => ({
      name,
      rebuildsTables: true,
      async up(db: Parameters<(typeof MIGRATIONS)[number]['up']>[0]) {
        await sql`CREATE TABLE donors_copy (id TEXT PRIMARY KEY NOT NULL, name TEXT NOT NULL)`.execute(db);
        await sql.raw(`INSERT INTO donors_copy SELECT id, name FROM donors WHERE ${keep}`).execute(db);
        await sql`DROP TABLE donors`.execute(db);
        await sql`ALTER TABLE donors_copy RENAME TO donors`.execute(db);
      },
    });
    await expect(migrate(ledger.db, [...MIGRATIONS, rebuild('9001_loses_a_donor', '0')])).rejects.toThrow(
      /9001_loses_a_donor leaves 1 rows/,
    );
    expect(ledger.sqlite.prepare(`SELECT count(*) AS n FROM donors`).get()).toEqual({ n: 1 });
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(await migrate(ledger.db, [...MIGRATIONS, rebuild('9002_keeps_them', '1')])).toEqual(['9002_keeps_them']);
    expect(ledger.sqlite.pragma('foreign_key_check')).toEqual([]);
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    await ledger.close();
  });

  it('refuse a missing file unless asked to create it, and a file that is not a database', async () => {
    const file = fresh();
    await expect(openLedger(file)).rejects.toMatchObject({ code: 'not_found' });
    expect(existsSync(file)).toBe(false);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, 'this is a spreadsheet, not a ledger'.repeat(200));
    await expect(openLedger(file)).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('fill the monthly totals from the rows already in a ledger when they are added', async () => {
    // As a ledger written before 0005: without its tables and triggers.
    const ledger = await remigrated(
      seedFor('migrations: 0005'),
      '0005_monthly_totals',
      `name LIKE '%totals%' AND name NOT LIKE '%report_totals%'`,
    );
    const service = createLedgerService(ledger);
    for (const by of ['place', 'donor', 'kind', 'quarter', 'currency'] as const) {
      const input = { by, filter: { from: '2019-01-01', to: '2023-06-30' } };
      readAllRows.value = true;
      const fromRows = await service.invoke('totals', input);
      readAllRows.value = false;
      expect(await service.invoke('totals', input)).toEqual(fromRows);
      expect(fromRows.total.pledged).toBeGreaterThan(0);
    }
    await ledger.close();
  });

  it('fill the totals the report reads from the rows already in a ledger', async () => {
    const ledger = await remigrated(seedFor('migrations: 0007'), '0007_report_totals', `name LIKE '%report_totals%'`);
    const service = createLedgerService(ledger);
    for (const period of ['2020-Q2', '2022-H2', '2023']) {
      readAllRows.value = true;
      const fromRows = await service.invoke('reports.preview', { period });
      readAllRows.value = false;
      const report = await service.invoke('reports.preview', { period });
      expect(report).toEqual(fromRows);
      expect(report.summary.length).toBeGreaterThan(10);
      expect(report.summaryTotal.remainingVnd).toBeGreaterThan(0);
    }
    await ledger.close();
  });

  it('let the totals of a ledger written before 0008 be kept in bulk, and still row by row for single edits', async () => {
    const file = fresh();
    const before = await openLedger(file, { create: true, migrations: MIGRATIONS.slice(0, 7) });
    await before.db.transaction().execute((trx) => seedPlaces(contextFor(before, trx)));
    // Rows as that release wrote them (today's code writes columns later migrations add): its triggers keep the totals.
    const places = before.sqlite.prepare(`SELECT id FROM places WHERE level = 'district' ORDER BY name`).all() as {
      id: string;
    }[];
    const now = '2024-01-01T00:00:00.000Z';
    const DONOR = '00000000-0000-4000-a000-0000000000aa';
    before.sqlite
      .prepare(
        `INSERT INTO donors (id, name, name_key, kind, created_at, updated_at) VALUES (?, 'Quỹ Thiện Tâm', 'quy thien tam', 'foundation', ?, ?)`,
      )
      .run(DONOR, now, now);
    const pledges: { id: string }[] = [];
    for (const [i, place] of places.slice(0, 3).entries()) {
      const id = `00000000-0000-4000-a000-00000000000${i}`;
      before.sqlite
        .prepare(`INSERT INTO pledges (id, donor_id, place_id, kind, description, amount_minor, currency, rate, vnd_equivalent, pledge_date, status, created_at, updated_at)
        VALUES (?, '${DONOR}', ?, 'house', 'Nhà', ?, 'VND', '1', ?, ?, 'pledged', ?, ?)`)
        .run(id, place.id, 100_000_000 * (i + 1), 100_000_000 * (i + 1), `202${i}-05-0${i + 1}`, now, now);
      pledges.push({ id });
    }
    before.sqlite
      .prepare(`INSERT INTO deliveries (id, pledge_id, delivery_date, amount_minor, currency, rate, vnd_equivalent, created_at, updated_at)
      VALUES ('00000000-0000-4000-a000-0000000000d1', '00000000-0000-4000-a000-000000000000', '2021-02-02', 40000000, 'VND', '1', 40000000, ?, ?)`)
      .run(now, now);
    await before.close();
    const places4 = places.map((p) => p.id);

    const ledger = await openLedger(file);
    expect(
      ledger.sqlite.prepare(`SELECT name FROM schema_migrations WHERE name = '0008_totals_in_bulk'`).get(),
    ).toBeDefined();
    const deferredTriggers = ledger.sqlite
      .prepare(
        `SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%WHEN totals_deferred() = 0%'`,
      )
      .get();
    // The fourteen of 0005 and 0007, and the seven by aid item of 0013.
    expect(deferredTriggers).toEqual({ n: 21 });
    const check = () => {
      const { stored, fromRows } = totalsAgainstRows(ledger);
      expect(stored).toEqual(fromRows);
    };
    check();
    const after = createLedgerService(ledger);
    // A single edit: the rewritten triggers still keep the totals row by row.
    await after.invoke('pledges.update', {
      reason: 'Điều chỉnh thử',
      id: pledges[0]!.id,
      placeId: places4[3]!,
      status: 'in_progress',
    });
    expect(ledger.sqlite.prepare('SELECT count(*) AS n FROM totals_changes').get()).toEqual({ n: 0 });
    check();
    // A bulk write: changes are logged, and folded in once at its end.
    ledger.sqlite.transaction(() =>
      withTotalsDeferredSync(ledger.sqlite, ledger.tracking, () => {
        ledger.sqlite
          .prepare(`UPDATE pledges SET kind = 'gift', pledge_date = '2019-12-31' WHERE id = ?`)
          .run(pledges[0]!.id);
        ledger.sqlite.prepare(`UPDATE deliveries SET delivery_date = '2024-01-01'`).run();
        ledger.sqlite.prepare(`DELETE FROM pledges WHERE id = ?`).run(pledges[2]!.id);
        expect(
          (ledger.sqlite.prepare('SELECT count(*) AS n FROM totals_changes').get() as { n: number }).n,
        ).toBeGreaterThan(0);
      }),
    )();
    expect(ledger.sqlite.prepare('SELECT count(*) AS n FROM totals_changes').get()).toEqual({ n: 0 });
    check();
    await ledger.close();
  });

  it('mark, in a ledger written before 0010, the statuses set by hand, without new versions (offices upgrading at different times merge as before)', async () => {
    const file = fresh();
    const before = await openLedger(file, { create: true, migrations: MIGRATIONS.slice(0, 9) });
    await generateLedger(before, { rows: 500, seed: seedFor('migrations: 0010'), donors: 10 });
    const read = (ledger: Ledger) =>
      ledger.sqlite.prepare(`SELECT id, status, version FROM pledges ORDER BY id`).all() as {
        id: string;
        status: string;
        version: string;
      }[];
    const rows = read(before);
    await before.close();
    expect(new Set(rows.map((r) => r.status)).size).toBeGreaterThan(2);
    const ledger = await openLedger(file);
    expect(read(ledger)).toEqual(rows);
    const marked = ledger.sqlite.prepare(`SELECT id, status_by_user AS byUser FROM pledges ORDER BY id`).all() as {
      id: string;
      byUser: number;
    }[];
    expect(marked).toEqual(rows.map((r) => ({ id: r.id, byUser: r.status === 'pledged' ? 0 : 1 })));
    // The tracking trigger is back: the next edit is versioned as usual.
    const one = rows.find((r) => r.status === 'pledged')!;
    await createLedgerService(ledger).invoke('pledges.update', { id: one.id, notes: 'sau nâng cấp' });
    expect(
      (ledger.sqlite.prepare(`SELECT version FROM pledges WHERE id = ?`).get(one.id) as { version: string }).version >
        one.version,
    ).toBe(true);
    await ledger.close();
  });

  it('find, in a ledger written before 0009, what a full reading of the search text finds: by place, donor, own text and any mix', async () => {
    const file = fresh();
    const before = await openLedger(file, { create: true, migrations: MIGRATIONS.slice(0, 8) });
    await generateLedger(before, { rows: 3_000, seed: seedFor('migrations: 0009'), donors: 20 });
    await before.close();
    const ledger = await openLedger(file);
    expect(
      ledger.sqlite
        .prepare(
          `SELECT name FROM sqlite_master WHERE (type = 'table' AND name LIKE 'pledge_search%') OR name IN ('pledges_place_date', 'pledges_donor_date')`,
        )
        .all(),
    ).toEqual([]);
    const service = createLedgerService(ledger);
    // Pledges whose words come from place and donor, and from place, donor and their own text, whatever the seed drew
    // (the mixed cases below must find something).
    const baoLac = (ledger.sqlite.prepare(`SELECT id FROM places WHERE name = 'Bảo Lạc'`).get() as { id: string }).id;
    const tc1 = (ledger.sqlite.prepare(`SELECT id FROM donors WHERE short_name = 'TC1'`).get() as { id: string }).id;
    const german = await service.invoke('donors.create', {
      name: 'Quỹ Hữu nghị Thử',
      country: 'Đức',
      kind: 'foundation',
    });
    for (const [donorId, description] of [
      [german.id, 'Giếng nước'],
      [tc1, 'Quà Trung thu cho trẻ em'],
    ] as const) {
      await service.invoke('pledges.create', {
        donorId,
        placeId: baoLac,
        kind: 'gift',
        description,
        amountMinor: 1_000_000,
        currency: 'VND',
        pledgeDate: '2022-09-01',
      });
    }
    const everyMatch = (words: string[]) =>
      (
        ledger.sqlite
          .prepare(
            `SELECT id FROM pledges WHERE ${words.map(() => `instr(search_text, ?) > 0`).join(' AND ')} ORDER BY pledge_date DESC, rowid DESC`,
          )
          .all(...words) as { id: string }[]
      ).map((r) => r.id);
    const listAll = async (text: string) => {
      const ids: string[] = [];
      let total: number | null = null;
      do {
        const page = await service.invoke('pledges.list', {
          filter: { text },
          sort: { by: 'pledgeDate', dir: 'desc' },
          page: { offset: ids.length, limit: 500 },
          withTotal: true,
        });
        total = page.total;
        ids.push(...page.rows.map((r) => r.id));
        if (!page.rows.length) break;
      } while (ids.length < total!);
      return { ids, total };
    };
    const expectSame = async (text: string, words: string[]) => {
      const expected = everyMatch(words);
      const found = await listAll(text);
      expect(found.ids, text).toEqual(expected);
      expect(found.total, text).toBe(expected.length);
      const summary = await service.invoke('pledges.summary', { filter: { text } });
      expect(summary.count, text).toBe(expected.length);
      return expected.length;
    };
    const cases: [string, string[]][] = [
      ['Bảo Lạc', ['bao', 'lac']], // a place's name
      ['NHÀ', ['nha']], // the pledges' own text
      ['tc1', ['tc1']], // donors' short names
      ['xã a', ['xa', 'a']], // words too short for the index
      ['Thông Nông nhà', ['thong', 'nong', 'nha']], // place and own text
      ['lạc đức', ['lac', 'duc']], // place and donor
      ['tc1 quà', ['tc1', 'qua']], // donor and own text
      ['bảo tc1 trung thu', ['bao', 'tc1', 'trung', 'thu']], // place, donor and own text
      ['100%', ['100%']],
      ['ho_tro', ['ho_tro']],
    ];
    for (const [text, words] of cases) await expectSame(text, words);
    expect(everyMatch(['lac', 'duc']).length).toBeGreaterThan(0);
    expect(everyMatch(['bao', 'tc1', 'trung', 'thu']).length).toBeGreaterThan(0);
    // Pieces of real search texts, one to three from the same pledge, each tried as a search.
    const rnd = randomFor('migrations: pieces of search texts');
    const texts = (
      ledger.sqlite.prepare(`SELECT search_text FROM pledges ORDER BY rowid`).all() as { search_text: string }[]
    ).map((r) => r.search_text);
    for (let i = 0; i < 40; i++) {
      const tokens = texts[Math.floor(rnd() * texts.length)]!.split(' ');
      const words = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => {
        const token = tokens[Math.floor(rnd() * tokens.length)]!;
        const from = Math.floor(rnd() * Math.max(1, token.length - 2));
        return token.slice(from, from + 2 + Math.floor(rnd() * 4));
      });
      expect(await expectSame(words.join(' '), words)).toBeGreaterThan(0);
    }
    // Edits, a donor's new name, donors merged and deletions keep every source in step.
    const pledge = (
      await service.invoke('pledges.list', {
        filter: { text: 'bao lac' },
        sort: { by: 'pledgeDate', dir: 'desc' },
        page: { offset: 0, limit: 1 },
        withTotal: false,
      })
    ).rows[0]!;
    await service.invoke('pledges.update', { id: pledge.id, description: 'Giếng khoan Quỳnh Nhai', reason: 'sửa' });
    const [first, second, third] = (await service.invoke('donors.list', {})).filter((d) =>
      /^TC\d+$/.test(d.shortName ?? ''),
    );
    await service.invoke('donors.update', { id: first!.id, name: 'Quỹ Zylophon' });
    await service.invoke('donors.merge', { id: second!.id, intoId: third!.id });
    const gone = (
      await service.invoke('pledges.list', {
        filter: { text: 'nha' },
        sort: { by: 'pledgeDate', dir: 'desc' },
        page: { offset: 0, limit: 1 },
        withTotal: false,
      })
    ).rows[0]!;
    await service.invoke('pledges.delete', { id: gone.id });
    const secondWords = searchWords(`${second!.shortName ?? second!.name}`);
    const thirdWords = searchWords(`${third!.shortName ?? third!.name}`);
    for (const [text, words] of [
      ['quynh nhai', ['quynh', 'nhai']],
      ['zylophon', ['zylophon']],
      ['Bảo Lạc', ['bao', 'lac']],
      ['nha', ['nha']],
      // Each merged donor's pledges are found by the other's name too.
      [secondWords.join(' '), secondWords],
      [`${thirdWords.join(' ')} ${secondWords.join(' ')}`, [...thirdWords, ...secondWords]],
    ] as [string, string[]][]) {
      expect(await expectSame(text, words), text).toBeGreaterThan(0);
    }
    expect(everyMatch([...thirdWords, ...secondWords]).length).toBeGreaterThan(everyMatch(secondWords).length / 2);
    ledger.sqlite.exec(`INSERT INTO pledge_own_words (pledge_own_words, rank) VALUES ('integrity-check', 0)`);
    await ledger.close();
  });

  it('bring the places seeded before 0011 up to the catalogue when the ledger is opened after them, once, without new versions', async () => {
    const file = fresh();
    const before = await openLedger(file, { create: true, migrations: MIGRATIONS.slice(0, 10) });
    await generateLedger(before, { rows: 300, seed: seedFor('migrations: catalogue'), donors: 8 });
    const pledges = (ledger: Ledger) =>
      ledger.sqlite.prepare(`SELECT id, version, search_text AS text FROM pledges ORDER BY id`).all() as {
        id: string;
        version: string;
        text: string;
      }[];
    const placesBefore = before.sqlite.prepare(`SELECT id, version FROM places ORDER BY id`).all() as {
      id: string;
      version: string;
    }[];
    const rows = pledges(before);
    // Migrated, as if the app stopped before the step that follows: the catalogue is due, not yet there.
    expect(await migrate(before.db)).toHaveLength(SCHEMA_VERSION - 10);
    const setting = (ledger: Ledger, key: string) =>
      (ledger.sqlite.prepare(`SELECT value FROM settings WHERE key = ?`).get(key) as { value: string } | undefined)
        ?.value;
    expect(setting(before, 'places.catalogue.due')).toBe('04');
    expect(before.sqlite.prepare(`SELECT count(*) AS n FROM places`).get()).toEqual({ n: placesBefore.length });
    await before.close();

    const ledger = await openLedger(file);
    const catalogue = catalogueFor('04');
    const places = ledger.sqlite.prepare(`SELECT id, unit_type AS type, version FROM places ORDER BY id`).all() as {
      id: string;
      type: string | null;
      version: string;
    }[];
    // Every unit of the catalogue, the seeded ones under their ids; the places a user entered as they were.
    const byId = new Map(places.map((p) => [p.id, p]));
    expect(
      catalogue.units.filter((u) => byId.get(u.id)?.type !== u.type || byId.get(u.id)?.version !== CATALOGUE_VERSION),
    ).toEqual([]);
    const entered = placesBefore.filter((p) => !catalogue.units.some((u) => u.id === p.id));
    expect(entered.length).toBeGreaterThan(0);
    expect(entered.filter((p) => byId.get(p.id)?.version !== p.version)).toEqual([]);
    expect(places).toHaveLength(entered.length + catalogue.units.length);
    const links = ledger.sqlite.prepare(`SELECT count(*) AS n FROM place_successors WHERE version = ?`);
    expect(links.get(CATALOGUE_VERSION)).toEqual({ n: catalogue.successors.length });
    // The seeded units' pledges are found by the units' names as now shown, and keep their versions.
    const after = pledges(ledger);
    expect(after.map(({ id, version }) => ({ id, version }))).toEqual(rows.map(({ id, version }) => ({ id, version })));
    expect(after.filter((p) => p.text.includes('huyen bao lac')).length).toBeGreaterThan(0);
    expect(rows.filter((p) => p.text.includes('huyen')).length).toBe(0);
    expect([setting(ledger, 'places.province'), setting(ledger, 'places.catalogue')]).toEqual(['04', CATALOGUE_SOURCE]);
    expect(setting(ledger, 'places.catalogue.due')).toBeUndefined();
    // The tracking trigger is back: the next edit is versioned as usual.
    const one = after[0]!;
    await createLedgerService(ledger).invoke('pledges.update', { id: one.id, notes: 'sau nâng cấp' });
    expect(pledges(ledger)[0]!.version > one.version).toBe(true);
    const everything = (l: Ledger) =>
      ['places', 'place_successors', 'pledges', 'settings'].map((table) =>
        l.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
      );
    const held = everything(ledger);
    await ledger.close();
    // Opened again, nothing changes.
    const again = await openLedger(file);
    expect(everything(again)).toEqual(held);
    await again.close();
  });

  it('bring a ledger whose 0011 wrote the catalogue, as released (no release recorded), up to this release', async () => {
    const file = fresh();
    const before = await openLedger(file, { create: true, migrations: MIGRATIONS.slice(0, 10) });
    await generateLedger(before, { rows: 100, seed: seedFor('migrations: released 0011'), donors: 5 });
    await before.close();
    // As the released 0011 left it: its catalogue and province, no release recorded (here this release's units, which
    // the upgrade then leaves as they are).
    const released = await openLedger(file);
    released.sqlite.prepare(`DELETE FROM settings WHERE key = 'places.catalogue'`).run();
    const rows = (l: Ledger) =>
      ['places', 'place_successors', 'pledges'].map((table) =>
        l.sqlite.prepare(`SELECT * FROM ${table} ORDER BY rowid`).all(),
      );
    const held = rows(released);
    await released.close();
    const ledger = await openLedger(file);
    expect(rows(ledger)).toEqual(held);
    expect(
      ledger.sqlite.prepare(`SELECT key, value FROM settings WHERE key LIKE 'places.%' ORDER BY key`).all(),
    ).toEqual([
      { key: 'places.catalogue', value: CATALOGUE_SOURCE },
      { key: 'places.province', value: '04' },
    ]);
    await ledger.close();
  });

  it('put no catalogue into a ledger given its places after its migrations', async () => {
    const file = fresh();
    const ledger = await openLedger(file, { create: true });
    await ledger.db.transaction().execute((trx) => seedPlaces(contextFor(ledger, trx)));
    const held = ledger.sqlite.prepare(`SELECT * FROM places ORDER BY id`).all();
    await ledger.close();
    const again = await openLedger(file);
    expect(again.sqlite.prepare(`SELECT * FROM places ORDER BY id`).all()).toEqual(held);
    expect(again.sqlite.prepare(`SELECT key FROM settings WHERE key LIKE 'places.%'`).all()).toEqual([]);
    await again.close();
  });
});
