/**
 * The rules a bundle's rows of the NGO registry are held to (migration 0025), as `columns.ts` holds the others: each
 * column as the registry's forms check it, and the ids every office makes alike (a profile's is its donor's, an
 * acknowledgement's is made from the record it acknowledges).
 */
import type { z } from 'zod';
import { ShortText } from '../../../contract/fields';
import {
  AcknowledgeInput,
  CertificateCreateInput,
  CertificateUpdateInput,
  ContactInput,
  OFFICE_CITY_CODES,
  PlanInput,
  ProfileInput,
  type WarningSubject,
  YearReportInput,
} from '../../../contract/ngo';
import { acknowledgementId } from '../../ngo/warnings';
import type { Words } from '../contents';
import { COMMON, idList, is, problem, rule, STAMPS, stamp, type TableRules } from './column-checks';

const certificate = CertificateCreateInput.shape;
const certificateUpdate = CertificateUpdateInput.shape;
const profile = ProfileInput.shape;
const contact = ContactInput.shape;
const plan = PlanInput.shape;
const yearReport = YearReportInput.shape;
const acknowledgement = AcknowledgeInput.shape;

/** A representative office's city as stored: one of the three cities, or none. */
const officeCity = (value: unknown): Words | null =>
  value === null || (OFFICE_CITY_CODES as readonly unknown[]).includes(value)
    ? null
    : {
        vi: 'không phải Hà Nội (01), Đà Nẵng (48) hay TP. Hồ Chí Minh (79)',
        en: 'is not Hà Nội (01), Đà Nẵng (48) or Hồ Chí Minh City (79)',
      };

/** A JSON list, each entry as the form's list field takes it. */
const jsonList =
  (schema: z.ZodType) =>
  (value: unknown): Words | null => {
    let list: unknown;
    try {
      list = typeof value === 'string' ? JSON.parse(value) : undefined;
    } catch {
      list = undefined;
    }
    return Array.isArray(list) && schema.safeParse(list).success
      ? null
      : { vi: 'không phải danh sách hợp lệ', en: 'is not a valid list' };
  };

type NgoTable =
  | 'ngo_profiles'
  | 'ngo_certificates'
  | 'ngo_contacts'
  | 'ngo_plans'
  | 'ngo_year_reports'
  | 'ngo_acknowledgements';

export const NGO_TABLE_RULES: Record<NgoTable, TableRules> = {
  ngo_profiles: {
    noun: { vi: 'thông tin tổ chức PCPNN', en: "NGO's profile" },
    required: ['donor_id', ...STAMPS],
    columns: {
      ...COMMON,
      home_country: is('homeCountry', profile.homeCountry),
      home_registration: is('homeRegistration', profile.homeRegistration),
      home_registration_until: is('homeRegistrationUntil', profile.homeRegistrationUntil),
      office_address: is('officeAddress', profile.officeAddress),
      office_city: rule('officeCity', officeCity),
      head_name: is('headName', profile.headName),
      notes: is('notes', profile.notes),
    },
    references: [{ column: 'donor_id', field: 'donorId', to: 'donors' }],
    // One profile per NGO at every office: its id is its donor's.
    row: (row) =>
      row.id === row.donor_id ? null : problem('id', 'id', 'không phải mã của nhà tài trợ', "is not the donor's id"),
  },
  ngo_certificates: {
    noun: { vi: 'giấy đăng ký của tổ chức PCPNN', en: "NGO's certificate" },
    required: [
      'donor_id',
      'kind',
      'number',
      'issued_by',
      'issued_on',
      'valid_until',
      'status',
      'provinces',
      'fields',
      ...STAMPS,
    ],
    columns: {
      ...COMMON,
      kind: is('kind', certificate.kind),
      number: is('number', certificate.number),
      issued_by: is('issuedBy', ShortText),
      issued_on: is('issuedOn', certificate.issuedOn),
      valid_until: is('validUntil', certificate.validUntil),
      status: is('status', certificateUpdate.status.unwrap()),
      decision_number: is('decisionNumber', certificateUpdate.decisionNumber),
      decision_date: is('decisionDate', certificateUpdate.decisionDate),
      provinces: rule('provinces', jsonList(certificate.provinces)),
      fields: rule('fields', jsonList(certificate.fields)),
      office_city: rule('officeCity', officeCity),
      notes: is('notes', certificate.notes),
    },
    references: [{ column: 'donor_id', field: 'donorId', to: 'donors' }],
    row: (row) =>
      String(row.valid_until) < String(row.issued_on)
        ? problem('valid_until', 'validUntil', 'trước ngày cấp', 'is before the date of issue')
        : null,
  },
  ngo_contacts: {
    noun: { vi: 'người liên hệ của tổ chức PCPNN', en: "NGO's contact person" },
    required: ['donor_id', 'name', ...STAMPS],
    columns: {
      ...COMMON,
      name: is('name', contact.name),
      role: is('role', contact.role),
      phone: is('phone', contact.phone),
      email: is('email', contact.email),
    },
    references: [{ column: 'donor_id', field: 'donorId', to: 'donors' }],
  },
  ngo_plans: {
    noun: { vi: 'kế hoạch hoạt động của tổ chức PCPNN', en: "NGO's activity plan" },
    required: ['donor_id', 'received_on', 'place_ids', ...STAMPS],
    columns: {
      ...COMMON,
      received_on: is('receivedOn', plan.receivedOn),
      period_from: is('periodFrom', plan.periodFrom),
      period_to: is('periodTo', plan.periodTo),
      place_ids: rule('placeIds', idList(plan.placeIds.unwrap())),
      summary: is('summary', plan.summary),
    },
    references: [
      { column: 'donor_id', field: 'donorId', to: 'donors' },
      { column: 'certificate_id', field: 'certificateId', to: 'ngo_certificates', optional: true },
      { column: 'place_ids', field: 'placeIds', to: 'places', list: true },
    ],
  },
  ngo_year_reports: {
    noun: { vi: 'báo cáo năm của tổ chức PCPNN', en: "NGO's yearly report" },
    required: ['donor_id', 'year', 'received_on', ...STAMPS],
    columns: {
      ...COMMON,
      year: is('year', yearReport.year),
      received_on: is('receivedOn', yearReport.receivedOn),
      notes: is('notes', yearReport.notes),
    },
    references: [{ column: 'donor_id', field: 'donorId', to: 'donors' }],
  },
  ngo_acknowledgements: {
    noun: { vi: 'ghi nhận cảnh báo về giấy đăng ký', en: 'acknowledged certificate warning' },
    required: ['subject', 'subject_id', 'reason', 'at', ...STAMPS],
    columns: {
      ...COMMON,
      subject: is('subject', acknowledgement.subject),
      subject_id: is('id', acknowledgement.id),
      reason: is('reason', acknowledgement.reason),
      at: rule('at', stamp),
      user_name: is('userName', ShortText.nullish()),
      site_name: is('siteName', ShortText.nullish()),
    },
    references: [],
    // One per record at every office: its id is made from the record's.
    row: (row) =>
      typeof row.subject === 'string' &&
      typeof row.subject_id === 'string' &&
      row.id !== acknowledgementId(row.subject as WarningSubject, row.subject_id)
        ? problem('id', 'id', 'không khớp với bản ghi được ghi nhận', 'does not match the record acknowledged')
        : null,
  },
};
