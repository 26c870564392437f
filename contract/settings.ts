/**
 * The settings area of the contract: this installation's department, name and user, its language, and its role (the
 * province, or a district office working for one of its units).
 */
import { z } from 'zod';
import { EmptyInput, Id, oneLine } from './fields';
import { method } from './method';
import { type ReportRules, reportRuleFields } from './reports';

export const SITE_ROLES = ['province', 'district'] as const;
export type SiteRole = (typeof SITE_ROLES)[number];

export const LANGUAGES = ['vi', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const formLine = (max: number) => z.string().trim().max(max).refine(oneLine, { message: 'control_character' });

/**
 * The report's letterhead and addressees (Decree 30/2020/NĐ-CP, Phụ lục I and Mẫu 1.4): each '' until the department
 * sets it, when the report prints the default in `ReportFormSettings` of `Settings.reportFormDefaults`.
 */
const reportFormFields = {
  /** The governing body over the issuing office: "UBND TỈNH TUYÊN QUANG". */
  reportGoverningBody: formLine(150).optional(),
  /** The issuing office: "SỞ NGOẠI VỤ", or "VĂN PHÒNG" where the Văn phòng UBND tỉnh does the work. */
  reportOffice: formLine(150).optional(),
  /** The office's symbol after the document type: "SNgV" prints "Số: 05/BC-SNgV" (set by the head of the office). */
  reportSymbol: z
    .string()
    .trim()
    .max(20)
    .regex(/^([\p{L}\d]+(-[\p{L}\d]+)*)?$/u, { message: 'office_symbol' })
    .optional(),
  /** The place in the date line: "Tuyên Quang, ngày 05 tháng 01 năm 2026". */
  reportPlace: formLine(100).optional(),
  /** "Kính gửi" of the quarterly, 6-month and annual report: one recipient a line. */
  addresseeQuarter: z.string().trim().max(500).optional(),
  addresseeHalf: z.string().trim().max(500).optional(),
  addresseeYear: z.string().trim().max(500).optional(),
};
export type ReportFormSettings = { [K in keyof typeof reportFormFields]-?: string };

export const SettingsUpdateInput = z.strictObject({
  /** Shown in report headers, e.g. "SỞ NGOẠI VỤ TỈNH CAO BẰNG". */
  departmentName: z.string().trim().max(200).optional(),
  /** This installation's name, recorded with every change it makes. */
  siteName: z.string().trim().min(1).max(100).refine(oneLine, { message: 'control_character' }).optional(),
  /** The person using this installation, recorded with every change they make. */
  userName: z.string().trim().min(1).max(100).refine(oneLine, { message: 'control_character' }).optional(),
  language: z.enum(LANGUAGES).optional(),
  siteRole: z.enum(SITE_ROLES).optional(),
  sitePlaceId: Id.nullable().optional(),
  /** The folder bundles are exchanged through (a shared network folder or a USB stick); null: none. */
  exchangeFolder: z.string().trim().max(1000).refine(oneLine, { message: 'control_character' }).nullable().optional(),
  /** Days without a bundle from an office (or sent from here) before it is a reminder. */
  reminderDays: z.number().int().min(1).max(365).optional(),
  /** The report period rule by default, and each report kind's deadline. */
  ...reportRuleFields,
  ...reportFormFields,
});

export interface Settings extends ReportRules {
  departmentName: string;
  siteName: string;
  /** '' until the person using this installation has given their name (the app asks at first run). */
  userName: string;
  siteId: string;
  language: Language;
  siteRole: SiteRole;
  /** The district or commune a district office works for. */
  sitePlaceId: string | null;
  /** The folder bundles are exchanged through (null: none set). */
  exchangeFolder: string | null;
  /** Days without a bundle before an office is a reminder (14 unless set). */
  reminderDays: number;
  /** The report's letterhead as set ('' where not set), and what the report prints where not set. */
  reportForm: ReportFormSettings;
  reportFormDefaults: ReportFormSettings;
}

export const settingsMethods = {
  'settings.get': method<Settings>()(EmptyInput),
  'settings.update': method<Settings>()(SettingsUpdateInput),
} as const;
