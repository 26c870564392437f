/**
 * A query compiled once (`compiledOnce`) answers as the query builder does for every value it is run with, on every
 * ledger, its constants kept; a query that does not take an argument as a value is refused rather than run wrong.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PlaceLevel } from '../contract/fields';
import { contextFor } from '../db/core/context';
import { compiledOnce } from '../db/core/statements';
import { tempLedger, type TestLedger } from './helpers';

let a: TestLedger;
let b: TestLedger;
beforeEach(async () => {
  a = await tempLedger({ ids: 'statements-a' });
  b = await tempLedger({ ids: 'statements-b' });
});
afterEach(async () => {
  await a.close();
  await b.close();
});

describe('a query compiled once', () => {
  it('gives the rows the builder gives, for each value and on each ledger, its constants kept', async () => {
    const unitsUnder = compiledOnce((db, parentId: string, level: PlaceLevel) =>
      db
        .selectFrom('places')
        .select(['id', 'parentId', 'name'])
        .where('level', '=', level)
        .where('parentId', '=', parentId)
        .where('name', '!=', 'Không có')
        .orderBy('id'),
    );
    // The units under each parent by their level, and two asks that find none.
    const groups = a.ledger.sqlite
      .prepare(`SELECT DISTINCT parent_id AS parentId, level FROM places WHERE parent_id IS NOT NULL`)
      .all() as { parentId: string; level: PlaceLevel }[];
    expect(groups.length).toBeGreaterThan(0);
    const asks: { parentId: string; level: PlaceLevel }[] = [
      ...groups,
      { parentId: groups[0]!.parentId, level: 'province' },
      { parentId: 'none', level: 'commune' },
    ];
    for (const ledger of [a, b])
      for (const { parentId, level } of asks) {
        const ctx = contextFor(ledger.ledger);
        const byBuilder = await ctx.db
          .selectFrom('places')
          .select(['id', 'parentId', 'name'])
          .where('level', '=', level)
          .where('parentId', '=', parentId)
          .where('name', '!=', 'Không có')
          .orderBy('id')
          .execute();
        expect(byBuilder.length > 0).toBe(groups.some((g) => g.parentId === parentId && g.level === level));
        expect(await unitsUnder(ctx, parentId, level)).toEqual(byBuilder);
      }
  });

  it('writes with the values it is given', async () => {
    const rename = compiledOnce((db, id: string, name: string) =>
      db.updateTable('donors').set({ name }).where('id', '=', id),
    );
    const ctx = contextFor(a.ledger);
    const first = await a.service.invoke('donors.create', { name: 'Quỹ A', country: 'Úc', kind: 'foreign_ngo' });
    const second = await a.service.invoke('donors.create', { name: 'Quỹ B', country: 'Úc', kind: 'foreign_ngo' });
    await rename(ctx, first.id, 'Quỹ A mới');
    await rename(ctx, second.id, 'Quỹ B mới');
    const names = a.ledger.sqlite.prepare('SELECT name FROM donors ORDER BY name').all() as { name: string }[];
    expect(names.map((d) => d.name)).toEqual(['Quỹ A mới', 'Quỹ B mới']);
  });

  it('is refused when an argument does not reach the query as a value', async () => {
    const containing = compiledOnce((db, name: string) =>
      db.selectFrom('donors').select('id').where('nameKey', 'like', `%${name}%`),
    );
    await expect(containing(contextFor(a.ledger), 'Quỹ A')).rejects.toThrow('an argument is not a value of');
  });
});
