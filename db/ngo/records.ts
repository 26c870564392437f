/**
 * An NGO's contact persons, and the activity plans (Art. 21(4)) and yearly reports (Art. 21(5)) the province received
 * from it, on time or late. Every write keeps its history; a deletion is kept so it can be undone.
 */
import { sql } from 'kysely';
import type { ParsedInput } from '../../contract';
import { dayText } from '../../contract/dates';
import { type ActivityPlan, type NgoContact, YEAR_REPORT_DUE_DAY, type YearReport } from '../../contract/ngo';
import { recordAudit } from '../audit';
import type { Ctx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import type { NgoPlansTable } from '../core/schema';
import { deleteKept } from '../deletions/keep';
import { parseList, planDueOn, planStarts } from './certificates';
import { holidaySet } from './holidays';
import { certificateRow, NOUNS, ngoDonor, orNull } from './registry';

// ——— Contacts ———

export async function saveContact(ctx: Ctx, input: ParsedInput<'ngo.saveContact'>): Promise<NgoContact> {
  await ngoDonor(ctx, input.donorId);
  if (input.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim()))
    throw invalid('email', {
      vi: `không đúng dạng địa chỉ thư điện tử: ${input.email}`,
      en: `is not an e-mail address: ${input.email}`,
    });
  const contact: NgoContact = {
    id: input.id ?? ctx.newId(),
    donorId: input.donorId,
    name: input.name.trim(),
    role: orNull(input.role?.trim()),
    phone: orNull(input.phone?.trim()),
    email: orNull(input.email?.trim()),
  };
  const before = input.id
    ? await ctx.db.selectFrom('ngoContacts').selectAll().where('id', '=', input.id).executeTakeFirst()
    : undefined;
  if (input.id && !before) throw notFound('id', NOUNS.contact);
  if (before && before.donorId !== input.donorId)
    throw invalid('donorId', {
      vi: 'không phải tổ chức của người liên hệ này',
      en: "is not this contact person's NGO",
    });
  const { id, ...fields } = contact;
  if (before)
    await ctx.db
      .updateTable('ngoContacts')
      .set({ ...fields, updatedAt: ctx.now })
      .where('id', '=', id)
      .execute();
  else
    await ctx.db
      .insertInto('ngoContacts')
      .values({ ...contact, createdAt: ctx.now, updatedAt: ctx.now })
      .execute();
  await recordAudit(ctx, {
    action: before ? 'update' : 'create',
    entity: 'ngo_contact',
    entityId: id,
    parentId: input.donorId,
    before: before ? toContact(before) : null,
    after: contact,
  });
  return contact;
}

export function toContact(row: NgoContact & { createdAt?: string; updatedAt?: string }): NgoContact {
  return { id: row.id, donorId: row.donorId, name: row.name, role: row.role, phone: row.phone, email: row.email };
}

export async function deleteContact(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  const row = await ctx.db.selectFrom('ngoContacts').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('id', NOUNS.contact);
  await deleteKept(ctx, 'ngo_contacts', row.id, ctx.newId());
  await recordAudit(ctx, {
    action: 'delete',
    entity: 'ngo_contact',
    entityId: row.id,
    parentId: row.donorId,
    before: toContact(row),
  });
  return { id: row.id };
}

// ——— Activity plans and yearly reports ———

export async function toPlan(ctx: Ctx, row: NgoPlansTable, holidays: ReadonlySet<string>): Promise<ActivityPlan> {
  const placeIds = parseList(row.placeIds);
  const names = placeIds.length
    ? await sql<{ id: string; name: string; unitType: string | null }>`SELECT id, name, unit_type FROM places
        WHERE id IN (SELECT value FROM json_each(${row.placeIds}))`.execute(ctx.db)
    : { rows: [] };
  const byId = new Map(names.rows.map((p) => [p.id, p.unitType ? `${p.unitType} ${p.name}` : p.name]));
  let onTime: boolean | null = null;
  if (row.certificateId) {
    const certificate = await ctx.db
      .selectFrom('ngoCertificates')
      .select(['issuedOn', 'status', 'decisionDate'])
      .where('id', '=', row.certificateId)
      .executeTakeFirst();
    if (certificate) {
      // Answering the latest start before it was received.
      const start = planStarts(certificate)
        .filter((s) => s <= row.receivedOn)
        .pop();
      onTime = start === undefined ? true : row.receivedOn <= planDueOn(start, holidays);
    }
  }
  return {
    id: row.id,
    donorId: row.donorId,
    certificateId: row.certificateId,
    receivedOn: row.receivedOn,
    periodFrom: row.periodFrom,
    periodTo: row.periodTo,
    placeIds,
    placeNames: placeIds.map((id) => byId.get(id) ?? id),
    summary: row.summary,
    onTime,
  };
}

const planSnapshot = ({ placeNames: _n, onTime: _o, ...own }: ActivityPlan) => own;

export async function addPlan(ctx: Ctx, input: ParsedInput<'ngo.addPlan'>): Promise<ActivityPlan> {
  await ngoDonor(ctx, input.donorId);
  if (input.certificateId) {
    const certificate = await certificateRow(ctx, input.certificateId, 'certificateId');
    if (certificate.donorId !== input.donorId)
      throw invalid('certificateId', { vi: 'là giấy đăng ký của tổ chức khác', en: "is another NGO's certificate" });
  }
  if (input.periodFrom && input.periodTo && input.periodTo < input.periodFrom)
    throw invalid('periodTo', { vi: 'trước ngày bắt đầu của kỳ', en: 'is before the period begins' });
  const placeIds = [...new Set(input.placeIds ?? [])];
  if (placeIds.length) {
    const found = await ctx.db.selectFrom('places').select('id').where('id', 'in', placeIds).execute();
    if (found.length !== placeIds.length) throw notFound('placeIds', { vi: 'địa bàn', en: 'place' });
  }
  const id = ctx.newId();
  await ctx.db
    .insertInto('ngoPlans')
    .values({
      id,
      donorId: input.donorId,
      certificateId: orNull(input.certificateId),
      receivedOn: input.receivedOn,
      periodFrom: orNull(input.periodFrom),
      periodTo: orNull(input.periodTo),
      placeIds: JSON.stringify(placeIds),
      summary: orNull(input.summary?.trim()),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .execute();
  const row = await ctx.db.selectFrom('ngoPlans').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const plan = await toPlan(ctx, row, await holidaySet(ctx));
  await recordAudit(ctx, {
    action: 'create',
    entity: 'ngo_plan',
    entityId: id,
    parentId: input.donorId,
    after: planSnapshot(plan),
  });
  return plan;
}

export async function deletePlan(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  const row = await ctx.db.selectFrom('ngoPlans').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('id', NOUNS.plan);
  const plan = await toPlan(ctx, row, await holidaySet(ctx));
  await deleteKept(ctx, 'ngo_plans', row.id, ctx.newId());
  await recordAudit(ctx, {
    action: 'delete',
    entity: 'ngo_plan',
    entityId: row.id,
    parentId: row.donorId,
    before: planSnapshot(plan),
  });
  return { id: row.id };
}

export function toYearReport(row: {
  id: string;
  donorId: string;
  year: number;
  receivedOn: string;
  notes: string | null;
}): YearReport {
  return {
    id: row.id,
    donorId: row.donorId,
    year: row.year,
    receivedOn: row.receivedOn,
    notes: row.notes,
    onTime: row.receivedOn <= `${row.year}-12-${YEAR_REPORT_DUE_DAY}`,
  };
}

export async function addYearReport(ctx: Ctx, input: ParsedInput<'ngo.addYearReport'>): Promise<YearReport> {
  await ngoDonor(ctx, input.donorId);
  const had = await ctx.db
    .selectFrom('ngoYearReports')
    .select('receivedOn')
    .where('donorId', '=', input.donorId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  if (had)
    throw invalid(
      'year',
      {
        vi: `đã ghi nhận báo cáo năm ${input.year} của tổ chức này (nhận ngày ${dayText(had.receivedOn)})`,
        en: `the NGO's report for ${input.year} is already recorded (received ${dayText(had.receivedOn)})`,
      },
      'duplicate',
    );
  if (input.receivedOn < `${input.year}-01-01`)
    throw invalid('receivedOn', {
      vi: `trước năm ${input.year} của báo cáo`,
      en: `is before the report's year ${input.year}`,
    });
  const report = toYearReport({
    id: ctx.newId(),
    donorId: input.donorId,
    year: input.year,
    receivedOn: input.receivedOn,
    notes: orNull(input.notes?.trim()),
  });
  const { onTime: _o, ...row } = report;
  await ctx.db
    .insertInto('ngoYearReports')
    .values({ ...row, createdAt: ctx.now, updatedAt: ctx.now })
    .execute();
  await recordAudit(ctx, {
    action: 'create',
    entity: 'ngo_year_report',
    entityId: report.id,
    parentId: input.donorId,
    after: row,
  });
  return report;
}

export async function deleteYearReport(ctx: Ctx, input: { id: string }): Promise<{ id: string }> {
  const row = await ctx.db.selectFrom('ngoYearReports').selectAll().where('id', '=', input.id).executeTakeFirst();
  if (!row) throw notFound('id', NOUNS.report);
  await deleteKept(ctx, 'ngo_year_reports', row.id, ctx.newId());
  const { createdAt: _c, updatedAt: _u, ...own } = row;
  await recordAudit(ctx, {
    action: 'delete',
    entity: 'ngo_year_report',
    entityId: row.id,
    parentId: row.donorId,
    before: own,
  });
  return { id: row.id };
}
