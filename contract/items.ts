/**
 * The aid items area of the contract: the *khoản viện trợ* the law approves and departments count — a programme, a
 * project or non-project aid — with its sector, bodies, approval, stages and the pledge lines that belong to it;
 * the deadlines the law sets for it; and the statutory summary (items, NGOs, committed and disbursed).
 */
import { z } from 'zod';
import type { RegistryReportPart } from './ngo-register';
import {
  AmountMinor,
  Currency,
  EmptyInput,
  Id,
  IdInput,
  IsoDate,
  LongText,
  Name,
  oneLine,
  ReportCutoffInput,
  ShortText,
} from './fields';
import type { HistoryEntry } from './history';
import { method } from './method';
import type { UnconvertedInUsd, UnconvertedLines } from './usd';

export const AID_MODALITIES = ['programme', 'project', 'non_project'] as const;
export type AidModality = (typeof AID_MODALITIES)[number];

/** The sectors of provincial reports; a department may use others, which then join the list. */
export const STANDARD_SECTORS = [
  'health',
  'education',
  'social',
  'socioeconomic',
  'agriculture',
  'environment',
  'other',
] as const;
export type StandardSector = (typeof STANDARD_SECTORS)[number];

/** An item's course, in order; `rejected` and `revoked` end it early. */
export const AID_STAGES = [
  'proposed',
  'appraised',
  'approved',
  'implementing',
  'ended',
  'settled',
  'rejected',
  'revoked',
] as const;
export type AidStage = (typeof AID_STAGES)[number];

/** Where each stage may go next (any later stage of the course, or out of it before the work begins). */
export const NEXT_STAGES: Record<AidStage, readonly AidStage[]> = {
  proposed: ['appraised', 'approved', 'rejected'],
  appraised: ['approved', 'rejected'],
  approved: ['implementing', 'ended', 'revoked'],
  implementing: ['ended', 'settled'],
  ended: ['settled'],
  settled: [],
  rejected: [],
  revoked: [],
};

/** A standard sector's key, or a department's own sector by its name. */
export const Sector = z.string().trim().min(1).max(100).refine(oneLine, { message: 'control_character' });

/** Lines chosen by what their aid items are: of these sectors, modalities or stages (a filter, and a report's scope). */
export const itemScopeFields = {
  sectors: z.array(Sector).max(50).optional(),
  modalities: z.array(z.enum(AID_MODALITIES)).max(AID_MODALITIES.length).optional(),
  stages: z.array(z.enum(AID_STAGES)).max(AID_STAGES.length).optional(),
};
export interface ItemScope {
  sectors?: string[] | undefined;
  modalities?: AidModality[] | undefined;
  stages?: AidStage[] | undefined;
}

const itemFields = {
  name: Name,
  modality: z.enum(AID_MODALITIES),
  sector: Sector,
  donorId: Id,
  coDonorIds: z.array(Id).max(50).optional(),
  /** Cơ quan chủ quản (for local aid, the provincial People's Committee). */
  governingBody: ShortText.nullish(),
  /** Chủ khoản viện trợ (a commune People's Committee, a provincial department). */
  aidOwner: ShortText.nullish(),
  placeIds: z.array(Id).max(500).optional(),
  /**
   * "Nay thuộc" (today in) of those of its places that are former units become several: place id → the successor the
   * aid went to. Each key is one of `placeIds`; changing the places drops the entries of places taken out.
   */
  todayPlaceIds: z
    .record(Id, Id)
    .refine((map) => Object.keys(map).length <= 500, { message: 'too_big' })
    .optional(),
  startDate: IsoDate.nullish(),
  endDate: IsoDate.nullish(),
  valueMinor: AmountMinor.nullish(),
  valueCurrency: Currency.nullish(),
  counterpartMinor: AmountMinor.nullish(),
  counterpartCurrency: Currency.nullish(),
  /** Whether the aid is counted as state budget revenue. */
  budgetRevenue: z.boolean().optional(),
  approvalNumber: ShortText.nullish(),
  approvalDate: IsoDate.nullish(),
  approvedBy: ShortText.nullish(),
  notes: LongText.nullish(),
};
export const AidItemCreateInput = z.strictObject({
  ...itemFields,
  /** The stage it enters the ledger at (default: proposed), dated `stageDate` (default: today). */
  stage: z.enum(AID_STAGES).optional(),
  stageDate: IsoDate.optional(),
});
export const AidItemUpdateInput = z.strictObject({
  id: Id,
  reason: ShortText.nullish(),
  ...z.object(itemFields).partial().shape,
});
export const AidItemStageInput = z.strictObject({
  id: Id,
  stage: z.enum(AID_STAGES),
  /** When the stage was reached (the decision's or the handover's date). */
  date: IsoDate,
  /** The document that moved it: a decision's number, a minute, a report. */
  document: ShortText.nullish(),
  note: ShortText.nullish(),
});
export const AidItemAttachInput = z.strictObject({
  /** The item the lines go into; null takes them out of any item. */
  itemId: Id.nullable(),
  pledgeIds: z.array(Id).min(1).max(10_000),
});
export const AidItemListInput = z.strictObject({
  text: z.string().max(200).optional(),
  modalities: z.array(z.enum(AID_MODALITIES)).max(AID_MODALITIES.length).optional(),
  sectors: z.array(Sector).max(50).optional(),
  stages: z.array(z.enum(AID_STAGES)).max(AID_STAGES.length).optional(),
});
export const DeadlinesInput = z.strictObject({ today: IsoDate.optional() });
export const SummaryInput = z.strictObject({
  year: z.number().int().min(1990).max(2200),
  half: z.enum(['H1', 'H2']).optional(),
  /** The department's default (Cài đặt) when omitted. */
  cutoff: ReportCutoffInput.optional(),
  lang: z.enum(['vi', 'en']).default('vi'),
});

export interface AidItem {
  id: string;
  name: string;
  modality: AidModality;
  /** A standard sector's key, or the department's own sector name. */
  sector: string;
  donorId: string;
  donorName: string;
  coDonorIds: string[];
  governingBody: string | null;
  aidOwner: string | null;
  placeIds: string[];
  /** "Nay thuộc" of its split former places: place id → successor (see `itemFields`). */
  todayPlaceIds: Record<string, string>;
  startDate: string | null;
  endDate: string | null;
  valueMinor: number | null;
  valueCurrency: string | null;
  counterpartMinor: number | null;
  counterpartCurrency: string | null;
  budgetRevenue: boolean;
  approvalNumber: string | null;
  approvalDate: string | null;
  approvedBy: string | null;
  stage: AidStage;
  stageDate: string;
  notes: string | null;
  /** Its pledge lines and their VND equivalents. */
  lineCount: number;
  committedVnd: number;
  disbursedVnd: number;
  createdAt: string;
  updatedAt: string;
}

export interface AidStageChange {
  id: string;
  stage: AidStage;
  date: string;
  document: string | null;
  note: string | null;
  createdAt: string;
}

export interface AidItemDetail {
  item: AidItem;
  stages: AidStageChange[];
  /** Ids of its pledge lines (read with pledges.get). */
  pledgeIds: string[];
  /** Its changes and stages, oldest first (who, when, why). */
  history: HistoryEntry[];
}

export type DeadlineKind = 'start_or_revoke' | 'end_report' | 'annual_report';

/** Something the law requires by a date. */
export interface Deadline {
  kind: DeadlineKind;
  /** The item concerned (null for the department's annual report). */
  itemId: string | null;
  itemName: string | null;
  /** The year an annual report covers. */
  year: number | null;
  dueOn: string;
  overdue: boolean;
}

export interface Deadlines {
  today: string;
  counts: Record<DeadlineKind, number>;
  overdue: number;
  items: Deadline[];
}

/** A sum in VND and in USD; the USD one is the sum of its lines converted one by one, in cents (see `db/usd.ts`). */
export interface CurrencyPair {
  VND: number;
  USD: number;
}

export interface StatutorySummary {
  period: { from: string; to: string };
  items: { programme: number; project: number; nonProject: number };
  /** Pledge lines of the period that belong to no item. */
  linesWithoutItem: number;
  donors: number;
  committed: CurrencyPair;
  disbursed: CurrencyPair;
  bySector: { sector: string; items: number; committed: CurrencyPair; disbursed: CurrencyPair }[];
  /** Sums left out of USD figures for want of a rate (in VND). */
  unconvertedVnd: { committed: number; disbursed: number };
  /** The lines left out of USD figures for want of a USD rate on or before their date, and their months. */
  unconverted: UnconvertedInUsd;
  /** The paragraph departments write. */
  paragraph: string;
}

/** How many items stand at each stage, in each sector and modality, and from how many NGOs (the dashboard's tiles). */
export interface ItemsOverview {
  items: number;
  byStage: { stage: AidStage; items: number }[];
  bySector: { sector: string; items: number }[];
  byModality: { modality: AidModality; items: number }[];
  /** Distinct donors of the items, co-donors included (merged donors as the one kept). */
  donors: number;
  /** Pledge lines in no item. */
  linesWithoutItem: number;
}

/** An item as the statutory report lists it. */
export interface StatutoryItemRow {
  name: string;
  modality: string;
  sector: string;
  donor: string;
  country: string;
  approvalNumber: string | null;
  approvalDate: string | null;
  stage: string;
  /** Its value as approved, in its currency (null: not stated). */
  valueMinor: number | null;
  valueCurrency: string | null;
  /** Its lines pledged, and the deliveries made on them, in the period (VND). */
  committedVnd: number;
  disbursedVnd: number;
}

export interface StatutoryGroupRow {
  label: string;
  items: number;
  committed: CurrencyPair;
  disbursed: CurrencyPair;
  /** Its lines left out of its USD figures for want of a rate (none: every line converted). */
  unconverted?: UnconvertedLines;
}

/** What the 6-month and annual report adds about aid items: the paragraph, the tables and the list. */
export interface StatutoryReport {
  summary: StatutorySummary;
  bySector: StatutoryGroupRow[];
  byModality: StatutoryGroupRow[];
  byCountry: StatutoryGroupRow[];
  items: StatutoryItemRow[];
  /** The foreign NGOs registered for the province in the period (its sheet "Tổ chức PCPNN"). */
  ngos?: RegistryReportPart;
}

export const itemMethods = {
  'items.list': method<AidItem[]>()(AidItemListInput),
  'items.get': method<AidItemDetail>()(IdInput),
  'items.create': method<AidItem>()(AidItemCreateInput),
  'items.update': method<AidItem>()(AidItemUpdateInput),
  /** Deletes an item with its stages (refused while pledge lines belong to it); undone from "Đã xóa". */
  'items.delete': method<{ id: string }>()(IdInput),
  /** Moves an item to its next stage, dated and with its document; kept in its history. */
  'items.stage': method<AidItem>()(AidItemStageInput),
  /** Puts pledge lines into an item (or takes them out). */
  'items.attach': method<{ moved: number }>()(AidItemAttachInput),
  /** The sectors in use: the standard ones, then the department's own. */
  'items.sectors': method<string[]>()(EmptyInput),
  'items.deadlines': method<Deadlines>()(DeadlinesInput),
  'items.overview': method<ItemsOverview>()(EmptyInput),
  'items.summary': method<StatutorySummary>()(SummaryInput),
} as const;
