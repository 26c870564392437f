/** The ledger's province as Cài đặt shows it, and the department name it offers as an example, made from it. */
import type { TFunction } from 'i18next';
import type { PlacesSetup, ReportFormSettings } from '../../../contract';

/** "Tỉnh Tuyên Quang", the whole country, or null for a ledger of an earlier release that never chose one. */
export function ledgerProvinceName(setup: PlacesSetup, t: TFunction): string | null {
  if (setup.province === 'all') return t('province.all');
  const province = setup.provinces.find((p) => p.code === setup.province);
  return province ? `${province.type} ${province.name}` : null;
}

/**
 * The example of a department name: the Văn phòng UBND of the ledger's province ("VĂN PHÒNG UBND TỈNH TUYÊN QUANG"),
 * the default issuing office since the 2025 reorganisation (see db/reports/form.ts); for a ledger that never chose
 * its province, the office its report form defaults to; for the whole country, the committee that keeps it.
 */
export function departmentExample(setup: PlacesSetup | undefined, defaults: ReportFormSettings): string {
  const province = setup?.provinces.find((p) => p.code === setup.province);
  if (province) return `VĂN PHÒNG UBND ${`${province.type} ${province.name}`.toLocaleUpperCase('vi')}`;
  if (setup?.province !== 'all' && defaults.reportGoverningBody) return `VĂN PHÒNG ${defaults.reportGoverningBody}`;
  return defaults.reportOffice;
}
