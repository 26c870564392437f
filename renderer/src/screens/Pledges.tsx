/** Sổ cam kết: the filter bar, the virtualized ledger table, and the totals line of the filtered set. */
import { Alert, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PledgeRow } from '../../../contract';
import { FilterBar } from '../components/FilterBar';
import { PledgeDetailDrawer } from '../components/PledgeDetailDrawer';
import { PAGE_SIZE, PledgeTable, type Sort } from '../components/PledgeTable';
import { useSearchTarget } from '../components/searchTarget';
import { toContractFilter, type FilterState } from '../filters';
import { money } from '../format';
import { errorText, useLedger } from '../queries';

interface Props {
  filter: FilterState;
  onFilter: (filter: FilterState) => void;
}

export function Pledges({ filter, onFilter }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const [sort, setSort] = useState<Sort>({ by: 'pledgeDate', dir: 'desc' });
  const [openId, setOpenId] = useState<string | null>(null);
  useSearchTarget('pledge', (pledge) => setOpenId(pledge.id));
  const contractFilter = toContractFilter(filter);
  const head = useLedger(
    'pledges.list',
    { filter: contractFilter, sort, page: { offset: 0, limit: PAGE_SIZE }, withTotal: true },
    { keepPrevious: true },
  );
  // The totals line waits for the first page: a table to read comes before the sums under it.
  const summary = useLedger(
    'pledges.summary',
    { filter: contractFilter },
    { keepPrevious: true, enabled: head.isSuccess },
  );
  const s = summary.data;

  return (
    <div className="screen" data-testid="pledges-screen">
      <Typography.Title level={3}>{t('pledges.title')}</Typography.Title>
      <FilterBar value={filter} onChange={onFilter} withText />
      {summary.isError && (
        <Alert type="error" showIcon title={t('common.loadFailed', { message: errorText(summary.error, lang) })} />
      )}
      <PledgeTable
        filter={contractFilter}
        sort={sort}
        onSort={setSort}
        onOpen={(row: PledgeRow) => setOpenId(row.id)}
      />
      {s && (
        <div className="totals-line" data-testid="totals-line">
          <span data-testid="totals-count">{t('pledges.count', { n: money(s.count, 'VND', lang) })}</span>
          <span>{t('pledges.totalsLine')}:</span>
          <span>
            {t('dashboard.pledged')} <strong data-testid="totals-pledged">{money(s.pledgedVnd, 'VND', lang)}</strong>
          </span>
          <span>
            {t('dashboard.delivered')}{' '}
            <strong data-testid="totals-delivered">{money(s.deliveredVnd, 'VND', lang)}</strong>
          </span>
          <span>
            {t('dashboard.remaining')}{' '}
            <strong data-testid="totals-remaining">{money(s.remainingVnd, 'VND', lang)}</strong> VND
          </span>
        </div>
      )}
      <PledgeDetailDrawer pledgeId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
