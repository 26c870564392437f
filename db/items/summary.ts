/**
 * The statutory summary of a year or half-year: how many programmes, projects and non-project aid, from how many
 * NGOs, committed and disbursed, in VND and in USD (converted as `totals` converts), and the same by sector. An item
 * counts in a period when one of its lines was pledged, or a delivery on one of them made, in it; committed counts
 * the lines pledged in the period, disbursed the deliveries made in it — the same figures `totals` gives, so the
 * paragraph and the tables agree with every other total of the ledger.
 */
import { sql } from 'kysely';
import type { ParsedInput, TotalsResult } from '../../contract';
import type { CurrencyPair, StatutorySummary } from '../../contract/items';
import { sectorLabel } from '../../contract/labels';
import { formatAmount } from '../../contract/money';
import { readRows, viDate, type Ctx } from '../context';
import { totals } from '../totals';

export function periodOf(year: number, half?: 'H1' | 'H2'): { from: string; to: string } {
  if (half === 'H1') return { from: `${year}-01-01`, to: `${year}-06-30` };
  if (half === 'H2') return { from: `${year}-07-01`, to: `${year}-12-31` };
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export async function statutorySummary(ctx: Ctx, input: ParsedInput<'items.summary'>): Promise<StatutorySummary> {
  const period = periodOf(input.year, input.half);
  const bySector = async (currency: 'VND' | 'USD'): Promise<TotalsResult> =>
    totals(ctx, { by: 'sector', filter: { from: period.from, to: period.to }, in: currency, lang: input.lang });
  const [vnd, usd] = [await bySector('VND'), await bySector('USD')];
  // Lines alive in the period: pledged in it, or delivered on in it (cancelled lines count nowhere).
  const lines = sql`SELECT p.id, p.item_id, p.donor_id FROM pledges p WHERE p.status <> 'cancelled' AND (p.pledge_date BETWEEN ${period.from} AND ${period.to}
    OR EXISTS (SELECT 1 FROM deliveries x WHERE x.pledge_id = p.id AND x.delivery_date BETWEEN ${period.from} AND ${period.to}))`;
  const items = readRows<{ id: string; modality: string; sector: string }>(ctx, sql`SELECT DISTINCT i.id, i.modality, i.sector FROM (${lines}) l JOIN aid_items i ON i.id = l.item_id`);
  const withoutItem = readRows<{ n: number }>(ctx, sql`SELECT count(*) AS n FROM (${lines}) l WHERE l.item_id IS NULL`)[0]!.n;
  // NGOs: the donors of the lines and the items' own donors, each counted once (merged donors as the one kept).
  const donors = readRows<{ n: number }>(
    ctx,
    sql`SELECT count(DISTINCT coalesce(d.merged_into, d.id)) AS n FROM donors d WHERE d.id IN (SELECT donor_id FROM (${lines}))
      OR d.id IN (SELECT i.donor_id FROM aid_items i WHERE i.id IN (SELECT item_id FROM (${lines})))`,
  )[0]!.n;
  const count = (modality: string) => items.filter((i) => i.modality === modality).length;
  const pair = (key: string | null, side: 'pledged' | 'delivered'): CurrencyPair => ({
    VND: key === null ? vnd.total[side] : (vnd.groups.find((g) => g.key === key)?.[side] ?? 0),
    USD: key === null ? usd.total[side] : (usd.groups.find((g) => g.key === key)?.[side] ?? 0),
  });
  const keys = [...new Set([...vnd.groups.map((g) => g.key), ...usd.groups.map((g) => g.key)])];
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
  };
  return { ...summary, paragraph: paragraph(summary, input) };
}

function paragraph(s: Omit<StatutorySummary, 'paragraph'>, input: ParsedInput<'items.summary'>): string {
  const total = s.items.programme + s.items.project + s.items.nonProject;
  if (input.lang === 'en') {
    const when = input.half ? `In the ${input.half === 'H1' ? 'first' : 'second'} half of ${input.year}` : `In ${input.year}`;
    const money = (p: CurrencyPair) => `USD ${formatAmount(p.USD, 'USD', 'en')} (VND ${formatAmount(p.VND, 'VND', 'en')})`;
    return `${when} (${s.period.from} to ${s.period.to}): ${total} programmes, projects and non-project aid (${s.items.programme} programmes, ${s.items.project} projects, ${s.items.nonProject} non-project) from ${s.donors} organisations; committed ${money(s.committed)}, disbursed ${money(s.disbursed)}.`;
  }
  const when = input.half ? `Sáu tháng ${input.half === 'H1' ? 'đầu' : 'cuối'} năm ${input.year}` : `Năm ${input.year}`;
  const money = (p: CurrencyPair) => `${formatAmount(p.USD, 'USD', 'vi')} USD (${formatAmount(p.VND, 'VND', 'vi')} đồng)`;
  return `${when} (từ ${viDate(s.period.from)} đến ${viDate(s.period.to)}): ${total} chương trình, dự án, phi dự án (${s.items.programme} chương trình, ${s.items.project} dự án, ${s.items.nonProject} phi dự án) của ${s.donors} tổ chức; tổng giá trị cam kết ${money(s.committed)}, giải ngân ${money(s.disbursed)}.`;
}
