/**
 * The app area of the contract: what the app and its ledger are (name, version, schema, file, counts), and whether
 * this machine's clock agrees with the ledger.
 */
import type { Bilingual } from './errors';
import { EmptyInput } from './fields';
import { method } from './method';

/** Why the ledger is open read-only here. */
export type ReadOnlyKind = 'in_use' | 'network' | 'cloud' | 'read_only';

export interface ReadOnlyReason {
  kind: ReadOnlyKind;
  message: Bilingual;
  /** Who holds the ledger for writing (kind `in_use`). */
  holder: { host: string; user: string; since: string } | null;
  /** The ledger can be copied to this computer and worked on there (`backups.relocate`). */
  canCopyHere: boolean;
}

/** How the ledger is open: for writing (readOnly null) or read-only and why; a notice to show once (a lock taken over). */
export interface LedgerAccess {
  readOnly: ReadOnlyReason | null;
  notice: Bilingual | null;
}

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  databasePath: string;
  site: { id: string; name: string };
  access: LedgerAccess;
  counts: { places: number; donors: number; pledges: number; deliveries: number; rates: number };
  clock: ClockReading;
}

/** This machine's clock against the newest change the ledger holds. */
export interface ClockReading {
  /**
   * `behind`: the newest change is more than a day ahead of this machine's clock (its date set back, or changes made
   * by a clock set ahead); `ahead`: this machine's date is past 2100, or more than a year past the newest change.
   */
  state: 'ok' | 'behind' | 'ahead';
  /** This machine's clock when it was read. */
  machineAt: string;
  /** When the newest change was made, by the clock that made it (null: none yet). */
  newestChangeAt: string | null;
}

export const appMethods = {
  'app.info': method<AppInfo>()(EmptyInput),
} as const;
