/**
 * The lists officers really send, not only the template: headers in their own words ("Tên nhà tài trợ", "SL", "ĐVT",
 * "Xã", "Thời gian", "Số tiền (đồng)"), found anywhere in the first 30 rows under letterheads, titles and notes; an STT
 * column; section rows ("I. NHÀ Ở"); totals rows ("Tổng cộng", "Cộng"); signature rows below. This file only reads
 * the layout; `rows.ts` reads the rows.
 */
import { isCurrencyCode } from '../../contract/money';
import { foldText } from '../../contract/text';
import { headerKey, TEMPLATE_COLUMNS, type ColumnKey } from './columns';
import { receiptFieldOfWords } from './receipt-headers';

/** How far down the header row may be. */
export const HEADER_SEARCH_ROWS = 30;

/** What a header names: a field, the row number column (STT), or a place column of a unit type ("Xã", "Huyện"). */
export type HeaderMeaning =
  | { kind: 'field'; key: ColumnKey; currency: string | null }
  | { kind: 'stt' }
  | { kind: 'place'; unitType: string | null };

// Words officers use for each field, folded (no accents, lower case, single spaces), without "tên" and units.
const SYNONYMS: [string[], ColumnKey][] = [
  [
    [
      'ngay cam ket',
      'ngay',
      'ngay tai tro',
      'ngay ho tro',
      'thoi gian',
      'thoi gian cam ket',
      'thoi gian tai tro',
      'thoi gian ho tro',
      'ngay thang nam',
      'ngay thang',
    ],
    'date',
  ],
  [
    [
      'nha tai tro',
      'to chuc tai tro',
      'to chuc',
      'don vi tai tro',
      'nha tai tro to chuc',
      'to chuc ca nhan tai tro',
      'doi tac',
      'to chuc phi chinh phu',
      'nguon tai tro',
    ],
    'donor',
  ],
  [['quoc gia', 'quoc tich', 'nuoc', 'nuoc tai tro'], 'country'],
  [
    ['dia ban', 'dia phuong', 'dia diem', 'dia ban thuc hien', 'dia ban ho tro', 'noi thuc hien', 'don vi hanh chinh'],
    'place',
  ],
  [['loai ho tro', 'loai', 'loai hinh', 'loai hinh ho tro', 'hinh thuc ho tro', 'loai vien tro'], 'kind'],
  [
    [
      'noi dung',
      'noi dung ho tro',
      'noi dung tai tro',
      'noi dung vien tro',
      'mo ta',
      'hang muc',
      'hang hoa',
      'chi tiet',
    ],
    'description',
  ],
  [['so luong', 'sl'], 'quantity'],
  [['don vi tinh', 'dvt', 'don vi'], 'unit'],
  [['don gia'], 'unitValue'],
  [
    [
      'thanh tien',
      'so tien',
      'gia tri',
      'tong gia tri',
      'kinh phi',
      'tri gia',
      'gia tri ho tro',
      'gia tri tai tro',
      'so tien ho tro',
      'tong kinh phi',
    ],
    'amount',
  ],
  [['loai tien', 'tien te', 'don vi tien te', 'ngoai te', 'loai tien te'], 'currency'],
  [['ty gia', 'ti gia'], 'rate'],
  [
    ['so nguoi huong loi', 'nguoi huong loi', 'so ho huong loi', 'so doi tuong huong loi', 'doi tuong huong loi'],
    'beneficiaries',
  ],
  [['trang thai', 'tinh trang', 'tien do'], 'status'],
  [['ghi chu'], 'notes'],
  [
    ['nay thuoc', 'nay la', 'don vi hien nay', 'dia ban hien nay', 'dia ban moi', 'don vi moi', 'today in', 'now in'],
    'todayIn',
  ],
];

const STT = new Set(['stt', 'tt', 'so thu tu', 'so tt']);
const UNIT_TYPES: Record<string, string | null> = {
  xa: 'Xã',
  phuong: 'Phường',
  'thi tran': 'Thị trấn',
  huyen: 'Huyện',
  'xa phuong': null,
  'xa phuong thi tran': null,
  'thanh pho': 'Thành phố',
  'thi xa': 'Thị xã',
  quan: 'Quận',
};

const TEMPLATE_HEADERS = new Map(TEMPLATE_COLUMNS.map((c) => [headerKey(c.header), c.key]));
const BY_WORDS = new Map<string, ColumnKey>();
for (const [words, key] of SYNONYMS) for (const w of words) BY_WORDS.set(w, key);

/** "(đồng)", "(VNĐ)", "(USD)", "(triệu đồng)" is not a unit the ledger stores exactly and is left alone. */
function currencyOfUnit(unit: string): string | null {
  const folded = foldText(unit)
    .replace(/[^a-z ]/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
  if (['dong', 'vnd', 'viet nam dong', 'dong viet nam'].includes(folded)) return 'VND';
  const code = unit.trim().toUpperCase();
  return isCurrencyCode(code) ? code : null;
}

/** What a header cell names, or null. The template's own headers first, then the words officers use. */
export function headerMeaning(text: string): HeaderMeaning | null {
  if (!text.trim()) return null;
  const template = TEMPLATE_HEADERS.get(headerKey(text));
  if (template) return { kind: 'field', key: template, currency: null };
  // The unit in brackets, if any, then the words: "Số tiền (đồng)" → amount in VND.
  const unit = /\(([^)]*)\)/.exec(text)?.[1] ?? null;
  const words = foldText(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (!words) return null;
  if (STT.has(words)) return { kind: 'stt' };
  const bare = words.replace(/^ten /, '');
  if (Object.hasOwn(UNIT_TYPES, bare)) return { kind: 'place', unitType: UNIT_TYPES[bare]! };
  const key =
    receiptFieldOfWords(words) ??
    BY_WORDS.get(words) ??
    BY_WORDS.get(bare) ??
    (/^(ngay|thoi gian|thoi diem)\b/.test(words) ? 'date' : undefined);
  if (!key) return null;
  return {
    kind: 'field',
    key,
    currency:
      unit && (key === 'amount' || key === 'unitValue' || key === 'receivedAmount') ? currencyOfUnit(unit) : null,
  };
}

/** The columns a header row names: each field's first column, place columns by unit type, and the STT column. */
export interface HeaderColumns {
  fields: Map<ColumnKey, number>;
  /** Place columns named by unit type, most local first ("Xã" before "Huyện"). */
  places: { column: number; unitType: string | null }[];
  stt: number | null;
  /** The currency the amount headers state ("Thành tiền (USD)"), when they do. */
  currency: string | null;
  /** Each non-empty header and how it was read (for the mapping step). */
  read: {
    column: number;
    header: string;
    field: ColumnKey | 'ignore' | 'stt' | 'place' | null;
    from: 'known' | 'remembered' | 'chosen' | null;
  }[];
}

/** A header as mappings are keyed: folded, single-spaced. */
export const mappingKey = (header: string) => foldText(header).replace(/\s+/g, ' ').trim();

/** A header row's signature, by which its mapping is remembered: its non-empty headers, folded, in order. */
export function layoutKey(texts: string[]): string {
  return texts.map(mappingKey).filter(Boolean).join(' | ');
}

/** A mapping of headers (keyed by `mappingKey`) to fields, and where each entry came from. */
export type HeaderMapping = Map<string, { field: ColumnKey | 'ignore'; from: 'remembered' | 'chosen' }>;

const LOCAL_FIRST = ['Xã', 'Phường', 'Thị trấn', null, 'Quận', 'Thị xã', 'Thành phố', 'Huyện'];

export function readHeaderRow(texts: string[], mapping: HeaderMapping = new Map()): HeaderColumns {
  const fields = new Map<ColumnKey, number>();
  const places: HeaderColumns['places'] = [];
  const read: HeaderColumns['read'] = [];
  let stt: number | null = null;
  let currency: string | null = null;
  texts.forEach((text, column) => {
    if (!text.trim()) return;
    // A mapping chosen for this header comes first; then the header's own words.
    const mapped = mapping.get(mappingKey(text));
    const own = headerMeaning(text);
    const meaning: HeaderMeaning | null = !mapped
      ? own
      : mapped.field === 'ignore'
        ? null
        : { kind: 'field', key: mapped.field, currency: own?.kind === 'field' ? own.currency : null };
    const from = mapped ? mapped.from : meaning ? 'known' : null;
    if (!meaning) {
      read.push({ column, header: text, field: mapped ? 'ignore' : null, from });
      return;
    }
    if (meaning.kind === 'stt') {
      stt ??= column;
      read.push({ column, header: text, field: 'stt', from });
    } else if (meaning.kind === 'place') {
      places.push({ column, unitType: meaning.unitType });
      read.push({ column, header: text, field: 'place', from });
    } else if (!fields.has(meaning.key)) {
      fields.set(meaning.key, column);
      currency ??= meaning.currency;
      read.push({ column, header: text, field: meaning.key, from });
    } else read.push({ column, header: text, field: null, from: null });
  });
  places.sort((a, b) => LOCAL_FIRST.indexOf(a.unitType) - LOCAL_FIRST.indexOf(b.unitType));
  return { fields, places, stt, currency, read };
}

/** How many fields a header row names: the row naming most (at least three) is the header. */
export function headerScore(columns: HeaderColumns): number {
  return columns.fields.size + (columns.places.length && !columns.fields.has('place') ? 1 : 0);
}

/** A Roman numeral or a capital letter, as section rows are numbered ("I", "II", "A"). */
const SECTION_NUMBER = /^(?:[IVXLC]+|[A-Z])$/;
const SECTION_TITLE = /^(?:[IVXLC]+|[A-Z])\s*[.)/-]\s*(\S.*)$/;

/**
 * A section row ("I. NHÀ Ở", or "II" in the STT column and "QUÀ TẶNG" beside it): its title, or null when the row is
 * not one. `texts` are the row's non-empty cells other than STT, `stt` its STT cell.
 */
export function sectionTitle(stt: string, texts: string[]): string | null {
  if (texts.length > 1) return null;
  const only = texts[0] ?? '';
  if (SECTION_NUMBER.test(stt.trim()) && only) return only;
  if (!stt.trim() || SECTION_NUMBER.test(stt.trim())) {
    const titled = SECTION_TITLE.exec(only.trim());
    if (titled) return titled[1]!;
  }
  return null;
}

/** A totals row's label: "Tổng cộng" / "Tổng" / "Tổng số" (every row above) or "Cộng" (the section's rows). */
export function totalsLabel(texts: string[]): 'grand' | 'section' | null {
  for (const text of texts) {
    const folded = foldText(text)
      .replace(/[^a-z0-9+() ]/g, ' ')
      .trim()
      .replace(/\s+/g, ' ');
    if (folded.length > 30) continue;
    if (/^(tong cong|tong so|tong)( \(?[a-z0-9+ ]*\)?)?$/.test(folded)) return 'grand';
    if (/^cong( [ivxlc0-9]+| \(?[a-z0-9+ ]*\)?)?$/.test(folded)) return 'section';
  }
  return null;
}

/** Rows under a list that sign it: "Người lập biểu", "Thủ trưởng đơn vị", "(Ký, ghi rõ họ tên)", "…, ngày … tháng … năm". */
export function isSignatureRow(texts: string[]): boolean {
  return texts.some((text) => {
    const folded = foldText(text);
    return (
      /(nguoi lap|thu truong|ky,? ghi ro ho ten|ky ten|ky va ghi|xac nhan cua|giam doc|chu tich|ke toan|dong dau|truong phong)/.test(
        folded,
      ) || /ngay\s*[.…\d\s]*\s*thang\s*[.…\d\s]*\s*nam/.test(folded)
    );
  });
}
