/** The ledger table's and the items list's rules, apart from the screens: pages in view, rows, sorting, filters. */
import { describe, expect, it } from 'vitest';
import type { PledgeRow } from '../../contract';
import {
  ariaSort,
  LEDGER_COLUMNS,
  MAX_SCROLLABLE_ROWS,
  nextSort,
  PAGE_SIZE,
  pagesInView,
  rowAt,
  sortMark,
} from '../../renderer/src/components/ledgerTable';
import { itemListInput } from '../../renderer/src/screens/itemList';

const row = (id: string) => ({ id }) as PledgeRow;

describe('the ledger table', () => {
  it('fetches the pages the rows in view fall on, beyond the first (which comes with the count)', () => {
    expect(pagesInView(undefined, undefined, 0)).toEqual([]);
    expect(pagesInView(0, 30, 500)).toEqual([]);
    expect(pagesInView(90, 130, 500)).toEqual([1]);
    expect(pagesInView(250, 410, 500)).toEqual([2, 3, 4]);
    expect(pagesInView(250, 410, undefined)).toEqual([]);
    expect(MAX_SCROLLABLE_ROWS).toBe(Math.floor(33_000_000 / 32));
  });

  it('finds a row on the first page or on the page fetched for it, nothing while its page loads', () => {
    const first = Array.from({ length: PAGE_SIZE }, (_, i) => row(`a${i}`));
    const third = Array.from({ length: PAGE_SIZE }, (_, i) => row(`c${i}`));
    expect(rowAt(5, first, [1, 2], [undefined, third])?.id).toBe('a5');
    expect(rowAt(2 * PAGE_SIZE + 7, first, [1, 2], [undefined, third])?.id).toBe('c7');
    expect(rowAt(PAGE_SIZE + 7, first, [1, 2], [undefined, third])).toBeUndefined();
    expect(rowAt(5, undefined, [], [])).toBeUndefined();
  });

  it('sorts a column clicked descending first, and ascending when clicked again', () => {
    const byDate = { by: 'pledgeDate', dir: 'desc' } as const;
    expect(nextSort(byDate, 'pledgeDate')).toEqual({ by: 'pledgeDate', dir: 'asc' });
    expect(nextSort({ by: 'pledgeDate', dir: 'asc' }, 'pledgeDate')).toEqual({ by: 'pledgeDate', dir: 'desc' });
    expect(nextSort(byDate, 'donor')).toEqual({ by: 'donor', dir: 'desc' });
    expect(ariaSort(byDate, 'pledgeDate')).toBe('descending');
    expect(ariaSort({ ...byDate, dir: 'asc' }, 'pledgeDate')).toBe('ascending');
    expect(ariaSort(byDate, 'donor')).toBeUndefined();
    expect(ariaSort(byDate, undefined)).toBeUndefined();
    expect(sortMark(byDate, 'pledgeDate')).toBe('▼');
    expect(sortMark({ ...byDate, dir: 'asc' }, 'pledgeDate')).toBe('▲');
    expect(sortMark(byDate, 'status')).toBe('');
  });

  it('has its columns in order, description, amount and delivered not sortable', () => {
    expect(LEDGER_COLUMNS.map((c) => c.key)).toEqual([
      'date',
      'donor',
      'place',
      'kind',
      'description',
      'amount',
      'vnd',
      'delivered',
      'status',
    ]);
    expect(LEDGER_COLUMNS.filter((c) => !c.sortBy).map((c) => c.key)).toEqual(['description', 'amount', 'delivered']);
  });
});

describe('the aid items list', () => {
  it('asks only for the filters chosen', () => {
    expect(itemListInput({ text: '  ' })).toEqual({});
    expect(itemListInput({ text: 'trường', modality: 'project', sector: 'education', stage: 'approved' })).toEqual({
      text: 'trường',
      modalities: ['project'],
      sectors: ['education'],
      stages: ['approved'],
    });
  });
});
