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
 * The published rows are few and mostly not of foreign aid: the decrees' own forms (Decree 80/2020, 58/2022, 313/2025)
 * are printed in appendices that were not to be had as text; those copied are lists of support by person, household
 * and place from circulars, decrees and district decisions, and one province's project form. The test reports the two
 * kinds apart, so the figure for published rows is never read into the composed ones.
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

const COMPOSED_ROWS: CorpusRow[] = [
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

/** Rows copied cell for cell from published documents: lists of support by person, household and place. */
export const PUBLISHED_ROWS: CorpusRow[] = [
  {
    source: 'Phụ đính 4.1 - Danh mục các chương trình, dự án phê duyệt',
    headers: [
      'TT',
      'Tên dự án',
      'Loại văn bản',
      'Loại tài trợ',
      'Nhà tài trợ',
      'Cấp phê duyệt',
      'Ngày phê duyệt theo kế hoạch',
      'Ngày phê duyệt thực tế',
      'Tổng vốn đầu tư (tr.VNĐ)',
      'Thời hạn phê duyệt mới',
      'Lý do chậm phê duyệt',
    ],
    published: {
      url: 'http://www.skhdtbinhphuoc.gov.vn/3cms/mau-bao-cao-cac-chuong-trinh-du-an-oda.htm',
      document: 'Sở Kế hoạch và Đầu tư tỉnh Bình Phước - Mẫu báo cáo các chương trình, dự án ODA',
      table: 'Phụ đính 4.1 - Danh mục các chương trình, dự án phê duyệt',
    },
  },
  {
    source: 'Danh sách kèm theo Quyết định số 823/QĐ-UBND (Mức chuẩn trợ cấp: 360.000 đồng)',
    headers: [
      'STT',
      'Họ và tên',
      'Năm sinh',
      'Thôn/TDP',
      'Xã/Phường',
      'Loại đối tượng trước khi điều chỉnh',
      'Hệ số trợ giúp trước khi điều chỉnh',
      'Mức trợ giúp hàng tháng trước khi điều chỉnh',
      'Loại đối tượng sau khi điều chỉnh',
      'Hệ số trợ giúp sau khi điều chỉnh',
      'Mức trợ giúp hàng tháng sau khi điều chỉnh',
      'Thời gian hưởng trợ giúp',
      'Ghi chú',
    ],
    receipts: true,
    published: {
      url: 'https://huongtra.thuathienhue.gov.vn/?gd=8&cn=28&tc=31539',
      document:
        'Quyết định số 823/QĐ-UBND ngày 22/4/2022 của UBND thị xã Hương Trà (Thừa Thiên Huế) về điều chỉnh loại đối tượng, hệ số trợ giúp xã hội hàng tháng đối với 08 đối tượng bảo trợ xã hội',
      table: 'Danh sách kèm theo Quyết định số 823/QĐ-UBND (Mức chuẩn trợ cấp: 360.000 đồng)',
    },
  },
  {
    source: 'Danh sách kèm theo Quyết định số 258/QĐ-UBND (Mức chuẩn trợ cấp: 360.000 đồng)',
    headers: [
      'STT',
      'Họ và tên',
      'Năm sinh',
      'Thôn/TDP',
      'Xã/Phường',
      'Loại đối tượng trước khi điều chỉnh',
      'Hệ số trợ cấp trước khi điều chỉnh',
      'Mức trợ cấp hàng tháng trước khi điều chỉnh',
      'Loại đối tượng sau khi điều chỉnh',
      'Hệ số trợ cấp sau khi điều chỉnh',
      'Mức trợ cấp hàng tháng sau khi điều chỉnh',
      'Thời gian hưởng trợ cấp',
      'Ghi chú',
    ],
    receipts: true,
    published: {
      url: 'https://huongtra.thuathienhue.gov.vn/?gd=8&cn=28&tc=31282',
      document:
        'Quyết định số 258/QĐ-UBND ngày 10/3/2022 của UBND thị xã Hương Trà (Thừa Thiên Huế) về điều chỉnh loại đối tượng, hệ số trợ cấp xã hội hàng tháng đối với 02 đối tượng bảo trợ xã hội',
      table: 'Danh sách kèm theo Quyết định số 258/QĐ-UBND (Mức chuẩn trợ cấp: 360.000 đồng)',
    },
  },
  {
    source: 'BÁO CÁO CHI TIÊU/NGÂN SÁCH (kỳ hạn từ .../.../20xx đến .../.../20xx), trước Mẫu 2.14',
    headers: [
      'STT',
      'Đầu ra/dòng ngân sách',
      'Diễn giải',
      'Ngân sách phê duyệt',
      'Thực chi',
      'Số dư',
      'Tỉ lệ giải ngân (%)',
    ],
    published: {
      url: 'https://123docz.net/trich-doan/4689199-bao-cao-kiem-soat-ngan-sach.htm',
      document:
        'Chương trình hỗ trợ ngành thủy sản giai đoạn II (FSPS-II) – Bộ Nông nghiệp và Phát triển nông thôn, tài trợ bởi Đại sứ quán Đan Mạch: biểu mẫu báo cáo tài chính (trích đoạn sổ tay, đăng trên 123docz)',
      table: 'BÁO CÁO CHI TIÊU/NGÂN SÁCH (kỳ hạn từ .../.../20xx đến .../.../20xx), trước Mẫu 2.14',
    },
  },
  {
    source: 'Mẫu số 02 - Danh sách học viên được hỗ trợ chi phí học nghề',
    headers: [
      'TT',
      'Họ tên học viên',
      'Ngày sinh',
      'Loại dị tật',
      'Nghề học',
      'Phí học nghề',
      'Tiền ăn',
      'Tiền ở',
      'Tiền đi lại',
      'Tổng cộng chi phí hỗ trợ',
      'Chữ ký học viên',
    ],
    receipts: true,
    published: {
      url: 'https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Thong-tu-40-2012-TT-BTC-quan-ly-va-su-dung-kinh-phi-136614.aspx',
      document:
        'Thông tư 40/2012/TT-BTC ngày 09/3/2012 của Bộ Tài chính quy định quản lý và sử dụng kinh phí thực hiện Dự án "Giúp đỡ nạn nhân chất độc da cam các tỉnh khu vực Tây Nguyên và Tây Ninh giai đoạn 2011 đến 2015"',
      table: 'Mẫu số 02 - Danh sách học viên được hỗ trợ chi phí học nghề',
    },
  },
  {
    source: 'Mẫu số 03 - Danh sách gia đình được hỗ trợ phát triển sản xuất',
    headers: [
      'STT',
      'Họ tên chủ hộ',
      'Quan hệ với nạn nhân',
      'Hộ khẩu thường trú',
      'Chỗ ở hiện nay',
      'Tiền giống cây, con',
      'Tiền thuốc men, phân bón',
      'Tổng cộng',
      'Chữ ký chủ hộ',
    ],
    receipts: true,
    published: {
      url: 'https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Thong-tu-40-2012-TT-BTC-quan-ly-va-su-dung-kinh-phi-136614.aspx',
      document:
        'Thông tư 40/2012/TT-BTC ngày 09/3/2012 của Bộ Tài chính quy định quản lý và sử dụng kinh phí thực hiện Dự án "Giúp đỡ nạn nhân chất độc da cam các tỉnh khu vực Tây Nguyên và Tây Ninh giai đoạn 2011 đến 2015"',
      table: 'Mẫu số 03 - Danh sách gia đình được hỗ trợ phát triển sản xuất',
    },
  },
  {
    source: 'Phụ lục II, Mẫu số 3B - Danh sách người Việt Nam có công ... được hưởng chế độ hỗ trợ',
    headers: [
      'Số TT',
      'Họ và tên',
      'Năm sinh',
      'Nơi đăng ký hộ khẩu thường trú trước khi hoạch định biên giới Quốc gia',
      'Nơi cư trú hiện nay ở nước ngoài',
      'Sống (chết)',
      'Tổng thời gian được hưởng Năm',
      'Tổng thời gian được hưởng tháng',
      'Mức hỗ trợ (VN đồng)',
      'Ghi chú',
    ],
    receipts: true,
    published: {
      url: 'https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Nghi-dinh-102-2018-ND-CP-che-do-ho-tro-va-che-do-dai-ngo-khac-voi-nguoi-co-cong-cach-mang-388308.aspx',
      document:
        'Nghị định 102/2018/NĐ-CP ngày 20/7/2018 của Chính phủ quy định chế độ hỗ trợ và một số chế độ đãi ngộ khác đối với người Việt Nam có công với cách mạng, người tham gia kháng chiến, chiến tranh bảo vệ Tổ quốc và làm nhiệm vụ quốc tế đang định cư ở nước ngoài',
      table: 'Phụ lục II, Mẫu số 3B - Danh sách người Việt Nam có công ... được hưởng chế độ hỗ trợ',
    },
  },
  {
    source:
      'Phụ lục II, Mẫu số 3C - Danh sách người Việt Nam tham gia kháng chiến ... được hưởng chế độ hỗ trợ (dùng chung từ cấp xã trở lên)',
    headers: [
      'Số TT',
      'Họ và tên',
      'Năm sinh',
      'Nơi đăng ký hộ khẩu thường trú trước khi định cư ở nước ngoài hoặc hoạch định biên giới Quốc gia',
      'Nơi cư trú hiện nay ở nước ngoài',
      'Sống (chết)',
      'Tổng thời gian được hưởng Năm',
      'Tổng thời gian được hưởng tháng',
      'Mức hỗ trợ (VN đồng)',
      'Ghi chú',
    ],
    receipts: true,
    published: {
      url: 'https://thuvienphapluat.vn/van-ban/Tai-chinh-nha-nuoc/Nghi-dinh-102-2018-ND-CP-che-do-ho-tro-va-che-do-dai-ngo-khac-voi-nguoi-co-cong-cach-mang-388308.aspx',
      document:
        'Nghị định 102/2018/NĐ-CP ngày 20/7/2018 của Chính phủ quy định chế độ hỗ trợ và một số chế độ đãi ngộ khác đối với người Việt Nam có công với cách mạng, người tham gia kháng chiến, chiến tranh bảo vệ Tổ quốc và làm nhiệm vụ quốc tế đang định cư ở nước ngoài',
      table:
        'Phụ lục II, Mẫu số 3C - Danh sách người Việt Nam tham gia kháng chiến ... được hưởng chế độ hỗ trợ (dùng chung từ cấp xã trở lên)',
    },
  },
  {
    source:
      'Mẫu số 12 - Danh sách thanh niên xung phong được hưởng chế độ trợ cấp một lần (Kèm theo Quyết định của UBND tỉnh; Đơn vị: Đồng)',
    headers: [
      'Số TT',
      'Họ và tên',
      'Ngày, tháng, năm sinh',
      'Số định danh cá nhân/Chứng minh nhân dân, cấp ngày tháng năm, nơi cấp',
      'Số năm được hưởng',
      'Mức trợ cấp',
    ],
    receipts: true,
    published: {
      url: 'https://github.com/TuanHuu168/CongBot/blob/HEAD/Code/output_chunks/Văn_bản_hợp_nhất_số_835VBHN-BLĐTBXH_-_Thông_tư_liên/chunk_18.md',
      document:
        'Văn bản hợp nhất số 835/VBHN-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội: Thông tư liên tịch số 08/2012/TTLT-BLĐTBXH-BNV-BTC hướng dẫn thực hiện chế độ trợ cấp đối với thanh niên xung phong đã hoàn thành nhiệm vụ trong kháng chiến theo Quyết định số 40/2011/QĐ-TTg (mẫu sửa đổi theo Thông tư 08/2023/TT-BLĐTBXH) (bản chép của văn bản trên thuvienphapluat.vn)',
      table:
        'Mẫu số 12 - Danh sách thanh niên xung phong được hưởng chế độ trợ cấp một lần (Kèm theo Quyết định của UBND tỉnh; Đơn vị: Đồng)',
    },
  },
  {
    source:
      'Mẫu số 13 - Danh sách thân nhân của thanh niên xung phong đã từ trần được hưởng chế độ trợ cấp một lần (Đơn vị: Đồng)',
    headers: [
      'Số TT',
      'Họ và tên TNXP',
      'Họ và tên thân nhân TNXP',
      'Ngày, tháng, năm sinh',
      'Số định danh cá nhân/Chứng minh nhân dân, cấp ngày tháng năm, nơi cấp',
      'Quan hệ với TNXP',
      'Mức trợ cấp',
    ],
    receipts: true,
    published: {
      url: 'https://github.com/TuanHuu168/CongBot/blob/HEAD/Code/output_chunks/Văn_bản_hợp_nhất_số_835VBHN-BLĐTBXH_-_Thông_tư_liên/chunk_18.md',
      document:
        'Văn bản hợp nhất số 835/VBHN-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội: Thông tư liên tịch số 08/2012/TTLT-BLĐTBXH-BNV-BTC hướng dẫn thực hiện chế độ trợ cấp đối với thanh niên xung phong đã hoàn thành nhiệm vụ trong kháng chiến theo Quyết định số 40/2011/QĐ-TTg (mẫu sửa đổi theo Thông tư 08/2023/TT-BLĐTBXH) (bản chép của văn bản trên thuvienphapluat.vn)',
      table:
        'Mẫu số 13 - Danh sách thân nhân của thanh niên xung phong đã từ trần được hưởng chế độ trợ cấp một lần (Đơn vị: Đồng)',
    },
  },
  {
    source: 'Mẫu số 14 - Danh sách thanh niên xung phong được hưởng chế độ trợ cấp hàng tháng (Đơn vị: Đồng/tháng)',
    headers: [
      'Số TT',
      'Họ và tên',
      'Ngày, tháng, năm sinh',
      'Số định danh cá nhân/Chứng minh nhân dân, cấp ngày tháng năm, nơi cấp',
      'Mức trợ cấp khởi điểm',
      'Ghi chú',
    ],
    receipts: true,
    published: {
      url: 'https://github.com/TuanHuu168/CongBot/blob/HEAD/Code/output_chunks/Văn_bản_hợp_nhất_số_835VBHN-BLĐTBXH_-_Thông_tư_liên/chunk_18.md',
      document:
        'Văn bản hợp nhất số 835/VBHN-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội: Thông tư liên tịch số 08/2012/TTLT-BLĐTBXH-BNV-BTC hướng dẫn thực hiện chế độ trợ cấp đối với thanh niên xung phong đã hoàn thành nhiệm vụ trong kháng chiến theo Quyết định số 40/2011/QĐ-TTg (mẫu sửa đổi theo Thông tư 08/2023/TT-BLĐTBXH) (bản chép của văn bản trên thuvienphapluat.vn)',
      table: 'Mẫu số 14 - Danh sách thanh niên xung phong được hưởng chế độ trợ cấp hàng tháng (Đơn vị: Đồng/tháng)',
    },
  },
  {
    source:
      'Mẫu số 15 - Tổng hợp danh sách thanh niên xung phong đã được giải quyết chế độ trợ cấp một lần (Sở LĐTBXH; rows grouped by Huyện A, Huyện B, ...)',
    headers: [
      'Số TT',
      'Họ và tên',
      'Ngày, tháng, năm sinh',
      'Số định danh cá nhân/Chứng minh nhân dân, cấp ngày tháng năm, nơi cấp',
      'Quan hệ với TNXP',
      'Quyết định của UBND tỉnh Số quyết định',
      'Quyết định của UBND tỉnh Ngày, tháng, năm',
      'Số năm được hưởng',
      'Số tiền trợ cấp một lần',
    ],
    receipts: true,
    published: {
      url: 'https://github.com/TuanHuu168/CongBot/blob/HEAD/Code/output_chunks/Văn_bản_hợp_nhất_số_835VBHN-BLĐTBXH_-_Thông_tư_liên/chunk_18.md',
      document:
        'Văn bản hợp nhất số 835/VBHN-BLĐTBXH của Bộ Lao động - Thương binh và Xã hội: Thông tư liên tịch số 08/2012/TTLT-BLĐTBXH-BNV-BTC hướng dẫn thực hiện chế độ trợ cấp đối với thanh niên xung phong đã hoàn thành nhiệm vụ trong kháng chiến theo Quyết định số 40/2011/QĐ-TTg (mẫu sửa đổi theo Thông tư 08/2023/TT-BLĐTBXH) (bản chép của văn bản trên thuvienphapluat.vn)',
      table:
        'Mẫu số 15 - Tổng hợp danh sách thanh niên xung phong đã được giải quyết chế độ trợ cấp một lần (Sở LĐTBXH; rows grouped by Huyện A, Huyện B, ...)',
    },
  },
  {
    source:
      'Phụ lục số 5 - Tổng hợp danh sách hỗ trợ người có công với cách mạng về nhà ở năm 2014 (rows grouped HUYỆN A / Xã X / named persons)',
    headers: [
      'TT',
      'Họ và tên người có công với cách mạng được hỗ trợ về nhà ở',
      'Thuộc diện xây mới (hỗ trợ 40 trđ/hộ)',
      'Thuộc diện sửa chữa (hỗ trợ 20 trđ/hộ)',
      'Tổng kinh phí ngân sách nhà nước hỗ trợ về nhà ở Tổng số',
      'Tổng kinh phí ngân sách nhà nước hỗ trợ về nhà ở Hỗ trợ xây mới (40 trđ/hộ)',
      'Tổng kinh phí ngân sách nhà nước hỗ trợ về nhà ở Cải tạo, sửa chữa (20 trđ/hộ)',
    ],
    receipts: true,
    published: {
      url: 'https://github.com/TuanHuu168/CongBot/blob/HEAD/data/98_2013_TT_BTC/chunk_10.md',
      document:
        'Thông tư 98/2013/TT-BTC ngày 24/7/2013 của Bộ Tài chính quy định việc quản lý, cấp phát, thanh toán, quyết toán nguồn vốn hỗ trợ người có công với cách mạng về nhà ở theo Quyết định số 22/2013/QĐ-TTg (bản chép của văn bản trên thuvienphapluat.vn)',
      table:
        'Phụ lục số 5 - Tổng hợp danh sách hỗ trợ người có công với cách mạng về nhà ở năm 2014 (rows grouped HUYỆN A / Xã X / named persons)',
    },
  },
  {
    source:
      'Phụ lục số 4 - Tổng hợp nhu cầu kinh phí hỗ trợ người có công với cách mạng về nhà ở năm 2014 (rows HUYỆN A / Xã X ...)',
    headers: [
      'TT',
      'Chỉ tiêu',
      'Tổng số hộ người có công với cách mạng được hỗ trợ về nhà ở Tổng số hộ',
      'Tổng số hộ người có công với cách mạng được hỗ trợ về nhà ở Hỗ trợ xây mới',
      'Tổng số hộ người có công với cách mạng được hỗ trợ về nhà ở Cải tạo, sửa chữa',
      'Tổng kinh phí ngân sách nhà nước hỗ trợ về nhà ở Tổng số',
      'Tổng kinh phí ngân sách nhà nước hỗ trợ về nhà ở Hỗ trợ xây mới (40 trđ/hộ)',
      'Tổng kinh phí ngân sách nhà nước hỗ trợ về nhà ở Cải tạo, sửa chữa (20 trđ/hộ)',
      'Trong đó Ngân sách trung ương hỗ trợ',
      'Trong đó Ngân sách địa phương đảm bảo',
    ],
    published: {
      url: 'https://github.com/TuanHuu168/CongBot/blob/HEAD/data/98_2013_TT_BTC/chunk_9.md',
      document:
        'Thông tư 98/2013/TT-BTC ngày 24/7/2013 của Bộ Tài chính quy định việc quản lý, cấp phát, thanh toán, quyết toán nguồn vốn hỗ trợ người có công với cách mạng về nhà ở theo Quyết định số 22/2013/QĐ-TTg (bản chép của văn bản trên thuvienphapluat.vn)',
      table:
        'Phụ lục số 4 - Tổng hợp nhu cầu kinh phí hỗ trợ người có công với cách mạng về nhà ở năm 2014 (rows HUYỆN A / Xã X ...)',
    },
  },
  {
    source:
      'Phụ lục 01 - Danh mục dự án và kế hoạch vốn năm 2023 ... (ĐVT: triệu đồng; rows grouped by Sở / thị xã / huyện)',
    headers: ['STT', 'Danh mục dự án/ Cơ quan, đơn vị, địa phương thực hiện', 'Kế hoạch vốn năm 2023', 'Ghi chú'],
    published: {
      url: 'https://github.com/TuanHuu168/CongBot/blob/HEAD/data/518_2023_QĐ_UBND/chunk_5.md',
      document:
        'Quyết định số 518/QĐ-UBND ngày 23/02/2023 của UBND tỉnh Bình Định về việc phân bổ chi tiết danh mục và kế hoạch vốn năm 2023 thực hiện Đề án đảm bảo cơ sở vật chất cho chương trình giáo dục mầm non và giáo dục phổ thông ... và Đề án nâng cao năng lực hoạt động hệ thống y tế cơ sở (bản chép của văn bản trên thuvienphapluat.vn)',
      table:
        'Phụ lục 01 - Danh mục dự án và kế hoạch vốn năm 2023 ... (ĐVT: triệu đồng; rows grouped by Sở / thị xã / huyện)',
    },
  },
];

/** Every row: those composed after a layout, then those copied from published documents. */
export const HEADER_CORPUS: CorpusRow[] = [...COMPOSED_ROWS, ...PUBLISHED_ROWS];
