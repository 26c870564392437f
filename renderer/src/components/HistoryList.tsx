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
import { madeBy, showDateTime } from '../format';
import { useLedger } from '../queries';
import { entryLines, type HistoryWords, historyColor } from './history';
import { usePlaces } from './pickers';

interface HistoryListProps {
  history: HistoryEntry[];
  /** The record's currency (an aid item's: its value's), and its counterpart funds' when they differ. */
  currency: string;
  counterpartCurrency?: string | null;
}

export function HistoryList({ history, currency, counterpartCurrency }: HistoryListProps) {
  const words = useHistoryWords(currency, counterpartCurrency);
  return (
    <Timeline
      data-testid="history"
      items={history.map((entry) => ({
        key: entry.id,
        color: historyColor(entry.action),
        content: <HistoryEntryText entry={entry} words={words} />,
      }))}
    />
  );
}

/** The language and the names of places, donors (merged ones too) and aid items a history's ids stand for. */
function useHistoryWords(currency: string, counterpartCurrency: string | null | undefined): HistoryWords {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const places = usePlaces();
  const donors = useLedger('donors.list', { includeMerged: true });
  const items = useLedger('items.list', {});
  return useMemo(() => {
    const lookup = (rows: { id: string; name: string }[] | undefined) => {
      const names = new Map((rows ?? []).map((r) => [r.id, r.name]));
      return (id: string) => names.get(id);
    };
    return {
      lang,
      currency,
      counterpartCurrency,
      places: lookup(places.data?.map((p) => ({ id: p.id, name: p.displayName }))),
      donors: lookup(donors.data),
      items: lookup(items.data),
    };
  }, [lang, currency, counterpartCurrency, places.data, donors.data, items.data]);
}

function HistoryEntryText({ entry, words }: { entry: HistoryEntry; words: HistoryWords }) {
  const { t } = useTranslation();
  const lines = entryLines(entry, words);
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
      {lines.length > 0 && (
        <ul className="changes">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
