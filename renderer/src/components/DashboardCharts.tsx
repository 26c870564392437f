/**
 * The dashboard's four charts (Recharts), each in a card whose box has its final size from the start: the charts are
 * drawn in a render of their own, after the figures above them are on the screen (drawing them takes several times as
 * long as the ledger takes to answer), and again in the background when the figures change.
 */
import { Card, Col, Row } from 'antd';
import { type ReactNode, useDeferredValue, useLayoutEffect, useMemo, useRef } from 'react';
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
  kindShare,
  PLACE_TICK_ANGLE,
  placeAxisHeight,
  placeBars,
  quarterSeries,
  type Slice,
  sliceLabel,
  topDonors,
} from '../charts';
import { type FilterState, quarterRange } from '../filters';
import { vocabulary } from '../i18n';

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
  byKind: TotalsResult;
  byDonor: TotalsResult;
  byQuarter: TotalsResult;
  byPlace: TotalsResult;
  formats: FigureFormats;
  open: (patch: Partial<FilterState>) => void;
}

/** What the charts draw, made once per answer of the ledger, currency and language. */
interface Drawn {
  places: ChartBar[];
  donors: DonorBar[];
  kinds: Slice[];
  quarters: ChartBar[];
  formats: FigureFormats;
}

/** The charts' heights (the card's body): the places' grows with its axis, which its longest name sets. */
const HEIGHT = { donors: 280, kinds: 260, quarters: 260 } as const;
const placesHeight = (bars: ChartBar[]) => 208 + placeAxisHeight(bars.map((b) => b.label));

/** The places' and donors' charts side by side, then the kinds' share and the quarters. */
export function DashboardCharts({ byKind, byDonor, byQuarter, byPlace, formats, open }: Props) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'vi';
  const others = t('dashboard.others');
  const current = useMemo<Drawn>(
    () => ({
      places: placeBars(byPlace),
      donors: topDonors(byDonor, 8, others),
      kinds: kindShare(byKind),
      quarters: quarterSeries(byQuarter, vocabulary(lang).quarter),
      formats,
    }),
    [byKind, byDonor, byQuarter, byPlace, formats, others, lang],
  );
  // Null on the first render, committed with the tiles: the cards' boxes only. The charts follow in a render of their
  // own at a transition's priority, which gives way to the browser's paint; later answers redraw them the same way,
  // after the tiles have shown theirs.
  const drawn = useDeferredValue<Drawn | null>(current, null);
  // The latest `open` (the screen makes a new one each render), so that the charts drawn are not drawn again for it.
  const openRef = useRef(open);
  useLayoutEffect(() => {
    openRef.current = open;
  });
  const charts = useMemo(() => {
    if (!drawn) return null;
    const openLatest = (patch: Partial<FilterState>) => openRef.current(patch);
    const { formats } = drawn;
    return {
      places: <PlacesChart bars={drawn.places} formats={formats} open={openLatest} />,
      donors: <DonorsChart bars={drawn.donors} formats={formats} open={openLatest} />,
      kinds: <KindsChart slices={drawn.kinds} formats={formats} open={openLatest} />,
      quarters: <QuartersChart bars={drawn.quarters} formats={formats} open={openLatest} />,
    };
  }, [drawn]);
  return (
    <Row gutter={[12, 12]} data-testid="dashboard-charts" data-drawn={drawn === current ? 'yes' : 'no'}>
      <Col span={12}>
        <ChartCard title={t('dashboard.byPlace')} testId="chart-places" height={placesHeight(current.places)}>
          {charts?.places}
        </ChartCard>
      </Col>
      <Col span={12}>
        <ChartCard title={t('dashboard.topDonors')} testId="chart-donors" height={HEIGHT.donors}>
          {charts?.donors}
        </ChartCard>
      </Col>
      <Col span={10}>
        <ChartCard title={t('dashboard.byKind')} testId="chart-kinds" height={HEIGHT.kinds}>
          {charts?.kinds}
        </ChartCard>
      </Col>
      <Col span={14}>
        <ChartCard title={t('dashboard.byQuarter')} testId="chart-quarters" height={HEIGHT.quarters}>
          {charts?.quarters}
        </ChartCard>
      </Col>
    </Row>
  );
}

/** A chart's card, its body the chart's own height until the chart is drawn in it. */
function ChartCard({
  title,
  testId,
  height,
  children,
}: {
  title: string;
  testId: string;
  height: number;
  children: ReactNode;
}) {
  return (
    <Card size="small" title={title} data-testid={testId}>
      {children || <div style={{ height }} data-testid={`${testId}-pending`} />}
    </Card>
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
  const name = useSeriesName();
  const tooltip = (v: unknown) => formats.show(Number(v));
  // Slanted, on two lines: unit names with their type ("Huyện Nguyên Bình (đơn vị cũ)") are long, and the axis is
  // given the height its longest name needs (the chart grows by as much), so none runs under the legend.
  const axisHeight = placeAxisHeight(bars.map((b) => b.label));
  return (
    <ResponsiveContainer width="100%" height={placesHeight(bars)}>
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
  );
}

/** The largest donors by value pledged; a bar opens the ledger for its donor ("others" opens nothing). */
function DonorsChart({ bars, formats, open }: ChartProps & { bars: DonorBar[] }) {
  const { t } = useTranslation();
  return (
    <ResponsiveContainer width="100%" height={HEIGHT.donors}>
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
  );
}

/** The share of each kind of aid in the value pledged; a slice opens the ledger for its kind. */
function KindsChart({ slices, formats, open }: ChartProps & { slices: Slice[] }) {
  return (
    <ResponsiveContainer width="100%" height={HEIGHT.kinds}>
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
  );
}

/** Pledged and delivered by quarter; a bar opens the ledger for its quarter. */
function QuartersChart({ bars, formats, open }: ChartProps & { bars: ChartBar[] }) {
  const name = useSeriesName();
  const tooltip = (v: unknown) => formats.show(Number(v));
  return (
    <ResponsiveContainer width="100%" height={HEIGHT.quarters}>
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
  );
}
