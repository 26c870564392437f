/** The next periodic reports due, as the dashboard's to-do list writes them. */
import type { TFunction } from 'i18next';
import type { ReportDue } from '../../../contract';
import { showDate } from '../format';

const ROMAN = ['I', 'II', 'III', 'IV'];

/** "Báo cáo định kỳ quý I năm 2026 — số liệu từ 15/12/2025 đến 14/03/2026". */
export function reportDueText({ period }: ReportDue, t: TFunction): string {
  const [year, part] = period.key.split('-') as [string, string | undefined];
  const name =
    period.kind === 'quarter'
      ? t('todo.reportDue.quarter', { n: ROMAN[Number(part!.slice(1)) - 1], year })
      : period.kind === 'half'
        ? t(part === 'H1' ? 'todo.reportDue.half1' : 'todo.reportDue.half2', { year })
        : t('todo.reportDue.year', { year });
  return `${name} — ${t('todo.reportDue.dates', { from: showDate(period.from), to: showDate(period.to) })}`;
}

/** A report whose period has ended and that is not made yet: to send now, before its deadline. */
export function reportAwaited(due: ReportDue, today: string): boolean {
  return !due.made && due.period.to < today;
}
