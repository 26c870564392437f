/**
 * The NGO registry's records (Decree 58/2022/NĐ-CP): a foreign NGO's profile and its certificates, held to Art. 8 and
 * 9. Every write keeps its history, with the reason given; only a donor of kind 'foreign_ngo' has an entry. A deletion
 * is kept, as every other, so it can be undone (Đã xóa).
 */
import type { ParsedInput } from '../../contract';
import type { Bilingual } from '../../contract/errors';
import { dayText } from '../../contract/dates';
import { type Certificate, CERTIFICATE_MAX_YEARS, type NgoProfile, OFFICE_CITY_CODES } from '../../contract/ngo';
import { recordAudit } from '../audit';
import type { Ctx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import { deleteKept } from '../deletions/keep';
import type { NgoCertificatesTable, NgoProfilesTable } from '../core/schema';
import { latestValidUntil, parseList, toCertificate } from './certificates';
import { registryProvinces } from './provinces';

export const NOUNS = {
  donor: { vi: 'nhà tài trợ', en: 'donor' },
  certificate: { vi: 'giấy đăng ký', en: 'certificate' },
  contact: { vi: 'người liên hệ', en: 'contact person' },
  plan: { vi: 'kế hoạch hoạt động', en: 'activity plan' },
  report: { vi: 'báo cáo năm', en: 'yearly report' },
} satisfies Record<string, Bilingual>;

export const today = (ctx: Ctx) => ctx.now.slice(0, 10);
export const orNull = <T>(value: T | null | undefined): T | null =>
  value === undefined || value === '' ? null : value;

export interface NgoDonor {
  id: string;
  name: string;
  shortName: string | null;
  country: string | null;
}

/** The donor a registry entry is for: it must exist and be a foreign NGO. */
export async function ngoDonor(ctx: Ctx, id: string, field = 'donorId'): Promise<NgoDonor> {
  const donor = await ctx.db
    .selectFrom('donors')
    .select(['id', 'name', 'shortName', 'country', 'kind', 'mergedInto'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!donor) throw notFound(field, NOUNS.donor);
  if (donor.kind !== 'foreign_ngo')
    throw invalid(field, {
      vi: `${donor.name} không phải tổ chức phi chính phủ nước ngoài: chỉ tổ chức PCPNN có giấy đăng ký theo Nghị định 58/2022/NĐ-CP (đổi loại nhà tài trợ trước nếu cần)`,
      en: `${donor.name} is not a foreign NGO: only foreign NGOs hold certificates under Decree 58/2022/NĐ-CP (change the donor's kind first if need be)`,
    });
  if (donor.mergedInto)
    throw invalid(field, {
      vi: `${donor.name} đã được gộp vào nhà tài trợ khác: ghi vào nhà tài trợ đã gộp vào`,
      en: `${donor.name} was merged into another donor: record it under that one`,
    });
  return donor;
}

// ——— Profile ———

const EMPTY_PROFILE = (donorId: string): NgoProfile => ({
  donorId,
  homeCountry: null,
  homeRegistration: null,
  homeRegistrationUntil: null,
  officeAddress: null,
  officeCity: null,
  headName: null,
  notes: null,
});

export function toProfile(row: NgoProfilesTable | undefined, donorId: string): NgoProfile {
  if (!row) return EMPTY_PROFILE(donorId);
  return {
    donorId: row.donorId,
    homeCountry: row.homeCountry,
    homeRegistration: row.homeRegistration,
    homeRegistrationUntil: row.homeRegistrationUntil,
    officeAddress: row.officeAddress,
    officeCity: row.officeCity,
    headName: row.headName,
    notes: row.notes,
  };
}

export async function profileRow(ctx: Ctx, donorId: string) {
  return ctx.db.selectFrom('ngoProfiles').selectAll().where('donorId', '=', donorId).executeTakeFirst();
}

function checkOfficeCity(city: string | null, field = 'officeCity'): void {
  if (city !== null && !(OFFICE_CITY_CODES as readonly string[]).includes(city))
    throw invalid(field, {
      vi: `văn phòng đại diện chỉ đặt tại Hà Nội (01), Đà Nẵng (48) hoặc TP. Hồ Chí Minh (79) (Điều 8 Nghị định 58/2022/NĐ-CP), không phải "${city}"`,
      en: `a representative office may only be in Hà Nội (01), Đà Nẵng (48) or Hồ Chí Minh City (79) (Decree 58/2022, Art. 8), not "${city}"`,
    });
}

export async function saveProfile(ctx: Ctx, input: ParsedInput<'ngo.saveProfile'>): Promise<NgoProfile> {
  await ngoDonor(ctx, input.donorId);
  const beforeRow = await profileRow(ctx, input.donorId);
  const before = toProfile(beforeRow, input.donorId);
  const pick = <K extends keyof NgoProfile>(key: K): NgoProfile[K] => {
    const value = (input as Record<string, unknown>)[key];
    return (value === undefined ? before[key] : orNull(value)) as NgoProfile[K];
  };
  const after: NgoProfile = {
    donorId: input.donorId,
    homeCountry: pick('homeCountry'),
    homeRegistration: pick('homeRegistration'),
    homeRegistrationUntil: pick('homeRegistrationUntil'),
    officeAddress: pick('officeAddress'),
    officeCity: pick('officeCity'),
    headName: pick('headName'),
    notes: pick('notes'),
  };
  checkOfficeCity(after.officeCity);
  if (after.homeRegistrationUntil) {
    const beyond = (await certificateRows(ctx, input.donorId)).filter(
      (c) => c.status !== 'revoked' && c.validUntil > after.homeRegistrationUntil!,
    );
    if (beyond.length)
      throw invalid('homeRegistrationUntil', {
        vi: `trước ngày hết hạn của giấy đăng ký ${beyond[0]!.number} (${dayText(beyond[0]!.validUntil)}): giấy đăng ký không được có thời hạn vượt quá thời hạn đăng ký ở nước sở tại (Điều 9 Nghị định 58/2022/NĐ-CP)`,
        en: `is before certificate ${beyond[0]!.number} ends (${dayText(beyond[0]!.validUntil)}): a certificate may not run beyond the registration at home (Decree 58/2022, Art. 9)`,
      });
  }
  if (JSON.stringify(after) === JSON.stringify(before) && beforeRow) return before;
  const { donorId, ...fields } = after;
  if (beforeRow) {
    await ctx.db
      .updateTable('ngoProfiles')
      .set({ ...fields, updatedAt: ctx.now })
      .where('id', '=', beforeRow.id)
      .execute();
  } else {
    await ctx.db
      .insertInto('ngoProfiles')
      .values({ id: donorId, donorId, ...fields, createdAt: ctx.now, updatedAt: ctx.now })
      .execute();
  }
  await recordAudit(ctx, {
    action: beforeRow ? 'update' : 'create',
    entity: 'ngo_profile',
    entityId: donorId,
    parentId: donorId,
    before: beforeRow ? before : null,
    after,
    note: input.reason?.trim() || null,
  });
  return after;
}

// ——— Certificates ———

export async function certificateRows(ctx: Ctx, donorId: string): Promise<NgoCertificatesTable[]> {
  return ctx.db
    .selectFrom('ngoCertificates')
    .selectAll()
    .where('donorId', '=', donorId)
    .orderBy('issuedOn')
    .orderBy('number')
    .execute();
}

export async function certificateRow(ctx: Ctx, id: string, field = 'id'): Promise<NgoCertificatesTable> {
  const row = await ctx.db.selectFrom('ngoCertificates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(field, NOUNS.certificate);
  return row;
}

type CertificateFields = Omit<NgoCertificatesTable, 'id' | 'createdAt' | 'updatedAt'>;

/** The rules of Art. 8 and 9 a certificate is held to, naming the field at fault. */
async function checkCertificate(ctx: Ctx, fields: CertificateFields, id: string | null): Promise<void> {
  if (fields.validUntil < fields.issuedOn)
    throw invalid('validUntil', {
      vi: `trước ngày cấp (${dayText(fields.issuedOn)})`,
      en: `is before the date of issue (${dayText(fields.issuedOn)})`,
    });
  // An extension runs its years from the extension's decision; otherwise from the issue.
  const from =
    fields.status === 'extended' && fields.decisionDate && fields.decisionDate > fields.issuedOn
      ? fields.decisionDate
      : fields.issuedOn;
  const latest = latestValidUntil(fields.kind, from);
  if (fields.validUntil > latest) {
    const years = CERTIFICATE_MAX_YEARS[fields.kind];
    const kind =
      fields.kind === 'operation'
        ? { vi: 'Giấy đăng ký hoạt động', en: 'an operation certificate' }
        : { vi: 'Giấy đăng ký lập văn phòng đại diện', en: "a representative office's certificate" };
    throw invalid('validUntil', {
      vi: `${kind.vi} có thời hạn tối đa ${years} năm kể từ ngày ${dayText(from)}, tức đến ${dayText(latest)} (Điều 9 Nghị định 58/2022/NĐ-CP)`,
      en: `${kind.en} runs at most ${years} years from ${dayText(from)}, that is to ${dayText(latest)} (Decree 58/2022, Art. 9)`,
    });
  }
  const profile = await profileRow(ctx, fields.donorId);
  if (profile?.homeRegistrationUntil && fields.validUntil > profile.homeRegistrationUntil)
    throw invalid('validUntil', {
      vi: `sau ngày hết hạn đăng ký của tổ chức ở nước sở tại (${dayText(profile.homeRegistrationUntil)}) (Điều 9 Nghị định 58/2022/NĐ-CP)`,
      en: `is after the NGO's registration at home ends (${dayText(profile.homeRegistrationUntil)}) (Decree 58/2022, Art. 9)`,
    });
  if (fields.decisionDate && fields.decisionDate < fields.issuedOn)
    throw invalid('decisionDate', {
      vi: `trước ngày cấp (${dayText(fields.issuedOn)})`,
      en: `is before the date of issue (${dayText(fields.issuedOn)})`,
    });
  const provinces = parseList(fields.provinces);
  const known = registryProvinces();
  const unknown = provinces.filter((code) => !known.has(code));
  if (unknown.length)
    throw invalid('provinces', {
      vi: `không có tỉnh, thành phố mang mã ${unknown.join(', ')} trong danh mục đơn vị hành chính`,
      en: `no province has the code ${unknown.join(', ')} in the catalogue of administrative units`,
    });
  if (fields.kind === 'representative_office') {
    if (!fields.officeCity)
      throw invalid('officeCity', {
        vi: 'bắt buộc với giấy đăng ký lập văn phòng đại diện',
        en: "is required on a representative office's certificate",
      });
    checkOfficeCity(fields.officeCity);
    if (fields.status !== 'revoked' && fields.status !== 'suspended') {
      const others = (await certificateRows(ctx, fields.donorId)).filter(
        (c) =>
          c.id !== id &&
          c.kind === 'representative_office' &&
          c.status !== 'revoked' &&
          c.status !== 'suspended' &&
          c.issuedOn <= fields.validUntil &&
          fields.issuedOn <= c.validUntil,
      );
      if (others.length)
        throw invalid('kind', {
          vi: `tổ chức đã có giấy đăng ký lập văn phòng đại diện ${others[0]!.number} còn hiệu lực từ ${dayText(others[0]!.issuedOn)} đến ${dayText(others[0]!.validUntil)}: mỗi tổ chức chỉ có một văn phòng đại diện (Điều 8 Nghị định 58/2022/NĐ-CP); ghi giấy cũ là bị thu hồi hoặc sửa thời hạn của nó trước`,
          en: `the NGO already holds representative office certificate ${others[0]!.number}, in force from ${dayText(others[0]!.issuedOn)} to ${dayText(others[0]!.validUntil)}: an NGO has one representative office (Decree 58/2022, Art. 8); mark the old one revoked or correct its validity first`,
        });
    }
  } else if (fields.officeCity) checkOfficeCity(fields.officeCity);
}

/** The lists as stored: trimmed, each once, in the order given. */
const storedList = (values: readonly string[]) => JSON.stringify([...new Set(values.map((v) => v.trim()))]);

/** What the history keeps of a certificate: its own fields. */
function certificateSnapshot(certificate: Certificate) {
  const { provinceNames: _n, inForce: _f, createdAt: _c, updatedAt: _u, ...own } = certificate;
  return own;
}

export async function addCertificate(ctx: Ctx, input: ParsedInput<'ngo.addCertificate'>): Promise<Certificate> {
  await ngoDonor(ctx, input.donorId);
  const fields: CertificateFields = {
    donorId: input.donorId,
    kind: input.kind,
    number: input.number.trim(),
    issuedBy: orNull(input.issuedBy?.trim()) ?? 'Bộ Ngoại giao',
    issuedOn: input.issuedOn,
    validUntil: input.validUntil,
    status: 'in_force',
    decisionNumber: null,
    decisionDate: null,
    provinces: storedList(input.provinces),
    fields: storedList(input.fields),
    officeCity: orNull(input.officeCity?.trim()),
    notes: orNull(input.notes),
  };
  await checkCertificate(ctx, fields, null);
  const id = ctx.newId();
  await ctx.db
    .insertInto('ngoCertificates')
    .values({ ...fields, id, createdAt: ctx.now, updatedAt: ctx.now })
    .execute();
  const certificate = toCertificate(await certificateRow(ctx, id), today(ctx));
  await recordAudit(ctx, {
    action: 'create',
    entity: 'ngo_certificate',
    entityId: id,
    parentId: input.donorId,
    after: certificateSnapshot(certificate),
  });
  return certificate;
}

export async function updateCertificate(ctx: Ctx, input: ParsedInput<'ngo.updateCertificate'>): Promise<Certificate> {
  const row = await certificateRow(ctx, input.id);
  await ngoDonor(ctx, row.donorId);
  const given = <K extends keyof typeof input>(key: K) => input[key] !== undefined;
  const fields: CertificateFields = {
    donorId: row.donorId,
    kind: input.kind ?? row.kind,
    number: input.number?.trim() ?? row.number,
    issuedBy: given('issuedBy') ? (orNull(input.issuedBy?.trim()) ?? 'Bộ Ngoại giao') : row.issuedBy,
    issuedOn: input.issuedOn ?? row.issuedOn,
    validUntil: input.validUntil ?? row.validUntil,
    status: input.status ?? row.status,
    decisionNumber: given('decisionNumber') ? orNull(input.decisionNumber?.trim()) : row.decisionNumber,
    decisionDate: given('decisionDate') ? orNull(input.decisionDate) : row.decisionDate,
    provinces: input.provinces ? storedList(input.provinces) : row.provinces,
    fields: input.fields ? storedList(input.fields) : row.fields,
    officeCity: given('officeCity') ? orNull(input.officeCity?.trim()) : row.officeCity,
    notes: given('notes') ? orNull(input.notes) : row.notes,
  };
  if (fields.status !== row.status && fields.status !== 'in_force' && !fields.decisionDate)
    throw invalid('decisionDate', {
      vi: 'bắt buộc khi gia hạn, sửa đổi, đình chỉ hoặc thu hồi giấy đăng ký: ngày của quyết định',
      en: 'is required to extend, amend, suspend or revoke a certificate: the decision’s date',
    });
  await checkCertificate(ctx, fields, row.id);
  const before = toCertificate(row, today(ctx));
  await ctx.db
    .updateTable('ngoCertificates')
    .set({ ...fields, updatedAt: ctx.now })
    .where('id', '=', row.id)
    .execute();
  const certificate = toCertificate(await certificateRow(ctx, row.id), today(ctx));
  await recordAudit(ctx, {
    action: 'update',
    entity: 'ngo_certificate',
    entityId: row.id,
    parentId: row.donorId,
    before: certificateSnapshot(before),
    after: certificateSnapshot(certificate),
    note: input.reason.trim(),
  });
  return certificate;
}

export async function deleteCertificate(
  ctx: Ctx,
  input: ParsedInput<'ngo.deleteCertificate'>,
): Promise<{ id: string }> {
  const row = await certificateRow(ctx, input.id);
  // The plans that answered it stay, answering none.
  const plans = await ctx.db.selectFrom('ngoPlans').selectAll().where('certificateId', '=', row.id).execute();
  for (const plan of plans) {
    await ctx.db
      .updateTable('ngoPlans')
      .set({ certificateId: null, updatedAt: ctx.now })
      .where('id', '=', plan.id)
      .execute();
    await recordAudit(ctx, {
      action: 'update',
      entity: 'ngo_plan',
      entityId: plan.id,
      parentId: plan.donorId,
      before: { certificateId: plan.certificateId },
      after: { certificateId: null },
      note: input.reason.trim(),
    });
  }
  await deleteKept(ctx, 'ngo_certificates', row.id, ctx.newId());
  await recordAudit(ctx, {
    action: 'delete',
    entity: 'ngo_certificate',
    entityId: row.id,
    parentId: row.donorId,
    before: certificateSnapshot(toCertificate(row, today(ctx))),
    note: input.reason.trim(),
  });
  return { id: row.id };
}
