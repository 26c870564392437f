/** Administrative units (province > district > commune) with validity periods and successor links for the 2025 reform. */
import type { ParsedInput, Place, PlaceLevel } from '../../contract';
import { LedgerError } from '../../contract/errors';
import { foldText } from '../../contract/text';
import { recordAudit } from '../audit';
import { checkNameText, invalid, notFound } from '../core/errors';
import { columnsOf } from '../core/statements';
import { dayText } from '../../contract/dates';
import type { Ctx } from '../core/context';
import type { PlacesTable } from '../core/schema';
import { refreshSearchText } from '../search';
import { displayName } from './names';

export { displayName, displayNameSql } from './names';

const ALLOWED_PARENTS: Record<PlaceLevel, PlaceLevel[]> = {
  province: [],
  district: ['province'],
  // After July 2025 communes sit directly under the province.
  commune: ['district', 'province'],
};

const PLACE_NOUN = { vi: 'đơn vị hành chính', en: 'administrative unit' };

export async function listPlaces(ctx: Ctx, input: ParsedInput<'places.list'>): Promise<Place[]> {
  let query = ctx.db.selectFrom('places').selectAll();
  if (input.validOn) {
    const on = input.validOn;
    query = query
      .where((eb) => eb.or([eb('validFrom', 'is', null), eb('validFrom', '<=', on)]))
      .where((eb) => eb.or([eb('validTo', 'is', null), eb('validTo', '>=', on)]));
  }
  const rows = await query.orderBy('level').orderBy('nameFolded').execute();
  const links = await ctx.db.selectFrom('placeSuccessors').select(['placeId', 'successorId']).execute();
  const successors = new Map<string, string[]>();
  for (const link of links) successors.set(link.placeId, [...(successors.get(link.placeId) ?? []), link.successorId]);
  return rows.map((row) => toPlace(row, successors.get(row.id) ?? []));
}

function toPlace(row: PlacesTable, successorIds: string[]): Place {
  const { nameFolded: _folded, ...rest } = row;
  return { ...rest, displayName: displayName(row), successorIds };
}

export async function getPlace(ctx: Ctx, id: string): Promise<Place> {
  const row = await ctx.db.selectFrom('places').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('placeId', PLACE_NOUN);
  const links = await ctx.db.selectFrom('placeSuccessors').select('successorId').where('placeId', '=', id).execute();
  return toPlace(
    row,
    links.map((l) => l.successorId),
  );
}

async function checkShape(
  ctx: Ctx,
  place: { id?: string; level: PlaceLevel; parentId: string | null; validFrom: string | null; validTo: string | null },
) {
  if (place.validFrom && place.validTo && place.validFrom > place.validTo) {
    throw invalid('validTo', {
      vi: `phải sau ngày bắt đầu hiệu lực (${dayText(place.validFrom)})`,
      en: `must not be before the start of validity (${place.validFrom})`,
    });
  }
  const allowed = ALLOWED_PARENTS[place.level];
  if (place.parentId === null) {
    if (allowed.length > 0) {
      throw invalid('parentId', { vi: 'bắt buộc với cấp huyện và xã', en: 'is required for districts and communes' });
    }
    return;
  }
  const parent = await ctx.db
    .selectFrom('places')
    .select(['id', 'level', 'parentId'])
    .where('id', '=', place.parentId)
    .executeTakeFirst();
  if (!parent) throw notFound('parentId', PLACE_NOUN);
  if (!allowed.includes(parent.level)) {
    throw invalid('parentId', {
      vi: `đơn vị cấp ${place.level} không thể trực thuộc cấp ${parent.level}`,
      en: `a ${place.level} cannot belong to a ${parent.level}`,
    });
  }
  // Walking up from the new parent must never reach the unit itself.
  let cursor: string | null = parent.id;
  while (cursor !== null) {
    if (cursor === place.id) throw invalid('parentId', { vi: 'tạo thành vòng lặp', en: 'would create a cycle' });
    const up: { parentId: string | null } | undefined = await ctx.db
      .selectFrom('places')
      .select('parentId')
      .where('id', '=', cursor)
      .executeTakeFirst();
    cursor = up?.parentId ?? null;
  }
}

/** A code names one unit at a time: the reform gave many new wards a former commune's code, so only overlapping periods clash. */
async function checkCodeFree(
  ctx: Ctx,
  place: { id?: string; code: string | null; validFrom: string | null; validTo: string | null },
) {
  if (!place.code) return;
  const others = (await ctx.db
    .selectFrom('places')
    .selectAll()
    .where('code', '=', place.code)
    .execute()) as (PlacesTable & { unitType?: string | null })[];
  const clash = others.find(
    (other) =>
      other.id !== place.id &&
      (other.validTo === null || place.validFrom === null || other.validTo >= place.validFrom) &&
      (place.validTo === null || other.validFrom === null || place.validTo >= other.validFrom),
  );
  if (clash) {
    const name = displayName({ name: clash.name, unitType: clash.unitType ?? null });
    throw new LedgerError(
      'duplicate',
      { vi: `Mã đơn vị ${place.code} đã dùng cho ${name}`, en: `Code ${place.code} is already used by ${name}` },
      'code',
    );
  }
}

async function setSuccessors(ctx: Ctx, placeId: string, successorIds: string[]) {
  const unique = [...new Set(successorIds)];
  for (const successorId of unique) {
    if (successorId === placeId)
      throw invalid('successorIds', { vi: 'không thể kế thừa chính nó', en: 'a unit cannot succeed itself' });
    const exists = await ctx.db.selectFrom('places').select('id').where('id', '=', successorId).executeTakeFirst();
    if (!exists) throw notFound('successorIds', PLACE_NOUN);
  }
  await ctx.db.deleteFrom('placeSuccessors').where('placeId', '=', placeId).execute();
  for (const successorId of unique) {
    await ctx.db
      .insertInto('placeSuccessors')
      .values({ id: ctx.newId(), placeId, successorId, createdAt: ctx.now, updatedAt: ctx.now })
      .execute();
  }
}

export async function createPlace(
  ctx: Ctx,
  input: ParsedInput<'places.create'>,
  id: string = ctx.newId(),
): Promise<Place> {
  checkNameText(input.name);
  const row: PlacesTable = {
    id,
    name: input.name,
    nameFolded: foldText(input.name),
    unitType: input.unitType || null,
    level: input.level,
    parentId: input.parentId ?? null,
    code: input.code || null,
    validFrom: input.validFrom ?? null,
    validTo: input.validTo ?? null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  await checkShape(ctx, row);
  await checkCodeFree(ctx, row);
  // Ledgers written before unit types (the first releases' seed, in upgrade tests) have no column for one.
  const { unitType, ...untyped } = row;
  await ctx.db
    .insertInto('places')
    .values(columnsOf(ctx, 'places').includes('unit_type') ? row : untyped)
    .execute();
  if (input.successorIds) await setSuccessors(ctx, row.id, input.successorIds);
  const place = await getPlace(ctx, row.id);
  await recordAudit(ctx, { action: 'create', entity: 'place', entityId: row.id, after: place });
  return place;
}

export async function updatePlace(ctx: Ctx, input: ParsedInput<'places.update'>): Promise<Place> {
  const before = await getPlace(ctx, input.id);
  if (input.name !== undefined) checkNameText(input.name);
  const next = {
    id: before.id,
    name: input.name ?? before.name,
    unitType: input.unitType === undefined ? before.unitType : input.unitType || null,
    level: input.level ?? before.level,
    parentId: input.parentId === undefined ? before.parentId : input.parentId,
    code: input.code === undefined ? before.code : input.code || null,
    validFrom: input.validFrom === undefined ? before.validFrom : input.validFrom,
    validTo: input.validTo === undefined ? before.validTo : input.validTo,
  };
  await checkShape(ctx, next);
  await checkCodeFree(ctx, next);
  if (next.level !== before.level) {
    const child = await ctx.db.selectFrom('places').select('id').where('parentId', '=', before.id).executeTakeFirst();
    if (child)
      throw invalid('level', {
        vi: 'không đổi được cấp khi còn đơn vị trực thuộc',
        en: 'cannot change while units belong to it',
      });
  }
  await ctx.db
    .updateTable('places')
    .set({ ...next, nameFolded: foldText(next.name), updatedAt: ctx.now })
    .where('id', '=', before.id)
    .execute();
  if (input.successorIds) await setSuccessors(ctx, before.id, input.successorIds);
  if (next.name !== before.name || next.unitType !== before.unitType) await refreshSearchText(ctx, 'place', before.id);
  const after = await getPlace(ctx, before.id);
  await recordAudit(ctx, { action: 'update', entity: 'place', entityId: before.id, before, after });
  return after;
}
