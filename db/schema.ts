/**
 * Kysely's view of the ledger tables. Columns are snake_case in SQLite and camelCase here
 * (CamelCasePlugin translates). Every row has a UUID id and created/updated times so rows
 * from several installations can be merged.
 */
import type { Generated } from 'kysely';
import type { DonorKind, PlaceLevel, PledgeKind, PledgeStatus } from '../contract';

interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
}

export interface PlacesTable extends Stamped {
  name: string;
  nameFolded: string;
  level: PlaceLevel;
  parentId: string | null;
  code: string | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface PlaceSuccessorsTable extends Stamped {
  placeId: string;
  successorId: string;
}

export interface DonorsTable extends Stamped {
  name: string;
  /** Folded name: unique, so "Tổ chức Tzu Chi" and "to chuc tzu chi" are one donor. */
  nameKey: string;
  shortName: string | null;
  country: string | null;
  kind: DonorKind;
  notes: string | null;
}

export interface PledgesTable extends Stamped {
  donorId: string;
  placeId: string;
  kind: PledgeKind;
  description: string;
  quantity: string | null;
  unit: string | null;
  unitValueMinor: number | null;
  amountMinor: number;
  currency: string;
  rate: string;
  rateDate: string | null;
  rateSource: string | null;
  vndEquivalent: number;
  pledgeDate: string;
  status: PledgeStatus;
  beneficiaries: number | null;
  approvalNumber: string | null;
  approvalDate: string | null;
  notes: string | null;
  /** Folded words of the pledge, its donor and its place, kept in step on every write. */
  searchText: Generated<string>;
}

export interface DeliveriesTable extends Stamped {
  pledgeId: string;
  deliveryDate: string;
  amountMinor: number | null;
  quantity: string | null;
  currency: string;
  rate: string;
  rateDate: string | null;
  rateSource: string | null;
  vndEquivalent: number;
  notes: string | null;
}

export interface ExchangeRatesTable extends Stamped {
  currency: string;
  validOn: string;
  rate: string;
  source: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  siteId: string;
  action: 'create' | 'update' | 'delete';
  entity: 'place' | 'donor' | 'pledge' | 'delivery' | 'exchange_rate';
  entityId: string;
  /** The pledge a delivery belongs to, so a pledge's history includes its deliveries. */
  parentId: string | null;
  before: string | null;
  after: string | null;
  note: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updatedAt: string;
}

export interface SchemaMigrationsTable {
  name: string;
  appliedAt: string;
}

export interface DB {
  places: PlacesTable;
  placeSuccessors: PlaceSuccessorsTable;
  donors: DonorsTable;
  pledges: PledgesTable;
  deliveries: DeliveriesTable;
  exchangeRates: ExchangeRatesTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
  schemaMigrations: SchemaMigrationsTable;
}
