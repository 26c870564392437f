/**
 * A register's header read by the words it holds, as aid lists' headers are (`db/imports/header-words.ts`): the
 * header folded, its bracketed notes set aside, then read from the left by the longest word group known — a field's
 * own words ("số giấy đăng ký" is the number, "ngày cấp" the date of issue, "trưởng đại diện" the head), or words that
 * only qualify ("tổ chức PCPNN", "hoạt động", "tại Việt Nam"). A header naming one field and nothing unknown is that
 * field; one naming several, or with words not known, is asked about with the fields it could be.
 */
import { foldText } from '../../contract/text';
import type { RegistryField } from '../../contract/ngo-io';

/** What a register's header names: a field, or the row number column. */
export type RegistryMeaning = { kind: 'field'; key: RegistryField } | { kind: 'stt' };

/** Every phrase made of one word of each list in turn ('' leaves that place empty). */
function phrases(...lists: string[][]): string[] {
  const made = lists.reduce((heads, words) => heads.flatMap((head) => words.map((w) => `${head} ${w}`)), ['']);
  return made.map((p) => p.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** What a certificate is called: "giấy đăng ký", "GĐK", "giấy phép", "giấy". */
const CERTIFICATE = ['giay dang ky', 'gdk', 'giay phep', 'giay chung nhan', 'giay', 'dang ky'];
/** What an organisation is called: "tổ chức", "TC PCPNN", "NGO", "INGO". */
const ORGANISATION = ['to chuc', 'tc', 'tcpcpnn', 'ngo', 'ingo', 'pcpnn', 'to chuc pcpnn', 'to chuc phi chinh phu'];
/** The office an NGO may have (Art. 8(2)). */
const OFFICE = ['van phong dai dien', 'van phong', 'vpdd', 'vp'];

/** Each field's own words. */
const FIELD_WORDS: Record<RegistryField, string[]> = {
  name: [...phrases(['ten'], ['', ...ORGANISATION], ['', 'tieng anh', 'day du', 'giao dich']), 'ten tieng anh'],
  shortName: [...phrases(['ten viet tat', 'viet tat']), 'ten tat'],
  country: ['quoc tich', 'quoc gia', 'nuoc', 'nuoc dang ky', 'nuoc tru so chinh', 'quoc gia tru so chinh'],
  kind: phrases(['loai', 'hinh thuc', 'loai hinh'], ['', ...CERTIFICATE]),
  number: [...phrases(['so', 'so hieu', 'ma so'], ['', ...CERTIFICATE]), 'so ky hieu'],
  issuedBy: phrases(['co quan', 'noi', 'don vi'], ['cap', 'cap giay']),
  issuedOn: [...phrases(['ngay', 'ngay thang nam', ''], ['cap', 'ky', 'cap giay']), 'cap ngay'],
  validUntil: [
    ...phrases(['co gia tri', 'gia tri', 'hieu luc', 'het han', 'han'], ['', 'den', 'den ngay', 'toi']),
    ...phrases(['thoi han', 'thoi gian'], ['', 'hieu luc', 'hoat dong', 'co gia tri', 'gia tri']),
    'ngay het han',
    'den ngay',
  ],
  provinces: [...phrases(['dia ban', 'tinh', 'tinh thanh', 'dia phuong', 'pham vi'], ['', 'hoat dong']), 'dia ban'],
  fields: phrases(['linh vuc', 'nganh', 'nganh nghe'], ['', 'hoat dong']),
  status: ['tinh trang', 'trang thai', 'hieu luc hien nay', 'tinh trang giay'],
  decision: phrases(
    ['', 'so', 'ngay', 'so ngay', 'so va ngay'],
    ['quyet dinh', 'qd'],
    ['', 'gia han', 'sua doi', 'dinh chi', 'thu hoi'],
  ),
  headName: [
    'nguoi dung dau',
    'truong dai dien',
    ...phrases(['truong'], OFFICE),
    'giam doc',
    'giam doc quoc gia',
    'nguoi dai dien',
    'dai dien theo phap luat',
  ],
  officeAddress: [...phrases(['dia chi', 'tru so'], ['', ...OFFICE, 'lien he', 'lien lac']), ...OFFICE],
  contactName: phrases(['nguoi', 'can bo', 'dau moi', ''], ['lien he', 'lien lac']),
  contactRole: ['chuc vu', 'chuc danh', 'vi tri'],
  phone: phrases(['so', ''], ['dien thoai', 'dt', 'dtdd', 'di dong', 'sdt', 'phone', 'tel', 'telephone']),
  email: ['email', 'e mail', 'thu dien tu', 'dia chi thu dien tu', 'dia chi email', 'hop thu'],
  notes: ['ghi chu', 'ghi chu khac', 'ghi chu thay doi', 'note', 'notes'],
};

/** The row number column. */
const STT_WORDS = ['stt', 'tt', 'so tt', 'so thu tu', 'thu tu'];

/**
 * Words that only qualify a field's: whose ("của tổ chức"), which certificate ("giấy đăng ký"), where ("tại Việt
 * Nam"), connectives. "Tổ chức" alone names the NGO, so it is only a qualifier beside another field's words.
 */
const QUALIFIERS = [
  ...ORGANISATION,
  'phi chinh phu nuoc ngoai',
  'phi chinh phu',
  'nuoc ngoai',
  'cua',
  'hoat dong',
  'duoc phep',
  'cho phep',
  'duoc cap',
  'tai viet nam',
  'viet nam',
  'tai',
  'va',
  'theo',
  'ngay',
  'hien tai',
  'hien nay',
  'can bo',
  'so',
  ...CERTIFICATE,
  ...OFFICE,
];

type Word = { field: RegistryField | 'stt' | null };

/** Every word group known, longest first: a field's, the STT column's, or a qualifier's (field null). */
const GROUPS: [string[], Word][] = (() => {
  const all = new Map<string, Word>();
  for (const q of QUALIFIERS) all.set(q, { field: null });
  for (const w of STT_WORDS) all.set(w, { field: 'stt' });
  for (const [field, words] of Object.entries(FIELD_WORDS) as [RegistryField, string[]][])
    for (const w of words) all.set(w, { field });
  return [...all]
    .map(([text, word]) => [text.split(' '), word] as [string[], Word])
    .sort((a, b) => b[0].length - a[0].length);
})();

/** A register header read: its meaning, or none with the fields its words could be. */
export type RegistryReading = { meaning: RegistryMeaning } | { meaning: null; could: RegistryField[] };

/** The words of a header: folded, bracketed notes and punctuation set aside. */
function headerWords(text: string): string[] {
  return foldText(text.replace(/\([^)]*\)/g, ' '))
    .replace(/[^a-z0-9@]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
}

export function readRegistryHeader(text: string): RegistryReading {
  const words = headerWords(text);
  if (!words.length) return { meaning: null, could: [] };
  const found = new Set<RegistryField | 'stt'>();
  let unknown = false;
  let qualifiersOnly = true;
  for (let at = 0; at < words.length; ) {
    const group = GROUPS.find(([w]) => w.every((word, i) => words[at + i] === word));
    if (!group) {
      unknown = true;
      at++;
      continue;
    }
    if (group[1].field) {
      found.add(group[1].field);
      qualifiersOnly = false;
    }
    at += group[0].length;
  }
  // "Tổ chức", "Tổ chức PCPNN": the organisation alone is its name.
  if (
    !found.size &&
    !unknown &&
    qualifiersOnly &&
    words.length <= 6 &&
    ORGANISATION.some((o) => words.join(' ').startsWith(o))
  )
    return { meaning: { kind: 'field', key: 'name' } };
  const fields = [...found];
  if (fields.length === 1 && !unknown) {
    const only = fields[0]!;
    return { meaning: only === 'stt' ? { kind: 'stt' } : { kind: 'field', key: only } };
  }
  return { meaning: null, could: fields.filter((f): f is RegistryField => f !== 'stt') };
}
