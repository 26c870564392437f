/**
 * What a piece of work asks of SQLite on one connection, counted: the statements it runs (with their text and
 * parameters), the rows handed back to JavaScript, the statements it prepares, the transactions it commits. A count is
 * the same on an idle machine and a loaded one, so a bound on it holds where a bound on elapsed time would not.
 *
 * Every statement run through better-sqlite3 passes by its Statement methods; they are wrapped once per process, and
 * count only on connections with a meter running. Transactions made with the driver's own `transaction()` (which runs
 * its BEGIN and COMMIT natively) are not seen.
 */
import type BetterSqlite3 from 'better-sqlite3';

export interface StatementRun {
  sql: string;
  params: unknown[];
}

export interface Work {
  /** Statements run (an `exec` counts once, whatever it holds). */
  statements: number;
  /** Rows handed back by reads. */
  rows: number;
  /** Statements prepared. */
  prepared: number;
  /** Transactions committed by a COMMIT statement. */
  commits: number;
  /** Each statement run, in order, when the meter keeps them. */
  runs: StatementRun[];
}

interface Running {
  work: Work;
  keep: boolean;
}

const running = new Map<BetterSqlite3.Database, Set<Running>>();
let wrapped = false;

function noteRun(database: BetterSqlite3.Database, sql: string, params: unknown[]): void {
  for (const meter of running.get(database) ?? []) {
    meter.work.statements++;
    if (/^\s*(COMMIT|END)\b/i.test(sql)) meter.work.commits++;
    if (meter.keep) meter.work.runs.push({ sql, params });
  }
}

function noteRows(database: BetterSqlite3.Database, rows: number): void {
  for (const meter of running.get(database) ?? []) meter.work.rows += rows;
}

function wrapDriver(sqlite: BetterSqlite3.Database): void {
  if (wrapped) return;
  wrapped = true;
  type Method = (this: BetterSqlite3.Statement, ...params: unknown[]) => unknown;
  const statement = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<
    'run' | 'get' | 'all' | 'iterate',
    Method
  >;
  const database = Object.getPrototypeOf(sqlite) as Record<
    'prepare' | 'exec',
    (this: BetterSqlite3.Database, ...args: unknown[]) => unknown
  >;
  const rowsOf = {
    run: () => 0,
    get: (r: unknown) => (r === undefined ? 0 : 1),
    all: (r: unknown) => (r as []).length,
  };
  for (const name of ['run', 'get', 'all'] as const) {
    const original = statement[name];
    statement[name] = function (...params) {
      noteRun(this.database, this.source, params);
      const result = original.apply(this, params);
      noteRows(this.database, rowsOf[name](result));
      return result;
    };
  }
  const iterate = statement.iterate;
  statement.iterate = function (...params) {
    noteRun(this.database, this.source, params);
    // Run as the driver runs it (parameters bound at once), each row counted as it is taken.
    const rows = iterate.apply(this, params) as IterableIterator<unknown>;
    const database = this.database;
    const counted: IterableIterator<unknown> = {
      next: () => {
        const step = rows.next();
        if (!step.done) noteRows(database, 1);
        return step;
      },
      return: (value?: unknown) => rows.return?.(value) ?? { done: true, value },
      [Symbol.iterator]: () => counted,
    };
    return counted;
  };
  const { prepare, exec } = database;
  database.prepare = function (...args) {
    for (const meter of running.get(this) ?? []) meter.work.prepared++;
    return prepare.apply(this, args);
  };
  database.exec = function (...args) {
    noteRun(this, String(args[0]), []);
    return exec.apply(this, args);
  };
}

/** Counts what runs on `sqlite` until `stop()`; `keep` also records each statement and its parameters. */
export function startMeter(sqlite: BetterSqlite3.Database, options: { keep?: boolean } = {}): { stop(): Work } {
  wrapDriver(sqlite);
  const meter: Running = {
    work: { statements: 0, rows: 0, prepared: 0, commits: 0, runs: [] },
    keep: options.keep ?? false,
  };
  running.set(sqlite, (running.get(sqlite) ?? new Set()).add(meter));
  return {
    stop() {
      const meters = running.get(sqlite);
      meters?.delete(meter);
      if (meters?.size === 0) running.delete(sqlite);
      return meter.work;
    },
  };
}

/** Runs `work` with a meter on `sqlite`: its result and what it asked of the database. */
export async function metered<T>(
  sqlite: BetterSqlite3.Database,
  work: () => Promise<T>,
  options: { keep?: boolean } = {},
): Promise<{ result: T; work: Work }> {
  const meter = startMeter(sqlite, options);
  try {
    const result = await work();
    return { result, work: meter.stop() };
  } finally {
    // Stopping twice is harmless: a meter is stopped even when the work throws.
    meter.stop();
  }
}

export interface PlanStep {
  id: number;
  parent: number;
  /** "SCAN p USING COVERING INDEX pledges_date", "SEARCH d USING INDEX …", "USE TEMP B-TREE FOR ORDER BY", … */
  detail: string;
}

/** SQLite's plan for a statement as it was run (same text, same parameters): one step per line of EXPLAIN QUERY PLAN. */
export function queryPlan(sqlite: BetterSqlite3.Database, run: StatementRun): PlanStep[] {
  return sqlite.prepare(`EXPLAIN QUERY PLAN ${run.sql}`).all(...(run.params as never[])) as PlanStep[];
}
