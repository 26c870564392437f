/** Tổng quan: KPI tiles and charts over the same filters as the ledger; a bar or slice opens the ledger filtered to it. */
import { Alert, Empty, Segmented, Spin, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryWarning, TotalsResult } from '../../../contract';
import { type FigureFormats, figureFormats, isEmpty, kpis } from '../charts';
import { DashboardCharts } from '../components/DashboardCharts';
import { ItemDetailDrawer } from '../components/ItemDetailDrawer';
import { ItemsPanel } from '../components/ItemsPanel';
import { RegistryWarningsCard } from '../components/NgoWarnings';
import { PledgeDetailDrawer } from '../components/PledgeDetailDrawer';
import { KpiTiles } from '../components/KpiTiles';
import { FilterBar } from '../components/FilterBar';
import { usePlaces } from '../components/pickers';
import { type FilterState, rollUpPlace, toContractFilter } from '../filters';
import { money } from '../format';
import { errorText, useLedger } from '../queries';

interface Props {
  filter: FilterState;
  onFilter: (filter: FilterState) => void;
  currency: 'VND' | 'USD';
  onCurrency: (currency: 'VND' | 'USD') => void;
  /** Opens the ledger with this filter. */
  onOpenLedger: (filter: FilterState) => void;
  onOpenItems?: () => void;
}

export function Dashboard({ filter, onFilter, currency, onCurrency, onOpenLedger, onOpenItems }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const contractFilter = toContractFilter(filter);
  const places = usePlaces();
  const rollUpUnder = rollUpPlace(filter.placeId, places.data);
  const common = { filter: contractFilter, in: currency, lang } as const;
  const byKind = useLedger('totals', { by: 'kind', ...common }, { keepPrevious: true });
  // Each kind's quantities unit by unit, for its tile: asked apart, as the ledger reads its pledges for them, so the
  // sums and charts do not wait for it.
  const kindUnits = useLedger('totals', { by: 'kind', ...common, perUnit: true }, { keepPrevious: true });
  const byDonor = useLedger('totals', { by: 'donor', ...common }, { keepPrevious: true });
  const byQuarter = useLedger('totals', { by: 'quarter', ...common }, { keepPrevious: true });
  const byPlace = useLedger(
    'totals',
    { by: 'place', ...common, ...(rollUpUnder ? { rollUpUnder } : {}) },
    { keepPrevious: true, enabled: places.isSuccess },
  );
  const failed = [byKind, byDonor, byQuarter, byPlace].find((q) => q.isError);
  // The tiles need only the sums by kind and by donor: they show as soon as those are answered, the charts after them.
  const tilesReady = byKind.data && byDonor.data;
  const formats = useMemo(() => figureFormats(currency, lang), [currency, lang]);

  const open = (patch: Partial<FilterState>) => onOpenLedger({ ...filter, ...patch });

  return (
    <div className="screen" data-testid="dashboard">
      <Typography.Title level={3}>{t('dashboard.title')}</Typography.Title>
      <FilterBar value={filter} onChange={onFilter}>
        <Segmented
          aria-label={t('filters.currency')}
          value={currency}
          options={['VND', 'USD']}
          onChange={(v) => onCurrency(v as 'VND' | 'USD')}
          data-testid="currency-switch"
        />
      </FilterBar>
      {failed && (
        <Alert type="error" showIcon title={t('common.loadFailed', { message: errorText(failed.error, lang) })} />
      )}
      {!tilesReady && !failed && <Spin />}
      {tilesReady && (
        <DashboardBody
          byKind={byKind.data}
          kindUnits={kindUnits.data}
          byDonor={byDonor.data}
          byQuarter={byQuarter.data}
          byPlace={byPlace.data}
          formats={formats}
          open={open}
        />
      )}
      <ItemsPanel {...(onOpenItems ? { onOpenItems } : {})} />
      <RegistryWarningsLinks />
    </div>
  );
}

/** The registry's unconsidered warnings, each opening its aid item (a pledge without one: the pledge). */
function RegistryWarningsLinks() {
  const [opened, setOpened] = useState<RegistryWarning | null>(null);
  const itemId = opened?.itemId ?? null;
  const pledgeId = opened && !opened.itemId && opened.subject === 'pledge' ? opened.id : null;
  return (
    <>
      <RegistryWarningsCard onOpen={setOpened} />
      {itemId !== null && <ItemDetailDrawer itemId={itemId} onClose={() => setOpened(null)} />}
      {pledgeId !== null && <PledgeDetailDrawer pledgeId={pledgeId} onClose={() => setOpened(null)} />}
    </>
  );
}

interface BodyProps {
  byKind: TotalsResult;
  /** By kind with the quantities unit by unit (undefined until the ledger answers). */
  kindUnits: TotalsResult | undefined;
  byDonor: TotalsResult;
  /** By quarter and by place, for the charts (undefined until the ledger answers). */
  byQuarter: TotalsResult | undefined;
  byPlace: TotalsResult | undefined;
  formats: FigureFormats;
  open: (patch: Partial<FilterState>) => void;
}

function DashboardBody({ byKind, kindUnits, byDonor, byQuarter, byPlace, formats, open }: BodyProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const tiles = kpis(byKind, byDonor, kindUnits);

  return (
    <>
      {byKind.unconverted && byKind.unconverted.pledgeCount > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('dashboard.unconverted', {
            count: byKind.unconverted.pledgeCount,
            vnd: money(byKind.unconverted.pledgedVnd, 'VND', lang),
          })}
        />
      )}
      <KpiTiles tiles={tiles} show={formats.show} />
      {isEmpty(tiles) ? (
        <Empty description={t('dashboard.noData')} />
      ) : (
        <>
          <p className="muted">{t('dashboard.clickHint')}</p>
          {byQuarter && byPlace ? (
            <DashboardCharts
              byKind={byKind}
              byDonor={byDonor}
              byQuarter={byQuarter}
              byPlace={byPlace}
              formats={formats}
              open={open}
            />
          ) : (
            <Spin />
          )}
        </>
      )}
    </>
  );
}
