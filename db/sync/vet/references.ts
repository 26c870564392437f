/**
 * The records a bundle's rows and history entries point to: in the bundle itself, in this ledger, or deleted here (a
 * deletion here set against a row received is the merge's to settle, as a conflict). Read in one query per table.
 */
import { BUNDLE_TABLES, type Bundle, type Table } from '../contents';
import type { Ctx } from '../../core/context';

const ENTITY_OF = new Map<Table, string>(BUNDLE_TABLES);

export class KnownRecords {
  private readonly known = new Map<Table, Set<string>>();
  private readonly wanted = new Map<Table, Set<string>>();

  constructor(bundle: Bundle) {
    for (const [table, entity] of BUNDLE_TABLES) {
      const ids = new Set<string>();
      for (const row of bundle.records[table] ?? []) ids.add(row.id);
      for (const tomb of bundle.tombstones) if (tomb.entity === entity) ids.add(tomb.id);
      this.known.set(table, ids);
    }
  }

  /** Asks for an id to be looked up here (ids the bundle holds need no lookup; anything but text points nowhere). */
  want(table: Table, id: unknown): void {
    if (typeof id !== 'string' || this.known.get(table)!.has(id)) return;
    const ids = this.wanted.get(table) ?? new Set<string>();
    this.wanted.set(table, ids);
    ids.add(id);
  }

  /** Looks up every id asked for: the rows this ledger has, and those it deleted. */
  load(ctx: Ctx): void {
    for (const [table, ids] of this.wanted) {
      const found = ctx.sqlite
        .prepare(
          `SELECT id FROM ${table} WHERE id IN (SELECT value FROM json_each(?))
          UNION SELECT id FROM tombstones WHERE entity = ? AND id IN (SELECT value FROM json_each(?))`,
        )
        .pluck()
        .all(JSON.stringify([...ids]), ENTITY_OF.get(table)!, JSON.stringify([...ids])) as string[];
      const known = this.known.get(table)!;
      for (const id of found) known.add(id);
    }
    this.wanted.clear();
  }

  has(table: Table, id: unknown): boolean {
    return typeof id === 'string' && this.known.get(table)!.has(id);
  }
}
