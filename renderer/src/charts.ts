/**
 * Chart series as pure functions of `totals` results: what the dashboard draws, and what the tests check.
 * Sums are done with BigInt, so the "others" slice and the KPI tiles add up exactly.
 */
import type { TotalsGroup, TotalsResult, UnitQuantity } from '../../contract';
import { compactVnd, money, showQuantity } from './format';

/**
 * What a kind's tile counts: its pledges, their quantities unit by unit and how many have no quantity (units null
 * until the ledger has counted them).
 */
export interface KindCount {
  pledges: number;
  units: UnitQuantity[] | null;
  withoutQuantity: number;
}

export interface Kpis {
  pledged: number;
  delivered: number;
  remaining: number;
  houses: KindCount;
  gifts: KindCount;
  scholarships: KindCount;
  /** Donors with a pledge among those the filter matches. */
  donors: number;
}

const sum = (values: number[]) => Number(values.reduce((acc, v) => acc + BigInt(v), 0n));

/** The tiles' figures: sums by kind and donor, and each kind's quantities from `kindUnits` (totals with perUnit). */
export function kpis(byKind: TotalsResult, byDonor: TotalsResult, kindUnits?: TotalsResult): Kpis {
  const count = (kind: string): KindCount => {
    const pledges = byKind.groups.find((g) => g.key === kind)?.pledgeCount ?? 0;
    if (!kindUnits) return { pledges, units: null, withoutQuantity: 0 };
    const group = kindUnits.groups.find((g) => g.key === kind);
    return { pledges, units: group?.units ?? [], withoutQuantity: group?.withoutQuantity ?? 0 };
  };
  return {
    pledged: byKind.total.pledged,
    delivered: byKind.total.delivered,
    remaining: Number(BigInt(byKind.total.pledged) - BigInt(byKind.total.delivered)),
    houses: count('house'),
    gifts: count('gift'),
    scholarships: count('scholarship'),
    donors: byDonor.groups.filter((g) => g.pledgeCount > 0).length,
  };
}

export interface Bar {
  key: string;
  label: string;
  pledged: number;
  delivered: number;
}

const bar = (g: TotalsGroup): Bar => ({ key: g.key, label: g.label, pledged: g.pledged, delivered: g.delivered });

/** The `n` largest donors by pledged value, and one "others" bar for the rest (key null: not clickable). */
export type DonorBar = Omit<Bar, 'key'> & { key: string | null };

export function topDonors(byDonor: TotalsResult, n: number, othersLabel: string): DonorBar[] {
  const sorted = [...byDonor.groups].sort((a, b) => b.pledged - a.pledged || b.delivered - a.delivered);
  const top: DonorBar[] = sorted.slice(0, n).map(bar);
  const rest = sorted.slice(n);
  if (rest.length) {
    top.push({
      key: null,
      label: othersLabel,
      pledged: sum(rest.map((g) => g.pledged)),
      delivered: sum(rest.map((g) => g.delivered)),
    });
  }
  return top;
}

export interface Slice {
  key: string;
  label: string;
  value: number;
}

/** Pledged value by kind, largest first, without empty slices. */
export function kindShare(byKind: TotalsResult): Slice[] {
  return byKind.groups
    .filter((g) => g.pledged > 0)
    .sort((a, b) => b.pledged - a.pledged)
    .map((g) => ({ key: g.key, label: g.label, value: g.pledged }));
}

/** Pledged and delivered per quarter, with empty quarters between the first and last filled in. */
export function quarterSeries(byQuarter: TotalsResult, label: (year: string, quarter: string) => string): Bar[] {
  const groups = [...byQuarter.groups].sort((a, b) => a.key.localeCompare(b.key));
  if (!groups.length) return [];
  const byKey = new Map(groups.map((g) => [g.key, g]));
  const [first, last] = [groups[0]!.key, groups[groups.length - 1]!.key];
  const series: Bar[] = [];
  let year = Number(first.slice(0, 4));
  let q = Number(first.slice(6));
  for (;;) {
    const key = `${year}-Q${q}`;
    const g = byKey.get(key);
    series.push(g ? bar(g) : { key, label: label(String(year), String(q)), pledged: 0, delivered: 0 });
    if (key === last) break;
    q = q === 4 ? 1 : q + 1;
    if (q === 1) year++;
  }
  return series;
}

/** Bars by place, largest pledged first. */
export function placeBars(byPlace: TotalsResult): Bar[] {
  return [...byPlace.groups].sort((a, b) => b.pledged - a.pledged || a.label.localeCompare(b.label, 'vi')).map(bar);
}

/**
 * A category label on at most two short lines, for an axis whose bands are narrow: a closing parenthesis ("(trước
 * 01/07/2025)") on a line of its own, otherwise the words split where the first line fills; a line too long ends in "…".
 */
export function axisLines(label: string, width = 22): string[] {
  const clip = (line: string) => (line.length > width ? `${line.slice(0, width - 1).trimEnd()}…` : line);
  const aside = /^(.*\S)\s+(\([^()]*\))$/.exec(label);
  if (aside) return [clip(aside[1]!), clip(aside[2]!)];
  if (label.length <= width) return [label];
  const words = label.split(' ');
  let first = '';
  while (words.length && (first ? `${first} ${words[0]}` : words[0]!).length <= width)
    first = first ? `${first} ${words.shift()}` : words.shift()!;
  if (!first) return [clip(label)];
  return [first, clip(words.join(' '))];
}

/** The slant of the place names under their bars, in degrees. */
export const PLACE_TICK_ANGLE = 20;
/** A place name's font size (px), the height of each of its lines, and the width allowed per character (wide ones). */
const TICK_FONT = { size: 11, line: 13, charWidth: 6.4 };

/**
 * The height the place axis needs for its names slanted on up to two lines (`axisLines`): the longest line's rise
 * and the lines below it, so the longest name ("Huyện Nguyên Bình (đơn vị cũ)") ends above the legend, not under it.
 */
export function placeAxisHeight(labels: string[]): number {
  const angle = (PLACE_TICK_ANGLE * Math.PI) / 180;
  let height = 0;
  for (const label of labels) {
    const lines = axisLines(label);
    const widest = Math.max(...lines.map((line) => line.length)) * TICK_FONT.charWidth;
    const rise = widest * Math.sin(angle) + lines.length * TICK_FONT.line * Math.cos(angle);
    height = Math.max(height, rise);
  }
  // The tick's own offset below the axis (10) and a margin above the legend.
  return Math.ceil(height + 10 + 8);
}

/** How the dashboard writes its figures in the currency shown (`VND` or `USD`, whose figures are in cents). */
export interface FigureFormats {
  /** In full, with the currency: tiles and tooltips. */
  show: (value: number) => string;
  /** Short ("1,88 tỷ"): axes. */
  axis: (value: number) => string;
  /** Short, on one line: a figure on its bar. */
  barLabel: (value: number) => string;
}

export function figureFormats(currency: 'VND' | 'USD', lang: string): FigureFormats {
  const axis = (v: number) => (currency === 'VND' ? compactVnd(v, lang) : compactVnd(Math.round(v / 100), lang));
  return {
    show: (v) => `${money(v, currency, lang)} ${currency}`,
    axis,
    // A figure on its bar stays on one line ("1000 tỷ" was broken after the number on a narrow bar).
    barLabel: (v) => axis(v).replace(/ /g, '\u00a0'),
  };
}

export const KPI_KEYS = ['pledged', 'delivered', 'remaining', 'houses', 'gifts', 'scholarships', 'donors'] as const;

/**
 * The words a tile says what it counts with: `n` pledges; `n` of them with no quantity; none with a quantity; a
 * quantity written with no unit; what the donors' figure counts.
 */
export interface TileWords {
  pledges: (n: number) => string;
  withoutQuantity: (n: number) => string;
  noQuantity: string;
  noUnit: string;
  donorsNote: string;
}

/** A tile: its key, its figure as written, and the line beneath saying what the figure counts. */
export type KpiTile = [key: (typeof KPI_KEYS)[number], value: string, note?: string];

/**
 * A kind's quantities unit by unit ("12 căn · 20 hộ"), never added across units; a kind none of whose pledges has a
 * quantity shows its count of pledges instead.
 */
export function kindFigure(count: KindCount, words: TileWords, lang: string): string {
  if (!count.units?.length) return words.pledges(count.pledges);
  return count.units.map((u) => `${showQuantity(u.quantity, lang)} ${u.unit || words.noUnit}`).join(' · ');
}

/** Beneath a kind's figure: how many pledges it comes from, and how many of them have no quantity. */
export function kindNote(count: KindCount, words: TileWords): string {
  if (!count.units) return '';
  if (!count.units.length) return count.pledges ? words.noQuantity : '';
  const pledges = words.pledges(count.pledges);
  return count.withoutQuantity ? `${pledges} · ${words.withoutQuantity(count.withoutQuantity)}` : pledges;
}

/** The KPI tiles in their order, each with its figure as written: money, quantities by unit, a count of donors. */
export function kpiTiles(tiles: Kpis, show: (value: number) => string, lang: string, words: TileWords): KpiTile[] {
  const kind = (key: 'houses' | 'gifts' | 'scholarships'): KpiTile => [
    key,
    kindFigure(tiles[key], words, lang),
    kindNote(tiles[key], words),
  ];
  return [
    ['pledged', show(tiles.pledged)],
    ['delivered', show(tiles.delivered)],
    ['remaining', show(tiles.remaining)],
    kind('houses'),
    kind('gifts'),
    kind('scholarships'),
    ['donors', String(tiles.donors), words.donorsNote],
  ];
}

/** A pie slice's label: its name and its share in whole percent. */
export function sliceLabel(entry: { name?: string; percent?: number }): string {
  return `${entry.name ?? ''} ${Math.round((entry.percent ?? 0) * 100)}%`;
}

/** Whether the figures hold nothing to chart. */
export function isEmpty(tiles: Kpis): boolean {
  return tiles.pledged === 0 && tiles.delivered === 0;
}
