/**
 * The places area of the contract: the administrative units a ledger records aid against (today's communes and
 * wards, and the former provinces, districts and communes valid until 30/06/2025 with what each became), and the
 * choice, at a ledger's first start, of the province whose official catalogue it holds (or the whole country's).
 */
import { z } from 'zod';
import { dayText } from './dates';
import { type Lang, VOCABULARY } from './labels';
import { EmptyInput, Id, IsoDate, Name, oneLine, PLACE_LEVELS, type PlaceLevel } from './fields';
import { method } from './method';

const placeFields = {
  name: Name,
  unitType: z.string().trim().max(30).refine(oneLine, { message: 'control_character' }).nullish(),
  level: z.enum(PLACE_LEVELS),
  parentId: Id.nullish(),
  code: z.string().trim().max(20).nullish(),
  validFrom: IsoDate.nullish(),
  validTo: IsoDate.nullish(),
  successorIds: z.array(Id).max(200).optional(),
};
export const PlaceCreateInput = z.strictObject(placeFields);
export const PlaceUpdateInput = z.strictObject({ id: Id, ...z.object(placeFields).partial().shape });
export const PlaceListInput = z.strictObject({
  /** Only units valid on this date; all units when omitted. */
  validOn: IsoDate.optional(),
});

/** A province by its official code ("04") or name ("Cao Bằng", "cao bang"), or "all" for the whole country. */
export const ChooseProvinceInput = z.strictObject({ province: z.string().trim().min(1).max(100) });

export interface Place {
  id: string;
  /** The name without the unit's type ("Bảo Lạc"). */
  name: string;
  /** The unit's type as officially named: "Tỉnh", "Thành phố", "Huyện", "Quận", "Thị xã", "Xã", "Phường", "Thị trấn", "Đặc khu". */
  unitType: string | null;
  /** How the unit is shown everywhere: its type and name ("Huyện Bảo Lạc", "Xã Bảo Lạc"). */
  displayName: string;
  level: PlaceLevel;
  parentId: string | null;
  code: string | null;
  validFrom: string | null;
  validTo: string | null;
  successorIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** The first day a unit was no longer in force: the day after its last ("2025-07-01" for one valid to 30/06/2025). */
export function formerFrom(validTo: string): string {
  const next = new Date(`${validTo.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The mark of a unit no longer in force, by the first day it was not ("(trước 01/07/2025)" for a unit whose last day
 * was 30/06/2025): taken from the unit's own end of validity, so a unit ended on another date reads that date.
 */
export function formerMark(validTo: string, lang: Lang): string {
  return VOCABULARY[lang].formerBefore(dayText(formerFrom(validTo)));
}

/**
 * How a unit is shown wherever units of different times may stand side by side (pickers, the ledger, the dashboard,
 * reports): its type and name, and for a unit with an end of validity the mark saying so — "Xã Lũng Cú (trước
 * 01/07/2025)" beside today's Xã Lũng Cú.
 */
export function placeLabel(place: { displayName: string; validTo: string | null }, lang: Lang): string {
  return place.validTo ? `${place.displayName} ${formerMark(place.validTo, lang)}` : place.displayName;
}

/** One of today's 34 provinces, with the former provinces merged into it on 01/07/2025. */
export interface CatalogueProvince {
  code: string;
  name: string;
  /** "Tỉnh" or "Thành phố". */
  type: string;
  merged: string[];
  /** How many units (current and former) a ledger of this province holds. */
  units: number;
}

export interface PlacesSetup {
  /** The province the ledger serves ("04"), "all" for the whole country, or null until chosen. */
  province: string | null;
  /** Whether the ledger holds any unit (a ledger of an earlier release may hold units without a chosen province). */
  hasPlaces: boolean;
  provinces: CatalogueProvince[];
}

export const placeMethods = {
  'places.list': method<Place[]>()(PlaceListInput),
  'places.create': method<Place>()(PlaceCreateInput),
  'places.update': method<Place>()(PlaceUpdateInput),
  /** The provinces to choose from, and the ledger's choice. */
  'places.setup': method<PlacesSetup>()(EmptyInput),
  /** Puts the official units of a province (or of the whole country) into the ledger, once. */
  'places.choose': method<{ province: string; units: number }>()(ChooseProvinceInput),
} as const;
