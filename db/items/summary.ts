/**
 * The statutory summary of a year or half-year: how many programmes, projects and non-project aid, from how many
 * NGOs, committed and disbursed, in VND and in USD (each line converted once, at its own date's rate, as `totals`
 * converts: see `../usd`), and the same by sector. An item
 * counts in a period when one of its lines was pledged, or a delivery on one of them made, in it, or when its approval
 * decision is dated in it (an item approved with no line yet still counts, its figures nought); committed counts
 * the lines pledged in the period, disbursed the deliveries made in it — the same figures `totals` gives, so the
 * paragraph and the tables agree with every other total of the ledger. A report of some items only (a scope: sectors,
 * modalities, stages) counts and sums theirs.
 */
import { sql } from 'kysely';
import { exactSum } from '../pledges/sums';
import type { ParsedInput, ReportCutoff, TotalsResult, UnconvertedInUsd, UnconvertedLines } from '../../contract';
import type {
  CurrencyPair,
  ItemScope,
  StatutoryGroupRow,
  StatutoryReport,
  StatutorySummary,
} from '../../contract/items';
import { ITEM_VOCABULARY, labelIn, sectorLabel } from '../../contract/labels';
import { formatAmount } from '../../contract/money';
import { readRows } from '../core/statements';
import { dayText } from '../../contract/dates';
import type { Ctx } from '../core/context';
import { totals } from '../totals';
import { noneUnconverted } from '../usd';
import { parsePeriod } from '../reports/period';
import { cutoffOf } from '../reports/rules';
import { itemsInScope } from './scope';

/** A year's or half-year's dates, cut by the calendar or by Decree 09/2019's cut-off (see `../reports/period`). */
export function periodOf(
  year: number,
  half: 'H1' | 'H2' | undefined,
  cutoff: ReportCutoff,
): { from: string; to: string } {
  const { from, to } = parsePeriod(half ? `${year}-${half}` : String(year), cutoff);
  return { from, to };
}

/** Lines alive in a period: pledged in it, or delivered on in it (cancelled lines count nowhere); in a scope, its items' only. */
function linesAlive(period: { from: string; to: string }, scope: ItemScope | null) {
  const items = scope ? itemsInScope(scope) : null;
  return sql`SELECT p.id, p.item_id, p.donor_id FROM pledges p WHERE p.status <> 'cancelled' AND (p.pledge_date BETWEEN ${period.from} AND ${period.to}
    OR EXISTS (SELECT 1 FROM deliveries x WHERE x.pledge_id = p.id AND x.delivery_date BETWEEN ${period.from} AND ${period.to}))
    ${items ? sql`AND p.item_id IN ${items}` : sql``}`;
}

/** The stages of an item that was approved: those its approval decision leads to (`revoked` ends an approved one). */
const APPROVED_STAGES = ['approved', 'implementing', 'ended', 'settled', 'revoked'];

/**
 * The items alive in a period (ids, as a subquery): those of its lines alive, and those approved in it — an approval
 * decision dated in the period, the item at a stage its approval leads to — with no line yet; in a scope, its items'.
 */
export function itemsAlive(period: { from: string; to: string }, scope: ItemScope | null) {
  const inScope = scope ? itemsInScope(scope) : null;
  return sql`SELECT l.item_id FROM (${linesAlive(period, scope)}) l WHERE l.item_id IS NOT NULL
    UNION SELECT a.id FROM aid_items a WHERE a.approval_date BETWEEN ${period.from} AND ${period.to}
      AND a.stage IN (${sql.join(APPROVED_STAGES)}) ${inScope ? sql`AND a.id IN ${inScope}` : sql``}`;
}

/** Both currencies' totals of a period by one grouping. */
async function inBoth(
  ctx: Ctx,
  by: 'sector' | 'modality' | 'donor' | 'item',
  period: { from: string; to: string },
  lang: 'vi' | 'en',
  scope: ItemScope | null,
) {
  const filter = { from: period.from, to: period.to, ...(scope ?? {}) };
  return [
    await totals(ctx, { by, filter, in: 'VND', lang }),
    await totals(ctx, { by, filter, in: 'USD', lang }),
  ] as const;
}

export async function statutorySummary(ctx: Ctx, input: ParsedInput<'items.summary'>): Promise<StatutorySummary> {
  return (await summarize(ctx, input)).summary;
}

/** The summary, and the totals by sector it was made from (the report's sector table is the same figures). */
async function summarize(
  ctx: Ctx,
  input: ParsedInput<'items.summary'>,
  scope: ItemScope | null = null,
): Promise<{ summary: StatutorySummary; vnd: TotalsResult; usd: TotalsResult }> {
  const period = periodOf(input.year, input.half, await cutoffOf(ctx, input.cutoff));
  const [vnd, usd] = await inBoth(ctx, 'sector', period, input.lang, scope);
  const lines = linesAlive(period, scope);
  const alive = itemsAlive(period, scope);
  const items = readRows<{ id: string; modality: string; sector: string }>(
    ctx,
    sql`SELECT i.id, i.modality, i.sector FROM aid_items i WHERE i.id IN (${alive})`,
  );
  const withoutItem = readRows<{ n: number }>(
    ctx,
    sql`SELECT count(*) AS n FROM (${lines}) l WHERE l.item_id IS NULL`,
  )[0]!.n;
  // NGOs: the donors of the lines and the items' own donors, each counted once (merged donors as the one kept).
  const donors = readRows<{ n: number }>(
    ctx,
    sql`SELECT count(DISTINCT coalesce(d.merged_into, d.id)) AS n FROM donors d WHERE d.id IN (SELECT donor_id FROM (${lines}))
      OR d.id IN (SELECT i.donor_id FROM aid_items i WHERE i.id IN (${alive}))`,
  )[0]!.n;
  const count = (modality: string) => items.filter((i) => i.modality === modality).length;
  const pair = (key: string | null, side: 'pledged' | 'delivered'): CurrencyPair => ({
    VND: key === null ? vnd.total[side] : (vnd.groups.find((g) => g.key === key)?.[side] ?? 0),
    USD: key === null ? usd.total[side] : (usd.groups.find((g) => g.key === key)?.[side] ?? 0),
  });
  // A sector of items approved with no line yet has no totals: it is listed all the same, with its items, at nought.
  const keys = [
    ...new Set([...vnd.groups.map((g) => g.key), ...usd.groups.map((g) => g.key), ...items.map((i) => i.sector)]),
  ];
  const summary: Omit<StatutorySummary, 'paragraph'> = {
    period,
    items: { programme: count('programme'), project: count('project'), nonProject: count('non_project') },
    linesWithoutItem: withoutItem,
    donors,
    committed: pair(null, 'pledged'),
    disbursed: pair(null, 'delivered'),
    bySector: keys
      .map((key) => ({
        sector: key === '' ? (vnd.groups.find((g) => g.key === '')?.label ?? '') : sectorLabel(key, input.lang),
        items: items.filter((i) => i.sector === key).length,
        committed: pair(key, 'pledged'),
        disbursed: pair(key, 'delivered'),
      }))
      .sort((a, b) => b.committed.VND - a.committed.VND || a.sector.localeCompare(b.sector, 'vi')),
    unconvertedVnd: { committed: usd.unconverted?.pledgedVnd ?? 0, disbursed: usd.unconverted?.deliveredVnd ?? 0 },
    unconverted: usd.unconverted ?? noneUnconverted(),
  };
  return { summary: { ...summary, paragraph: paragraph(summary, input) }, vnd, usd };
}

function paragraph(s: Omit<StatutorySummary, 'paragraph'>, input: ParsedInput<'items.summary'>): string {
  const total = s.items.programme + s.items.project + s.items.nonProject;
  if (input.lang === 'en') {
    const when = input.half
      ? `In the ${input.half === 'H1' ? 'first' : 'second'} half of ${input.year}`
      : `In ${input.year}`;
    const money = (p: CurrencyPair) =>
      `USD ${formatAmount(p.USD, 'USD', 'en')} (VND ${formatAmount(p.VND, 'VND', 'en')})`;
    return `${when} (${dayText(s.period.from)} to ${dayText(s.period.to)}): ${total} programmes, projects and non-project aid (${s.items.programme} programmes, ${s.items.project} projects, ${s.items.nonProject} non-project) from ${s.donors} organisations; committed ${money(s.committed)}, disbursed ${money(s.disbursed)}.${unconvertedText(s.unconverted, 'en')}`;
  }
  const when = input.half ? `Sáu tháng ${input.half === 'H1' ? 'đầu' : 'cuối'} năm ${input.year}` : `Năm ${input.year}`;
  const money = (p: CurrencyPair) =>
    `${formatAmount(p.USD, 'USD', 'vi')} USD (${formatAmount(p.VND, 'VND', 'vi')} đồng)`;
  return `${when} (từ ${dayText(s.period.from)} đến ${dayText(s.period.to)}): ${total} chương trình, dự án, phi dự án (${s.items.programme} chương trình, ${s.items.project} dự án, ${s.items.nonProject} phi dự án) của ${s.donors} tổ chức; tổng giá trị cam kết ${money(s.committed)}, giải ngân ${money(s.disbursed)}.${unconvertedText(s.unconverted, 'vi')}`;
}

/**
 * What the USD figures leave out, said after them (and under each USD table): how many lines, their VND value and the
 * months without a rate; '' when every line was converted.
 */
export function unconvertedText(u: UnconvertedInUsd, lang: 'vi' | 'en'): string {
  const lines = u.pledgeCount + u.deliveryCount;
  if (!lines) return '';
  const vnd = exactSum(u.pledgedVnd, u.deliveredVnd);
  const both = u.pledgedVnd > 0 && u.deliveredVnd > 0;
  const months = u.months.map(dayText).join(', ');
  if (lang === 'en') {
    const split = both
      ? ` (committed VND ${formatAmount(u.pledgedVnd, 'VND', 'en')}, disbursed VND ${formatAmount(u.deliveredVnd, 'VND', 'en')})`
      : '';
    return ` ${lines} line(s), VND ${formatAmount(vnd, 'VND', 'en')}${split}, could not be converted to USD, for want of a USD rate for ${months}; the USD figures leave them out.`;
  }
  const split = both
    ? ` (cam kết ${formatAmount(u.pledgedVnd, 'VND', 'vi')} đồng, giải ngân ${formatAmount(u.deliveredVnd, 'VND', 'vi')} đồng)`
    : '';
  return ` Chưa quy đổi được ${lines} dòng, ${formatAmount(vnd, 'VND', 'vi')} đồng${split}, do chưa có tỷ giá USD các tháng ${months}; các số USD chưa gồm các dòng này.`;
}

/**
 * Groups of totals in VND and USD as one table's rows, with the items each group holds; a group of `itemKeys` with no
 * totals (its items approved with no line yet) is a row at nought, so the items column adds up to the list.
 */
function groupRows(
  vnd: TotalsResult,
  usd: TotalsResult,
  label: (key: string, fallback: string) => string,
  items: (key: string) => number,
  itemKeys: string[],
): StatutoryGroupRow[] {
  const keys = [...new Set([...vnd.groups.map((g) => g.key), ...usd.groups.map((g) => g.key), ...itemKeys])];
  const value = (result: TotalsResult, key: string, side: 'pledged' | 'delivered') =>
    result.groups.find((g) => g.key === key)?.[side] ?? 0;
  return keys
    .map((key) => ({
      label: label(
        key,
        vnd.groups.find((g) => g.key === key)?.label ?? usd.groups.find((g) => g.key === key)?.label ?? key,
      ),
      items: items(key),
      committed: { VND: value(vnd, key, 'pledged'), USD: value(usd, key, 'pledged') },
      disbursed: { VND: value(vnd, key, 'delivered'), USD: value(usd, key, 'delivered') },
      ...unconvertedOf(usd, key),
    }))
    .sort((a, b) => b.committed.VND - a.committed.VND || a.label.localeCompare(b.label, 'vi'));
}

/** A group's lines left out of its USD figures, as a row's field (none when every line was converted). */
function unconvertedOf(usd: TotalsResult, key: string): { unconverted?: UnconvertedLines } {
  const unconverted = usd.groups.find((g) => g.key === key)?.unconverted;
  return unconverted ? { unconverted } : {};
}

/**
 * The aid items part of the 6-month or annual report: the summary and its paragraph, the tables by sector, modality and
 * donor country (each in VND and USD, converted as totals converts), and the items alive in the period.
 */
export async function statutoryReport(
  ctx: Ctx,
  year: number,
  half: 'H1' | 'H2' | undefined,
  lang: 'vi' | 'en',
  scope: ItemScope | null,
  cutoff: ReportCutoff,
): Promise<StatutoryReport> {
  const {
    summary,
    vnd: sectorVnd,
    usd: sectorUsd,
  } = await summarize(ctx, { year, ...(half ? { half } : {}), lang, cutoff }, scope);
  const twice = (by: 'modality' | 'donor' | 'item') => inBoth(ctx, by, summary.period, lang, scope);
  const alive = itemsAlive(summary.period, scope);
  const items = readRows<{
    id: string;
    name: string;
    modality: string;
    sector: string;
    donor: string;
    country: string | null;
    approval_number: string | null;
    approval_date: string | null;
    stage: string;
    value_minor: number | null;
    value_currency: string | null;
  }>(
    ctx,
    sql`SELECT i.id, i.name, i.modality, i.sector, d.name AS donor, d.country, i.approval_number, i.approval_date, i.stage,
        i.value_minor, i.value_currency
      FROM aid_items i JOIN donors entered ON entered.id = i.donor_id JOIN donors d ON d.id = coalesce(entered.merged_into, entered.id)
      WHERE i.id IN (${alive}) ORDER BY i.name_folded`,
  );
  const words = ITEM_VOCABULARY[lang];
  const [modalityVnd, modalityUsd] = await twice('modality');
  // By donor country: each donor's totals, added up under its country (donors without one under "—").
  const [donorVnd, donorUsd] = await twice('donor');
  const countryOf = new Map(
    readRows<{ id: string; country: string | null }>(ctx, sql`SELECT id, country FROM donors`).map((d) => [
      d.id,
      d.country?.trim() || '—',
    ]),
  );
  const byCountry = (result: TotalsResult): TotalsResult => {
    const groups = new Map<string, { pledged: number; delivered: number; unconverted?: UnconvertedLines }>();
    for (const g of result.groups) {
      const country = countryOf.get(g.key) ?? '—';
      const sum = groups.get(country) ?? { pledged: 0, delivered: 0 };
      sum.pledged = exactSum(sum.pledged, g.pledged);
      sum.delivered = exactSum(sum.delivered, g.delivered);
      if (g.unconverted) sum.unconverted = addLines(sum.unconverted, g.unconverted);
      groups.set(country, sum);
    }
    return {
      ...result,
      groups: [...groups].map(([key, s]) => ({
        key,
        label: key,
        pledged: s.pledged,
        delivered: s.delivered,
        pledgeCount: 0,
        quantity: '0',
        ...(s.unconverted ? { unconverted: s.unconverted } : {}),
      })),
    };
  };
  const [itemVnd] = await twice('item');
  const itemValue = (id: string, side: 'pledged' | 'delivered') =>
    itemVnd.groups.find((g) => g.key === id)?.[side] ?? 0;
  return {
    summary,
    bySector: groupRows(
      sectorVnd,
      sectorUsd,
      (key, fallback) => (key === '' ? fallback : sectorLabel(key, lang)),
      (key) => items.filter((i) => i.sector === key).length,
      items.map((i) => i.sector),
    ),
    byModality: groupRows(
      modalityVnd,
      modalityUsd,
      (key, fallback) => (key === '' ? fallback : labelIn(words.modality, key)),
      (key) => items.filter((i) => i.modality === key).length,
      items.map((i) => i.modality),
    ),
    byCountry: groupRows(
      byCountry(donorVnd),
      byCountry(donorUsd),
      (key) => key,
      (key) => items.filter((i) => (i.country?.trim() || '—') === key).length,
      items.map((i) => i.country?.trim() || '—'),
    ),
    items: items.map((i) => ({
      name: i.name,
      modality: labelIn(words.modality, i.modality),
      sector: sectorLabel(i.sector, lang),
      donor: i.donor,
      country: i.country ?? '',
      approvalNumber: i.approval_number,
      approvalDate: i.approval_date,
      stage: labelIn(words.stage, i.stage),
      valueMinor: i.value_minor,
      valueCurrency: i.value_currency,
      committedVnd: itemValue(i.id, 'pledged'),
      disbursedVnd: itemValue(i.id, 'delivered'),
    })),
  };
}

function addLines(a: UnconvertedLines | undefined, b: UnconvertedLines): UnconvertedLines {
  return {
    pledgedVnd: exactSum(a?.pledgedVnd ?? 0, b.pledgedVnd),
    deliveredVnd: exactSum(a?.deliveredVnd ?? 0, b.deliveredVnd),
    pledgeCount: (a?.pledgeCount ?? 0) + b.pledgeCount,
    deliveryCount: (a?.deliveryCount ?? 0) + b.deliveryCount,
  };
}
