/**
 * The places screen's rules, apart from the screen: the tree as table rows, a search's matches with what each belongs
 * to, and the unit form's values and what a save sends.
 */
import type { MethodInput, Place, PlaceLevel } from '../../../contract';
import { dayText } from '../../../contract/dates';
import { foldText } from '../../../contract/text';
import { isoDay } from '../dates';
import type { PlaceNode } from '../places';

/** A unit as a table row, with the units under it (none: a leaf, without an expander). */
export interface PlaceRow extends Place {
  children?: PlaceRow[];
}

export function placeRows(nodes: PlaceNode[]): PlaceRow[] {
  return nodes.map(({ place, children }) =>
    children.length ? { ...place, children: placeRows(children) } : { ...place },
  );
}

/** Each unit's name with its type, by id. */
export function placeNames(places: Place[]): Map<string, string> {
  return new Map(places.map((p) => [p.id, p.displayName]));
}

/**
 * The units whose name matches a search (without accents or case), each with what it belongs to; units in force
 * first, then by name. Null when nothing is searched for: the tree is shown.
 */
export function foundPlaces(search: string, places: Place[], names: Map<string, string>): Place[] | null {
  const wanted = foldText(search);
  if (!wanted) return null;
  return places
    .filter((p) => foldText(p.displayName).includes(wanted))
    .map((p) => ({
      ...p,
      displayName: p.parentId && names.has(p.parentId) ? `${p.displayName} · ${names.get(p.parentId)}` : p.displayName,
    }))
    .sort(
      (a, b) =>
        Number(a.validTo !== null) - Number(b.validTo !== null) || a.displayName.localeCompare(b.displayName, 'vi'),
    );
}

/** The unit types as officially written, for the form's type field. */
export const UNIT_TYPES = ['Tỉnh', 'Thành phố', 'Huyện', 'Quận', 'Thị xã', 'Xã', 'Phường', 'Thị trấn', 'Đặc khu'];

export interface PlaceFormValues {
  name: string;
  unitType?: string;
  level: PlaceLevel;
  parentId?: string;
  code?: string;
  /** As typed: dd/mm/yyyy (see DateInput). */
  validFrom?: string;
  validTo?: string;
  successorIds?: string[];
}

/** A new unit starts as a commune; an existing one shows what it holds, its dates as dd/mm/yyyy. */
export function initialPlaceValues(place: Place | undefined): Partial<PlaceFormValues> {
  if (!place) return { level: 'commune' };
  return {
    name: place.name,
    ...(place.unitType ? { unitType: place.unitType } : {}),
    level: place.level,
    ...(place.parentId ? { parentId: place.parentId } : {}),
    code: place.code ?? '',
    validFrom: dayText(place.validFrom),
    validTo: dayText(place.validTo),
    successorIds: place.successorIds,
  };
}

/** The units a unit may be succeeded by: every other one. */
export function successorOptions(places: Place[], exceptId: string | undefined): { value: string; title: string }[] {
  return places.filter((p) => p.id !== exceptId).map((p) => ({ value: p.id, title: p.displayName }));
}

/** What a save sends: empty fields as none. */
export function placeInput(values: PlaceFormValues): MethodInput<'places.create'> {
  return {
    name: values.name,
    unitType: values.unitType ?? null,
    level: values.level,
    parentId: values.parentId ?? null,
    code: values.code || null,
    validFrom: isoDay(values.validFrom),
    validTo: isoDay(values.validTo),
    successorIds: values.successorIds ?? [],
  };
}
