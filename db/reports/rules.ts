/**
 * The department's report rules, kept in Cài đặt: the period rule a report follows unless it chooses another, and when
 * each kind of report is due; and from them the next quarterly, 6-month and annual report due.
 *
 * Decree 09/2019/NĐ-CP fixes the cut-off of the figures (Art. 12) but leaves the day a report is sent to each reporting
 * regime ("thời hạn gửi báo cáo", an element every regime sets). The default here is 5 days after the period's end:
 * Khánh Hòa's QĐ 01/2023/QĐ-UBND gives 2 working days after the cut-off, Decree 152/2020 as amended by Decree
 * 70/2023, Art. 27(4) an annual report "trước ngày 20 tháng 12", 5 days after its 14/12 cut-off. A department sets its
 * own regime's days in Cài đặt.
 */
import { sql } from 'kysely';
import type {
  ParsedInput,
  ReportCutoff,
  ReportDeadline,
  ReportDue,
  ReportPeriodKind,
  ReportRules,
} from '../../contract';
import { readRows } from '../core/statements';
import type { Ctx } from '../core/context';
import { parsePeriod, periodKey } from './period';

const KINDS: readonly ReportPeriodKind[] = ['quarter', 'half', 'year'];
const CUTOFF_KEY = 'reports.cutoff';
const deadlineKey = (kind: ReportPeriodKind) => `reports.deadline.${kind}`;

/** 5 days after the period's end, for every kind (see above). */
export const DEFAULT_REPORT_DEADLINE: ReportDeadline = { rule: 'daysAfter', day: 5 };

/** The rules as kept in the settings table's values (calendar periods and the default deadlines unless set). */
export function reportRulesOf(values: Map<string, string>): ReportRules {
  const deadline = (kind: ReportPeriodKind): ReportDeadline => {
    const kept = values.get(deadlineKey(kind));
    return kept ? (JSON.parse(kept) as ReportDeadline) : DEFAULT_REPORT_DEADLINE;
  };
  return {
    reportCutoff: values.get(CUTOFF_KEY) === 'statutory' ? 'statutory' : 'calendar',
    reportDeadlines: { quarter: deadline('quarter'), half: deadline('half'), year: deadline('year') },
  };
}

/** Keeps the rules given (those not given stay as they are). */
export async function saveReportRules(ctx: Ctx, input: ParsedInput<'settings.update'>): Promise<void> {
  const kept: [string, string][] = [];
  if (input.reportCutoff) kept.push([CUTOFF_KEY, input.reportCutoff]);
  for (const kind of KINDS) {
    const given = input.reportDeadlines?.[kind];
    if (given) kept.push([deadlineKey(kind), JSON.stringify({ rule: given.rule, day: given.day })]);
  }
  for (const [key, value] of kept)
    await ctx.db
      .insertInto('settings')
      .values({ key, value, updatedAt: ctx.now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: ctx.now }))
      .execute();
}

/** The rule a report follows: its own, or the department's. */
export async function cutoffOf(ctx: Ctx, given: ReportCutoff | undefined): Promise<ReportCutoff> {
  if (given) return given;
  const row = await ctx.db.selectFrom('settings').select('value').where('key', '=', CUTOFF_KEY).executeTakeFirst();
  return row?.value === 'statutory' ? 'statutory' : 'calendar';
}

/** The day a period ending on `end` is due: so many days after it, or the first such day of a month after it. */
export function dueDate(end: string, deadline: ReportDeadline): string {
  if (deadline.rule === 'daysAfter') {
    const d = new Date(`${end}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + deadline.day);
    return d.toISOString().slice(0, 10);
  }
  const [y, m] = end.split('-').map(Number) as [number, number];
  // This month's day when it comes after the end, else next month's; a month's last day when it has fewer.
  const dayIn = (month: number) => {
    const year = month > 12 ? y + 1 : y;
    const mm = month > 12 ? 1 : month;
    const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
    return `${year}-${String(mm).padStart(2, '0')}-${String(Math.min(deadline.day, last)).padStart(2, '0')}`;
  };
  const inItsMonth = dayIn(m);
  return inItsMonth > end ? inItsMonth : dayIn(m + 1);
}

/** The periods of a kind around a year: the year before, its own and the next, in order. */
function periodsAround(kind: ReportPeriodKind, year: number, cutoff: ReportCutoff) {
  const parts = kind === 'quarter' ? 4 : kind === 'half' ? 2 : 1;
  // Years of four digits only: a report period is named "YYYY…".
  return [year - 1, year, year + 1]
    .filter((y) => y <= 9999)
    .flatMap((y) => Array.from({ length: parts }, (_, i) => parsePeriod(periodKey(kind, y, i + 1), cutoff)));
}

/**
 * The next report of each kind to send: the first period, by the department's rule, whose due day is today or later
 * — until its due day has passed, a period ended is still the one to send — and whether one has been made (the whole
 * province, every line, the same rule).
 */
export async function reportsDue(ctx: Ctx, input: ParsedInput<'reports.due'>): Promise<ReportDue[]> {
  const today = input.today ?? ctx.now.slice(0, 10);
  const values = new Map(
    (await ctx.db.selectFrom('settings').select(['key', 'value']).execute()).map((r) => [r.key, r.value]),
  );
  const rules = reportRulesOf(values);
  const made = new Set(
    readRows<{ period: string }>(
      ctx,
      sql`SELECT DISTINCT period FROM reports_sent WHERE place_id IS NULL AND item_scope IS NULL AND cutoff = ${rules.reportCutoff}`,
    ).map((r) => r.period),
  );
  return KINDS.flatMap((kind) => {
    const deadline = rules.reportDeadlines[kind];
    const period = periodsAround(kind, Number(today.slice(0, 4)), rules.reportCutoff).find(
      (p) => dueDate(p.to, deadline) >= today,
    );
    // None past the year 9999.
    return period ? [{ period, dueOn: dueDate(period.to, deadline), made: made.has(period.key) }] : [];
  });
}
