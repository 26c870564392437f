/**
 * The NGO registry area of the contract: for a donor that is a foreign non-governmental organisation, its registration
 * certificates over time (Decree 58/2022/NĐ-CP, in force 01/11/2022), the provinces and fields each permits, its
 * representative office, head and contact persons, its home registration, the activity plans and yearly reports the
 * province received; the checks of aid items, pledges and stages against them; and the public holidays the 45 working
 * days of Art. 21(4) skip.
 *
 * The rules, from the decree:
 * - Art. 7: the Ministry of Foreign Affairs issues, extends, amends, re-issues, suspends and revokes certificates.
 * - Art. 8: an NGO works only in the provinces (địa bàn) and fields (lĩnh vực) its certificate names; it may have one
 *   representative office, in Hà Nội, Đà Nẵng or TP. Hồ Chí Minh.
 * - Art. 9: an operation certificate runs at most 3 years from issue, a representative office's at most 5, and never
 *   beyond the NGO's registration at home.
 * - Art. 21(4): within 45 working days of a certificate issued, extended or amended, the NGO notifies the provincial
 *   People's Committee of its activity plan; Art. 21(5): it reports yearly, by the 18th of the period's last month
 *   (18 December).
 */
import { z } from 'zod';
import type { Bilingual } from './errors';
import { EmptyInput, Id, IdInput, IsoDate, LongText, Name, ShortText } from './fields';
import type { HistoryEntry } from './history';
import { method } from './method';
import { type NgoExportResult, NgoExportInput, type NgoImportResult, NgoImportInput } from './ngo-io';

/** Giấy đăng ký hoạt động (operation) or Giấy đăng ký lập Văn phòng đại diện (representative office). */
export const CERTIFICATE_KINDS = ['operation', 'representative_office'] as const;
export type CertificateKind = (typeof CERTIFICATE_KINDS)[number];

/** The longest a certificate of each kind may run, in years from its issue (Art. 9(1)). */
export const CERTIFICATE_MAX_YEARS: Record<CertificateKind, number> = { operation: 3, representative_office: 5 };

/** Where a representative office may be (Art. 8(2)): the codes of Hà Nội, Đà Nẵng and TP. Hồ Chí Minh. */
export const OFFICE_CITY_CODES = ['01', '48', '79'] as const;

/**
 * A certificate's standing: issued and in force, extended, amended (or re-issued), suspended or revoked. Suspended and
 * revoked take effect from their decision's date; the others leave it in force until `validUntil`.
 */
export const CERTIFICATE_STATUSES = ['in_force', 'extended', 'amended', 'suspended', 'revoked'] as const;
export type CertificateStatus = (typeof CERTIFICATE_STATUSES)[number];

/** The working days after a certificate within which its activity plan is due (Art. 21(4)). */
export const PLAN_WORKING_DAYS = 45;
/** The day of December by which a year's report is due (Art. 21(5)). */
export const YEAR_REPORT_DUE_DAY = 18;
/** How far ahead "Việc cần làm" lists a certificate about to expire. */
export const EXPIRY_NOTICE_DAYS = 90;

/** A province as a certificate names it: a catalogue code (today's or a former province's). */
const ProvinceCode = z
  .string()
  .trim()
  .regex(/^\d{2}$/);
/** A field (lĩnh vực), as aid items name sectors: a standard sector's key or a department's own. */
const Field = z.string().trim().min(1).max(100);
/** Why a change is made: kept in the history, as pledges keep theirs. */
const Reason = z.string().trim().min(1).max(1000);

const certificateFields = {
  kind: z.enum(CERTIFICATE_KINDS),
  number: ShortText.pipe(z.string().min(1)),
  /** Bộ Ngoại giao unless another body is named. */
  issuedBy: ShortText.nullish(),
  issuedOn: IsoDate,
  validUntil: IsoDate,
  /** The provinces it permits (catalogue codes), at least one. */
  provinces: z.array(ProvinceCode).min(1).max(63),
  /** The fields it permits, at least one. */
  fields: z.array(Field).min(1).max(30),
  /** A representative office's city (one of `OFFICE_CITY_CODES`). */
  officeCity: z.string().trim().nullish(),
  notes: LongText.nullish(),
};

export const CertificateCreateInput = z.strictObject({ donorId: Id, ...certificateFields });
export const CertificateUpdateInput = z.strictObject({
  id: Id,
  ...z.object(certificateFields).partial().shape,
  status: z.enum(CERTIFICATE_STATUSES).optional(),
  /** The decision that changed its standing or validity: its number and date. */
  decisionNumber: ShortText.nullish(),
  decisionDate: IsoDate.nullish(),
  reason: Reason,
});
export const ReasonedIdInput = z.strictObject({ id: Id, reason: Reason });

export const ProfileInput = z.strictObject({
  donorId: Id,
  homeCountry: ShortText.nullish(),
  /** The NGO's registration at home: its number or body, and the day it ends (null: no end). */
  homeRegistration: ShortText.nullish(),
  homeRegistrationUntil: IsoDate.nullish(),
  officeAddress: ShortText.nullish(),
  officeCity: z.string().trim().nullish(),
  headName: ShortText.nullish(),
  notes: LongText.nullish(),
  reason: Reason.optional(),
});

export const ContactInput = z.strictObject({
  /** Absent: a new contact. */
  id: Id.optional(),
  donorId: Id,
  name: Name,
  role: ShortText.nullish(),
  phone: ShortText.nullish(),
  email: ShortText.nullish(),
});

export const PlanInput = z.strictObject({
  donorId: Id,
  /** The certificate it answers (its 45 working days counted from that one's issue or change). */
  certificateId: Id.nullish(),
  receivedOn: IsoDate,
  periodFrom: IsoDate.nullish(),
  periodTo: IsoDate.nullish(),
  /** The places it names (place ids of the ledger). */
  placeIds: z.array(Id).max(200).optional(),
  summary: LongText.nullish(),
});

export const YearReportInput = z.strictObject({
  donorId: Id,
  year: z.number().int().min(2000).max(2100),
  receivedOn: IsoDate,
  notes: LongText.nullish(),
});

export const NgoListInput = z.strictObject({
  text: z.string().max(200).optional(),
  /** The day certificates are judged on (today by default). */
  on: IsoDate.optional(),
});

/** What a form asks before saving an item, a pledge or a stage: this donor, on this day, here, in this sector. */
export const NgoCheckInput = z.strictObject({
  donorId: Id,
  date: IsoDate,
  placeId: Id.nullish(),
  /** The item's sector (for a pledge: its item's, when it has one). */
  sector: z.string().trim().max(100).nullish(),
});

export const WARNING_SUBJECTS = ['item', 'pledge', 'stage'] as const;
export type WarningSubject = (typeof WARNING_SUBJECTS)[number];

export const AcknowledgeInput = z.strictObject({
  subject: z.enum(WARNING_SUBJECTS),
  /** The item's, the pledge's or the stage's id. */
  id: Id,
  reason: Reason,
});

export const WarningsInput = z.strictObject({
  /** Only this item's warnings (its own, its stages' and its pledges'). */
  itemId: Id.optional(),
  /** Only those of this donor. */
  donorId: Id.optional(),
  /** Acknowledged ones too (left out by default). */
  includeAcknowledged: z.boolean().optional(),
});

export const TodoInput = z.strictObject({ today: IsoDate.optional() });

export const HolidaysInput = z.strictObject({
  holidays: z.array(z.strictObject({ date: IsoDate, name: ShortText.pipe(z.string().min(1)) })).max(2000),
});

/** Why a record is flagged. */
export const WARNING_REASONS = [
  /** The donor has no certificate at all. */
  'no_certificate',
  /** None in force on the day: all expired (or none yet issued). */
  'expired',
  'suspended',
  'revoked',
  /** In force, but not for this province. */
  'province_not_covered',
  /** In force, but not for the item's sector. */
  'sector_not_covered',
] as const;
export type WarningReason = (typeof WARNING_REASONS)[number];

export interface RegistryWarning {
  subject: WarningSubject;
  /** The item's, pledge's or stage's id (a stage: with its item's in `itemId`). */
  id: string;
  itemId: string | null;
  donorId: string;
  donorName: string;
  /** The item's name, the pledge's description, or the stage's name with its item's. */
  label: string;
  /** The day it was dated (approval, pledge or stage date). */
  date: string;
  reasons: WarningReason[];
  /** What a person reads: "Giấy đăng ký 123/BNG-GĐK hết hạn 30/06/2024". */
  message: Bilingual;
  /** Set once an officer has acknowledged it, with why. */
  acknowledged: { reason: string; at: string; by: string | null } | null;
}

export interface Certificate {
  id: string;
  donorId: string;
  kind: CertificateKind;
  number: string;
  issuedBy: string;
  issuedOn: string;
  validUntil: string;
  status: CertificateStatus;
  decisionNumber: string | null;
  decisionDate: string | null;
  provinces: string[];
  /** The provinces' names with their type, in `provinces`' order ("Tỉnh Cao Bằng"). */
  provinceNames: string[];
  fields: string[];
  officeCity: string | null;
  notes: string | null;
  /** Whether it is in force on the day the list was asked for. */
  inForce: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface NgoContact {
  id: string;
  donorId: string;
  name: string;
  role: string | null;
  phone: string | null;
  email: string | null;
}

export interface ActivityPlan {
  id: string;
  donorId: string;
  certificateId: string | null;
  receivedOn: string;
  periodFrom: string | null;
  periodTo: string | null;
  placeIds: string[];
  placeNames: string[];
  summary: string | null;
  /** Received within 45 working days of its certificate (null: no certificate named). */
  onTime: boolean | null;
}

export interface YearReport {
  id: string;
  donorId: string;
  year: number;
  receivedOn: string;
  notes: string | null;
  /** Received by 18 December of its year. */
  onTime: boolean;
}

export interface NgoProfile {
  donorId: string;
  homeCountry: string | null;
  homeRegistration: string | null;
  homeRegistrationUntil: string | null;
  officeAddress: string | null;
  officeCity: string | null;
  headName: string | null;
  notes: string | null;
}

/** An NGO as the registry lists it. */
export interface NgoSummary {
  donorId: string;
  name: string;
  shortName: string | null;
  country: string | null;
  /** The certificate in force on the day asked (else the latest), null when it has none. */
  certificate: Certificate | null;
  certificateCount: number;
  /** Unacknowledged warnings on its items, pledges and stages. */
  warningCount: number;
  /** Aid items of this donor. */
  itemCount: number;
}

export interface NgoDetail {
  summary: NgoSummary;
  profile: NgoProfile;
  certificates: Certificate[];
  contacts: NgoContact[];
  plans: ActivityPlan[];
  reports: YearReport[];
  warnings: RegistryWarning[];
  history: HistoryEntry[];
}

/** What "Việc cần làm" lists from the registry on a day. */
export interface RegistryTodo {
  /** Certificates in force that expire within `EXPIRY_NOTICE_DAYS`. */
  expiring: { certificate: Certificate; donorName: string; daysLeft: number }[];
  /** Certificates issued, extended or amended whose activity plan has not come within 45 working days. */
  plansMissing: { certificate: Certificate; donorName: string; dueOn: string }[];
  /** Years past 18 December with no yearly report from an NGO registered for the province that year. */
  reportsMissing: { donorId: string; donorName: string; year: number; dueOn: string }[];
}

export interface Holiday {
  date: string;
  name: string;
}

export const ngoMethods = {
  'ngo.list': method<NgoSummary[]>()(NgoListInput),
  /** An NGO by its donor's id. */
  'ngo.get': method<NgoDetail>()(IdInput),
  'ngo.saveProfile': method<NgoProfile>()(ProfileInput),
  'ngo.addCertificate': method<Certificate>()(CertificateCreateInput),
  'ngo.updateCertificate': method<Certificate>()(CertificateUpdateInput),
  'ngo.deleteCertificate': method<{ id: string }>()(ReasonedIdInput),
  'ngo.saveContact': method<NgoContact>()(ContactInput),
  'ngo.deleteContact': method<{ id: string }>()(IdInput),
  'ngo.addPlan': method<ActivityPlan>()(PlanInput),
  'ngo.deletePlan': method<{ id: string }>()(IdInput),
  'ngo.addYearReport': method<YearReport>()(YearReportInput),
  'ngo.deleteYearReport': method<{ id: string }>()(IdInput),
  /**
   * The warnings a form shows before saving (nothing is written): at most one, its `id` and `label` empty (the record
   * is not saved yet) and its subject 'item'; none for a donor that is not a foreign NGO.
   */
  'ngo.check': method<RegistryWarning[]>()(NgoCheckInput),
  /** The ledger's flagged items, pledges and stages. */
  'ngo.warnings': method<RegistryWarning[]>()(WarningsInput),
  'ngo.acknowledge': method<RegistryWarning>()(AcknowledgeInput),
  'ngo.todo': method<RegistryTodo>()(TodoInput),
  'ngo.holidays': method<Holiday[]>()(EmptyInput),
  /** Replaces the list of public holidays the working days skip (an empty list brings back the defaults, 2022–2027). */
  'ngo.setHolidays': method<Holiday[]>()(HolidaysInput),
  // The registry's spreadsheets (contract/ngo-io.ts).
  /** Registers in the department's own layout imported, one certificate a row: all files or none. */
  'ngo.import': method<NgoImportResult>()(NgoImportInput),
  /** The register "Sổ theo dõi tổ chức PCPNN hoạt động trên địa bàn" of a period, as a workbook. */
  'ngo.export': method<NgoExportResult>()(NgoExportInput),
} as const;
