/**
 * Provinces as the registry names them: catalogue codes, today's 34 or the former 63. A certificate issued before the
 * 2025 reform may name a former province; it covers the province of today that one became.
 */
import { catalogueFor, catalogueProvinces } from '../places/catalogue';
import { type ProvinceName, provinceOfUnit, type TreeUnit } from '../places/ledger-province';
import type { Ctx } from '../core/context';

export interface RegistryProvince {
  /** The code as a certificate may name it. */
  code: string;
  /** With its type: "Tỉnh Hà Giang". */
  name: string;
  /** The province of today it is, or became. */
  todayCode: string;
}

let known: Map<string, RegistryProvince> | undefined;

/** Every code a certificate may name: today's provinces first, so a former code one of today's took is today's. */
export function registryProvinces(): Map<string, RegistryProvince> {
  if (known) return known;
  known = new Map();
  for (const p of catalogueProvinces())
    known.set(p.code, { code: p.code, name: `${p.type} ${p.name}`, todayCode: p.code });
  const { units, successors } = catalogueFor('all');
  const byId = new Map(units.map((u) => [u.id, u]));
  const links = new Map<string, string[]>();
  for (const [from, to] of successors) links.set(from, [...(links.get(from) ?? []), to]);
  const unitOf = (id: string): TreeUnit | undefined => {
    const u = byId.get(id);
    return (
      u && { name: u.name, unitType: u.type, level: u.level, parentId: u.parentId, code: u.code, validTo: u.validTo }
    );
  };
  for (const unit of units) {
    if (unit.level !== 'province' || unit.validTo === null || !unit.code || known.has(unit.code)) continue;
    const today = provinceOfUnit(unit.id, unitOf, (id) => links.get(id) ?? []);
    if (today?.code)
      known.set(unit.code, { code: unit.code, name: `${unit.type ?? 'Tỉnh'} ${unit.name}`, todayCode: today.code });
  }
  return known;
}

/** The province of today a code is (null: no province has it). */
export function todayProvinceOf(code: string): string | null {
  return registryProvinces().get(code)?.todayCode ?? null;
}

/** A province's name by its code ("Tỉnh Cao Bằng"); the code itself when none has it. */
export function provinceNameOf(code: string): string {
  return registryProvinces().get(code)?.name ?? code;
}

/**
 * The province of today each of the ledger's units lies in, found once per unit: the checks ask it of every pledge.
 */
export function placeProvinces(ctx: Ctx): (placeId: string) => ProvinceName | null {
  const units = new Map<string, TreeUnit>();
  for (const row of ctx.sqlite
    .prepare(
      `SELECT id, name, unit_type AS unitType, level, parent_id AS parentId, code, valid_to AS validTo FROM places`,
    )
    .all() as (TreeUnit & { id: string })[])
    units.set(row.id, row);
  const links = new Map<string, string[]>();
  for (const link of ctx.sqlite.prepare(`SELECT place_id AS a, successor_id AS b FROM place_successors`).all() as {
    a: string;
    b: string;
  }[])
    links.set(link.a, [...(links.get(link.a) ?? []), link.b]);
  const found = new Map<string, ProvinceName | null>();
  return (placeId) => {
    let province = found.get(placeId);
    if (province === undefined) {
      province = provinceOfUnit(
        placeId,
        (id) => units.get(id),
        (id) => links.get(id) ?? [],
      );
      found.set(placeId, province);
    }
    return province;
  };
}
