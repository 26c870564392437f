/** How a unit is named wherever it is shown: its type and its name. */
import { sql } from 'kysely';

/** "Huyện Bảo Lạc": the unit's type and name, or the name alone for a unit entered without a type. */
export function displayName(place: { name: string; unitType: string | null }): string {
  return place.unitType ? `${place.unitType} ${place.name}` : place.name;
}

/** The same as `displayName`, in SQL, for a places row under `alias`. */
export function displayNameSql(alias: string) {
  return sql.raw(
    `CASE WHEN ${alias}.unit_type IS NULL THEN ${alias}.name ELSE ${alias}.unit_type || ' ' || ${alias}.name END`,
  );
}
