/**
 * What "Việc cần làm" lists from the registry on a day: certificates about to expire, activity plans not received 45
 * working days after a certificate was issued, extended or amended (Art. 21(4)), and yearly reports not received by
 * 18 December (Art. 21(5)) from NGOs whose certificates covered the province that year.
 */
import type { ParsedInput } from '../../contract';
import { EXPIRY_NOTICE_DAYS, type RegistryTodo, YEAR_REPORT_DUE_DAY } from '../../contract/ngo';
import type { Ctx } from '../core/context';
import { ledgerProvinceName } from '../places/ledger-province';
import { inForceOn, planDueOn, planStarts, stoppedOn, toCertificate } from './certificates';
import { holidaySet } from './holidays';
import { loadCertificates } from './warnings';
import { daysBetween } from './working-days';

/** The first year whose report Decree 58/2022 (in force 01/11/2022) asks for. */
const FIRST_REPORT_YEAR = 2022;

export async function registryTodo(ctx: Ctx, input: ParsedInput<'ngo.todo'>): Promise<RegistryTodo> {
  const today = input.today ?? ctx.now.slice(0, 10);
  const holidays = await holidaySet(ctx);
  const { certificates, names } = loadCertificates(ctx);
  const served = await ledgerProvinceName(ctx);
  const province = served && served !== 'all' ? served.code : null;
  const plans = ctx.sqlite
    .prepare(`SELECT donor_id AS donorId, certificate_id AS certificateId, received_on AS receivedOn FROM ngo_plans`)
    .all() as { donorId: string; certificateId: string | null; receivedOn: string }[];
  const reports = new Set(
    (
      ctx.sqlite.prepare(`SELECT donor_id AS donorId, year FROM ngo_year_reports`).all() as {
        donorId: string;
        year: number;
      }[]
    ).map((r) => `${r.donorId}:${r.year}`),
  );
  const todo: RegistryTodo = { expiring: [], plansMissing: [], reportsMissing: [] };
  for (const [donorId, list] of certificates) {
    const donorName = names.get(donorId) ?? '';
    const ours = list.filter((c) => province === null || c.provinces.has(province));
    for (const c of list) {
      if (!inForceOn(c.row, today)) continue;
      const daysLeft = daysBetween(today, c.row.validUntil);
      // Not once a later certificate of its kind carries on after it.
      const followed = list.some(
        (o) => o !== c && o.row.kind === c.row.kind && o.row.validUntil > c.row.validUntil && !stoppedOn(o.row, today),
      );
      if (daysLeft <= EXPIRY_NOTICE_DAYS && !followed)
        todo.expiring.push({ certificate: toCertificate(c.row, today), donorName, daysLeft });
    }
    for (const c of ours) {
      if (c.row.status === 'revoked' || c.row.status === 'suspended') continue;
      const start = planStarts(c.row).at(-1)!;
      const dueOn = planDueOn(start, holidays);
      if (dueOn >= today) continue;
      // A plan received since the start, answering it or no certificate in particular, is its plan.
      const received = plans.some(
        (p) =>
          p.donorId === donorId && p.receivedOn >= start && (p.certificateId === c.row.id || p.certificateId === null),
      );
      if (!received) todo.plansMissing.push({ certificate: toCertificate(c.row, today), donorName, dueOn });
    }
    const lastYear = Number(today.slice(0, 4));
    for (let year = FIRST_REPORT_YEAR; year <= lastYear; year++) {
      const dueOn = `${year}-12-${YEAR_REPORT_DUE_DAY}`;
      if (dueOn >= today || reports.has(`${donorId}:${year}`)) continue;
      const registered = ours.some(
        (c) =>
          c.row.issuedOn <= `${year}-12-31` &&
          c.row.validUntil >= `${year}-01-01` &&
          !stoppedOn(c.row, `${year}-01-01`),
      );
      if (registered) todo.reportsMissing.push({ donorId, donorName, year, dueOn });
    }
  }
  todo.expiring.sort((a, b) => a.daysLeft - b.daysLeft || a.donorName.localeCompare(b.donorName));
  todo.plansMissing.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.donorName.localeCompare(b.donorName));
  todo.reportsMissing.sort((a, b) => a.year - b.year || a.donorName.localeCompare(b.donorName));
  return todo;
}
