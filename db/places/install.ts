/**
 * Puts the official catalogue into a ledger: the chosen province's units, current and former (or the whole country's),
 * with their successor links. Every office writes the same rows — ids from official codes, the same fixed version,
 * origin "catalogue" — so the same unit merges as "the same" between offices, whenever each upgraded. Rows a person
 * edited are left as they are; rows seeded by earlier releases (Cao Bằng's) are brought up to the catalogue, as edits
 * based on their seeded version, so an office not yet upgraded takes them as newer, and never the other way round.
 */
import { CompiledQuery, sql, type Kysely } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { ParsedInput, Place, PlacesSetup } from '../../contract';
import { foldText } from '../../contract/text';
import { invalid } from '../core/errors';
import type { Ctx } from '../core/context';
import type { DB } from '../core/schema';
import { SEED_VERSION } from '../seed';
import { getPlace } from './index';
import {
  CATALOGUE_SOURCE,
  CATALOGUE_VERSION,
  FIRST_CATALOGUE_VERSION,
  catalogueFor,
  catalogueId,
  catalogueProvinces,
  findCatalogueProvince,
  type Catalogue,
} from './catalogue';

/** When catalogue rows say they were made: the same at every office. */
export const CATALOGUE_TIME = '2025-07-01T00:00:00.000Z';

/** The setting naming the province the ledger serves ('all' for a national ledger). */
export const PROVINCE_SETTING = 'places.province';

/** The setting naming the catalogue release the ledger holds (`CATALOGUE_SOURCE` of the release that wrote it). */
export const CATALOGUE_SETTING = 'places.catalogue';

const TRACKING_TRIGGERS = [
  'places_track_insert',
  'places_track_update',
  'place_successors_track_insert',
  'place_successors_track_update',
];

/** How the writer reaches the database: the driver itself in a running ledger, the query builder while it opens. */
export interface SqlRunner {
  run(text: string, params?: unknown[]): Promise<void>;
  all<T>(text: string, params?: unknown[]): Promise<T[]>;
}

export function driverRunner(sqlite: BetterSqlite3.Database): SqlRunner {
  const statements = new Map<string, BetterSqlite3.Statement>();
  const statement = (text: string) => statements.get(text) ?? statements.set(text, sqlite.prepare(text)).get(text)!;
  return {
    run: async (text, params = []) =>
      void (/^\s*(DROP|CREATE)/i.test(text) ? sqlite.exec(text) : statement(text).run(...params)),
    all: async <T>(text: string, params: unknown[] = []) => statement(text).all(...params) as T[],
  };
}

export function builderRunner(db: Kysely<DB>): SqlRunner {
  return {
    run: async (text, params = []) => void (await db.executeQuery(CompiledQuery.raw(text, params))),
    all: async <T>(text: string, params: unknown[] = []) =>
      (await db.executeQuery(CompiledQuery.raw(text, params))).rows as T[],
  };
}

/**
 * Writes a catalogue's rows (`existing`: catalogue ids the ledger holds under ids of its own) with the change-tracking
 * triggers of the place tables set aside (and put back as they were), so its rows keep the version they are written
 * with; this works while a ledger opens, before the installation has its identity, as well as in a running ledger.
 * Returns how many units it holds.
 */
export async function writeCatalogue(
  io: SqlRunner,
  catalogue: Catalogue,
  existing: Map<string, string> = new Map(),
): Promise<number> {
  const idOf = (id: string) => existing.get(id) ?? id;
  const triggers = await io.all<{ name: string; sql: string }>(
    `SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${TRACKING_TRIGGERS.map(() => '?').join(', ')})`,
    TRACKING_TRIGGERS,
  );
  for (const t of triggers) await io.run(`DROP TRIGGER ${t.name}`);
  try {
    const upsert = `INSERT INTO places (id, name, name_folded, unit_type, level, parent_id, code, valid_from, valid_to, created_at, updated_at, version, origin_site, base_version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, '${CATALOGUE_TIME}', '${CATALOGUE_TIME}', '${CATALOGUE_VERSION}', 'catalogue', '')
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_folded = excluded.name_folded, unit_type = excluded.unit_type, level = excluded.level,
        parent_id = excluded.parent_id, code = excluded.code, valid_from = excluded.valid_from, valid_to = excluded.valid_to,
        updated_at = excluded.updated_at, version = excluded.version, origin_site = excluded.origin_site,
        base_version = CASE WHEN places.version = '${CATALOGUE_VERSION}' THEN places.base_version ELSE places.version END
      WHERE places.version IN ('${SEED_VERSION}', '${FIRST_CATALOGUE_VERSION}', '${CATALOGUE_VERSION}')`;
    // Parents before children: provinces, then districts, then communes.
    const order = { province: 0, district: 1, commune: 2 };
    // A unit the ledger already holds under another id (seeded by the first releases, before ids were shared) keeps
    // its row and gains the catalogue's type and code.
    const typed = `UPDATE places SET name = ?, name_folded = ?, unit_type = ?, code = coalesce(code, ?) WHERE id = ? AND unit_type IS NULL`;
    for (const u of [...catalogue.units].sort((a, b) => order[a.level] - order[b.level])) {
      if (existing.has(u.id)) await io.run(typed, [u.name, foldText(u.name), u.type, u.code, existing.get(u.id)]);
      else
        await io.run(upsert, [
          u.id,
          u.name,
          foldText(u.name),
          u.type,
          u.level,
          u.parentId === null ? null : idOf(u.parentId),
          u.code,
          u.validFrom,
          u.validTo,
        ]);
    }
    // A link an earlier catalogue release wrote is brought up to this one (whether the successor took part or all);
    // one a person made between the same units stands.
    const link = `INSERT INTO place_successors (id, place_id, successor_id, partial, created_at, updated_at, version, origin_site, base_version)
      VALUES (?, ?, ?, ?, '${CATALOGUE_TIME}', '${CATALOGUE_TIME}', '${CATALOGUE_VERSION}', 'catalogue', '')
      ON CONFLICT (id) DO UPDATE SET partial = excluded.partial, updated_at = excluded.updated_at, version = excluded.version,
        origin_site = excluded.origin_site,
        base_version = CASE WHEN place_successors.version = '${CATALOGUE_VERSION}' THEN place_successors.base_version ELSE place_successors.version END
      WHERE place_successors.version IN ('${FIRST_CATALOGUE_VERSION}', '${CATALOGUE_VERSION}')
      ON CONFLICT DO NOTHING`;
    for (const [from, to, partial] of catalogue.successors)
      await io.run(link, [catalogueId(`successor:${from}>${to}`), idOf(from), idOf(to), partial ? 1 : 0]);
  } finally {
    for (const t of triggers) await io.run(t.sql);
  }
  return catalogue.units.length;
}

/** The province a ledger serves, as recorded when its catalogue was put in (null before). */
export async function ledgerProvince(db: Kysely<DB>): Promise<string | null> {
  const row = (await sql<{ value: string }>`SELECT value FROM settings WHERE key = ${PROVINCE_SETTING}`.execute(db))
    .rows[0];
  return row?.value ?? null;
}

/** Puts a province's catalogue (or the country's) into the ledger and records the choice. */
export async function installCatalogue(
  db: Kysely<DB>,
  io: SqlRunner,
  province: string | 'all',
  now: string,
): Promise<number> {
  const count = await writeCatalogue(io, catalogueFor(province));
  for (const [key, value] of [
    [PROVINCE_SETTING, province],
    [CATALOGUE_SETTING, CATALOGUE_SOURCE],
  ] as const) {
    await sql`INSERT INTO settings (key, value, updated_at) VALUES (${key}, ${value}, ${now})
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`.execute(db);
  }
  return count;
}

/** The provinces to choose from, and the ledger's choice. */
export async function placesSetup(ctx: Ctx): Promise<PlacesSetup> {
  const hasPlaces = Boolean(await ctx.db.selectFrom('places').select('id').limit(1).executeTakeFirst());
  return {
    province: await ledgerProvince(ctx.db),
    hasPlaces,
    provinces: catalogueProvinces().map((p) => ({ ...p, units: catalogueFor(p.code).units.length })),
  };
}

/**
 * Puts the official units of a province (by code or name, accents optional), or of the whole country ("all"), into
 * the ledger. Chosen once: the same choice again changes nothing; another is refused.
 */
export async function chooseProvince(
  ctx: Ctx,
  input: ParsedInput<'places.choose'>,
): Promise<{ province: string; units: number }> {
  const code = findCatalogueProvince(input.province);
  if (code === null) {
    const folded = foldText(input.province);
    const mergedInto = catalogueProvinces().find((p) =>
      p.merged.some((m) => foldText(m) === folded || foldText(`Tỉnh ${m}`) === folded),
    );
    throw invalid(
      'province',
      mergedInto
        ? {
            vi: `${input.province} đã sáp nhập vào ${mergedInto.type} ${mergedInto.name} từ 01/07/2025; hãy chọn ${mergedInto.name}`,
            en: `${input.province} became part of ${mergedInto.type} ${mergedInto.name} on 01/07/2025; choose ${mergedInto.name}`,
          }
        : { vi: `không có tỉnh, thành phố "${input.province}"`, en: `no province "${input.province}"` },
    );
  }
  const chosen = await ledgerProvince(ctx.db);
  if (chosen === code) return { province: code, units: catalogueFor(code).units.length };
  if (chosen !== null) {
    const name = (c: string) => (c === 'all' ? 'cả nước' : (catalogueProvinces().find((p) => p.code === c)?.name ?? c));
    throw invalid('province', {
      vi: `sổ này đã chọn ${name(chosen)}`,
      en: `this ledger already serves ${chosen === 'all' ? 'the whole country' : name(chosen)}`,
    });
  }
  const units = await installCatalogue(ctx.db, driverRunner(ctx.sqlite), code, ctx.now);
  return { province: code, units };
}

/**
 * The province a ledger serves, as a unit: the chosen one, none for a national ledger, or (a ledger of an earlier
 * release, with no choice recorded) its first province.
 */
export async function servedProvince(ctx: Ctx): Promise<Place | null> {
  const chosen = await ledgerProvince(ctx.db);
  if (chosen === 'all') return null;
  let query = ctx.db
    .selectFrom('places')
    .select('id')
    .where('level', '=', 'province')
    .where('parentId', 'is', null)
    .where('validTo', 'is', null);
  if (chosen) query = query.where('code', '=', chosen);
  const row = await query.orderBy('createdAt').orderBy('id').executeTakeFirst();
  return row ? getPlace(ctx, row.id) : null;
}
