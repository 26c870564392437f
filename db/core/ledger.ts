/** An open ledger as the rest of the core receives it (`db/core/open.ts` opens one): its connection, change tracking and identity. */
import type BetterSqlite3 from 'better-sqlite3';
import type { ClockReading, LedgerAccess } from '../../contract/app';
import type { Kysely } from 'kysely';
import type { IdSource } from './ids';
import type { DB } from './schema';
import type { HybridClock } from '../sync/clock';

export interface Site {
  id: string;
  name: string;
  /** The person using this installation (asked at first run; Cài đặt changes it); '' until given. */
  userName: string;
}

/** Change tracking state of one open ledger: its clock, and whether a bundle is being applied. */
export interface Tracking {
  clock: HybridClock;
  /** While true the tracking triggers stand aside: merged rows keep the versions they came with. */
  applying: boolean;
  /** While true the totals triggers log changes for one fold at the end of a bulk write (`db/totals-bulk.ts`). */
  totalsDeferred: boolean;
  /** While a bulk write runs: the pledges whose search text it sets once at its end, instead of one by one. */
  searchTextDeferred: string[] | null;
}

export interface Ledger {
  tracking: Tracking;
  file: string;
  /** Open for writing (readOnly null), or read-only and why. */
  access: LedgerAccess;
  sqlite: BetterSqlite3.Database;
  db: Kysely<DB>;
  site: Site;
  schemaVersion: number;
  /** New record ids (random UUIDs unless a seeded source was given). */
  newId: IdSource;
  /** Milliseconds since the epoch: the times rows are stamped with and the change clock both read it. */
  wallClock: () => number;
  /** This machine's clock against the newest change in the file, when it was opened (`db/sync/clock-reading.ts`). */
  clockAtOpen: ClockReading;
  close(): Promise<void>;
}
