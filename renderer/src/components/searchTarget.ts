/**
 * What a search's result opens, apart from the search box: the screen it goes to and what that screen shows on it (a
 * pledge's or an item's detail, a donor, the ledger filtered to a place, a report's period). A screen takes the
 * request when it opens, or at once when it is already open.
 */
import { useEffect, useRef } from 'react';
import type { SearchHit } from '../../../contract';
import { EMPTY_FILTER, type FilterState } from '../filters';
import type { Screen } from '../shell';

/** A request a screen takes: the result the search opened. */
export type SearchTarget = Exclude<SearchHit, { kind: 'place' }>;

let pending: SearchTarget | null = null;
const takers = new Set<() => void>();

/** Asks the screen of `target` to show it (the screen is shown by the caller). */
export function requestOpen(target: SearchTarget): void {
  pending = target;
  for (const take of [...takers]) take();
}

/** For a screen: `show` is called with each result of its kind opened by the search, when it opens and while open. */
export function useSearchTarget<K extends SearchTarget['kind']>(
  kind: K,
  show: (target: Extract<SearchTarget, { kind: K }>) => void,
): void {
  const latest = useRef(show);
  latest.current = show;
  useEffect(() => {
    const take = () => {
      if (pending?.kind !== kind) return;
      const target = pending as Extract<SearchTarget, { kind: K }>;
      pending = null;
      latest.current(target);
    };
    take();
    takers.add(take);
    return () => {
      takers.delete(take);
    };
  }, [kind]);
}

/** The screen a result opens on. */
export function screenOf(hit: SearchHit): Screen {
  return { pledge: 'pledges', item: 'items', donor: 'donors', place: 'pledges', report: 'reports' }[hit.kind] as Screen;
}

/** The ledger's filter a place opens: that place (and every unit under it), nothing else narrowing it. */
export function placeFilter(placeId: string): FilterState {
  return { ...EMPTY_FILTER, placeId };
}

/**
 * Opens a result: the ledger filtered to a place; otherwise its screen, asked to show it. `onFilter` and `onScreen`
 * are the shell's.
 */
export function openHit(
  hit: SearchHit,
  shell: { onScreen: (screen: Screen) => void; onFilter: (filter: FilterState) => void },
): void {
  if (hit.kind === 'place') shell.onFilter(placeFilter(hit.id));
  else requestOpen(hit);
  shell.onScreen(screenOf(hit));
}

/** The index the arrows move to among `count` results (the first and last stay put). */
export function moveHit(active: number, step: 1 | -1, count: number): number {
  if (count === 0) return -1;
  return Math.min(count - 1, Math.max(0, active + step));
}
