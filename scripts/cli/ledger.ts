import { contextFor } from '../../db/core/context';
import { decideAccess, ReadOnlyError } from '../../db/core/access';
import { openLedger, type Ledger } from '../../db/core/open';
import { findPlace } from '../../db/places/match';

/**
 * Runs `run` on the ledger in `file` (created if `create`), closed afterwards whatever happens. A command that writes
 * (`use` 'write') holds the ledger's writer lock while it runs, and is refused when the ledger is read-only here (held by
 * another program, on a network drive or a synced folder, on read-only media: `ReadOnlyError`); a command that only
 * reads opens such a ledger read-only, saying so on stderr.
 */
export async function withLedger<T>(
  file: string,
  create: boolean,
  site: string | undefined,
  run: (ledger: Ledger) => Promise<T>,
  use: 'write' | 'read' = 'write',
): Promise<T> {
  const access = decideAccess(file);
  try {
    const readOnly = access.access.readOnly;
    if (readOnly && use === 'write') throw new ReadOnlyError(readOnly);
    if (readOnly) process.stderr.write(`Chỉ xem: ${readOnly.message.vi}\nRead-only: ${readOnly.message.en}\n`);
    const notice = access.access.notice;
    if (notice) process.stderr.write(`${notice.vi}\n${notice.en}\n`);
    const ledger = readOnly
      ? await openLedger(access.openFile, { readOnly, knownAs: file })
      : await openLedger(file, { create, notice, ...(site ? { siteName: site } : {}) });
    try {
      return await run(ledger);
    } finally {
      await ledger.close();
    }
  } finally {
    access.release();
  }
}

/** Runs `work` holding the ledger's writer lock (for work on the file itself, such as a restore). */
export async function withWriterLock<T>(file: string, work: () => T | Promise<T>): Promise<T> {
  const access = decideAccess(file);
  try {
    if (access.access.readOnly) throw new ReadOnlyError(access.access.readOnly);
    if (access.access.notice) process.stderr.write(`${access.access.notice.vi}\n${access.access.notice.en}\n`);
    return await work();
  } finally {
    access.release();
  }
}

/** The id of the place a --place names (its code or its name), among the units valid on `date` (null: any date). */
export function placeIdOf(ledger: Ledger, place: string, date: string | null): Promise<string> {
  return ledger.db.transaction().execute(async (trx) => (await findPlace(contextFor(ledger, trx), place, date)).id);
}
