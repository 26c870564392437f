/**
 * The ledger table: virtualized rows over paged queries, so a million pledges scroll smoothly and only the
 * pages in view are ever fetched. Column headers sort; a row opens the pledge (click or Enter).
 */
import { useQueries } from '@tanstack/react-query';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Empty, Spin, Tag } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeFilter, PledgeRow, PledgeSortKey } from '../../../contract';
import { money, showDate } from '../format';
import { vocabulary } from '../i18n';
import { call, errorText, useLedger } from '../queries';

export const PAGE_SIZE = 100;
const ROW_HEIGHT = 32;
/** Browsers cap an element's height near 33.5 million pixels; rows past this many cannot be scrolled to. */
export const MAX_SCROLLABLE_ROWS = Math.floor(33_000_000 / ROW_HEIGHT);

export interface Sort {
  by: PledgeSortKey;
  dir: 'asc' | 'desc';
}

interface Props {
  filter: PledgeFilter;
  sort: Sort;
  onSort: (sort: Sort) => void;
  onOpen: (row: PledgeRow) => void;
}

const STATUS_COLORS = { pledged: 'blue', in_progress: 'gold', completed: 'green', cancelled: 'default' } as const;

export function PledgeTable({ filter, sort, onSort, onOpen }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const words = vocabulary(lang);
  // The first page comes with the count, so the table shows as soon as that one query answers.
  const head = useLedger(
    'pledges.list',
    { filter, sort, page: { offset: 0, limit: PAGE_SIZE }, withTotal: true },
    { keepPrevious: true },
  );
  const count = head.data?.total ?? undefined;
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: Math.min(count ?? 0, MAX_SCROLLABLE_ROWS),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstPage = items.length ? Math.floor(items[0]!.index / PAGE_SIZE) : 0;
  const lastPage = items.length ? Math.floor(items[items.length - 1]!.index / PAGE_SIZE) : 0;
  const pageNumbers = count
    ? Array.from({ length: lastPage - firstPage + 1 }, (_, i) => firstPage + i).filter((p) => p > 0)
    : [];
  const pages = useQueries({
    queries: pageNumbers.map((page) => ({
      queryKey: ['pledges.list', filter, sort, page],
      queryFn: () =>
        call('pledges.list', { filter, sort, page: { offset: page * PAGE_SIZE, limit: PAGE_SIZE }, withTotal: false }),
    })),
  });
  const rowAt = (index: number): PledgeRow | undefined => {
    const page = Math.floor(index / PAGE_SIZE);
    if (page === 0) return head.data?.rows[index];
    return pages[pageNumbers.indexOf(page)]?.data?.rows[index - page * PAGE_SIZE];
  };

  const columns: { key: string; label: string; sortBy?: PledgeSortKey; className?: string }[] = [
    { key: 'date', label: t('pledges.columns.pledgeDate'), sortBy: 'pledgeDate' },
    { key: 'donor', label: t('pledges.columns.donor'), sortBy: 'donor' },
    { key: 'place', label: t('pledges.columns.place'), sortBy: 'place' },
    { key: 'kind', label: t('pledges.columns.kind'), sortBy: 'kind' },
    { key: 'description', label: t('pledges.columns.description') },
    { key: 'amount', label: t('pledges.columns.amount'), className: 'num' },
    { key: 'vnd', label: t('pledges.columns.vndEquivalent'), sortBy: 'vndEquivalent', className: 'num' },
    { key: 'delivered', label: t('pledges.columns.delivered'), className: 'num' },
    { key: 'status', label: t('pledges.columns.status'), sortBy: 'status' },
  ];

  return (
    // While a changed filter loads, the previous rows stay on screen, dimmed and marked busy.
    <div
      className={`ledger-table ${head.isPlaceholderData ? 'ledger-stale' : ''}`}
      role="table"
      aria-rowcount={count ?? 0}
      aria-busy={head.isPlaceholderData}
      data-testid="pledge-table"
    >
      <div className="ledger-row ledger-head" role="row">
        {columns.map((c) => (
          <div
            key={c.key}
            role="columnheader"
            className={`cell cell-${c.key} ${c.className ?? ''}`}
            aria-sort={c.sortBy === sort.by ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
          >
            {c.sortBy ? (
              <button
                type="button"
                className="sort-button"
                onClick={() =>
                  onSort({ by: c.sortBy!, dir: sort.by === c.sortBy && sort.dir === 'desc' ? 'asc' : 'desc' })
                }
              >
                {c.label} {sort.by === c.sortBy ? (sort.dir === 'asc' ? '▲' : '▼') : ''}
              </button>
            ) : (
              c.label
            )}
          </div>
        ))}
      </div>
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
            const row = rowAt(item.index);
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
                  <>
                    <div className="cell cell-date">{showDate(row.pledgeDate)}</div>
                    <div className="cell cell-donor" title={row.donorName}>
                      {row.donorShortName ?? row.donorName}
                    </div>
                    <div className="cell cell-place">{row.placeName}</div>
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
