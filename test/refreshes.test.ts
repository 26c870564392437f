/**
 * What a write refreshes (contract/refreshes.ts): every method of the contract is either a read or a write that names
 * the reads it changes, so a new write must say what it refreshes; one that does not refreshes everything. The reads
 * listed change nothing in a real ledger.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isHostMethod, METHODS, type Method } from '../contract';
import { READS, REFRESHES, refreshesAfter } from '../contract/refreshes';
import { loadDemo, readFixture } from '../db/samples/demo';
import { FIXTURE, tempLedger, type TestLedger } from './helpers';

describe('the refreshes of every write', () => {
  const reads = new Set<string>(READS);
  const writes = Object.keys(REFRESHES);

  it('every method of the contract is a read or a write with its refreshes, never both', () => {
    const undeclared = METHODS.filter((m) => !reads.has(m) && !Object.hasOwn(REFRESHES, m));
    expect(undeclared, 'methods neither read nor declaring what they refresh').toEqual([]);
    expect(writes.filter((m) => reads.has(m))).toEqual([]);
    expect(
      [...reads, ...writes].filter((m) => !(METHODS as string[]).includes(m)),
      'no such method',
    ).toEqual([]);
  });

  it('a write refreshes reads only, and at least one', () => {
    for (const [method, refresh] of Object.entries(REFRESHES)) {
      if (refresh === 'all') continue;
      expect(refresh.length, method).toBeGreaterThan(0);
      expect(
        refresh.filter((r) => !reads.has(r)),
        method,
      ).toEqual([]);
    }
  });

  it('a read refreshes nothing, a write not declared everything', () => {
    expect(refreshesAfter('pledges.list')).toEqual([]);
    expect(refreshesAfter('pledges.create')).toContain('pledges.list');
    expect(refreshesAfter('pledges.create')).not.toContain('places.setup');
    expect(refreshesAfter('pledges.recount')).toBe('all');
  });
});

describe('the reads change nothing', () => {
  let t: TestLedger;

  beforeAll(async () => {
    t = await tempLedger({ seed: false });
    await loadDemo(t.ledger, readFixture(FIXTURE));
  });
  afterAll(() => t.close());

  /** A valid input for each read the ledger answers (those of the host, and those of a file given, aside). */
  async function inputs(): Promise<Partial<Record<Method, unknown>>> {
    const pledge = (await t.service.invoke('pledges.list', { page: { offset: 0, limit: 1 } })).rows[0]!;
    const item = (await t.service.invoke('items.list', {}))[0]!;
    const place = (await t.service.invoke('places.list', {})).find((p) => p.level === 'district')!;
    const report = { period: '2022-Q3' };
    const ngo = (await t.service.invoke('ngo.list', {}))[0]!;
    return {
      'app.info': {},
      'settings.get': {},
      'donors.list': {},
      'pledges.list': {},
      'pledges.summary': {},
      'pledges.get': { id: pledge.id },
      'rates.list': {},
      'rates.propose': { currency: 'USD', date: '2022-06-01' },
      'rates.missing': report,
      totals: { by: 'place' },
      'imports.template': { placeId: place.id },
      'sync.status': {},
      'sync.folder': {},
      'sync.deletions': {},
      'places.list': {},
      'places.setup': {},
      'reports.preview': report,
      'reports.list': {},
      'reports.due': {},
      'items.list': {},
      'items.get': { id: item.id },
      'items.sectors': {},
      'items.deadlines': {},
      'items.overview': {},
      'items.summary': { year: 2022 },
      'offices.card': {},
      'offices.list': {},
      'deletions.list': {},
      'search.find': { text: 'nha o' },
      'reports.print': report,
      'ngo.list': {},
      'ngo.get': { id: ngo.donorId },
      'ngo.check': { donorId: ngo.donorId, date: '2022-10-01', placeId: place.id, sector: 'health' },
      'ngo.warnings': {},
      'ngo.todo': { today: '2025-01-15' },
      'ngo.holidays': {},
      'ngo.export': { from: '2022-01-01', to: '2022-12-31' },
    };
  }

  it('each read leaves the ledger as it was', async () => {
    const given = await inputs();
    const changes = () => (t.ledger.sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    // The office's card is made at its first reading: read once before counting.
    await t.service.invoke('offices.card', {});
    const untried = READS.filter((m) => !isHostMethod(m) && !(m in given));
    expect(untried, 'reads that need a file given (a bundle, a sent report)').toEqual(['sync.preview', 'reports.file']);
    for (const [method, input] of Object.entries(given)) {
      const before = changes();
      const answer = await t.service.call(method, input);
      expect(answer.ok ? null : answer.error, method).toBeNull();
      expect(changes() - before, `${method} wrote to the ledger`).toBe(0);
    }
  });
});
