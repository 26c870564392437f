/**
 * Which province a ledger serves, and which province a unit lies in: a unit under a province of today lies in it; a
 * unit under a former province lies in the province that province became (a Tuyên Quang ledger's former Hà Giang).
 * Bundles and lists made for another province are refused by these (`db/sync/vet/province.ts`,
 * `db/imports/province-check.ts`).
 */
import { foldText } from '../../contract/text';
import type { Ctx } from '../core/context';
import { catalogueProvinces, splitType } from './catalogue';
import { ledgerProvince, servedProvince } from './install';

/** A province as refusals and the import preview name it: its code of today (null when not known) and its name. */
export interface ProvinceName {
  code: string | null;
  /** With its type: "Tỉnh Cao Bằng", "Thành phố Hà Nội". */
  name: string;
}

/** The province of today with this code, named with its type; the name given when no province of today has it. */
export function provinceNamed(code: string | null, name: string): ProvinceName {
  const today = code === null ? undefined : catalogueProvinces().find((p) => p.code === code);
  return today ? { code, name: `${today.type} ${today.name}` } : { code, name };
}

/**
 * The province the ledger serves: the one chosen, 'all' for a national ledger, or (a ledger of an earlier release,
 * with no choice recorded) its first province; null for a ledger with no places yet.
 */
export async function ledgerProvinceName(ctx: Ctx): Promise<ProvinceName | 'all' | null> {
  const chosen = await ledgerProvince(ctx.db);
  if (chosen === 'all') return 'all';
  if (chosen) return provinceNamed(chosen, chosen);
  const served = await servedProvince(ctx);
  return served ? provinceNamed(served.code, served.displayName) : null;
}

/** Whether two names are of the same province: by their codes when both have one, else by their names. */
export function sameProvince(a: ProvinceName, b: ProvinceName): boolean {
  if (a.code !== null && b.code !== null) return a.code === b.code;
  return foldText(splitType(a.name).name) === foldText(splitType(b.name).name);
}

/** A unit as the walk up to its province reads it. */
export interface TreeUnit {
  name: string;
  unitType: string | null;
  level: string;
  parentId: string | null;
  code: string | null;
  validTo: string | null;
}

/**
 * The province a unit lies in: the province at the top of its tree, or, when that one is a former province, the
 * province of today it became (followed through the successor links). Null for a unit at the top of no province
 * (one made by hand, with no unit above it).
 */
export function provinceOfUnit(
  id: string,
  unitOf: (id: string) => TreeUnit | undefined,
  successorsOf: (id: string) => string[],
): ProvinceName | null {
  let top: TreeUnit | undefined;
  let topId = id;
  const seen = new Set<string>();
  for (let at: string | null = id; at !== null && !seen.has(at); ) {
    seen.add(at);
    const unit = unitOf(at);
    if (!unit) break;
    [top, topId] = [unit, at];
    at = unit.parentId;
  }
  if (top?.level !== 'province') return null;
  const named = (unit: TreeUnit) =>
    provinceNamed(unit.code, unit.unitType ? `${unit.unitType} ${unit.name}` : `Tỉnh ${unit.name}`);
  if (top.validTo === null) return named(top);
  // A former province: the province of today it became. Its own code may be one a province of today has (Yên Bái's
  // 15 is Lào Cai's), so unfollowed it is named by its name alone.
  const queue = [...successorsOf(topId)];
  for (const visited = new Set<string>([topId]); queue.length; ) {
    const next = queue.shift()!;
    if (visited.has(next)) continue;
    visited.add(next);
    const unit = unitOf(next);
    if (unit?.level === 'province' && unit.validTo === null) return named(unit);
    queue.push(...successorsOf(next));
  }
  return { code: null, name: top.unitType ? `${top.unitType} ${top.name}` : `Tỉnh ${top.name}` };
}
