/**
 * The checks of Decree 58/2022/NĐ-CP on the ledger's records: an aid item, a pledge or a stage of a foreign NGO dated
 * when the NGO had no certificate in force, or one that did not name the province or the item's sector, is flagged.
 * - an aid item is dated by its approval, or, not approved, by its proposal; it lies in its places, in its sector;
 * - a pledge by its pledge date, in its place; its sector is its item's (none: the sector is not checked);
 * - a stage by its date, in its item's places and sector (a stage dated as its item is the item's own warning).
 * "This province" is the one the ledger serves; in a national ledger, the province of each of the record's places.
 * The certificates are read once and every record judged in one pass, so a ledger of 100,000 pledges is one query each
 * for pledges, items and stages.
 */
import { createHash } from 'node:crypto';
import type { ParsedInput } from '../../contract';
import type { Bilingual } from '../../contract/errors';
import { dayText } from '../../contract/dates';
import { sectorLabel } from '../../contract/labels';
import type { RegistryWarning, WarningReason, WarningSubject } from '../../contract/ngo';
import { foldText } from '../../contract/text';
import { recordAudit } from '../audit';
import type { Ctx } from '../core/context';
import { invalid, notFound } from '../core/errors';
import type { NgoCertificatesTable } from '../core/schema';
import { ledgerProvinceName } from '../places/ledger-province';
import { parseList, stoppedOn } from './certificates';
import { placeProvinces, provinceNameOf, todayProvinceOf } from './provinces';

/** A certificate as the checks read it: its provinces as today's codes, its fields folded. */
export interface JudgedCertificate {
  row: NgoCertificatesTable;
  provinces: Set<string>;
  fields: Set<string>;
}

/** What a record is judged by: its donor, its day, the provinces of its places, its sector. */
export interface Subject {
  donorId: string;
  date: string;
  /** Today's codes of the provinces it lies in; empty: the province is not checked. */
  provinces: string[];
  sector: string | null;
}

export interface Verdict {
  reasons: WarningReason[];
  message: Bilingual;
}

/** Every foreign NGO's certificates, by the donor they count under (a merged donor's count under the one it joined). */
export function loadCertificates(ctx: Ctx): {
  certificates: Map<string, JudgedCertificate[]>;
  ngoOf: (donorId: string) => string | null;
  names: Map<string, string>;
} {
  const donors = ctx.sqlite.prepare(`SELECT id, name, kind, merged_into AS mergedInto FROM donors`).all() as {
    id: string;
    name: string;
    kind: string;
    mergedInto: string | null;
  }[];
  const byId = new Map(donors.map((d) => [d.id, d]));
  const current = (id: string) => {
    let donor = byId.get(id);
    for (let hops = 0; donor?.mergedInto && hops < 50; hops++) donor = byId.get(donor.mergedInto) ?? donor;
    return donor;
  };
  const ngoOf = (id: string) => {
    const donor = current(id);
    return donor?.kind === 'foreign_ngo' ? donor.id : null;
  };
  const certificates = new Map<string, JudgedCertificate[]>();
  const rows = ctx.sqlite
    .prepare(
      `SELECT id, donor_id AS donorId, kind, number, issued_by AS issuedBy, issued_on AS issuedOn,
        valid_until AS validUntil, status, decision_number AS decisionNumber, decision_date AS decisionDate, provinces,
        fields, office_city AS officeCity, notes, created_at AS createdAt, updated_at AS updatedAt
      FROM ngo_certificates ORDER BY issued_on, id`,
    )
    .all() as NgoCertificatesTable[];
  for (const row of rows) {
    const owner = ngoOf(row.donorId);
    if (!owner) continue;
    const judged: JudgedCertificate = {
      row,
      provinces: new Set(parseList(row.provinces).map((code) => todayProvinceOf(code) ?? code)),
      fields: new Set(parseList(row.fields).map(foldText)),
    };
    certificates.set(owner, [...(certificates.get(owner) ?? []), judged]);
  }
  return { certificates, ngoOf, names: new Map(donors.map((d) => [d.id, d.name])) };
}

const numbered = (c: NgoCertificatesTable) => ({
  vi: `Giấy đăng ký ${c.number}`,
  en: `Certificate ${c.number}`,
});

/**
 * Why a record of an NGO with these certificates is flagged, or null when a certificate in force covers it. The
 * reasons, in the order they are looked for: no certificate at all; none in force on the day (expired, or not yet
 * issued); those in force that day suspended or revoked; none in force naming the province; none naming the sector.
 */
export function judge(certificates: readonly JudgedCertificate[] | undefined, subject: Subject): Verdict | null {
  const day = subject.date;
  if (!certificates?.length)
    return {
      reasons: ['no_certificate'],
      message: {
        vi: 'Tổ chức chưa có giấy đăng ký hoạt động tại Việt Nam (Nghị định 58/2022/NĐ-CP)',
        en: 'The NGO has no registration certificate in Viet Nam (Decree 58/2022/NĐ-CP)',
      },
    };
  const current = certificates.filter((c) => c.row.issuedOn <= day && day <= c.row.validUntil);
  if (!current.length) {
    const before = certificates
      .filter((c) => c.row.issuedOn <= day)
      .sort((a, b) => compareText(a.row.validUntil, b.row.validUntil))
      .at(-1);
    if (before) {
      const n = numbered(before.row);
      return {
        reasons: ['expired'],
        message: {
          vi: `${n.vi} hết hạn ${dayText(before.row.validUntil)}, trước ngày ${dayText(day)}`,
          en: `${n.en} expired ${dayText(before.row.validUntil)}, before ${dayText(day)}`,
        },
      };
    }
    const first = certificates[0]!;
    const n = numbered(first.row);
    return {
      reasons: ['expired'],
      message: {
        vi: `${n.vi} cấp ngày ${dayText(first.row.issuedOn)}, sau ngày ${dayText(day)}: ngày đó tổ chức chưa có giấy đăng ký`,
        en: `${n.en} was issued ${dayText(first.row.issuedOn)}, after ${dayText(day)}: that day the NGO had none`,
      },
    };
  }
  const active = current.filter((c) => !stoppedOn(c.row, day));
  if (!active.length) {
    const stopped = current.at(-1)!.row;
    const n = numbered(stopped);
    const decision = stopped.decisionNumber ? ` (${stopped.decisionNumber})` : '';
    const revoked = stopped.status === 'revoked';
    return {
      reasons: [revoked ? 'revoked' : 'suspended'],
      message: {
        vi: `${n.vi} bị ${revoked ? 'thu hồi' : 'đình chỉ'} từ ${dayText(stopped.decisionDate ?? stopped.issuedOn)}${decision}`,
        en: `${n.en} ${revoked ? 'revoked' : 'suspended'} from ${dayText(stopped.decisionDate ?? stopped.issuedOn)}${decision}`,
      },
    };
  }
  const reasons: WarningReason[] = [];
  const vi: string[] = [];
  const en: string[] = [];
  const shown = active.at(-1)!.row;
  const n = numbered(shown);
  const validity = `${dayText(shown.issuedOn)}–${dayText(shown.validUntil)}`;
  const uncovered = subject.provinces.filter((p) => !active.some((c) => c.provinces.has(p)));
  if (uncovered.length) {
    reasons.push('province_not_covered');
    const names = uncovered.map(provinceNameOf).join(', ');
    vi.push(`${n.vi} (${validity}) không gồm địa bàn ${names}`);
    en.push(`${n.en} (${validity}) does not cover ${names}`);
  }
  if (subject.sector && !active.some((c) => c.fields.has(foldText(subject.sector!)))) {
    reasons.push('sector_not_covered');
    vi.push(`${n.vi} (${validity}) không gồm lĩnh vực ${sectorLabel(subject.sector, 'vi')}`);
    en.push(`${n.en} (${validity}) does not cover the sector ${sectorLabel(subject.sector, 'en')}`);
  }
  return reasons.length ? { reasons, message: { vi: vi.join('; '), en: en.join('; ') } } : null;
}

/** Dates and ids compared as code points: a locale's collation is much slower and they need none. */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The id of a record's acknowledgement: one per record, the same at every office. */
export function acknowledgementId(subject: WarningSubject, id: string): string {
  const hex = createHash('sha256').update(`aid-ledger-ngo-acknowledgement:${subject}:${id}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

interface Candidate {
  subject: WarningSubject;
  id: string;
  itemId: string | null;
  donorId: string;
  label: string;
  date: string;
  placeIds: string[];
  sector: string | null;
}

/** Items are dated by their approval, else their proposal (the first stage), else their entry. */
const ITEM_DATE = `coalesce(i.approval_date,
  (SELECT min(s.on_date) FROM aid_item_stages s WHERE s.item_id = i.id AND s.stage = 'proposed'), i.stage_date)`;

/** The items, stages and pledges of foreign NGOs, as the checks read them. */
function candidates(ctx: Ctx, ngoIds: string[], only: Filter): Candidate[] {
  const list = JSON.stringify(ngoIds);
  const inNgo = `IN (SELECT value FROM json_each(?))`;
  const itemFilter = only.itemId ? ` AND i.id = ?` : '';
  const args = (...rest: unknown[]) => [list, ...(only.itemId ? [only.itemId] : []), ...rest];
  const out: Candidate[] = [];
  const items = ctx.sqlite
    .prepare(
      `SELECT i.id, i.name, i.donor_id AS donorId, i.sector, i.place_ids AS placeIds, ${ITEM_DATE} AS date
      FROM aid_items i WHERE i.donor_id ${inNgo}${itemFilter}`,
    )
    .all(...args()) as { id: string; name: string; donorId: string; sector: string; placeIds: string; date: string }[];
  const itemById = new Map<string, (typeof items)[number]>();
  for (const item of items) {
    itemById.set(item.id, item);
    out.push({
      subject: 'item',
      id: item.id,
      itemId: item.id,
      donorId: item.donorId,
      label: item.name,
      date: item.date,
      placeIds: parseList(item.placeIds),
      sector: item.sector,
    });
  }
  const stages = ctx.sqlite
    .prepare(
      `SELECT s.id, s.item_id AS itemId, s.stage, s.on_date AS date FROM aid_item_stages s JOIN aid_items i ON i.id = s.item_id
      WHERE i.donor_id ${inNgo}${itemFilter} AND s.stage NOT IN ('rejected', 'revoked') ORDER BY s.on_date, s.id`,
    )
    .all(...args()) as { id: string; itemId: string; stage: string; date: string }[];
  for (const stage of stages) {
    const item = itemById.get(stage.itemId);
    if (!item || stage.date === item.date) continue;
    out.push({
      subject: 'stage',
      id: stage.id,
      itemId: item.id,
      donorId: item.donorId,
      label: `${stageWord(stage.stage)} — ${item.name}`,
      date: stage.date,
      placeIds: parseList(item.placeIds),
      sector: item.sector,
    });
  }
  // Of one donor or item, found by their index; of the whole ledger, read in one scan and kept when an NGO's (the
  // donors' index, one look-up a pledge, is slower when most pledges are).
  const narrow = only.donorId !== undefined || only.itemId !== undefined;
  const ngo = new Set(ngoIds);
  const pledges = ctx.sqlite
    .prepare(
      `SELECT p.id, p.item_id AS itemId, p.donor_id AS donorId, p.description, p.pledge_date AS date,
        p.place_id AS placeId, i.sector
      FROM pledges p LEFT JOIN aid_items i ON i.id = p.item_id
      WHERE ${narrow ? `p.donor_id ${inNgo}` : '1'}${only.itemId ? ' AND p.item_id = ?' : ''} AND p.status <> 'cancelled'`,
    )
    .all(...(narrow ? args() : [])) as {
    id: string;
    itemId: string | null;
    donorId: string;
    description: string;
    date: string;
    placeId: string;
    sector: string | null;
  }[];
  for (const pledge of pledges) {
    if (!ngo.has(pledge.donorId)) continue;
    out.push({
      subject: 'pledge',
      id: pledge.id,
      itemId: pledge.itemId,
      donorId: pledge.donorId,
      label: pledge.description,
      date: pledge.date,
      placeIds: [pledge.placeId],
      sector: pledge.sector,
    });
  }
  return out;
}

const STAGE_WORDS: Record<string, string> = {
  proposed: 'Đề xuất',
  appraised: 'Thẩm định',
  approved: 'Phê duyệt',
  implementing: 'Thực hiện',
  ended: 'Kết thúc',
  settled: 'Quyết toán',
};
const stageWord = (stage: string) => STAGE_WORDS[stage] ?? stage;

interface Filter {
  itemId?: string;
  donorId?: string;
  includeAcknowledged?: boolean;
  /** One record only (acknowledging it). */
  record?: { subject: WarningSubject; id: string };
}

/** The provinces a record is checked against: the ledger's, or (national) those of its places. */
async function provincesFor(ctx: Ctx): Promise<(placeIds: string[]) => string[]> {
  const served = await ledgerProvinceName(ctx);
  if (served && served !== 'all' && served.code) {
    const code = served.code;
    return () => [code];
  }
  const provinceOf = placeProvinces(ctx);
  return (placeIds) => [
    ...new Set(placeIds.map((id) => provinceOf(id)?.code).filter((code): code is string => typeof code === 'string')),
  ];
}

/** The ledger's flagged records (unacknowledged ones unless asked), oldest first. */
export async function registryWarnings(ctx: Ctx, filter: Filter): Promise<RegistryWarning[]> {
  const { certificates, ngoOf, names } = loadCertificates(ctx);
  let ngoIds = (ctx.sqlite.prepare(`SELECT id FROM donors`).all() as { id: string }[])
    .map((d) => d.id)
    .filter((id) => ngoOf(id) !== null);
  if (filter.donorId) ngoIds = ngoIds.filter((id) => ngoOf(id) === filter.donorId);
  if (!ngoIds.length) return [];
  const provincesOf = await provincesFor(ctx);
  const acknowledged = new Map(
    (
      ctx.sqlite
        .prepare(`SELECT subject, subject_id AS id, reason, at, user_name AS userName FROM ngo_acknowledgements`)
        .all() as { subject: string; id: string; reason: string; at: string; userName: string | null }[]
    ).map((a) => [`${a.subject}:${a.id}`, { reason: a.reason, at: a.at, by: a.userName }]),
  );
  const warnings: RegistryWarning[] = [];
  // Records of one NGO on one day, in one place and sector, share their verdict: judged once.
  const verdicts = new Map<string, Verdict | null>();
  for (const c of candidates(ctx, ngoIds, filter)) {
    if (filter.record && (filter.record.subject !== c.subject || filter.record.id !== c.id)) continue;
    const owner = ngoOf(c.donorId)!;
    const provinces = provincesOf(c.placeIds);
    const key = `${owner}|${c.date}|${provinces.join(',')}|${c.sector ?? ''}`;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = judge(certificates.get(owner), { donorId: owner, date: c.date, provinces, sector: c.sector });
      verdicts.set(key, verdict);
    }
    if (!verdict) continue;
    const ack = acknowledged.get(`${c.subject}:${c.id}`) ?? null;
    if (ack && !filter.includeAcknowledged) continue;
    warnings.push({
      subject: c.subject,
      id: c.id,
      itemId: c.itemId,
      donorId: owner,
      donorName: names.get(owner) ?? '',
      label: c.label,
      date: c.date,
      reasons: verdict.reasons,
      message: verdict.message,
      acknowledged: ack,
    });
  }
  const order = { item: 0, stage: 1, pledge: 2 } as const;
  return warnings.sort(
    (a, b) => compareText(a.date, b.date) || order[a.subject] - order[b.subject] || compareText(a.id, b.id),
  );
}

export function listWarnings(ctx: Ctx, input: ParsedInput<'ngo.warnings'>): Promise<RegistryWarning[]> {
  return registryWarnings(ctx, input);
}

/** What a form shows before saving: the warning a record of this donor, day, place and sector would have. */
export async function checkRecord(ctx: Ctx, input: ParsedInput<'ngo.check'>): Promise<RegistryWarning[]> {
  const donor = await ctx.db.selectFrom('donors').select('id').where('id', '=', input.donorId).executeTakeFirst();
  if (!donor) throw notFound('donorId', { vi: 'nhà tài trợ', en: 'donor' });
  const { certificates, ngoOf, names } = loadCertificates(ctx);
  const owner = ngoOf(input.donorId);
  if (!owner) return [];
  if (input.placeId) {
    const place = await ctx.db.selectFrom('places').select('id').where('id', '=', input.placeId).executeTakeFirst();
    if (!place) throw notFound('placeId', { vi: 'địa bàn', en: 'place' });
  }
  const provincesOf = await provincesFor(ctx);
  const verdict = judge(certificates.get(owner), {
    donorId: owner,
    date: input.date,
    provinces: provincesOf(input.placeId ? [input.placeId] : []),
    sector: input.sector?.trim() || null,
  });
  if (!verdict) return [];
  return [
    {
      subject: 'item',
      id: '',
      itemId: null,
      donorId: owner,
      donorName: names.get(owner) ?? '',
      label: '',
      date: input.date,
      reasons: verdict.reasons,
      message: verdict.message,
      acknowledged: null,
    },
  ];
}

const SUBJECT_NOUNS: Record<WarningSubject, Bilingual> = {
  item: { vi: 'khoản viện trợ', en: 'aid item' },
  pledge: { vi: 'cam kết', en: 'pledge' },
  stage: { vi: 'giai đoạn của khoản viện trợ', en: 'aid item stage' },
};
const SUBJECT_TABLES: Record<WarningSubject, string> = {
  item: 'aid_items',
  pledge: 'pledges',
  stage: 'aid_item_stages',
};

/** Records an officer's acknowledgement of a record's warning, with why: it is then left out of the lists. */
export async function acknowledgeWarning(ctx: Ctx, input: ParsedInput<'ngo.acknowledge'>): Promise<RegistryWarning> {
  const exists = ctx.sqlite.prepare(`SELECT 1 FROM ${SUBJECT_TABLES[input.subject]} WHERE id = ?`).get(input.id);
  if (!exists) throw notFound('id', SUBJECT_NOUNS[input.subject]);
  const [warning] = await registryWarnings(ctx, { record: input, includeAcknowledged: true });
  if (!warning)
    throw invalid('id', {
      vi: `${SUBJECT_NOUNS[input.subject].vi} này không có cảnh báo nào về giấy đăng ký của tổ chức PCPNN để ghi nhận`,
      en: `this ${SUBJECT_NOUNS[input.subject].en} has no warning about an NGO's certificate to acknowledge`,
    });
  const id = acknowledgementId(input.subject, input.id);
  const before = await ctx.db.selectFrom('ngoAcknowledgements').selectAll().where('id', '=', id).executeTakeFirst();
  const values = {
    subject: input.subject,
    subjectId: input.id,
    reason: input.reason.trim(),
    at: ctx.now,
    userName: ctx.site.userName || null,
    siteName: ctx.site.name as string | null,
    updatedAt: ctx.now,
  };
  if (before) await ctx.db.updateTable('ngoAcknowledgements').set(values).where('id', '=', id).execute();
  else
    await ctx.db
      .insertInto('ngoAcknowledgements')
      .values({ ...values, id, createdAt: ctx.now })
      .execute();
  const own = (v: typeof values) => ({ subject: v.subject, subjectId: v.subjectId, reason: v.reason });
  await recordAudit(ctx, {
    action: before ? 'update' : 'create',
    entity: 'ngo_acknowledgement',
    entityId: id,
    parentId: warning.donorId,
    before: before ? own(before) : null,
    after: own(values),
    note: input.reason.trim(),
  });
  return { ...warning, acknowledged: { reason: values.reason, at: values.at, by: values.userName } };
}
