/** The search box's rules: Ctrl+K opens it, the arrows stay within the results, and where each result opens. */
import { describe, expect, it } from 'vitest';
import type { SearchHit } from '../../contract';
import { moveHit, openHit, placeFilter, screenOf } from '../../renderer/src/components/searchTarget';
import { EMPTY_FILTER, type FilterState } from '../../renderer/src/filters';
import { isSearchKey, type Screen } from '../../renderer/src/shell';

const PLACE: SearchHit = {
  kind: 'place',
  id: 'p1',
  level: 'commune',
  displayName: 'Xã Bảo Lạc',
  validTo: null,
  within: [],
};
const PLEDGE: SearchHit = {
  kind: 'pledge',
  id: 'x1',
  description: 'Nhà ở',
  donorName: 'Quỹ Hoa Sen',
  placeName: 'Xã Bảo Lạc',
  pledgeDate: '2026-01-02',
  vndEquivalent: 1,
  status: 'pledged',
};

describe('the search box', () => {
  it('opens on Ctrl+K (or ⌘K) in either case, and not on Alt+Ctrl+K or K alone', () => {
    const key = (k: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean; key: string }>) =>
      isSearchKey({ ctrlKey: false, metaKey: false, altKey: false, key: 'k', ...k });
    expect(key({ ctrlKey: true })).toBe(true);
    expect(key({ ctrlKey: true, key: 'K' })).toBe(true);
    expect(key({ metaKey: true })).toBe(true);
    expect(key({ ctrlKey: true, altKey: true })).toBe(false);
    expect(key({})).toBe(false);
    expect(key({ ctrlKey: true, key: 'j' })).toBe(false);
  });

  it('moves the arrows within the results', () => {
    expect(moveHit(0, 1, 3)).toBe(1);
    expect(moveHit(2, 1, 3)).toBe(2);
    expect(moveHit(0, -1, 3)).toBe(0);
    expect(moveHit(0, 1, 0)).toBe(-1);
  });

  it('opens a place as the ledger filtered to it, and the others on their screens', () => {
    const shown: Screen[] = [];
    const filters: FilterState[] = [];
    const shell = { onScreen: (s: Screen) => shown.push(s), onFilter: (f: FilterState) => filters.push(f) };
    openHit(PLACE, shell);
    expect(shown).toEqual(['pledges']);
    expect(filters).toEqual([{ ...EMPTY_FILTER, placeId: 'p1' }]);
    expect(placeFilter('p1')).toEqual(filters[0]);
    openHit(PLEDGE, shell);
    expect(shown).toEqual(['pledges', 'pledges']);
    expect(filters).toHaveLength(1);
    expect(
      (['item', 'donor', 'report'] as const).map((kind) => screenOf({ ...PLEDGE, kind } as unknown as SearchHit)),
    ).toEqual(['items', 'donors', 'reports']);
  });
});
