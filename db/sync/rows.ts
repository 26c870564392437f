/** Ledger rows and deletions as a bundle carries them: read as stored, written back column for column. */
import { columnsOf, prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import type { Row, Table, Tombstone } from './contents';

export async function rowOf(ctx: Ctx, table: Table, id: string): Promise<Row | undefined> {
  return prepared(ctx.sqlite, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
}

export async function tombstoneOf(ctx: Ctx, entity: string, id: string): Promise<Tombstone | undefined> {
  return prepared(ctx.sqlite, `SELECT * FROM tombstones WHERE entity = ? AND id = ?`).get(entity, id) as
    | Tombstone
    | undefined;
}

/**
 * Rows as stored, under their column names (the merge writes them back column for column), read once, without the
 * search words: those are each receiver's to compute, from its own donor and place names.
 */
export function storedRows(ctx: Ctx, query: string, ...params: unknown[]): Row[] {
  const rows = ctx.sqlite.prepare(query).all(...params) as Row[];
  for (const row of rows) delete row.search_text;
  return rows;
}

export async function writeRow(ctx: Ctx, table: Table, row: Row, insert: boolean) {
  // A ledger's columns do not change while it is open (migrations run before); a bundle's rows may lack newer ones.
  // Only this table's own columns, and only those the row itself holds (never one reached through its prototype).
  const columns = columnsOf(ctx, table).filter((c) => Object.hasOwn(row, c) && c !== 'search_text');
  const values = columns.map((c) => row[c] as never);
  if (insert) {
    prepared(
      ctx.sqlite,
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
    ).run(...values);
  } else {
    const set = columns.filter((c) => c !== 'id');
    prepared(ctx.sqlite, `UPDATE ${table} SET ${set.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(
      ...set.map((c) => row[c] as never),
      row.id,
    );
  }
}
