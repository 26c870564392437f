/**
 * Answers read from the aid items, kept on the connection until what they were read from changes: the ledger counts
 * every change to its items, its donors and the sums of the lines in an item (`change_counts`, migration 0024, kept by
 * triggers whoever writes). A national ledger holds a hundred thousand items, read again after every pledge saved,
 * though most pledges change none of them.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Ctx } from '../core/context';
import { prepared, totalChanges } from '../core/statements';

/** The schema whose migration (0024) counts the changes. */
const COUNTED_SCHEMA = 24;

/** What an answer depends on: the tables whose changes are counted. */
export type Counted = 'aid_items' | 'donors' | 'item_line_totals';

const keptAnswers = new WeakMap<BetterSqlite3.Database, Map<string, { stamp: string; value: unknown }>>();

/**
 * `read()`'s answer, kept under `name` while the counts of `counted` (and `also`, anything else the answer depends on)
 * stay the same. Read afresh on a ledger of an earlier schema. Kept only from a call that has not written, whose view
 * a rollback cannot undo. The answer kept is given again as it is: callers do not change what they are given.
 */
export async function keptWhileUnchanged<T>(
  ctx: Ctx,
  name: string,
  counted: readonly Counted[],
  also: string,
  read: () => T | Promise<T>,
): Promise<T> {
  if (ctx.schemaVersion < COUNTED_SCHEMA) return read();
  const counts = prepared(
    ctx.sqlite,
    `SELECT group_concat(n, ':') FROM (SELECT n FROM change_counts WHERE name IN (SELECT value FROM json_each(?)) ORDER BY name)`,
  );
  const stamp = `${counts.pluck().get(JSON.stringify(counted))}|${also}`;
  let kept = keptAnswers.get(ctx.sqlite);
  if (!kept) {
    kept = new Map();
    keptAnswers.set(ctx.sqlite, kept);
  }
  const found = kept.get(name);
  if (found?.stamp === stamp) return found.value as T;
  const value = await read();
  if (totalChanges(ctx.sqlite) === ctx.changesAtStart) kept.set(name, { stamp, value });
  return value;
}
