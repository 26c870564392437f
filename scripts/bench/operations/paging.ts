/**
 * `--only paging`, a line on how the work grows: the ledger's first page (newest first, 100 rows, with the count) in
 * the bench's ledger of N pledges, against the same page in a ledger of N/10 generated alike. Read through the date
 * index, a page costs the same whatever the ledger's size: target ≤ 1.5×. A page that walked every pledge would take
 * about ten times as long.
 */
import { join } from 'node:path';
import { openLedger } from '../../../db/core/open';
import { createLedgerService } from '../../../db/service';
import { generateLedger } from '../../../db/samples/synthetic';
import type { BenchOperation } from '../operation';

const FIRST_PAGE = {
  sort: { by: 'pledgeDate', dir: 'desc' },
  page: { offset: 0, limit: 100 },
  withTotal: true,
} as const;

/** The first page of the bench's ledger (N pledges) against that of a ledger of N/10 generated alike. */
export const paging: BenchOperation = {
  only: 'paging',
  target: { ratio: 1.5 },
  ledger: 'shared',
  async *lines({ rows, work, log }, ledger) {
    const tenth = Math.max(100, Math.round(rows / 10));
    log(`paging: generating ${tenth} pledges…`);
    const small = await openLedger(join(work, 'paging-tenth.sqlite'), { create: true, siteName: 'Bench' });
    try {
      await generateLedger(small, { rows: tenth });
      small.sqlite.pragma('optimize');
      const [large, few] = [createLedgerService(ledger), createLedgerService(small)];
      const ours = () => large.invoke('pledges.list', FIRST_PAGE);
      const floor = () => few.invoke('pledges.list', FIRST_PAGE);
      const [mine, theirs] = [await ours(), await floor()];
      if (mine.rows.length !== 100 || theirs.rows.length !== 100 || mine.total !== rows || theirs.total !== tenth)
        throw new Error('paging: a page of 100 rows and the ledger’s count were expected on both sides');
      yield { name: `paging: first page of ${rows} pledges against ${tenth}, newest first`, ours, floor };
    } finally {
      // Closed once its line is measured.
      await small.close();
    }
  },
};
