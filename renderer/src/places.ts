/** The places list as a tree for pickers and the Places screen, and how a unit is shown beside others. */
import type { TFunction } from 'i18next';
import type { Place } from '../../contract';
import { dayText } from '../../contract/dates';
import { formerFrom } from '../../contract/places';

export interface PlaceNode {
  place: Place;
  children: PlaceNode[];
}

export function placeTree(places: Place[]): PlaceNode[] {
  const nodes = new Map(places.map((p) => [p.id, { place: p, children: [] as PlaceNode[] }]));
  const roots: PlaceNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.place.parentId ? nodes.get(node.place.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  // Units in force first (today's communes before the former districts), then by name.
  const order = (list: PlaceNode[]) => {
    list.sort(
      (a, b) =>
        Number(a.place.validTo !== null) - Number(b.place.validTo !== null) ||
        a.place.name.localeCompare(b.place.name, 'vi') ||
        a.place.displayName.localeCompare(b.place.displayName, 'vi'),
    );
    list.forEach((n) => {
      order(n.children);
    });
  };
  order(roots);
  return roots;
}

/** Whether a unit existed on a date. */
export function validOn(place: Place, date: string): boolean {
  return (!place.validFrom || place.validFrom <= date) && (!place.validTo || place.validTo >= date);
}

/**
 * A unit as shown where units of different times stand side by side (pickers, the ledger): a unit no longer in force
 * with the first day it was not, from its own end of validity — "Xã Lũng Cú (trước 01/07/2025)" beside today's.
 */
export function placeLabel(place: { displayName: string; validTo: string | null }, t: TFunction): string {
  return place.validTo
    ? `${place.displayName} ${t('places.former', { day: dayText(formerFrom(place.validTo)) })}`
    : place.displayName;
}
