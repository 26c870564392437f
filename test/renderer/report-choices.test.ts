/** The report screen's rules, apart from the screen: the period chosen, what is asked of the ledger, rows as read. */
import { describe, expect, it } from 'vitest';
import type { PledgeChangedSince, ReportDetailRow, SentReport, SinceLastReport } from '../../contract';
import { madeBy } from '../../renderer/src/format';
import {
  periodOptionMatches,
  changedSinceCount,
  changedSinceKinds,
  halfOf,
  initialReportChoices,
  originalAmountText,
  reportInput,
  reportPeriod,
  reportYears,
} from '../../renderer/src/screens/reportChoices';

describe('the report choices', () => {
  it('open on the current quarter of this year, for the province, every line', () => {
    expect(initialReportChoices(new Date(2026, 7, 15))).toEqual({
      kind: 'quarter',
      year: 2026,
      part: 3,
      sinceLastReport: false,
      todaysUnits: false,
      itemFacets: [],
    });
    expect(initialReportChoices(new Date(2026, 0, 1)).part).toBe(1);
    expect(initialReportChoices(new Date(2026, 11, 31)).part).toBe(4);
  });

  it('name the period as the contract keys it; a third or fourth quarter kept for halves reads as the second half', () => {
    expect(reportPeriod('quarter', 2022, 3)).toBe('2022-Q3');
    expect(reportPeriod('half', 2022, 1)).toBe('2022-H1');
    expect(reportPeriod('half', 2022, 4)).toBe('2022-H2');
    expect(reportPeriod('year', 2022, 4)).toBe('2022');
    expect(halfOf(3)).toBe(2);
    expect(halfOf(1)).toBe(1);
  });

  it('offer the years from next year back to 2011', () => {
    const years = reportYears(new Date(2026, 5, 1));
    expect(years[0]).toBe(2027);
    expect(years.at(-1)).toBe(2011);
    expect(years).toHaveLength(17);
  });

  it('ask for the period, place, language, kind of changes, units and items chosen', () => {
    const choices = initialReportChoices(new Date(2022, 7, 1));
    expect(reportInput(choices, 'vi', '2026-12-07')).toEqual({ period: '2022-Q3', lang: 'vi', changes: 'period' });
    expect(
      reportInput(
        {
          ...choices,
          kind: 'year',
          placeId: 'pl1',
          todaysUnits: true,
          sinceLastReport: true,
          itemFacets: ['sector:health', 'stage:approved'],
        },
        'en',
        '2026-12-07',
      ),
    ).toEqual({
      period: '2022',
      placeId: 'pl1',
      unitsOf: '2026-12-07',
      lang: 'en',
      changes: 'sinceLastReport',
      sectors: ['health'],
      stages: ['approved'],
    });
    expect(reportInput(choices, 'fr', '2026-12-07').lang).toBe('vi');
  });

  it("ask for the period rule chosen, and for the department's while none is", () => {
    const choices = initialReportChoices(new Date(2022, 7, 1));
    expect(reportInput(choices, 'vi', '2026-12-07')).not.toHaveProperty('cutoff');
    expect(reportInput({ ...choices, cutoff: 'statutory' }, 'vi', '2026-12-07').cutoff).toBe('statutory');
  });
});

describe('a report as read', () => {
  const change = (id: string): PledgeChangedSince => ({
    id,
    at: '2022-10-02T08:00:00.000Z',
    pledgeDate: '2022-08-01',
    donor: 'Tổ chức Tzu Chi',
    description: 'Xây nhà',
    vnd: 1_000_000,
    by: 'Lan',
  });
  const sent = { userName: null, siteName: 'Sở Ngoại vụ' } as SentReport;

  it('says who made a report: the user and the installation, or the installation alone', () => {
    expect(madeBy('Lan', 'Sở Ngoại vụ')).toBe('Lan — Sở Ngoại vụ');
    expect(madeBy(null, 'Sở Ngoại vụ')).toBe('Sở Ngoại vụ');
  });

  it('counts what changed since the last report, and lists only the kinds of change that happened', () => {
    const since: SinceLastReport = {
      report: sent,
      added: [change('a')],
      amended: [],
      deleted: [change('b'), change('c')],
    };
    expect(changedSinceCount(since)).toBe(3);
    expect(changedSinceKinds(since)).toEqual(['added', 'deleted']);
    expect(changedSinceCount({ report: sent, added: [], amended: [], deleted: [] })).toBe(0);
  });

  it('writes a detail row in its own currency, and nothing for a row without an amount', () => {
    const row = { amountMinor: 1_000_000, currency: 'USD' } as ReportDetailRow;
    expect(originalAmountText(row, 'en')).toBe('10,000.00 USD');
    expect(originalAmountText(row, 'vi')).toBe('10.000,00 USD');
    expect(originalAmountText({ ...row, amountMinor: null }, 'vi')).toBe('');
  });
});

describe("the period lists' typing", () => {
  const years = [2027, 2026, 2022, 2012, 2011].map((y) => ({ value: y, label: String(y) }));
  const quarters = ['I', 'II', 'III', 'IV'].map((n, i) => ({ value: i + 1, label: `Quý ${n}` }));
  const found = (typed: string, options: { value: number; label: string }[]) =>
    options.filter((o) => periodOptionMatches(typed, o)).map((o) => o.value);

  it('finds a year by its first digits, a quarter by its numeral or its number', () => {
    expect(found('2022', years)).toEqual([2022]);
    expect(found('201', years)).toEqual([2012, 2011]);
    expect(found('', years)).toEqual([2027, 2026, 2022, 2012, 2011]);
    expect(found('3', quarters)).toEqual([3]);
    expect(found('iii', quarters)).toEqual([3]);
    expect(found('quý i', quarters)).toEqual([1, 2, 3, 4]);
    expect(found('QUÝ IV', quarters)).toEqual([4]);
    expect(found('5', quarters)).toEqual([]);
    expect(periodOptionMatches('1', undefined)).toBe(false);
  });
});
