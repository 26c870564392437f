/** Settings kept in the ledger file: the department's name, this installation's name, the UI language. */
import type { Language, ParsedInput, ReportFormSettings, Settings, SiteRole } from '../contract';
import type { Ctx } from './core/context';
import { servedProvince } from './places/install';
import { reportFormDefaults } from './reports/form-defaults';
import { checkExchangeFolder } from './sync/folder-check';
import { reportRulesOf, saveReportRules } from './reports/rules';

const KEYS = {
  departmentName: 'department.name',
  siteName: 'site.name',
  userName: 'user.name',
  language: 'ui.language',
  siteRole: 'site.role',
  sitePlaceId: 'site.placeId',
  exchangeFolder: 'sync.exchangeFolder',
  reminderDays: 'sync.reminderDays',
  // The report's letterhead and addressees (db/reports/form.ts).
  reportGoverningBody: 'report.governingBody',
  reportOffice: 'report.office',
  reportSymbol: 'report.symbol',
  reportPlace: 'report.place',
  addresseeQuarter: 'report.addressee.quarter',
  addresseeHalf: 'report.addressee.half',
  addresseeYear: 'report.addressee.year',
} as const;

const REPORT_FORM_KEYS = [
  'reportGoverningBody',
  'reportOffice',
  'reportSymbol',
  'reportPlace',
  'addresseeQuarter',
  'addresseeHalf',
  'addresseeYear',
] as const;

/** Days without a bundle from an office before it is a reminder, unless the department sets another number. */
export const DEFAULT_REMINDER_DAYS = 14;

export async function getSettings(ctx: Ctx): Promise<Settings> {
  const rows = await ctx.db.selectFrom('settings').select(['key', 'value']).execute();
  const values = new Map(rows.map((r) => [r.key, r.value]));
  const departmentName = values.get(KEYS.departmentName) ?? '';
  const province = await servedProvince(ctx);
  return {
    departmentName,
    siteName: values.get(KEYS.siteName) ?? ctx.site.name,
    userName: values.get(KEYS.userName) ?? '',
    siteId: ctx.site.id,
    language: (values.get(KEYS.language) as Language | undefined) ?? 'vi',
    siteRole: (values.get(KEYS.siteRole) as SiteRole | undefined) ?? 'province',
    sitePlaceId: values.get(KEYS.sitePlaceId) || null,
    exchangeFolder: values.get(KEYS.exchangeFolder) || null,
    reminderDays: Number(values.get(KEYS.reminderDays)) || DEFAULT_REMINDER_DAYS,
    // The report period rule and each report kind's deadline (db/reports/rules.ts).
    ...reportRulesOf(values),
    reportForm: Object.fromEntries(
      REPORT_FORM_KEYS.map((key) => [key, values.get(KEYS[key]) ?? '']),
    ) as ReportFormSettings,
    reportFormDefaults: reportFormDefaults(
      province ? { unitType: province.unitType ?? 'Tỉnh', name: province.name } : null,
      departmentName,
    ),
  };
}

export async function updateSettings(ctx: Ctx, input: ParsedInput<'settings.update'>): Promise<Settings> {
  // A folder set must be one this computer can reach now; it is told at once, not at the first exchange.
  if (input.exchangeFolder) checkExchangeFolder(input.exchangeFolder);
  await saveReportRules(ctx, input);
  for (const field of Object.keys(KEYS) as (keyof typeof KEYS)[]) {
    const given = input[field];
    if (given === undefined) continue;
    const value = given === null ? '' : String(given);
    await ctx.db
      .insertInto('settings')
      .values({ key: KEYS[field], value, updatedAt: ctx.now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value, updatedAt: ctx.now }))
      .execute();
  }
  // The name recorded with this installation's changes follows the setting at once.
  if (input.siteName) ctx.site.name = input.siteName;
  if (input.userName) ctx.site.userName = input.userName;
  return getSettings(ctx);
}
