/**
 * Undoing part of a call's writes: its own transaction when it has written nothing yet, or a savepoint. The change
 * clock goes back with them: versions seen in writes that are undone (a merge refused or previewed) move nothing.
 */
import type { Ctx } from './context';
import { totalChanges } from './statements';

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
    const clock = ctx.tracking.clock.checkpoint();
    return {
      undo: async () => {
        // SQLite has rolled back itself after a disk error: nothing is left to undo.
        if (ctx.sqlite.inTransaction) ctx.sqlite.exec('ROLLBACK');
        ctx.sqlite.exec('BEGIN');
        ctx.tracking.clock.rewind(clock);
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
  const clock = ctx.tracking.clock.checkpoint();
  return {
    undo: async () => {
      ctx.sqlite.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      ctx.tracking.clock.rewind(clock);
    },
    keep: async () => {
      ctx.sqlite.exec(`RELEASE SAVEPOINT ${name}`);
    },
  };
}
