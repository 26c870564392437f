/** Donors, unique by name ignoring case, accents and Unicode normalisation. */
import { sql } from 'kysely';
import type { Donor, ParsedInput } from '../contract';
import { LedgerError } from '../contract/errors';
import { escapeLike, foldText, searchWords } from '../contract/text';
import { recordAudit } from './audit';
import { notFound, type Ctx } from './context';
import { refreshSearchText } from './search';

const DONOR_NOUN = { vi: 'nhà tài trợ', en: 'donor' };

function donorQuery(ctx: Ctx) {
  return ctx.db
    .selectFrom('donors')
    .select(['id', 'name', 'shortName', 'country', 'kind', 'notes', 'createdAt', 'updatedAt'])
    .select(sql<number>`(SELECT count(*) FROM pledges p WHERE p.donor_id = donors.id)`.as('pledgeCount'));
}

export async function listDonors(ctx: Ctx, input: ParsedInput<'donors.list'>): Promise<Donor[]> {
  let query = donorQuery(ctx);
  for (const word of searchWords(input.text ?? '')) {
    const pattern = `%${escapeLike(word)}%`;
    query = query.where(sql<boolean>`(donors.name_key LIKE ${pattern} ESCAPE '\\' OR fold_text(coalesce(donors.short_name, '')) LIKE ${pattern} ESCAPE '\\')`);
  }
  return query.orderBy('nameKey').execute();
}

export async function getDonor(ctx: Ctx, id: string, field = 'donorId'): Promise<Donor> {
  const donor = await donorQuery(ctx).where('id', '=', id).executeTakeFirst();
  if (!donor) throw notFound(field, DONOR_NOUN);
  return donor;
}

/** Finds a donor by name or short name, ignoring case and accents. */
export async function findDonorByName(ctx: Ctx, name: string): Promise<Donor | undefined> {
  const key = foldText(name);
  const row = await ctx.db
    .selectFrom('donors')
    .select('id')
    .where((eb) => eb.or([eb('nameKey', '=', key), eb(sql`fold_text(coalesce(short_name, ''))`, '=', key)]))
    .executeTakeFirst();
  return row ? getDonor(ctx, row.id) : undefined;
}

async function checkNameFree(ctx: Ctx, name: string, selfId?: string) {
  const other = await ctx.db.selectFrom('donors').select(['id', 'name']).where('nameKey', '=', foldText(name)).executeTakeFirst();
  if (other && other.id !== selfId) {
    throw new LedgerError(
      'duplicate',
      { vi: `Tên: đã có nhà tài trợ "${other.name}"`, en: `Name: a donor "${other.name}" already exists` },
      'name',
    );
  }
}

export async function createDonor(ctx: Ctx, input: ParsedInput<'donors.create'>): Promise<Donor> {
  await checkNameFree(ctx, input.name);
  const id = crypto.randomUUID();
  await ctx.db
    .insertInto('donors')
    .values({
      id,
      name: input.name,
      nameKey: foldText(input.name),
      shortName: input.shortName || null,
      country: input.country || null,
      kind: input.kind,
      notes: input.notes || null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .execute();
  const donor = await getDonor(ctx, id);
  await recordAudit(ctx, { action: 'create', entity: 'donor', entityId: id, after: withoutCount(donor) });
  return donor;
}

function withoutCount({ pledgeCount: _count, ...donor }: Donor) {
  return donor;
}

export async function updateDonor(ctx: Ctx, input: ParsedInput<'donors.update'>): Promise<Donor> {
  const before = await getDonor(ctx, input.id, 'id');
  const name = input.name ?? before.name;
  if (input.name !== undefined) await checkNameFree(ctx, name, before.id);
  await ctx.db
    .updateTable('donors')
    .set({
      name,
      nameKey: foldText(name),
      shortName: input.shortName === undefined ? before.shortName : input.shortName || null,
      country: input.country === undefined ? before.country : input.country || null,
      kind: input.kind ?? before.kind,
      notes: input.notes === undefined ? before.notes : input.notes || null,
      updatedAt: ctx.now,
    })
    .where('id', '=', before.id)
    .execute();
  await refreshSearchText(ctx, 'donor', before.id);
  const after = await getDonor(ctx, before.id);
  await recordAudit(ctx, { action: 'update', entity: 'donor', entityId: before.id, before: withoutCount(before), after: withoutCount(after) });
  return after;
}

export async function deleteDonor(ctx: Ctx, input: ParsedInput<'donors.delete'>): Promise<{ id: string }> {
  const donor = await getDonor(ctx, input.id, 'id');
  if (donor.pledgeCount > 0) {
    throw new LedgerError(
      'in_use',
      {
        vi: `Không xóa được "${donor.name}": còn ${donor.pledgeCount} cam kết của nhà tài trợ này.`,
        en: `Cannot delete "${donor.name}": ${donor.pledgeCount} pledge(s) still belong to this donor.`,
      },
      'id',
    );
  }
  await ctx.db.deleteFrom('donors').where('id', '=', donor.id).execute();
  await recordAudit(ctx, { action: 'delete', entity: 'donor', entityId: donor.id, before: withoutCount(donor) });
  return { id: donor.id };
}
