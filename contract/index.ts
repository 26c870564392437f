/**
 * The one contract between the UI (or CLI, or HTTP) and the ledger: every method as `area.verb`,
 * its input schema (validated at the boundary) and its result type.
 */
import { z } from 'zod';
import type { Envelope } from './errors';
import { mergeAreas, method } from './method';
import { Id, IsoDate, isRealDate, Name, oneLine } from './fields';
export { Id, IsoDate, isRealDate, Name, oneLine, PLACE_LEVELS, type PlaceLevel } from './fields';
import { placeMethods } from './places';
import { closeMethods } from './close';
import { ColumnMapping, type ImportLayout } from './imports';
import { reportMethods } from './reports';
import { AID_MODALITIES, AID_STAGES, itemMethods, Sector, type StatutoryReport } from './items';
export { PlaceCreateInput, PlaceListInput, PlaceUpdateInput, ChooseProvinceInput } from './places';
export type { CatalogueProvince, Place, PlacesSetup } from './places';
export { ReportInput, ReportPeriodKey } from './reports';
export type { PledgeChangedSince, ReportPreview, SentReport, SinceLastReport } from './reports';
import { isCurrencyCode, MAX_AMOUNT_MINOR, QUANTITY_PATTERN, RATE_PATTERN } from './money';

export type { Envelope };

export const DONOR_KINDS = ['foreign_ngo', 'foundation', 'company', 'individual', 'domestic_intermediary'] as const;
export const PLEDGE_KINDS = ['house', 'gift', 'scholarship', 'cash', 'equipment', 'project', 'other'] as const;
export const PLEDGE_STATUSES = ['pledged', 'in_progress', 'completed', 'cancelled'] as const;
export const TOTALS_GROUPINGS = [
  'place',
  'donor',
  'kind',
  'quarter',
  'currency',
  'item',
  'sector',
  'modality',
  'stage',
] as const;
export const PLEDGE_SORT_KEYS = [
  'pledgeDate',
  'vndEquivalent',
  'donor',
  'place',
  'kind',
  'status',
  'updatedAt',
] as const;

export type DonorKind = (typeof DONOR_KINDS)[number];
export type PledgeKind = (typeof PLEDGE_KINDS)[number];
export type PledgeStatus = (typeof PLEDGE_STATUSES)[number];
export type TotalsGrouping = (typeof TOTALS_GROUPINGS)[number];
export type PledgeSortKey = (typeof PLEDGE_SORT_KEYS)[number];

// ---------- field schemas ----------

/** A rate's validity: a month (YYYY-MM) or a day (YYYY-MM-DD). */
export const RateValidOn = z
  .string()
  .regex(/^\d{4}-\d{2}(-\d{2})?$/)
  .refine(isRealDate, { message: 'not_a_date' });
export const Currency = z.string().trim().toUpperCase().refine(isCurrencyCode, { message: 'unknown_currency' });
export const AmountMinor = z.number().int().min(0).max(MAX_AMOUNT_MINOR);
export const Quantity = z.string().trim().regex(QUANTITY_PATTERN);
export const Rate = z
  .string()
  .trim()
  .regex(RATE_PATTERN)
  .refine((r) => !/^0+(\.0+)?$/.test(r), { message: 'zero_rate' });
const ShortText = z.string().trim().max(300).refine(oneLine, { message: 'control_character' });
const LongText = z.string().trim().max(4000);

// ---------- donors ----------

const donorFields = {
  name: Name,
  shortName: ShortText.nullish(),
  country: ShortText.nullish(),
  kind: z.enum(DONOR_KINDS),
  notes: LongText.nullish(),
};
export const DonorCreateInput = z.strictObject(donorFields);
export const DonorUpdateInput = z.strictObject({ id: Id, ...z.object(donorFields).partial().shape });
export const DonorListInput = z.strictObject({
  text: z.string().max(200).optional(),
  /** Donors merged into another are left out unless asked for. */
  includeMerged: z.boolean().optional(),
});
export const DonorMergeInput = z.strictObject({
  /** The donor recorded twice … */
  id: Id,
  /** … and the one its pledges count under from now on. */
  intoId: Id,
  note: LongText.nullish(),
});
export const IdInput = z.strictObject({ id: Id });

// ---------- pledges ----------

const pledgeFields = {
  donorId: Id,
  placeId: Id,
  kind: z.enum(PLEDGE_KINDS),
  description: z.string().trim().min(1).max(2000),
  quantity: Quantity.nullish(),
  unit: z.string().trim().max(50).nullish(),
  unitValueMinor: AmountMinor.nullish(),
  /** Omitted when quantity and unit value are given: it is then their product. */
  amountMinor: AmountMinor.nullish(),
  currency: Currency,
  /** VND per one unit of the currency; proposed from the rates table when omitted. */
  rate: Rate.nullish(),
  rateDate: IsoDate.nullish(),
  rateSource: ShortText.nullish(),
  pledgeDate: IsoDate,
  status: z.enum(PLEDGE_STATUSES).optional(),
  beneficiaries: z.number().int().min(0).max(1_000_000_000).nullish(),
  approvalNumber: z.string().trim().max(100).nullish(),
  approvalDate: IsoDate.nullish(),
  notes: LongText.nullish(),
  /** The aid item the line belongs to. */
  itemId: Id.nullish(),
};
export const PledgeCreateInput = z.strictObject(pledgeFields);
/**
 * An amendment changing any of these needs a reason (kept in the history and the report's "Điều chỉnh" sheet): what
 * was promised, to whom, by whom, where, and how far it has come.
 */
export const FIELDS_NEEDING_REASON = [
  'amountMinor',
  'unitValueMinor',
  'quantity',
  'currency',
  'rate',
  'donorId',
  'placeId',
  'kind',
  'status',
] as const;

/** The history note of a status the ledger changed itself, following the deliveries (shown in each language). */
export const AUTO_STATUS_NOTE = 'auto:status-follows-deliveries';

export const PledgeUpdateInput = z.strictObject({
  id: Id,
  /** Why the pledge changed (kept in its history); required when a field of FIELDS_NEEDING_REASON changes. */
  reason: ShortText.nullish(),
  ...z.object(pledgeFields).partial().shape,
});

export const PledgeFilter = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  /** A place and everything under it. */
  placeId: Id.optional(),
  /**
   * Places as they are on this date ("in today's units"): a former unit's pledges count under the unit it became, when
   * it became one; a former unit that became several stays a group of its own.
   */
  unitsOf: IsoDate.optional(),
  donorId: Id.optional(),
  kinds: z.array(z.enum(PLEDGE_KINDS)).max(PLEDGE_KINDS.length).optional(),
  statuses: z.array(z.enum(PLEDGE_STATUSES)).max(PLEDGE_STATUSES.length).optional(),
  currencies: z.array(Currency).max(50).optional(),
  /** Lines of one aid item; `withoutItem`: lines of none. */
  itemId: Id.optional(),
  withoutItem: z.boolean().optional(),
  /** Lines of the aid items of these sectors, modalities or stages. */
  sectors: z.array(Sector).max(50).optional(),
  modalities: z.array(z.enum(AID_MODALITIES)).max(AID_MODALITIES.length).optional(),
  stages: z.array(z.enum(AID_STAGES)).max(AID_STAGES.length).optional(),
  /** Words matched ignoring case and accents against description, donor, place, notes, approval number. */
  text: z.string().max(200).optional(),
});
export type PledgeFilter = z.output<typeof PledgeFilter>;

export const PledgeListInput = z.strictObject({
  filter: PledgeFilter.default({}),
  sort: z
    .strictObject({ by: z.enum(PLEDGE_SORT_KEYS), dir: z.enum(['asc', 'desc']) })
    .default({ by: 'pledgeDate', dir: 'desc' }),
  page: z
    .strictObject({ offset: z.number().int().min(0).max(100_000_000), limit: z.number().int().min(1).max(500) })
    .default({ offset: 0, limit: 100 }),
  /** Count every match too (a page scrolled into view needs no count: the first answer had it). */
  withTotal: z.boolean().default(true),
});

export const PledgeSummaryInput = z.strictObject({ filter: PledgeFilter.default({}) });

// ---------- deliveries ----------

const deliveryFields = {
  pledgeId: Id,
  deliveryDate: IsoDate,
  amountMinor: AmountMinor.nullish(),
  quantity: Quantity.nullish(),
  /** Must be the pledge's currency; taken from the pledge when omitted. */
  currency: Currency.optional(),
  rate: Rate.nullish(),
  rateDate: IsoDate.nullish(),
  rateSource: ShortText.nullish(),
  notes: LongText.nullish(),
};
export const DeliveryCreateInput = z.strictObject(deliveryFields);
const { pledgeId: _pledgeId, ...deliveryEditable } = deliveryFields;
export const DeliveryUpdateInput = z.strictObject({ id: Id, ...z.object(deliveryEditable).partial().shape });

// ---------- exchange rates ----------

export const RateListInput = z.strictObject({ currency: Currency.optional() });
export const RateSetInput = z.strictObject({
  currency: Currency,
  validOn: RateValidOn,
  rate: Rate,
  source: Name,
});
export const RateProposeInput = z.strictObject({ currency: Currency, date: IsoDate });

// ---------- totals ----------

export const TotalsInput = z.strictObject({
  by: z.enum(TOTALS_GROUPINGS),
  /** With by = place: one group per unit directly under this one (its own pledges form a group too). */
  rollUpUnder: Id.optional(),
  filter: PledgeFilter.default({}),
  in: z.enum(['VND', 'USD']).default('VND'),
  lang: z.enum(['vi', 'en']).default('vi'),
});

export const EmptyInput = z.strictObject({});

// ---------- reports ----------

// ---------- imports ----------

export const TemplateInput = z.strictObject({ placeId: Id });
export const ImportInput = z.strictObject({
  fileName: z.string().trim().min(1).max(260),
  /** The file's bytes, base64-encoded. */
  base64: z.string().max(40_000_000),
});

/** A spreadsheet to import, and the office it comes from. */
export const SpreadsheetImportInput = z.strictObject({
  ...ImportInput.shape,
  /**
   * The unit of the office that sent the file: place names are read as that unit's first (a commune name several
   * former districts had is the one in that district). Without it, a unit the letterhead names ("UBND HUYỆN BẢO LẠC").
   */
  placeId: Id.optional(),
  /** Columns the import cannot name, mapped by the user (remembered for the layout once the file is imported). */
  mapping: ColumnMapping.optional(),
});

// ---------- sync ----------

export const SITE_ROLES = ['province', 'district'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];
export const SyncExportInput = z.strictObject({ all: z.boolean().default(false) });
export const SyncResolveInput = z.strictObject({
  conflictId: Id,
  /** Keep the version now in the ledger, or put the other one back. */
  keep: z.enum(['kept', 'other']),
});

// ---------- settings ----------

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const SettingsUpdateInput = z.strictObject({
  /** Shown in report headers, e.g. "SỞ NGOẠI VỤ TỈNH CAO BẰNG". */
  departmentName: z.string().trim().max(200).optional(),
  /** This installation's name, recorded with every change it makes. */
  siteName: z.string().trim().min(1).max(100).refine(oneLine, { message: 'control_character' }).optional(),
  /** The person using this installation, recorded with every change they make. */
  userName: z.string().trim().min(1).max(100).refine(oneLine, { message: 'control_character' }).optional(),
  language: z.enum(LANGUAGES).optional(),
  siteRole: z.enum(SITE_ROLES).optional(),
  sitePlaceId: Id.nullable().optional(),
});

// ---------- results ----------

export interface AppInfo {
  name: string;
  version: string;
  schemaVersion: number;
  databasePath: string;
  site: { id: string; name: string };
  counts: { places: number; donors: number; pledges: number; deliveries: number; rates: number };
}

export interface ReportPeriod {
  key: string;
  kind: 'quarter' | 'half' | 'year';
  from: string;
  to: string;
  /** "QUÝ III NĂM 2022", "6 THÁNG CUỐI NĂM 2022", "NĂM 2022". */
  label: string;
  /** "Q3 2022", "second half of 2022", "2022". */
  labelEn: string;
}

/** Pledged and delivered values of one group, in VND. */
export interface ReportFigures {
  pledgedVnd: number;
  deliveredVnd: number;
  cumulativeDeliveredVnd: number;
  remainingVnd: number;
}

export interface ReportSummaryRow extends ReportFigures {
  kind: PledgeKind;
  kindLabel: string;
  placeName: string;
  /** Pledged in the period in original currencies other than VND, e.g. "10.000,00 USD". */
  original: string;
}

export interface ReportDonorRow extends ReportFigures {
  donor: string;
  country: string;
}

export interface ReportDetailRow {
  type: 'pledge' | 'delivery';
  date: string;
  donor: string;
  placeName: string;
  kindLabel: string;
  description: string;
  quantity: string | null;
  unit: string | null;
  amountMinor: number | null;
  currency: string;
  /** The amount as written in its currency ("10.000,00"). */
  amountText: string;
  rate: string;
  vnd: number;
  status: string;
}

export interface ReportChangeRow {
  date: string;
  donor: string;
  description: string;
  changes: string;
  reason: string;
  /** Who made the change: "Nguyễn Văn A — Sở Ngoại vụ, máy 2" (the installation alone for older changes). */
  by: string;
}

export interface Report {
  title: string;
  period: ReportPeriod;
  departmentName: string;
  /** The province the ledger serves ("Cao Bằng"; '' for a national ledger), and its type ("Tỉnh", "Thành phố"). */
  provinceName: string;
  provinceType: string;
  /** Whether the report covers the whole province (or country), not one unit of it. */
  wholeProvince: boolean;
  placeName: string;
  /** The date whose units the summary is grouped by, when not as recorded. */
  unitsOf: string | null;
  /** The aid items it covers, in words ("Lĩnh vực: Y tế"); '' when it covers every line. */
  scope: string;
  /** The day the report is dated (YYYY-MM-DD). */
  dated: string;
  summary: ReportSummaryRow[];
  summaryTotal: ReportFigures;
  donors: ReportDonorRow[];
  donorTotal: ReportFigures;
  pledges: ReportDetailRow[];
  deliveries: ReportDetailRow[];
  changes: ReportChangeRow[];
  /** The aid items of a 6-month or annual report of the whole province (Decree 80/2020, 313/2025). */
  statutory?: StatutoryReport | null;
}

export interface ExcelFile {
  fileName: string;
  base64: string;
}

export interface ImportIssue {
  /** The sheet's row number as the spreadsheet shows it (0 for the file as a whole). */
  row: number;
  /** The template's column header (in Vietnamese, as in the file). */
  column: string;
  message: string;
  /** The same message in English. */
  messageEn: string;
}

export interface ImportResult {
  added: number;
  skipped: number;
  errors: ImportIssue[];
  /** Donors created for rows that named a new donor with its country. */
  newDonors: string[];
  /** Aid items created for rows that named a new one (Tên khoản viện trợ). */
  newItems?: string[];
  dryRun: boolean;
  /** The office's unit the names were read with: the one chosen, or the one the file's letterhead names. */
  officePlace?: { id: string; name: string; from: 'chosen' | 'letterhead' } | null;
  /** How its header row was read (for the mapping step), when one was found or proposed. */
  layout?: ImportLayout;
}

export interface Settings {
  departmentName: string;
  siteName: string;
  /** '' until the person using this installation has given their name (the app asks at first run). */
  userName: string;
  siteId: string;
  language: Language;
  siteRole: SiteRole;
  /** The district or commune a district office works for. */
  sitePlaceId: string | null;
}

export interface MergeCounts {
  inserted: number;
  updated: number;
  unchanged: number;
  conflicts: number;
  deleted: number;
  /** Donors found twice (the same name entered at two offices) and merged into one. */
  donorsMerged: number;
}

export interface BundleFile extends ExcelFile {
  records: number;
}

export interface SyncConflict {
  id: string;
  entity: string;
  recordId: string;
  detectedAt: string;
  /** The version in the ledger and the other one, as stored (null: deleted). */
  kept: Record<string, unknown> | null;
  other: Record<string, unknown> | null;
  keptSite: string;
  otherSite: string;
}

export interface SyncLogEntry {
  at: string;
  direction: 'export' | 'import';
  siteName: string;
  fileName: string;
  counts: Record<string, number>;
}

/** What has been received from one installation, over all its bundles. */
export interface SyncPeerSummary {
  siteId: string;
  siteName: string;
  bundles: number;
  lastReceivedAt: string;
  inserted: number;
  updated: number;
  conflicts: number;
}

export interface SyncStatus {
  conflicts: SyncConflict[];
  log: SyncLogEntry[];
  /** Every installation a bundle was received from, the most recent first. */
  peers: SyncPeerSummary[];
  /** When this installation last made a bundle (null: never). */
  lastExportAt: string | null;
}

export interface Donor {
  id: string;
  name: string;
  shortName: string | null;
  country: string | null;
  kind: DonorKind;
  notes: string | null;
  /** Set when this donor was merged into another: its pledges count under that one. */
  mergedInto: string | null;
  /** Names of the donors merged into this one (searched and shown with it). */
  aliases: string[];
  /** Pledges of this donor and of the donors merged into it. */
  pledgeCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface Pledge {
  id: string;
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
  /** False while the status follows the deliveries (first delivery: in progress; all delivered: completed). */
  statusByUser: boolean;
  beneficiaries: number | null;
  approvalNumber: string | null;
  approvalDate: string | null;
  notes: string | null;
  /** The aid item (khoản viện trợ) the line belongs to; null for a line not yet attached to one. */
  itemId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface PledgeRow extends Pledge {
  donorName: string;
  donorShortName: string | null;
  placeName: string;
  deliveredAmountMinor: number;
  deliveredVnd: number;
  remainingAmountMinor: number;
}

export interface Delivery {
  id: string;
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
  createdAt: string;
  updatedAt: string;
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface HistoryEntry {
  id: string;
  at: string;
  action: 'create' | 'update' | 'delete';
  entity: 'pledge' | 'delivery' | 'aid_item';
  entityId: string;
  siteId: string;
  siteName: string;
  /** The person who made the change (null for changes made before installations knew their user). */
  userName: string | null;
  note: string | null;
  changes: FieldChange[];
}

export interface PledgeDetail {
  pledge: PledgeRow;
  deliveries: Delivery[];
  remaining: { amountMinor: number; quantity: string | null };
  history: HistoryEntry[];
}

/** Sums over every pledge a filter matches (cancelled ones counted but not added). */
export interface PledgeSummary {
  count: number;
  pledgedVnd: number;
  deliveredVnd: number;
  remainingVnd: number;
}

export interface PledgeList {
  rows: PledgeRow[];
  /** null when the call asked not to count. */
  total: number | null;
}

export interface ExchangeRate {
  id: string;
  currency: string;
  validOn: string;
  rate: string;
  source: string;
  createdAt: string;
  updatedAt: string;
}

export interface RateProposal {
  currency: string;
  rate: string;
  validOn: string;
  source: string;
}

export interface TotalsGroup {
  key: string;
  label: string;
  pledged: number;
  delivered: number;
  pledgeCount: number;
  /** Sum of the pledges' quantities (houses, packages, ...), exact decimal text. */
  quantity: string;
}

export interface TotalsResult {
  currency: 'VND' | 'USD';
  by: TotalsGrouping;
  groups: TotalsGroup[];
  total: { pledged: number; delivered: number; pledgeCount: number };
  /** In USD: amounts with no USD rate on or before their date, kept in VND so nothing vanishes. */
  unconverted?: { pledgedVnd: number; deliveredVnd: number; pledgeCount: number };
}

// ---------- backups ----------

export const BACKUP_KINDS = ['auto', 'manual', 'replaced'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

/** A backup is named, never addressed by path: only copies in the ledger's own backup folder can be restored. */
export const BackupRestoreInput = z.strictObject({
  name: z.string().regex(/^[^/\\\x00-\x1f]{1,200}-(auto|manual|replaced)-\d{8}T\d{6}Z\.sqlite$/),
});

export interface BackupEntry {
  /** File name inside the backup folder. */
  name: string;
  kind: BackupKind;
  /** When it was made (UTC, ISO). */
  at: string;
  bytes: number;
}

export interface BackupOverview {
  ledgerFile: string;
  folder: string;
  /** Newest first. */
  backups: BackupEntry[];
  /** Set when the ledger failed its check at start: what is wrong, and the newest backup that passes. */
  damaged: { problems: string[]; latestGood: string | null } | null;
}

export interface RestoreResult {
  restoredFrom: string;
  /** The name the replaced ledger is kept under in the backup folder (null when there was no file). */
  replacedKeptAs: string | null;
}

// ---------- the method table ----------

const coreMethods = {
  'app.info': method<AppInfo>()(EmptyInput),
  'settings.get': method<Settings>()(EmptyInput),
  'settings.update': method<Settings>()(SettingsUpdateInput),
  'donors.list': method<Donor[]>()(DonorListInput),
  'donors.create': method<Donor>()(DonorCreateInput),
  'donors.update': method<Donor>()(DonorUpdateInput),
  'donors.delete': method<{ id: string }>()(IdInput),
  'donors.merge': method<Donor>()(DonorMergeInput),
  'pledges.list': method<PledgeList>()(PledgeListInput),
  'pledges.summary': method<PledgeSummary>()(PledgeSummaryInput),
  'pledges.get': method<PledgeDetail>()(IdInput),
  'pledges.create': method<PledgeRow>()(PledgeCreateInput),
  'pledges.update': method<PledgeRow>()(PledgeUpdateInput),
  'pledges.delete': method<{ id: string }>()(IdInput),
  'deliveries.create': method<Delivery>()(DeliveryCreateInput),
  'deliveries.update': method<Delivery>()(DeliveryUpdateInput),
  'deliveries.delete': method<{ id: string }>()(IdInput),
  'rates.list': method<ExchangeRate[]>()(RateListInput),
  'rates.set': method<ExchangeRate>()(RateSetInput),
  'rates.propose': method<RateProposal | null>()(RateProposeInput),
  totals: method<TotalsResult>()(TotalsInput),
  'imports.template': method<ExcelFile>()(TemplateInput),
  'imports.preview': method<ImportResult>()(SpreadsheetImportInput),
  'imports.apply': method<ImportResult>()(SpreadsheetImportInput),
  'sync.export': method<BundleFile>()(SyncExportInput),
  'sync.preview': method<MergeCounts>()(ImportInput),
  'sync.import': method<MergeCounts>()(ImportInput),
  'sync.status': method<SyncStatus>()(EmptyInput),
  'sync.resolve': method<{ id: string }>()(SyncResolveInput),
  'backups.list': method<BackupOverview>()(EmptyInput),
  'backups.create': method<BackupEntry>()(EmptyInput),
  'backups.restore': method<RestoreResult>()(BackupRestoreInput),
} as const;

/** Every method, area by area (`contract/<area>.ts` declares an area's schemas and methods). */
export const contract = mergeAreas(
  mergeAreas(mergeAreas(mergeAreas(coreMethods, placeMethods), reportMethods), itemMethods),
  closeMethods,
);

export type Contract = typeof contract;
export type Method = keyof Contract;
export type MethodInput<M extends Method> = z.input<Contract[M]['input']>;
export type ParsedInput<M extends Method> = z.output<Contract[M]['input']>;
export type MethodResult<M extends Method> = Contract[M]['result'];

export const METHODS = Object.keys(contract) as Method[];

/**
 * Methods answered by the app around the ledger rather than inside one of its transactions: they copy, check and
 * replace the ledger file itself, and still answer when the ledger failed its check at start.
 */
export const HOST_METHODS = ['backups.list', 'backups.create', 'backups.restore'] as const satisfies readonly Method[];
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

export { LedgerError } from './errors';
export type { LedgerErrorShape, LedgerErrorCode, Bilingual } from './errors';
