/**
 * The app area of the contract: what the app and its ledger are (name, version, schema, file, counts), and whether
 * this machine's clock agrees with the ledger.
 */
import { EmptyInput } from './fields';
import { method } from './method';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  databasePath: string;
  site: { id: string; name: string };
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
