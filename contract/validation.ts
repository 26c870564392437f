/** Turns a schema failure into the contract's bilingual error, naming the field in the user's words. */
import type { z } from 'zod';
import type { Bilingual, LedgerErrorShape } from './errors';

const FIELD_LABELS: Record<string, Bilingual> = {
  id: { vi: 'Mã bản ghi', en: 'Record id' },
  name: { vi: 'Tên', en: 'Name' },
  level: { vi: 'Cấp', en: 'Level' },
  parentId: { vi: 'Đơn vị cấp trên', en: 'Parent unit' },
  code: { vi: 'Mã đơn vị', en: 'Code' },
  validFrom: { vi: 'Hiệu lực từ', en: 'Valid from' },
  validTo: { vi: 'Hiệu lực đến', en: 'Valid to' },
  successorIds: { vi: 'Đơn vị kế thừa', en: 'Successor units' },
  shortName: { vi: 'Tên viết tắt', en: 'Short name' },
  country: { vi: 'Quốc gia', en: 'Country' },
  kind: { vi: 'Loại hỗ trợ', en: 'Kind of aid' },
  notes: { vi: 'Ghi chú', en: 'Notes' },
  donorId: { vi: 'Nhà tài trợ', en: 'Donor' },
  intoId: { vi: 'Gộp vào', en: 'Merge into' },
  mergedInto: { vi: 'Gộp vào', en: 'Merged into' },
  placeId: { vi: 'Địa bàn', en: 'Place' },
  todayPlaceId: { vi: 'Nay thuộc', en: 'Today in' },
  todayPlaceIds: { vi: 'Nay thuộc', en: 'Today in' },
  description: { vi: 'Nội dung', en: 'Description' },
  quantity: { vi: 'Số lượng', en: 'Quantity' },
  unit: { vi: 'Đơn vị tính', en: 'Unit' },
  unitValueMinor: { vi: 'Đơn giá', en: 'Unit value' },
  amountMinor: { vi: 'Thành tiền', en: 'Amount' },
  currency: { vi: 'Loại tiền', en: 'Currency' },
  rate: { vi: 'Tỷ giá', en: 'Exchange rate' },
  rateDate: { vi: 'Ngày tỷ giá', en: 'Rate date' },
  rateSource: { vi: 'Nguồn tỷ giá', en: 'Rate source' },
  pledgeDate: { vi: 'Ngày cam kết', en: 'Pledge date' },
  vndEquivalent: { vi: 'Quy đổi VND', en: 'VND equivalent' },
  status: { vi: 'Trạng thái', en: 'Status' },
  beneficiaries: { vi: 'Số người hưởng lợi', en: 'Beneficiaries' },
  approvalNumber: { vi: 'Số văn bản phê duyệt', en: 'Approval document no.' },
  approvalDate: { vi: 'Ngày phê duyệt', en: 'Approval date' },
  reason: { vi: 'Lý do điều chỉnh', en: 'Reason for the change' },
  pledgeId: { vi: 'Cam kết', en: 'Pledge' },
  deliveryDate: { vi: 'Ngày giao/giải ngân', en: 'Delivery date' },
  validOn: { vi: 'Áp dụng cho', en: 'Applies to' },
  source: { vi: 'Nguồn', en: 'Source' },
  date: { vi: 'Ngày', en: 'Date' },
  from: { vi: 'Từ ngày', en: 'From' },
  to: { vi: 'Đến ngày', en: 'To' },
  unitsOf: { vi: 'Theo đơn vị hành chính ngày', en: 'Units as of' },
  province: { vi: 'Tỉnh, thành phố', en: 'Province' },
  text: { vi: 'Từ khóa', en: 'Search text' },
  by: { vi: 'Nhóm theo', en: 'Group by' },
  offset: { vi: 'Vị trí trang', en: 'Page offset' },
  limit: { vi: 'Số dòng mỗi trang', en: 'Page size' },
  departmentName: { vi: 'Tên cơ quan', en: 'Department name' },
  reportGoverningBody: { vi: 'Cơ quan chủ quản (trên báo cáo)', en: 'Governing body (on reports)' },
  reportOffice: { vi: 'Cơ quan ban hành báo cáo', en: 'Issuing office' },
  reportSymbol: { vi: 'Ký hiệu cơ quan', en: 'Office symbol' },
  reportPlace: { vi: 'Địa danh', en: 'Place name' },
  addresseeQuarter: { vi: 'Kính gửi (báo cáo quý)', en: 'Addressee (quarterly report)' },
  addresseeHalf: { vi: 'Kính gửi (báo cáo 6 tháng)', en: 'Addressee (6-month report)' },
  addresseeYear: { vi: 'Kính gửi (báo cáo năm)', en: 'Addressee (annual report)' },
  documentNumber: { vi: 'Số báo cáo', en: 'Report number' },
  addressee: { vi: 'Kính gửi', en: 'Addressee' },
  siteName: { vi: 'Tên đơn vị và máy', en: 'Office and computer' },
  userName: { vi: 'Người sử dụng', en: 'User' },
  language: { vi: 'Ngôn ngữ', en: 'Language' },
  rollUpUnder: { vi: 'Gộp theo đơn vị', en: 'Roll up under' },
  itemId: { vi: 'Khoản viện trợ', en: 'Aid item' },
  modality: { vi: 'Hình thức', en: 'Modality' },
  sector: { vi: 'Lĩnh vực', en: 'Sector' },
  coDonorIds: { vi: 'Nhà tài trợ cùng tham gia', en: 'Co-donors' },
  governingBody: { vi: 'Cơ quan chủ quản', en: 'Governing body' },
  aidOwner: { vi: 'Chủ khoản viện trợ', en: 'Aid owner' },
  placeIds: { vi: 'Địa bàn thực hiện', en: 'Places' },
  startDate: { vi: 'Thời gian bắt đầu', en: 'Start date' },
  endDate: { vi: 'Thời gian kết thúc', en: 'End date' },
  valueMinor: { vi: 'Giá trị viện trợ', en: 'Aid value' },
  valueCurrency: { vi: 'Loại tiền của giá trị viện trợ', en: 'Currency of the aid value' },
  counterpartMinor: { vi: 'Vốn đối ứng', en: 'Counterpart funds' },
  counterpartCurrency: { vi: 'Loại tiền của vốn đối ứng', en: 'Currency of the counterpart funds' },
  budgetRevenue: { vi: 'Ghi thu ngân sách nhà nước', en: 'Counted as state budget revenue' },
  approvedBy: { vi: 'Cấp phê duyệt', en: 'Approved by' },
  stage: { vi: 'Giai đoạn', en: 'Stage' },
  stageDate: { vi: 'Ngày của giai đoạn', en: 'Stage date' },
  document: { vi: 'Văn bản', en: 'Document' },
  note: { vi: 'Ghi chú', en: 'Note' },
  recipient: { vi: 'Người/đơn vị nhận', en: 'Recipient' },
  village: { vi: 'Thôn', en: 'Village' },
  pledgeIds: { vi: 'Các dòng cam kết', en: 'Pledge lines' },
  year: { vi: 'Năm', en: 'Year' },
  half: { vi: 'Sáu tháng', en: 'Half-year' },
  today: { vi: 'Ngày tính', en: 'As of' },
  exchangeFolder: { vi: 'Thư mục trao đổi', en: 'Exchange folder' },
  reminderDays: { vi: 'Số ngày nhắc', en: 'Reminder after (days)' },
  cutoff: { vi: 'Cách tính kỳ báo cáo', en: 'Report period rule' },
  reportCutoff: { vi: 'Cách tính kỳ báo cáo', en: 'Report period rule' },
  day: { vi: 'Hạn gửi báo cáo (ngày)', en: 'Report deadline (day)' },
  fileNames: { vi: 'Gói trong thư mục trao đổi', en: 'Bundles in the exchange folder' },
  card: { vi: 'Thẻ đơn vị', en: 'Office card' },
  officeCode: { vi: 'Mã xác nhận của đơn vị', en: "The office's code" },
  role: { vi: 'Vai trò', en: 'Role' },
  number: { vi: 'Số giấy đăng ký', en: 'Certificate number' },
  issuedBy: { vi: 'Cơ quan cấp', en: 'Issued by' },
  issuedOn: { vi: 'Ngày cấp', en: 'Date of issue' },
  validUntil: { vi: 'Có giá trị đến', en: 'Valid until' },
  provinces: { vi: 'Địa bàn hoạt động', en: 'Provinces' },
  fields: { vi: 'Lĩnh vực hoạt động', en: 'Fields' },
  officeCity: { vi: 'Nơi đặt văn phòng đại diện', en: 'Representative office city' },
  decisionNumber: { vi: 'Số quyết định', en: 'Decision number' },
  decisionDate: { vi: 'Ngày quyết định', en: 'Decision date' },
  homeCountry: { vi: 'Quốc gia đăng ký', en: 'Home country' },
  homeRegistration: { vi: 'Đăng ký tại nước sở tại', en: 'Registration at home' },
  homeRegistrationUntil: { vi: 'Thời hạn đăng ký tại nước sở tại', en: 'Registration at home until' },
  officeAddress: { vi: 'Địa chỉ văn phòng', en: 'Office address' },
  headName: { vi: 'Người đứng đầu', en: 'Head' },
  phone: { vi: 'Điện thoại', en: 'Phone' },
  email: { vi: 'Thư điện tử', en: 'E-mail' },
  certificateId: { vi: 'Giấy đăng ký', en: 'Certificate' },
  receivedOn: { vi: 'Ngày nhận', en: 'Date received' },
  periodFrom: { vi: 'Kỳ kế hoạch từ', en: 'Period from' },
  periodTo: { vi: 'Kỳ kế hoạch đến', en: 'Period to' },
  summary: { vi: 'Tóm tắt', en: 'Summary' },
  subject: { vi: 'Loại bản ghi', en: 'Kind of record' },
  holidays: { vi: 'Ngày nghỉ lễ, tết', en: 'Public holidays' },
  includeAcknowledged: { vi: 'Gồm cả cảnh báo đã ghi nhận', en: 'Acknowledged warnings too' },
  on: { vi: 'Tính đến ngày', en: 'As of' },
  siteId: { vi: 'Mã đơn vị gửi', en: 'Office id' },
  acceptUnsigned: { vi: 'Nhận gói chưa ký', en: 'Accept an unsigned bundle' },
};

export function fieldLabel(field: string): Bilingual {
  const last =
    field
      .split('.')
      .filter((p) => !/^\d+$/.test(p))
      .pop() ?? field;
  return FIELD_LABELS[last] ?? { vi: field, en: field };
}

/** Why a value fails a field's schema, in the words a refusal uses after the field's label. */
export function reason(issue: z.core.$ZodIssue): Bilingual {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? { vi: 'bắt buộc phải nhập', en: 'is required' }
        : { vi: `sai kiểu dữ liệu (cần ${issue.expected})`, en: `has the wrong type (expected ${issue.expected})` };
    case 'too_small':
      return issue.origin === 'string'
        ? Number(issue.minimum) <= 1
          ? { vi: 'không được để trống', en: 'must not be empty' }
          : { vi: `phải có ít nhất ${issue.minimum} ký tự`, en: `must have at least ${issue.minimum} characters` }
        : { vi: `phải lớn hơn hoặc bằng ${issue.minimum}`, en: `must be at least ${issue.minimum}` };
    case 'too_big':
      return issue.origin === 'string'
        ? { vi: `dài quá ${issue.maximum} ký tự`, en: `is longer than ${issue.maximum} characters` }
        : issue.origin === 'array'
          ? { vi: `có quá ${issue.maximum} mục`, en: `has more than ${issue.maximum} items` }
          : { vi: `vượt quá giới hạn ${issue.maximum}`, en: `exceeds the limit of ${issue.maximum}` };
    case 'invalid_format':
      if (issue.message === 'office_symbol')
        return {
          vi: 'chỉ gồm chữ và số, các nhóm nối bằng dấu gạch nối, không có khoảng trắng (ví dụ SNgV, VP)',
          en: 'takes letters and digits only, groups joined by hyphens, no spaces (e.g. SNgV, VP)',
        };
      return { vi: 'sai định dạng', en: 'has an invalid format' };
    case 'invalid_value':
      return {
        vi: `phải là một trong: ${issue.values.join(', ')}`,
        en: `must be one of: ${issue.values.join(', ')}`,
      };
    case 'unrecognized_keys':
      return {
        vi: `có trường không hợp lệ: ${issue.keys.join(', ')}`,
        en: `has unknown fields: ${issue.keys.join(', ')}`,
      };
    case 'custom':
      if (issue.message === 'not_a_date') return { vi: 'không phải ngày hợp lệ', en: 'is not a valid date' };
      if (issue.message === 'unknown_currency')
        return { vi: 'không phải mã tiền tệ được hỗ trợ', en: 'is not a supported currency code' };
      if (issue.message === 'zero_rate') return { vi: 'phải lớn hơn 0', en: 'must be greater than 0' };
      if (issue.message === 'control_character') {
        return {
          vi: 'chứa ký tự điều khiển (xuống dòng, tab hoặc ký tự ẩn)',
          en: 'contains a control character (line break, tab or hidden character)',
        };
      }
      return { vi: 'không hợp lệ', en: 'is invalid' };
    default:
      return { vi: 'không hợp lệ', en: 'is invalid' };
  }
}

export function describeZodError(error: z.ZodError): LedgerErrorShape {
  const issue = error.issues[0]!;
  const path = issue.path.map(String).join('.');
  const field = issue.code === 'unrecognized_keys' && path === '' ? (issue.keys[0] ?? '') : path;
  const label = field ? fieldLabel(field) : { vi: 'Dữ liệu', en: 'Input' };
  const why = reason(issue);
  const shape: LedgerErrorShape = {
    code: 'invalid_input',
    message: { vi: `${label.vi}: ${why.vi}`, en: `${label.en}: ${why.en}` },
  };
  if (field) shape.field = field;
  return shape;
}
