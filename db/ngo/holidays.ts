/**
 * The public holidays the working days skip, a list the department can edit (`ngo.setHolidays`). A ledger's list is
 * its own, not carried in bundles; while it holds none, `DEFAULT_HOLIDAYS` stand for it.
 *
 * Sources:
 * - Bộ luật Lao động 2019 (Law 45/2019/QH14), Art. 112(1): Tết Dương lịch 1/1; Tết Âm lịch 5 days; Chiến thắng 30/4;
 *   Quốc tế lao động 1/5; Quốc khánh 2/9 and one day before or after it; Giỗ Tổ Hùng Vương 10/3 âm lịch.
 *   Art. 111(3): a holiday falling on the weekly day off is taken on the next working day (nghỉ bù).
 * - The days of Tết, of Quốc khánh's second day and the swaps: the Prime Minister's and the Ministry of Labour's yearly
 *   notices (Thông báo nghỉ Tết) as published for 2022–2026; Tết 2027's and 2/9/2027's second day are the expected ones
 *   (1 day before, 4 after the Lunar New Year; the day after 2/9) until the year's notice.
 * - Lunar dates: Tết Nguyên đán 01/02/2022, 22/01/2023, 10/02/2024, 29/01/2025, 17/02/2026, 06/02/2027; Giỗ Tổ
 *   10/04/2022, 29/04/2023, 18/04/2024, 07/04/2025, 26/04/2026, 16/04/2027 (the Vietnamese lunar calendar).
 */
import type { Holiday } from '../../contract/ngo';
import type { Ctx } from '../core/context';
import { addDays, isWeekend } from './working-days';

/** The weekdays of each year's Tết off, as the yearly notices gave them. */
const TET_DAYS: Record<number, string[]> = {
  2022: ['2022-01-31', '2022-02-01', '2022-02-02', '2022-02-03', '2022-02-04'],
  2023: ['2023-01-20', '2023-01-23', '2023-01-24', '2023-01-25', '2023-01-26'],
  2024: ['2024-02-08', '2024-02-09', '2024-02-12', '2024-02-13', '2024-02-14'],
  2025: ['2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31'],
  2026: ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20'],
  2027: ['2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11'],
};
/** Giỗ Tổ Hùng Vương, 10/3 of the lunar year. */
const HUNG_KINGS: Record<number, string> = {
  2022: '2022-04-10',
  2023: '2023-04-29',
  2024: '2024-04-18',
  2025: '2025-04-07',
  2026: '2026-04-26',
  2027: '2027-04-16',
};
/** Quốc khánh's second day (before or after 2/9). */
const NATIONAL_DAY_SECOND: Record<number, string> = {
  2022: '2022-09-01',
  2023: '2023-09-01',
  2024: '2024-09-03',
  2025: '2025-09-01',
  2026: '2026-09-01',
  2027: '2027-09-03',
};

/** The holidays of 2022–2027, with the days taken instead of those that fall on a weekend. */
export const DEFAULT_HOLIDAYS: readonly Holiday[] = buildDefaults();

function buildDefaults(): Holiday[] {
  const list: Holiday[] = [];
  for (let year = 2022; year <= 2027; year++) {
    const fixed: Holiday[] = [
      { date: `${year}-01-01`, name: 'Tết Dương lịch' },
      { date: HUNG_KINGS[year]!, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)' },
      { date: `${year}-04-30`, name: 'Ngày Chiến thắng' },
      { date: `${year}-05-01`, name: 'Ngày Quốc tế lao động' },
      { date: NATIONAL_DAY_SECOND[year]!, name: 'Quốc khánh (ngày thứ hai)' },
      { date: `${year}-09-02`, name: 'Quốc khánh' },
    ];
    const tet = TET_DAYS[year]!.map((date) => ({ date, name: 'Tết Âm lịch' }));
    const taken = new Set([...fixed, ...tet].map((h) => h.date));
    list.push(...tet);
    for (const holiday of [...fixed].sort((a, b) => a.date.localeCompare(b.date))) {
      list.push(holiday);
      if (!isWeekend(holiday.date)) continue;
      // Art. 111(3): the next working day not already a holiday.
      let day = addDays(holiday.date, 1);
      while (isWeekend(day) || taken.has(day)) day = addDays(day, 1);
      taken.add(day);
      list.push({ date: day, name: `Nghỉ bù ${holiday.name}` });
    }
  }
  return list.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * The ledger's holidays, by date: its own list, or, while it holds none (never set, or emptied), the defaults. Reading
 * writes nothing, so a read-only ledger answers the same.
 */
export async function listHolidays(ctx: Ctx): Promise<Holiday[]> {
  const rows = await ctx.db.selectFrom('ngoHolidays').select(['date', 'name']).orderBy('date').execute();
  return rows.length ? rows : [...DEFAULT_HOLIDAYS];
}

/** The holidays' days, as the working days count them. */
export async function holidaySet(ctx: Ctx): Promise<Set<string>> {
  return new Set((await listHolidays(ctx)).map((h) => h.date));
}

/** Replaces the list (one name per day: a day given twice keeps its last name; an empty list brings back the defaults). */
export async function setHolidays(ctx: Ctx, input: { holidays: Holiday[] }): Promise<Holiday[]> {
  await ctx.db.deleteFrom('ngoHolidays').execute();
  for (const holiday of input.holidays) {
    const name = holiday.name.trim();
    await ctx.db
      .insertInto('ngoHolidays')
      .values({ date: holiday.date, name })
      .onConflict((c) => c.column('date').doUpdateSet({ name }))
      .execute();
  }
  return listHolidays(ctx);
}
