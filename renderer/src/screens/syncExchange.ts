/** The exchange folder's and the silent offices' words, apart from the screen that shows them. */
import type { TFunction } from 'i18next';
import type { FolderStatus, OfficeActivity, SyncReminder } from '../../../contract';
import { showDate, showDateTime } from '../format';

/** What the folder card says of the folder: not set, unusable (why), or what waits to go. */
export function folderStateText(status: FolderStatus, t: TFunction): string {
  if (!status.folder) return t('exchange.notSet');
  if (status.problem) return status.problem;
  return status.waiting ? t('exchange.waiting') : t('exchange.nothingWaiting');
}

/** What a send to the folder did. */
export function sentText(sent: { fileName: string | null; records: number }, t: TFunction): string {
  return sent.fileName ? t('exchange.sent', { file: sent.fileName, records: sent.records }) : t('exchange.nothingSent');
}

/** When an office was last heard from, and for how long it has been silent. */
export function silenceText(office: OfficeActivity, t: TFunction): string {
  if (!office.lastReceivedAt) return t('exchange.neverReceived');
  return t('exchange.silentFor', { at: showDateTime(office.lastReceivedAt), days: office.silentDays ?? 0 });
}

/** A reminder as the to-do list and the Đồng bộ screen write it. */
export function reminderText(reminder: SyncReminder, t: TFunction): string {
  if (reminder.kind === 'office_silent')
    return reminder.since
      ? t('exchange.reminderSilent', { office: reminder.siteName, days: reminder.days, date: showDate(reminder.since) })
      : t('exchange.reminderNever', { office: reminder.siteName });
  return t('exchange.reminderNotSent', { days: reminder.days, date: showDate(reminder.since ?? '') });
}
