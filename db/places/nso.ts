/**
 * The statistics office's units as the app ships them: `data/nso-2025-07.json`, made from the office's two tables by
 * `scripts/nso-catalogue.ts` (its comment names the source and date; the file carries them too). Each list holds one
 * unit a line, its fields joined by "|".
 */
import data from './data/nso-2025-07.json';

export interface NsoSource {
  publisher: string;
  url: string;
  republished: string;
  commit: string;
  taken: string;
  files: Record<string, string>;
}

/** A unit as the office lists it: its code, its type ("Xã", "Huyện"…) and its name as the office spells it. */
export interface NsoUnit {
  code: string;
  type: string;
  name: string;
}

export interface NsoCommune extends NsoUnit {
  /** Today's province (a commune in force) or former district (a former commune). */
  parent: string;
}

export interface NsoFormerCommune extends NsoCommune {
  /** Today's units it went into; `partial`: it went there in part (it was split between them). */
  successors: { code: string; partial: boolean }[];
}

export interface NsoTables {
  source: NsoSource;
  provinces: NsoUnit[];
  communes: NsoCommune[];
  /** Former provinces, with the code of today's province each became part of. */
  formerProvinces: (NsoUnit & { today: string })[];
  /** Former districts, under their former province's code. */
  districts: NsoCommune[];
  formerCommunes: NsoFormerCommune[];
  /** Whole districts without communes (islands) made one of today's units: [district code, unit code]. */
  districtLinks: [string, string][];
}

const fields = (line: string) => line.split('|') as [string, string, string, string, string];

let tables: NsoTables | undefined;

export function nsoTables(): NsoTables {
  if (tables) return tables;
  tables = {
    source: data.source,
    provinces: data.provinces.map((line) => {
      const [code, type, name] = fields(line);
      return { code, type, name };
    }),
    communes: data.communes.map((line) => {
      const [code, parent, type, name] = fields(line);
      return { code, parent, type, name };
    }),
    formerProvinces: data.formerProvinces.map((line) => {
      const [code, type, name, today] = fields(line);
      return { code, type, name, today };
    }),
    districts: data.districts.map((line) => {
      const [code, parent, type, name] = fields(line);
      return { code, parent, type, name };
    }),
    formerCommunes: data.formerCommunes.map((line) => {
      const [code, parent, type, name, successors] = fields(line);
      return {
        code,
        parent,
        type,
        name,
        successors: successors.split(',').map((s) => ({ code: s.replace('~', ''), partial: s.endsWith('~') })),
      };
    }),
    districtLinks: data.districtLinks.map((line) => fields(line).slice(0, 2) as [string, string]),
  };
  return tables;
}
