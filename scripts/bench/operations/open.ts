import Database from 'better-sqlite3';
import { openLedger } from '../../../db/core/open';
import { createLedgerService } from '../../../db/service';
import type { BenchOperation } from '../operation';
import { LIVE, YEAR } from './totals-sql';

/** Opening the ledger (with its migration check) and showing the first dashboard figure, against a raw open. */
export const opening: BenchOperation = {
  only: 'open',
  target: { ratio: 1.3 },
  ledger: 'own',
  async *lines({ file }) {
    const first = { by: 'kind' as const, filter: YEAR };
    const ours = async () => {
      const ledger = await openLedger(file);
      await createLedgerService(ledger).invoke('totals', first);
      await ledger.close();
    };
    const floor = async () => {
      const db = new Database(file);
      for (const side of ['pledge', 'delivery']) {
        db.prepare(`SELECT t.kind AS key, sum(t.vnd) AS amount, sum(t.n) AS n FROM ${side}_totals_by_kind t
        WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1 HAVING sum(t.n) > 0`).all(
          YEAR.from.slice(0, 7),
          YEAR.to.slice(0, 7),
        );
      }
      db.close();
    };
    yield { name: 'open + migration check + first dashboard figure', ours, floor };
  },
};
