/** The Cao Bằng 2022 fixture loaded as demo data: totals equal the fixture's checks; the Tzu Chi amendment is history. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldText } from '../contract/text';
import { loadDemo, readFixture } from '../db/samples/demo';
import { FIXTURE, tableCounts, tempLedger, type TestLedger } from './helpers';

let t: TestLedger;
const fixture = readFixture(FIXTURE);
beforeAll(async () => {
  t = await tempLedger({ seed: false });
  await loadDemo(t.ledger, fixture);
});
afterAll(() => t.close());

async function donorTotal(short: string) {
  const totals = await t.service.invoke('totals', { by: 'donor' });
  const donors = await t.service.invoke('donors.list', {});
  const id = donors.find((d) => d.shortName === short)!.id;
  return totals.groups.find((g) => g.key === id)!.pledged;
}

describe('demo data', () => {
  it('matches the fixture: Tzu Chi 1,880,000,000 VND after amendment, VCF 230,000,000, VUFO 1,430,000,000', async () => {
    expect(await donorTotal('Tzu Chi')).toBe(fixture.checks.tzuchi_total_after_amendment_vnd);
    expect(await donorTotal('Tzu Chi')).toBe(1_880_000_000);
    expect(await donorTotal('VCF')).toBe(230_000_000);
    expect(await donorTotal('VUFO')).toBe(fixture.checks.vufo_gift_to_cao_bang_vnd_at_23000);
    expect(await donorTotal('BDCF')).toBe(160_000_000);
    const all = await t.service.invoke('totals', { by: 'kind' });
    expect(all.total.pledged).toBe(3_700_000_000);
    expect(all.groups.reduce((s, g) => s + g.pledged, 0)).toBe(all.total.pledged);
  });

  it('keeps the Tzu Chi amendment as recorded changes: up 680,000,000 VND in all', async () => {
    const { rows } = await t.service.invoke('pledges.list', { filter: { text: 'tzu chi' } });
    expect(rows).toHaveLength(2);
    let increase = 0;
    for (const row of rows) {
      const detail = await t.service.invoke('pledges.get', { id: row.id });
      expect(detail.history.map((h) => h.action)).toEqual(['create', 'update']);
      const change = detail.history[1]!.changes.find((c) => c.field === 'vndEquivalent')!;
      increase += (change.after as number) - (change.before as number);
      expect(detail.history[1]!.note).toBeTruthy();
    }
    expect(increase).toBe(fixture.checks.tzuchi_increase_vnd);
    const houses = rows.find((r) => r.kind === 'house')!;
    const history = (await t.service.invoke('pledges.get', { id: houses.id })).history[1]!;
    expect(history.changes).toEqual(
      expect.arrayContaining([
        { field: 'amountMinor', before: 700_000_000, after: 880_000_000 },
        { field: 'unitValueMinor', before: null, after: 44_000_000 },
      ]),
    );
    expect(houses.description).toContain('Bảo Lạc');
    expect(foldText(houses.notes ?? '')).toContain('bao lac');
  });

  it('stores USD pledges in cents with the rate used', async () => {
    const { rows } = await t.service.invoke('pledges.list', {
      filter: { currencies: ['USD'] },
      sort: { by: 'pledgeDate', dir: 'asc' },
    });
    expect(rows.map((r) => [r.amountMinor, r.rate, r.vndEquivalent])).toEqual([
      [1_000_000, '23000', 230_000_000],
      [1_000_000, '23000', 230_000_000],
    ]);
    expect(rows[1]!.rateSource).toBe('Tỷ giá nêu trong tin bài');
  });

  it('refuses to load twice, changing nothing', async () => {
    const before = tableCounts(t.ledger);
    await expect(loadDemo(t.ledger, fixture)).rejects.toMatchObject({ code: 'duplicate' });
    expect(tableCounts(t.ledger)).toEqual(before);
  });
});
