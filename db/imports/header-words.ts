/**
 * A header read by the words it holds, not as one whole phrase: its abbreviations spelt out ("ĐVT", "SL", "NTT"), the
 * words that only qualify it set aside ("Tên", "hỗ trợ", "nước ngoài"), its parts joined by commas, slashes, "và" or
 * "-" read one by one. Unit-type words alone ("Xã, thị trấn", "Huyện/thành phố") make a place column. A header with
 * words of several fields, or words of one field and others unknown, is not guessed: it is asked about, with the
 * fields it could be. What was received, by whom and in which village is read the same way, its words made by the
 * rules of `receipt-words.ts`.
 */
import { foldText } from '../../contract/text';
import type { ColumnKey } from './columns';
import { AID_AFTER_VERB, RECEIPT_WORDS } from './receipt-words';

/** What a header's words name: a field, the row number column (STT), or a place column of a unit type ("Xã"). */
export type WordsMeaning =
  | { kind: 'field'; key: ColumnKey }
  | { kind: 'stt' }
  | { kind: 'place'; unitType: string | null };

/** A header read: its meaning, or none with the fields its words could be. */
export type HeaderReading = { meaning: WordsMeaning } | { meaning: null; could: ColumnKey[] };

// Words officers use for each field, folded (no accents, lower case, single spaces), without "tên" and units.
const FIELD_WORDS: [string[], ColumnKey][] = [
  ...RECEIPT_WORDS,
  [
    [
      'ngay cam ket',
      'ngay',
      'ngay tai tro',
      'thoi gian',
      'thoi gian cam ket',
      'thoi diem',
      'ngay thang nam',
      'ngay thang',
      'ngay ky',
      'ngay ky cam ket',
    ],
    'date',
  ],
  [
    [
      'nha tai tro',
      'to chuc',
      'don vi tai tro',
      'to chuc ca nhan',
      'ca nhan',
      'doi tac',
      'to chuc phi chinh phu',
      'nguon tai tro',
      'ben tai tro',
      'co quan tai tro',
    ],
    'donor',
  ],
  [['quoc gia', 'quoc tich', 'nuoc'], 'country'],
  [['dia ban', 'dia phuong', 'dia diem', 'noi thuc hien', 'don vi hanh chinh'], 'place'],
  [['loai', 'loai hinh', 'hinh thuc ho tro', 'loai vien tro'], 'kind'],
  [
    [
      'noi dung',
      'mo ta',
      'hang muc',
      'hang hoa',
      'chi tiet',
      'noi dung chi tiet',
      'trang thiet bi',
      'thiet bi',
      'vat tu',
      'qua',
      'qua tang',
      'dien giai',
    ],
    'description',
  ],
  [['so luong', 'so suat', 'so suat qua'], 'quantity'],
  [['don vi tinh', 'don vi do'], 'unit'],
  [['don gia', 'gia don vi'], 'unitValue'],
  [
    [
      'thanh tien',
      'so tien',
      'gia tri',
      'tong gia tri',
      'kinh phi',
      'tri gia',
      'tong kinh phi',
      'tong so tien',
      'von',
      'tong von',
      'von dau tu',
      'tong von dau tu',
      'muc',
      'chi phi',
      'tong chi phi',
      'tong cong',
      'ngan sach',
    ],
    'amount',
  ],
  [['loai tien', 'tien te', 'don vi tien te', 'ngoai te', 'loai tien te', 'ma tien te'], 'currency'],
  [['ty gia', 'ti gia', 'ty gia quy doi'], 'rate'],
  [
    [
      'nguoi huong loi',
      'so nguoi huong loi',
      'so ho huong loi',
      'doi tuong huong loi',
      'so doi tuong',
      'so ho',
      'so nguoi',
      'so hoc sinh',
      'so hoc vien',
    ],
    'beneficiaries',
  ],
  [['trang thai', 'tinh trang', 'tien do'], 'status'],
  [['ghi chu', 'ghi chu khac', 'so dien thoai', 'dien thoai'], 'notes'],
  [['khoan vien tro', 'du an', 'chuong trinh', 'chuong trinh du an', 'du an khoan vien tro'], 'itemName'],
  [['hinh thuc', 'hinh thuc vien tro'], 'modality'],
  [['linh vuc', 'nganh', 'nganh linh vuc'], 'sector'],
  [['so quyet dinh phe duyet', 'so quyet dinh', 'quyet dinh phe duyet'], 'approvalNumber'],
  [['ngay phe duyet', 'ngay quyet dinh'], 'approvalDate'],
  [
    ['nay thuoc', 'nay la', 'don vi hien nay', 'dia ban hien nay', 'dia ban moi', 'don vi moi', 'today in', 'now in'],
    'todayIn',
  ],
];

/**
 * Words that qualify a header without changing what it holds: "Tên nhà tài trợ nước ngoài", "Giá trị hỗ trợ",
 * "Tổng kinh phí viện trợ", "Địa bàn thực hiện".
 */
const QUALIFIERS = [
  'ten',
  'cua',
  'cac',
  'tong',
  'ho tro',
  'tro cap',
  'tro giup',
  'mot lan',
  'hang thang',
  'tai tro',
  'vien tro',
  'vien tro phi chinh phu',
  'nuoc ngoai',
  'quoc te',
  'pcpnn',
  'phi chinh phu',
  'thuc hien',
  'hoat dong',
  'cam ket',
  'du kien',
  'hang',
  'cu the',
  'tiep nhan',
  'duoc',
  'dong',
];

/**
 * Words holding a field word's syllables without being it: "hồ sơ" is no household (hộ), "môi trường" no school,
 * "bàn giao" no village (bản). They name nothing, so a header with them is asked about.
 */
const OTHER_WORDS = [
  'ho so',
  'ho khau',
  'ho chieu',
  'ung ho',
  'bao ho',
  'moi truong',
  'thi truong',
  'phan tram',
  'ban giao',
  'ban dau',
  'ban hanh',
  'trao tang',
  'giai ngan',
  'cap phat',
  'ket qua',
];

/** Abbreviations spelt out, as whole words. */
const ABBREVIATIONS: Record<string, string> = {
  dvt: 'don vi tinh',
  sl: 'so luong',
  ntt: 'nha tai tro',
  dv: 'don vi',
  sdt: 'so dien thoai',
  gt: 'gia tri',
  kp: 'kinh phi',
  qd: 'quyet dinh',
  tg: 'thoi gian',
  nd: 'noi dung',
};

/** The row number column: "STT", "TT", "Số TT". */
const STT = new Set(['stt', 'tt', 'so thu tu', 'so tt', 'thu tu']);

/** Unit-type words and the type each names; "địa bàn", "địa phương", "đơn vị" name a unit of any type. */
const UNIT_TYPE_WORDS: Record<string, string | null> = {
  xa: 'Xã',
  phuong: 'Phường',
  'thi tran': 'Thị trấn',
  'dac khu': 'Đặc khu',
  huyen: 'Huyện',
  quan: 'Quận',
  'thi xa': 'Thị xã',
  'thanh pho': 'Thành phố',
  tp: 'Thành phố',
  'dia ban': null,
  'dia phuong': null,
  'don vi': null,
};
/** Longest first, so "thị xã" is one word, not "thị" and "xã". */
const UNIT_WORDS_LONGEST = Object.keys(UNIT_TYPE_WORDS).sort((a, b) => b.length - a.length);

/** Words that do not name a field but point to the ones a column could be ("Giá trị quy đổi", "Giải ngân", "Địa chỉ"). */
const HINTS: [RegExp, ColumnKey[]][] = [
  [/\b(quy doi|gia|tien|von)\b/, ['amount']],
  [/\b(giai ngan|thuc nhan)\b/, ['receivedAmount', 'amount']],
  [
    /\b(dia chi|noi nhan|don vi tiep nhan|don vi thu huong|don vi nhan|thon|ban|xom|ap|lang|to dan pho)\b/,
    ['place', 'notes'],
  ],
  [
    /^ho\b|\b(ho ten|chu ho|ho gia dinh|ho nhan|nguoi nhan|don vi nhan|doi tuong|truong hoc|tram y te)\b/,
    ['notes', 'description'],
  ],
];

const WORDS_TO_FIELD = new Map<string, ColumnKey>();
for (const [words, key] of FIELD_WORDS) for (const w of words) WORDS_TO_FIELD.set(w, key);
/** Longest first: "đơn vị tính" before "đơn vị", "số người hưởng lợi" before "số lượng", "ngày nhận" before "ngày". */
const PHRASES_LONGEST = [...WORDS_TO_FIELD.keys(), ...QUALIFIERS, ...OTHER_WORDS].sort(
  (a, b) => b.split(' ').length - a.split(' ').length || b.length - a.length,
);
const QUALIFIER_SET = new Set(QUALIFIERS);
const OTHER_SET = new Set(OTHER_WORDS);
/**
 * The phrases by their first word, each list in the order of `PHRASES_LONGEST`: a part can hold only the phrases whose
 * first word is one of its words, so only those are looked for, in the same order.
 */
const PHRASES_BY_FIRST_WORD = new Map<string, number[]>();
PHRASES_LONGEST.forEach((phrase, i) => {
  const first = phrase.split(' ')[0]!;
  const list = PHRASES_BY_FIRST_WORD.get(first);
  if (list) list.push(i);
  else PHRASES_BY_FIRST_WORD.set(first, [i]);
});

/** The phrases whose first word the part holds, longest first as in `PHRASES_LONGEST`. */
function phrasesStartingIn(part: string): string[] {
  const found = new Set<number>();
  for (const word of part.split(' ')) for (const i of PHRASES_BY_FIRST_WORD.get(word) ?? []) found.add(i);
  return [...found].sort((a, b) => a - b).map((i) => PHRASES_LONGEST[i]!);
}

/**
 * A header's words: folded, without its bracketed unit, abbreviations spelt out, the aid after a hand-over verb left
 * out; its parts split at "," "/" "và" "-".
 */
export function headerParts(text: string): string[] {
  const folded = foldText(text.replace(/\([^)]*\)/g, ' '))
    .replace(/\s+-\s+|[,/;&+|]|\b(?:va|hoac)\b/g, '|')
    .replace(/[^a-z0-9|]+/g, ' ');
  return folded
    .split('|')
    .map((part) =>
      part
        .trim()
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => ABBREVIATIONS[w] ?? w)
        .join(' ')
        .replace(AID_AFTER_VERB, '$1'),
    )
    .filter(Boolean);
}

/** The unit types a part names, if it is nothing but unit-type words ("xa phuong thi tran"); null otherwise. */
function unitTypesOf(part: string): (string | null)[] | null {
  let rest = part.replace(/^ten /, '');
  const types: (string | null)[] = [];
  while (rest) {
    const word = UNIT_WORDS_LONGEST.find((w) => rest === w || rest.startsWith(`${w} `));
    if (!word) return null;
    types.push(UNIT_TYPE_WORDS[word]!);
    rest = rest.slice(word.length).trim();
  }
  return types.length ? types : null;
}

/** The fields a part's words name (longest phrases first), and whether words of no field nor qualifier are left. */
function fieldsOf(part: string): { fields: ColumnKey[]; unknown: boolean } {
  let rest = ` ${part} `;
  const fields: ColumnKey[] = [];
  for (const phrase of phrasesStartingIn(part)) {
    while (rest.includes(` ${phrase} `)) {
      // A word of no field stays unknown ("?"), but its syllables are no longer read as another's.
      rest = rest.replace(` ${phrase} `, OTHER_SET.has(phrase) ? ' ? | ' : ' | ');
      const key = WORDS_TO_FIELD.get(phrase);
      if (key && !QUALIFIER_SET.has(phrase) && !fields.includes(key)) fields.push(key);
    }
  }
  return { fields, unknown: /[a-z0-9?]/.test(rest) };
}

/** What a header's words name (the template's own headers are matched before this), or the fields it could be. */
export function readHeaderWords(text: string): HeaderReading {
  const parts = headerParts(text);
  if (!parts.length) return { meaning: null, could: [] };
  const whole = parts.join(' ');
  if (STT.has(whole)) return { meaning: { kind: 'stt' } };
  const exact = WORDS_TO_FIELD.get(whole) ?? WORDS_TO_FIELD.get(whole.replace(/^ten /, ''));
  if (exact) return { meaning: { kind: 'field', key: exact } };
  // Only unit-type words: a place column, of the one type it names ("Tên xã"), or of any ("Xã, thị trấn").
  const unitTypes = parts.map(unitTypesOf);
  if (unitTypes.every((t) => t !== null)) {
    const types = new Set(unitTypes.flat());
    return { meaning: { kind: 'place', unitType: types.size === 1 ? [...types][0]! : null } };
  }
  // The whole header's words, then each part's ("Tên nhà tài trợ/tổ chức"): one field, and nothing unknown.
  const ofWhole = fieldsOf(whole);
  if (ofWhole.fields.length === 1 && !ofWhole.unknown) return fieldMeaning(ofWhole.fields[0]!);
  const byPart = parts.map(fieldsOf);
  const partFields = new Set(byPart.flatMap((r) => r.fields));
  if (parts.length > 1 && partFields.size === 1 && byPart.every((r) => !r.unknown && r.fields.length))
    return fieldMeaning([...partFields][0]!);
  const named = [...new Set([ofWhole, ...byPart].flatMap((r) => r.fields))];
  // A date by its first word ("Ngày ký", "Thời gian thực hiện"), when its words name no other field: the pledge's,
  // unless they are also of a hand-over with others not known ("Ngày nhận hồ sơ"), when it may be either.
  if (/^(ngay|thoi gian|thoi diem)\b/.test(whole) && named.every((c) => c === 'date' || c === 'receivedDate'))
    return named.includes('receivedDate') ? { meaning: null, could: ['receivedDate', 'date'] } : fieldMeaning('date');
  const could = [...named, ...HINTS.flatMap(([w, k]) => (w.test(whole) ? k : []))];
  // With a unit-type word the column holds the unit ("Xã, thôn"): a place, not the village beside it.
  if (unitTypes.some((t) => t !== null))
    return { meaning: null, could: [...new Set([...could, 'place' as const])].filter((c) => c !== 'village') };
  return { meaning: null, could: [...new Set(could)] };
}

const fieldMeaning = (key: ColumnKey): HeaderReading => ({ meaning: { kind: 'field', key } });
