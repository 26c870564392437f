/**
 * Header rows in the layouts of the lists provincial and district offices make of aid: the quarterly and yearly reports
 * on foreign non-governmental aid (viện trợ PCPNN) that departments and district People's Committees send the
 * province under Decree 80/2020/NĐ-CP (from 08/12/2025 Decree 313/2025/NĐ-CP), the lists of households and units that
 * received support attached to district and commune decisions, and the summary tables of provincial reports. Each row
 * keeps its headers as such tables write them — case, line breaks inside a cell, abbreviations, units in brackets —
 * and names the kind of document whose layout it follows.
 *
 * A row is either composed after such a layout (`source` names the kind of list) or copied cell for cell from one
 * published document (`published` gives its address, its number and title, and the table or form holding the row).
 * Every row below is composed: none is yet copied from a published list. The test reports the two kinds apart, so the
 * figure for published rows is never read into the composed ones.
 *
 * `receipts`: a list of aid received and handed over, with receipt columns ("Ngày nhận", "Đã nhận") or recipients'.
 */
/** A published document a header row is copied from, and where in it the row stands. */
export interface PublishedSource {
  /** The address the document is published at. */
  url: string;
  /** Its number and title ("Quyết định 2659/QĐ-UBND ngày 02/11/2022 của UBND tỉnh An Giang ..."). */
  document: string;
  /** The table or form holding the row ("Phụ lục II, Biểu 01"). */
  table: string;
}

export interface CorpusRow {
  /** The kind of list whose layout the row follows. */
  source: string;
  headers: string[];
  receipts?: boolean;
  /** The published document the headers are copied from; absent on a row composed after a layout. */
  published?: PublishedSource;
}

const QUARTER_REPORT = 'Báo cáo quý tình hình tiếp nhận viện trợ PCPNN của UBND huyện gửi Sở Ngoại vụ (phụ lục)';
const YEAR_REPORT = 'Báo cáo năm về công tác quản lý, sử dụng viện trợ PCPNN của tỉnh (biểu tổng hợp)';
const DEPT_REPORT = 'Báo cáo của sở, ngành về các khoản viện trợ PCPNN đơn vị tiếp nhận';
const ITEM_REPORT = 'Danh mục khoản viện trợ đã phê duyệt (Nghị định 80/2020/NĐ-CP, báo cáo 6 tháng/năm)';
const HOUSEHOLD_LIST = 'Danh sách hộ nhận hỗ trợ kèm quyết định của UBND huyện/xã';
const GIFT_LIST = 'Danh sách nhận quà (Tết, cứu trợ thiên tai) của UBND xã';
const SCHOOL_LIST = 'Danh sách trường học, trạm y tế nhận trang thiết bị';
const DISTRICT_SUMMARY = 'Biểu tổng hợp theo địa bàn trong báo cáo của tỉnh';
const COMMUNE_LIST = 'Bảng kê của UBND xã gửi phòng chuyên môn huyện';

export const HEADER_CORPUS: CorpusRow[] = [
  // District quarterly reports to the Department of Foreign Affairs.
  {
    source: QUARTER_REPORT,
    headers: [
      'STT',
      'Tên nhà tài trợ',
      'Quốc tịch',
      'Nội dung hỗ trợ',
      'Địa bàn thực hiện',
      'Giá trị (USD)',
      'Ghi chú',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: ['TT', 'Tên tổ chức', 'Quốc gia', 'Nội dung', 'Xã, thị trấn', 'Kinh phí (triệu đồng)', 'Thời gian'],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'STT',
      'Tổ chức tài trợ',
      'Nước',
      'Tên dự án/khoản viện trợ',
      'Địa bàn',
      'Tổng giá trị\n(USD)',
      'Ghi chú',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'TT',
      'Nhà tài trợ',
      'Nội dung hỗ trợ',
      'Xã/thị trấn',
      'Số lượng',
      'ĐVT',
      'Thành tiền (đồng)',
      'Ngày, tháng, năm',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'STT',
      'Tên NTT',
      'Quốc tịch',
      'Hạng mục hỗ trợ',
      'Đơn vị',
      'Giá trị (nghìn đồng)',
      'Thời gian thực hiện',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'STT',
      'Thời gian',
      'Tổ chức tài trợ',
      'Quốc gia',
      'Xã',
      'Nội dung hỗ trợ',
      'Giá trị quy đổi',
      'Mã hồ sơ',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'TT',
      'Tên tổ chức PCPNN',
      'Nội dung viện trợ',
      'Địa phương',
      'Số tiền (VNĐ)',
      'Ngày tiếp nhận',
      'Ghi chú',
    ],
    receipts: true,
  },
  {
    source: QUARTER_REPORT,
    headers: ['STT', 'Ngày', 'Nhà tài trợ', 'Huyện', 'Xã', 'Nội dung', 'Số tiền (đồng)', 'Ghi chú'],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'STT',
      'Tên nhà tài trợ nước ngoài',
      'Nước',
      'Lĩnh vực',
      'Nội dung',
      'Địa bàn',
      'Giá trị cam kết (USD)',
      'Ngày cam kết',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'TT',
      'NTT',
      'Quốc tịch',
      'Nội dung hỗ trợ',
      'Xã, phường, thị trấn',
      'SL',
      'ĐVT',
      'Đơn giá (đồng)',
      'Thành tiền (đồng)',
      'Thời gian',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'STT',
      'Tên tổ chức, cá nhân tài trợ',
      'Quốc tịch',
      'Nội dung tài trợ',
      'Xã',
      'Giá trị tài trợ (triệu đồng)',
      'Thời gian tài trợ',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'STT',
      'Đối tác',
      'Quốc gia',
      'Nội dung',
      'Địa bàn',
      'Kinh phí (USD)',
      'Tỷ giá',
      'Quy đổi (triệu đồng)',
      'Ngày',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'TT',
      'Nhà tài trợ',
      'Xã',
      'Loại hỗ trợ',
      'Nội dung',
      'Số lượng',
      'Đơn vị tính',
      'Giá trị (đồng)',
      'Ngày cam kết',
      'Tình trạng',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: ['STT', 'Ngày tháng', 'Đơn vị tài trợ', 'Nội dung hỗ trợ', 'Địa bàn', 'Số tiền', 'Loại tiền', 'Ghi chú'],
  },
  {
    source: QUARTER_REPORT,
    headers: ['STT', 'Tên nhà tài trợ', 'Tên xã', 'Nội dung', 'Số hộ hưởng lợi', 'Kinh phí (đồng)', 'Thời gian'],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'TT',
      'Tổ chức',
      'Quốc tịch',
      'Nội dung hỗ trợ',
      'Huyện/thành phố',
      'Giá trị hỗ trợ (triệu đồng)',
      'Ngày ký',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: ['STT', 'Nhà tài trợ', 'Nội dung', 'Địa điểm', 'Tổng kinh phí (đồng)', 'Thời gian', 'Tiến độ'],
  },
  {
    source: QUARTER_REPORT,
    headers: [
      'STT',
      'Tên tổ chức phi chính phủ nước ngoài',
      'Quốc tịch',
      'Nội dung hoạt động',
      'Địa bàn',
      'Giá trị (USD)',
      'Thời gian',
    ],
  },
  {
    source: QUARTER_REPORT,
    headers: ['Số TT', 'Tên nhà tài trợ', 'Nơi thực hiện', 'Nội dung', 'Trị giá (đồng)', 'Ngày', 'Ghi chú'],
  },
  {
    source: QUARTER_REPORT,
    headers: ['STT', 'Ngày nhận', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Đã nhận (đồng)', 'Ghi chú'],
    receipts: true,
  },
  // The province's yearly summary tables.
  {
    source: YEAR_REPORT,
    headers: [
      'STT',
      'Tên khoản viện trợ',
      'Nhà tài trợ',
      'Quốc tịch',
      'Lĩnh vực',
      'Địa bàn',
      'Giá trị cam kết (USD)',
      'Số quyết định phê duyệt',
      'Ngày phê duyệt',
    ],
  },
  {
    source: YEAR_REPORT,
    headers: [
      'TT',
      'Tên dự án',
      'Nhà tài trợ',
      'Địa bàn thực hiện',
      'Tổng giá trị (USD nghìn)',
      'Số QĐ phê duyệt',
      'Ngày QĐ',
    ],
  },
  {
    source: YEAR_REPORT,
    headers: [
      'STT',
      'Tên chương trình, dự án',
      'Tổ chức tài trợ',
      'Ngành, lĩnh vực',
      'Địa bàn',
      'Tổng vốn (USD)',
      'Ghi chú',
    ],
  },
  {
    source: YEAR_REPORT,
    headers: [
      'STT',
      'Huyện, thành phố',
      'Số khoản viện trợ',
      'Giá trị cam kết (triệu đồng)',
      'Giá trị giải ngân (triệu đồng)',
      'Ghi chú',
    ],
  },
  {
    source: YEAR_REPORT,
    headers: ['TT', 'Lĩnh vực', 'Nhà tài trợ', 'Nội dung', 'Địa bàn', 'Kinh phí (tỷ đồng)', 'Thời gian'],
  },
  {
    source: YEAR_REPORT,
    headers: [
      'STT',
      'Tên nhà tài trợ',
      'Quốc gia',
      'Hình thức',
      'Tên khoản viện trợ',
      'Địa bàn',
      'Giá trị (USD)',
      'Ngày cam kết',
    ],
  },
  {
    source: YEAR_REPORT,
    headers: ['STT', 'Nhà tài trợ', 'Dự án', 'Huyện', 'Tổng giá trị (triệu đồng)', 'Thời gian thực hiện', 'Trạng thái'],
  },
  {
    source: YEAR_REPORT,
    headers: ['TT', 'Tên NTT', 'Nước', 'Nội dung', 'Đơn vị tiếp nhận', 'Giá trị (1.000 đ)', 'Ngày'],
  },
  {
    source: YEAR_REPORT,
    headers: [
      'STT',
      'Ngày cam kết',
      'Nhà tài trợ',
      'Quốc gia',
      'Địa bàn',
      'Loại hỗ trợ',
      'Nội dung',
      'Thành tiền',
      'Loại tiền',
      'Tỷ giá',
    ],
  },
  {
    source: YEAR_REPORT,
    headers: [
      'STT',
      'Tên tổ chức',
      'Quốc tịch',
      'Chương trình',
      'Huyện/thị xã/thành phố',
      'Kinh phí cam kết (USD)',
      'Ghi chú',
    ],
  },
  // Departments' reports of the aid they received.
  {
    source: DEPT_REPORT,
    headers: [
      'STT',
      'Tên khoản viện trợ',
      'Nhà tài trợ',
      'Hình thức viện trợ',
      'Địa bàn',
      'Giá trị (USD)',
      'Số quyết định',
      'Ngày quyết định',
    ],
  },
  {
    source: DEPT_REPORT,
    headers: ['TT', 'Nội dung', 'Nhà tài trợ', 'Đơn vị thụ hưởng', 'Giá trị (đồng)', 'Ngày bàn giao'],
    receipts: true,
  },
  {
    source: DEPT_REPORT,
    headers: [
      'STT',
      'Tên hàng hóa',
      'ĐVT',
      'Số lượng',
      'Đơn giá (đồng)',
      'Thành tiền (đồng)',
      'Nhà tài trợ',
      'Địa bàn',
      'Ngày',
    ],
  },
  {
    source: DEPT_REPORT,
    headers: [
      'STT',
      'Trang thiết bị',
      'Đơn vị tính',
      'SL',
      'Giá trị (đồng)',
      'Nhà tài trợ',
      'Đơn vị',
      'Ngày tiếp nhận',
    ],
    receipts: true,
  },
  {
    source: DEPT_REPORT,
    headers: [
      'STT',
      'Tên nhà tài trợ',
      'Nội dung',
      'Xã',
      'Số lượng',
      'Đơn vị tính',
      'Trị giá (đồng)',
      'Ngày',
      'Ghi chú',
    ],
  },
  {
    source: DEPT_REPORT,
    headers: ['TT', 'Tổ chức', 'Nước', 'Nội dung hỗ trợ', 'Địa bàn', 'Số tiền (USD)', 'Thời gian', 'Tình trạng'],
  },
  {
    source: DEPT_REPORT,
    headers: ['STT', 'Thời điểm', 'Tổ chức tài trợ', 'Nội dung', 'Xã/Phường', 'Giá trị (VNĐ)', 'Ghi chú'],
  },
  {
    source: DEPT_REPORT,
    headers: ['STT', 'Ngày', 'Đơn vị tài trợ', 'Quốc tịch', 'Mô tả', 'Địa phương', 'Thành tiền (triệu VNĐ)'],
  },
  // Aid items approved.
  {
    source: ITEM_REPORT,
    headers: [
      'STT',
      'Tên khoản viện trợ',
      'Bên tài trợ',
      'Quốc tịch',
      'Hình thức',
      'Lĩnh vực',
      'Địa bàn',
      'Giá trị (USD)',
      'Số quyết định phê duyệt',
      'Ngày phê duyệt',
    ],
  },
  {
    source: ITEM_REPORT,
    headers: [
      'TT',
      'Tên chương trình/dự án',
      'Nhà tài trợ',
      'Ngành',
      'Địa bàn thực hiện',
      'Tổng giá trị (USD)',
      'Quyết định phê duyệt',
      'Ngày phê duyệt',
      'Ghi chú',
    ],
  },
  {
    source: ITEM_REPORT,
    headers: [
      'STT',
      'Khoản viện trợ',
      'Nhà tài trợ',
      'Địa bàn',
      'Giá trị cam kết (nghìn USD)',
      'Số QĐ',
      'Ngày QĐ',
      'Tiến độ',
    ],
  },
  {
    source: ITEM_REPORT,
    headers: [
      'STT',
      'Tên dự án',
      'Tổ chức tài trợ',
      'Phương thức',
      'Địa bàn',
      'Tổng kinh phí (USD)',
      'Thời gian thực hiện',
    ],
  },
  {
    source: ITEM_REPORT,
    headers: [
      'TT',
      'Tên khoản viện trợ',
      'Nhà tài trợ',
      'Quốc gia',
      'Lĩnh vực',
      'Huyện',
      'Giá trị (USD)',
      'Ngày cam kết',
      'Trạng thái',
    ],
  },
  {
    source: ITEM_REPORT,
    headers: ['STT', 'Tên dự án/phi dự án', 'NTT', 'Nước', 'Địa bàn', 'Giá trị (USD)', 'Số, ngày quyết định phê duyệt'],
  },
  // Households' lists attached to decisions.
  {
    source: HOUSEHOLD_LIST,
    headers: ['STT', 'Họ và tên chủ hộ', 'Thôn', 'Xã', 'Nội dung hỗ trợ', 'Số tiền (đồng)', 'Ký nhận'],
    receipts: true,
  },
  {
    source: HOUSEHOLD_LIST,
    headers: ['TT', 'Tên hộ', 'Thôn/bản', 'Xã', 'Hỗ trợ làm nhà (triệu đồng)', 'Ngày nhận', 'Ghi chú'],
    receipts: true,
  },
  {
    source: HOUSEHOLD_LIST,
    headers: ['STT', 'Họ tên', 'Địa chỉ', 'Đối tượng', 'Số tiền hỗ trợ (đồng)', 'Ghi chú'],
  },
  {
    source: HOUSEHOLD_LIST,
    headers: [
      'STT',
      'Tên hộ/đơn vị nhận',
      'Thôn',
      'Xã',
      'Nội dung',
      'Số lượng',
      'ĐVT',
      'Thành tiền (đồng)',
      'Ngày bàn giao',
    ],
    receipts: true,
  },
  {
    source: HOUSEHOLD_LIST,
    headers: ['STT', 'Ngày', 'Nhà tài trợ', 'Xã', 'Thôn', 'Tên hộ nhận', 'Nội dung', 'Số tiền (đồng)'],
  },
  {
    source: HOUSEHOLD_LIST,
    headers: ['STT', 'Ngày cam kết', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Kinh phí (đồng)', 'Ghi chú', 'SĐT'],
  },
  {
    source: HOUSEHOLD_LIST,
    headers: ['TT', 'Chủ hộ', 'Năm sinh', 'Dân tộc', 'Thôn', 'Xã', 'Mức hỗ trợ (triệu đồng)', 'Ghi chú'],
  },
  {
    source: HOUSEHOLD_LIST,
    headers: [
      'STT',
      'Thời gian',
      'Tên NTT',
      'Xã, thị trấn',
      'Nội dung hỗ trợ',
      'SL',
      'ĐVT',
      'Giá trị (đồng)',
      'Ghi chú',
    ],
  },
  // Gifts and relief.
  {
    source: GIFT_LIST,
    headers: ['STT', 'Họ và tên', 'Thôn', 'Số suất quà', 'Trị giá (đồng)', 'Ký nhận'],
    receipts: true,
  },
  {
    source: GIFT_LIST,
    headers: ['STT', 'Ngày', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Số lượng', 'Đơn vị tính', 'Đơn giá', 'Thành tiền'],
  },
  {
    source: GIFT_LIST,
    headers: ['TT', 'Ngày trao', 'Tổ chức tài trợ', 'Xã/Thị trấn', 'Quà', 'Số suất', 'Thành tiền (nghìn đồng)'],
    receipts: true,
  },
  {
    source: GIFT_LIST,
    headers: ['STT', 'Thời gian', 'Đơn vị tài trợ', 'Địa bàn', 'Hàng hóa', 'SL', 'ĐVT', 'Giá trị (VNĐ)', 'Ghi chú'],
  },
  {
    source: GIFT_LIST,
    headers: ['STT', 'Ngày hỗ trợ', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Giá trị hỗ trợ (đồng)', 'Số người hưởng lợi'],
  },
  {
    source: GIFT_LIST,
    headers: ['STT', 'Nhà tài trợ', 'Thời gian', 'Phường, xã', 'Nội dung', 'Tổng giá trị (triệu đồng)'],
  },
  // Schools and health stations.
  {
    source: SCHOOL_LIST,
    headers: ['STT', 'Tên trường', 'Xã', 'Nội dung', 'Số lượng', 'ĐVT', 'Thành tiền (đồng)', 'Nhà tài trợ', 'Ngày'],
  },
  {
    source: SCHOOL_LIST,
    headers: ['TT', 'Đơn vị nhận', 'Địa chỉ', 'Trang thiết bị', 'SL', 'Giá trị (đồng)', 'Ngày nhận'],
    receipts: true,
  },
  {
    source: SCHOOL_LIST,
    headers: [
      'STT',
      'Ngày',
      'Nhà tài trợ',
      'Xã',
      'Nội dung hỗ trợ',
      'Số lượng',
      'Đơn vị tính',
      'Đơn giá (đồng)',
      'Thành tiền (đồng)',
      'Ghi chú',
    ],
  },
  {
    source: SCHOOL_LIST,
    headers: ['STT', 'Trạm y tế', 'Huyện', 'Thiết bị', 'Số lượng', 'Trị giá (USD)', 'Nhà tài trợ', 'Thời gian'],
  },
  {
    source: SCHOOL_LIST,
    headers: ['STT', 'Thời gian', 'Nhà tài trợ', 'Xã', 'Hạng mục', 'Số lượng', 'ĐVT', 'Thành tiền (1.000 đ)'],
  },
  // The province's tables by place.
  {
    source: DISTRICT_SUMMARY,
    headers: ['STT', 'Huyện/thành phố', 'Số khoản', 'Giá trị (triệu đồng)', 'Tỷ lệ (%)'],
  },
  {
    source: DISTRICT_SUMMARY,
    headers: ['TT', 'Đơn vị', 'Nhà tài trợ', 'Nội dung', 'Giá trị (triệu đồng)', 'Ngày'],
  },
  {
    source: DISTRICT_SUMMARY,
    headers: ['STT', 'Địa phương', 'Nhà tài trợ', 'Lĩnh vực', 'Nội dung', 'Kinh phí (tỷ đồng)', 'Thời gian'],
  },
  {
    source: DISTRICT_SUMMARY,
    headers: ['STT', 'Thị xã, thành phố', 'Nhà tài trợ', 'Nội dung', 'Giá trị (USD)', 'Ngày cam kết'],
  },
  {
    source: DISTRICT_SUMMARY,
    headers: ['STT', 'Xã và thị trấn', 'Ngày', 'NTT', 'Nội dung', 'Kinh phí (đồng)'],
  },
  {
    source: DISTRICT_SUMMARY,
    headers: ['STT', 'Huyện', 'Xã', 'Ngày', 'Nhà tài trợ', 'Nội dung', 'Loại hỗ trợ', 'Giá trị (triệu đồng)'],
  },
  {
    source: DISTRICT_SUMMARY,
    headers: ['TT', 'Đặc khu', 'Ngày', 'Nhà tài trợ', 'Nội dung', 'Giá trị (đồng)'],
  },
  {
    source: DISTRICT_SUMMARY,
    headers: ['STT', 'Tên đơn vị', 'Thời gian', 'Tên nhà tài trợ', 'Nội dung', 'Thành tiền (đồng)'],
  },
  // Communes' statements to the district.
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Ngày tháng', 'Tên tổ chức, cá nhân', 'Nội dung', 'Thôn, bản', 'Số tiền (đồng)', 'Ghi chú'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Ngày', 'Nhà tài trợ', 'Thôn', 'Nội dung hỗ trợ', 'Thành tiền (đồng)'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['TT', 'Ngày, tháng', 'Đơn vị tài trợ', 'Xã', 'Nội dung', 'SL', 'Đơn giá', 'Thành tiền', 'Ghi chú'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Ngày nhận', 'Tên NTT', 'Xã', 'Nội dung', 'Thực nhận (đồng)', 'Người nhận'],
    receipts: true,
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Ngày', 'Nguồn tài trợ', 'Xã', 'Nội dung chi tiết', 'Kinh phí (nghìn đồng)', 'Ghi chú'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Thời gian', 'Nhà tài trợ', 'Xã/phường/thị trấn', 'Nội dung', 'Số tiền (VNĐ)', 'Tình trạng'],
  },
  {
    source: COMMUNE_LIST,
    headers: [
      'STT',
      'Ngày cam kết',
      'Nhà tài trợ',
      'Quốc gia',
      'Địa bàn',
      'Loại hỗ trợ',
      'Nội dung',
      'Số lượng',
      'Đơn vị tính',
      'Đơn giá',
      'Thành tiền',
      'Loại tiền',
      'Tỷ giá',
      'Số người hưởng lợi',
      'Trạng thái',
      'Ghi chú',
    ],
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Ngày', 'Tổ chức', 'Xã - Huyện', 'Nội dung', 'Giá trị (đồng)'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['TT', 'Ngày ký', 'Đối tác', 'Quốc tịch', 'Tên xã', 'Hạng mục', 'Kinh phí (USD)', 'Tỷ giá'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Thời gian tiếp nhận', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Đã bàn giao (đồng)', 'Ghi chú'],
    receipts: true,
  },
  {
    source: COMMUNE_LIST,
    headers: [
      'STT',
      'Ngày',
      'Tên nhà tài trợ/tổ chức',
      'Đơn vị',
      'Nội dung hỗ trợ',
      'SL',
      'ĐVT',
      'Giá trị (triệu đồng)',
      'SĐT',
    ],
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Ngày', 'Nhà tài trợ', 'Xã', 'Nội dung', 'Số lượng/ĐVT', 'Thành tiền (đồng)'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'NGÀY', 'NHÀ TÀI TRỢ', 'XÃ', 'NỘI DUNG', 'THÀNH TIỀN (ĐỒNG)', 'GHI CHÚ'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['STT', 'Ngày', 'Nhà tài trợ', 'Phường', 'Nội dung', 'Giá trị\n(Triệu đồng)', 'Ghi chú'],
  },
  {
    source: COMMUNE_LIST,
    headers: ['TT', 'Ngày', 'Nhà tài trợ', 'Quận', 'Nội dung', 'Số tiền (USD)', 'Tỷ giá', 'Ghi chú'],
  },
];
