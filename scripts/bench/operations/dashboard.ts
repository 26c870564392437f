import { createLedgerService } from '../../../db/service';
import type { BenchOperation } from '../operation';
import { LIVE, YEAR } from './totals-sql';

/** Dashboard: every totals grouping for one year. */
export const dashboard: BenchOperation = {
  only: 'dashboard',
  target: { ratio: 1.3, ms: 100 },
  ledger: 'shared',
  async *lines(_bench, ledger) {
    const service = createLedgerService(ledger);
    const province = (ledger.sqlite.prepare(`SELECT id FROM places WHERE level = 'province'`).get() as { id: string })
      .id;
    const groupings = ['place', 'donor', 'kind', 'quarter', 'currency'] as const;
    const ours = async () => {
      for (const by of groupings)
        await service.invoke('totals', { by, filter: YEAR, ...(by === 'place' ? { rollUpUnder: province } : {}) });
    };
    // The same SQL, written by hand: one grouped sum per side and grouping over the monthly totals, then the names.
    const db = ledger.sqlite;
    const source: Record<(typeof groupings)[number], [string, string]> = {
      place: ['place', 't.place_id'],
      donor: ['donor', 't.donor_id'],
      kind: ['kind', 't.kind'],
      currency: ['kind', 't.currency'],
      quarter: ['kind', `substr(t.month, 1, 4) || '-Q' || ((CAST(substr(t.month, 6, 2) AS INTEGER) + 2) / 3)`],
    };
    const statements = groupings.map((by) => {
      const [dimension, key] = source[by];
      return {
        by,
        pledged:
          db.prepare(`SELECT ${key} AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n, sum(t.quantity_milli) AS quantity_milli
        FROM pledge_totals_by_${dimension} t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`),
        delivered:
          db.prepare(`SELECT ${key} AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n, NULL AS quantity_milli
        FROM delivery_totals_by_${dimension} t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`),
      };
    });
    const placeTree = db.prepare(`SELECT id, parent_id FROM places`);
    const placeNames = db.prepare(`SELECT id, name FROM places`);
    const donorNames = db.prepare(`SELECT id, name FROM donors`);
    const floor = async () => {
      for (const s of statements) {
        s.pledged.all(YEAR.from.slice(0, 7), YEAR.to.slice(0, 7));
        s.delivered.all(YEAR.from.slice(0, 7), YEAR.to.slice(0, 7));
        if (s.by === 'place') {
          placeTree.all();
          placeNames.all();
        }
        if (s.by === 'donor') donorNames.all();
      }
    };
    yield { name: 'dashboard: every totals grouping for one year', ours, floor };
  },
};
