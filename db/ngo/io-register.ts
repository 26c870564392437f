/**
 * The register of a period, as the export and the statutory report's sheet give it: each NGO of the registry (a donor
 * with a certificate, or a foreign NGO with aid in the period) with the certificate that stands for it at the period's
 * end, and its aid items and aid in the period — the items alive in it as the statutory summary counts them, committed
 * and disbursed in VND as `totals` sums them (each line at its recorded rate; a line never lacks one, so no figure here
 * is missing). Certificates are read with the provinces they name as provinces of today: a former province (a
 * certificate before 07/2025) covers the province it became.
 */
import { sql } from 'kysely';
import { EXPIRY_NOTICE_DAYS } from '../../contract/ngo';
import type {
  Register,
  RegisterCertificate,
  RegisterRow,
  RegistryReportPart,
  RegistryReportRow,
} from '../../contract/ngo-register';
import { sectorLabel } from '../../contract/labels';
import type { Ctx } from '../core/context';
import { readRows } from '../core/statements';
import { itemsAlive } from '../items/summary';
import { catalogueFor, catalogueProvinces } from '../places/catalogue';
import { ledgerProvinceName } from '../places/ledger-province';
import { exactSum } from '../pledges/sums';
import { totals } from '../totals';
import { inForceOn, stoppedOn } from './certificates';
import { todayProvinceOf } from './provinces';

/**
 * Every province name of the catalogue by code (a former one's when no province of today has the code): read once,
 * the catalogue's every unit walked for it (the catalogue does not change while the app runs).
 */
let namesByCode: Map<string, string> | undefined;
function provinceNames(): Map<string, string> {
  if (namesByCode) return namesByCode;
  const names = new Map<string, string>();
  for (const u of catalogueFor('all').units)
    if (u.level === 'province' && u.code && (!names.has(u.code) || u.validTo === null)) names.set(u.code, u.name);
  namesByCode = names;
  return names;
}

/** The provinces a certificate names as a reader writes them. */
export function namesOfProvinces(codes: string[]): string {
  const today = catalogueProvinces();
  if (today.every((p) => codes.includes(p.code))) return 'Toàn quốc';
  const names = provinceNames();
  return codes.map((c) => names.get(c) ?? c).join(', ');
}

/** The certificate that stands for an NGO on a day (see `RegisterRow.certificate`). */
function standing(certificates: RegisterCertificate[], day: string): RegisterCertificate | null {
  const latest = (list: RegisterCertificate[]) =>
    list.reduce<RegisterCertificate | null>((a, c) => (!a || c.issuedOn > a.issuedOn ? c : a), null);
  return (
    latest(certificates.filter((c) => inForceOn(c, day))) ??
    latest(certificates.filter((c) => c.issuedOn <= day)) ??
    latest(certificates)
  );
}

/** Every certificate of the registry, by donor (merged donors' under the one kept). */
export function certificatesByDonor(ctx: Ctx): Map<string, RegisterCertificate[]> {
  const rows = readRows<
    Omit<RegisterCertificate, 'provinces' | 'fields'> & { donorId: string; provinces: string; fields: string }
  >(
    ctx,
    sql`SELECT c.id, coalesce(d.merged_into, d.id) AS donorId, c.kind, c.number, c.issued_by AS issuedBy,
        c.issued_on AS issuedOn, c.valid_until AS validUntil, c.status, c.decision_date AS decisionDate,
        c.provinces, c.fields
      FROM ngo_certificates c JOIN donors d ON d.id = c.donor_id ORDER BY c.issued_on, c.number`,
  );
  const byDonor = new Map<string, RegisterCertificate[]>();
  for (const { donorId, provinces, fields, ...c } of rows) {
    const list = byDonor.get(donorId) ?? [];
    list.push({ ...c, provinces: JSON.parse(provinces) as string[], fields: JSON.parse(fields) as string[] });
    byDonor.set(donorId, list);
  }
  return byDonor;
}

export async function buildRegister(
  ctx: Ctx,
  period: { from: string; to: string },
  lang: 'vi' | 'en' = 'vi',
): Promise<Register> {
  const certificates = certificatesByDonor(ctx);
  const vnd = await totals(ctx, { by: 'donor', filter: { from: period.from, to: period.to }, in: 'VND', lang });
  const figures = new Map<string, { committed: number; disbursed: number }>();
  const keptOf = new Map(
    readRows<{ id: string; kept: string }>(ctx, sql`SELECT id, coalesce(merged_into, id) AS kept FROM donors`).map(
      (d) => [d.id, d.kept],
    ),
  );
  for (const g of vnd.groups) {
    const kept = keptOf.get(g.key) ?? g.key;
    const sum = figures.get(kept) ?? { committed: 0, disbursed: 0 };
    figures.set(kept, {
      committed: exactSum(sum.committed, g.pledged),
      disbursed: exactSum(sum.disbursed, g.delivered),
    });
  }
  const itemCounts = new Map(
    readRows<{ donorId: string; n: number }>(
      ctx,
      sql`SELECT coalesce(d.merged_into, d.id) AS donorId, count(*) AS n FROM aid_items i JOIN donors d ON d.id = i.donor_id
        WHERE i.id IN (${itemsAlive(period, null)}) GROUP BY 1`,
    ).map((r) => [r.donorId, r.n]),
  );
  const donors = readRows<{ id: string; name: string; country: string | null; kind: string }>(
    ctx,
    sql`SELECT id, name, country, kind FROM donors WHERE merged_into IS NULL ORDER BY name_key`,
  );
  const rows: RegisterRow[] = [];
  for (const d of donors) {
    const own = certificates.get(d.id) ?? [];
    const money = figures.get(d.id);
    const items = itemCounts.get(d.id) ?? 0;
    // A foreign NGO with no certificate is listed when it brought aid in the period (its absence is the point).
    if (!own.length && !(d.kind === 'foreign_ngo' && (items || money?.committed || money?.disbursed))) continue;
    const certificate = standing(own, period.to);
    rows.push({
      donorId: d.id,
      name: d.name,
      country: d.country,
      certificate,
      certificateCount: own.length,
      provinceNames: certificate ? namesOfProvinces(certificate.provinces) : '',
      fieldNames: certificate ? certificate.fields.map((f) => sectorLabel(f, lang)).join(', ') : '',
      items,
      committedVnd: money?.committed ?? 0,
      disbursedVnd: money?.disbursed ?? 0,
    });
  }
  const total = rows.reduce(
    (t, r) => ({
      items: t.items + r.items,
      committedVnd: exactSum(t.committedVnd, r.committedVnd),
      disbursedVnd: exactSum(t.disbursedVnd, r.disbursedVnd),
    }),
    { items: 0, committedVnd: 0, disbursedVnd: 0 },
  );
  return { from: period.from, to: period.to, rows, total };
}

const addDays = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * The sheet "Tổ chức PCPNN" of the 6-month and annual report: the NGOs with a certificate covering the ledger's
 * province (a national ledger: any province) on some day of the period, each with the certificate that did.
 */
export async function registryReportPart(
  ctx: Ctx,
  period: { from: string; to: string },
  lang: 'vi' | 'en',
): Promise<RegistryReportPart> {
  const register = await buildRegister(ctx, period, lang);
  const province = await ledgerProvinceName(ctx);
  const here = province === 'all' || province === null ? null : province.code;
  // In force on some day of the period: issued by its end, not ended, nor suspended or revoked, before its start.
  const covers = (c: RegisterCertificate) =>
    c.issuedOn <= period.to &&
    c.validUntil >= period.from &&
    !stoppedOn(c, period.from) &&
    (here === null || c.provinces.some((p) => todayProvinceOf(p) === here));
  const certificates = certificatesByDonor(ctx);
  const soon = addDays(period.to, EXPIRY_NOTICE_DAYS);
  const rows: RegistryReportRow[] = [];
  for (const row of register.rows) {
    const covering = (certificates.get(row.donorId) ?? []).filter(covers);
    if (!covering.length) continue;
    const certificate = covering.reduce((a, c) => (c.validUntil > a.validUntil ? c : a));
    const ending = certificate.validUntil < period.to ? 'expired' : certificate.validUntil <= soon ? 'expiring' : null;
    rows.push({
      ...row,
      certificate,
      provinceNames: namesOfProvinces(certificate.provinces),
      fieldNames: certificate.fields.map((f) => sectorLabel(f, lang)).join(', '),
      ending,
    });
  }
  const total = rows.reduce(
    (t, r) => ({
      items: t.items + r.items,
      committedVnd: exactSum(t.committedVnd, r.committedVnd),
      disbursedVnd: exactSum(t.disbursedVnd, r.disbursedVnd),
    }),
    { items: 0, committedVnd: 0, disbursedVnd: 0 },
  );
  const counts = {
    registered: rows.length,
    withItems: rows.filter((r) => r.items > 0).length,
    expired: rows.filter((r) => r.ending === 'expired').length,
    expiring: rows.filter((r) => r.ending === 'expiring').length,
  };
  return { rows, total, counts, sentence: registrySentence(counts, lang) };
}

export function registrySentence(c: RegistryReportPart['counts'], lang: 'vi' | 'en'): string {
  if (lang === 'en')
    return `${c.registered} foreign NGO(s) registered to work in the province, ${c.withItems} with aid items in the period; ${c.expired} certificate(s) expired in the period, ${c.expiring} expiring within ${EXPIRY_NOTICE_DAYS} days of its end.`;
  return `${c.registered} tổ chức PCPNN đăng ký hoạt động trên địa bàn, ${c.withItems} tổ chức có khoản viện trợ trong kỳ; ${c.expired} giấy đăng ký hết hạn trong kỳ, ${c.expiring} giấy đăng ký sắp hết hạn trong ${EXPIRY_NOTICE_DAYS} ngày sau kỳ báo cáo.`;
}
