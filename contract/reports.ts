/**
 * The reports area of the contract: the period report (preview and workbook), and the reports as sent — every
 * workbook saved is kept with its period, place, time, who made it and its totals, and a report made again for a
 * period already reported shows what changed since.
 */
import { z } from 'zod';
import { type ExcelFile, IsoDate } from './fields';
import { type ItemScope, itemScopeFields, type StatutoryReport } from './items';
import { method } from './method';
import type { PledgeKind } from './pledges';

/** A report period: a quarter ("2022-Q3"), a half year ("2022-H2") or a year ("2022"). */
export const ReportPeriodKey = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^\d{4}(-Q[1-4]|-H[12])?$/);

export const ReportInput = z.strictObject({
  period: ReportPeriodKey,
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

export const reportMethods = {
  'reports.preview': method<ReportPreview>()(ReportInput),
  /** The workbook, kept in the list of reports sent. */
  'reports.xlsx': method<ExcelFile & { sent: SentReport }>()(ReportInput),
  'reports.list': method<SentReport[]>()(SentReportsInput),
  'reports.file': method<ExcelFile>()(SentReportFileInput),
} as const;
