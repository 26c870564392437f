/**
 * The report screen's rules, apart from the screen: the period a choice of quarter, half or year names, what a preview
 * or a workbook asks of the ledger, and how the report's rows and what changed since the last one read.
 */
import type { MethodInput, ReportCutoff, ReportDetailRow, SinceLastReport } from '../../../contract';
import { itemFilter } from '../filters';
import { money } from '../format';

export type ReportKind = 'quarter' | 'half' | 'year';

/** What the user chose: the kind of period and which one, the place, and how the report is to be made. */
export interface ReportChoices {
  kind: ReportKind;
  year: number;
  /** The quarter (1–4) or, for a half year, the half (1–2; a quarter's 3 or 4 reads as the second half). */
  part: number;
  placeId?: string | undefined;
  /** The rule the period's dates are cut by; the department's (Cài đặt) until one is chosen. */
  cutoff?: ReportCutoff | undefined;
  sinceLastReport: boolean;
  todaysUnits: boolean;
  itemFacets: string[];
}

/** The report opens on the current quarter of this year, for the whole province. */
export function initialReportChoices(now: Date): ReportChoices {
  return {
    kind: 'quarter',
    year: now.getFullYear(),
    part: Math.floor(now.getMonth() / 3) + 1,
    sinceLastReport: false,
    todaysUnits: false,
    itemFacets: [],
  };
}

/** The contract's period key: "2022", "2022-H2" or "2022-Q3". */
export function reportPeriod(kind: ReportKind, year: number, part: number): string {
  return kind === 'year' ? String(year) : kind === 'half' ? `${year}-H${halfOf(part)}` : `${year}-Q${part}`;
}

/** The half a part names (a quarter's 3 or 4, kept when switching to halves, reads as the second). */
export function halfOf(part: number): number {
  return Math.min(part, 2);
}

/** The years offered: next year back to 2011. */
export function reportYears(now: Date): number[] {
  return Array.from({ length: now.getFullYear() - 2009 }, (_, i) => now.getFullYear() + 1 - i);
}

/** A quarter's name as the department writes it: "Quý III". */
export const QUARTER_NUMERALS = ['I', 'II', 'III', 'IV'] as const;

/**
 * Whether a period list's option answers what was typed: its label's start ("20" → 2022, "quý ii" → Quý II), or its
 * number ("3" → Quý III), letter case aside.
 */
export function periodOptionMatches(typed: string, option: { value: number; label: string } | undefined): boolean {
  if (!option) return false;
  const text = typed.trim().toLocaleLowerCase('vi');
  if (!text) return true;
  const label = option.label.toLocaleLowerCase('vi');
  return label.startsWith(text) || label.split(' ').some((word) => word === text) || String(option.value) === text;
}

/** What a preview or a workbook asks for; `today` (YYYY-MM-DD) is the day whose units "today's units" means. */
export function reportInput(choices: ReportChoices, language: string, today: string): MethodInput<'reports.preview'> {
  return {
    period: reportPeriod(choices.kind, choices.year, choices.part),
    ...(choices.cutoff ? { cutoff: choices.cutoff } : {}),
    ...(choices.placeId ? { placeId: choices.placeId } : {}),
    ...(choices.todaysUnits ? { unitsOf: today } : {}),
    lang: language === 'en' ? ('en' as const) : ('vi' as const),
    changes: choices.sinceLastReport ? ('sinceLastReport' as const) : ('period' as const),
    ...itemFilter(choices.itemFacets),
  };
}

export const SINCE_LAST_KINDS = ['added', 'amended', 'deleted'] as const;

/** How many pledges of the period changed since its last report. */
export function changedSinceCount(since: SinceLastReport): number {
  return since.added.length + since.amended.length + since.deleted.length;
}

/** The kinds of change (added, amended, deleted) that happened since the last report, in that order. */
export function changedSinceKinds(since: SinceLastReport): (typeof SINCE_LAST_KINDS)[number][] {
  return SINCE_LAST_KINDS.filter((kind) => since[kind].length);
}

/** A detail row's amount in its own currency ("10.000,00 USD"), or nothing for a row without one. */
export function originalAmountText(row: ReportDetailRow, language: string): string {
  return row.amountMinor === null ? '' : `${money(row.amountMinor, row.currency, language)} ${row.currency}`;
}
