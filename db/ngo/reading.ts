/** The registry as it is read: every foreign NGO with its certificate on a day, and one NGO with all it holds. */
import { sql } from 'kysely';
import type { ParsedInput } from '../../contract';
import type { NgoDetail, NgoSummary } from '../../contract/ngo';
import { foldText } from '../../contract/text';
import { pledgeHistory } from '../audit';
import type { Ctx } from '../core/context';
import type { NgoCertificatesTable } from '../core/schema';
import { inForceOn, toCertificate } from './certificates';
import { holidaySet } from './holidays';
import { toContact, toPlan, toYearReport } from './records';
import { certificateRows, type NgoDonor, ngoDonor, profileRow, today, toProfile } from './registry';
import { registryWarnings } from './warnings';

// ——— Reading ———

/** Every foreign NGO (not merged into another), with or without certificates. */
export async function listNgos(ctx: Ctx, input: ParsedInput<'ngo.list'>): Promise<NgoSummary[]> {
  const on = input.on ?? today(ctx);
  let donors = await ctx.db
    .selectFrom('donors')
    .select(['id', 'name', 'shortName', 'country', 'nameKey'])
    .where('kind', '=', 'foreign_ngo')
    .where('mergedInto', 'is', null)
    .orderBy('nameKey')
    .execute();
  const words = foldText(input.text ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length)
    donors = donors.filter((d) => {
      const text = `${d.nameKey} ${foldText(d.shortName ?? '')} ${foldText(d.country ?? '')}`;
      return words.every((w) => text.includes(w));
    });
  const certificates = await ctx.db.selectFrom('ngoCertificates').selectAll().orderBy('issuedOn').execute();
  const byDonor = new Map<string, NgoCertificatesTable[]>();
  for (const c of certificates) byDonor.set(c.donorId, [...(byDonor.get(c.donorId) ?? []), c]);
  const items = await sql<{
    donorId: string;
    n: number;
  }>`SELECT donor_id, count(*) AS n FROM aid_items GROUP BY donor_id`.execute(ctx.db);
  const itemCount = new Map(items.rows.map((r) => [r.donorId, r.n]));
  const warningCount = new Map<string, number>();
  for (const w of await registryWarnings(ctx, {})) warningCount.set(w.donorId, (warningCount.get(w.donorId) ?? 0) + 1);
  return donors.map((d) =>
    summaryOf(d, byDonor.get(d.id) ?? [], on, warningCount.get(d.id) ?? 0, itemCount.get(d.id) ?? 0),
  );
}

function summaryOf(
  donor: NgoDonor,
  certificates: NgoCertificatesTable[],
  on: string,
  warningCount: number,
  itemCount: number,
): NgoSummary {
  // The one in force on the day (the latest to end), else the latest issued.
  const inForce = certificates.filter((c) => inForceOn(c, on)).sort((a, b) => a.validUntil.localeCompare(b.validUntil));
  const chosen = inForce.at(-1) ?? [...certificates].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn)).at(-1);
  return {
    donorId: donor.id,
    name: donor.name,
    shortName: donor.shortName,
    country: donor.country,
    certificate: chosen ? toCertificate(chosen, on) : null,
    certificateCount: certificates.length,
    warningCount,
    itemCount,
  };
}

export async function getNgo(ctx: Ctx, input: { id: string }): Promise<NgoDetail> {
  const donor = await ngoDonor(ctx, input.id, 'id');
  const on = today(ctx);
  const rows = await certificateRows(ctx, donor.id);
  const warnings = await registryWarnings(ctx, { donorId: donor.id, includeAcknowledged: true });
  const items = await ctx.db
    .selectFrom('aidItems')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('donorId', '=', donor.id)
    .executeTakeFirstOrThrow();
  const holidays = await holidaySet(ctx);
  const plans = await ctx.db
    .selectFrom('ngoPlans')
    .selectAll()
    .where('donorId', '=', donor.id)
    .orderBy('receivedOn', 'desc')
    .execute();
  const reports = await ctx.db
    .selectFrom('ngoYearReports')
    .selectAll()
    .where('donorId', '=', donor.id)
    .orderBy('year', 'desc')
    .execute();
  const contacts = await ctx.db
    .selectFrom('ngoContacts')
    .selectAll()
    .where('donorId', '=', donor.id)
    .orderBy('name')
    .execute();
  return {
    summary: summaryOf(donor, rows, on, warnings.filter((w) => !w.acknowledged).length, Number(items.n)),
    profile: toProfile(await profileRow(ctx, donor.id), donor.id),
    certificates: rows.map((r) => toCertificate(r, on)).reverse(),
    contacts: contacts.map(toContact),
    plans: await Promise.all(plans.map((p) => toPlan(ctx, p, holidays))),
    reports: reports.map(toYearReport),
    warnings,
    history: (await pledgeHistory(ctx, donor.id)).filter((h) => h.entity.startsWith('ngo_')),
  };
}
