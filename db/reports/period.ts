/** Report periods: "2022-Q3", "2022-H2", "2022". */
import type { ReportPeriod } from '../../contract';

const ROMAN = ['I', 'II', 'III', 'IV'];
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y: number, m: number, d: number) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

export function parsePeriod(key: string): ReportPeriod {
  const match = /^(\d{4})(?:-(Q|H)([1-4]))?$/.exec(key.trim().toUpperCase());
  if (!match) throw new RangeError(`Not a report period: ${key}`);
  const year = Number(match[1]);
  if (!match[2])
    return {
      key: String(year),
      kind: 'year',
      from: iso(year, 1, 1),
      to: iso(year, 12, 31),
      label: `NĂM ${year}`,
      labelEn: String(year),
    };
  const n = Number(match[3]);
  if (match[2] === 'Q') {
    const first = (n - 1) * 3 + 1;
    return {
      key: `${year}-Q${n}`,
      kind: 'quarter',
      from: iso(year, first, 1),
      to: iso(year, first + 2, lastDay(year, first + 2)),
      label: `QUÝ ${ROMAN[n - 1]} NĂM ${year}`,
      labelEn: `Q${n} ${year}`,
    };
  }
  if (n > 2) throw new RangeError(`Not a report period: ${key}`);
  return n === 1
    ? {
        key: `${year}-H1`,
        kind: 'half',
        from: iso(year, 1, 1),
        to: iso(year, 6, 30),
        label: `6 THÁNG ĐẦU NĂM ${year}`,
        labelEn: `first half of ${year}`,
      }
    : {
        key: `${year}-H2`,
        kind: 'half',
        from: iso(year, 7, 1),
        to: iso(year, 12, 31),
        label: `6 THÁNG CUỐI NĂM ${year}`,
        labelEn: `second half of ${year}`,
      };
}

/** The day after an ISO date. */
export function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}
