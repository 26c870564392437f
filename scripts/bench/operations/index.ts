import type { BenchOperation } from '../operation';
import { bundleImport } from './bundle-import';
import { catalogue } from './catalogue';
import { quarterClose } from './close';
import { dashboard } from './dashboard';
import { hostile } from './hostile';
import { items } from './items';
import { ledgerPages } from './ledger-pages';
import { opening } from './open';
import { paging } from './paging';
import { placeSearch } from './place-search';
import { quarterlyReport } from './quarterly';
import { todaysUnits } from './todays-units';

/**
 * The operations, in the order they run and are printed: those on the bench's shared ledger first, then those that
 * open their own.
 */
export const OPERATIONS: readonly BenchOperation[] = [
  dashboard,
  todaysUnits,
  items,
  ledgerPages,
  paging,
  quarterlyReport,
  bundleImport,
  quarterClose,
  catalogue,
  placeSearch,
  opening,
  hostile,
];
