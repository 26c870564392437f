/**
 * The search area of the contract: one box that finds pledges, aid items, donors, places and report periods at once,
 * case and accents aside, every word typed found (in any order). The answer is grouped by kind, best group first, a
 * few of each kind with how many there are in all.
 */
import { z } from 'zod';
import { IsoDate, type PlaceLevel } from './fields';
import type { AidStage } from './items';
import { method } from './method';
import type { PledgeStatus } from './pledges';
import type { ReportCutoff, ReportPeriodKind } from './reports';

export const SEARCH_KINDS = ['report', 'place', 'donor', 'item', 'pledge'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** How many of a kind are counted at most: past it, a group says "more than" (a search stays quick on any ledger). */
export const SEARCH_COUNT_CAP = 1000;

export const SearchInput = z.strictObject({
  text: z.string().max(200),
  /** How many of each kind are shown. */
  limit: z.number().int().min(1).max(20).default(5),
  /** The day "quý 4" (without a year) and the years offered are reckoned from (the ledger's today when omitted). */
  today: IsoDate.optional(),
});

export interface PledgeHit {
  kind: 'pledge';
  id: string;
  description: string;
  donorName: string;
  placeName: string;
  pledgeDate: string;
  vndEquivalent: number;
  status: PledgeStatus;
}

export interface ItemHit {
  kind: 'item';
  id: string;
  name: string;
  donorName: string;
  approvalNumber: string | null;
  stage: AidStage;
}

export interface DonorHit {
  kind: 'donor';
  id: string;
  name: string;
  shortName: string | null;
  country: string | null;
  /** Pledges of this donor and of the donors merged into it. */
  pledgeCount: number;
}

/** A unit as it is shown: its type and name, and the end of its validity (a former unit). */
export interface PlaceNamed {
  displayName: string;
  validTo: string | null;
}

export interface PlaceHit extends PlaceNamed {
  kind: 'place';
  id: string;
  level: PlaceLevel;
  /** The units it lies in, nearest first (its district, its province). */
  within: PlaceNamed[];
}

/** A report period the words name ("quý 4 2022"), as the reports screen chooses it. */
export interface ReportHit {
  kind: 'report';
  /** "2022-Q4", "2023-H1", "2024". */
  period: string;
  periodKind: ReportPeriodKind;
  year: number;
  /** The quarter (1–4) or half (1–2); 1 for a year. */
  part: number;
  /** "QUÝ IV NĂM 2022"; "Q4 2022". */
  label: string;
  labelEn: string;
  /** Its dates by the department's rule. */
  from: string;
  to: string;
  cutoff: ReportCutoff;
}

export type SearchHit = PledgeHit | ItemHit | DonorHit | PlaceHit | ReportHit;

export interface SearchGroup {
  kind: SearchKind;
  /** The best first, at most the limit asked. */
  hits: SearchHit[];
  /** How many there are of the kind (at most `SEARCH_COUNT_CAP`; `more` when there are more than that). */
  total: number;
  more: boolean;
}

export interface SearchResults {
  /** The kinds with something found, the best answered first. */
  groups: SearchGroup[];
}

export const searchMethods = {
  'search.find': method<SearchResults>()(SearchInput),
} as const;
