/**
 * The office a list's letterhead names. A letterhead may name several levels — the province above the commune
 * ("UBND TỈNH TUYÊN QUANG" over "UBND XÃ MÈO VẠC"), the former district above the commune, on two lines or on one —
 * and the list is the lowest one's: each unit is looked for within the one above it, and the lowest found is the office.
 */
import type { PlaceLevel } from '../../contract';
import { foldText } from '../../contract/text';
import { catalogueProvinces } from '../places/catalogue';
import type { ProvinceName } from '../places/ledger-province';
import type { IndexedPlace, PlaceIndex } from '../places/match';

/** A unit a letterhead names: with its type ("Xã Mèo Vạc") and without ("MÈO VẠC", for units recorded without one). */
export interface LetterheadUnit {
  withType: string;
  name: string;
  /** How high its type stands (province 0, district 1, commune 2): the order in which the units are looked for. */
  rank: number;
  /**
   * Named on a line that begins with a committee, a department or a unit ("UBND TỈNH CAO BẰNG"), as letterheads are
   * written; not one a line speaks of further on ("DANH SÁCH HỖ TRỢ CỦA UBND TỈNH …", a donor's name).
   */
  leading: boolean;
}

/** Unit types as letterheads write them (folded), with the type's name and how high it stands. */
const TYPES: Record<string, { type: string; rank: number }> = {
  tinh: { type: 'Tỉnh', rank: 0 },
  // A city may be a province ("Thành phố Hà Nội") or under one: looked for after any province named.
  'thanh pho': { type: 'Thành phố', rank: 1 },
  'tp.': { type: 'Thành phố', rank: 1 },
  huyen: { type: 'Huyện', rank: 1 },
  quan: { type: 'Quận', rank: 1 },
  'thi xa': { type: 'Thị xã', rank: 1 },
  'tx.': { type: 'Thị xã', rank: 1 },
  xa: { type: 'Xã', rank: 2 },
  phuong: { type: 'Phường', rank: 2 },
  'thi tran': { type: 'Thị trấn', rank: 2 },
  'tt.': { type: 'Thị trấn', rank: 2 },
  'dac khu': { type: 'Đặc khu', rank: 2 },
};
const ANY_TYPE = 'tinh|thanh pho|tp\\.|huyen|quan|thi xa|tx\\.|thi tran|tt\\.|xa|phuong|dac khu';

/** Where a type word ends and its unit's name begins: after a space, or after the dot of an abbreviation ("TP."). */
const TYPE_END = '(?:(?<=\\.) *| +)(?=[^\\s.])';

/**
 * Who may head a letterhead line: the People's Committee ("UBND", "ỦY BAN NHÂN DÂN") of any unit, anywhere in the
 * line; a provincial department ("SỞ NGOẠI VỤ TỈNH …") or a district office ("PHÒNG … HUYỆN …") at its start only, as
 * "sở" and "phòng" are also words of names — the unit's type then the last one on the line, as an office's own name
 * may hold one ("PHÒNG QUẢN LÝ ĐÔ THỊ THÀNH PHỐ …"). Each is followed by the unit's type and name.
 */
const HEAD = new RegExp(
  `(?:(?:^|[^a-z])(?:ubnd|uy ban nhan dan) *(${ANY_TYPE})|^so\\b[^/]* (tinh|thanh pho|tp\\.)|^phong\\b[^/]* (huyen|quan|thi xa|tx\\.|thanh pho|tp\\.))${TYPE_END}`,
  'g',
);

/** Where a cell's text holds separate letterhead lines: line breaks, slashes, bars, semicolons, wide gaps. */
const LINE_BREAKS = /[\n\r/|;]+| {3,}|\t+/;

/** A committee named on a line, with its unit or without ("ỦY BAN NHÂN DÂN", the unit on the next line). */
const COMMITTEE = /(?:^|[^a-z])(?:ubnd|uy ban nhan dan)(?![a-z])/;

/** A line that is a unit alone ("XÃ MÈO VẠC", "PHƯỜNG THỤC PHÁN") — the motto's "XÃ HỘI CHỦ NGHĨA" is not one. */
const BARE_UNIT = new RegExp(`^(${ANY_TYPE})${TYPE_END}(?!hoi chu nghia)`);

/**
 * The units a letterhead names, in the order written: its texts (cells, row after row) split into lines, and each line
 * read for the units named in it ("UBND TỈNH TUYÊN QUANG / UBND XÃ MÈO VẠC" names two). Once a committee has been
 * named, a line that is a unit alone is one too ("ỦY BAN NHÂN DÂN" over "XÃ MÈO VẠC").
 */
export function letterheadUnits(texts: string[]): LetterheadUnit[] {
  const units: LetterheadUnit[] = [];
  let committee = false;
  for (const text of texts) {
    for (const part of text.normalize('NFC').split(LINE_BREAKS)) {
      const line = part.replace(/\s+/g, ' ').trim();
      // Folding keeps the length of each (composed) letter, so the line is cut where the folded one is.
      const folded = foldText(line);
      const heads: { index: number; length: number; typeWord: string }[] = [...folded.matchAll(HEAD)].map((h) => ({
        index: h.index,
        length: h[0].length,
        typeWord: (h[1] ?? h[2] ?? h[3])!,
      }));
      const bare = committee && !heads.length ? BARE_UNIT.exec(folded) : null;
      if (bare) heads.push({ index: 0, length: bare[0].length, typeWord: bare[1]! });
      // Nothing but marks before the first unit named (a head's match may begin with the mark before "UBND").
      const leading = heads.length > 0 && !/[a-z0-9]/.test(folded.slice(0, heads[0]!.index));
      heads.forEach((head, i) => {
        const end = heads[i + 1]?.index ?? line.length;
        // The name runs to the next unit named, without the dashes and commas that joined them.
        const name = line
          .slice(head.index + head.length, end)
          .replace(/[\s,.:;–—-]+$/, '')
          .trim();
        const kind = TYPES[head.typeWord];
        if (name && kind) units.push({ withType: `${kind.type} ${name}`, name, rank: kind.rank, leading });
      });
      if (COMMITTEE.test(folded)) committee = true;
    }
  }
  return units;
}

const LEVEL_RANK: Record<PlaceLevel, number> = { province: 0, district: 1, commune: 2 };

/**
 * The office a letterhead's units name: each looked for (by its type and name, else its name) within the unit found
 * above it, from the highest type to the lowest; the lowest unit found is the office. A unit not found is passed
 * over, so the office is then the lowest one that is.
 */
export function letterheadOffice(places: PlaceIndex, units: LetterheadUnit[]): IndexedPlace | null {
  let office: IndexedPlace | null = null;
  for (const unit of [...units].sort((a, b) => a.rank - b.rank)) {
    const text = places.candidates(unit.withType).length ? unit.withType : unit.name;
    const found = places.match(text, null, office?.id ?? null);
    if (!('place' in found)) continue;
    if (!office || LEVEL_RANK[found.place.level] >= LEVEL_RANK[office.level]) office = found.place;
  }
  return office;
}

/** A province a letterhead names: as written ("Tỉnh Hà Giang"), and the province of today it is or became part of. */
export interface LetterheadProvince extends ProvinceName {
  written: string;
}

/**
 * The province a letterhead names at the head of a line ("UBND TỈNH CAO BẰNG", "SỞ NGOẠI VỤ THÀNH PHỐ HÀ NỘI"), among
 * the country's provinces of today and the former provinces merged into them; null when it names none. A city is a
 * province only when a province of today is that city ("Thành phố Hà Nội"), not a city within one ("Thành phố Cao
 * Bằng"). Read from the official catalogue, not the ledger's units: a ledger holds only its own province's.
 */
export function letterheadProvince(units: LetterheadUnit[]): LetterheadProvince | null {
  const provinces = catalogueProvinces();
  // "Bà Rịa - Vũng Tàu", "BÀ RỊA–VŨNG TÀU": the same name whatever joins its words.
  const key = (text: string) =>
    foldText(text)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  for (const unit of units) {
    if (!unit.leading) continue;
    const type = unit.withType.slice(0, unit.withType.length - unit.name.length).trim();
    const name = key(unit.name);
    const today = provinces.find((p) => p.type === type && key(p.name) === name);
    if (today) return { code: today.code, name: `${today.type} ${today.name}`, written: `${today.type} ${today.name}` };
    if (type !== 'Tỉnh') continue;
    const became = provinces.find((p) => p.merged.some((m) => key(m) === name));
    const former = became?.merged.find((m) => key(m) === name);
    if (became && former)
      return { code: became.code, name: `${became.type} ${became.name}`, written: `Tỉnh ${former}` };
  }
  return null;
}
