/** Tổng quan: KPI tiles and charts over the same filters as the ledger; a bar or slice opens the ledger filtered to it. */
import { Alert, Card, Col, Empty, Row, Segmented, Spin, Statistic, Typography } from 'antd';
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
import { axisLines, kindShare, kpis, placeBars, quarterSeries, topDonors } from '../charts';
import { ItemsPanel } from '../components/ItemsPanel';
import { FilterBar } from '../components/FilterBar';
import { usePlaces } from '../components/pickers';
import { quarterRange, toContractFilter, type FilterState } from '../filters';
import { compactVnd, money, showQuantity } from '../format';
import { vocabulary } from '../i18n';
import { errorText, useLedger } from '../queries';

const COLORS = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f'];
const PLEDGED = '#1d4ed8';
const DELIVERED = '#16a34a';

/** A slanted place name on up to two lines (the whole name on hover): long names and "(đơn vị cũ)" stay inside the card. */
function PlaceTick({ x, y, payload }: { x?: number; y?: number; payload?: { value: string } }) {
  const label = payload?.value ?? '';
  return (
    <g transform={`translate(${x ?? 0},${y ?? 0}) rotate(-20)`}>
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
  const words = vocabulary(lang);
  const contractFilter = toContractFilter(filter);
  const places = usePlaces();
  const province = places.data?.find((p) => p.level === 'province' && p.parentId === null);
  const rollUpUnder = filter.placeId ?? province?.id;
  const common = { filter: contractFilter, in: currency, lang } as const;
  const byKind = useLedger('totals', { by: 'kind', ...common }, { keepPrevious: true });
  const byDonor = useLedger('totals', { by: 'donor', ...common }, { keepPrevious: true });
  const byQuarter = useLedger('totals', { by: 'quarter', ...common }, { keepPrevious: true });
  const byPlace = useLedger(
    'totals',
    { by: 'place', ...common, ...(rollUpUnder ? { rollUpUnder } : {}) },
    { keepPrevious: true, enabled: places.isSuccess },
  );
  const failed = [byKind, byDonor, byQuarter, byPlace].find((q) => q.isError);
  const ready = byKind.data && byDonor.data && byQuarter.data && byPlace.data;

  const show = (v: number) => `${money(v, currency, lang)} ${currency}`;
  const axis = (v: number) => (currency === 'VND' ? compactVnd(v, lang) : compactVnd(Math.round(v / 100), lang));
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
          {...{
            byKind: byKind.data,
            byDonor: byDonor.data,
            byQuarter: byQuarter.data,
            byPlace: byPlace.data,
            show,
            axis,
            open,
            words,
            lang,
            t,
          }}
        />
      )}
      <ItemsPanel {...(onOpenItems ? { onOpenItems } : {})} />
    </div>
  );
}

interface BodyProps {
  byKind: TotalsResult;
  byDonor: TotalsResult;
  byQuarter: TotalsResult;
  byPlace: TotalsResult;
  show: (v: number) => string;
  axis: (v: number) => string;
  open: (patch: Partial<FilterState>) => void;
  words: ReturnType<typeof vocabulary>;
  lang: string;
  t: ReturnType<typeof useTranslation>['t'];
}

function DashboardBody({ byKind, byDonor, byQuarter, byPlace, show, axis, open, words, lang, t }: BodyProps) {
  const tiles = kpis(byKind, byDonor);
  const donorsBars = topDonors(byDonor, 8, t('dashboard.others'));
  const slices = kindShare(byKind);
  const quarters = quarterSeries(byQuarter, words.quarter);
  const placesBars = placeBars(byPlace);
  // A figure on its bar stays on one line ("1000 tỷ" was broken after the number on a narrow bar).
  const barLabel = (v: number) => axis(v).replace(/ /g, '\u00a0');
  const tooltip = (v: unknown) => show(Number(v));
  const name = (key: 'pledged' | 'delivered') =>
    key === 'pledged' ? t('dashboard.pledged') : t('dashboard.delivered');

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
      <Row gutter={[12, 12]} className="kpis" data-testid="kpis">
        {[
          ['pledged', show(tiles.pledged)],
          ['delivered', show(tiles.delivered)],
          ['remaining', show(tiles.remaining)],
          ['houses', showQuantity(tiles.houses, lang)],
          ['gifts', showQuantity(tiles.gifts, lang)],
          ['scholarships', showQuantity(tiles.scholarships, lang)],
          ['donors', String(tiles.donors)],
        ].map(([key, value]) => (
          <Col key={key} flex="1 1 0">
            <Card size="small" data-testid={`kpi-${key}`}>
              <Statistic title={t(`dashboard.${key as 'pledged'}`)} value={value} />
            </Card>
          </Col>
        ))}
      </Row>
      {tiles.pledged === 0 && tiles.delivered === 0 ? (
        <Empty description={t('dashboard.noData')} />
      ) : (
        <>
          <p className="muted">{t('dashboard.clickHint')}</p>
          <Row gutter={[12, 12]}>
            <Col span={12}>
              <Card size="small" title={t('dashboard.byPlace')} data-testid="chart-places">
                <ResponsiveContainer width="100%" height={280}>
                  <BarChart data={placesBars} margin={{ top: 24, right: 8, left: 8, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    {/* Slanted, on two lines: unit names with their type ("Huyện Nguyên Bình (đơn vị cũ)") are long. */}
                    <XAxis dataKey="label" interval={0} tick={<PlaceTick />} height={72} />
                    <YAxis tickFormatter={axis} width={70} />
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
                        formatter={(v: unknown) => barLabel(Number(v))}
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
            </Col>
            <Col span={12}>
              <Card size="small" title={t('dashboard.topDonors')} data-testid="chart-donors">
                <ResponsiveContainer width="100%" height={280}>
                  <BarChart data={donorsBars} layout="vertical" margin={{ top: 0, right: 64, left: 8, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" horizontal={false} />
                    <XAxis type="number" tickFormatter={axis} />
                    <YAxis type="category" dataKey="label" width={150} tick={{ fontSize: 11 }} />
                    <Tooltip formatter={tooltip} />
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
                        formatter={(v: unknown) => barLabel(Number(v))}
                        fontSize={10}
                      />
                    </Bar>
                  </BarChart>
                </ResponsiveContainer>
              </Card>
            </Col>
            <Col span={10}>
              <Card size="small" title={t('dashboard.byKind')} data-testid="chart-kinds">
                <ResponsiveContainer width="100%" height={260}>
                  <PieChart>
                    <Pie
                      data={slices}
                      dataKey="value"
                      nameKey="label"
                      outerRadius={90}
                      label={(entry: { name?: string; percent?: number }) =>
                        `${entry.name ?? ''} ${Math.round((entry.percent ?? 0) * 100)}%`
                      }
                      cursor="pointer"
                      onClick={(d) => open({ kinds: [(d.payload as { key: string }).key as never] })}
                    >
                      {slices.map((s, i) => (
                        <Cell key={s.key} fill={COLORS[i % COLORS.length]} />
                      ))}
                    </Pie>
                    <Tooltip formatter={tooltip} />
                  </PieChart>
                </ResponsiveContainer>
              </Card>
            </Col>
            <Col span={14}>
              <Card size="small" title={t('dashboard.byQuarter')} data-testid="chart-quarters">
                <ResponsiveContainer width="100%" height={260}>
                  <BarChart data={quarters} margin={{ top: 16, right: 8, left: 8, bottom: 0 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="label" tick={{ fontSize: 11 }} />
                    <YAxis tickFormatter={axis} width={70} />
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
            </Col>
          </Row>
        </>
      )}
    </>
  );
}
