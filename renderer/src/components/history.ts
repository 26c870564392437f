/** A record's history as the user reads it: each change's values in the record's units, and each entry's colour. */
import type { FieldChange, HistoryEntry } from '../../../contract';
import { money, showDate, showQuantity } from '../format';

const MONEY_FIELDS = new Set(['amountMinor', 'unitValueMinor', 'vndEquivalent', 'valueMinor', 'counterpartMinor']);

/** Names of units, by id, for the fields that hold one ("nay thuộc"). */
export type PlaceNames = (id: string) => string | undefined;

/** One value of a changed field: money in the record's currency (the VND equivalent in VND), dates, quantities. */
function historyValue(field: string, value: unknown, currency: string, lang: string, places?: PlaceNames): string {
  if (value === null || value === undefined || value === '') return '∅';
  if (field === 'todayPlaceId' && typeof value === 'string') return places?.(value) ?? value;
  if (MONEY_FIELDS.has(field) && typeof value === 'number')
    return money(value, field === 'vndEquivalent' ? 'VND' : currency, lang);
  if (/Date$/.test(field) && typeof value === 'string') return showDate(value);
  if (field === 'quantity' && typeof value === 'string') return showQuantity(value, lang);
  return String(value);
}

/** A change as "before → after" ("∅" for nothing). */
export function changeText(change: FieldChange, currency: string, lang: string, places?: PlaceNames): string {
  return `${historyValue(change.field, change.before, currency, lang, places)} → ${historyValue(change.field, change.after, currency, lang, places)}`;
}

/** The timeline's colour of an entry: green for a record made, red for one deleted, blue for a change. */
export function historyColor(action: HistoryEntry['action']): string {
  return action === 'delete' ? 'red' : action === 'create' ? 'green' : 'blue';
}
