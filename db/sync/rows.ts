/** Ledger rows and deletions as a bundle carries them: read as stored, written back column for column. */
import type BetterSqlite3 from 'better-sqlite3';
import { columnsOf, prepared } from '../core/statements';
import type { Ctx } from '../core/context';
import type { Row, Table, Tombstone } from './contents';

export async function rowOf(ctx: Ctx, table: Table, id: string): Promise<Row | undefined> {
  return prepared(ctx.sqlite, `SELECT * FROM ${table} WHERE id = ?`).get(id) as Row | undefined;
}

/**
 * The rows of these ids that are here, as stored, by id: one query for all of them (the ids passed as one JSON array)
 * instead of one per id.
 */
export function rowsOf(ctx: Ctx, table: Table, ids: string[]): Map<string, Row> {
  const text = `SELECT * FROM ${table} WHERE id IN (SELECT value FROM json_each(?))`;
  const rows = prepared(ctx.sqlite, text).all(JSON.stringify(ids)) as Row[];
  return new Map(rows.map((row) => [row.id, row]));
}

/** The deletions here of these ids of an entity, by id, in one query. */
export function tombstonesOf(ctx: Ctx, entity: string, ids: string[]): Map<string, Tombstone> {
  const text = `SELECT * FROM tombstones WHERE entity = ? AND id IN (SELECT value FROM json_each(?))`;
  const tombs = prepared(ctx.sqlite, text).all(entity, JSON.stringify(ids)) as Tombstone[];
  return new Map(tombs.map((tomb) => [tomb.id, tomb]));
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

/** A write of one table's rows of one shape (the same fields): its columns, and its statement on a connection. */
interface RowWrite {
  columns: string[];
  statement: BetterSqlite3.Statement;
}

/**
 * The writes made so far on each connection, by table, insert or update, and the row's fields: a bundle's rows of a
 * table all have the same fields, so thousands of rows share one list of columns and one prepared statement.
 */
const rowWrites = new WeakMap<BetterSqlite3.Database, Map<string, RowWrite>>();

const MAX_ROW_WRITES = 200;

function rowWrite(ctx: Ctx, table: Table, row: Row, insert: boolean): RowWrite {
  let writes = rowWrites.get(ctx.sqlite);
  if (!writes) {
    writes = new Map();
    rowWrites.set(ctx.sqlite, writes);
  }
  const shape = `${table} ${insert ? 'insert' : 'update'} ${JSON.stringify(Object.keys(row))}`;
  let write = writes.get(shape);
  if (!write) {
    // A ledger's columns do not change while it is open (migrations run before); a bundle's rows may lack newer ones.
    // Only this table's own columns, and only those the row itself holds (never one reached through its prototype).
    const columns = columnsOf(ctx, table).filter((c) => Object.hasOwn(row, c) && c !== 'search_text');
    const set = columns.filter((c) => c !== 'id');
    const text = insert
      ? `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`
      : `UPDATE ${table} SET ${set.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`;
    write = { columns: insert ? columns : [...set, 'id'], statement: ctx.sqlite.prepare(text) };
    // Rows of odd shapes (a damaged or hand-made bundle) make more; a bounded cache starts over when full.
    if (writes.size >= MAX_ROW_WRITES) writes.clear();
    writes.set(shape, write);
  }
  return write;
}

export async function writeRow(ctx: Ctx, table: Table, row: Row, insert: boolean) {
  const { columns, statement } = rowWrite(ctx, table, row, insert);
  statement.run(...columns.map((c) => row[c] as never));
}
