import type BetterSqlite3 from 'better-sqlite3';
import type { Kysely, RawBuilder } from 'kysely';
import { LedgerError, type Bilingual } from '../contract/errors';
import { fieldLabel } from '../contract/validation';
import type { Ledger, Site, Tracking } from './ledger';
import type { DB } from './schema';

/** What every ledger operation receives: the (transactional) database, who is writing, and when. */
export interface Ctx {
  db: Kysely<DB>;
  /** The same connection, for bulk work with prepared statements (inside the same transaction). */
  sqlite: BetterSqlite3.Database;
  tracking: Tracking;
  site: Site;
  file: string;
  schemaVersion: number;
  /** One timestamp per contract call, so all rows a call writes share it. */
  now: string;
  /** A new record id (see `db/ids.ts`). */
  newId: () => string;
  /** Rows this connection had changed when the call began: the call has written once the count moves. */
  changesAtStart: number;
}

export function contextFor(ledger: Ledger, db: Kysely<DB> = ledger.db): Ctx {
  return {
    db,
    sqlite: ledger.sqlite,
    tracking: ledger.tracking,
    site: ledger.site,
    file: ledger.file,
    schemaVersion: ledger.schemaVersion,
    now: new Date(ledger.wallClock()).toISOString(),
    newId: ledger.newId,
    changesAtStart: totalChanges(ledger.sqlite),
  };
}

/** A point a call's writes can be undone to (see `undoPoint`). */
export interface UndoPoint {
  /** Undoes every write since the point; the call goes on writing after it. */
  undo(): Promise<void>;
  /** Keeps the writes (the point is no longer needed). */
  keep(): Promise<void>;
}

/**
 * A point to undo writes to. When the call has written nothing yet, its own transaction is that point: undoing is
 * rolling it back and beginning another, and nothing is copied as it is written. Otherwise a savepoint, under which
 * SQLite copies every page before its first change.
 */
export async function undoPoint(ctx: Ctx, name: string): Promise<UndoPoint> {
  if (ctx.sqlite.inTransaction && totalChanges(ctx.sqlite) === ctx.changesAtStart) {
    return {
      undo: async () => {
        // SQLite has rolled back itself after a disk error: nothing is left to undo.
        if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
        ctx.sqlite.exec('BEGIN');
      },
      keep: async () => {},
    };
  }
  return savepointIf(ctx, name, true);
}

/**
 * A savepoint when `isolated`. Otherwise none, and undoing and keeping do nothing: the caller undoes everything
 * itself if the work is refused (a quarter's pass, see `importFiles`), and saves SQLite copying every page first
 * written under a savepoint.
 */
export function savepointIf(ctx: Ctx, name: string, isolated: boolean): UndoPoint {
  if (!isolated) return { undo: async () => {}, keep: async () => {} };
  ctx.sqlite.exec(`SAVEPOINT ${name}`);
  return {
    undo: async () => {
      ctx.sqlite.exec(`ROLLBACK TO SAVEPOINT ${name}`);
    },
    keep: async () => {
      ctx.sqlite.exec(`RELEASE SAVEPOINT ${name}`);
    },
  };
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

export function notFound(field: string, what: Bilingual): LedgerError {
  const label = fieldLabel(field);
  return new LedgerError(
    'not_found',
    { vi: `${label.vi}: không tìm thấy ${what.vi}`, en: `${label.en}: ${what.en} not found` },
    field,
  );
}

export function invalid(field: string, why: Bilingual, code: LedgerError['code'] = 'invalid_input'): LedgerError {
  const label = fieldLabel(field);
  return new LedgerError(code, { vi: `${label.vi}: ${why.vi}`, en: `${label.en}: ${why.en}` }, field);
}

/** Names are one line of visible text: a control character fails the database's check (NUL) or splits alias lists. */
export function checkNameText(name: string, field = 'name'): void {
  if (/[\u0000-\u001f\u007f]/.test(name)) {
    throw invalid(field, {
      vi: 'chứa ký tự điều khiển (xuống dòng, tab hoặc ký tự ẩn)',
      en: 'contains a control character (line break, tab or hidden character)',
    });
  }
}

/** A Vietnamese dd/mm/yyyy rendering of an ISO date, for messages. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return d ? `${d}/${m}/${y}` : `${m}/${y}`;
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

/**
 * Inserts one row (fields named as the query builder names them; undefined ones left out, as it leaves them) through
 * a statement prepared once per table and set of columns, on the call's connection: for the writes made once per
 * imported row, where building and compiling each statement anew was most of the work.
 */
export function insertRow(ctx: Pick<Ctx, 'sqlite'>, table: string, values: Record<string, unknown>): void {
  const keys = Object.keys(values).filter((k) => values[k] !== undefined);
  const text = `INSERT INTO ${table} (${keys.map(snakeCase).join(', ')}) VALUES (${keys.map(() => '?').join(', ')})`;
  prepared(ctx.sqlite, text).run(...keys.map((k) => values[k]));
}

/**
 * The columns a table has in this ledger, read once per connection (a ledger's columns do not change while it is
 * open: migrations run before).
 */
export function columnsOf(ctx: Pick<Ctx, 'sqlite'>, table: string): string[] {
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
export function readRows<T>(ctx: Ctx, query: RawBuilder<unknown>): T[] {
  const { sql: text, parameters } = query.compile(ctx.db);
  return prepared(ctx.sqlite, text).all(...parameters) as T[];
}

/** The same rows as arrays of their columns in order: tens of thousands of groups are read a good third quicker. */
export function readRawRows<T extends unknown[]>(ctx: Ctx, query: RawBuilder<unknown>): T[] {
  const { sql: text, parameters } = query.compile(ctx.db);
  const statement = prepared(ctx.sqlite, text);
  // The statement is shared (prepared once per text): it goes back to giving objects for its other users.
  try {
    return statement.raw(true).all(...parameters) as T[];
  } finally {
    statement.raw(false);
  }
}
