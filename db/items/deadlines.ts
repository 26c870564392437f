/**
 * What the law requires of aid items by a date (Decree 80/2020, Decree 313/2025): an approved item not carried out
 * within 6 months may lose its approval; the end report is due within 6 months after an item ends; the governing
 * body's annual report is due by 15 January of the next year.
 */
import { sql } from 'kysely';
import type { ParsedInput } from '../../contract';
import type { Deadline, DeadlineKind, Deadlines } from '../../contract/items';
import { readRows } from '../core/statements';
import type { Ctx } from '../core/context';
import { keptWhileUnchanged } from './kept';

/** One collator for every comparison: `localeCompare(…, 'vi')` finds one per call, which sorting thousands shows. */
const VIETNAMESE = new Intl.Collator('vi');

/** The same day `months` later (the month's last day when it has no such day: 31/08 + 6 months = 28/02 or 29/02). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export async function itemDeadlines(ctx: Ctx, input: ParsedInput<'items.deadlines'>): Promise<Deadlines> {
  const today = input.today ?? ctx.now.slice(0, 10);
  // The next annual report: for last year until 15 January, then for this year.
  const year = Number(today.slice(0, 4));
  const reportYear = today.slice(5) <= '01-15' ? year - 1 : year;
  const active =
    readRows<{ x: number }>(
      ctx,
      sql`SELECT 1 AS x FROM pledges WHERE pledge_date <= ${`${reportYear}-12-31`} UNION ALL SELECT 1 FROM aid_items LIMIT 1`,
    ).length > 0;
  // The same until an item changes (or the day, or whether the annual report is due).
  return keptWhileUnchanged(ctx, 'items.deadlines', ['aid_items'], `${today}:${active}`, () =>
    deadlinesOn(ctx, today, active ? reportYear : null),
  );
}

/** The deadlines by `today`, with the annual report of `reportYear` (null: none is due, the ledger is empty). */
function deadlinesOn(ctx: Ctx, today: string, reportYear: number | null): Deadlines {
  const items = readRows<{
    id: string;
    name: string;
    stage: string;
    stage_date: string;
    approval_date: string | null;
    end_date: string | null;
  }>(
    ctx,
    sql`SELECT id, name, stage, stage_date, approval_date, end_date FROM aid_items WHERE stage IN ('approved', 'implementing', 'ended')`,
  );
  const found: Deadline[] = [];
  const add = (
    kind: DeadlineKind,
    dueOn: string,
    item: { id: string; name: string } | null,
    year: number | null = null,
  ) =>
    found.push({ kind, itemId: item?.id ?? null, itemName: item?.name ?? null, year, dueOn, overdue: dueOn < today });
  for (const item of items) {
    if (item.stage === 'approved') add('start_or_revoke', addMonths(item.approval_date ?? item.stage_date, 6), item);
    // Ended: by its stage, or by its period when the stage has not caught up.
    const ended =
      item.stage === 'ended'
        ? item.end_date && item.end_date <= item.stage_date
          ? item.end_date
          : item.stage_date
        : item.end_date && item.end_date < today
          ? item.end_date
          : null;
    if (ended) add('end_report', addMonths(ended, 6), item);
  }
  if (reportYear !== null) add('annual_report', `${reportYear + 1}-01-15`, null, reportYear);
  found.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || VIETNAMESE.compare(a.itemName ?? '', b.itemName ?? ''));
  const counts: Record<DeadlineKind, number> = { start_or_revoke: 0, end_report: 0, annual_report: 0 };
  for (const d of found) counts[d.kind]++;
  return { today, counts, overdue: found.filter((d) => d.overdue).length, items: found };
}
