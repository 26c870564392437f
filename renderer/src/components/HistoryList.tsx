/** A record's change history: who changed what, when, and why. */
import { Button, Timeline } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  AUTO_STATUS_NOTE,
  type Deletion,
  type HistoryEntry,
  isUndoneDeletionNote,
  RECEIPT_WITHOUT_PLEDGE_NOTE,
  undoReasonOf,
} from '../../../contract';
import { madeBy, showDateTime } from '../format';
import { useLedger } from '../queries';
import { entryLines, type HistoryWords, historyColor } from './history';
import { usePlaces } from './pickers';
import { type DeletionToUndo, useUndoDeletion } from './UndoDeletionModal';

interface HistoryListProps {
  history: HistoryEntry[];
  /** The record's currency (an aid item's: its value's), and its counterpart funds' when they differ. */
  currency: string;
  counterpartCurrency?: string | null;
}

export function HistoryList({ history, currency, counterpartCurrency }: HistoryListProps) {
  const words = useHistoryWords(currency, counterpartCurrency);
  const standing = useStandingDeletions(history);
  const { ask, dialog } = useUndoDeletion();
  return (
    <>
      <Timeline
        data-testid="history"
        items={history.map((entry) => ({
          key: entry.id,
          color: historyColor(entry.action),
          content: (
            <HistoryEntryText
              entry={entry}
              words={words}
              undo={entry.action === 'delete' ? standing.get(entry.entityId) : undefined}
              onUndo={ask}
            />
          ),
        }))}
      />
      {dialog}
    </>
  );
}

/**
 * The deletions that still stand of the records a history names (a pledge's deliveries, an item's stages), by record:
 * each is undone from the entry of its deletion. A record deleted with its parent comes back with it instead.
 */
function useStandingDeletions(history: HistoryEntry[]): Map<string, Deletion> {
  const deletes = history.some((e) => e.action === 'delete');
  const deletions = useLedger('deletions.list', {}, { enabled: deletes });
  return useMemo(() => {
    const named = new Set(history.filter((e) => e.action === 'delete').map((e) => e.entityId));
    const standing = new Map<string, Deletion>();
    for (const d of deletions.data ?? []) if (!d.undoneAt && named.has(d.recordId)) standing.set(d.recordId, d);
    return standing;
  }, [history, deletions.data]);
}

/** The language and the names of places, donors (merged ones too) and aid items a history's ids stand for. */
function useHistoryWords(currency: string, counterpartCurrency: string | null | undefined): HistoryWords {
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const places = usePlaces();
  const donors = useLedger('donors.list', { includeMerged: true });
  const items = useLedger('items.list', {});
  const setup = useLedger('places.setup', {});
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
      provinces: lookup(setup.data?.provinces.map((p) => ({ id: p.code, name: `${p.type} ${p.name}` }))),
    };
  }, [lang, currency, counterpartCurrency, places.data, donors.data, items.data, setup.data]);
}

function HistoryEntryText({
  entry,
  words,
  undo,
  onUndo,
}: {
  entry: HistoryEntry;
  words: HistoryWords;
  /** The deletion this entry records, while it stands: offered to undo. */
  undo?: Deletion | undefined;
  onUndo: (deletion: DeletionToUndo) => void;
}) {
  const { t } = useTranslation();
  const lines = entryLines(entry, words);
  const restored = isUndoneDeletionNote(entry.note);
  const undoReason = undoReasonOf(entry.note);
  return (
    <div className="history-entry">
      <div>
        <strong>{t(`detail.actions.${entry.action}`)}</strong> {t(`detail.entities.${entry.entity}`)} ·{' '}
        {showDateTime(entry.at)} ·{' '}
        <span data-testid="history-by">{t('detail.by', { who: madeBy(entry.userName, entry.siteName) })}</span>
      </div>
      {entry.received && (
        <div className="muted" data-testid="history-received">
          {t(restored ? 'detail.undoneDeletion' : 'detail.received', {
            file: entry.received.fileName,
            office: entry.received.siteName,
          })}
        </div>
      )}
      {restored && !entry.received && (
        <div className="muted" data-testid="history-restored">
          {t('deleted.restoredEntry')}
        </div>
      )}
      {undoReason && (
        <div className="muted" data-testid="history-undo-reason">
          {t('deleted.undoneReason', { reason: undoReason })}
        </div>
      )}
      {entry.note === AUTO_STATUS_NOTE ? (
        <div className="muted">{t('detail.autoStatus')}</div>
      ) : entry.note === RECEIPT_WITHOUT_PLEDGE_NOTE ? (
        <div className="muted" data-testid="history-from-receipt">
          {t('receipts.fromReceipt')}
        </div>
      ) : (
        entry.note && !restored && <div className="muted">{t('detail.reason', { note: entry.note })}</div>
      )}
      {lines.length > 0 && (
        <ul className="changes">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      {undo && (
        <Button
          size="small"
          style={{ marginTop: 4 }}
          data-testid="history-undo"
          onClick={() => onUndo({ id: undo.id, what: undo.what, parts: undo.parts.length })}
        >
          {t('deleted.historyUndo')}
        </Button>
      )}
    </div>
  );
}
