/**
 * A register's cells read as a certificate's values: provinces named as people write them ("Cao Bằng, Bắc Kạn",
 * "tỉnh Hà Giang", "Toàn quốc") as catalogue codes; fields by their words as sector keys, the others kept as the
 * department's own; the kind and standing of a certificate by their words; validity as a date, a span of dates
 * ("05/03/2023 - 04/03/2026") or a number of years from issue ("03 năm").
 */
import type { CertificateKind, CertificateStatus } from '../../contract/ngo';
import { foldText } from '../../contract/text';
import { catalogueFor, catalogueProvinces, splitType } from '../places/catalogue';
import { addYears } from './certificates';

/** A cell's value refused: why, in both languages. */
export class ValueError extends Error {
  constructor(
    readonly vi: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const quote = (text: string) => `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}"`;

/** Every province of the catalogue by its folded name, today's and former (a certificate before 07/2025 names those). */
let provincesByName: Map<string, string> | undefined;
function provinceIndex(): Map<string, string> {
  if (provincesByName) return provincesByName;
  const index = new Map<string, string>();
  const units = catalogueFor('all').units.filter((u) => u.level === 'province' && u.code);
  // Former provinces first, so a name today's province has (its code may be a former one's too) is today's.
  for (const u of [...units].sort((a, b) => Number(a.validTo === null) - Number(b.validTo === null))) {
    index.set(foldText(u.name), u.code!);
  }
  // What people write besides: "TP HCM", "Sài Gòn", "Huế".
  const hcm = index.get(foldText('Hồ Chí Minh'));
  if (hcm) for (const alias of ['tp hcm', 'hcm', 'tphcm', 'sai gon']) index.set(alias, hcm);
  const hue = index.get(foldText('Huế')) ?? index.get(foldText('Thừa Thiên Huế'));
  if (hue) index.set('thua thien hue', hue);
  provincesByName = index;
  return index;
}

/** "Toàn quốc", "Cả nước", "63 tỉnh thành": every province of today. */
const WHOLE_COUNTRY =
  /^(toan quoc|ca nuoc|tat ca cac tinh( thanh( pho)?)?|(63|34) tinh( thanh( pho)?)?|cac tinh thanh tren ca nuoc)$/;

/** The province codes a cell names, in its order, each once; a name not known refuses the cell. */
export function readProvinces(text: string): string[] {
  const parts = text
    .split(/[,;\n\r/+]|\s+và\s+/i)
    .map((p) => p.trim())
    .filter(Boolean);
  const codes: string[] = [];
  const add = (code: string) => {
    if (!codes.includes(code)) codes.push(code);
  };
  for (const part of parts) {
    const folded = foldText(part).replace(/[.]/g, ' ').replace(/\s+/g, ' ').trim();
    if (WHOLE_COUNTRY.test(folded)) {
      for (const p of catalogueProvinces()) add(p.code);
      continue;
    }
    const name = foldText(splitType(part.replace(/^(TP\.?|Tp\.?)\s*/u, 'Thành phố ')).name)
      .replace(/^(tinh|thanh pho|tp)\s+/, '')
      .trim();
    const code = /^\d{1,2}$/.test(name)
      ? catalogueProvinces().find((p) => p.code === name.padStart(2, '0'))?.code
      : provinceIndex().get(name);
    if (!code)
      throw new ValueError(
        `không có tỉnh, thành phố ${quote(part)} trong danh mục đơn vị hành chính`,
        `no province ${quote(part)} in the catalogue of administrative units`,
      );
    add(code);
  }
  if (!codes.length) throw new ValueError('bắt buộc phải nhập', 'is required');
  return codes;
}

/**
 * Words of each standard sector, in the order they are tried ("kinh tế - xã hội" before "xã hội"); a field of none of
 * them is the department's own, kept as written.
 */
const SECTOR_WORDS: [string, RegExp][] = [
  [
    'socioeconomic',
    /\b(kinh te xa hoi|phat trien kinh te|kinh te|giam ngheo|xoa doi giam ngheo|sinh ke|ha tang|phat trien cong dong)\b/,
  ],
  ['health', /\b(y te|suc khoe|cham soc suc khoe|dinh duong|benh|phong chong hiv|hiv)\b/],
  ['education', /\b(giao duc|dao tao|day nghe|hoc bong|truong hoc|hoc tap)\b/],
  ['agriculture', /\b(nong nghiep|nong thon|lam nghiep|chan nuoi|trong trot|thuy san)\b/],
  ['environment', /\b(moi truong|tai nguyen|bien doi khi hau|khi hau|thien tai|giam nhe rui ro)\b/],
  [
    'social',
    /\b(xa hoi|an sinh|bao tro|tre em|nguoi khuyet tat|khuyet tat|binh dang gioi|gioi|phu nu|nguoi cao tuoi|nhan dao|cuu tro)\b/,
  ],
  ['health', /\b(health)\b/],
  ['education', /\b(education|training)\b/],
  ['agriculture', /\b(agriculture|rural)\b/],
  ['environment', /\b(environment|climate)\b/],
  ['social', /\b(social|children|disability|gender)\b/],
];

/** The sector keys (or a department's own fields, as written) a cell names, each once. */
export function readFields(text: string): string[] {
  const parts = text
    .split(/[;\n\r]|,(?![^(]*\))/)
    .map((p) => p.replace(/^[\s\-–•+*]+|[\s.]+$/g, '').trim())
    .filter(Boolean);
  const fields: string[] = [];
  for (const part of parts) {
    const folded = foldText(part).replace(/[^a-z0-9]+/g, ' ');
    const field = SECTOR_WORDS.find(([, words]) => words.test(folded))?.[0] ?? part.slice(0, 100);
    if (!fields.includes(field)) fields.push(field);
  }
  if (!fields.length) throw new ValueError('bắt buộc phải nhập', 'is required');
  return fields.slice(0, 30);
}

/** A certificate's kind by its words: a representative office's, else (an empty cell too) an operation's. */
export function readKind(text: string): CertificateKind {
  const folded = foldText(text);
  if (!folded.trim()) return 'operation';
  if (/van phong dai dien|vpdd|representative/.test(folded)) return 'representative_office';
  if (/hoat dong|du an|operation|project|gdkhd/.test(folded)) return 'operation';
  throw new ValueError(
    `${quote(text)} không phải loại giấy đăng ký (hoạt động, lập văn phòng đại diện)`,
    `${quote(text)} is not a kind of certificate (operation, representative office)`,
  );
}

/** A certificate's standing by its words ("Còn hiệu lực", "Gia hạn", "Tạm đình chỉ"); empty: in force. */
export function readStatus(text: string): CertificateStatus {
  const folded = foldText(text);
  if (!folded.trim()) return 'in_force';
  if (/thu hoi|cham dut|revoked/.test(folded)) return 'revoked';
  if (/dinh chi|tam dung|suspended/.test(folded)) return 'suspended';
  if (/gia han|extended/.test(folded)) return 'extended';
  if (/sua doi|bo sung|cap lai|dieu chinh|amended|reissued/.test(folded)) return 'amended';
  if (/hieu luc|dang hoat dong|het han|in force|valid|expired/.test(folded)) return 'in_force';
  throw new ValueError(
    `${quote(text)} không phải tình trạng giấy đăng ký (còn hiệu lực, gia hạn, sửa đổi, tạm đình chỉ, thu hồi)`,
    `${quote(text)} is not a certificate's standing (in force, extended, amended, suspended, revoked)`,
  );
}

/** dd/mm/yyyy (or yyyy-mm-dd) found in a text, as ISO dates, in order. */
export function datesIn(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/g)) {
    const [y, mo, d] = m[1] ? [m[1], m[2], m[3]] : [m[6], m[5], m[4]];
    const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
    if (validDay(iso)) found.push(iso);
    else throw new ValueError(`${quote(m[0])} không phải ngày hợp lệ`, `${quote(m[0])} is not a valid date`);
  }
  return found;
}

function validDay(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d && y >= 1990 && y <= 2100
  );
}

/**
 * A validity cell: its last date ("đến 04/03/2026", "05/03/2023 - 04/03/2026"), or a number of years from issue
 * ("03 năm", "3 years": the same day that many years on, as the registry counts Art. 9's years). `issuedOn` is the row's date of issue (null when it has none).
 */
export function readValidity(text: string, issuedOn: string | null): string {
  const dates = datesIn(text);
  if (dates.length) return dates.at(-1)!;
  const years = /^\s*0?(\d{1,2})\s*(nam|years?)\s*$/.exec(foldText(text));
  if (years && issuedOn) return addYears(issuedOn, Number(years[1]));
  if (!text.trim()) throw new ValueError('bắt buộc phải nhập', 'is required');
  throw new ValueError(
    `${quote(text)} không phải ngày (ngày/tháng/năm) hay số năm`,
    `${quote(text)} is not a date (day/month/year) or a number of years`,
  );
}

/** A decision as a cell writes it ("QĐ số 45/QĐ-BNG ngày 01/03/2026"): its number and its date, either null. */
export function readDecision(text: string): { number: string | null; date: string | null } {
  const dates = datesIn(text);
  const number = /\b\d+\/[\p{L}\d][\p{L}\d./–-]*/u.exec(text.replace(/\d{1,2}\/\d{1,2}\/\d{4}/g, ' '));
  return { number: number ? number[0].replace(/[.,;]+$/, '') : null, date: dates.at(-1) ?? null };
}
