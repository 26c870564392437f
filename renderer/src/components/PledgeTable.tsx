/**
 * The ledger table: virtualized rows over paged queries, so a million pledges scroll smoothly and only the
 * pages in view are ever fetched. Column headers sort; a row opens the pledge (click or Enter).
 */
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin, Tag } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeFilter, PledgeRow } from '../../../contract';
import { money, showDate } from '../format';
import { vocabulary } from '../i18n';
import { call, errorText, useLedger } from '../queries';
import {
  ariaSort,
  LEDGER_COLUMNS,
  MAX_SCROLLABLE_ROWS,
  nextSort,
  PAGE_SIZE,
  pagesInView,
  ROW_HEIGHT,
  rowAt,
  type Sort,
  sortMark,
  STATUS_COLORS,
} from './ledgerTable';
import { usePlaceLabels } from './pickers';

export { MAX_SCROLLABLE_ROWS, PAGE_SIZE, type Sort } from './ledgerTable';

interface Props {
  filter: PledgeFilter;
  sort: Sort;
  onSort: (sort: Sort) => void;
  onOpen: (row: PledgeRow) => void;
}

export function PledgeTable({ filter, sort, onSort, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // The first page comes with the count, so the table shows as soon as that one query answers.
  const head = useLedger(
    'pledges.list',
    { filter, sort, page: { offset: 0, limit: PAGE_SIZE }, withTotal: true },
    { keepPrevious: true },
  );
  const count = head.data?.total ?? undefined;
  // A former unit's pledges are told apart from today's namesake's by the day the unit ended.
  const placeLabels = usePlaceLabels();
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: Math.min(count ?? 0, MAX_SCROLLABLE_ROWS),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const pageNumbers = pagesInView(items[0]?.index, items[items.length - 1]?.index, count);
  const pages = useQueries({
    queries: pageNumbers.map((page) => ({
      queryKey: ['pledges.list', filter, sort, page],
      queryFn: () =>
        call('pledges.list', { filter, sort, page: { offset: page * PAGE_SIZE, limit: PAGE_SIZE }, withTotal: false }),
    })),
  });
  const pageRows = pages.map((p) => p.data?.rows);

  return (
    // While a changed filter loads, the previous rows stay on screen, dimmed and marked busy.
    <div
      className={`ledger-table ${head.isPlaceholderData ? 'ledger-stale' : ''}`}
      role="table"
      aria-rowcount={count ?? 0}
      aria-busy={head.isPlaceholderData}
      data-testid="pledge-table"
    >
      <LedgerHead sort={sort} onSort={onSort} />
      {count !== undefined && count > MAX_SCROLLABLE_ROWS && (
        <div className="table-note" role="note">
          {t('pledges.tooMany', { shown: MAX_SCROLLABLE_ROWS.toLocaleString(lang === 'en' ? 'en' : 'vi') })}
        </div>
      )}
      <div ref={scroller} className="ledger-body" data-testid="pledge-rows">
        {count === 0 && <Empty description={t('pledges.empty')} />}
        {count === undefined && !head.isError && <Spin />}
        {head.isError && <Empty description={errorText(head.error, lang)} />}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const row = rowAt(item.index, head.data?.rows, pageNumbers, pageRows);
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                tabIndex={row ? 0 : -1}
                className={`ledger-row ${row?.status === 'cancelled' ? 'cancelled' : ''}`}
                style={{
                  position: 'absolute',
                  top: 0,
                  left: 0,
                  right: 0,
                  height: ROW_HEIGHT,
                  transform: `translateY(${item.start}px)`,
                }}
                onClick={() => row && onOpen(row)}
                onKeyDown={(e) => e.key === 'Enter' && row && onOpen(row)}
                data-testid={row ? 'pledge-row' : 'pledge-row-loading'}
              >
                {row ? (
                  <LedgerCells row={row} placeLabel={placeLabels.get(row.placeId) ?? row.placeName} />
                ) : (
                  <div className="cell loading-cell">…</div>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** The header row: each column's label, a button that sorts by it where it sorts, and the sort's direction. */
function LedgerHead({ sort, onSort }: { sort: Sort; onSort: (sort: Sort) => void }) {
  const { t } = useTranslation();
  return (
    <div className="ledger-row ledger-head" role="row">
      {LEDGER_COLUMNS.map((c) => {
        const label = t(`pledges.columns.${c.label}`);
        return (
          <div
            key={c.key}
            role="columnheader"
            className={`cell cell-${c.key} ${c.className ?? ''}`}
            aria-sort={ariaSort(sort, c.sortBy)}
          >
            {c.sortBy ? (
              <button type="button" className="sort-button" onClick={() => onSort(nextSort(sort, c.sortBy!))}>
                {label} {sortMark(sort, c.sortBy)}
              </button>
            ) : (
              label
            )}
          </div>
        );
      })}
    </div>
  );
}

/** A pledge's cells, in the columns' order. */
function LedgerCells({ row, placeLabel }: { row: PledgeRow; placeLabel: string }) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  const words = vocabulary(lang);
  return (
    <>
      <div className="cell cell-date">{showDate(row.pledgeDate)}</div>
      <div className="cell cell-donor" title={row.donorName}>
        {row.donorShortName ?? row.donorName}
      </div>
      <div className="cell cell-place" title={placeLabel}>
        {placeLabel}
      </div>
      <div className="cell cell-kind">{words.pledgeKind[row.kind]}</div>
      <div className="cell cell-description" title={row.description}>
        {row.description}
      </div>
      <div className="cell cell-amount num">
        {money(row.amountMinor, row.currency, lang)} {row.currency}
      </div>
      <div className="cell cell-vnd num">{money(row.vndEquivalent, 'VND', lang)}</div>
      <div className="cell cell-delivered num">{money(row.deliveredVnd, 'VND', lang)}</div>
      <div className="cell cell-status">
        <Tag color={STATUS_COLORS[row.status]}>{words.pledgeStatus[row.status]}</Tag>
      </div>
    </>
  );
}
