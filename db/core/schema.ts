/**
 * Kysely's view of the ledger tables. Columns are snake_case in SQLite and camelCase here
 * (CamelCasePlugin translates). Every row has a UUID id and created/updated times so rows
 * from several installations can be merged.
 */
import type { Generated } from 'kysely';
import type { Delivery, Donor, ExchangeRate, Place, Pledge } from '../../contract';
import type { AidItem, AidStage } from '../../contract/items';
import type { CertificateKind, CertificateStatus, WarningSubject } from '../../contract/ngo';

interface Stamped {
  id: string;
  createdAt: string;
  updatedAt: string;
}

// Stored rows are the contract's records plus the columns only the database needs.

export interface PlacesTable extends Omit<Place, 'successorIds' | 'displayName'> {
  nameFolded: string;
}

export interface PlaceSuccessorsTable extends Stamped {
  placeId: string;
  successorId: string;
  /** 1: the successor took part of the unit (it was split between several); 0: all of it. */
  partial: Generated<number>;
}

export interface DonorsTable extends Omit<Donor, 'pledgeCount' | 'aliases'> {
  /** Folded name: unique among donors not merged, so "Tổ chức Tzu Chi" and "to chuc tzu chi" are one donor. */
  nameKey: string;
}

/** Quantities are stored as integer thousandths ("2.5" -> 2500) so sums are exact in SQL. */
interface StoredQuantity {
  quantityMilli: number | null;
}

export interface PledgesTable
  extends Omit<Pledge, 'quantity' | 'statusByUser' | 'itemId' | 'todayPlaceId' | 'recipient' | 'village'>,
    StoredQuantity {
  /** Set by items.attach (migration 0012). */
  itemId: Generated<string | null>;
  /** "Nay thuộc" (migration 0020). */
  todayPlaceId: Generated<string | null>;
  /** Who received it, and their village (migration 0021). */
  recipient: Generated<string | null>;
  village: Generated<string | null>;
  /** 1 once a person set the status; 0 while it follows the deliveries. */
  statusByUser: Generated<number>;
  /** Folded words of the pledge, its donor and its place, kept in step on every write. */
  searchText: Generated<string>;
}

export interface DeliveriesTable extends Omit<Delivery, 'quantity' | 'recipient' | 'village'>, StoredQuantity {
  /** Who received it, and their village (migration 0021). */
  recipient: Generated<string | null>;
  village: Generated<string | null>;
}

export type ExchangeRatesTable = ExchangeRate;

export interface AidItemsTable
  extends Omit<
    AidItem,
    | 'donorName'
    | 'coDonorIds'
    | 'placeIds'
    | 'todayPlaceIds'
    | 'budgetRevenue'
    | 'lineCount'
    | 'committedVnd'
    | 'disbursedVnd'
  > {
  nameFolded: string;
  /** JSON lists of ids. */
  coDonorIds: string;
  placeIds: string;
  /** JSON object: place id → its "nay thuộc" successor (migration 0020). */
  todayPlaceIds: string;
  budgetRevenue: number;
}

export interface AidItemStagesTable extends Stamped {
  itemId: string;
  stage: AidStage;
  onDate: string;
  document: string | null;
  note: string | null;
}

// The NGO registry (migration 0025): lists are stored as JSON text.
export interface NgoProfilesTable extends Stamped {
  donorId: string;
  homeCountry: string | null;
  homeRegistration: string | null;
  homeRegistrationUntil: string | null;
  officeAddress: string | null;
  officeCity: string | null;
  headName: string | null;
  notes: string | null;
}

export interface NgoCertificatesTable extends Stamped {
  donorId: string;
  kind: CertificateKind;
  number: string;
  issuedBy: string;
  issuedOn: string;
  validUntil: string;
  status: CertificateStatus;
  decisionNumber: string | null;
  decisionDate: string | null;
  /** JSON list of catalogue province codes. */
  provinces: string;
  /** JSON list of sector keys. */
  fields: string;
  officeCity: string | null;
  notes: string | null;
}

export interface NgoContactsTable extends Stamped {
  donorId: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export interface NgoPlansTable extends Stamped {
  donorId: string;
  certificateId: string | null;
  receivedOn: string;
  periodFrom: string | null;
  periodTo: string | null;
  /** JSON list of place ids. */
  placeIds: string;
  summary: string | null;
}

export interface NgoYearReportsTable extends Stamped {
  donorId: string;
  year: number;
  receivedOn: string;
  notes: string | null;
}

export interface NgoAcknowledgementsTable extends Stamped {
  subject: WarningSubject;
  subjectId: string;
  reason: string;
  at: string;
  userName: string | null;
  siteName: string | null;
}

export interface NgoHolidaysTable {
  date: string;
  name: string;
}

export interface AuditLogTable {
  id: string;
  at: string;
  siteId: string;
  action: 'create' | 'update' | 'delete';
  entity:
    | 'place'
    | 'place_successor'
    | 'donor'
    | 'pledge'
    | 'delivery'
    | 'exchange_rate'
    | 'aid_item'
    | 'aid_item_stage'
    | 'ngo_profile'
    | 'ngo_certificate'
    | 'ngo_contact'
    | 'ngo_plan'
    | 'ngo_year_report'
    | 'ngo_acknowledgement';
  entityId: string;
  /** The pledge a delivery belongs to, so a pledge's history includes its deliveries. */
  parentId: string | null;
  before: string | null;
  after: string | null;
  note: string | null;
  /** The person using the installation, and the installation's name, when the change was made. */
  userName: string | null;
  siteName: string | null;
  /** The exchange log's entry of the bundle a merged change came in (null: made here); migration 0018. */
  receivedIn: string | null;
}

export interface ImportLayoutsTable {
  /** A header row's signature: its non-empty headers, folded, in order. */
  layoutKey: string;
  /** JSON: the headers as written. */
  headers: string;
  /** JSON: header as written → field key, or 'ignore'. */
  mapping: string;
  fileName: string;
  savedAt: string;
}

export interface ReportsSentTable {
  id: string;
  period: string;
  placeId: string | null;
  placeName: string | null;
  madeAt: string;
  userName: string | null;
  siteName: string;
  fileName: string;
  /** JSON of the report's totals (`ReportTotals`). */
  totals: string;
  pledgeCount: number;
  file: Buffer;
  /** The aid items the report covered (JSON of `ItemScope`); null for every line. */
  itemScope: string | null;
  /** The rule its period's dates were cut by: 'calendar' or 'statutory' (Decree 09/2019, Art. 12). */
  cutoff: string;
}

/** An office this ledger knows (migration 0016): accepted from its card, or recorded without a key. */
export interface OfficesTable {
  siteId: string;
  name: string;
  role: 'province' | 'district';
  placeId: string | null;
  /** Ed25519, SPKI DER, base64; null for an office on an earlier release. */
  publicKey: string | null;
  code: string | null;
  /** The card as accepted (JSON). */
  card: string | null;
  acceptedAt: string;
  acceptedBy: string;
  revokedAt: string | null;
  revokedBy: string | null;
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

export interface ImportedRowsTable {
  key: string;
  pledgeId: string;
  /** The delivery a receipt row recorded (migration 0021); null: the row recorded a pledge. */
  deliveryId: Generated<string | null>;
  fileName: string;
  importedAt: string;
}

export interface DB {
  importedRows: ImportedRowsTable;
  places: PlacesTable;
  placeSuccessors: PlaceSuccessorsTable;
  donors: DonorsTable;
  pledges: PledgesTable;
  deliveries: DeliveriesTable;
  exchangeRates: ExchangeRatesTable;
  aidItems: AidItemsTable;
  aidItemStages: AidItemStagesTable;
  ngoProfiles: NgoProfilesTable;
  ngoCertificates: NgoCertificatesTable;
  ngoContacts: NgoContactsTable;
  ngoPlans: NgoPlansTable;
  ngoYearReports: NgoYearReportsTable;
  ngoAcknowledgements: NgoAcknowledgementsTable;
  ngoHolidays: NgoHolidaysTable;
  auditLog: AuditLogTable;
  reportsSent: ReportsSentTable;
  importLayouts: ImportLayoutsTable;
  offices: OfficesTable;
  settings: SettingsTable;
  schemaMigrations: SchemaMigrationsTable;
}
