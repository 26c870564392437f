/** What is due for the aid items, as the dashboard's to-do list writes it. */
import type { TFunction } from 'i18next';
import type { Deadline, DeadlineKind } from '../../../contract/items';
import { showDate } from '../format';

/** When it is due, or that it is overdue since then. */
export function deadlineDueText(deadline: Deadline, t: TFunction): string {
  return deadline.overdue
    ? t('todo.overdue', { date: showDate(deadline.dueOn) })
    : t('todo.due', { date: showDate(deadline.dueOn) });
}

/** What is due: the department's annual report for its year, or the kind of deadline and the item's name. */
export function deadlineText(deadline: Deadline, kinds: Record<DeadlineKind, string>, t: TFunction): string {
  return deadline.kind === 'annual_report' && deadline.year !== null
    ? t('todo.annual', { year: deadline.year })
    : `${kinds[deadline.kind]}: ${deadline.itemName ?? ''}`;
}
