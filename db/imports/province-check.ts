/**
 * A list belongs to the province of the ledger it is imported into. One whose letterhead names another province
 * ("UBND TỈNH CAO BẰNG" in a Tuyên Quang ledger), or whose places are all units of another province, is refused as a
 * whole, naming that province; a national ledger takes every province's lists. The province a list is from is shown
 * with it in the preview.
 */
import type { ImportIssue } from '../../contract';
import { foldText } from '../../contract/text';
import type { Ctx } from '../core/context';
import { catalogueFor } from '../places/catalogue';
import {
  ledgerProvinceName,
  type ProvinceName,
  provinceOfUnit,
  sameProvince,
  type TreeUnit,
} from '../places/ledger-province';
import { PlaceIndex } from '../places/match';
import { cellText } from './cell-values';
import type { Header, OfficePlace } from './header';
import { letterheadProvince, letterheadUnits } from './letterhead';
import { fileIssue, type Sheet } from './sheet';

/** The province a list is from, when it can be told, and why it is refused when it is another province's. */
export interface ListProvince {
  province: string | null;
  problem: ImportIssue | null;
}

/** The list's province, read from its letterhead, its office, then its places; refused if not this ledger's. */
export async function checkListProvince(
  ctx: Ctx,
  places: PlaceIndex,
  sheet: Sheet,
  header: Header,
  office: OfficePlace | null,
): Promise<ListProvince> {
  const ours = await ledgerProvinceName(ctx);
  const texts: string[] = [];
  for (let r = sheet.range.s.r; r < header.row; r++) texts.push(...sheet.rowTexts(r));
  const named = letterheadProvince(letterheadUnits(texts));
  const national = ours === null || ours === 'all';
  if (named && !national && !sameProvince(named, ours)) {
    const written = named.written === named.name ? named.name : `${named.written}, nay thuộc ${named.name}`;
    const writtenEn = named.written === named.name ? named.name : `${named.written}, now part of ${named.name}`;
    return {
      province: named.name,
      problem: fileIssue(
        `Tiêu đề văn bản ghi ${written}, còn sổ này là sổ của ${ours.name}: danh sách của tỉnh khác không nhập vào sổ này (chỉ sổ toàn quốc nhận danh sách của mọi tỉnh); sổ không bị thay đổi`,
        `The letterhead names ${writtenEn}, and this ledger is one of ${ours.name}: a list of another province is not imported into it (only a national ledger takes every province's lists); the ledger was not changed`,
      ),
    };
  }
  if (named) return { province: named.name, problem: null };
  const ofOffice = office ? provinceOfUnit(office.id, indexUnit(places), indexSuccessors(places)) : null;
  if (ofOffice) return { province: ofOffice.name, problem: null };
  if (national) return { province: null, problem: null };
  return placesProvince(places, sheet, header, ours);
}

const indexUnit = (index: PlaceIndex) => (id: string) => index.get(id) as TreeUnit | undefined;
const indexSuccessors = (index: PlaceIndex) => (id: string) => index.successorsOf(id).map((p) => p.id);

/** The most place texts read to tell where a list lies. */
const PLACE_TEXTS = 2_000;

/**
 * Where a list's places lie: this ledger's province when any of them is one of its units; otherwise, when some are
 * units of other provinces (read in the official catalogue of the whole country), the list is refused naming them.
 * Names found nowhere are left to each row's own message.
 */
function placesProvince(places: PlaceIndex, sheet: Sheet, header: Header, ours: ProvinceName): ListProvince {
  const named = placeTexts(sheet, header);
  if (!named.length || named.some((text) => places.candidates(text).length > 0))
    return { province: named.length ? ours.name : null, problem: null };
  const country = countryIndex();
  const byProvince = new Map<string, { province: ProvinceName; texts: string[] }>();
  for (const text of named) {
    const found = new Map<string, ProvinceName>();
    for (const unit of country.candidates(text)) {
      const province = provinceOfUnit(unit.id, indexUnit(country), indexSuccessors(country));
      if (province) found.set(province.name, province);
    }
    for (const province of found.values()) {
      if (sameProvince(province, ours)) return { province: ours.name, problem: null };
      const entry = byProvince.get(province.name) ?? { province, texts: [] };
      entry.texts.push(text);
      byProvince.set(province.name, entry);
    }
  }
  if (!byProvince.size) return { province: null, problem: null };
  // The provinces that hold most of the list's places (a name several provinces share counts for each).
  const most = Math.max(...[...byProvince.values()].map((e) => e.texts.length));
  const where = [...byProvince.values()].filter((e) => e.texts.length === most).slice(0, 3);
  const listed = where.map((e) => `${e.province.name} (${e.texts.slice(0, 3).join(', ')})`).join('; ');
  return {
    province: where.map((e) => e.province.name).join(', '),
    problem: fileIssue(
      `Không địa bàn nào của danh sách thuộc ${ours.name} mà sổ này theo dõi: các địa bàn là của ${listed}; danh sách của tỉnh khác không nhập vào sổ này (chỉ sổ toàn quốc nhận danh sách của mọi tỉnh); sổ không bị thay đổi`,
      `None of the list's places lies in ${ours.name}, which this ledger serves: its places are those of ${listed}; a list of another province is not imported into it (only a national ledger takes every province's lists); the ledger was not changed`,
    ),
  };
}

/**
 * The place texts of the list's rows, each once: its place column's, and each unit column's with the column's type
 * ("Xã Hưng Đạo" under "Xã"). Each is looked for alone: a unit of this ledger among them is enough to keep the list.
 */
function placeTexts(sheet: Sheet, header: Header): string[] {
  const { fields, places: unitColumns } = header.columns;
  const placeColumn = fields.get('place');
  const texts = new Set<string>();
  for (let r = header.row + 1; r <= sheet.range.e.r && texts.size < PLACE_TEXTS; r++) {
    if (placeColumn !== undefined) texts.add(cellText(sheet.cellAt(r, placeColumn)));
    for (const { column, unitType } of unitColumns) {
      const name = cellText(sheet.cellAt(r, column));
      texts.add(name && unitType && !foldText(name).startsWith(foldText(unitType)) ? `${unitType} ${name}` : name);
    }
  }
  texts.delete('');
  return [...texts];
}

let country: PlaceIndex | undefined;

/** Every unit of the country's official catalogue, read once (only when a list names no unit of this ledger). */
function countryIndex(): PlaceIndex {
  if (country) return country;
  const { units, successors } = catalogueFor('all');
  country = new PlaceIndex(
    units.map((u) => ({ ...u, unitType: u.type })),
    successors.map(([placeId, successorId]) => ({ placeId, successorId })),
  );
  return country;
}
