/**
 * References between ledger rows: a bundle carries the rows its rows point to, a merge deletes no row still pointed
 * to, and leaves no row pointing at nothing and no place under itself.
 */
import { prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import type { Row, Table } from './contents';
import { storedRows } from './rows';

/** Every reference between ledger rows: (table, column) → referenced table. */
export const REFERENCES: [Table, string, Table][] = [
  ['places', 'parent_id', 'places'],
  ['place_successors', 'place_id', 'places'],
  ['place_successors', 'successor_id', 'places'],
  ['donors', 'merged_into', 'donors'],
  ['pledges', 'donor_id', 'donors'],
  ['pledges', 'place_id', 'places'],
  ['pledges', 'item_id', 'aid_items'],
  ['pledges', 'today_place_id', 'places'],
  ['aid_items', 'donor_id', 'donors'],
  ['aid_item_stages', 'item_id', 'aid_items'],
  ['deliveries', 'pledge_id', 'pledges'],
  ['ngo_profiles', 'donor_id', 'donors'],
  ['ngo_certificates', 'donor_id', 'donors'],
  ['ngo_contacts', 'donor_id', 'donors'],
  ['ngo_plans', 'donor_id', 'donors'],
  ['ngo_plans', 'certificate_id', 'ngo_certificates'],
  ['ngo_year_reports', 'donor_id', 'donors'],
];

/**
 * Every bundle carries the rows its rows point to (a delivery's pledge, a pledge's donor and place, a place's parent),
 * as they are now, so a bundle can be merged whatever arrived before it.
 */
export function addReferencedRows(ctx: Ctx, records: Record<Table, Row[]>): void {
  for (let changed = true; changed; ) {
    changed = false;
    for (const [from, column, to] of REFERENCES) {
      const have = new Set(records[to].map((r) => r.id));
      const wanted = [
        ...new Set(
          records[from].map((r) => r[column]).filter((id): id is string => typeof id === 'string' && !have.has(id)),
        ),
      ];
      if (!wanted.length) continue;
      const rows = storedRows(
        ctx,
        `SELECT * FROM ${to} WHERE id IN (SELECT value FROM json_each(?))`,
        JSON.stringify(wanted),
      );
      if (rows.length) {
        records[to].push(...rows);
        changed = true;
      }
    }
  }
}

/** Whether any row here points to this one. */
export function stillReferenced(ctx: Ctx, table: Table, id: string): boolean {
  return REFERENCES.some(
    ([from, column, to]) =>
      to === table && prepared(ctx.sqlite, `SELECT 1 FROM ${from} WHERE ${column} = ? LIMIT 1`).get(id) !== undefined,
  );
}

/**
 * Rows left pointing at nothing by this merge: rows written that refer to a missing row, and rows here that referred
 * to a row it deleted. Only those can be broken, so the whole ledger need not be checked.
 */
export function brokenReferences(ctx: Ctx, written: Map<Table, Row[]>, deleted: Map<Table, string[]>): number {
  let broken = 0;
  for (const [from, column, to] of REFERENCES) {
    const exists = prepared(ctx.sqlite, `SELECT 1 FROM ${to} WHERE id = ?`);
    const checked = new Set<string>();
    for (const row of written.get(from) ?? []) {
      const id = row[column];
      if (id === null || id === undefined || checked.has(id as string)) continue;
      checked.add(id as string);
      // A number where an id belongs points at nothing (foreign keys would only say so at commit).
      if (typeof id !== 'string' || !exists.get(id)) broken++;
    }
    const referring = prepared(ctx.sqlite, `SELECT 1 FROM ${from} WHERE ${column} = ? LIMIT 1`);
    for (const id of deleted.get(to) ?? []) if (referring.get(id)) broken++;
  }
  return broken;
}

/**
 * The name of a place this merge put under itself, if any: two offices each moved one unit under the other, or a
 * damaged file. A local edit cannot do this (it is refused), and every walk up the tree relies on it.
 */
export function placeUnderItself(ctx: Ctx, written: Row[]): string | null {
  const parentOf = prepared(ctx.sqlite, `SELECT parent_id AS parentId, name FROM places WHERE id = ?`);
  for (const row of written) {
    const seen = new Set<string>([row.id]);
    for (let at = (parentOf.get(row.id) as { parentId: string | null } | undefined)?.parentId; at; ) {
      if (seen.has(at)) return (parentOf.get(at) as { name: string }).name;
      seen.add(at);
      at = (parentOf.get(at) as { parentId: string | null } | undefined)?.parentId;
    }
  }
  return null;
}
