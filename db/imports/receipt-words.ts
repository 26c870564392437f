/**
 * The words of what was received, by whom and in which village, made by rules from what hand-overs are called ("Ngày
 * nhận", "Đã giải ngân", "SL thực nhận", "Tên hộ/đơn vị nhận", "Thôn, xóm"), not only the phrases seen; and what lists
 * of households write about the one who received. Read by `header-words.ts` with the other fields' words.
 */
import type { ColumnKey } from './columns';

/** Every phrase made of one word of each list in turn ('' leaves that place empty): "số tiền" + "đã" + "nhận". */
function phrases(...lists: string[][]): string[] {
  const made = lists.reduce((heads, words) => heads.flatMap((head) => words.map((w) => `${head} ${w}`)), ['']);
  return made.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

// What hand-overs are called: nhận, tiếp nhận, bàn giao, trao, giải ngân, cấp phát, phát, giao, ký nhận.
const HANDED_OVER = [
  'tiep nhan',
  'nhan',
  'ban giao',
  'trao tang',
  'trao',
  'giai ngan',
  'cap phat',
  'phat',
  'giao',
  'ky nhan',
];
/** What was handed over, after its verb: "nhận quà", "bàn giao nhà", "giải ngân vốn" are read as the verb alone. */
const HANDED_OVER_AID = [
  'qua tang',
  'qua',
  'nha o',
  'nha',
  'tien',
  'kinh phi',
  'von',
  'hang hoa',
  'hang',
  'cong trinh',
  'trang thiet bi',
  'thiet bi',
  'vat tu',
  'hien vat',
];
// Not after "cá": the "nhân" of "cá nhân" (a person) is no hand-over.
export const AID_AFTER_VERB = new RegExp(
  `(?<!\\bca )\\b(${HANDED_OVER.join('|')}) (?:${HANDED_OVER_AID.join('|')})\\b`,
  'g',
);
// Who can receive: a household, a person, a unit, a school, a health station, a beneficiary.
const RECEIVERS = [
  'ho gia dinh',
  'ho dan',
  'chu ho',
  'ho',
  'nguoi',
  'don vi',
  'doi tuong',
  'ben',
  'co so',
  'truong hoc',
  'truong',
  'tram y te',
  'tram',
  'to chuc',
  'ca nhan',
  'hoc vien',
  'hoc sinh',
  'sinh vien',
  'benh nhan',
  'nan nhan',
];
// Alone, "Đơn vị" is a place column, "Đối tượng" the beneficiaries, "Tổ chức" and "Cá nhân" the donor.
const RECEIVERS_ALONE = RECEIVERS.filter((w) => !['don vi', 'doi tuong', 'to chuc', 'ca nhan'].includes(w));
/**
 * What lists of households and persons write about the one who received (the recipient lists of Thông tư
 * 40/2012/TT-BTC, Nghị định 102/2018/NĐ-CP and VBHN 835/VBHN-BLĐTBXH, in `test/header-corpus.ts`: "Năm sinh",
 * "Số định danh cá nhân/Chứng minh nhân dân, cấp ngày tháng năm, nơi cấp", "Hộ khẩu thường trú"): kept with the
 * recipient, joined under their headers.
 */
const RECIPIENT_DETAILS = [
  'nam sinh',
  'ngay sinh',
  'ngay thang nam sinh',
  'gioi tinh',
  'dan toc',
  'so dinh danh ca nhan',
  'so dinh danh',
  'dinh danh ca nhan',
  'chung minh nhan dan',
  'so chung minh nhan dan',
  'cmnd',
  'so cmnd',
  'can cuoc cong dan',
  'can cuoc',
  'cccd',
  'so cccd',
  'ngay cap',
  'noi cap',
  'cap ngay',
  'cap ngay thang nam',
  'quan he',
  'quan he voi chu ho',
  'ho khau thuong tru',
  'noi thuong tru',
  'thuong tru',
  'cho o hien nay',
  'noi o hien nay',
  'noi cu tru',
];
/** A signature column ("Chữ ký", "Ký nhận", "Chữ ký chủ hộ"): empty in a list typed in, kept with the notes if not. */
const SIGNATURES = phrases(['chu ky', 'ky nhan', 'ky ten', 'ky'], ['', ...RECEIVERS, 'nguoi nhan']);
// A village and the units like it under a commune: thôn, bản, xóm, tổ dân phố, tổ, ấp, buôn, làng, khóm, plei, sóc.
const VILLAGES = ['to dan pho', 'tdp', 'thon', 'ban', 'xom', 'to', 'ap', 'buon', 'lang', 'khom', 'plei', 'ploi', 'soc'];
// How much: the words of an amount a receipt is written under ("Số tiền đã nhận", "Kinh phí đã giải ngân").
const RECEIVED_AMOUNT_HEADS = ['so tien', 'gia tri', 'kinh phi', 'tri gia', 'thanh tien'];

/** The receipt fields' words: a date, an amount or a quantity of a hand-over, who received it and their village. */
export const RECEIPT_WORDS: [string[], ColumnKey][] = [
  [phrases(['ngay', 'thoi gian', 'thoi diem', 'ngay thang'], ['', 'da'], HANDED_OVER), 'receivedDate'],
  [
    [
      ...phrases(RECEIVED_AMOUNT_HEADS, ['', 'da', 'thuc'], HANDED_OVER),
      ...phrases(['da', 'thuc'], HANDED_OVER, ['', 'so tien', 'gia tri']),
      ...phrases(HANDED_OVER, ['thuc te']),
      ...phrases(['tong so da'], HANDED_OVER),
      // What a budget report calls disbursed: "Thực chi", "Đã chi".
      'thuc chi',
      'da chi',
    ],
    'receivedAmount',
  ],
  [
    [
      ...phrases(['so luong', 'so suat'], ['', 'da', 'thuc'], HANDED_OVER),
      ...phrases(['da', 'thuc'], HANDED_OVER, ['so luong']),
    ],
    'receivedQuantity',
  ],
  [
    [
      ...RECEIVERS_ALONE,
      ...phrases(RECEIVERS, ['', 'duoc'], HANDED_OVER),
      ...phrases(RECEIVERS, ['thu huong', 'duoc ho tro']),
      // "Họ tên", and "Họ và tên" once its parts split at "và" are read together.
      'ho ten',
      ...RECIPIENT_DETAILS,
    ],
    'recipient',
  ],
  [SIGNATURES, 'notes'],
  [VILLAGES, 'village'],
];
