import { contextFor } from '../../db/core/context';
import { openLedger, type Ledger } from '../../db/core/open';
import { findPlace } from '../../db/places/match';

/** Runs `run` on the ledger in `file` (created if `create`), closed afterwards whatever happens. */
export async function withLedger<T>(
  file: string,
  create: boolean,
  site: string | undefined,
  run: (ledger: Ledger) => Promise<T>,
): Promise<T> {
  const ledger = await openLedger(file, { create, ...(site ? { siteName: site } : {}) });
  try {
    return await run(ledger);
  } finally {
    await ledger.close();
  }
}

/** The id of the place a --place names (its code or its name), among the units valid on `date` (null: any date). */
export function placeIdOf(ledger: Ledger, place: string, date: string | null): Promise<string> {
  return ledger.db.transaction().execute(async (trx) => (await findPlace(contextFor(ledger, trx), place, date)).id);
}
