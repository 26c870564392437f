/** Pledges (commitments): exact amounts in their currency, the rate they used, and their VND equivalent. */
import { sql, type RawBuilder } from 'kysely';
import {
  AUTO_STATUS_NOTE,
  FIELDS_NEEDING_REASON,
  type Delivery,
  type ParsedInput,
  type Pledge,
  type PledgeDetail,
  type PledgeList,
  type PledgeRow,
  type PledgeSummary,
} from '../contract';
import { LedgerError } from '../contract/errors';
import { fieldLabel } from '../contract/validation';
import type { Place } from '../contract/places';
import {
  AmountRangeError,
  milliToQuantity,
  quantityToMilli,
  formatAmount,
  MAX_AMOUNT_MINOR,
  multiplyQuantity,
  canonicalQuantity,
  vndEquivalent,
  subtractQuantities,
} from '../contract/money';
import { pledgeHistory, recordAudit, diff } from './audit';
import { insertRow, invalid, notFound, prepared, readRows, type Ctx } from './context';
import { createDelivery, deleteDelivery, deliveredSoFar, listDeliveriesOf, updateDelivery } from './deliveries';
import { currentDonorId } from './donors';
import { getItemRow } from './items';
import { displayNameSql, getPlace } from './places';
import { placeProblemOn } from './places/match';
import { resolveRate } from './rates';
import { refreshSearchText, setSearchTextOf, textParts } from './search';
import { filterConditions, pledgeConditions, whereClause } from './pledges/filter';
import { countFromTotals } from './totals';

const PLEDGE_NOUN = { vi: 'cam kết', en: 'pledge' };

const PLEDGE_COLUMNS = sql`p.id, p.place_id, p.kind, p.description, p.quantity_milli, p.unit, p.unit_value_minor,
  p.amount_minor, p.currency, p.rate, p.rate_date, p.rate_source, p.vnd_equivalent, p.pledge_date, p.status, p.status_by_user,
  p.beneficiaries, p.approval_number, p.approval_date, p.notes, p.item_id, p.created_at, p.updated_at`;

// A pledge is shown under its donor, or under the donor that one was merged into.
const ROW_COLUMNS = sql`${PLEDGE_COLUMNS}, d.id AS donor_id, d.name AS donor_name, d.short_name AS donor_short_name, ${displayNameSql('pl')} AS place_name,
  coalesce((SELECT sum(x.amount_minor) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS delivered_amount_minor,
  coalesce((SELECT sum(x.vnd_equivalent) FROM deliveries x WHERE x.pledge_id = p.id), 0) AS delivered_vnd`;
const DONOR_JOIN = sql`JOIN donors entered ON entered.id = p.donor_id JOIN donors d ON d.id = coalesce(entered.merged_into, entered.id)`;
const PLACE_JOIN = sql`JOIN places pl ON pl.id = p.place_id`;
const ROW_FROM = sql`FROM pledges p ${DONOR_JOIN} ${PLACE_JOIN}`;
const ROW_SELECT = sql`SELECT ${ROW_COLUMNS} ${ROW_FROM}`;

/** A ledger row as `ROW_COLUMNS` selects it. */
interface RawRow {
  id: string;
  donor_id: string;
  place_id: string;
  kind: PledgeRow['kind'];
  description: string;
  quantity_milli: number | null;
  unit: string | null;
  unit_value_minor: number | null;
  amount_minor: number;
  currency: string;
  rate: string;
  rate_date: string | null;
  rate_source: string | null;
  vnd_equivalent: number;
  pledge_date: string;
  status: PledgeRow['status'];
  status_by_user: number;
  beneficiaries: number | null;
  approval_number: string | null;
  approval_date: string | null;
  notes: string | null;
  item_id: string | null;
  created_at: string;
  updated_at: string;
  donor_name: string;
  donor_short_name: string | null;
  place_name: string;
  delivered_amount_minor: number;
  delivered_vnd: number;
}

/** Every field named: copying the driver's rows with spread costs ~10 µs a row (they arrive in dictionary mode). */
function fromRaw(r: RawRow): PledgeRow {
  return {
    id: r.id,
    donorId: r.donor_id,
    placeId: r.place_id,
    kind: r.kind,
    description: r.description,
    quantity: r.quantity_milli === null ? null : milliToQuantity(r.quantity_milli),
    unit: r.unit,
    unitValueMinor: r.unit_value_minor,
    amountMinor: r.amount_minor,
    currency: r.currency,
    rate: r.rate,
    rateDate: r.rate_date,
    rateSource: r.rate_source,
    vndEquivalent: r.vnd_equivalent,
    pledgeDate: r.pledge_date,
    status: r.status,
    statusByUser: r.status_by_user === 1,
    beneficiaries: r.beneficiaries,
    approvalNumber: r.approval_number,
    approvalDate: r.approval_date,
    notes: r.notes,
    itemId: r.item_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    donorName: r.donor_name,
    donorShortName: r.donor_short_name,
    placeName: r.place_name,
    deliveredAmountMinor: r.delivered_amount_minor,
    deliveredVnd: r.delivered_vnd,
    remainingAmountMinor: r.amount_minor - r.delivered_amount_minor,
  };
}

/** The stored form of a pledge's quantity. */
function stored<T extends { quantity: string | null; statusByUser: boolean }>({ quantity, statusByUser, ...rest }: T) {
  return {
    ...rest,
    quantityMilli: quantity === null ? null : quantityToMilli(quantity),
    statusByUser: statusByUser ? 1 : 0,
  };
}

const SORT_COLUMNS = {
  pledgeDate: 'p.pledge_date',
  vndEquivalent: 'p.vnd_equivalent',
  donor: 'd.name_key',
  place: 'pl.name_folded',
  kind: 'p.kind',
  status: 'p.status',
  updatedAt: 'p.updated_at',
} as const;

/** The joins a sort needs to reach its key before the page's rows are read in full. */
const SORT_JOINS: Partial<Record<keyof typeof SORT_COLUMNS, RawBuilder<unknown>>> = {
  donor: DONOR_JOIN,
  place: PLACE_JOIN,
};

/** Past this offset, counting first is cheap next to walking the index, and may let us walk it from the other end. */
const FAR_OFFSET = 20_000;

export async function listPledges(ctx: Ctx, input: ParsedInput<'pledges.list'>): Promise<PledgeList> {
  const filters = filterConditions(input.filter);
  // One branch per part of the search (one in all without words); the parts are disjoint, so their rows add up.
  const branches = ((await textParts(ctx, input.filter.text)) ?? [[]]).map((part) =>
    whereClause([...filters, ...part]),
  );
  const { offset, limit } = input.page;
  const countRows = async () =>
    (await countFromTotals(ctx, input.filter)) ??
    readRows<{ n: number | null }>(
      ctx,
      sql`SELECT sum(n) AS n FROM (${sql.join(
        branches.map((where) => sql`SELECT count(*) AS n FROM pledges p ${where}`),
        sql` UNION ALL `,
      )})`,
    )[0]?.n ??
    0;
  const counted = offset > FAR_OFFSET ? await countRows() : null;
  // A page near the end is read in the opposite order from the end, so the last page is as quick as the first.
  const fromEnd = counted !== null && offset > counted / 2;
  const asc = (input.sort.dir === 'asc') !== fromEnd;
  const dir = sql.raw(asc ? 'ASC' : 'DESC');
  const column = sql.raw(SORT_COLUMNS[input.sort.by]);
  const start = fromEnd ? Math.max(0, counted - offset - limit) : offset;
  const take = fromEnd ? Math.max(0, Math.min(limit, counted - offset)) : limit;
  // The page is chosen on the sort key alone (ties in the order rows were stored); only its rows are then read in
  // full, with their delivered sums, instead of every matching row.
  const joins = SORT_JOINS[input.sort.by] ?? sql``;
  // One branch is ordered in place, so an index on the sort key gives the page without reading the rest; several are
  // ordered together.
  const page =
    branches.length === 1
      ? sql`SELECT p.rowid AS page_rowid FROM pledges p ${joins} ${branches[0]!} ORDER BY ${column} ${dir}, p.rowid ${dir} LIMIT ${take} OFFSET ${start}`
      : sql`SELECT page_rowid FROM (${sql.join(
          branches.map(
            (where) => sql`SELECT p.rowid AS page_rowid, ${column} AS sort_key FROM pledges p ${joins} ${where}`,
          ),
          sql` UNION ALL `,
        )}) ORDER BY sort_key ${dir}, page_rowid ${dir} LIMIT ${take} OFFSET ${start}`;
  // The page drives (CROSS JOIN keeps it first): otherwise the planner may walk every pledge in the sort key's
  // index to meet the ORDER BY, and look each up in the page.
  const rows = readRows<RawRow>(
    ctx,
    sql`WITH page AS (${page})
    SELECT ${ROW_COLUMNS} FROM page CROSS JOIN pledges p ON p.rowid = page.page_rowid ${DONOR_JOIN} ${PLACE_JOIN}
    ORDER BY ${column} ${dir}, p.rowid ${dir}`,
  ).map(fromRaw);
  if (fromEnd) rows.reverse();
  if (!input.withTotal) return { rows, total: null };
  // A first page that is not full holds every matching row.
  return { rows, total: counted ?? (offset === 0 && rows.length < take ? rows.length : await countRows()) };
}

export async function summarizePledges(ctx: Ctx, input: ParsedInput<'pledges.summary'>): Promise<PledgeSummary> {
  const conditions = await pledgeConditions(ctx, input.filter);
  const pledged = await sql<{ count: number; pledgedVnd: number | null }>`
    SELECT count(*) AS count, sum(CASE WHEN p.status <> 'cancelled' THEN p.vnd_equivalent END) AS pledged_vnd
    FROM pledges p ${whereClause(conditions)}`.execute(ctx.db);
  // Every delivery of the matching pledges, whatever its date: the ledger's "delivered" column summed.
  const delivered = await sql<{ deliveredVnd: number | null }>`
    SELECT sum(x.vnd_equivalent) AS delivered_vnd FROM deliveries x JOIN pledges p ON p.id = x.pledge_id ${whereClause([...conditions, sql`p.status <> 'cancelled'`])}`.execute(
    ctx.db,
  );
  const pledgedVnd = pledged.rows[0]!.pledgedVnd ?? 0;
  const deliveredVnd = delivered.rows[0]!.deliveredVnd ?? 0;
  return { count: pledged.rows[0]!.count, pledgedVnd, deliveredVnd, remainingVnd: pledgedVnd - deliveredVnd };
}

/** One pledge's row by id: the SQL compiled once (it is read back after every pledge written, an import's too). */
let rowByIdText: string | null = null;

export async function getPledgeRow(ctx: Ctx, id: string, field = 'id'): Promise<PledgeRow> {
  rowByIdText ??= sql`${ROW_SELECT} WHERE p.id = ${id}`.compile(ctx.db).sql;
  const row = prepared(ctx.sqlite, rowByIdText).get(id) as RawRow | undefined;
  if (!row) throw notFound(field, PLEDGE_NOUN);
  return fromRaw(row);
}

export async function getPledgeDetail(ctx: Ctx, id: string): Promise<PledgeDetail> {
  const pledge = await getPledgeRow(ctx, id);
  const deliveries = await listDeliveriesOf(ctx, id);
  const delivered = await deliveredSoFar(ctx, id);
  return {
    pledge,
    deliveries,
    remaining: {
      amountMinor: pledge.amountMinor - delivered.amountMinor,
      quantity: pledge.quantity === null ? null : subtractQuantities(pledge.quantity, delivered.quantity),
    },
    history: await pledgeHistory(ctx, id),
  };
}

function snapshot(row: PledgeRow): Pledge {
  const {
    donorName: _d,
    donorShortName: _s,
    placeName: _p,
    deliveredAmountMinor: _a,
    deliveredVnd: _v,
    remainingAmountMinor: _r,
    ...pledge
  } = row;
  return pledge;
}

type PledgeDraft = Omit<Pledge, 'id' | 'createdAt' | 'updatedAt' | 'vndEquivalent' | 'amountMinor'> & {
  amountMinor: number | null;
};

/** Amount from quantity × unit value when not given; a given amount must equal that product exactly. */
function settleAmount(draft: PledgeDraft): number {
  const { quantity, unitValueMinor, amountMinor, currency } = draft;
  if (quantity !== null && unitValueMinor !== null) {
    let product: number;
    try {
      product = multiplyQuantity(quantity, unitValueMinor);
    } catch (error) {
      // Beyond what a number holds exactly: far past any amount the ledger accepts.
      if (!(error instanceof AmountRangeError)) throw error;
      throw invalid(
        'quantity',
        { vi: 'Số lượng × Đơn giá quá lớn', en: 'quantity × unit value is too large' },
        'too_large',
      );
    }
    if (amountMinor === null) {
      if (product > MAX_AMOUNT_MINOR) throw invalid('amountMinor', { vi: 'quá lớn', en: 'is too large' }, 'too_large');
      return product;
    }
    if (product !== amountMinor) {
      const q = quantity.replace('.', ',');
      throw invalid(
        'amountMinor',
        {
          vi: `${formatAmount(amountMinor, currency, 'vi')} ${currency} khác Số lượng × Đơn giá = ${q} × ${formatAmount(unitValueMinor, currency, 'vi')} = ${formatAmount(product, currency, 'vi')} ${currency}`,
          en: `${formatAmount(amountMinor, currency, 'en')} ${currency} differs from quantity × unit value = ${quantity} × ${formatAmount(unitValueMinor, currency, 'en')} = ${formatAmount(product, currency, 'en')} ${currency}`,
        },
        'amount_mismatch',
      );
    }
  }
  if (amountMinor === null) {
    throw invalid('amountMinor', {
      vi: 'bắt buộc phải nhập (hoặc nhập Số lượng và Đơn giá)',
      en: 'is required (or give quantity and unit value)',
    });
  }
  return amountMinor;
}

function computeVnd(amountMinor: number, currency: string, rate: string): number {
  let vnd: number;
  try {
    vnd = vndEquivalent(amountMinor, currency, rate);
  } catch (error) {
    if (!(error instanceof AmountRangeError)) throw error;
    vnd = Infinity;
  }
  if (vnd > MAX_AMOUNT_MINOR) {
    throw invalid(
      'amountMinor',
      { vi: 'giá trị quy đổi ra VND quá lớn', en: 'the VND equivalent is too large' },
      'too_large',
    );
  }
  return vnd;
}

/** A pledge's place must be a unit that existed on the pledge date. */
async function checkPlaceOnDate(ctx: Ctx, placeId: string, date: string, checks?: PledgeChecks) {
  const place =
    checks?.places.get(placeId) ??
    (await getPlace(ctx, placeId).catch((error: unknown) => {
      if (error instanceof LedgerError && error.code === 'not_found')
        throw notFound('placeId', { vi: 'địa bàn', en: 'place' });
      throw error;
    }));
  checks?.places.set(placeId, place);
  const problem = await placeProblemOn(ctx, place, date);
  if (problem) throw invalid('placeId', problem);
}

/**
 * What a call writing many pledges (an import) has already read, so that each donor and each place is looked up once:
 * a donor's current id, and a place (whether it existed on a date is then known without reading it again).
 */
export interface PledgeChecks {
  donors: Map<string, string>;
  places: Map<string, Place>;
}
export const newPledgeChecks = (): PledgeChecks => ({ donors: new Map(), places: new Map() });

export async function createPledge(
  ctx: Ctx,
  input: ParsedInput<'pledges.create'>,
  checks?: PledgeChecks,
): Promise<PledgeRow> {
  return getPledgeRow(ctx, await addPledge(ctx, input, checks));
}

/** Writes a new pledge and its history entry, and gives its id: an import needs no more, and reads nothing back. */
export async function addPledge(
  ctx: Ctx,
  input: ParsedInput<'pledges.create'>,
  checks?: PledgeChecks,
): Promise<string> {
  const donorId = checks?.donors.get(input.donorId) ?? (await currentDonorId(ctx, input.donorId));
  checks?.donors.set(input.donorId, donorId);
  await checkPlaceOnDate(ctx, input.placeId, input.pledgeDate, checks);
  const draft: PledgeDraft = {
    donorId,
    placeId: input.placeId,
    kind: input.kind,
    description: input.description,
    quantity: input.quantity ? canonicalQuantity(input.quantity) : null,
    unit: input.unit || null,
    unitValueMinor: input.unitValueMinor ?? null,
    amountMinor: input.amountMinor ?? null,
    currency: input.currency,
    ...(await resolveRate(ctx, input.currency, input.pledgeDate, input)),
    pledgeDate: input.pledgeDate,
    status: input.status ?? 'pledged',
    // A status other than the first one is a person's decision; "pledged" follows the deliveries from now on.
    statusByUser: input.status !== undefined && input.status !== 'pledged',
    beneficiaries: input.beneficiaries ?? null,
    approvalNumber: input.approvalNumber || null,
    approvalDate: input.approvalDate ?? null,
    notes: input.notes || null,
    itemId: input.itemId ? (await getItemRow(ctx, input.itemId)).id : null,
  };
  const amountMinor = settleAmount(draft);
  const id = ctx.newId();
  const vndEquivalent = computeVnd(amountMinor, draft.currency, draft.rate);
  const values = { ...stored(draft), id, amountMinor, vndEquivalent, createdAt: ctx.now, updatedAt: ctx.now };
  // Written with the version the tracking trigger would give it (a new one, from this installation), so that the
  // trigger does not write the row a second time to add it: an import writes a pledge per row.
  const applying = ctx.tracking.applying;
  ctx.tracking.applying = true;
  try {
    insertRow(ctx, 'pledges', {
      ...values,
      version: ctx.tracking.clock.next(),
      originSite: ctx.site.id,
      baseVersion: '',
    });
  } finally {
    ctx.tracking.applying = applying;
  }
  await setSearchTextOf(ctx, [id]);
  // The pledge as it now reads (the fields in `getPledgeRow`'s order; its quantity through the stored form).
  const written: Pledge = {
    id,
    donorId: draft.donorId,
    placeId: draft.placeId,
    kind: draft.kind,
    description: draft.description,
    quantity: draft.quantity === null ? null : milliToQuantity(quantityToMilli(draft.quantity)),
    unit: draft.unit,
    unitValueMinor: draft.unitValueMinor,
    amountMinor,
    currency: draft.currency,
    rate: draft.rate,
    rateDate: draft.rateDate,
    rateSource: draft.rateSource,
    vndEquivalent,
    pledgeDate: draft.pledgeDate,
    status: draft.status,
    statusByUser: draft.statusByUser,
    beneficiaries: draft.beneficiaries,
    approvalNumber: draft.approvalNumber,
    approvalDate: draft.approvalDate,
    notes: draft.notes,
    itemId: draft.itemId,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await recordAudit(ctx, { action: 'create', entity: 'pledge', entityId: id, after: written });
  return id;
}

export async function updatePledge(ctx: Ctx, input: ParsedInput<'pledges.update'>): Promise<PledgeRow> {
  const beforeRow = await getPledgeRow(ctx, input.id);
  const before = snapshot(beforeRow);
  const pick = <K extends keyof PledgeDraft>(key: K): PledgeDraft[K] => {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) return before[key as keyof Pledge] as PledgeDraft[K];
    return (value === '' ? null : value) as PledgeDraft[K];
  };
  const currency = pick('currency');
  const pledgeDate = pick('pledgeDate');
  const placeId = pick('placeId');
  const donorId = pick('donorId') === before.donorId ? before.donorId : await currentDonorId(ctx, pick('donorId'));
  if (placeId !== before.placeId || pledgeDate !== before.pledgeDate) await checkPlaceOnDate(ctx, placeId, pledgeDate);

  // The recorded rate stays unless the user gives another or the currency changes.
  const rateGiven = input.rate !== undefined && input.rate !== null;
  const recorded =
    currency !== before.currency || rateGiven
      ? await resolveRate(ctx, currency, pledgeDate, input)
      : {
          rate: before.rate,
          rateDate: input.rateDate === undefined ? before.rateDate : input.rateDate,
          rateSource: input.rateSource === undefined ? before.rateSource : input.rateSource || null,
        };

  const quantity = pick('quantity');
  const unitValueMinor = pick('unitValueMinor');
  // An amount not re-typed follows a changed quantity or unit value.
  const amountGiven = input.amountMinor !== undefined;
  const factorsChanged = input.quantity !== undefined || input.unitValueMinor !== undefined;
  const draft: PledgeDraft = {
    donorId,
    placeId,
    kind: pick('kind'),
    description: pick('description'),
    quantity: quantity ? canonicalQuantity(quantity) : null,
    unit: pick('unit'),
    unitValueMinor,
    amountMinor: amountGiven
      ? (input.amountMinor ?? null)
      : factorsChanged && quantity !== null && unitValueMinor !== null
        ? null
        : before.amountMinor,
    currency,
    ...recorded,
    pledgeDate,
    status: pick('status'),
    // Set by a person once they change it; it no longer follows the deliveries.
    statusByUser: before.statusByUser || pick('status') !== before.status,
    beneficiaries: pick('beneficiaries'),
    approvalNumber: pick('approvalNumber'),
    approvalDate: pick('approvalDate'),
    notes: pick('notes'),
    itemId:
      pick('itemId') && pick('itemId') !== before.itemId ? (await getItemRow(ctx, pick('itemId')!)).id : pick('itemId'),
  };
  const amountMinor = settleAmount(draft);

  const delivered = await deliveredSoFar(ctx, before.id);
  if (delivered.count > 0 && currency !== before.currency) {
    throw invalid('currency', {
      vi: `không đổi được vì đã có ${delivered.count} lần giao/giải ngân bằng ${before.currency}`,
      en: `cannot change: ${delivered.count} deliveries are recorded in ${before.currency}`,
    });
  }
  if (amountMinor < delivered.amountMinor) {
    throw invalid(
      'amountMinor',
      {
        vi: `không được nhỏ hơn số đã giao/giải ngân (${formatAmount(delivered.amountMinor, currency, 'vi')} ${currency})`,
        en: `cannot be less than what was already delivered (${formatAmount(delivered.amountMinor, currency, 'en')} ${currency})`,
      },
      'over_delivered',
    );
  }
  if (
    draft.quantity !== null &&
    delivered.quantity !== '0' &&
    subtractQuantities(draft.quantity, delivered.quantity).startsWith('-')
  ) {
    throw invalid(
      'quantity',
      {
        vi: `không được nhỏ hơn số lượng đã giao (${delivered.quantity})`,
        en: `cannot be less than the quantity delivered (${delivered.quantity})`,
      },
      'over_delivered',
    );
  }

  const next = { ...draft, amountMinor, vndEquivalent: computeVnd(amountMinor, currency, draft.rate) };
  const changes = diff(
    before as unknown as Record<string, unknown>,
    { ...before, ...next } as unknown as Record<string, unknown>,
  );
  if (changes.length === 0) return beforeRow;
  if (!input.reason?.trim() && changes.some((c) => (FIELDS_NEEDING_REASON as readonly string[]).includes(c.field))) {
    const named = changes
      .filter((c) => (FIELDS_NEEDING_REASON as readonly string[]).includes(c.field))
      .map((c) => fieldLabel(c.field));
    throw invalid('reason', {
      vi: `cần ghi lý do khi đổi ${named.map((l) => l.vi).join(', ')}`,
      en: `give the reason for changing ${named.map((l) => l.en).join(', ')}`,
    });
  }
  await ctx.db
    .updateTable('pledges')
    .set({ ...stored(next), updatedAt: ctx.now })
    .where('id', '=', before.id)
    .execute();
  await refreshSearchText(ctx, 'pledge', before.id);
  const after = await getPledgeRow(ctx, before.id);
  await recordAudit(ctx, {
    action: 'update',
    entity: 'pledge',
    entityId: before.id,
    before,
    after: snapshot(after),
    note: input.reason ?? null,
  });
  return after;
}

/**
 * A pledge's status follows its deliveries until a person sets it: none yet → pledged; some → in progress; the whole
 * amount (or the whole quantity) → completed. A cancelled pledge stays cancelled. The change goes into the history,
 * noted as made by the ledger.
 */
export async function statusFollowsDeliveries(ctx: Ctx, pledgeId: string): Promise<void> {
  const row = await getPledgeRow(ctx, pledgeId);
  if (row.statusByUser || row.status === 'cancelled') return;
  const delivered = await deliveredSoFar(ctx, pledgeId);
  const wholeAmount = delivered.amountMinor >= row.amountMinor;
  const wholeQuantity =
    row.quantity !== null &&
    row.quantity !== '0' &&
    !subtractQuantities(delivered.quantity, row.quantity).startsWith('-');
  const status = delivered.count === 0 ? 'pledged' : wholeAmount || wholeQuantity ? 'completed' : 'in_progress';
  if (status === row.status) return;
  await ctx.db.updateTable('pledges').set({ status, updatedAt: ctx.now }).where('id', '=', pledgeId).execute();
  const after = await getPledgeRow(ctx, pledgeId);
  await recordAudit(ctx, {
    action: 'update',
    entity: 'pledge',
    entityId: pledgeId,
    before: snapshot(row),
    after: snapshot(after),
    note: AUTO_STATUS_NOTE,
  });
}

/** A delivery recorded, changed or removed, and the pledge's status following it. */
export async function recordDelivery(ctx: Ctx, input: ParsedInput<'deliveries.create'>): Promise<Delivery> {
  const delivery = await createDelivery(ctx, input);
  await statusFollowsDeliveries(ctx, delivery.pledgeId);
  return delivery;
}

export async function amendDelivery(ctx: Ctx, input: ParsedInput<'deliveries.update'>): Promise<Delivery> {
  const delivery = await updateDelivery(ctx, input);
  await statusFollowsDeliveries(ctx, delivery.pledgeId);
  return delivery;
}

export async function removeDelivery(ctx: Ctx, input: ParsedInput<'deliveries.delete'>): Promise<{ id: string }> {
  const { pledgeId } = await deleteDelivery(ctx, input);
  await statusFollowsDeliveries(ctx, pledgeId);
  return { id: input.id };
}

export async function deletePledge(ctx: Ctx, input: ParsedInput<'pledges.delete'>): Promise<{ id: string }> {
  const row = await getPledgeRow(ctx, input.id);
  for (const delivery of await listDeliveriesOf(ctx, row.id)) {
    await ctx.db.deleteFrom('deliveries').where('id', '=', delivery.id).execute();
    await recordAudit(ctx, {
      action: 'delete',
      entity: 'delivery',
      entityId: delivery.id,
      parentId: row.id,
      before: delivery,
    });
  }
  await ctx.db.deleteFrom('pledges').where('id', '=', row.id).execute();
  await recordAudit(ctx, { action: 'delete', entity: 'pledge', entityId: row.id, before: snapshot(row) });
  return { id: row.id };
}
