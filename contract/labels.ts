/** Names of the ledger's fixed vocabularies, one table per language (used by the CLI, reports and UI). */
import type { DonorKind, PlaceLevel, PledgeKind, PledgeStatus } from './index';

export type Lang = 'vi' | 'en';

/** The data-entry template's column headers (Vietnamese, as in the files) in English, for the English UI. */
export const TEMPLATE_HEADERS_EN: Record<string, string> = {
  'Ngày cam kết': 'Pledge date', 'Nhà tài trợ': 'Donor', 'Quốc gia': 'Country', 'Địa bàn': 'Place', 'Loại hỗ trợ': 'Kind', 'Nội dung': 'Description',
  'Số lượng': 'Quantity', 'Đơn vị tính': 'Unit', 'Đơn giá': 'Unit value', 'Thành tiền': 'Amount', 'Loại tiền': 'Currency', 'Tỷ giá': 'Exchange rate',
  'Số người hưởng lợi': 'Beneficiaries', 'Trạng thái': 'Status', 'Ghi chú': 'Notes',
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
  }
> = {
  vi: {
    pledgeKind: {
      house: 'Nhà ở', gift: 'Quà', scholarship: 'Học bổng', cash: 'Tiền mặt',
      equipment: 'Trang thiết bị', project: 'Dự án', other: 'Khác',
    },
    pledgeStatus: { pledged: 'Cam kết', in_progress: 'Đang thực hiện', completed: 'Hoàn thành', cancelled: 'Hủy' },
    donorKind: {
      foreign_ngo: 'Tổ chức phi chính phủ nước ngoài', foundation: 'Quỹ', company: 'Doanh nghiệp',
      individual: 'Cá nhân', domestic_intermediary: 'Tổ chức trung gian trong nước',
    },
    placeLevel: { province: 'Tỉnh', district: 'Huyện', commune: 'Xã' },
    quarter: (year, q) => `Quý ${q}/${year}`,
    formerUnit: '(đơn vị cũ)',
  },
  en: {
    pledgeKind: {
      house: 'Houses', gift: 'Gifts', scholarship: 'Scholarships', cash: 'Cash',
      equipment: 'Equipment', project: 'Projects', other: 'Other',
    },
    pledgeStatus: { pledged: 'Pledged', in_progress: 'In progress', completed: 'Completed', cancelled: 'Cancelled' },
    donorKind: {
      foreign_ngo: 'Foreign NGO', foundation: 'Foundation', company: 'Company',
      individual: 'Individual', domestic_intermediary: 'Domestic intermediary',
    },
    placeLevel: { province: 'Province', district: 'District', commune: 'Commune' },
    quarter: (year, q) => `Q${q} ${year}`,
    formerUnit: '(former unit)',
  },
};
