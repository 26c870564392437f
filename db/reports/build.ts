/**
 * The report's rows. Queries gather per-group sums; `assembleReport` (pure) turns them into the rows every
 * consumer uses: the in-app preview, the Excel writer and the tests. Figures are VND integers; totals are the
 * sums of the rows.
 */
import { sql } from 'kysely';
import type { ParsedInput, PledgeKind, Report, ReportDetailRow, ReportFigures, ReportSummaryRow } from '../../contract';
import { VOCABULARY } from '../../contract/labels';
import { formatAmount, milliToQuantity } from '../../contract/money';
import { fieldLabel } from '../../contract/validation';
import type { Ctx } from '../context';
import { mergedDonors } from '../donors';
import { getPlace } from '../places';
import { pledgeConditions, whereClause } from '../pledges';
import { getSettings } from '../settings';
import { parsePeriod } from './period';

interface GroupSums {
  kind: PledgeKind;
  placeId: string;
  placeName: string;
  donorId: string;
  donor: string;
  country: string | null;
  pledgedVnd: number;
  deliveredVnd: number;
  cumulativeDeliveredVnd: number;
  pledgedToDateVnd: number;
}

interface OriginalSum {
  kind: PledgeKind;
  placeId: string;
  currency: string;
  amount: number;
}

export interface ReportData {
  period: ReturnType<typeof parsePeriod>;
  departmentName: string;
  provinceName: string;
  placeName: string;
  dated: string;
  groups: GroupSums[];
  originals: OriginalSum[];
  pledges: ReportDetailRow[];
  deliveries: ReportDetailRow[];
  changes: { at: string; donor: string; description: string; currency: string; before: Record<string, unknown>; after: Record<string, unknown>; note: string | null }[];
}

const ZERO: ReportFigures = { pledgedVnd: 0, deliveredVnd: 0, cumulativeDeliveredVnd: 0, remainingVnd: 0 };

function add(a: ReportFigures, b: ReportFigures): ReportFigures {
  return {
    pledgedVnd: Number(BigInt(a.pledgedVnd) + BigInt(b.pledgedVnd)),
    deliveredVnd: Number(BigInt(a.deliveredVnd) + BigInt(b.deliveredVnd)),
    cumulativeDeliveredVnd: Number(BigInt(a.cumulativeDeliveredVnd) + BigInt(b.cumulativeDeliveredVnd)),
    remainingVnd: Number(BigInt(a.remainingVnd) + BigInt(b.remainingVnd)),
  };
}

function figures(g: GroupSums): ReportFigures {
  return {
    pledgedVnd: g.pledgedVnd,
    deliveredVnd: g.deliveredVnd,
    cumulativeDeliveredVnd: g.cumulativeDeliveredVnd,
    remainingVnd: g.pledgedToDateVnd - g.cumulativeDeliveredVnd,
  };
}

const isEmpty = (f: ReportFigures) => f.pledgedVnd === 0 && f.deliveredVnd === 0 && f.cumulativeDeliveredVnd === 0 && f.remainingVnd === 0;

const SHOWN_CHANGES = ['donorId', 'placeId', 'kind', 'description', 'quantity', 'unit', 'unitValueMinor', 'amountMinor', 'currency', 'rate', 'vndEquivalent', 'pledgeDate', 'status'];
const MONEY = new Set(['unitValueMinor', 'amountMinor', 'vndEquivalent']);

/** Pure: the report's rows from the gathered sums. */
export function assembleReport(data: ReportData, lang: 'vi' | 'en' = 'vi'): Report {
  const words = VOCABULARY[lang];
  const bySummaryKey = new Map<string, { kind: PledgeKind; placeName: string; figures: ReportFigures; placeId: string }>();
  const byDonor = new Map<string, { donor: string; country: string; figures: ReportFigures }>();
  for (const g of data.groups) {
    const f = figures(g);
    const sk = `${g.kind}|${g.placeId}`;
    const s = bySummaryKey.get(sk) ?? { kind: g.kind, placeName: g.placeName, placeId: g.placeId, figures: ZERO };
    s.figures = add(s.figures, f);
    bySummaryKey.set(sk, s);
    const d = byDonor.get(g.donorId) ?? { donor: g.donor, country: g.country ?? '', figures: ZERO };
    d.figures = add(d.figures, f);
    byDonor.set(g.donorId, d);
  }
  const kindOrder = Object.keys(words.pledgeKind);
  const summary: ReportSummaryRow[] = [...bySummaryKey.values()]
    .filter((s) => !isEmpty(s.figures))
    .sort((a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.placeName.localeCompare(b.placeName, 'vi'))
    .map((s) => {
      const originals = data.originals
        .filter((o) => o.kind === s.kind && o.placeId === s.placeId && o.amount > 0)
        .sort((a, b) => a.currency.localeCompare(b.currency))
        .map((o) => `${formatAmount(o.amount, o.currency, 'vi')} ${o.currency}`);
      return { kind: s.kind, kindLabel: words.pledgeKind[s.kind], placeName: s.placeName, ...s.figures, original: originals.join('; ') };
    });
  const donors = [...byDonor.values()]
    .filter((d) => !isEmpty(d.figures))
    .sort((a, b) => b.figures.pledgedVnd - a.figures.pledgedVnd || a.donor.localeCompare(b.donor, 'vi'))
    .map((d) => ({ donor: d.donor, country: d.country, ...d.figures }));
  const show = (field: string, value: unknown, currency: string) => {
    if (value === null || value === undefined || value === '') return '∅';
    if (MONEY.has(field) && typeof value === 'number') return formatAmount(value, field === 'vndEquivalent' ? 'VND' : currency, 'vi');
    if (field === 'kind') return words.pledgeKind[value as PledgeKind] ?? String(value);
    if (field === 'status') return words.pledgeStatus[value as keyof typeof words.pledgeStatus] ?? String(value);
    return String(value);
  };
  const changes = data.changes.map((c) => ({
    date: c.at.slice(0, 10),
    donor: c.donor,
    description: c.description,
    changes: SHOWN_CHANGES.filter((f) => JSON.stringify(c.before[f] ?? null) !== JSON.stringify(c.after[f] ?? null))
      .map((f) => `${fieldLabel(f)[lang]}: ${show(f, c.before[f], c.currency)} → ${show(f, c.after[f], c.currency)}`)
      .join('; '),
    reason: c.note ?? '',
  }));
  return {
    title: `BÁO CÁO TÌNH HÌNH TIẾP NHẬN VIỆN TRỢ PHI CHÍNH PHỦ NƯỚC NGOÀI ${data.period.label}`,
    period: data.period,
    departmentName: data.departmentName,
    provinceName: data.provinceName,
    placeName: data.placeName,
    dated: data.dated,
    summary,
    summaryTotal: summary.reduce<ReportFigures>((t, r) => add(t, r), ZERO),
    donors,
    donorTotal: donors.reduce<ReportFigures>((t, r) => add(t, r), ZERO),
    pledges: data.pledges,
    deliveries: data.deliveries,
    changes,
  };
}

/** Gathers what the report needs for a period and place. */
export async function gatherReport(ctx: Ctx, input: ParsedInput<'reports.preview'>): Promise<ReportData> {
  const period = parsePeriod(input.period);
  const province = await ctx.db.selectFrom('places').select(['id', 'name']).where('level', '=', 'province').where('parentId', 'is', null).orderBy('createdAt').executeTakeFirst();
  const placeId = input.placeId ?? province?.id;
  const place = placeId ? await getPlace(ctx, placeId) : null;
  const under = place ? { placeId: place.id } : {};
  const live = sql`p.status <> 'cancelled'`;
  const inPeriod = whereClause([...pledgeConditions({ ...under, from: period.from, to: period.to }), live]);
  const toDate = whereClause([...pledgeConditions({ ...under, to: period.to }), live]);
  const deliveredIn = whereClause([...pledgeConditions({ ...under, from: period.from, to: period.to }, sql`x.delivery_date`), live]);
  const deliveredToDate = whereClause([...pledgeConditions({ ...under, to: period.to }, sql`x.delivery_date`), live]);

  // One grouped sum per measure, joined in memory by (kind, place, donor).
  const key = sql`p.kind AS kind, p.place_id AS place_id, p.donor_id AS donor_id`;
  const groupBy = sql`GROUP BY p.kind, p.place_id, p.donor_id`;
  type Row = { kind: PledgeKind; placeId: string; donorId: string; value: number };
  const measures = await Promise.all([
    sql<Row>`SELECT ${key}, sum(p.vnd_equivalent) AS value FROM pledges p ${inPeriod} ${groupBy}`.execute(ctx.db),
    sql<Row>`SELECT ${key}, sum(x.vnd_equivalent) AS value FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${deliveredIn} ${groupBy}`.execute(ctx.db),
    sql<Row>`SELECT ${key}, sum(x.vnd_equivalent) AS value FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${deliveredToDate} ${groupBy}`.execute(ctx.db),
    sql<Row>`SELECT ${key}, sum(p.vnd_equivalent) AS value FROM pledges p ${toDate} ${groupBy}`.execute(ctx.db),
  ]);
  // A merged donor's pledges are reported under the donor it was merged into.
  const merged = await mergedDonors(ctx);
  const donorRows = new Map((await ctx.db.selectFrom('donors').select(['id', 'name', 'country']).execute()).map((d) => [d.id, d]));
  const names = {
    places: new Map((await ctx.db.selectFrom('places').select(['id', 'name']).execute()).map((p) => [p.id, p.name])),
    donors: new Map([...donorRows.keys()].map((id) => [id, donorRows.get(merged.get(id) ?? id)!])),
  };
  const groups = new Map<string, GroupSums>();
  const fields = ['pledgedVnd', 'deliveredVnd', 'cumulativeDeliveredVnd', 'pledgedToDateVnd'] as const;
  measures.forEach((result, i) => {
    for (const r of result.rows) {
      const donor = names.donors.get(r.donorId);
      const donorId = donor?.id ?? r.donorId;
      const k = `${r.kind}|${r.placeId}|${donorId}`;
      const g = groups.get(k) ?? {
        kind: r.kind, placeId: r.placeId, placeName: names.places.get(r.placeId) ?? '', donorId, donor: donor?.name ?? '', country: donor?.country ?? null,
        pledgedVnd: 0, deliveredVnd: 0, cumulativeDeliveredVnd: 0, pledgedToDateVnd: 0,
      };
      g[fields[i]!] += r.value;
      groups.set(k, g);
    }
  });
  const originals = await sql<OriginalSum>`SELECT p.kind AS kind, p.place_id AS place_id, p.currency AS currency, sum(p.amount_minor) AS amount
    FROM pledges p ${whereClause([...pledgeConditions({ ...under, from: period.from, to: period.to }), live, sql`p.currency <> 'VND'`])}
    GROUP BY p.kind, p.place_id, p.currency`.execute(ctx.db);

  const words = VOCABULARY[input.lang];
  const detail = (row: { type: 'pledge' | 'delivery'; date: string; donorId: string; placeId: string; kind: PledgeKind; description: string; quantityMilli: number | null; unit: string | null; amountMinor: number | null; currency: string; rate: string; vnd: number; status: string }): ReportDetailRow => ({
    type: row.type,
    date: row.date,
    donor: names.donors.get(row.donorId)?.name ?? '',
    placeName: names.places.get(row.placeId) ?? '',
    kindLabel: words.pledgeKind[row.kind],
    description: row.description,
    quantity: row.quantityMilli === null ? null : milliToQuantity(row.quantityMilli),
    unit: row.unit,
    amountMinor: row.amountMinor,
    currency: row.currency,
    amountText: row.amountMinor === null ? '' : formatAmount(row.amountMinor, row.currency, 'vi'),
    rate: row.rate,
    vnd: row.vnd,
    status: words.pledgeStatus[row.status as keyof typeof words.pledgeStatus] ?? row.status,
  });
  const pledgeRows = await sql<Parameters<typeof detail>[0]>`SELECT 'pledge' AS type, p.pledge_date AS date, p.donor_id AS donor_id, p.place_id AS place_id, p.kind AS kind,
    p.description AS description, p.quantity_milli AS quantity_milli, p.unit AS unit, p.amount_minor AS amount_minor, p.currency AS currency, p.rate AS rate,
    p.vnd_equivalent AS vnd, p.status AS status FROM pledges p ${inPeriod} ORDER BY p.pledge_date, p.id`.execute(ctx.db);
  const deliveryRows = await sql<Parameters<typeof detail>[0]>`SELECT 'delivery' AS type, x.delivery_date AS date, p.donor_id AS donor_id, p.place_id AS place_id, p.kind AS kind,
    p.description AS description, x.quantity_milli AS quantity_milli, p.unit AS unit, x.amount_minor AS amount_minor, x.currency AS currency, x.rate AS rate,
    x.vnd_equivalent AS vnd, p.status AS status FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${deliveredIn} ORDER BY x.delivery_date, x.id`.execute(ctx.db);

  // Pledges changed in the period: their update entries, for pledges under the place.
  const changeWhere = whereClause([
    sql`a.entity = 'pledge'`,
    sql`a.action = 'update'`,
    sql`a.at >= ${period.from}`,
    sql`a.at < ${nextDay(period.to)}`,
    ...(place ? [sql`json_extract(a.after, '$.placeId') IN (WITH RECURSIVE under(id) AS (SELECT ${place.id} UNION SELECT c.id FROM places c JOIN under ON c.parent_id = under.id) SELECT id FROM under)`] : []),
  ]);
  const audit = await sql<{ at: string; before: string; after: string; note: string | null }>`SELECT a.at, a.before, a.after, a.note FROM audit_log a ${changeWhere} ORDER BY a.at, a.rowid`.execute(ctx.db);
  const settings = await getSettings(ctx);
  return {
    period,
    departmentName: settings.departmentName,
    provinceName: province?.name ?? '',
    placeName: place?.name ?? '',
    dated: ctx.now.slice(0, 10),
    groups: [...groups.values()],
    originals: originals.rows,
    pledges: pledgeRows.rows.map(detail),
    deliveries: deliveryRows.rows.map(detail),
    changes: audit.rows.map((a) => {
      const before = JSON.parse(a.before) as Record<string, unknown>;
      const after = JSON.parse(a.after) as Record<string, unknown>;
      return {
        at: a.at,
        donor: names.donors.get(String(after.donorId))?.name ?? '',
        description: String(after.description ?? ''),
        currency: String(after.currency ?? 'VND'),
        before,
        after,
        note: a.note,
      };
    }),
  };
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function buildReport(ctx: Ctx, input: ParsedInput<'reports.preview'>): Promise<Report> {
  return assembleReport(await gatherReport(ctx, input), input.lang);
}
