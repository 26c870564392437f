/**
 * The report's rows. Queries gather per-group sums; `assembleReport` (pure) turns them into the rows every
 * consumer uses: the in-app preview, the Excel writer and the tests. Figures are VND integers; totals are the
 * sums of the rows.
 */
import { sql, type RawBuilder } from 'kysely';
import {
  AUTO_STATUS_NOTE,
  type ParsedInput,
  type PledgeKind,
  type Report,
  type ReportDetailRow,
  type ReportFigures,
  type ReportSummaryRow,
} from '../../contract';
import type { ItemScope } from '../../contract/items';
import { describeItemScope, VOCABULARY } from '../../contract/labels';
import { formatAmount, milliToQuantity } from '../../contract/money';
import { fieldLabel } from '../../contract/validation';
import { columnsOf, type Ctx } from '../context';
import { mergedDonors } from '../donors';
import { displayName, getPlace } from '../places';
import { servedProvince } from '../places/install';
import { itemsInScope, normalScope } from '../items/scope';
import { statutoryReport } from '../items/summary';
import { placesUnderOn, todaysUnits } from '../places/today';
import { filterConditions, placesUnder, whereClause } from '../pledges/filter';
import { readAllRows } from '../totals';
import { getSettings } from '../settings';
import { parsePeriod } from './period';

/** What a report row sums: pledged and delivered in the period, and to the period's end. */
interface Sums {
  pledgedVnd: number;
  deliveredVnd: number;
  cumulativeDeliveredVnd: number;
  pledgedToDateVnd: number;
}

interface SummaryGroup extends Sums {
  kind: PledgeKind;
  placeId: string;
  placeName: string;
}

interface DonorGroup extends Sums {
  donorId: string;
  donor: string;
  country: string | null;
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
  provinceType: string;
  wholeProvince: boolean;
  placeName: string;
  unitsOf: string | null;
  /** Only the lines of these aid items (null: every line). */
  itemScope: ItemScope | null;
  dated: string;
  summaryGroups: SummaryGroup[];
  donorGroups: DonorGroup[];
  originals: OriginalSum[];
  pledges: ReportDetailRow[];
  deliveries: ReportDetailRow[];
  changes: {
    at: string;
    donor: string;
    description: string;
    currency: string;
    before: Record<string, unknown>;
    after: Record<string, unknown>;
    note: string | null;
    by: string;
  }[];
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

function figures(g: Sums): ReportFigures {
  return {
    pledgedVnd: g.pledgedVnd,
    deliveredVnd: g.deliveredVnd,
    cumulativeDeliveredVnd: g.cumulativeDeliveredVnd,
    remainingVnd: g.pledgedToDateVnd - g.cumulativeDeliveredVnd,
  };
}

const isEmpty = (f: ReportFigures) =>
  f.pledgedVnd === 0 && f.deliveredVnd === 0 && f.cumulativeDeliveredVnd === 0 && f.remainingVnd === 0;

const SHOWN_CHANGES = [
  'donorId',
  'placeId',
  'kind',
  'description',
  'quantity',
  'unit',
  'unitValueMinor',
  'amountMinor',
  'currency',
  'rate',
  'vndEquivalent',
  'pledgeDate',
  'status',
];
const MONEY = new Set(['unitValueMinor', 'amountMinor', 'vndEquivalent']);

/** Pure: the report's rows from the gathered sums. */
export function assembleReport(data: ReportData, lang: 'vi' | 'en' = 'vi'): Report {
  const words = VOCABULARY[lang];
  const summaryGroups = data.summaryGroups.map((g) => ({
    kind: g.kind,
    placeName: g.placeName,
    placeId: g.placeId,
    figures: figures(g),
  }));
  const donorGroups = data.donorGroups.map((g) => ({ donor: g.donor, country: g.country ?? '', figures: figures(g) }));
  const kindOrder = Object.keys(words.pledgeKind);
  const summary: ReportSummaryRow[] = summaryGroups
    .filter((s) => !isEmpty(s.figures))
    .sort(
      (a, b) => kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) || a.placeName.localeCompare(b.placeName, 'vi'),
    )
    .map((s) => {
      const originals = data.originals
        .filter((o) => o.kind === s.kind && o.placeId === s.placeId && o.amount > 0)
        .sort((a, b) => a.currency.localeCompare(b.currency))
        .map((o) => `${formatAmount(o.amount, o.currency, lang)} ${o.currency}`);
      return {
        kind: s.kind,
        kindLabel: words.pledgeKind[s.kind],
        placeName: s.placeName,
        ...s.figures,
        original: originals.join('; '),
      };
    });
  const donors = donorGroups
    .filter((d) => !isEmpty(d.figures))
    .sort((a, b) => b.figures.pledgedVnd - a.figures.pledgedVnd || a.donor.localeCompare(b.donor, 'vi'))
    .map((d) => ({ donor: d.donor, country: d.country, ...d.figures }));
  const show = (field: string, value: unknown, currency: string) => {
    if (value === null || value === undefined || value === '') return '∅';
    if (MONEY.has(field) && typeof value === 'number')
      return formatAmount(value, field === 'vndEquivalent' ? 'VND' : currency, lang);
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
    by: c.by,
  }));
  return {
    title:
      lang === 'vi'
        ? `BÁO CÁO TÌNH HÌNH TIẾP NHẬN VIỆN TRỢ PHI CHÍNH PHỦ NƯỚC NGOÀI ${data.period.label}`
        : `REPORT ON FOREIGN NON-GOVERNMENTAL AID RECEIVED, ${data.period.labelEn.toUpperCase()}`,
    period: data.period,
    departmentName: data.departmentName,
    provinceName: data.provinceName,
    provinceType: data.provinceType,
    wholeProvince: data.wholeProvince,
    placeName: data.placeName,
    unitsOf: data.unitsOf,
    scope: describeItemScope(data.itemScope, lang),
    dated: data.dated,
    summary,
    summaryTotal: summary.reduce<ReportFigures>((t, r) => add(t, r), ZERO),
    donors,
    donorTotal: donors.reduce<ReportFigures>((t, r) => add(t, r), ZERO),
    // Amounts in the reader's number style: one style per language on a screen.
    pledges:
      lang === 'vi'
        ? data.pledges
        : data.pledges.map((r) => ({
            ...r,
            amountText: r.amountMinor === null ? '' : formatAmount(r.amountMinor, r.currency, lang),
          })),
    deliveries:
      lang === 'vi'
        ? data.deliveries
        : data.deliveries.map((r) => ({
            ...r,
            amountText: r.amountMinor === null ? '' : formatAmount(r.amountMinor, r.currency, lang),
          })),
    changes,
  };
}

/** Gathers what the report needs for a period and place. */
/**
 * Gathers what the report needs for a period and place. `changesAfter` (the time a report of this period was sent)
 * makes the amendments listed those made to the period's pledges since then, instead of those made within it.
 */
export async function gatherReport(
  ctx: Ctx,
  input: ParsedInput<'reports.preview'>,
  changesAfter?: string,
): Promise<ReportData> {
  const period = parsePeriod(input.period);
  const province = await servedProvince(ctx);
  const placeId = input.placeId ?? province?.id;
  const place = placeId ? await getPlace(ctx, placeId) : null;
  // The whole province's report is the whole ledger: it holds the province's units, and those of former provinces
  // merged into it, which are not under it in the tree (a Tuyên Quang ledger's former Hà Giang).
  const scope = input.placeId && place ? place : null;
  const under = scope ? { placeId: scope.id, ...(input.unitsOf ? { unitsOf: input.unitsOf } : {}) } : {};
  const live = sql`p.status <> 'cancelled'`;
  // A report of some aid items only (a sector, a modality, a stage) reads their lines.
  const itemScope = normalScope(input);
  const chosen = { ...under, ...(itemScope ?? {}) };
  const inPeriod = whereClause([...filterConditions({ ...chosen, from: period.from, to: period.to }), live]);
  const deliveredIn = whereClause([
    ...filterConditions({ ...chosen, from: period.from, to: period.to }, sql`x.delivery_date`),
    live,
  ]);

  // A merged donor's pledges are reported under the donor it was merged into.
  const merged = await mergedDonors(ctx);
  const donorRows = new Map(
    (await ctx.db.selectFrom('donors').select(['id', 'name', 'country']).execute()).map((d) => [d.id, d]),
  );
  const names = {
    places: new Map((await ctx.db.selectFrom('places').selectAll().execute()).map((p) => [p.id, displayName(p)])),
    donors: new Map([...donorRows.keys()].map((id) => [id, donorRows.get(merged.get(id) ?? id)!])),
  };
  const summaryGroups = new Map<string, SummaryGroup>();
  const donorGroups = new Map<string, DonorGroup>();
  const empty = (): Sums => ({ pledgedVnd: 0, deliveredVnd: 0, cumulativeDeliveredVnd: 0, pledgedToDateVnd: 0 });
  // In today's units a former unit's figures are summed under the unit it became (a split one stays, marked).
  const today = input.unitsOf ? await todaysUnits(ctx, input.unitsOf) : null;
  const summaryPlace = (placeId: string) => (today ? today.unitOf(placeId) : placeId);
  const summaryName = (placeId: string) =>
    `${names.places.get(placeId) ?? ''}${today?.isFormer(placeId) ? ` ${VOCABULARY[input.lang].formerUnit}` : ''}`;
  const addTo = (field: keyof Sums, row: { kind?: PledgeKind; placeId?: string; donorId?: string; value: number }) => {
    if (row.kind !== undefined && row.placeId !== undefined) {
      const placeId = summaryPlace(row.placeId);
      const k = `${row.kind}|${placeId}`;
      const g = summaryGroups.get(k) ?? { kind: row.kind, placeId, placeName: summaryName(placeId), ...empty() };
      g[field] += row.value;
      summaryGroups.set(k, g);
    }
    if (row.donorId !== undefined) {
      const donor = names.donors.get(row.donorId);
      const donorId = donor?.id ?? row.donorId;
      const g = donorGroups.get(donorId) ?? {
        donorId,
        donor: donor?.name ?? '',
        country: donor?.country ?? null,
        ...empty(),
      };
      g[field] += row.value;
      donorGroups.set(donorId, g);
    }
  };

  // Figures to the period's end cover every earlier pledge: read from the monthly totals where they can answer.
  for (const r of await toDateSums(ctx, 'placeKind', period.to, scope?.id ?? null, input.unitsOf, itemScope))
    addTo(r.side === 'pledged' ? 'pledgedToDateVnd' : 'cumulativeDeliveredVnd', r);
  for (const r of await toDateSums(ctx, 'donor', period.to, scope?.id ?? null, input.unitsOf, itemScope))
    addTo(r.side === 'pledged' ? 'pledgedToDateVnd' : 'cumulativeDeliveredVnd', r);

  const words = VOCABULARY[input.lang];
  const detail = (type: 'pledge' | 'delivery', row: DetailSource): ReportDetailRow => ({
    type,
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
  // In date order, ties in the order rows were stored (the date index's own order, so nothing is sorted).
  const pledgeRows = detailSources(
    ctx,
    sql`SELECT p.pledge_date, p.donor_id, p.place_id, p.kind, p.description, p.quantity_milli, p.unit, p.amount_minor,
    p.currency, p.rate, p.vnd_equivalent, p.status FROM pledges p ${inPeriod} ORDER BY p.pledge_date, p.rowid`,
  );
  const deliveryRows = detailSources(
    ctx,
    sql`SELECT x.delivery_date, p.donor_id, p.place_id, p.kind, p.description, x.quantity_milli, p.unit, x.amount_minor,
    x.currency, x.rate, x.vnd_equivalent, p.status FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${deliveredIn} ORDER BY x.delivery_date, x.rowid`,
  );

  // The period's own figures are the sums of its detail rows, so the sheets agree to the đồng.
  for (const r of pledgeRows)
    addTo('pledgedVnd', { kind: r.kind, placeId: r.placeId, donorId: r.donorId, value: r.vnd });
  for (const r of deliveryRows)
    addTo('deliveredVnd', { kind: r.kind, placeId: r.placeId, donorId: r.donorId, value: r.vnd });
  // And the amounts pledged in their own currencies, by kind and place.
  const originals = new Map<string, OriginalSum>();
  for (const r of pledgeRows) {
    if (r.currency === 'VND') continue;
    const k = `${r.kind}|${r.placeId}|${r.currency}`;
    const o = originals.get(k) ?? { kind: r.kind, placeId: r.placeId, currency: r.currency, amount: 0 };
    o.amount += r.amountMinor ?? 0;
    originals.set(k, o);
  }

  // Pledges changed in the period: their update entries, for pledges under the place.
  const changeWhere = whereClause([
    sql`a.entity = 'pledge'`,
    sql`a.action = 'update'`,
    // A status the ledger moved itself, following a delivery, is no amendment: the delivery is in the report already.
    sql`a.note IS NOT ${AUTO_STATUS_NOTE}`,
    ...(changesAfter
      ? [
          sql`a.at > ${changesAfter}`,
          sql`json_extract(a.after, '$.pledgeDate') BETWEEN ${period.from} AND ${period.to}`,
        ]
      : [sql`a.at >= ${period.from}`, sql`a.at < ${nextDay(period.to)}`]),
    ...(scope
      ? [
          sql`json_extract(a.after, '$.placeId') IN ${input.unitsOf ? placesUnderOn(scope.id, input.unitsOf) : placesUnder(scope.id)}`,
        ]
      : []),
    ...(itemScope ? [sql`json_extract(a.after, '$.itemId') IN ${itemsInScope(itemScope)!}`] : []),
  ]);
  const hasPeople = columnsOf(ctx, 'audit_log').includes('user_name');
  const audit = await sql<{
    at: string;
    before: string;
    after: string;
    note: string | null;
    userName: string | null;
    siteName: string | null;
    siteId: string;
  }>`
    SELECT a.at, a.before, a.after, a.note, a.site_id, ${sql.raw(hasPeople ? 'a.user_name, a.site_name' : 'NULL AS user_name, NULL AS site_name')}
    FROM audit_log a ${changeWhere} ORDER BY a.at, a.rowid`.execute(ctx.db);
  // Ids are shown by name: the donor and the place as they are called now.
  const named = (row: Record<string, unknown>) => ({
    ...row,
    ...(typeof row.donorId === 'string' ? { donorId: names.donors.get(row.donorId)?.name ?? row.donorId } : {}),
    ...(typeof row.placeId === 'string' ? { placeId: names.places.get(row.placeId) ?? row.placeId } : {}),
  });
  const settings = await getSettings(ctx);
  return {
    period,
    departmentName: settings.departmentName,
    provinceName: province?.name ?? '',
    provinceType: province?.unitType ?? (province ? 'Tỉnh' : ''),
    wholeProvince: !place || place.id === province?.id,
    placeName: place?.displayName ?? '',
    unitsOf: input.unitsOf ?? null,
    itemScope,
    dated: ctx.now.slice(0, 10),
    summaryGroups: [...summaryGroups.values()],
    donorGroups: [...donorGroups.values()],
    originals: [...originals.values()],
    pledges: pledgeRows.map((r) => detail('pledge', r)),
    deliveries: deliveryRows.map((r) => detail('delivery', r)),
    changes: audit.rows.map((a) => {
      const before = JSON.parse(a.before) as Record<string, unknown>;
      const after = JSON.parse(a.after) as Record<string, unknown>;
      const site = a.siteName ?? (a.siteId === ctx.site.id ? ctx.site.name : '');
      return {
        at: a.at,
        donor: names.donors.get(String(after.donorId))?.name ?? '',
        description: String(after.description ?? ''),
        currency: String(after.currency ?? 'VND'),
        before: named(before),
        after: named(after),
        note: a.note,
        by: a.userName ? `${a.userName} — ${site}` : site,
      };
    }),
  };
}

/** A detail row's columns, in the order `detailSources` selects them. */
interface DetailSource {
  date: string;
  donorId: string;
  placeId: string;
  kind: PledgeKind;
  description: string;
  quantityMilli: number | null;
  unit: string | null;
  amountMinor: number | null;
  currency: string;
  rate: string;
  vnd: number;
  status: string;
}

/**
 * The detail rows of a period, read as arrays straight from the driver (inside the call's transaction): a quarter
 * lists tens of thousands, and the driver's row objects cost more to build and to read than the arrays.
 */
function detailSources(ctx: Ctx, query: RawBuilder<unknown>): DetailSource[] {
  const { sql: text, parameters } = query.compile(ctx.db);
  const rows = ctx.sqlite
    .prepare(text)
    .raw()
    .all(...parameters) as DetailSource[keyof DetailSource][][];
  return rows.map(
    ([date, donorId, placeId, kind, description, quantityMilli, unit, amountMinor, currency, rate, vnd, status]) =>
      ({
        date,
        donorId,
        placeId,
        kind,
        description,
        quantityMilli,
        unit,
        amountMinor,
        currency,
        rate,
        vnd,
        status,
      }) as DetailSource,
  );
}

type ToDateRow = {
  side: 'pledged' | 'delivered';
  kind?: PledgeKind;
  placeId?: string;
  donorId?: string;
  value: number;
};

/**
 * Everything pledged and delivered (not cancelled) up to `to`, under a place, by kind and place or by donor. The
 * report totals answer when `to` ends a month (the years before it, then the months of its year) and, by donor, when
 * the place holds every place of the ledger (they have no place); otherwise the pledges are read.
 */
async function toDateSums(
  ctx: Ctx,
  by: 'placeKind' | 'donor',
  to: string,
  placeId: string | null,
  unitsOf: string | undefined,
  itemScope: ItemScope | null,
): Promise<ToDateRow[]> {
  const keys = by === 'placeKind' ? ['kind', 'place_id'] : ['donor_id'];
  const columns = (prefix: string) => sql.raw(keys.map((k) => `${prefix}${k} AS ${k}`).join(', '));
  const groupBy = (prefix: string) => sql.raw(`GROUP BY ${keys.map((k) => prefix + k).join(', ')}`);
  const wholeMonths = nextDay(to).endsWith('-01');
  const everyPlace = async () =>
    placeId === null ||
    (
      await sql<{
        n: number;
      }>`SELECT (SELECT count(*) FROM places) - (SELECT count(*) FROM ${placesUnder(placeId)} AS u) AS n`.execute(
        ctx.db,
      )
    ).rows[0]!.n === 0;
  // In today's units a place's scope takes in former units outside its tree: read from the pledges themselves.
  // Those totals know nothing of aid items: a report of some items reads their lines.
  if (!readAllRows.value && !unitsOf && !itemScope && wholeMonths && (by === 'placeKind' || (await everyPlace()))) {
    const name = by === 'placeKind' ? 'place_kind' : 'donor';
    const year = to.slice(0, 4);
    const also = sql`AND status <> 'cancelled' ${placeId && by === 'placeKind' ? sql`AND place_id IN ${placesUnder(placeId)}` : sql``}`;
    // The years before and the months of this year as two ranges of the key, not one OR (which reads by row ids).
    const read = (side: 'pledge' | 'delivery') => {
      const table = sql.raw(`${side}_report_totals_by_${name}`);
      const own = sql.raw([...keys, 'vnd'].join(', '));
      return sql<ToDateRow>`SELECT ${side === 'pledge' ? 'pledged' : 'delivered'} AS side, ${columns('')}, sum(vnd) AS value
        FROM (SELECT ${own} FROM ${table} WHERE span = 'y' AND period < ${year} ${also}
          UNION ALL SELECT ${own} FROM ${table} WHERE span = 'm' AND period >= ${`${year}-01`} AND period <= ${to.slice(0, 7)} ${also}) ${groupBy('')}`.execute(
        ctx.db,
      );
    };
    return [...(await read('pledge')).rows, ...(await read('delivery')).rows];
  }
  const under = { ...(placeId ? { placeId, ...(unitsOf ? { unitsOf } : {}) } : {}), ...(itemScope ?? {}) };
  const live = sql`p.status <> 'cancelled'`;
  const pledged = await sql<ToDateRow>`SELECT 'pledged' AS side, ${columns('p.')}, sum(p.vnd_equivalent) AS value
    FROM pledges p ${whereClause([...filterConditions({ ...under, to }), live])} ${groupBy('p.')}`.execute(ctx.db);
  const delivered = await sql<ToDateRow>`SELECT 'delivered' AS side, ${columns('p.')}, sum(x.vnd_equivalent) AS value
    FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${whereClause([...filterConditions({ ...under, to }, sql`x.delivery_date`), live])} ${groupBy('p.')}`.execute(
    ctx.db,
  );
  return [...pledged.rows, ...delivered.rows];
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export async function buildReport(
  ctx: Ctx,
  input: ParsedInput<'reports.preview'>,
  changesAfter?: string,
): Promise<Report> {
  const report = assembleReport(await gatherReport(ctx, input, changesAfter), input.lang);
  // The 6-month and annual report of the whole province also gives its aid items, as the decrees ask.
  const { kind, key } = report.period;
  if (kind === 'quarter' || !report.wholeProvince) return { ...report, statutory: null };
  const half = kind === 'half' ? (key.slice(5) as 'H1' | 'H2') : undefined;
  return {
    ...report,
    statutory: await statutoryReport(ctx, Number(key.slice(0, 4)), half, input.lang, normalScope(input)),
  };
}
