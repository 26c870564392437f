/** Tổng quan: KPI tiles and charts over the same filters as the ledger; a bar or slice opens the ledger filtered to it. */
import { Alert, Card, Col, Empty, Row, Segmented, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
  Pie,
  PieChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TotalsResult } from '../../../contract';
import {
  axisLines,
  type Bar as ChartBar,
  type DonorBar,
  type FigureFormats,
  figureFormats,
  isEmpty,
  kindShare,
  kpis,
  PLACE_TICK_ANGLE,
  placeAxisHeight,
  placeBars,
  quarterSeries,
  type Slice,
  sliceLabel,
  topDonors,
} from '../charts';
import { ItemsPanel } from '../components/ItemsPanel';
import { KpiTiles } from '../components/KpiTiles';
import { FilterBar } from '../components/FilterBar';
import { usePlaces } from '../components/pickers';
import { type FilterState, quarterRange, rollUpPlace, toContractFilter } from '../filters';
import { money } from '../format';
import { vocabulary } from '../i18n';
import { errorText, useLedger } from '../queries';

const COLORS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f'];
const PLEDGED = '#1d4ed8';
const DELIVERED = '#16a34a';

/** A slanted place name on up to two lines (the whole name on hover): long names and "(đơn vị cũ)" stay inside the card. */
function PlaceTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const label = payload?.value ?? '';
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0}) rotate(-${PLACE_TICK_ANGLE})`}>
      <title>{label}</title>
      <text className="recharts-cartesian-axis-tick-value" textAnchor="end" fontSize={11} fill="#666">
        {axisLines(label).map((line, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a label's lines, fixed for the label
          <tspan key={i} x={0} dy={i === 0 ? 10 : 13}>
            {line}
          </tspan>
        ))}
      </text>
    </g>
  );
}

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
  const ready = byKind.data && byDonor.data && byQuarter.data && byPlace.data;

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
      {!ready && !failed && <Spin />}
      {ready && (
        <DashboardBody
          byKind={byKind.data}
          kindUnits={kindUnits.data}
          byDonor={byDonor.data}
          byQuarter={byQuarter.data}
          byPlace={byPlace.data}
          formats={figureFormats(currency, lang)}
          open={open}
        />
      )}
      <ItemsPanel {...(onOpenItems ? { onOpenItems } : {})} />
    </div>
  );
}

interface BodyProps {
  byKind: TotalsResult;
  /** By kind with the quantities unit by unit (undefined until the ledger answers). */
  kindUnits: TotalsResult | undefined;
  byDonor: TotalsResult;
  byQuarter: TotalsResult;
  byPlace: TotalsResult;
  formats: FigureFormats;
  open: (patch: Partial<FilterState>) => void;
}

function DashboardBody({ byKind, kindUnits, byDonor, byQuarter, byPlace, formats, open }: BodyProps) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const words = vocabulary(lang);
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
          <Row gutter={[12, 12]}>
            <Col span={12}>
              <PlacesChart bars={placeBars(byPlace)} formats={formats} open={open} />
            </Col>
            <Col span={12}>
              <DonorsChart bars={topDonors(byDonor, 8, t('dashboard.others'))} formats={formats} open={open} />
            </Col>
            <Col span={10}>
              <KindsChart slices={kindShare(byKind)} formats={formats} open={open} />
            </Col>
            <Col span={14}>
              <QuartersChart bars={quarterSeries(byQuarter, words.quarter)} formats={formats} open={open} />
            </Col>
          </Row>
        </>
      )}
    </>
  );
}

interface ChartProps {
  formats: FigureFormats;
  open: (patch: Partial<FilterState>) => void;
}

/** The legend's name of a series. */
function useSeriesName() {
  const { t } = useTranslation();
  return (key: 'pledged' | 'delivered') => (key === 'pledged' ? t('dashboard.pledged') : t('dashboard.delivered'));
}

/** Pledged and delivered by place; a bar opens the ledger for its place. */
function PlacesChart({ bars, formats, open }: ChartProps & { bars: ChartBar[] }) {
  const { t } = useTranslation();
  const name = useSeriesName();
  const tooltip = (v: unknown) => formats.show(Number(v));
  // Slanted, on two lines: unit names with their type ("Huyện Nguyên Bình (đơn vị cũ)") are long, and the axis is
  // given the height its longest name needs (the chart grows by as much), so none runs under the legend.
  const axisHeight = placeAxisHeight(bars.map((b) => b.label));
  return (
    <Card size="small" title={t('dashboard.byPlace')} data-testid="chart-places">
      <ResponsiveContainer width="100%" height={208 + axisHeight}>
        <BarChart data={bars} margin={{ top: 24, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" interval={0} tick={<PlaceTick />} height={axisHeight} />
          <YAxis tickFormatter={formats.axis} width={70} />
          <Tooltip formatter={tooltip} />
          <Legend formatter={(v) => name(v as 'pledged')} />
          <Bar
            dataKey="pledged"
            name="pledged"
            fill={PLEDGED}
            cursor="pointer"
            onClick={(d) => open({ placeId: (d.payload as { key: string }).key })}
          >
            <LabelList
              dataKey="pledged"
              position="top"
              formatter={(v: unknown) => formats.barLabel(Number(v))}
              fontSize={10}
            />
          </Bar>
          <Bar
            dataKey="delivered"
            name="delivered"
            fill={DELIVERED}
            cursor="pointer"
            onClick={(d) => open({ placeId: (d.payload as { key: string }).key })}
          />
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
}

/** The largest donors by value pledged; a bar opens the ledger for its donor ("others" opens nothing). */
function DonorsChart({ bars, formats, open }: ChartProps & { bars: DonorBar[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.topDonors')} data-testid="chart-donors">
      <ResponsiveContainer width="100%" height={280}>
        <BarChart data={bars} layout="vertical" margin={{ top: 0, right: 64, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" tickFormatter={formats.axis} />
          <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v: unknown) => formats.show(Number(v))} />
          <Bar
            dataKey="pledged"
            name={t('dashboard.pledged')}
            fill={PLEDGED}
            cursor="pointer"
            onClick={(d) => {
              const key = (d.payload as { key: string | null }).key;
              if (key) open({ donorId: key });
            }}
          >
            <LabelList
              dataKey="pledged"
              position="right"
              formatter={(v: unknown) => formats.barLabel(Number(v))}
              fontSize={10}
            />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
}

/** The share of each kind of aid in the value pledged; a slice opens the ledger for its kind. */
function KindsChart({ slices, formats, open }: ChartProps & { slices: Slice[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.byKind')} data-testid="chart-kinds">
      <ResponsiveContainer width="100%" height={260}>
        <PieChart>
          <Pie
            data={slices}
            dataKey="value"
            nameKey="label"
            outerRadius={90}
            label={sliceLabel}
            cursor="pointer"
            onClick={(d) => open({ kinds: [(d.payload as { key: string }).key as never] })}
          >
            {slices.map((s, i) => (
              <Cell key={s.key} fill={COLORS[i % COLORS.length]} />
            ))}
          </Pie>
          <Tooltip formatter={(v: unknown) => formats.show(Number(v))} />
        </PieChart>
      </ResponsiveContainer>
    </Card>
  );
}

/** Pledged and delivered by quarter; a bar opens the ledger for its quarter. */
function QuartersChart({ bars, formats, open }: ChartProps & { bars: ChartBar[] }) {
  const { t } = useTranslation();
  const name = useSeriesName();
  const tooltip = (v: unknown) => formats.show(Number(v));
  return (
    <Card size="small" title={t('dashboard.byQuarter')} data-testid="chart-quarters">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={bars} margin={{ top: 16, right: 8, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={formats.axis} width={70} />
          <Tooltip formatter={tooltip} />
          <Legend formatter={(v) => name(v as 'pledged')} />
          <Bar
            dataKey="pledged"
            name="pledged"
            fill={PLEDGED}
            cursor="pointer"
            onClick={(d) => open({ preset: 'custom', ...quarterRange((d.payload as { key: string }).key) })}
          />
          <Bar
            dataKey="delivered"
            name="delivered"
            fill={DELIVERED}
            cursor="pointer"
            onClick={(d) => open({ preset: 'custom', ...quarterRange((d.payload as { key: string }).key) })}
          />
        </BarChart>
      </ResponsiveContainer>
    </Card>
  );
}
