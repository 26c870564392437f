/** How a unit is named wherever it is shown: its type and its name. */
import { sql } from 'kysely';
import { placeLabel } from '../../contract/places';

/** "Huyện Bảo Lạc": the unit's type and name, or the name alone for a unit entered without a type. */
export function displayName(place: { name: string; unitType: string | null }): string {
  return place.unitType ? `${place.unitType} ${place.name}` : place.name;
}

/**
 * How a unit is shown beside others, in figures, lists and reports: its display name, and for a unit no longer in
 * force the day it ended ("Xã Lũng Cú (trước 01/07/2025)"). `displayName` stays the name text is matched against.
 */
export function shownName(
  place: { name: string; unitType: string | null; validTo: string | null },
  lang: 'vi' | 'en',
): string {
  return placeLabel({ displayName: displayName(place), validTo: place.validTo }, lang);
}

/** The same as `displayName`, in SQL, for a places row under `alias`. */
export function displayNameSql(alias: string) {
  return sql.raw(
    `CASE WHEN ${alias}.unit_type IS NULL THEN ${alias}.name ELSE ${alias}.unit_type || ' ' || ${alias}.name END`,
  );
}
