/**
 * The one contract between the UI (or CLI, or HTTP) and the ledger: every method as `area.verb`,
 * its input schema (validated at the boundary) and its result type. Each area declares its schemas, result types and
 * methods in `contract/<area>.ts`; this module merges them and derives the types every transport uses.
 */
import type { z } from 'zod';
import { appMethods } from './app';
import { backupMethods, HOST_METHODS } from './backups';
import { deletionMethods } from './deletions';
import { deliveryMethods } from './deliveries';
import { donorMethods } from './donors';
import type { Envelope } from './errors';
import { importMethods } from './imports';
import { itemMethods } from './items';
import { mergeAreas } from './method';
import { ngoMethods } from './ngo';
import { officeMethods } from './offices';
import { placeMethods } from './places';
import { pledgeMethods } from './pledges';
import { rateMethods } from './rates';
import { reportMethods } from './reports';
import { searchMethods } from './search';
import { settingsMethods } from './settings';
import { syncMethods } from './sync';
import { totalsMethods } from './totals';

export * from './app';
export * from './backups';
export * from './bundles';
export * from './deletions';
export * from './deliveries';
export * from './donors';
export * from './fields';
export * from './history';
export * from './imports';
export * from './items';
export * from './ngo';
export * from './ngo-io';
export * from './ngo-register';
export * from './offices';
export * from './places';
export * from './pledges';
export * from './rates';
export * from './reports';
export * from './search';
export * from './settings';
export * from './sync';
export * from './totals';
export * from './usd';
export { LedgerError } from './errors';
export type { Bilingual, Envelope, LedgerErrorCode, LedgerErrorShape } from './errors';

/** Every method, area by area. */
export const contract = mergeAreas(
  appMethods,
  settingsMethods,
  donorMethods,
  pledgeMethods,
  deliveryMethods,
  rateMethods,
  totalsMethods,
  importMethods,
  syncMethods,
  deletionMethods,
  backupMethods,
  placeMethods,
  reportMethods,
  itemMethods,
  officeMethods,
  searchMethods,
  ngoMethods,
);

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodResult<M extends Method> = Contract[M]['result'];

export const METHODS = Object.keys(contract) as Method[];

export type HostMethod = (typeof HOST_METHODS)[number];
export type LedgerMethod = Exclude<Method, HostMethod>;

export function isHostMethod(name: string): name is HostMethod {
  return (HOST_METHODS as readonly string[]).includes(name);
}

export function isMethod(name: string): name is Method {
  return Object.hasOwn(contract, name);
}

/** What the preload exposes as window.ledger: one function per method, answering an envelope. */
export type LedgerBridge = { [M in Method]: (input: MethodInput<M>) => Promise<Envelope<MethodResult<M>>> };

/** What the renderer holds: one async function per method. */
export type LedgerClient = { [M in Method]: (input: MethodInput<M>) => Promise<MethodResult<M>> };
