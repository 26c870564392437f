/** A record's change history: who changed what, when, and why. */
import { Timeline } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUTO_STATUS_NOTE,
  type HistoryEntry,
  RECEIPT_WITHOUT_PLEDGE_NOTE,
  UNDONE_DELETION_NOTE,
} from '../../../contract';
import { fieldLabel } from '../../../contract/validation';
import { madeBy, showDateTime } from '../format';
import { changeText, historyColor } from './history';
import { usePlaces } from './pickers';

export function HistoryList({ history, currency }: { history: HistoryEntry[]; currency: string }) {
  return (
    <Timeline
      data-testid="history"
      items={history.map((entry) => ({
        key: entry.id,
        color: historyColor(entry.action),
        content: <HistoryEntryText entry={entry} currency={currency} />,
      }))}
    />
  );
}

function HistoryEntryText({ entry, currency }: { entry: HistoryEntry; currency: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const places = usePlaces();
  const placeName = useMemo(() => {
    const names = new Map((places.data ?? []).map((p) => [p.id, p.displayName]));
    return (id: string) => names.get(id);
  }, [places.data]);
  return (
    <div className="history-entry">
      <div>
        <strong>{t(`detail.actions.${entry.action}`)}</strong> {t(`detail.entities.${entry.entity}`)} ·{' '}
        {showDateTime(entry.at)} ·{' '}
        <span data-testid="history-by">{t('detail.by', { who: madeBy(entry.userName, entry.siteName) })}</span>
      </div>
      {entry.received && (
        <div className="muted" data-testid="history-received">
          {t(entry.note === UNDONE_DELETION_NOTE ? 'detail.undoneDeletion' : 'detail.received', {
            file: entry.received.fileName,
            office: entry.received.siteName,
          })}
        </div>
      )}
      {entry.note === AUTO_STATUS_NOTE ? (
        <div className="muted">{t('detail.autoStatus')}</div>
      ) : entry.note === RECEIPT_WITHOUT_PLEDGE_NOTE ? (
        <div className="muted" data-testid="history-from-receipt">
          {t('receipts.fromReceipt')}
        </div>
      ) : (
        entry.note &&
        entry.note !== UNDONE_DELETION_NOTE && <div className="muted">{t('detail.reason', { note: entry.note })}</div>
      )}
      {entry.action === 'update' && (
        <ul className="changes">
          {entry.changes.map((c) => (
            <li key={c.field}>
              {fieldLabel(c.field)[lang]}: {changeText(c, currency, lang, placeName)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
