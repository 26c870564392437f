/**
 * The ledger table's rules, apart from the table: which pages the rows in view fall on, where a row is found, how a
 * header click sorts, and the columns in their order.
 */
import type { PledgeRow, PledgeSortKey } from '../../../contract';

export const PAGE_SIZE = 100;
export const ROW_HEIGHT = 32;
/** Browsers cap an element's height near 33.5 million pixels; rows past this many cannot be scrolled to. */
export const MAX_SCROLLABLE_ROWS = Math.floor(33_000_000 / ROW_HEIGHT);

export interface Sort {
  by: PledgeSortKey;
  dir: 'asc' | 'desc';
}

export const STATUS_COLORS = {
  pledged: 'blue',
  in_progress: 'gold',
  completed: 'green',
  cancelled: 'default',
} as const;

/** A column: its key (and cell class), the catalogue key of its label, what it sorts by, its own class. */
export interface LedgerColumn {
  key: string;
  label:
    | 'pledgeDate'
    | 'donor'
    | 'place'
    | 'kind'
    | 'description'
    | 'amount'
    | 'vndEquivalent'
    | 'delivered'
    | 'status';
  sortBy?: PledgeSortKey;
  className?: string;
}

export const LEDGER_COLUMNS: LedgerColumn[] = [
  { key: 'date', label: 'pledgeDate', sortBy: 'pledgeDate' },
  { key: 'donor', label: 'donor', sortBy: 'donor' },
  { key: 'place', label: 'place', sortBy: 'place' },
  { key: 'kind', label: 'kind', sortBy: 'kind' },
  { key: 'description', label: 'description' },
  { key: 'amount', label: 'amount', className: 'num' },
  { key: 'vnd', label: 'vndEquivalent', sortBy: 'vndEquivalent', className: 'num' },
  { key: 'delivered', label: 'delivered', className: 'num' },
  { key: 'status', label: 'status', sortBy: 'status' },
];

/**
 * The pages to fetch for the rows in view (from the first index to the last), beyond the first page — which comes
 * with the count.
 */
export function pagesInView(first: number | undefined, last: number | undefined, count: number | undefined): number[] {
  if (!count) return [];
  const firstPage = first === undefined ? 0 : Math.floor(first / PAGE_SIZE);
  const lastPage = last === undefined ? 0 : Math.floor(last / PAGE_SIZE);
  return Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i).filter((p) => p > 0);
}

/** The row at an index: on the first page, or on one of the pages fetched (undefined while its page loads). */
export function rowAt(
  index: number,
  firstPage: PledgeRow[] | undefined,
  pageNumbers: number[],
  pages: (PledgeRow[] | undefined)[],
): PledgeRow | undefined {
  const page = Math.floor(index / PAGE_SIZE);
  if (page === 0) return firstPage?.[index];
  return pages[pageNumbers.indexOf(page)]?.[index - page * PAGE_SIZE];
}

/** A header clicked: its column sorted descending first, and the other way when clicked again. */
export function nextSort(sort: Sort, by: PledgeSortKey): Sort {
  return { by, dir: sort.by === by && sort.dir === 'desc' ? 'asc' : 'desc' };
}

/** A header's aria-sort: the direction of the column sorted by, nothing for the others. */
export function ariaSort(sort: Sort, by: PledgeSortKey | undefined): 'ascending' | 'descending' | undefined {
  return by === sort.by ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
}

/** The arrow after the label of the column sorted by. */
export function sortMark(sort: Sort, by: PledgeSortKey): string {
  return sort.by === by ? (sort.dir === 'asc' ? '▲' : '▼') : '';
}
