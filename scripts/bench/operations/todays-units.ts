import { createLedgerService } from '../../../db/service';
import type { BenchOperation } from '../operation';
import { LIVE } from './totals-sql';

/**
 * Ten years by place in today's units, rolled up under the province: the former communes' pledges counted under the
 * communes they became. The floor reads the same monthly sums by place and the place tree with its successor links.
 */
export const todaysUnits: BenchOperation = {
  only: 'today',
  target: { ratio: 1.3, ms: 100 },
  ledger: 'shared',
  async *lines(_bench, ledger) {
    const service = createLedgerService(ledger);
    const province = (ledger.sqlite.prepare(`SELECT id FROM places WHERE level = 'province'`).get() as { id: string })
      .id;
    const filter = { from: '2016-01-01', to: '2025-12-31', unitsOf: '2026-12-01' };
    const ours = () => service.invoke('totals', { by: 'place', filter, rollUpUnder: province });
    const db = ledger.sqlite;
    const sums = (side: 'pledge' | 'delivery') =>
      db.prepare(`SELECT t.place_id AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n
      FROM ${side}_totals_by_place t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`);
    const [pledged, delivered] = [sums('pledge'), sums('delivery')];
    const tree = db.prepare(`SELECT id, parent_id, name, unit_type, valid_from, valid_to FROM places`);
    const links = db.prepare(`SELECT place_id, successor_id FROM place_successors`);
    const floor = async () => {
      pledged.all(filter.from.slice(0, 7), filter.to.slice(0, 7));
      delivered.all(filter.from.slice(0, 7), filter.to.slice(0, 7));
      tree.all();
      links.all();
    };
    yield { name: "totals by place in today's units, 2016–2025", ours, floor };
  },
};
