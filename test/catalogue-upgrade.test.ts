/**
 * Ledgers holding the first releases' catalogue (the npm package's) are brought up to the statistics office's when
 * opened. The files in test/fixtures/first-catalogue were made by the app as released with that catalogue, for
 * Ninh Bình (which holds Nam Định's Huyện Trực Ninh, whose Xã Trực Hưng 14050 and Xã Trực Hùng 14083 it held as one
 * unit, "Trực Hùng"): a province office and a district office of Huyện Trực Ninh, introduced to each other, with
 * pledges at that unit, at Huyện Trực Ninh, at Xã Mộc Nam (a commune the office does not list on 30/06/2025) and at
 * one of today's communes; and each office's bundle of its pledges, as that release wrote it.
 */
import Database from 'better-sqlite3';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { openLedger } from '../db/core/open';
import type { Ledger } from '../db/core/open';
import { CATALOGUE_SOURCE, CATALOGUE_VERSION, catalogueFor, FIRST_CATALOGUE_VERSION } from '../db/places/catalogue';
import { createLedgerService, type LedgerService } from '../db/service';
import { ROOT, tempDir } from './helpers';

const FIXTURES = join(ROOT, 'test/fixtures/first-catalogue');
const dir = tempDir();
afterAll(() => dir.remove());

/** The unit the first releases held for both communes, under the id they gave it. */
const TRUC_HUNG = '35db1792-d90e-5d0f-952a-1d02a7013437';
/** Xã Mộc Nam (Huyện Duy Tiên, Hà Nam): held by the first releases, not listed by the office on 30/06/2025. */
const MOC_NAM = 'ff8b0827-9d25-52b5-9abc-8dae6ff2e542';

let copies = 0;
function copyOf(office: 'province' | 'district'): string {
  const file = join(dir.dir, `${office}-${++copies}.sqlite`);
  writeFileSync(file, gunzipSync(readFileSync(join(FIXTURES, `ninh-binh-${office}.sqlite.gz`))));
  return file;
}
const oldBundle = (office: 'province' | 'district') => readFileSync(join(FIXTURES, `ninh-binh-${office}.aidledger`));

function read<T>(file: string, query: string): T[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(query).all() as T[];
  } finally {
    db.close();
  }
}

async function receive(service: LedgerService, bytes: Buffer) {
  return service.invoke('sync.import', { fileName: 'office.aidledger', base64: bytes.toString('base64') });
}

async function send(service: LedgerService): Promise<Buffer> {
  const bundle = await service.invoke('sync.export', { all: false });
  return Buffer.from(bundle.base64, 'base64');
}

/** What two offices must agree on: the units, their links and the pledges' places. */
function state(ledger: Ledger) {
  const all = (query: string) => ledger.sqlite.prepare(query).all();
  return {
    places: all(`SELECT id, name, unit_type, code, parent_id, valid_to, version FROM places ORDER BY id`),
    links: all(`SELECT id, place_id, successor_id, partial, version FROM place_successors ORDER BY id`),
    pledges: all(`SELECT id, place_id, description FROM pledges ORDER BY id`),
  };
}

describe('a ledger of the first catalogue, opened', () => {
  it('takes the office’s units and links, keeping every id its records point to, and splits the unit two communes were held as', async () => {
    const file = copyOf('province');
    const pledgesBefore = read<{ id: string; place_id: string }>(file, `SELECT id, place_id FROM pledges ORDER BY id`);
    const idsBefore = read<{ id: string }>(file, `SELECT id FROM places`).map((p) => p.id);
    expect(pledgesBefore.map((p) => p.place_id)).toContain(TRUC_HUNG);
    const ledger = await openLedger(file);
    try {
      // Every pledge on the place it was entered with, and every unit still there.
      expect(ledger.sqlite.prepare(`SELECT id, place_id FROM pledges ORDER BY id`).all()).toEqual(pledgesBefore);
      const ids = new Set(ledger.sqlite.prepare(`SELECT id FROM places`).pluck().all() as string[]);
      for (const id of idsBefore) expect(ids.has(id), id).toBe(true);
      // Every unit of the office's catalogue for the province, as the office names it.
      const catalogue = catalogueFor('37');
      const row = ledger.sqlite.prepare(`SELECT name, unit_type AS type, code, version FROM places WHERE id = ?`);
      for (const u of catalogue.units)
        expect(row.get(u.id), u.name).toEqual({ name: u.name, type: u.type, code: u.code, version: CATALOGUE_VERSION });
      // The unit keeps its id for Xã Trực Hùng (the name it carried); Xã Trực Hưng is added beside it, each leading
      // to its own successor only.
      const trucHung = catalogue.units.find((u) => u.id === TRUC_HUNG)!;
      const trucHuong = catalogue.units.find((u) => u.code === '14050')!;
      expect([trucHung.name, trucHung.code, trucHuong.name, trucHuong.parentId]).toEqual([
        'Trực Hùng',
        '14083',
        'Trực Hưng',
        trucHung.parentId,
      ]);
      const heirs = ledger.sqlite.prepare(
        `SELECT p.code FROM place_successors s JOIN places p ON p.id = s.successor_id WHERE s.place_id = ? ORDER BY p.code`,
      );
      expect(heirs.pluck().all(TRUC_HUNG)).toEqual(['14077']);
      expect(heirs.pluck().all(trucHuong.id)).toEqual(['14053']);
      // Links are exactly the office's, with their partial marks, but those of units the office does not list.
      const links = ledger.sqlite
        .prepare(
          `SELECT s.place_id, s.successor_id, s.partial FROM place_successors s JOIN places p ON p.id = s.place_id
           WHERE p.version <> ?`,
        )
        .all(FIRST_CATALOGUE_VERSION) as { place_id: string; successor_id: string; partial: number }[];
      expect(links.map((l) => `${l.place_id}>${l.successor_id}:${l.partial}`).sort()).toEqual(
        catalogue.successors.map(([from, to, partial]) => `${from}>${to}:${partial ? 1 : 0}`).sort(),
      );
      expect(catalogue.successors.some(([, , partial]) => partial)).toBe(true);
      // Xã Mộc Nam, which a pledge points to, is there as it was, with its links.
      expect(
        ledger.sqlite.prepare(`SELECT name, version FROM places WHERE id = ?`).get(MOC_NAM) as { version: string },
      ).toEqual({ name: 'Mộc Nam', version: FIRST_CATALOGUE_VERSION });
      expect(heirs.pluck().all(MOC_NAM)).not.toEqual([]);
      // The release is recorded; a second opening changes nothing.
      expect(ledger.sqlite.prepare(`SELECT value FROM settings WHERE key = 'places.catalogue'`).pluck().get()).toBe(
        CATALOGUE_SOURCE,
      );
      const once = state(ledger);
      await ledger.close();
      const again = await openLedger(file);
      try {
        expect(state(again)).toEqual(once);
      } finally {
        await again.close();
      }
    } finally {
      if (ledger.sqlite.open) await ledger.close();
    }
  });
});

describe('offices upgrading at different times', () => {
  /**
   * One office opens the new release first and takes the other's bundle written by the old release, then records a
   * pledge at Xã Trực Hưng (a unit the old release did not hold apart) and sends it; the other opens the new release
   * later and takes both of the first's bundles, the old release's and the new one's, in either order, and answers
   * with a pledge of its own. They hold the same units and links, and each pledge on the same place, whichever
   * upgraded first and whatever came first.
   */
  it.each([
    ['province', 'old bundle first'],
    ['province', 'new bundle first'],
    ['district', 'old bundle first'],
    ['district', 'new bundle first'],
  ] as const)('converge when the %s office upgrades first, the other taking its %s', async (first, order) => {
    const second = first === 'province' ? 'district' : 'province';
    const early = await openLedger(copyOf(first));
    const lateFile = copyOf(second);
    try {
      const earlyService = createLedgerService(early);
      expect((await receive(earlyService, oldBundle(second))).inserted).toBeGreaterThan(0);
      const trucHuong = catalogueFor('37').units.find((u) => u.code === '14050')!;
      await pledgeAt(earlyService, trucHuong.id, 'Nhà văn hóa xã Trực Hưng');
      const newBundle = await send(earlyService);
      const late = await openLedger(lateFile);
      try {
        const lateService = createLedgerService(late);
        for (const bundle of order === 'old bundle first'
          ? [oldBundle(first), newBundle]
          : [newBundle, oldBundle(first)])
          await receive(lateService, bundle);
        await pledgeAt(lateService, TRUC_HUNG, 'Bếp ăn bán trú xã Trực Hùng');
        await receive(earlyService, await send(lateService));
        const [a, b] = [state(early), state(late)];
        expect(a.places).toEqual(b.places);
        expect(a.links).toEqual(b.links);
        expect(a.pledges).toEqual(b.pledges);
        expect(a.pledges).toHaveLength(8);
        // The pledges made at the unit the old release held for both communes are on Xã Trực Hùng, which leads to
        // one unit; the one at Xã Trực Hưng on its own.
        const count = late.sqlite.prepare(`SELECT count(*) FROM pledges WHERE place_id = ?`).pluck();
        expect([count.get(TRUC_HUNG), count.get(trucHuong.id)]).toEqual([3, 1]);
        expect(
          late.sqlite.prepare(`SELECT count(*) FROM place_successors WHERE place_id = ?`).pluck().get(TRUC_HUNG),
        ).toBe(1);
      } finally {
        await late.close();
      }
    } finally {
      await early.close();
    }
  });
});

async function pledgeAt(service: LedgerService, placeId: string, description: string): Promise<void> {
  const donor = (await service.invoke('donors.list', {}))[0]!;
  await service.invoke('pledges.create', {
    donorId: donor.id,
    placeId,
    kind: 'cash',
    description,
    amountMinor: 50_000_000,
    currency: 'VND',
    pledgeDate: '2025-05-20',
  });
}
