/**
 * The headers of what was received, by their words: lists of aid handed over name the day it was received, what was
 * received, who received it and their village in many ways ("Ngày nhận", "Thời gian tiếp nhận", "Đã giải ngân",
 * "SL thực nhận", "Tên hộ/đơn vị nhận", "Thôn, xóm"). A header is one of them when its words follow the rule below,
 * not only when it is one of the phrases seen.
 */
import type { ColumnKey } from './columns';

// What hand-overs are called: nhận, tiếp nhận, bàn giao, trao, giải ngân, cấp phát, phát, giao.
const RECEIVED = '(?:tiep nhan|nhan|ban giao|trao tang|trao|giai ngan|cap phat|phat|giao)';
// Who can receive: a household, a person, a unit, a school, a health station, a beneficiary.
const WHO =
  '(?:ho gia dinh|ho dan|chu ho|ho|nguoi|don vi|doi tuong|ben|co so|truong hoc|truong|tram y te|tram|to chuc|ca nhan)';
// The aid, after a verb ("nhận hỗ trợ", "bàn giao nhà").
const AID = '(?:ho tro|vien tro|tai tro|qua|hang|nha|tien|kinh phi)';
// A village and the units like it under a commune: thôn, bản, xóm, tổ dân phố, tổ, ấp, buôn, làng, khóm, plei, sóc.
const VILLAGE = '(?:to dan pho|tdp|thon|ban|xom|to|ap|buon|lang|khom|plei|ploi|soc)';

const RECEIVED_DATE = new RegExp(`^(?:ngay|thoi gian|thoi diem|ngay thang)(?: da)? ${RECEIVED}(?: ${AID})?$`);
const RECEIVED_QUANTITY = new RegExp(
  `^(?:(?:so luong|sl)(?: da| thuc)? ${RECEIVED}|(?:da|thuc) ${RECEIVED}(?: ${AID})? (?:so luong|sl))(?: ${AID})?$`,
);
const RECEIVED_AMOUNT = new RegExp(
  `^(?:(?:so tien|gia tri|kinh phi|tri gia|thanh tien)(?: da| thuc)? ${RECEIVED}|(?:da|thuc) ${RECEIVED}|${RECEIVED} thuc te|tong so da ${RECEIVED})(?: ${AID})?(?: so tien| gia tri)?$`,
);
const RECIPIENT = new RegExp(
  `^(?:ten )?(?:${WHO}(?: ${WHO})*(?: (?:${RECEIVED}|thu huong|duoc ${RECEIVED}|duoc ho tro)(?: ${AID})?)?|ho ten(?: ${WHO})*(?: ${RECEIVED})?|ho va ten(?: ${WHO})*|ten nguoi ${RECEIVED})$`,
);
const VILLAGE_LIST = new RegExp(`^(?:ten )?${VILLAGE}(?: (?:va )?${VILLAGE})*$`);

// "Đơn vị" alone is the unit of measure, "Đối tượng" alone the beneficiaries, "Tổ chức" alone the donor.
const NOT_RECIPIENT = new Set(['don vi', 'doi tuong', 'to chuc', 'ca nhan', 'ten don vi', 'ten to chuc']);

/**
 * The receipt field a header's words name (folded, single-spaced, without its bracketed unit and without
 * separators), or null.
 */
export function receiptFieldOfWords(words: string): ColumnKey | null {
  if (RECEIVED_DATE.test(words)) return 'receivedDate';
  if (RECEIVED_QUANTITY.test(words)) return 'receivedQuantity';
  if (RECEIVED_AMOUNT.test(words)) return 'receivedAmount';
  if (VILLAGE_LIST.test(words)) return 'village';
  if (!NOT_RECIPIENT.has(words) && RECIPIENT.test(words)) return 'recipient';
  return null;
}
