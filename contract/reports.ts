/**
 * The reports area of the contract: the period report (preview and workbook), and the reports as sent — every
 * workbook saved is kept with its period, place, time, who made it and its totals, and a report made again for a
 * period already reported shows what changed since.
 */
import { z } from 'zod';
import { type ExcelFile, IsoDate, type ReportCutoff, ReportCutoffInput } from './fields';
import { type ItemScope, itemScopeFields, type StatutoryReport } from './items';
import { method } from './method';
import type { PledgeKind } from './pledges';

/** A report period: a quarter ("2022-Q3"), a half year ("2022-H2") or a year ("2022"). */
export const ReportPeriodKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4}(-Q[1-4]|-H[12])?$/);

export { REPORT_CUTOFFS, type ReportCutoff, ReportCutoffInput } from './fields';

export const ReportInput = z.strictObject({
  period: ReportPeriodKey,
  /** The department's default (Cài đặt) when omitted. */
  cutoff: ReportCutoffInput.optional(),
  /** The province when omitted. */
  placeId: z.uuid().optional(),
  /** Places as they are on this date (see PledgeFilter.unitsOf): the summary by today's units. */
  unitsOf: IsoDate.optional(),
  lang: z.enum(['vi', 'en']).default('vi'),
  /**
   * What the "Điều chỉnh" sheet lists: amendments made within the period (the default), or every amendment to the
   * period's pledges made since the last report sent for this period and place.
   */
  changes: z.enum(['period', 'sinceLastReport']).default('period'),
  /** Only the lines of aid items of these sectors, modalities or stages (every line when none is given). */
  ...itemScopeFields,
  /** The report's number ("Số: 05/BC-…"): the next of the year's reports sent when omitted. */
  documentNumber: z.number().int().min(1).max(99_999).optional(),
  /** "Kính gửi": one recipient a line; the department's default for the kind of report when omitted. */
  addressee: z.string().trim().max(500).optional(),
});

export const SentReportsInput = z.strictObject({
  /** Only this period's reports (all periods when omitted). */
  period: ReportPeriodKey.optional(),
});

export const SentReportFileInput = z.strictObject({ id: z.uuid() });

export type ReportPeriodKind = 'quarter' | 'half' | 'year';

export interface ReportPeriod {
  key: string;
  kind: ReportPeriodKind;
  /** The rule its dates were cut by. */
  cutoff: ReportCutoff;
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
  /** Who received it and their village ("Nông Văn A, Nà Pồng"), as kept on the delivery or its pledge. */
  recipient?: string;
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

/** A report as it was sent: when, by whom, and what it said. */
export interface SentReport {
  id: string;
  period: string;
  /** The rule its period's dates were cut by (reports sent before the rule was kept: the calendar). */
  cutoff: ReportCutoff;
  placeId: string | null;
  /** The place the report covered ('' for the whole province). */
  placeName: string;
  madeAt: string;
  userName: string | null;
  siteName: string;
  fileName: string;
  pledgedVnd: number;
  deliveredVnd: number;
  pledgeCount: number;
  /** The aid items it covered (null: every line). */
  itemScope: ItemScope | null;
  /** Lines its USD figures left out for want of a USD rate on or before their dates (0: none, or no USD figures). */
  unconvertedLines: number;
}

/** A pledge of the period touched after a report was sent. */
export interface PledgeChangedSince {
  id: string;
  at: string;
  pledgeDate: string;
  donor: string;
  description: string;
  /** Its VND value now (for one deleted: when it was deleted). */
  vnd: number;
  by: string;
}

/** What changed in a period since its last report was sent, for a report made again. */
export interface SinceLastReport {
  report: SentReport;
  added: PledgeChangedSince[];
  amended: PledgeChangedSince[];
  deleted: PledgeChangedSince[];
}

/** The report preview, with what changed since the period's last report sent (if any). */
export interface ReportPreview extends Report {
  sinceLast: SinceLastReport | null;
}

/** A cell of a printed sheet: its text as the spreadsheet shows it, the columns it spans, and its type. */
export interface PrintCell {
  text: string;
  /** How many columns it covers (a merged cell more than 1). */
  span: number;
  /** In points. */
  size: number;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  align: 'left' | 'center' | 'right' | 'justify';
}

/**
 * A row of a printed sheet: 'text' (the letterhead, closing lines and signature, unruled), 'header' (the table's
 * header, repeated on every page) or 'table' (a ruled row of the table: data or totals).
 */
export interface PrintRow {
  part: 'text' | 'header' | 'table';
  /** In points; 0 where the sheet leaves it to the text. */
  height: number;
  cells: PrintCell[];
}

/** The report's first sheet laid out for printing: the statutory form, as the workbook saved for the same input. */
export interface ReportPrint {
  /** The PDF's name: the workbook's with .pdf. */
  fileName: string;
  orientation: 'landscape' | 'portrait';
  /** The columns' widths, in the sheet's character units (their proportions are the printed ones). */
  widths: number[];
  /** How much the sheet is shrunk to fit the page's width, as the workbook's page setup does (1 when it fits). */
  scale: number;
  rows: PrintRow[];
}

/**
 * When a report kind is due: so many days after its period's end, or on a day of the month (the first such day after
 * the period's end; the month's last day when it has fewer days).
 */
export const ReportDeadline = z.discriminatedUnion('rule', [
  z.strictObject({ rule: z.literal('daysAfter'), day: z.number().int().min(0).max(90) }),
  z.strictObject({ rule: z.literal('dayOfMonth'), day: z.number().int().min(1).max(31) }),
]);
export type ReportDeadline = z.infer<typeof ReportDeadline>;

/** The department's rules for its periodic reports, kept in Cài đặt. */
export interface ReportRules {
  /** The rule a report is made by unless it chooses another ('calendar' unless set). */
  reportCutoff: ReportCutoff;
  reportDeadlines: Record<ReportPeriodKind, ReportDeadline>;
}

/** The settings' fields that change the report rules (spread into `SettingsUpdateInput`). */
export const reportRuleFields = {
  reportCutoff: ReportCutoffInput.optional(),
  reportDeadlines: z
    .strictObject({
      quarter: ReportDeadline.optional(),
      half: ReportDeadline.optional(),
      year: ReportDeadline.optional(),
    })
    .optional(),
};

export const ReportsDueInput = z.strictObject({ today: IsoDate.optional() });

/** The next report of a kind to send: its period (by the department's rule), when it is due, whether it is made. */
export interface ReportDue {
  period: ReportPeriod;
  dueOn: string;
  /** A report of the whole province, every line, of this period and rule has been saved. */
  made: boolean;
}

/** "Số liệu từ ngày 15/12/2025 đến ngày 14/06/2026": the dates a report's figures cover. */
export function periodDatesLine(period: Pick<ReportPeriod, 'from' | 'to'>, lang: 'vi' | 'en'): string {
  const day = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
  return lang === 'en'
    ? `Figures from ${day(period.from)} to ${day(period.to)}`
    : `Số liệu từ ngày ${day(period.from)} đến ngày ${day(period.to)}`;
}

/** The rule a period's dates follow, in words. */
export function cutoffText(cutoff: ReportCutoff, lang: 'vi' | 'en'): string {
  if (cutoff === 'statutory')
    return lang === 'en'
      ? 'cut-off of Decree 09/2019/ND-CP, Art. 12'
      : 'thời gian chốt số liệu theo Điều 12 Nghị định 09/2019/NĐ-CP';
  return lang === 'en' ? 'calendar period' : 'theo kỳ dương lịch';
}

export const reportMethods = {
  'reports.preview': method<ReportPreview>()(ReportInput),
  /** The workbook, kept in the list of reports sent. */
  'reports.xlsx': method<ExcelFile & { sent: SentReport }>()(ReportInput),
  'reports.list': method<SentReport[]>()(SentReportsInput),
  'reports.file': method<ExcelFile>()(SentReportFileInput),
  /** The next quarterly, 6-month and annual report due, by the department's rule and deadlines. */
  'reports.due': method<ReportDue[]>()(ReportsDueInput),
  /** The workbook's first sheet as printed (not kept in the list: printing is not sending). */
  'reports.print': method<ReportPrint>()(ReportInput),
} as const;
