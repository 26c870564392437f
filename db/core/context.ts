/** The context every ledger call runs in: its transaction's connection, who is writing, and when. */
import type BetterSqlite3 from 'better-sqlite3';
import type { LedgerAccess } from '../../contract/app';
import type { Kysely } from 'kysely';
import type { Ledger, Site, Tracking } from './ledger';
import type { DB } from './schema';
import { totalChanges } from './statements';

/** What every ledger operation receives: the (transactional) database, who is writing, and when. */
export interface Ctx {
  db: Kysely<DB>;
  /** The same connection, for bulk work with prepared statements (inside the same transaction). */
  sqlite: BetterSqlite3.Database;
  tracking: Tracking;
  site: Site;
  file: string;
  access: LedgerAccess;
  schemaVersion: number;
  /** One timestamp per contract call, so all rows a call writes share it. */
  now: string;
  /** A new record id (see `db/core/ids.ts`). */
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
    access: ledger.access,
    schemaVersion: ledger.schemaVersion,
    now: new Date(ledger.wallClock()).toISOString(),
    newId: ledger.newId,
    changesAtStart: totalChanges(ledger.sqlite),
  };
}
