/**
 * Report periods: "2022-Q3", "2022-H2", "2022", cut by one of two rules.
 * - calendar: a quarter from its first to its last day, a half from 01/01 (01/07) to 30/06 (31/12), a year 01/01–31/12;
 * - statutory: the cut-off of Decree 09/2019/NĐ-CP, Art. 12 ("thời gian chốt số liệu báo cáo") — a quarter from the
 *   15th of the month before it to the 14th of its last month; the first half from 15/12 of the year before to 14/06,
 *   the second from 15/06 to 14/12; a year from 15/12 of the year before to 14/12. (The article's wording is quoted
 *   from memory and matches the windows Khánh Hòa's QĐ 01/2023/QĐ-UBND, Art. 4 and Decree 152/2020 as amended by
 *   Decree 70/2023, Art. 27(4) repeat; check it on vbpl.vn.)
 */
import type { ReportCutoff, ReportPeriod, ReportPeriodKind } from '../../contract';

const ROMAN = ['I', 'II', 'III', 'IV'];
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** The months a period spans, by the calendar: its first (1–12) and last month of `year`. */
function monthsOf(kind: ReportPeriodKind, n: number): [number, number] {
  if (kind === 'quarter') return [(n - 1) * 3 + 1, n * 3];
  if (kind === 'half') return n === 1 ? [1, 6] : [7, 12];
  return [1, 12];
}

/** A period's first and last day under a rule. */
export function periodDates(
  kind: ReportPeriodKind,
  year: number,
  n: number,
  cutoff: ReportCutoff,
): { from: string; to: string } {
  const [first, last] = monthsOf(kind, n);
  if (cutoff === 'calendar') return { from: iso(year, first, 1), to: iso(year, last, lastDay(year, last)) };
  // From the 15th of the month before its first month (December of the year before for January) to the 14th of its last.
  return { from: first === 1 ? iso(year - 1, 12, 15) : iso(year, first - 1, 15), to: iso(year, last, 14) };
}

export function parsePeriod(key: string, cutoff: ReportCutoff = 'calendar'): ReportPeriod {
  const match = /^(\d{4})(?:-(Q|H)([1-4]))?$/.exec(key.trim().toUpperCase());
  if (!match) throw new RangeError(`Not a report period: ${key}`);
  const year = Number(match[1]);
  if (!match[2])
    return {
      key: String(year),
      kind: 'year',
      cutoff,
      ...periodDates('year', year, 1, cutoff),
      label: `NĂM ${year}`,
      labelEn: String(year),
    };
  const n = Number(match[3]);
  if (match[2] === 'Q')
    return {
      key: `${year}-Q${n}`,
      kind: 'quarter',
      cutoff,
      ...periodDates('quarter', year, n, cutoff),
      label: `QUÝ ${ROMAN[n - 1]} NĂM ${year}`,
      labelEn: `Q${n} ${year}`,
    };
  if (n > 2) throw new RangeError(`Not a report period: ${key}`);
  return {
    key: `${year}-H${n}`,
    kind: 'half',
    cutoff,
    ...periodDates('half', year, n, cutoff),
    label: `6 THÁNG ${n === 1 ? 'ĐẦU' : 'CUỐI'} NĂM ${year}`,
    labelEn: `${n === 1 ? 'first' : 'second'} half of ${year}`,
  };
}

/** The key of a kind's period numbered `n` of `year` ("2026-Q2", "2026-H1", "2026"). */
export function periodKey(kind: ReportPeriodKind, year: number, n: number): string {
  return kind === 'year' ? String(year) : `${year}-${kind === 'quarter' ? 'Q' : 'H'}${n}`;
}

/** The day after an ISO date. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
