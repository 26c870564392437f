/**
 * The lines of the official form a report is written in (Decree 30/2020/NĐ-CP, Phụ lục I and Phụ lục III, Mẫu 1.4 for
 * the report, Mẫu 2.1 for its appendices): the governing body over the issuing office, "Số: 05/BC-SNgV", the place and
 * date, "Kính gửi", and who signs. Each is a setting of the department; where unset, a default from the province.
 *
 * The issuing office is never assumed to be a Sở Ngoại vụ: after the 2025 reorganisation (Decree 150/2025/NĐ-CP) many
 * provinces moved the work to the Văn phòng UBND tỉnh, which every province has, so that is the default. A ledger
 * whose department name (the older setting) names its office keeps that office: "SỞ NGOẠI VỤ TỈNH CAO BẰNG" prints
 * "SỞ NGOẠI VỤ" under "UBND TỈNH CAO BẰNG", and stays the office's full name after "của" in an appendix's heading.
 * "VĂN PHÒNG" under "UBND TỈNH …" and its symbol "VP" follow Decree 30's rule for an office under its governing body
 * (the symbol is the head of the office's to set); no report of a Văn phòng was seen to confirm them.
 */
import type { ParsedInput, ReportFormSettings } from '../../contract';
import type { Ctx } from '../core/context';
import { servedProvince } from '../places/install';
import { getSettings } from '../settings';
import { lower, type Province, SO_NGOAI_VU, symbolOf, VAN_PHONG } from './form-defaults';

/** Everything the report's letterhead, appendix headings and signature print. */
export interface ReportForm {
  lang: 'vi' | 'en';
  /** "UBND TỈNH TUYÊN QUANG" ('' prints no line). */
  governingBody: string;
  /** "SỞ NGOẠI VỤ" */
  office: string;
  /** The office's name in a sentence: "Sở Ngoại vụ tỉnh Tuyên Quang". */
  officeName: string;
  /** "SNgV" ('' prints "Số: 05/BC"). */
  symbol: string;
  number: number;
  /** "Tuyên Quang" */
  place: string;
  /** The day the report is dated (YYYY-MM-DD). */
  dated: string;
  /** One recipient a line. */
  addressee: string;
  /** The signing authority's title: "GIÁM ĐỐC". */
  signer: string;
}

/** The office's name in a sentence, for "(Kèm theo Báo cáo số … của Sở Ngoại vụ tỉnh Tuyên Quang)". */
function officeNameOf(office: string, departmentName: string, province: Province | null): string {
  if (departmentName.trim()) return departmentName.trim();
  const where = province ? ` ${lower(province.unitType)} ${province.name}` : '';
  if (office === SO_NGOAI_VU) return `Sở Ngoại vụ${where}`;
  if (office === VAN_PHONG) return `Văn phòng UBND${where}`;
  return office.charAt(0) + lower(office.slice(1));
}

/** Who signs for the office: its head's title (Decree 30, Mẫu 1.4, box 7). */
function signerOf(office: string): string {
  if (office.startsWith(SO_NGOAI_VU)) return 'GIÁM ĐỐC';
  if (office.startsWith(VAN_PHONG)) return 'CHÁNH VĂN PHÒNG';
  return 'THỦ TRƯỞNG CƠ QUAN';
}

/** The form as set, each line unset taken from the defaults; its number and addressee as given on the report screen. */
export function resolveForm(
  set: ReportFormSettings,
  defaults: ReportFormSettings,
  departmentName: string,
  province: Province | null,
  asked: { kind: 'quarter' | 'half' | 'year'; number: number; dated: string; addressee?: string; lang: 'vi' | 'en' },
): ReportForm {
  const pick = (key: keyof ReportFormSettings) => set[key] || defaults[key];
  const office = pick('reportOffice');
  const byKind = { quarter: 'addresseeQuarter', half: 'addresseeHalf', year: 'addresseeYear' } as const;
  return {
    lang: asked.lang,
    governingBody: pick('reportGoverningBody'),
    office,
    officeName: set.reportOffice ? officeNameOf(office, '', province) : officeNameOf(office, departmentName, province),
    // A symbol set is the department's; otherwise the one of the office printed.
    symbol: set.reportSymbol || (set.reportOffice ? symbolOf(office) : defaults.reportSymbol),
    number: asked.number,
    place: pick('reportPlace'),
    dated: asked.dated,
    addressee: asked.addressee || pick(byKind[asked.kind]),
    signer: signerOf(office),
  };
}

/**
 * The next number of the year: one more than the reports sent in the year of `dated`. A number typed on the report
 * screen is used as typed.
 */
async function nextNumber(ctx: Ctx, dated: string): Promise<number> {
  const year = dated.slice(0, 4);
  const row = await ctx.db
    .selectFrom('reportsSent')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('madeAt', '>=', `${year}-01-01`)
    .where('madeAt', '<', `${Number(year) + 1}-01-01`)
    .executeTakeFirstOrThrow();
  return Number(row.n) + 1;
}

/** The form of a report about to be written: the settings, the province, and what the report screen gave. */
export async function reportForm(
  ctx: Ctx,
  input: ParsedInput<'reports.xlsx'>,
  kind: 'quarter' | 'half' | 'year',
  dated: string,
): Promise<ReportForm> {
  const settings = await getSettings(ctx);
  const province = await servedProvince(ctx);
  const where = province ? { unitType: province.unitType ?? 'Tỉnh', name: province.name } : null;
  return resolveForm(settings.reportForm, settings.reportFormDefaults, settings.departmentName, where, {
    kind,
    number: input.documentNumber ?? (await nextNumber(ctx, dated)),
    dated,
    ...(input.addressee ? { addressee: input.addressee } : {}),
    lang: input.lang,
  });
}
