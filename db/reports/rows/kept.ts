/**
 * What a report gathers from the ledger, kept on the connection until the file changes: a quarter of a national ledger
 * lists tens of thousands of pledges and deliveries scattered through the file, and its preview is asked again as the
 * report screen is opened and its choices change back and forth.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Ctx } from '../../core/context';
import { totalChanges } from '../../core/statements';

/** How many answers are kept per connection: the period on view and the one before. */
const KEPT = 2;

const keptAnswers = new WeakMap<BetterSqlite3.Database, Map<string, { stamp: string; value: unknown }>>();

/**
 * `read()`'s answer for `key`, read again only when the file may have changed since it was kept: after a write on this
 * connection (its count of changed rows moves) or a commit by another (data_version moves). Kept only from a call that
 * has not written, whose view a rollback cannot undo. The answer kept is given again as it is: those who read it do
 * not change it.
 */
export async function keptUntilChanged<T>(ctx: Ctx, key: string, read: () => Promise<T>): Promise<T> {
  const changes = totalChanges(ctx.sqlite);
  const stamp = `${ctx.sqlite.pragma('data_version', { simple: true })}:${changes}`;
  let kept = keptAnswers.get(ctx.sqlite);
  if (!kept) {
    kept = new Map();
    keptAnswers.set(ctx.sqlite, kept);
  }
  const found = kept.get(key);
  if (found?.stamp === stamp) {
    // Used again: kept as the most recent (a Map keeps the order of insertion).
    kept.delete(key);
    kept.set(key, found);
    return found.value as T;
  }
  const value = await read();
  kept.delete(key);
  if (changes === ctx.changesAtStart) {
    kept.set(key, { stamp, value });
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
  }
  return value;
}
