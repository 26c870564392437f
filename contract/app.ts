/** The app area of the contract: what the app and its ledger are (name, version, schema, file, counts). */
import { EmptyInput } from './fields';
import { method } from './method';

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  databasePath: string;
  site: { id: string; name: string };
  counts: { places: number; donors: number; pledges: number; deliveries: number; rates: number };
}

export const appMethods = {
  'app.info': method<AppInfo>()(EmptyInput),
} as const;
