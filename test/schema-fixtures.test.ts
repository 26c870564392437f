/**
 * A ledger as each released schema version wrote it upgrades cleanly with its data intact. The files in
 * test/fixtures/schemas were made by the app's own command line at the release that introduced each version
 * (`init`, `demo`, and `generate --rows 300` where it existed; then `journal_mode = DELETE` and gzip -9); schemas 6,
 * 13, 14, 16, 17, 19 and 20 were never released on their own. Schemas 21–24 also hold an office accepted, and
 * 22–24 a report sent for 2022-Q3 cut by Decree 09/2019's 15th–14th (`report --cutoff statutory`). Schema 24 (migration
 * 0025) also holds an NGO's registry — profile, a certificate extended, a contact, a plan, a yearly report, a warning
 * acknowledged, a holiday list of its own — written through the contract's `ngo.*` methods, as its command line writes
 * none.
 */
import Database from 'better-sqlite3';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkLedger } from '../db/backup';
import { SCHEMA_VERSION } from '../db/core/migrate';
import { openLedger } from '../db/core/open';
import { createLedgerService } from '../db/service';
import { catalogueFor } from '../db/places/catalogue';
import { ROOT, tempDir, totalsAgainstRows } from './helpers';

const FIXTURES = join(ROOT, 'test/fixtures/schemas');
const dir = tempDir();
afterAll(() => dir.remove());

/** Every unit as it was: what an upgrade must keep (the catalogue adds units; it moves none). */
function placesOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare(`SELECT id, name, level, parent_id AS parentId, valid_to AS validTo FROM places ORDER BY id`)
      .all() as { id: string; name: string; level: string; parentId: string | null; validTo: string | null }[];
  } finally {
    db.close();
  }
}

/** What must survive an upgrade, read with plain SQL. */
function contents(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    const one = (query: string) => db.prepare(query).get() as Record<string, number | null>;
    return {
      pledges: one(`SELECT count(*) AS n, sum(vnd_equivalent) AS vnd, sum(amount_minor) AS amount FROM pledges`),
      deliveries: one(`SELECT count(*) AS n, sum(vnd_equivalent) AS vnd FROM deliveries`),
      donors: one(`SELECT count(*) AS n FROM donors`),
      history: one(`SELECT count(*) AS n FROM audit_log`),
      rates: one(`SELECT count(*) AS n FROM exchange_rates`),
    };
  } finally {
    db.close();
  }
}

const versions = readdirSync(FIXTURES)
  .map((name) => /^schema-(\d+)\.sqlite\.gz$/.exec(name))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => Number(m[1]))
  .sort((a, b) => a - b);

describe('ledgers written by earlier releases', () => {
  it('cover every released schema up to this one', () => {
    // Every version from 1 to this app's, but 6 (released with 7), 13 and 14 (with 15), 16 and 17 (with 18), and
    // 19 and 20 (with 21): a new schema needs its file here.
    const unreleased = new Set([6, 13, 14, 16, 17, 19, 20]);
    const released = Array.from({ length: SCHEMA_VERSION }, (_, i) => i + 1).filter((v) => !unreleased.has(v));
    expect(versions).toEqual(released);
  });

  it.each(versions)('upgrade from schema %i with their data intact', async (version) => {
    const file = join(dir.dir, `schema-${version}.sqlite`);
    writeFileSync(file, gunzipSync(readFileSync(join(FIXTURES, `schema-${version}.sqlite.gz`))));
    const before = contents(file);
    const placesBefore = placesOf(file);
    expect(
      (
        new Database(file, { readonly: true }).prepare(`SELECT count(*) AS n FROM schema_migrations`).get() as {
          n: number;
        }
      ).n,
    ).toBe(version);
    const ledger = await openLedger(file);
    try {
      expect(ledger.schemaVersion).toBe(SCHEMA_VERSION);
      expect(checkLedger(ledger)).toEqual({ ok: true, schemaVersion: SCHEMA_VERSION });
      const service = createLedgerService(ledger);
      // The same rows, and everything derived from them agrees with them.
      const after = contents(file);
      expect(after).toEqual(before);
      // Every unit keeps its id, level and parent; the seeded ones (Cao Bằng's, by the ids every release gave them)
      // are now the catalogue's, with the types that tell them apart, and today's units are there.
      // (Before schema 4 the seeded units had ids of each ledger's own: they are kept, and stand for the catalogue's.)
      const placesAfter = new Map(placesOf(file).map((p) => [p.id, p]));
      const catalogue = new Map(catalogueFor('04').units.map((u) => [u.id, u]));
      const seeded = new Set(
        placesBefore
          .filter(
            (p) =>
              p.level === 'province' ||
              (p.level === 'district' && p.validTo === '2025-06-30' && !p.name.startsWith('Xã')),
          )
          .map((p) => p.id),
      );
      expect(seeded.size).toBe(11);
      // A unit of an earlier catalogue takes the statistics office's spelling ("Vinh Qúy" is "Vinh Quý").
      for (const place of placesBefore) {
        const now = placesAfter.get(place.id)!;
        expect(now, place.name).toBeDefined();
        if (seeded.has(place.id)) expect({ ...now, name: '' }).toEqual({ ...place, name: '' });
        else if (catalogue.has(place.id)) {
          expect({ ...now, name: '' }).toEqual({ ...place, name: '' });
          expect(now.name).toBe(catalogue.get(place.id)!.name);
        } else expect(now).toEqual(place);
      }
      const known = placesBefore.filter((p) => catalogue.has(p.id)).length;
      expect(known).toBe(version < 4 ? 0 : version < 11 ? 11 : catalogue.size);
      expect(placesAfter.size).toBe(placesBefore.length + catalogue.size - (version < 11 ? 11 : known));
      const today = (await service.invoke('places.list', { validOn: '2026-11-26' })).filter(
        (p) => p.level === 'commune' && p.code !== null,
      );
      expect(
        today
          .map((p) => p.unitType)
          .sort()
          .join(','),
      ).toBe([...Array(3).fill('Phường'), ...Array(53).fill('Xã')].join(','));
      const districts = (await service.invoke('places.list', {})).filter(
        (p) => seeded.has(p.id) && p.level === 'district',
      );
      expect(districts.map((p) => p.displayName).sort()).toEqual(
        [
          'Huyện Bảo Lạc',
          'Huyện Bảo Lâm',
          'Huyện Hà Quảng',
          'Huyện Hạ Lang',
          'Huyện Hòa An',
          'Huyện Nguyên Bình',
          'Huyện Quảng Hòa',
          'Huyện Thạch An',
          'Huyện Trùng Khánh',
          'Thành phố Cao Bằng',
        ].sort(),
      );
      // The former communes lead to today's: Xã Hồng Trị of Huyện Bảo Lạc became Xã Bảo Lạc.
      const hongTri = (await service.invoke('places.list', {})).find(
        (p) => p.displayName === 'Xã Hồng Trị' && districts.some((d) => d.id === p.parentId && d.name === 'Bảo Lạc'),
      )!;
      expect(
        (await service.invoke('places.list', {}))
          .filter((p) => hongTri.successorIds.includes(p.id))
          .map((p) => p.displayName),
      ).toEqual(['Xã Bảo Lạc']);
      const { stored, fromRows } = totalsAgainstRows(ledger);
      expect(stored).toEqual(fromRows);
      const info = await service.invoke('app.info', {});
      expect(info.counts.pledges).toBe(before.pledges.n);
      // Search finds what reading every pledge's words finds.
      const everyMatch = (
        ledger.sqlite
          .prepare(
            `SELECT count(*) AS n FROM pledges WHERE instr(search_text, 'tzu') > 0 AND instr(search_text, 'chi') > 0`,
          )
          .get() as { n: number }
      ).n;
      const found = await service.invoke('pledges.list', {
        filter: { text: 'Tzu Chi' },
        sort: { by: 'pledgeDate', dir: 'desc' },
        page: { offset: 0, limit: 500 },
        withTotal: true,
      });
      expect(found.total).toBe(everyMatch);
      expect(everyMatch).toBeGreaterThan(0);
      // The quarter of the demo data reports the pledges it holds.
      const report = await service.invoke('reports.preview', { period: '2022-Q3' });
      const q3 = ledger.sqlite
        .prepare(
          `SELECT coalesce(sum(vnd_equivalent), 0) AS vnd FROM pledges WHERE pledge_date BETWEEN '2022-07-01' AND '2022-09-30' AND status <> 'cancelled'`,
        )
        .get() as { vnd: number };
      expect(report.summaryTotal.pledgedVnd).toBe(q3.vnd);
      // The reports sent keep the rule each was made by: the calendar before it was kept.
      const sent = await service.invoke('reports.list', {});
      const rules = sent.map((r) => r.cutoff);
      expect(rules).toEqual(rules.map(() => (version >= 22 ? 'statutory' : 'calendar')));
      if (version >= 22) expect(sent.map((r) => r.period)).toEqual(['2022-Q3']);
      // A pledge deleted is kept, and its deletion undone brings it back with its deliveries.
      const deleted = ledger.sqlite
        .prepare(
          `SELECT p.id, (SELECT count(*) FROM deliveries d WHERE d.pledge_id = p.id) AS n FROM pledges p ORDER BY n DESC, p.id LIMIT 1`,
        )
        .get() as { id: string; n: number };
      await service.invoke('pledges.delete', { id: deleted.id });
      const [deletion] = await service.invoke('deletions.list', {});
      expect(deletion).toMatchObject({ recordId: deleted.id, undoneAt: null });
      expect(deletion!.parts).toHaveLength(deleted.n);
      await service.invoke('deletions.undo', { id: deletion!.id, reason: 'Xóa nhầm' });
      expect((await service.invoke('pledges.get', { id: deleted.id })).deliveries).toHaveLength(deleted.n);
      // And it is written to as usual.
      const donor = await service.invoke('donors.create', { name: `Quỹ Lược Đồ ${version}`, kind: 'foundation' });
      expect((await service.invoke('donors.list', {})).map((d) => d.id)).toContain(donor.id);
    } finally {
      await ledger.close();
    }
  });
});
