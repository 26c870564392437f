/**
 * What a report's form prints where the department has set nothing (Decree 30/2020/NĐ-CP, Mẫu 1.4): the governing body
 * and the place from the ledger's province, the issuing office from the older department-name setting or else the
 * Văn phòng UBND tỉnh (see `form.ts`), its symbol, and the province's People's Committee as the addressee.
 */
import type { ReportFormSettings } from '../../contract';
import { foldText } from '../../contract/text';

/** The province as the form names it: its type and name, "tỉnh Tuyên Quang". */
export interface Province {
  unitType: string;
  name: string;
}

export const SO_NGOAI_VU = 'SỞ NGOẠI VỤ';
export const VAN_PHONG = 'VĂN PHÒNG';
const upper = (text: string) => text.toLocaleUpperCase('vi');
export const lower = (text: string) => text.toLocaleLowerCase('vi');

/** The office line from the older department-name setting: the province's name after it dropped (it is above). */
function officeFromDepartment(department: string, province: Province | null): string {
  const name = upper(department.trim());
  if (!province) return name;
  const suffix = ` ${upper(province.unitType)} ${upper(province.name)}`;
  return foldText(name).endsWith(foldText(suffix)) ? name.slice(0, name.length - suffix.length).trim() : name;
}

/** What the report prints where the department has set nothing. */
export function reportFormDefaults(province: Province | null, departmentName: string): ReportFormSettings {
  const office = departmentName.trim()
    ? officeFromDepartment(departmentName, province)
    : province
      ? VAN_PHONG
      : // A national ledger is kept by the committee for foreign NGO affairs.
        'ỦY BAN CÔNG TÁC VỀ CÁC TỔ CHỨC PHI CHÍNH PHỦ NƯỚC NGOÀI';
  const committee = province ? `Ủy ban nhân dân ${lower(province.unitType)} ${province.name}` : 'Bộ Ngoại giao';
  return {
    // Decree 30: the governing body's name abbreviates its common words ("UBND"), in capitals.
    reportGoverningBody: province ? `UBND ${upper(province.unitType)} ${upper(province.name)}` : '',
    reportOffice: office,
    reportSymbol: symbolOf(office),
    reportPlace: province?.name ?? 'Hà Nội',
    addresseeQuarter: committee,
    addresseeHalf: committee,
    addresseeYear: committee,
  };
}

/** The symbols in use for the two offices that do this work (the head of the office sets it; Decree 30, Phụ lục I). */
export function symbolOf(office: string): string {
  if (office === SO_NGOAI_VU) return 'SNgV';
  if (office.startsWith(VAN_PHONG)) return 'VP';
  return '';
}
