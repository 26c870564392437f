/**
 * The official catalogue of administrative units, shipped with the app (no network at run time): the 34 provinces
 * and 3,321 communes, wards and special zones in force since 01/07/2025, the 63 former provinces with their 696
 * former districts and 10,035 former communes valid until 30/06/2025, and where each former unit went. Source: the
 * statistics office's own tables (`db/places/nso.ts`, made by `scripts/nso-catalogue.ts`; source and date there).
 * A newer release has its own CATALOGUE_VERSION and CATALOGUE_SOURCE: each ledger records the release it holds, and
 * its catalogue is brought up to date when it is opened, not by a migration (`db/places/upgrade.ts`).
 *
 * Names are the office's own, as its conversion table spells them (NFC, spaces collapsed, apostrophes as it writes
 * them: "B’Lao", "Ea H'Leo"), with the unit's type apart, and one rule for where a tone mark sits (`officialSpelling`):
 * the office writes it on either vowel of a final "oa", "oe", "uy" ("Hoà An", "Hòa An"), and the catalogue on the
 * first, as the office does in most names, except after "qu", whose "u" is part of the consonant ("Quý", never "Qúy").
 * A name is found however it is typed, since matching folds accents away (`foldText`).
 */
import { createHash } from 'node:crypto';
import { foldText } from '../../contract/text';
import { seedId } from '../seed';
import { formerCommuneKey, formerDistrictKey, seededDistrictName, todaysCommuneKey } from './legacy-ids';
import { type NsoTables, nsoTables } from './nso';

/** The day the 2025 reform took effect, and the last day of the units it replaced. */
export const REFORM_DAY = '2025-07-01';
export const LAST_DAY_BEFORE_REFORM = '2025-06-30';

/**
 * The versions catalogue rows carry at every office: the same text everywhere, so the same unit merges as "the same"
 * between offices. Each catalogue release has a later one than the one before; the first release's is kept so a
 * ledger that holds its rows is recognised (`db/sync/conflicts.ts` takes any of them as reference data).
 */
export const FIRST_CATALOGUE_VERSION = '0000000000000001-000000-catalogue';
export const CATALOGUE_VERSION = '0000000000000002-000000-catalogue';
export const CATALOGUE_VERSIONS = [FIRST_CATALOGUE_VERSION, CATALOGUE_VERSION] as const;
export const CATALOGUE_SOURCE = 'nso-2025-07@7be269e7';

/** The unit types names begin with, longest first ("Thành phố Trung Ương" is how some write a city's). */
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

/** The five tone marks, as combining characters (the other marks, ˆ ˘ and the horn, make letters of their own). */
const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * The catalogue's one rule for where a tone mark sits: in a word ending in the vowels "oa", "oe" or "uy", on the first
 * of them ("Hòa", "Khỏe", "Thủy", where others write "Hoà", "Khoẻ", "Thuỷ"), the placement the statistics office uses
 * in most of its names; but "qu" is a consonant, so in "quy" the mark sits on the "y" ("Quý", "Quỳ", "Quỹ"), wherever
 * it was written ("Qúy" → "Quý"). A word ending otherwise ("Hoàng", "Khuê", "Quảng") is left as it is. NFC.
 */
export function officialSpelling(text: string): string {
  return text.normalize('NFC').replace(/\p{L}+/gu, placeTone);
}

function placeTone(word: string): string {
  const letters = word.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? [];
  const n = letters.length;
  if (n < 2) return word;
  const bare = (letter: string) => letter.replace(TONES, '');
  const [first, second] = [bare(letters[n - 2]!), bare(letters[n - 1]!)];
  const pair = `${first}${second}`.toLowerCase();
  const tone = TONE.exec(`${letters[n - 2]}${letters[n - 1]}`)?.[0];
  if (!tone || (pair !== 'oa' && pair !== 'oe' && pair !== 'uy')) return word;
  const afterQu = pair === 'uy' && n >= 3 && bare(letters[n - 3]!).toLowerCase() === 'q';
  const ending = afterQu ? `${first}${second}${tone}` : `${first}${tone}${second}`;
  return `${letters.slice(0, n - 2).join('')}${ending}`.normalize('NFC');
}

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

/** A former unit → a unit it became; `partial`: it became several, and this one took part of it. */
export type CatalogueLink = [from: string, to: string, partial: boolean];

export interface Catalogue {
  units: CatalogueUnit[];
  successors: CatalogueLink[];
}

export interface CatalogueProvince {
  code: string;
  name: string;
  type: string;
  /** Former provinces merged into it (besides itself). */
  merged: string[];
}

interface Built {
  all: Catalogue;
  provinces: CatalogueProvince[];
  /** Which units and links belong to each (new) province's ledger. */
  byProvince: Map<string, { units: Set<string>; links: CatalogueLink[] }>;
}

let built: Built | undefined;

/** The province the first releases served, and the default of scripts that name none. */
export const CAO_BANG_CODE = '04';

/**
 * Ids, kept from the first releases wherever a unit was in them (ledgers' records and offices not yet upgraded name
 * them): today's provinces and communes by their code, Cao Bằng by its seeded name, a former province by its name
 * (one that kept its name is today's), a former district and commune by their names under their parents
 * (`legacy-ids.ts` says which, and where the first releases held a unit under another code or key). A unit the first
 * releases did not hold apart gets an id from its code.
 */
const ids = {
  province: (code: string) => (code === CAO_BANG_CODE ? seedId('Cao Bằng') : catalogueId(`province:${code}`)),
  commune: (code: string) => catalogueId(`commune:${todaysCommuneKey(code)}`),
  formerProvince: (name: string) => catalogueId(`former-province:${foldText(name)}`),
  district: (key: string, provinceName: string, fullName: string) => {
    const seeded = seededDistrictName(provinceName, fullName);
    return seeded ? seedId(seeded) : catalogueId(`former-district:${key}`);
  },
  formerCommune: (code: string, districtKey: string, fullName: string) => {
    const key = formerCommuneKey(code, districtKey, fullName);
    return key === null ? catalogueId(`former-commune-code:${code}`) : catalogueId(`former-commune:${key}`);
  },
};

/** The units and links being gathered, and which of them each of today's provinces' ledgers holds. */
class Gathered {
  readonly units = new Map<string, CatalogueUnit>();
  readonly links: CatalogueLink[] = [];
  readonly byProvince = new Map<string, { units: Set<string>; links: CatalogueLink[] }>();

  /** A unit, in the ledger of `province` too when given. */
  add(unit: CatalogueUnit, province?: string) {
    if (!this.units.has(unit.id)) this.units.set(unit.id, unit);
    if (province !== undefined) this.byProvince.get(province)!.units.add(unit.id);
  }

  link(from: string, to: string, partial: boolean, province: string) {
    this.links.push([from, to, partial]);
    this.byProvince.get(province)!.links.push([from, to, partial]);
  }
}

/** Today's units: ids of provinces and communes by code, and each commune's province. */
interface Today {
  provinces: CatalogueProvince[];
  provinceId: Map<string, string>;
  communeId: Map<string, string>;
  communeProvince: Map<string, string>;
}

function gatherToday(nso: NsoTables, into: Gathered): Today {
  const today: Today = { provinces: [], provinceId: new Map(), communeId: new Map(), communeProvince: new Map() };
  for (const p of nso.provinces) {
    const id = ids.province(p.code);
    today.provinceId.set(p.code, id);
    into.byProvince.set(p.code, { units: new Set(), links: [] });
    today.provinces.push({ code: p.code, name: officialSpelling(p.name), type: p.type, merged: [] });
    into.add({ ...fields(p), id, level: 'province', parentId: null, validFrom: null, validTo: null }, p.code);
  }
  for (const c of nso.communes) {
    const id = ids.commune(c.code);
    today.communeId.set(c.code, id);
    today.communeProvince.set(c.code, c.parent);
    const parentId = today.provinceId.get(c.parent)!;
    into.add({ ...fields(c), id, level: 'commune', parentId, validFrom: REFORM_DAY, validTo: null }, c.parent);
  }
  return today;
}

/**
 * Former provinces, by code: one that kept its name is today's province of that name, the same unit before and after;
 * another leads to the one it joined.
 */
function gatherFormerProvinces(nso: NsoTables, today: Today, into: Gathered) {
  const todayByName = new Map(nso.provinces.map((p) => [foldText(p.name), p.code]));
  const formerProvince = new Map<string, { id: string; name: string }>();
  for (const p of nso.formerProvinces) {
    const continuing = todayByName.get(foldText(p.name));
    const id = continuing ? today.provinceId.get(continuing)! : ids.formerProvince(p.name);
    formerProvince.set(p.code, { id, name: p.name });
    if (continuing) continue;
    const unit = { ...fields(p), id, parentId: null, validFrom: null, validTo: LAST_DAY_BEFORE_REFORM };
    into.add({ ...unit, level: 'province' }, p.today);
    into.link(id, today.provinceId.get(p.today)!, false, p.today);
    today.provinces.find((t) => t.code === p.today)!.merged.push(unit.name);
  }
  return formerProvince;
}

/**
 * Former districts and communes, each in the ledgers of the provinces its heirs are in (with its district and former
 * province); a former commune leads to each unit it went into, a former district to every unit its communes did (in
 * part to each when they are several).
 */
function gatherFormerUnits(nso: NsoTables, today: Today, into: Gathered) {
  const formerProvince = gatherFormerProvinces(nso, today, into);
  const former = { parentId: null, validFrom: null, validTo: LAST_DAY_BEFORE_REFORM };
  const district = new Map<string, { id: string; key: string; province: string; heirs: Set<string> }>();
  for (const d of nso.districts) {
    const province = formerProvince.get(d.parent)!;
    const full = `${d.type} ${d.name}`;
    const key = formerDistrictKey(d.code, province.name, full);
    const id = ids.district(key, province.name, full);
    district.set(d.code, { id, key, province: d.parent, heirs: new Set() });
    into.add({ ...fields(d), ...former, id, level: 'district', parentId: province.id });
  }
  const place = (unitId: string, districtCode: string, heir: string) => {
    const d = district.get(districtCode)!;
    const ledger = into.byProvince.get(today.communeProvince.get(heir)!)!;
    for (const id of [unitId, d.id, formerProvince.get(d.province)!.id]) ledger.units.add(id);
    d.heirs.add(heir);
  };
  for (const c of nso.formerCommunes) {
    const d = district.get(c.parent)!;
    const id = ids.formerCommune(c.code, d.key, `${c.type} ${c.name}`);
    into.add({ ...fields(c), ...former, id, level: 'commune', parentId: d.id });
    for (const s of c.successors) {
      place(id, c.parent, s.code);
      into.link(id, today.communeId.get(s.code)!, s.partial, today.communeProvince.get(s.code)!);
    }
  }
  for (const [districtCode, heir] of nso.districtLinks) place(district.get(districtCode)!.id, districtCode, heir);
  for (const d of district.values())
    for (const heir of d.heirs)
      into.link(d.id, today.communeId.get(heir)!, d.heirs.size > 1, today.communeProvince.get(heir)!);
}

function build(): Built {
  if (built) return built;
  const nso = nsoTables();
  const gathered = new Gathered();
  const today = gatherToday(nso, gathered);
  gatherFormerUnits(nso, today, gathered);
  built = {
    all: { units: [...gathered.units.values()], successors: gathered.links },
    provinces: today.provinces,
    byProvince: gathered.byProvince,
  };
  return built;
}

const fields = (u: { code: string; type: string; name: string }) => ({
  code: u.code,
  type: u.type,
  name: officialSpelling(u.name),
});

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
  const wanted = foldText(splitType(text).name);
  return provinces.find((p) => foldText(p.name) === wanted)?.code ?? null;
}

/** The source the catalogue was made from, as its data file records it. */
export function catalogueSource() {
  return nsoTables().source;
}
