/** The synthetic ledger and paging far into a large ledger (read from the far end). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLedger } from '../db/synthetic';
import { tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
const ROWS = 25_000;
beforeAll(async () => {
  t = await tempLedger({ seed: false });
  await generateLedger(t.ledger, { rows: ROWS, seed: 7, donors: 50 });
}, 60_000);
afterAll(() => t.close());

describe('a generated ledger', () => {
  it('is consistent: every derived column matches what the app computes', async () => {
    const info = await t.service.invoke('app.info', {});
    expect(info.counts.pledges).toBe(ROWS);
    expect(info.counts.donors).toBe(50);
    const mismatches = t.ledger.sqlite.prepare(`SELECT count(*) AS n FROM pledges WHERE currency = 'VND' AND vnd_equivalent <> amount_minor`).get() as { n: number };
    expect(mismatches.n).toBe(0);
    const byKind = await t.service.invoke('totals', { by: 'kind' });
    const direct = t.ledger.sqlite.prepare(`SELECT sum(vnd_equivalent) AS s FROM pledges WHERE status <> 'cancelled'`).get() as { s: number };
    expect(byKind.total.pledged).toBe(direct.s);
    expect(t.ledger.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('pages near the end equal the same rows read from the start', async () => {
    const sort = { by: 'pledgeDate', dir: 'desc' } as const;
    const ids = (t.ledger.sqlite.prepare(`SELECT id FROM pledges ORDER BY pledge_date DESC, rowid DESC`).all() as { id: string }[]).map((r) => r.id);
    for (const offset of [0, 100, 21_000, ROWS - 100, ROWS - 37]) {
      const page = await t.service.invoke('pledges.list', { sort, page: { offset, limit: 100 }, withTotal: false });
      expect(page.rows.map((r) => r.id)).toEqual(ids.slice(offset, offset + 100));
    }
    const past = await t.service.invoke('pledges.list', { sort, page: { offset: ROWS + 5, limit: 100 } });
    expect(past).toEqual({ rows: [], total: ROWS });
  });
});
