/**
 * Donors, unique by name ignoring case, accents and Unicode normalisation. A donor recorded twice is merged into
 * the other: its pledges stay as entered and count under the donor it was merged into.
 */
import { sql } from 'kysely';
import type { Donor, ParsedInput } from '../contract';
import { LedgerError } from '../contract/errors';
import { escapeLike, foldText, searchWords } from '../contract/text';
import { recordAudit } from './audit';
import { checkNameText, notFound } from './core/errors';
import { insertRow, prepared } from './core/statements';
import type { Ctx } from './core/context';
import { deleteKept } from './deletions/keep';
import { refreshSearchText } from './search';

const DONOR_NOUN = { vi: 'nhà tài trợ', en: 'donor' };

/** Separates alias names in one SQL value (a control character no name contains). */
const ALIAS_SEPARATOR = '\u001f';

/** A donor's pledges and those of the donors merged into it, counted one by one: quick for one donor. */
const PLEDGES_COUNTED = sql<number>`(SELECT count(*) FROM pledges p WHERE p.donor_id = donors.id OR p.donor_id IN (SELECT a.id FROM donors a WHERE a.merged_into = donors.id))`;

/**
 * The same count for every donor at once, from the totals by donor (every status, kept by the pledges' triggers),
 * summed by donor once for the whole list: on a ledger of a million pledges counting each donor's pledges takes
 * ~0.12 s of CPU, the monthly totals ~50 ms, their sums by year (migration 0024) a twelfth of their rows. They are
 * summed by period and donor first, in the order of their key, so only those sums are sorted by donor, not every row.
 */
const pledgesFromTotals = (byYear: boolean) => {
  const [table, period] = byYear ? ['pledge_totals_by_donor_year', 'year'] : ['pledge_totals_by_donor', 'month'];
  return sql<number>`(SELECT coalesce(sum(c.n), 0)
  FROM (SELECT donors.id AS id UNION ALL SELECT a.id FROM donors a WHERE a.merged_into = donors.id) k
  CROSS JOIN (SELECT donor_id, sum(n) AS n
    FROM (SELECT ${sql.raw(period)}, donor_id, sum(n) AS n FROM ${sql.raw(table)} GROUP BY ${sql.raw(period)}, donor_id)
    GROUP BY donor_id) c ON c.donor_id = k.id)`;
};

/** The schema whose migration (0024) added the totals by donor summed by year. */
const YEARLY_SCHEMA = 24;

function donorQuery(ctx: Ctx, pledgeCount = PLEDGES_COUNTED) {
  return ctx.db
    .selectFrom('donors')
    .select(['id', 'name', 'shortName', 'country', 'kind', 'notes', 'mergedInto', 'createdAt', 'updatedAt'])
    .select(pledgeCount.as('pledgeCount'))
    .select(
      sql<
        string | null
      >`(SELECT group_concat(a.name, ${ALIAS_SEPARATOR}) FROM (SELECT m.name FROM donors m WHERE m.merged_into = donors.id ORDER BY m.name_key) a)`.as(
        'aliasNames',
      ),
    );
}

type DonorRow = Omit<Donor, 'aliases'> & { aliasNames: string | null };
function fromRow({ aliasNames, ...donor }: DonorRow): Donor {
  return { ...donor, aliases: aliasNames ? aliasNames.split(ALIAS_SEPARATOR) : [] };
}

export async function listDonors(ctx: Ctx, input: ParsedInput<'donors.list'>): Promise<Donor[]> {
  const words = searchWords(input.text ?? '');
  // A search lists a few donors, whose pledges are counted sooner than every donor's totals are summed.
  let query = donorQuery(ctx, words.length ? PLEDGES_COUNTED : pledgesFromTotals(ctx.schemaVersion >= YEARLY_SCHEMA));
  if (!input.includeMerged) query = query.where('mergedInto', 'is', null);
  for (const word of words) {
    const pattern = `%${escapeLike(word)}%`;
    query =
      query.where(sql<boolean>`(donors.name_key LIKE ${pattern} ESCAPE '\\' OR fold_text(coalesce(donors.short_name, '')) LIKE ${pattern} ESCAPE '\\'
      OR EXISTS (SELECT 1 FROM donors a WHERE a.merged_into = donors.id AND a.name_key LIKE ${pattern} ESCAPE '\\'))`);
  }
  return (await query.orderBy('nameKey').execute()).map(fromRow);
}

export async function getDonor(ctx: Ctx, id: string, field = 'donorId'): Promise<Donor> {
  const donor = await donorQuery(ctx).where('id', '=', id).executeTakeFirst();
  if (!donor) throw notFound(field, DONOR_NOUN);
  return fromRow(donor);
}

/** The donor a donor's pledges count under: itself, or the one it was merged into. */
export async function currentDonor(ctx: Ctx, id: string, field = 'donorId'): Promise<Donor> {
  return getDonor(ctx, await currentDonorId(ctx, id, field), field);
}

/** The id of the donor a donor's pledges count under, without its counts (the write paths need only the id). */
export async function currentDonorId(ctx: Ctx, id: string, field = 'donorId'): Promise<string> {
  const donor = await ctx.db.selectFrom('donors').select(['id', 'mergedInto']).where('id', '=', id).executeTakeFirst();
  if (!donor) throw notFound(field, DONOR_NOUN);
  return donor.mergedInto ?? donor.id;
}

/** Every merged donor's id mapped to the donor its pledges count under. */
export async function mergedDonors(ctx: Ctx): Promise<Map<string, string>> {
  const rows = await ctx.db
    .selectFrom('donors')
    .select(['id', 'mergedInto'])
    .where('mergedInto', 'is not', null)
    .execute();
  return new Map(rows.map((r) => [r.id, r.mergedInto!]));
}

/** Finds a donor by name or short name (or a name it had before a merge), ignoring case and accents. */
export async function findDonorByName(ctx: Ctx, name: string): Promise<Donor | undefined> {
  const key = foldText(name);
  const row = await ctx.db
    .selectFrom('donors')
    .select('id')
    .where((eb) => eb.or([eb('nameKey', '=', key), eb(sql`fold_text(coalesce(short_name, ''))`, '=', key)]))
    .orderBy(sql`merged_into IS NOT NULL`)
    .executeTakeFirst();
  return row ? currentDonor(ctx, row.id) : undefined;
}

async function checkNameFree(ctx: Ctx, name: string, selfId?: string) {
  checkNameText(name);
  const other = await ctx.db
    .selectFrom('donors')
    .select(['id', 'name'])
    .where('nameKey', '=', foldText(name))
    .where('mergedInto', 'is', null)
    .executeTakeFirst();
  if (other && other.id !== selfId) {
    throw new LedgerError(
      'duplicate',
      { vi: `Tên: đã có nhà tài trợ "${other.name}"`, en: `Name: a donor "${other.name}" already exists` },
      'name',
    );
  }
}

export async function createDonor(ctx: Ctx, input: ParsedInput<'donors.create'>): Promise<Donor> {
  return getDonor(ctx, (await addDonor(ctx, input)).id);
}

/** Writes a new donor and its history entry, without reading it back (an import adds one per new name). */
export async function addDonor(ctx: Ctx, input: ParsedInput<'donors.create'>): Promise<{ id: string; name: string }> {
  await checkNameFree(ctx, input.name);
  const id = ctx.newId();
  // The donor as it now reads, in `getDonor`'s order, without the figures derived from other rows.
  const written = {
    id,
    name: input.name,
    shortName: input.shortName || null,
    country: input.country || null,
    kind: input.kind,
    notes: input.notes || null,
    mergedInto: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
  };
  const { mergedInto: _none, ...values } = written;
  insertRow(ctx, 'donors', { ...values, nameKey: foldText(input.name) });
  await recordAudit(ctx, { action: 'create', entity: 'donor', entityId: id, after: written });
  return { id, name: input.name };
}

/** The donor as the history records it (without figures derived from other rows). */
function withoutCount({ pledgeCount: _count, aliases: _aliases, ...donor }: Donor) {
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
  await recordAudit(ctx, {
    action: 'update',
    entity: 'donor',
    entityId: before.id,
    before: withoutCount(before),
    after: withoutCount(after),
  });
  return after;
}

export async function deleteDonor(ctx: Ctx, input: ParsedInput<'donors.delete'>): Promise<{ id: string }> {
  const donor = await getDonor(ctx, input.id, 'id');
  if (donor.aliases.length > 0) {
    throw new LedgerError(
      'in_use',
      {
        vi: `Không xóa được "${donor.name}": đã có nhà tài trợ được gộp vào (${donor.aliases.join(', ')}).`,
        en: `Cannot delete "${donor.name}": other donors were merged into it (${donor.aliases.join(', ')}).`,
      },
      'id',
    );
  }
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
  const items = await sql<{ name: string }>`SELECT name FROM aid_items WHERE donor_id = ${donor.id}
    OR EXISTS (SELECT 1 FROM json_each(aid_items.co_donor_ids) WHERE value = ${donor.id}) ORDER BY name_folded LIMIT 4`.execute(
    ctx.db,
  );
  if (items.rows.length > 0) {
    const names =
      items.rows
        .slice(0, 3)
        .map((r) => `"${r.name}"`)
        .join(', ') + (items.rows.length > 3 ? ', …' : '');
    throw new LedgerError(
      'in_use',
      {
        vi: `Không xóa được "${donor.name}": nhà tài trợ này có trong khoản viện trợ ${names}.`,
        en: `Cannot delete "${donor.name}": it is a donor of the aid item(s) ${names}.`,
      },
      'id',
    );
  }
  // The NGO registry's records of it (migration 0025) are the department's register: they are deleted on their own.
  const registry = (
    await sql<{ n: number }>`SELECT (SELECT count(*) FROM ngo_certificates WHERE donor_id = ${donor.id})
      + (SELECT count(*) FROM ngo_profiles WHERE donor_id = ${donor.id})
      + (SELECT count(*) FROM ngo_contacts WHERE donor_id = ${donor.id})
      + (SELECT count(*) FROM ngo_plans WHERE donor_id = ${donor.id})
      + (SELECT count(*) FROM ngo_year_reports WHERE donor_id = ${donor.id}) AS n`.execute(ctx.db)
  ).rows[0]!.n;
  if (registry > 0) {
    throw new LedgerError(
      'in_use',
      {
        vi: `Không xóa được "${donor.name}": tổ chức còn ${registry} mục trong sổ theo dõi tổ chức PCPNN (giấy đăng ký, thông tin, người liên hệ, kế hoạch, báo cáo); hãy xóa các mục đó trước.`,
        en: `Cannot delete "${donor.name}": the NGO registry still holds ${registry} record(s) of it (certificates, profile, contacts, plans, reports); delete those first.`,
      },
      'id',
    );
  }
  await deleteKept(ctx, 'donors', donor.id, ctx.newId());
  await recordAudit(ctx, { action: 'delete', entity: 'donor', entityId: donor.id, before: withoutCount(donor) });
  return { id: donor.id };
}

/** Merges a donor recorded twice into the other; its pledges (and donors merged into it) count under that one from now on. */
export async function mergeDonor(ctx: Ctx, input: ParsedInput<'donors.merge'>): Promise<Donor> {
  const from = await getDonor(ctx, input.id, 'id');
  if (from.mergedInto) {
    const into = await getDonor(ctx, from.mergedInto, 'id');
    throw new LedgerError(
      'invalid_input',
      {
        vi: `"${from.name}" đã được gộp vào "${into.name}"`,
        en: `"${from.name}" was already merged into "${into.name}"`,
      },
      'id',
    );
  }
  const into = await currentDonor(ctx, input.intoId, 'intoId');
  if (into.id === from.id) {
    throw new LedgerError(
      'invalid_input',
      { vi: 'Gộp vào: hãy chọn một nhà tài trợ khác', en: 'Merge into: choose a different donor' },
      'intoId',
    );
  }
  await pointDonorsAt(ctx, [from.id, ...(await aliasIds(ctx, from.id))], into.id, input.note ?? null);
  return getDonor(ctx, into.id);
}

async function aliasIds(ctx: Ctx, id: string): Promise<string[]> {
  return (await ctx.db.selectFrom('donors').select('id').where('mergedInto', '=', id).execute()).map((r) => r.id);
}

/** Sets where donors are merged into (null: stands on its own), with their history and their pledges' search words. */
async function pointDonorsAt(ctx: Ctx, ids: string[], intoId: string | null, note: string | null): Promise<void> {
  for (const id of ids) {
    const before = await getDonor(ctx, id, 'id');
    await ctx.db.updateTable('donors').set({ mergedInto: intoId, updatedAt: ctx.now }).where('id', '=', id).execute();
    const after = await getDonor(ctx, id, 'id');
    await recordAudit(ctx, {
      action: 'update',
      entity: 'donor',
      entityId: id,
      before: withoutCount(before),
      after: withoutCount(after),
      note,
    });
    await refreshSearchText(ctx, 'donor', id);
  }
  // The pledges of the donor merged into are now also found by the merged donors' names.
  if (intoId) await refreshSearchText(ctx, 'donor', intoId);
}

/**
 * After a bundle is merged: donors entered under the same name at different offices become one (the one with the
 * smallest id, so every installation picks the same), and merges made at several offices are followed to their end.
 * The result depends only on the donors present, so installations that have exchanged everything agree.
 * Returns how many donors were merged.
 */
export async function settleDonorMerges(ctx: Ctx): Promise<number> {
  // Read after every bundle of a pass: through a statement prepared once, the rows as the driver gives them.
  const donors = prepared(
    ctx.sqlite,
    'SELECT id, name_key AS nameKey, merged_into AS mergedInto FROM donors ORDER BY id',
  ).all() as SettlingDonor[];
  const settled = settledMerges(donors);
  let merged = 0;
  for (const d of donors) {
    const { wanted, sameName } = settled.get(d.id)!;
    if (wanted === d.mergedInto) continue;
    if (wanted && sameName) merged++;
    const note = sameName ? 'Gộp tự động: cùng tên với một nhà tài trợ đã có (nhập từ gói dữ liệu)' : null;
    await pointDonorsAt(ctx, [d.id], wanted, note);
  }
  return merged;
}

export interface SettlingDonor {
  id: string;
  nameKey: string;
  mergedInto: string | null;
}

/**
 * Where each donor is to be merged into once merges are settled (null: it stands on its own), and whether that is
 * because another donor standing on its own has its name. Pure: it depends only on the donors given, in id order.
 */
export function settledMerges(donors: SettlingDonor[]): Map<string, { wanted: string | null; sameName: boolean }> {
  const target = new Map(donors.map((d) => [d.id, d.mergedInto]));
  const rootOf = (id: string): string => {
    const path: string[] = [];
    for (let cursor = id; ; ) {
      const next = target.get(cursor);
      if (!next) return cursor;
      path.push(cursor);
      const loopsAt = path.indexOf(next);
      if (loopsAt >= 0) {
        // Offices merged these into each other: the smallest id in the loop stands on its own.
        target.set(path.slice(loopsAt).sort()[0]!, null);
        return rootOf(id);
      }
      cursor = next;
    }
  };
  const roots = new Map<string, string>();
  for (const d of donors) roots.set(d.id, rootOf(d.id));
  // Donors standing on their own with the same name: the first id keeps the name.
  const byName = new Map<string, string>();
  const sameName = new Map<string, string>();
  for (const d of donors) {
    if (roots.get(d.id) !== d.id) continue;
    const first = byName.get(d.nameKey);
    if (first) sameName.set(d.id, first);
    else byName.set(d.nameKey, d.id);
  }
  const settled = new Map<string, { wanted: string | null; sameName: boolean }>();
  for (const d of donors) {
    const root = roots.get(d.id)!;
    settled.set(d.id, { wanted: sameName.get(root) ?? (root === d.id ? null : root), sameName: sameName.has(d.id) });
  }
  return settled;
}
