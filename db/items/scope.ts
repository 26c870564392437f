/**
 * Lines chosen by what their aid items are (sector, modality, stage): a filter of the ledger and totals, and the scope
 * of a report. Lines of no item are in no scope.
 */
import { sql, type RawBuilder } from 'kysely';
import type { ItemScope } from '../../contract/items';

const KEYS = ['sectors', 'modalities', 'stages'] as const;

/** A scope as stored and compared: each list sorted, without repeats, empty lists left out; null if it chooses nothing. */
export function normalScope(input: ItemScope): ItemScope | null {
  const scope: Record<string, string[]> = {};
  for (const key of KEYS) {
    const list = [...new Set(input[key] ?? [])].sort();
    if (list.length) scope[key] = list;
  }
  return Object.keys(scope).length ? (scope as ItemScope) : null;
}

/** The ids of the items in a scope, as a subquery; null when the scope chooses nothing. */
export function itemsInScope(scope: ItemScope): RawBuilder<unknown> | null {
  const conditions: RawBuilder<unknown>[] = [];
  if (scope.sectors?.length) conditions.push(sql`i.sector IN (${sql.join(scope.sectors)})`);
  if (scope.modalities?.length) conditions.push(sql`i.modality IN (${sql.join(scope.modalities)})`);
  if (scope.stages?.length) conditions.push(sql`i.stage IN (${sql.join(scope.stages)})`);
  return conditions.length ? sql`(SELECT i.id FROM aid_items i WHERE ${sql.join(conditions, sql` AND `)})` : null;
}
