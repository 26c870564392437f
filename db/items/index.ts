/**
 * Aid items (khoản viện trợ): what the law approves and departments count. An item holds pledge lines; its stage
 * moves along the course the decrees set, each step dated with its document and kept in the history.
 */
import { sql } from 'kysely';
import type { ParsedInput } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { NEXT_STAGES, type AidItem, type AidItemDetail, type AidStage } from '../../contract/items';
import { ITEM_VOCABULARY } from '../../contract/labels';
import { foldText } from '../../contract/text';
import { fieldLabel } from '../../contract/validation';
import { diff, pledgeHistory, recordAudit } from '../audit';
import { invalid, notFound } from '../core/errors';
import { dayText } from '../../contract/dates';
import type { Ctx } from '../core/context';
import { currentDonorId } from '../donors';
import { getPlace } from '../places';
import type { AidItemsTable } from '../core/schema';
import { keptWhileUnchanged } from './kept';
import { checkItemTodayIn, parseTodayIn } from './today-in';

export { itemsOverview, listSectors } from './overview';

const ITEM_NOUN = { vi: 'khoản viện trợ', en: 'aid item' };
/** Changing these needs a reason, as for a pledge's money and donor. */
const FIELDS_NEEDING_REASON = [
  'modality',
  'donorId',
  'valueMinor',
  'valueCurrency',
  'counterpartMinor',
  'counterpartCurrency',
];
/** Stages at which an item has been approved. */
const APPROVED_STAGES: readonly AidStage[] = ['approved', 'implementing', 'ended', 'settled'];

interface ItemRow extends AidItemsTable {
  donorName: string;
  lineCount: number;
  committedVnd: number;
  disbursedVnd: number;
}

const parseIds = (json: string): string[] => {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

function toItem(row: ItemRow): AidItem {
  const { nameFolded: _folded, coDonorIds, placeIds, todayPlaceIds, budgetRevenue, ...rest } = row;
  return {
    ...rest,
    coDonorIds: parseIds(coDonorIds),
    placeIds: parseIds(placeIds),
    todayPlaceIds: parseTodayIn(todayPlaceIds),
    budgetRevenue: budgetRevenue === 1,
  };
}

// Cancelled lines count in no total.
const ITEM_SELECT = sql`SELECT i.*, d.name AS donor_name,
  (SELECT count(*) FROM pledges p WHERE p.item_id = i.id) AS line_count,
  coalesce((SELECT sum(p.vnd_equivalent) FROM pledges p WHERE p.item_id = i.id AND p.status <> 'cancelled'), 0) AS committed_vnd,
  coalesce((SELECT sum(x.vnd_equivalent) FROM deliveries x JOIN pledges p ON p.id = x.pledge_id WHERE p.item_id = i.id AND p.status <> 'cancelled'), 0) AS disbursed_vnd
  FROM aid_items i JOIN donors d ON d.id = i.donor_id`;

/** The schema whose migration (0024) keeps each item's whole sums and the counts of changes to items and donors. */
const ITEM_LINE_TOTALS_SCHEMA = 24;

/** The same columns, the sums read from each item's kept totals (`0024_item_and_year_totals`) rather than its lines. */
const KEPT_ITEM_SELECT = sql`SELECT i.*, d.name AS donor_name, coalesce(t.n, 0) AS line_count,
  coalesce(t.committed_vnd, 0) AS committed_vnd, coalesce(t.disbursed_vnd, 0) AS disbursed_vnd
  FROM aid_items i JOIN donors d ON d.id = i.donor_id LEFT JOIN item_line_totals t ON t.item_id = i.id`;

/** The kept totals answer, unless a bulk write defers them (folded only when it ends) or the ledger predates them. */
const keptTotals = (ctx: Ctx) => !ctx.tracking.totalsDeferred && ctx.schemaVersion >= ITEM_LINE_TOTALS_SCHEMA;

export async function getItemRow(ctx: Ctx, id: string, field = 'itemId'): Promise<AidItemsTable> {
  const row = await ctx.db.selectFrom('aidItems').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(field, ITEM_NOUN);
  return row;
}

async function readItem(ctx: Ctx, id: string): Promise<AidItem> {
  // Through the query builder, whose plugin gives the columns their camelCase names.
  const row = (
    await sql<ItemRow>`${keptTotals(ctx) ? KEPT_ITEM_SELECT : ITEM_SELECT} WHERE i.id = ${id}`.execute(ctx.db)
  ).rows[0];
  if (!row) throw notFound('id', ITEM_NOUN);
  return toItem(row);
}

export async function listItems(ctx: Ctx, input: ParsedInput<'items.list'>): Promise<AidItem[]> {
  const conditions = [sql`1 = 1`];
  const words = foldText(input.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  for (const raw of words) {
    const word = raw.replace(/[\\%_]/g, '\\$&');
    conditions.push(sql`(i.name_folded LIKE ${`%${word}%`} ESCAPE '\\' OR d.name_key LIKE ${`%${word}%`} ESCAPE '\\')`);
  }
  if (input.modalities?.length) conditions.push(sql`i.modality IN (${sql.join(input.modalities)})`);
  if (input.sectors?.length) conditions.push(sql`i.sector IN (${sql.join(input.sectors)})`);
  if (input.stages?.length) conditions.push(sql`i.stage IN (${sql.join(input.stages)})`);
  const kept = keptTotals(ctx);
  const read = async () =>
    (
      await sql<ItemRow>`${kept ? KEPT_ITEM_SELECT : ITEM_SELECT} WHERE ${sql.join(conditions, sql` AND `)} ORDER BY i.stage_date DESC, i.name_folded`.execute(
        ctx.db,
      )
    ).rows.map(toItem);
  // The whole list (no filter), which the pledge form's item picker asks for again after every pledge saved, is kept
  // until an item, a donor or an item's sums change: a pledge outside any item changes none of them.
  if (!kept || conditions.length > 1) return read();
  return [...(await keptWhileUnchanged(ctx, 'items.list', ['aid_items', 'donors', 'item_line_totals'], '', read))];
}

export async function getItemDetail(ctx: Ctx, id: string): Promise<AidItemDetail> {
  const item = await readItem(ctx, id);
  const stages = await ctx.db
    .selectFrom('aidItemStages')
    .selectAll()
    .where('itemId', '=', id)
    .orderBy('onDate')
    .orderBy(sql`rowid`)
    .execute();
  const lines = await ctx.db
    .selectFrom('pledges')
    .select('id')
    .where('itemId', '=', id)
    .orderBy('pledgeDate')
    .orderBy('id')
    .execute();
  return {
    item,
    stages: stages.map((s) => ({
      id: s.id,
      stage: s.stage,
      date: s.onDate,
      document: s.document,
      note: s.note,
      createdAt: s.createdAt,
    })),
    pledgeIds: lines.map((l) => l.id),
    history: await pledgeHistory(ctx, id),
  };
}

type ItemFields = Omit<AidItemsTable, 'id' | 'createdAt' | 'updatedAt' | 'stage' | 'stageDate' | 'nameFolded'>;

/** Checks what one field cannot say alone: donors and places that exist, a period in order, a currency with a value. */
async function checkItem(ctx: Ctx, fields: ItemFields): Promise<ItemFields> {
  const donorId = await currentDonorId(ctx, fields.donorId);
  const coDonors: string[] = [];
  for (const id of parseIds(fields.coDonorIds)) {
    const co = await currentDonorId(ctx, id, 'coDonorIds');
    if (co !== donorId && !coDonors.includes(co)) coDonors.push(co);
  }
  const places: string[] = [];
  for (const id of parseIds(fields.placeIds)) {
    await getPlace(ctx, id).catch((error: unknown) => {
      if (error instanceof LedgerError && error.code === 'not_found')
        throw notFound('placeIds', { vi: 'địa bàn', en: 'place' });
      throw error;
    });
    if (!places.includes(id)) places.push(id);
  }
  if (fields.startDate && fields.endDate && fields.startDate > fields.endDate) {
    throw invalid('endDate', {
      vi: `phải sau thời gian bắt đầu (${dayText(fields.startDate)})`,
      en: `must not be before the start (${fields.startDate})`,
    });
  }
  for (const [amount, currency] of [
    ['valueMinor', 'valueCurrency'],
    ['counterpartMinor', 'counterpartCurrency'],
  ] as const) {
    if (fields[amount] !== null && !fields[currency]) {
      throw invalid(currency, {
        vi: 'bắt buộc khi có số tiền (ví dụ VND, USD)',
        en: 'is required with an amount (e.g. VND, USD)',
      });
    }
  }
  const todayPlaceIds = await checkItemTodayIn(ctx, places, parseTodayIn(fields.todayPlaceIds));
  return { ...fields, donorId, coDonorIds: JSON.stringify(coDonors), placeIds: JSON.stringify(places), todayPlaceIds };
}

function requireApproval(
  fields: { approvalNumber: string | null; approvalDate: string | null },
  stage: AidStage,
): void {
  if (!APPROVED_STAGES.includes(stage)) return;
  if (!fields.approvalNumber)
    throw invalid('approvalNumber', {
      vi: `bắt buộc khi khoản viện trợ ở giai đoạn "${ITEM_VOCABULARY.vi.stage[stage]}"`,
      en: `is required at the stage "${ITEM_VOCABULARY.en.stage[stage]}"`,
    });
  if (!fields.approvalDate)
    throw invalid('approvalDate', {
      vi: `bắt buộc khi khoản viện trợ ở giai đoạn "${ITEM_VOCABULARY.vi.stage[stage]}"`,
      en: `is required at the stage "${ITEM_VOCABULARY.en.stage[stage]}"`,
    });
}

const orNull = <T>(value: T | null | undefined | ''): T | null => (value === undefined || value === '' ? null : value);

export async function createItem(ctx: Ctx, input: ParsedInput<'items.create'>): Promise<AidItem> {
  const fields = await checkItem(ctx, {
    name: input.name,
    modality: input.modality,
    sector: input.sector,
    donorId: input.donorId,
    coDonorIds: JSON.stringify(input.coDonorIds ?? []),
    governingBody: orNull(input.governingBody),
    aidOwner: orNull(input.aidOwner),
    placeIds: JSON.stringify(input.placeIds ?? []),
    todayPlaceIds: JSON.stringify(input.todayPlaceIds ?? {}),
    startDate: orNull(input.startDate),
    endDate: orNull(input.endDate),
    valueMinor: orNull(input.valueMinor),
    valueCurrency: orNull(input.valueCurrency),
    counterpartMinor: orNull(input.counterpartMinor),
    counterpartCurrency: orNull(input.counterpartCurrency),
    budgetRevenue: input.budgetRevenue ? 1 : 0,
    approvalNumber: orNull(input.approvalNumber),
    approvalDate: orNull(input.approvalDate),
    approvedBy: orNull(input.approvedBy),
    notes: orNull(input.notes),
  });
  const stage = input.stage ?? 'proposed';
  const stageDate =
    input.stageDate ?? (stage === 'approved' && fields.approvalDate ? fields.approvalDate : ctx.now.slice(0, 10));
  requireApproval(fields, stage);
  const id = ctx.newId();
  await ctx.db
    .insertInto('aidItems')
    .values({
      ...fields,
      id,
      nameFolded: foldText(fields.name),
      stage,
      stageDate,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .execute();
  await ctx.db
    .insertInto('aidItemStages')
    .values({
      id: ctx.newId(),
      itemId: id,
      stage,
      onDate: stageDate,
      document: stage === 'approved' ? fields.approvalNumber : null,
      note: null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .execute();
  const item = await readItem(ctx, id);
  await recordAudit(ctx, { action: 'create', entity: 'aid_item', entityId: id, after: snapshot(item) });
  return item;
}

/** What the history keeps of an item: its own fields, not the sums of its lines. */
function snapshot(item: AidItem) {
  const { donorName: _n, lineCount: _l, committedVnd: _c, disbursedVnd: _d, ...own } = item;
  return own;
}

export async function updateItem(ctx: Ctx, input: ParsedInput<'items.update'>): Promise<AidItem> {
  const before = await readItem(ctx, input.id).catch((error: unknown) => {
    throw error instanceof LedgerError && error.code === 'not_found' ? notFound('id', ITEM_NOUN) : error;
  });
  const pick = <K extends keyof AidItem>(key: K): AidItem[K] => {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined) return before[key];
    return (value === '' ? null : value) as AidItem[K];
  };
  const fields = await checkItem(ctx, {
    name: pick('name'),
    modality: pick('modality'),
    sector: pick('sector'),
    donorId: pick('donorId'),
    coDonorIds: JSON.stringify(pick('coDonorIds')),
    governingBody: pick('governingBody'),
    aidOwner: pick('aidOwner'),
    placeIds: JSON.stringify(pick('placeIds')),
    // Not given, the entries of the places kept stay.
    todayPlaceIds: JSON.stringify(
      input.todayPlaceIds ??
        Object.fromEntries(Object.entries(before.todayPlaceIds).filter(([id]) => pick('placeIds').includes(id))),
    ),
    startDate: pick('startDate'),
    endDate: pick('endDate'),
    valueMinor: pick('valueMinor'),
    valueCurrency: pick('valueCurrency'),
    counterpartMinor: pick('counterpartMinor'),
    counterpartCurrency: pick('counterpartCurrency'),
    budgetRevenue: pick('budgetRevenue') ? 1 : 0,
    approvalNumber: pick('approvalNumber'),
    approvalDate: pick('approvalDate'),
    approvedBy: pick('approvedBy'),
    notes: pick('notes'),
  });
  // A donor merged since the item was entered stays as entered (it counts under the one it was merged into) until
  // the officer changes the donors: a change of notes must not read as a change of donor needing a reason.
  if (input.donorId === undefined) fields.donorId = before.donorId;
  if (input.coDonorIds === undefined) fields.coDonorIds = JSON.stringify(before.coDonorIds);
  requireApproval(fields, before.stage);
  const after = {
    ...snapshot(before),
    ...fields,
    coDonorIds: parseIds(fields.coDonorIds),
    placeIds: parseIds(fields.placeIds),
    todayPlaceIds: parseTodayIn(fields.todayPlaceIds),
    budgetRevenue: fields.budgetRevenue === 1,
  };
  const changes = diff(snapshot(before), after);
  if (changes.length === 0) return before;
  const needing = changes.filter((c) => FIELDS_NEEDING_REASON.includes(c.field));
  if (!input.reason?.trim() && needing.length) {
    const named = needing.map((c) => fieldLabel(c.field));
    throw invalid('reason', {
      vi: `cần ghi lý do khi đổi ${named.map((l) => l.vi).join(', ')}`,
      en: `is needed to change ${named.map((l) => l.en).join(', ')}`,
    });
  }
  await ctx.db
    .updateTable('aidItems')
    .set({ ...fields, nameFolded: foldText(fields.name), updatedAt: ctx.now })
    .where('id', '=', before.id)
    .execute();
  const item = await readItem(ctx, before.id);
  await recordAudit(ctx, {
    action: 'update',
    entity: 'aid_item',
    entityId: item.id,
    before: snapshot(before),
    after: snapshot(item),
    note: input.reason?.trim() || null,
  });
  return item;
}

/** Moves an item to a later stage (or out of its course), dated, with the document that moved it. */
export async function setItemStage(ctx: Ctx, input: ParsedInput<'items.stage'>): Promise<AidItem> {
  const before = await readItem(ctx, input.id);
  const allowed = NEXT_STAGES[before.stage];
  if (!allowed.includes(input.stage)) {
    const names = (lang: 'vi' | 'en') => allowed.map((s) => ITEM_VOCABULARY[lang].stage[s]).join(', ');
    throw invalid('stage', {
      vi: `khoản viện trợ đang ở giai đoạn "${ITEM_VOCABULARY.vi.stage[before.stage]}" không chuyển sang "${ITEM_VOCABULARY.vi.stage[input.stage]}" được${allowed.length ? ` (chỉ sang: ${names('vi')})` : ''}`,
      en: `an item at the stage "${ITEM_VOCABULARY.en.stage[before.stage]}" cannot move to "${ITEM_VOCABULARY.en.stage[input.stage]}"${allowed.length ? ` (only to: ${names('en')})` : ''}`,
    });
  }
  if (input.date < before.stageDate) {
    throw invalid('date', {
      vi: `không được trước ngày của giai đoạn hiện tại (${dayText(before.stageDate)})`,
      en: `cannot be before the current stage's date (${before.stageDate})`,
    });
  }
  const document = input.document?.trim() || null;
  // An approval names its decision: the item takes its number and date from the step when it has none.
  const approval =
    input.stage === 'approved'
      ? { approvalNumber: before.approvalNumber ?? document, approvalDate: before.approvalDate ?? input.date }
      : {};
  requireApproval(
    { approvalNumber: before.approvalNumber, approvalDate: before.approvalDate, ...approval },
    input.stage,
  );
  await ctx.db
    .updateTable('aidItems')
    .set({ ...approval, stage: input.stage, stageDate: input.date, updatedAt: ctx.now })
    .where('id', '=', before.id)
    .execute();
  await ctx.db
    .insertInto('aidItemStages')
    .values({
      id: ctx.newId(),
      itemId: before.id,
      stage: input.stage,
      onDate: input.date,
      document,
      note: input.note?.trim() || null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .execute();
  const item = await readItem(ctx, before.id);
  const note = [document, input.note?.trim()].filter(Boolean).join(' — ') || null;
  await recordAudit(ctx, {
    action: 'update',
    entity: 'aid_item',
    entityId: item.id,
    before: snapshot(before),
    after: snapshot(item),
    note,
  });
  return item;
}

/** Puts pledge lines into an item, or (itemId null) takes them out; each line's history records the move. */
export async function attachLines(ctx: Ctx, input: ParsedInput<'items.attach'>): Promise<{ moved: number }> {
  if (input.itemId) await getItemRow(ctx, input.itemId);
  let moved = 0;
  for (const pledgeId of new Set(input.pledgeIds)) {
    const line = await ctx.db
      .selectFrom('pledges')
      .select(['id', 'itemId'])
      .where('id', '=', pledgeId)
      .executeTakeFirst();
    if (!line) throw notFound('pledgeIds', { vi: 'cam kết', en: 'pledge' });
    if (line.itemId === input.itemId) continue;
    await ctx.db
      .updateTable('pledges')
      .set({ itemId: input.itemId, updatedAt: ctx.now })
      .where('id', '=', pledgeId)
      .execute();
    await recordAudit(ctx, {
      action: 'update',
      entity: 'pledge',
      entityId: pledgeId,
      before: { itemId: line.itemId },
      after: { itemId: input.itemId },
    });
    moved++;
  }
  return { moved };
}
