/** The synthetic ledger and paging far into a large ledger (read from the far end). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLedger } from '../db/synthetic';
import { tempLedger, type TestLedger } from './helpers';
import { seedFor } from './random';

let t: TestLedger;
const ROWS = 25_000;
beforeAll(async () => {
  t = await tempLedger({ seed: false });
  await generateLedger(t.ledger, { rows: ROWS, seed: seedFor('scale: ledger'), donors: 50 });
}, 60_000);
afterAll(() => t.close());

describe('a generated ledger', () => {
  it('is consistent: every derived column matches what the app computes', async () => {
    const info = await t.service.invoke('app.info', {});
    expect(info.counts.pledges).toBe(ROWS);
    expect(info.counts.donors).toBe(50);
    const mismatches = t.ledger.sqlite
      .prepare(`SELECT count(*) AS n FROM pledges WHERE currency = 'VND' AND vnd_equivalent <> amount_minor`)
      .get() as { n: number };
    expect(mismatches.n).toBe(0);
    const byKind = await t.service.invoke('totals', { by: 'kind' });
    const direct = t.ledger.sqlite
      .prepare(`SELECT sum(vnd_equivalent) AS s FROM pledges WHERE status <> 'cancelled'`)
      .get() as { s: number };
    expect(byKind.total.pledged).toBe(direct.s);
    expect(t.ledger.sqlite.pragma('foreign_key_check')).toEqual([]);
  });

  it('counts from the monthly totals what reading the pledges counts, for every filter they are keyed by', async () => {
    const db = t.ledger.sqlite;
    const place = (
      db.prepare(`SELECT id FROM places WHERE level = 'district' ORDER BY name LIMIT 1`).get() as { id: string }
    ).id;
    const donor = (
      db.prepare(`SELECT donor_id AS id FROM pledges GROUP BY donor_id ORDER BY count(*) DESC LIMIT 1`).get() as {
        id: string;
      }
    ).id;
    const cases: [Record<string, unknown>, string][] = [
      [{}, '1'],
      [{ from: '2019-01-01', to: '2021-06-30' }, `pledge_date BETWEEN '2019-01-01' AND '2021-06-30'`],
      [{ kinds: ['house', 'cash'], statuses: ['cancelled'] }, `kind IN ('house', 'cash') AND status = 'cancelled'`],
      [{ currencies: ['USD'], from: '2020-02-01' }, `currency = 'USD' AND pledge_date >= '2020-02-01'`],
      [
        { placeId: place, to: '2022-12-31' },
        `place_id IN (WITH RECURSIVE u(id) AS (SELECT '${place}' UNION SELECT c.id FROM places c JOIN u ON c.parent_id = u.id) SELECT id FROM u) AND pledge_date <= '2022-12-31'`,
      ],
      [
        { donorId: donor, statuses: ['pledged', 'completed'] },
        `donor_id = '${donor}' AND status IN ('pledged', 'completed')`,
      ],
      // Not whole months, and two dimensions: counted from the pledges.
      [{ from: '2019-01-15' }, `pledge_date >= '2019-01-15'`],
      [
        { placeId: place, kinds: ['gift'] },
        `place_id IN (WITH RECURSIVE u(id) AS (SELECT '${place}' UNION SELECT c.id FROM places c JOIN u ON c.parent_id = u.id) SELECT id FROM u) AND kind = 'gift'`,
      ],
    ];
    for (const [filter, where] of cases) {
      const expected = (db.prepare(`SELECT count(*) AS n FROM pledges WHERE ${where}`).get() as { n: number }).n;
      expect(expected, where).toBeGreaterThan(100);
      const { total } = await t.service.invoke('pledges.list', {
        filter,
        sort: { by: 'pledgeDate', dir: 'desc' },
        page: { offset: 0, limit: 100 },
        withTotal: true,
      });
      expect(total, where).toBe(expected);
    }
  });

  it('reads the first page without walking every pledge: many times quicker than reading them all', async () => {
    // Both sides timed in turn, quickest of several each, so a busy machine slows both alike. The page is some fifteen
    // times quicker here; walking every pledge would make it no quicker at all, so a factor of four keeps the point
    // with room to spare.
    const everyRow = t.ledger.sqlite.prepare(
      `SELECT p.id, p.description, d.name FROM pledges p JOIN donors d ON d.id = p.donor_id`,
    );
    for (const sort of [
      { by: 'pledgeDate', dir: 'desc' },
      { by: 'pledgeDate', dir: 'asc' },
    ] as const) {
      let all = Infinity;
      let page = Infinity;
      for (let i = 0; i < 7; i++) {
        let start = performance.now();
        everyRow.all();
        all = Math.min(all, performance.now() - start);
        start = performance.now();
        await t.service.invoke('pledges.list', { sort, page: { offset: 0, limit: 100 }, withTotal: true });
        page = Math.min(page, performance.now() - start);
      }
      console.log(`first page (${sort.dir}): ${page.toFixed(2)} ms; every row: ${all.toFixed(2)} ms`);
      expect(page, `${sort.dir}: ${page} ms against ${all} ms for every row`).toBeLessThan(all / 4);
    }
  });

  it('pages near the end equal the same rows read from the start', async () => {
    const sort = { by: 'pledgeDate', dir: 'desc' } as const;
    const ids = (
      t.ledger.sqlite.prepare(`SELECT id FROM pledges ORDER BY pledge_date DESC, rowid DESC`).all() as { id: string }[]
    ).map((r) => r.id);
    for (const offset of [0, 100, 21_000, ROWS - 100, ROWS - 37]) {
      const page = await t.service.invoke('pledges.list', { sort, page: { offset, limit: 100 }, withTotal: false });
      expect(page.rows.map((r) => r.id)).toEqual(ids.slice(offset, offset + 100));
    }
    const past = await t.service.invoke('pledges.list', { sort, page: { offset: ROWS + 5, limit: 100 } });
    expect(past).toEqual({ rows: [], total: ROWS });
  });
});
