import { createLedgerService } from '../../../db/service';
import type { BenchOperation } from '../operation';
import { LIVE, YEAR } from './totals-sql';

/**
 * Counts and sums by aid item, sector, modality and stage for one year, and the items' overview (counts by stage, sector
 * and modality, NGOs): what the dashboard and the statutory report read. The floor runs the same grouped sums of the
 * monthly totals by item and by the items' class by hand, reads the labels, and counts the items.
 */
export const items: BenchOperation = {
  only: 'items',
  target: { ratio: 1.3 },
  ledger: 'shared',
  async *lines(_bench, ledger) {
    const service = createLedgerService(ledger);
    const groupings = ['item', 'sector', 'modality', 'stage'] as const;
    const ours = async () => {
      for (const by of groupings) await service.invoke('totals', { by, filter: YEAR });
      await service.invoke('items.overview', {});
    };
    const db = ledger.sqlite;
    // By item from the totals by item; by sector, modality or stage from those by the items' class.
    const [key, table] = [
      (by: (typeof groupings)[number]) => (by === 'item' ? `t.item_id` : `t.${by}`),
      (by: string) => (by === 'item' ? 'item' : 'item_class'),
    ];
    const statements = groupings.map((by) => [
      db.prepare(`SELECT ${key(by)} AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n, sum(t.quantity_milli) AS quantity_milli
      FROM pledge_totals_by_${table(by)} t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`),
      db.prepare(`SELECT ${key(by)} AS key, sum(t.vnd) AS amount, 0 AS is_usd, NULL AS usd_rate, sum(t.n) AS n, NULL AS quantity_milli
      FROM delivery_totals_by_${table(by)} t WHERE t.status IN ${LIVE} AND t.month >= ? AND t.month <= ? GROUP BY 1, 3, 4 HAVING sum(t.n) > 0`),
    ]);
    const names = db.prepare(`SELECT id, name FROM aid_items`);
    const overview = [
      db.prepare(`SELECT stage AS key, count(*) AS n FROM aid_items GROUP BY 1`),
      db.prepare(`SELECT sector AS key, count(*) AS n FROM aid_items GROUP BY 1`),
      db.prepare(`SELECT modality AS key, count(*) AS n FROM aid_items GROUP BY 1`),
      db.prepare(
        `SELECT count(DISTINCT coalesce(d.merged_into, d.id)) AS n FROM donors d WHERE d.id IN (SELECT donor_id FROM aid_items) OR d.id IN (SELECT j.value FROM aid_items i, json_each(i.co_donor_ids) j)`,
      ),
      db.prepare(
        `SELECT sum(n) AS n FROM pledge_totals_by_item_class WHERE sector = '' AND modality = '' AND stage = ''`,
      ),
    ];
    const floor = async () => {
      for (const [pledged, delivered] of statements) {
        pledged!.all(YEAR.from.slice(0, 7), YEAR.to.slice(0, 7));
        delivered!.all(YEAR.from.slice(0, 7), YEAR.to.slice(0, 7));
      }
      names.all();
      for (const s of overview) s.all();
    };
    yield { name: 'counts and sums by item, sector, modality and stage, one year', ours, floor };
  },
};
