/** The synthetic ledger and paging far into a large ledger (read from the far end). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateLedger } from '../db/samples/synthetic';
import { tempLedger, type TestLedger } from './helpers';
import { metered, queryPlan } from './meter';
import { seedFor } from './random';

let t: TestLedger;
const ROWS = 25_000;
beforeAll(async () => {
  t = await tempLedger({ seed: false });
  await generateLedger(t.ledger, { rows: ROWS, seed: seedFor('scale: ledger'), donors: 50 });
}, 60_000);
afterAll(() => t.close());

/** The names a statement gives the pledges table ("pledges", "p"). */
function pledgesNames(sql: string): Set<string> {
  return new Set(['pledges', ...[...sql.matchAll(/\bpledges\s+(?:AS\s+)?(\w+)/gi)].map((m) => m[1]!)]);
}

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

  it('reads the first page through the date index: no walk over every pledge, no sort of them all', async () => {
    for (const dir of ['desc', 'asc'] as const) {
      const { result, work } = await metered(
        t.ledger.sqlite,
        () =>
          t.service.invoke('pledges.list', {
            sort: { by: 'pledgeDate', dir },
            page: { offset: 0, limit: 100 },
            withTotal: true,
          }),
        { keep: true },
      );
      expect(result.rows).toHaveLength(100);
      expect(result.total).toBe(ROWS);
      // Handed back: the page's rows and a count or two (the total is read from the monthly totals).
      expect(work.rows, dir).toBeLessThanOrEqual(100 + 5);
      // Every step of every statement run that walks the pledges (a lookup by key is not a walk).
      const walks = work.runs
        .filter((run) => /^\s*(SELECT|WITH)\b/i.test(run.sql))
        .flatMap((run) => {
          const plan = queryPlan(t.ledger.sqlite, run);
          const names = pledgesNames(run.sql);
          return plan
            .filter((step) => names.has(/^SCAN (\w+)/.exec(step.detail)?.[1] ?? ''))
            .map((step) => ({ step, plan, sql: run.sql }));
        });
      // One walk: the date index in the page's order, inside the page's subquery, which stops at its LIMIT.
      expect(
        walks.map((w) => w.step.detail),
        dir,
      ).toEqual([expect.stringMatching(/^SCAN p USING (COVERING )?INDEX pledges_date$/)]);
      const [{ step, plan, sql }] = walks as [(typeof walks)[number]];
      expect(plan.find((s) => s.id === step.parent)?.detail, dir).toBe('CO-ROUTINE page');
      expect(sql, dir).toMatch(/^\s*WITH page AS \(SELECT [^()]* LIMIT \? OFFSET \?\)/);
      // Nothing sorted beside it: the index gives the order (the page's hundred rows may be sorted once read).
      expect(
        plan.filter((s) => s.parent === step.parent && s.detail.includes('TEMP B-TREE')),
        dir,
      ).toEqual([]);
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
