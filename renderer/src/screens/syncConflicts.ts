/**
 * The sync screen's rules, apart from the screen: a conflict's two versions side by side, field by field as the user
 * reads them (money in its currency, dates as dd/mm/yyyy, names instead of ids), and a log line's counts in words.
 */
import type { TFunction } from 'i18next';
import type { SyncConflict } from '../../../contract';
import { sectorLabel } from '../../../contract/labels';
import { milliToQuantity } from '../../../contract/money';
import { fieldLabel } from '../../../contract/validation';
import { money, showDate, showDateTime, showQuantity } from '../format';
import { en } from '../i18n/en';
import { vi } from '../i18n/vi';
import { vocabulary } from '../i18n';

/** Stored columns that are the ledger's own bookkeeping, never shown in a conflict. */
const HIDDEN = new Set([
  'id',
  'version',
  'origin_site',
  'base_version',
  'search_text',
  'created_at',
  'updated_at',
  'name_folded',
  'name_key',
]);
/** Stored columns that hold a day. */
const DATE_COLUMNS = new Set([
  'valid_on',
  'valid_from',
  'valid_to',
  'issued_on',
  'valid_until',
  'received_on',
  'period_from',
  'period_to',
  'home_registration_until',
]);
const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
/** Stored column names whose label differs from the field's. */
const LABEL_OF: Record<string, string> = { quantity_milli: 'quantity', valid_on: 'date' };

/** The names of donors, places and installations, by id. */
export interface Names {
  donors: Map<string, string>;
  places: Map<string, string>;
  sites: Map<string, string>;
  /** The catalogue's provinces by code, for the NGO registry's certificates ("Tỉnh Cao Bằng"). */
  provinces?: Map<string, string>;
}

/** The names a conflict may refer to; this installation named as such (`thisSite`: "this installation"). */
export function namesOf(
  donors: { id: string; name: string }[],
  places: { id: string; displayName: string }[],
  peers: { siteId: string; siteName: string }[],
  self: { siteId: string; siteName: string } | undefined,
  thisSite: string,
): Names {
  return {
    donors: new Map(donors.map((d) => [d.id, d.name])),
    places: new Map(places.map((p) => [p.id, p.displayName])),
    sites: new Map([
      ...peers.map((p) => [p.siteId, p.siteName] as const),
      ...(self ? [[self.siteId, `${self.siteName} (${thisSite})`] as const] : []),
    ]),
  };
}

/** A stored value as the user reads it: money in its currency, dates as dd/mm/yyyy, names instead of ids. */
export function storedValueText(
  key: string,
  value: unknown,
  row: Record<string, unknown>,
  names: Names,
  lang: string,
): string {
  if (value === null || value === undefined) return '∅';
  const words = vocabulary(lang);
  if ((key === 'amount_minor' || key === 'unit_value_minor') && typeof row.currency === 'string')
    return money(Number(value), row.currency, lang);
  if (key === 'vnd_equivalent') return money(Number(value), 'VND', lang);
  if (key === 'quantity_milli') return showQuantity(milliToQuantity(Number(value)), lang);
  if (key.endsWith('_date') || DATE_COLUMNS.has(key)) return showDate(String(value));
  const registry = (lang === 'en' ? en : vi).ngo;
  // A certificate's provinces and fields are stored as lists (JSON).
  if (key === 'provinces' || key === 'fields') return storedListText(key, String(value), names, lang);
  if (key === 'office_city') return names.provinces?.get(String(value)) ?? String(value);
  if (key === 'kind' && typeof value === 'string' && value in registry.kinds)
    return registry.kinds[value as keyof typeof registry.kinds];
  if (key === 'status' && typeof value === 'string' && value in registry.statuses)
    return registry.statuses[value as keyof typeof registry.statuses];
  if (key === 'donor_id' || key === 'merged_into') return names.donors.get(String(value)) ?? String(value);
  if (key === 'place_id' || key === 'parent_id' || key === 'successor_id')
    return names.places.get(String(value)) ?? String(value);
  if (key === 'kind' && typeof value === 'string' && value in words.pledgeKind)
    return words.pledgeKind[value as keyof typeof words.pledgeKind];
  if (key === 'status' && typeof value === 'string' && value in words.pledgeStatus)
    return words.pledgeStatus[value as keyof typeof words.pledgeStatus];
  return String(value);
}

/** A certificate's provinces (by name) or fields (standard ones by name), as stored in a list. */
function storedListText(key: 'provinces' | 'fields', stored: string, names: Names, lang: string): string {
  let list: unknown;
  try {
    list = JSON.parse(stored);
  } catch {
    return stored;
  }
  if (!Array.isArray(list)) return stored;
  return list
    .map((v) =>
      key === 'provinces'
        ? (names.provinces?.get(String(v)) ?? String(v))
        : sectorLabel(String(v), lang === 'en' ? 'en' : 'vi'),
    )
    .join(', ');
}

/** A field the two versions disagree on: its stored key, its label, and each version's value as stored. */
export interface ConflictRow {
  key: string;
  label: string;
  kept: unknown;
  other: unknown;
}

/** The fields the two versions of a record disagree on, bookkeeping left out, labelled in the user's language. */
export function conflictRows(conflict: SyncConflict, lang: 'vi' | 'en'): ConflictRow[] {
  const keys = [...new Set([...Object.keys(conflict.kept ?? {}), ...Object.keys(conflict.other ?? {})])].filter(
    (k) => !HIDDEN.has(k),
  );
  return keys
    .map((k) => ({
      key: k,
      label: fieldLabel(LABEL_OF[k] ?? camel(k))[lang],
      kept: conflict.kept?.[k],
      other: conflict.other?.[k],
    }))
    .filter((r) => JSON.stringify(r.kept) !== JSON.stringify(r.other));
}

/** An installation's name, or the start of its id while it is not known. */
export function siteName(names: Names, id: string): string {
  return names.sites.get(id) ?? id.slice(0, 8);
}

/** A conflict's heading: the kind of record (`entity`, in words), what it is, and when the conflict was found. */
export function conflictTitle(conflict: SyncConflict, entity: string): string {
  const describe = String(
    conflict.kept?.description ??
      conflict.other?.description ??
      conflict.kept?.name ??
      conflict.other?.name ??
      // A certificate is known by its number.
      conflict.kept?.number ??
      conflict.other?.number ??
      '',
  );
  return `${entity}${describe ? ` · ${describe}` : ''} · ${showDateTime(conflict.detectedAt)}`;
}

/** A bundle's counts in words, those that are zero left out: "new 3, updated 1". */
export function countsText(counts: Record<string, number>, t: TFunction): string {
  return Object.entries(counts)
    .filter(([, n]) => n)
    .map(([k, n]) => `${t(`sync.count.${k}`, { defaultValue: k })} ${n}`)
    .join(', ');
}
