/**
 * Makes the catalogue's data file (`db/places/data/nso-2025-07.json`) from the statistics office's two tables:
 *
 *   npx tsx scripts/nso-catalogue.ts [folder holding conversion-2025-07.csv and communes-2025-01-04.csv]
 *
 * Without a folder it reads the copies the repository ships, gzipped, in `db/places/data/nso/` (their README says
 * where they come from). The file records the SHA-256 of each table as published (uncompressed).
 *
 * Source: Cục Thống kê (National Statistics Office of Viet Nam), danhmuchanhchinh.nso.gov.vn, as exported from its site
 * and republished unchanged in github.com/sunshine-tech/VietnamProvinces (`dev/seed-data/`, commit
 * 7be269e7c1a00b9bd4b36b4de6a947f458eb6402, 21/02/2026). The conversion table (former units → units in force from
 * 01/07/2025) gives every unit the catalogue holds: its new side today's 34 provinces and 3,321 communes, its old side
 * the 63 former provinces, their districts and 10,033 communes, as they stood on 30/06/2025. The commune list of
 * 04/01/2025 is read to check the codes of the former side and to mend the slips listed in `CODE_SLIPS`.
 *
 * Texts are kept as the office writes them, only NFC-normalised with their spaces collapsed; a unit type is written
 * the one standard way ("Thị Xã", "Xa", "thị trấn" → "Thị xã", "Xã", "Thị trấn"). Each line of the file is one unit,
 * its fields joined by "|" (the names hold none); a unit named in several rows takes the spelling of its first row.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readCsv } from './nso-csv';

export const SOURCE = {
  publisher: 'Cục Thống kê (National Statistics Office of Viet Nam)',
  url: 'https://danhmuchanhchinh.nso.gov.vn',
  republished:
    'https://github.com/sunshine-tech/VietnamProvinces/tree/7be269e7c1a00b9bd4b36b4de6a947f458eb6402/dev/seed-data',
  commit: '7be269e7c1a00b9bd4b36b4de6a947f458eb6402',
  taken: '2026-02-21',
};

const CONVERSION = 'conversion-2025-07.csv';
const COMMUNES = 'communes-2025-01-04.csv';

/** Unit types as the tables spell them (any case, "Xa", "Thi trấn"), longest first, and how the catalogue writes them. */
const TYPES: [RegExp, string][] = [
  [/^thành phố trung ương$/i, 'Thành phố'],
  [/^thành phố$/i, 'Thành phố'],
  [/^thị xã$/i, 'Thị xã'],
  [/^th[iị] trấn$/i, 'Thị trấn'],
  [/^đặc khu$/i, 'Đặc khu'],
  [/^huyện$/i, 'Huyện'],
  [/^quận$/i, 'Quận'],
  [/^tỉnh$/i, 'Tỉnh'],
  [/^x[aã]$/i, 'Xã'],
  [/^phường$/i, 'Phường'],
];

/**
 * Rows of the conversion table whose former commune's code is a slip: the code is another commune's of the same
 * district, and the commune list of 04/01/2025 gives the named commune its own. Each is read with the list's code.
 */
export const CODE_SLIPS = [
  // Listed as 01615 (Xã Hồng Quang's code); the commune list gives Xã Mỹ Hưng of Huyện Quảng Hòa 01651.
  { district: '049', name: 'Mỹ Hưng', written: '01615', code: '01651' },
  // Listed as 02485 (Xã Công Đa's); the commune list gives Xã Phú Thịnh of Huyện Yên Sơn 02482.
  { district: '075', name: 'Phú Thịnh', written: '02485', code: '02482' },
  // Listed as 00553 (Xã Cổ Bi's) in its row into Xã Thuận An; its other row, into Xã Phù Đổng, gives 00556.
  { district: '018', name: 'Đặng Xá', written: '00553', code: '00556' },
];

/**
 * Former units the conversion table files under a wrong former province: Huyện Cồn Cỏ's row names "Quảng Trị (44)"
 * (44 was Quảng Bình's code); the commune list has Huyện Cồn Cỏ in Tỉnh Quảng Trị (45).
 */
export const PROVINCE_SLIPS = [{ district: '471', written: '44', code: '45' }];

const clean = (text: string) => text.normalize('NFC').replace(/\s+/g, ' ').trim();

/** "Huyện Trực Ninh (363)" → its type, name and code; a name with no type word takes `fallback`. */
export function splitUnit(text: string, fallback = ''): { type: string; name: string; code: string } {
  const full = clean(text);
  const bracket = /^(.*?)\s*\((\d+)\)$/.exec(full);
  const named = bracket ? bracket[1]! : full;
  const words = named.split(' ');
  for (const take of [3, 2, 1]) {
    const head = words.slice(0, take).join(' ');
    const type = TYPES.find(([pattern]) => pattern.test(head))?.[1];
    if (type && words.length > take) return { type, name: words.slice(take).join(' '), code: bracket?.[2] ?? '' };
  }
  return { type: fallback, name: named, code: bracket?.[2] ?? '' };
}

interface Former {
  code: string;
  district: string;
  type: string;
  name: string;
  successors: string[];
}

export interface NsoData {
  source: typeof SOURCE & { files: Record<string, string> };
  /** code|type|name */
  provinces: string[];
  /** code|province code|type|name */
  communes: string[];
  /** code|type|name|code of today's province it became part of */
  formerProvinces: string[];
  /** code|former province code|type|name */
  districts: string[];
  /** code|district code|type|name|successor codes, comma-separated ("~" after a code: the commune went there in part) */
  formerCommunes: string[];
  /** district code|today's unit code: whole districts (islands) without communes, made one unit */
  districtLinks: string[];
}

/** The catalogue's data from the two tables' texts. Throws on anything the reading does not account for. */
export function convert(conversionText: string, communesText: string, files: Record<string, string>): NsoData {
  const listed = new Map<string, { district: string; type: string; name: string }>();
  const listedDistrictProvince = new Map<string, string>();
  for (const row of readCsv(communesText).slice(1)) {
    const [, provinceCode, , districtCode, commune, code, level] = row.map(clean);
    if (districtCode) listedDistrictProvince.set(districtCode, provinceCode!);
    if (!code) continue;
    listed.set(code, { district: districtCode!, ...splitUnit(commune!, splitUnit(level!).type || level!) });
  }

  const provinces = new Map<string, string>();
  const communes = new Map<string, string>();
  const formerProvinces = new Map<string, { line: string; today: string }>();
  const districts = new Map<string, string>();
  const formers = new Map<string, Former>();
  const districtLinks = new Set<string>();
  for (const row of readCsv(conversionText).slice(2)) {
    const [provinceText, newText, newCode, oldText, oldWritten, , districtText, oldProvinceText] = row.map(clean);
    if (!newText && !newCode) continue; // a section row: a province's name alone
    const province = splitUnit(provinceText!);
    const unit = splitUnit(newText!);
    if (!province.code || !newCode || !unit.type) throw new Error(`${CONVERSION}: unreadable row ${row.join(',')}`);
    if (!provinces.has(province.code))
      provinces.set(province.code, `${province.code}|${province.type}|${province.name}`);
    if (!communes.has(newCode)) communes.set(newCode, `${newCode}|${province.code}|${unit.type}|${unit.name}`);

    const district = splitUnit(districtText!, 'Huyện');
    const slip = PROVINCE_SLIPS.find((s) => s.district === district.code);
    const oldProvince = splitUnit(oldProvinceText!, 'Tỉnh');
    if (slip && oldProvince.code === slip.written) Object.assign(oldProvince, { code: slip.code, type: 'Tỉnh' });
    if (!district.code || !oldProvince.code) throw new Error(`${CONVERSION}: no former district or province in ${row}`);
    if (!formerProvinces.has(oldProvince.code))
      formerProvinces.set(oldProvince.code, {
        line: `${oldProvince.code}|${oldProvince.type}|${oldProvince.name}`,
        today: province.code,
      });
    if (!districts.has(district.code))
      districts.set(district.code, `${district.code}|${oldProvince.code}|${district.type}|${district.name}`);
    if (!oldWritten) {
      // A whole island district made one unit, or a stretch of coast no commune held: the district's link only.
      districtLinks.add(`${district.code}|${newCode}`);
      continue;
    }
    const old = splitUnit(oldText!, listed.get(oldWritten)?.type ?? '');
    if (!old.type) throw new Error(`${CONVERSION}: no type for ${oldText}`);
    const code = CODE_SLIPS.find((s) => s.written === oldWritten && s.name === old.name)?.code ?? oldWritten;
    const known = formers.get(code);
    if (known && known.name !== old.name) throw new Error(`${CONVERSION}: ${code} is ${known.name} and ${old.name}`);
    const former = known ?? { code, district: district.code, type: old.type, name: old.name, successors: [] };
    formers.set(code, former);
    if (!former.successors.includes(newCode)) former.successors.push(newCode);
  }
  for (const [districtCode, line] of districts) {
    const listedProvince = listedDistrictProvince.get(districtCode);
    const province = line.split('|')[1];
    if (listedProvince && listedProvince !== province)
      throw new Error(`${CONVERSION}: district ${districtCode} in ${province}, the list says ${listedProvince}`);
  }
  return {
    source: { ...SOURCE, files },
    provinces: [...provinces.values()],
    communes: [...communes.values()],
    formerProvinces: [...formerProvinces.values()].map((p) => `${p.line}|${p.today}`),
    districts: [...districts.values()],
    // A former commune that went into several units went into each in part.
    formerCommunes: [...formers.values()].map(
      (f) =>
        `${f.code}|${f.district}|${f.type}|${f.name}|${f.successors.map((s) => (f.successors.length > 1 ? `${s}~` : s)).join(',')}`,
    ),
    districtLinks: [...districtLinks],
  };
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** The folder of the copies the repository ships. */
export const SHIPPED = join(import.meta.dirname, '../db/places/data/nso');

/** A table's bytes as published: `<name>` in the folder, or `<name>.gz` unpacked. */
export function readTable(folder: string, name: string): Buffer {
  const plain = join(folder, name);
  return existsSync(plain) ? readFileSync(plain) : gunzipSync(readFileSync(`${plain}.gz`));
}

function main(folder = SHIPPED) {
  const [conversion, communes] = [CONVERSION, COMMUNES].map((name) => readTable(folder, name));
  const data = convert(conversion!.toString('utf8'), communes!.toString('utf8'), {
    [CONVERSION]: sha256(conversion!),
    [COMMUNES]: sha256(communes!),
  });
  const out = join(import.meta.dirname, '../db/places/data/nso-2025-07.json');
  writeFileSync(out, `${JSON.stringify(data, null, 1)}\n`);
  console.log(
    `${out}: ${data.provinces.length} provinces, ${data.communes.length} communes, ${data.formerProvinces.length} former provinces, ${data.districts.length} districts, ${data.formerCommunes.length} former communes`,
  );
}

if (process.argv[1] && import.meta.filename === process.argv[1]) main(process.argv[2]);
