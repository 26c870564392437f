/** Names of the ledger's fixed vocabularies, one table per language (used by the CLI, reports and UI). */
import type { DonorKind } from './donors';
import type { PlaceLevel } from './fields';
import type { AidModality, AidStage, DeadlineKind, ItemScope, StandardSector } from './items';
import type { PledgeKind, PledgeStatus } from './pledges';

export type Lang = 'vi' | 'en';

/** The data-entry template's column headers (Vietnamese, as in the files) in English, for the English UI. */
export const TEMPLATE_HEADERS_EN: Record<string, string> = {
  'Ngày cam kết': 'Pledge date',
  'Nhà tài trợ': 'Donor',
  'Quốc gia': 'Country',
  'Địa bàn': 'Place',
  'Loại hỗ trợ': 'Kind',
  'Nội dung': 'Description',
  'Số lượng': 'Quantity',
  'Đơn vị tính': 'Unit',
  'Đơn giá': 'Unit value',
  'Thành tiền': 'Amount',
  'Loại tiền': 'Currency',
  'Tỷ giá': 'Exchange rate',
  'Số người hưởng lợi': 'Beneficiaries',
  'Trạng thái': 'Status',
  'Ghi chú': 'Notes',
  'Nay thuộc': 'Today in',
};

export const VOCABULARY: Record<
  Lang,
  {
    pledgeKind: Record<PledgeKind, string>;
    pledgeStatus: Record<PledgeStatus, string>;
    donorKind: Record<DonorKind, string>;
    placeLevel: Record<PlaceLevel, string>;
    quarter: (year: string, quarter: string) => string;
    /** Appended to a former unit's name in figures shown in today's units. */
    formerUnit: string;
    /** Appended to the name of a unit no longer in force, with the first day it was not ("01/07/2025"). */
    formerBefore: (day: string) => string;
  }
> = {
  vi: {
    pledgeKind: {
      house: 'Nhà ở',
      gift: 'Quà',
      scholarship: 'Học bổng',
      cash: 'Tiền mặt',
      equipment: 'Trang thiết bị',
      project: 'Dự án',
      other: 'Khác',
    },
    pledgeStatus: { pledged: 'Cam kết', in_progress: 'Đang thực hiện', completed: 'Hoàn thành', cancelled: 'Hủy' },
    donorKind: {
      foreign_ngo: 'Tổ chức phi chính phủ nước ngoài',
      foundation: 'Quỹ',
      company: 'Doanh nghiệp',
      individual: 'Cá nhân',
      domestic_intermediary: 'Tổ chức trung gian trong nước',
    },
    placeLevel: { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' },
    quarter: (year, q) => `Quý ${q}/${year}`,
    formerUnit: '(đơn vị cũ)',
    formerBefore: (day) => `(trước ${day})`,
  },
  en: {
    pledgeKind: {
      house: 'Houses',
      gift: 'Gifts',
      scholarship: 'Scholarships',
      cash: 'Cash',
      equipment: 'Equipment',
      project: 'Projects',
      other: 'Other',
    },
    pledgeStatus: { pledged: 'Pledged', in_progress: 'In progress', completed: 'Completed', cancelled: 'Cancelled' },
    donorKind: {
      foreign_ngo: 'Foreign NGO',
      foundation: 'Foundation',
      company: 'Company',
      individual: 'Individual',
      domestic_intermediary: 'Domestic intermediary',
    },
    placeLevel: { province: 'Province', district: 'District', commune: 'Commune' },
    quarter: (year, q) => `Q${q} ${year}`,
    formerUnit: '(former unit)',
    formerBefore: (day) => `(before ${day})`,
  },
};

/** The aid items' vocabularies (modality, standard sectors, stages, deadlines), one table per language. */
export const ITEM_VOCABULARY: Record<
  Lang,
  {
    modality: Record<AidModality, string>;
    sector: Record<StandardSector, string>;
    stage: Record<AidStage, string>;
    deadline: Record<DeadlineKind, string>;
    withoutItem: string;
    /** The names of what a scope chooses by: "Lĩnh vực: Y tế; Hình thức: Dự án". */
    scopeBy: { sectors: string; modalities: string; stages: string };
  }
> = {
  vi: {
    modality: { programme: 'Chương trình', project: 'Dự án', non_project: 'Phi dự án' },
    sector: {
      health: 'Y tế',
      education: 'Giáo dục và đào tạo',
      social: 'Giải quyết các vấn đề xã hội',
      socioeconomic: 'Phát triển kinh tế - xã hội',
      agriculture: 'Nông nghiệp và phát triển nông thôn',
      environment: 'Tài nguyên và môi trường',
      other: 'Khác',
    },
    stage: {
      proposed: 'Đề xuất',
      appraised: 'Thẩm định',
      approved: 'Đã phê duyệt',
      implementing: 'Đang thực hiện',
      ended: 'Đã kết thúc',
      settled: 'Đã quyết toán',
      rejected: 'Không phê duyệt',
      revoked: 'Thu hồi',
    },
    deadline: {
      start_or_revoke: 'Chưa triển khai sau 6 tháng kể từ ngày phê duyệt (có thể bị thu hồi)',
      end_report: 'Báo cáo kết thúc (trong 6 tháng sau khi kết thúc)',
      annual_report: 'Báo cáo năm (trước ngày 15/01)',
    },
    withoutItem: 'Chưa gắn khoản viện trợ',
    scopeBy: { sectors: 'Lĩnh vực', modalities: 'Hình thức', stages: 'Giai đoạn' },
  },
  en: {
    modality: { programme: 'Programme', project: 'Project', non_project: 'Non-project aid' },
    sector: {
      health: 'Health',
      education: 'Education and training',
      social: 'Social issues',
      socioeconomic: 'Socio-economic development',
      agriculture: 'Agriculture and rural development',
      environment: 'Natural resources and environment',
      other: 'Other',
    },
    stage: {
      proposed: 'Proposed',
      appraised: 'Appraised',
      approved: 'Approved',
      implementing: 'Under way',
      ended: 'Ended',
      settled: 'Settled',
      rejected: 'Not approved',
      revoked: 'Revoked',
    },
    deadline: {
      start_or_revoke: 'Not started 6 months after approval (the approval may be revoked)',
      end_report: 'End report (within 6 months after the end)',
      annual_report: 'Annual report (by 15 January)',
    },
    withoutItem: 'Not in an aid item',
    scopeBy: { sectors: 'Sector', modalities: 'Modality', stages: 'Stage' },
  },
};

/** A key's label in a vocabulary table, or the key itself; only the table's own keys count (never "__proto__"). */
export function labelIn(table: Record<string, string>, key: string): string {
  return Object.hasOwn(table, key) ? table[key]! : key;
}

/** A sector's name: a standard sector's in the language, a department's own as it was written. */
export function sectorLabel(sector: string, lang: Lang): string {
  return labelIn(ITEM_VOCABULARY[lang].sector, sector);
}

/** What a scope of aid items chooses, in words ("Lĩnh vực: Y tế, Khác; Hình thức: Dự án"); '' when it chooses nothing. */
export function describeItemScope(scope: ItemScope | null | undefined, lang: Lang): string {
  if (!scope) return '';
  const words = ITEM_VOCABULARY[lang];
  const parts = [
    ['sectors', (scope.sectors ?? []).map((s) => sectorLabel(s, lang))],
    ['modalities', (scope.modalities ?? []).map((m) => labelIn(words.modality, m))],
    ['stages', (scope.stages ?? []).map((s) => labelIn(words.stage, s))],
  ] as const;
  return parts
    .filter(([, labels]) => labels.length)
    .map(([by, labels]) => `${words.scopeBy[by]}: ${labels.join(', ')}`)
    .join('; ');
}
