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
}

export const settingsMethods = {
  'settings.get': method<Settings>()(EmptyInput),
  'settings.update': method<Settings>()(SettingsUpdateInput),
} as const;
