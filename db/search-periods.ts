/**
 * The report periods a search's words name: "quý 4 2022", "q4/2022", "QUÝ IV NĂM 2022" (a quarter), "6 tháng đầu năm
 * 2023", "h1 2023" (a half year; "6 tháng 2023" both halves), "năm 2024", "báo cáo năm 2024", "2024" (a year), in
 * Vietnamese or English ("Q4 2022", "first half of 2023", "annual report 2024"), accents and case aside, in the kinds
 * the reports screen offers. Every word must belong to the phrase: a text with any other word names no period. The
 * last word may be unfinished ("quý 4 20": the quarters of the 2020s).
 */
import { foldText } from '../contract/text';

export interface NamedPeriod {
  kind: 'quarter' | 'half' | 'year';
  year: number;
  /** The quarter (1–4) or half (1–2); 1 for a year. */
  part: number;
}

/** The periods a text names (none for a text that is not a report phrase), and whether it said "report" or a kind. */
export interface PeriodPhrase {
  periods: NamedPeriod[];
  /** The text named a report or a kind of period (not a bare year). */
  marked: boolean;
}

/** Words a phrase may hold that name no period: "báo cáo", "năm", "of". */
const FILLERS = new Set([
  'bao',
  'cao',
  'bc',
  'nam',
  'ky',
  'cua',
  'ca',
  'report',
  'reports',
  'year',
  'annual',
  'yearly',
  'the',
  'of',
  'for',
]);
/** Words that say a report or its kind is meant (a bare year may be a pledge's too). */
const MARKERS = new Set(['bao', 'cao', 'bc', 'nam', 'ky', 'report', 'reports', 'year', 'annual', 'yearly']);
const QUARTER_WORDS = new Set(['quy', 'q', 'quarter', 'qtr']);
const HALF_WORDS = new Set(['h', 'half', 'nua']);
const FIRST_HALF = new Set(['dau', 'first', '1st']);
const SECOND_HALF = new Set(['cuoi', 'second', '2nd']);
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const KEYWORDS = [...FILLERS, ...QUARTER_WORDS, ...HALF_WORDS, ...FIRST_HALF, ...SECOND_HALF, 'thang', 'months', 'sau'];

/** The words of a text, folded, split at spaces and punctuation and between letters and digits ("q4/2022"). */
function tokens(text: string): string[] {
  return foldText(text)
    .replace(/(\p{L})(\d)/gu, '$1 $2')
    .replace(/(\d)(\p{L})/gu, '$1 $2')
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);
}

/** The years the reports screen offers: next year back to 2011. */
function yearsOffered(today: string): number[] {
  const now = Number(today.slice(0, 4));
  return Array.from({ length: now - 2009 }, (_, i) => now + 1 - i);
}

/** The periods a search's text names, reckoned from `today` (YYYY-MM-DD). */
export function namedPeriods(text: string, today: string): PeriodPhrase {
  const none: PeriodPhrase = { periods: [], marked: false };
  const words = tokens(text);
  if (!words.length) return none;
  const offered = yearsOffered(today);
  let quarter = false;
  let half = false;
  let marked = false;
  let part: number | null = null;
  const years = new Set<number>();
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const next = words[i + 1];
    const last = i === words.length - 1;
    if (QUARTER_WORDS.has(word)) {
      quarter = marked = true;
      const n = next === undefined ? undefined : (ROMAN[next] ?? (/^[1-4]$/.test(next) ? Number(next) : undefined));
      if (n !== undefined) {
        part = n;
        i++;
      }
    } else if (HALF_WORDS.has(word)) {
      half = marked = true;
      if (next === '1' || next === '2') {
        part = Number(next);
        i++;
      }
    } else if (
      (word === '6' || word === 'sau' || word === 'six') &&
      (next === undefined || 'thang'.startsWith(next) || 'months'.startsWith(next))
    ) {
      half = marked = true;
      i++;
    } else if (FIRST_HALF.has(word) || SECOND_HALF.has(word)) {
      half = marked = true;
      part = FIRST_HALF.has(word) ? 1 : 2;
    } else if (FILLERS.has(word)) {
      if (MARKERS.has(word)) marked = true;
    } else if (/^\d{4}$/.test(word)) {
      if (!offered.includes(Number(word))) return none;
      years.add(Number(word));
    } else if (last && /^\d{1,3}$/.test(word) && word.startsWith('2')) {
      // A year being typed: the years offered that begin so.
      const begun = offered.filter((y) => String(y).startsWith(word));
      if (!begun.length) return none;
      for (const y of begun) years.add(y);
    } else if (!(last && KEYWORDS.some((k) => k.startsWith(word)))) return none;
  }
  if (quarter && half) return none;
  if (!years.size) {
    // Without a year only a quarter or half named by its number: the latest one begun.
    if (part === null || !(quarter || half)) return none;
    return { periods: [latestBegun(quarter ? 'quarter' : 'half', part, today)], marked };
  }
  const kind = quarter ? 'quarter' : half ? 'half' : 'year';
  const parts = part !== null ? [part] : kind === 'quarter' ? [1, 2, 3, 4] : kind === 'half' ? [1, 2] : [1];
  const periods = [...years]
    .sort((a, b) => b - a)
    .flatMap((year) => parts.map((p) => ({ kind, year, part: p }) as NamedPeriod));
  return { periods, marked };
}

/** This year's quarter or half of that number, or last year's when this year's has not begun. */
function latestBegun(kind: 'quarter' | 'half', part: number, today: string): NamedPeriod {
  const year = Number(today.slice(0, 4));
  const firstMonth = kind === 'quarter' ? (part - 1) * 3 + 1 : part === 1 ? 1 : 7;
  return { kind, year: Number(today.slice(5, 7)) >= firstMonth ? year : year - 1, part };
}
