/** This machine's clock against a ledger file as it is, read without opening it as a ledger (`check`). */
import BetterSqlite3 from 'better-sqlite3';
import type { ClockReading } from '../../contract/app';
import { newestVersion, readClock } from './clock-reading';

/** The reading of a ledger file as it is: no migration runs, nothing is written. */
export function readFileClock(file: string, nowMs: number): ClockReading {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return readClock(newestVersion(db), nowMs);
  } finally {
    db.close();
  }
}
