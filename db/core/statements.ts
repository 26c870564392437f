/**
 * SQL on a ledger's connection through statements prepared once per text: reads as the driver gives them, rows
 * inserted by name, the columns a table has.
 */
import type BetterSqlite3 from 'better-sqlite3';
import { type Compilable, CompiledQuery, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from './schema';

/** A call's connection: the query builder and the driver over the same transaction (a `Ctx` is one). */
export interface Connection {
  db: Kysely<DB>;
  sqlite: BetterSqlite3.Database;
}

/** Rows inserted, updated or deleted through this connection since it opened, triggers and rolled-back ones included. */
export function totalChanges(sqlite: BetterSqlite3.Database): number {
  return (prepared(sqlite, 'SELECT total_changes() AS n').get() as { n: number }).n;
}

const preparedStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * A statement prepared once per SQL text on a connection: the reads behind every ledger page and the writes of a
 * bundle merge run the same few texts many times, and preparing each anew costs as much as running it.
 */
export function prepared(sqlite: BetterSqlite3.Database, text: string): BetterSqlite3.Statement {
  let statements = preparedStatements.get(sqlite);
  if (!statements) {
    statements = new Map();
    preparedStatements.set(sqlite, statements);
  }
  let statement = statements.get(text);
  if (statement) {
    // Used again: kept as the most recent (a Map iterates in insertion order, so the first is the least recent).
    statements.delete(text);
    statements.set(text, statement);
  } else {
    // Filters make many shapes of SQL; a bounded cache keeps the common ones, letting go of the least recent.
    if (statements.size >= 500) statements.delete(statements.keys().next().value!);
    statement = sqlite.prepare(text);
    statements.set(text, statement);
  }
  return statement;
}

const columnCache = new WeakMap<BetterSqlite3.Database, Map<string, string[]>>();

// The query builder's own renaming (its CamelCasePlugin, with default options): quantityMilli → quantity_milli.
const columnNames = new Map<string, string>();
/** A field's column name (the few names are renamed once each: an import inserts thousands of rows). */
const snakeCase = (key: string) => {
  let name = columnNames.get(key);
  if (name === undefined) {
    name = key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
    columnNames.set(key, name);
  }
  return name;
};

/** Each shape of row inserted (its table and the fields it gives) to its statement, per connection. */
const insertStatements = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();

/**
 * Inserts one row (fields named as the query builder names them; undefined ones left out, as it leaves them) through
 * a statement prepared once per table and set of columns, on the call's connection: for the writes made once per
 * imported row, where building and compiling each statement anew was most of the work. The statement is found by the
 * row's shape without building its SQL again.
 */
export function insertRow(
  ctx: { sqlite: BetterSqlite3.Database },
  table: string,
  values: Record<string, unknown>,
): void {
  let statements = insertStatements.get(ctx.sqlite);
  if (!statements) {
    statements = new Map();
    insertStatements.set(ctx.sqlite, statements);
  }
  const keys = Object.keys(values);
  const given: unknown[] = [];
  let shape = table;
  for (const key of keys) {
    const value = values[key];
    if (value === undefined) continue;
    shape += ` ${key}`;
    given.push(value);
  }
  let statement = statements.get(shape);
  if (!statement) {
    const named = keys.filter((k) => values[k] !== undefined);
    statement = ctx.sqlite.prepare(
      `INSERT INTO ${table} (${named.map(snakeCase).join(', ')}) VALUES (${named.map(() => '?').join(', ')})`,
    );
    // Rows of many shapes (fields left out in many ways) make many statements: a bounded cache starts over when full.
    if (statements.size >= 500) statements.clear();
    statements.set(shape, statement);
  }
  statement.run(...given);
}

/**
 * The columns a table has in this ledger, read once per connection (a ledger's columns do not change while it is
 * open: migrations run before).
 */
export function columnsOf(ctx: { sqlite: BetterSqlite3.Database }, table: string): string[] {
  let cache = columnCache.get(ctx.sqlite);
  if (!cache) {
    cache = new Map();
    columnCache.set(ctx.sqlite, cache);
  }
  let columns = cache.get(table);
  if (!columns) {
    const rows = ctx.sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[];
    columns = rows.map((r) => r.name);
    cache.set(table, columns);
  }
  return columns;
}

/**
 * A query's rows as the driver gives them (column names as in the SQL), on the call's connection and inside its
 * transaction, through a statement prepared once per SQL text (`prepared`), without a second renaming of every column.
 */
export function readRows<T>(ctx: Connection, query: RawBuilder<unknown>): T[] {
  const { sql: text, parameters } = query.compile(ctx.db);
  return prepared(ctx.sqlite, text).all(...parameters) as T[];
}

/** The same rows as arrays of their columns in order: tens of thousands of groups are read a good third quicker. */
export function readRawRows<T extends unknown[]>(ctx: Connection, query: RawBuilder<unknown>): T[] {
  const { sql: text, parameters } = query.compile(ctx.db);
  const statement = prepared(ctx.sqlite, text);
  // The statement is shared (prepared once per text): it goes back to giving objects for its other users.
  try {
    return statement.raw(true).all(...parameters) as T[];
  } finally {
    statement.raw(false);
  }
}

/**
 * A query of the builder compiled once and run again with other values, through the statement prepared for its text:
 * for the queries run once per row an import writes, where building and compiling each anew cost more than running it.
 * `build` is called once, with a placeholder for each argument, which it must pass to the query as values (compared,
 * set); the rows come back as the builder gives them (its plugins' renaming included).
 */
export function compiledOnce<A extends string[], R>(
  build: (db: Kysely<DB>, ...args: A) => Compilable<R>,
): (ctx: Connection, ...args: A) => Promise<R[]> {
  let compiled: { sql: string; parameters: readonly unknown[]; argAt: number[] } | undefined;
  return async (ctx, ...args) => {
    if (!compiled) {
      const placeholders = args.map((_, i) => `\u0000argument ${i}`) as A;
      const { sql, parameters } = build(ctx.db, ...placeholders).compile();
      if (placeholders.some((p) => !parameters.includes(p))) throw new Error(`an argument is not a value of: ${sql}`);
      compiled = { sql, parameters, argAt: parameters.map((p) => placeholders.indexOf(p as string)) };
    }
    const { sql, parameters, argAt } = compiled;
    const values = argAt.map((at, i) => (at < 0 ? parameters[i] : args[at]));
    return (await ctx.db.executeQuery<R>(CompiledQuery.raw(sql, values))).rows;
  };
}
