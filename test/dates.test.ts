/** Dates as officers type them: read exactly, or refused naming why — never turned into another date. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayText, readDayText, readMonthText } from '../contract/dates';
import { dayProblem } from '../renderer/src/dates';
import { initI18n } from '../renderer/src/i18n';
import { propertyParams } from './random';

describe('a typed day', () => {
  it('is read in the forms officers type it', () => {
    for (const text of [
      '07/07/2022',
      '7/7/2022',
      '07.07.2022',
      '07-07-2022',
      ' 7 / 7 / 2022 ',
      '07072022',
      '2022-07-07',
    ]) {
      expect(readDayText(text), text).toEqual({ iso: '2022-07-07' });
    }
    expect(readDayText('29/02/2024')).toEqual({ iso: '2024-02-29' });
  });

  it('that does not exist is refused with the reason, never moved to a day that does', () => {
    expect(readDayText('31/02/2022')).toEqual({ reason: 'impossible', day: 31, month: 2, year: 2022, daysInMonth: 28 });
    expect(readDayText('29/02/2023')).toEqual({ reason: 'impossible', day: 29, month: 2, year: 2023, daysInMonth: 28 });
    expect(readDayText('31/04/2022')).toMatchObject({ reason: 'impossible', daysInMonth: 30 });
    expect(readDayText('00/01/2022')).toMatchObject({ reason: 'impossible' });
    expect(readDayText('12/13/2022')).toEqual({
      reason: 'impossible',
      day: 12,
      month: 13,
      year: 2022,
      daysInMonth: null,
    });
    expect(readDayText('01/01/2202')).toEqual({ reason: 'year', year: 2202 });
    for (const text of ['hôm nay', '7/7/22', '2022/07/07', '7 7 2022', '07/07', '1e5'])
      expect(readDayText(text), text).toEqual({ reason: 'unreadable' });
    expect(readDayText('  ')).toEqual({ reason: 'empty' });
  });

  it("round-trips every day of the ledger's years, and no other text reads as a day", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          const iso = date.toISOString().slice(0, 10);
          expect(readDayText(dayText(iso))).toEqual({ iso });
        },
      ),
      propertyParams(500),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1990, max: 2100 }),
        (d, m, y) => {
          const read = readDayText(`${d}/${m}/${y}`);
          const real = new Date(Date.UTC(y, m - 1, d));
          const exists = real.getUTCDate() === d && real.getUTCMonth() === m - 1;
          expect('iso' in read).toBe(exists);
          if ('iso' in read) expect(read.iso).toBe(real.toISOString().slice(0, 10));
        },
      ),
      propertyParams(1000),
    );
  });

  it('is refused in words the user reads, in both languages', () => {
    const i18n = initI18n('vi');
    expect(dayProblem(readDayText('31/02/2022'), i18n.getFixedT('vi'))).toBe(
      'Không có ngày 31/2/2022: tháng 2/2022 chỉ có 28 ngày',
    );
    expect(dayProblem(readDayText('31/02/2022'), i18n.getFixedT('en'))).toBe(
      'There is no 31/2/2022: month 2/2022 has 28 days',
    );
    expect(dayProblem(readDayText('abc'), i18n.getFixedT('vi'))).toBe(
      'Không đọc được ngày: gõ theo ngày/tháng/năm, ví dụ 07/07/2022',
    );
    expect(dayProblem(readDayText('01/13/2022'), i18n.getFixedT('en'))).toBe(
      'There is no month 13: months run from 1 to 12',
    );
    expect(dayProblem(readDayText('01/01/2202'), i18n.getFixedT('vi'))).toBe(
      'Năm 2202 nằm ngoài khoảng 1990–2100: hãy kiểm tra lại năm',
    );
    expect(dayProblem(readDayText('07/07/2022'), i18n.getFixedT('vi'))).toBeNull();
  });
});

describe('a typed month', () => {
  it('is read as YYYY-MM, or refused', () => {
    expect(readMonthText('07/2022')).toEqual({ yearMonth: '2022-07' });
    expect(readMonthText('7/2022')).toEqual({ yearMonth: '2022-07' });
    expect(readMonthText('2022-07')).toEqual({ yearMonth: '2022-07' });
    expect(readMonthText('13/2022')).toEqual({ reason: 'impossible', month: 13 });
    expect(readMonthText('July')).toEqual({ reason: 'unreadable' });
  });
});
