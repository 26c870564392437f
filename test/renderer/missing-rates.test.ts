/** The report screen's rules for the USD rates a report lacks: when it asks, how a month reads, what a save sends. */
import { describe, expect, it } from 'vitest';
import type { MissingRates } from '../../contract';
import {
  asksForRates,
  linesLeft,
  monthRateInput,
  monthText,
  treasurySource,
} from '../../renderer/src/screens/missingRates';

const missing = (over: Partial<MissingRates> = {}): MissingRates => ({
  usd: true,
  from: '2026-01-01',
  to: '2026-12-31',
  months: [{ month: '2026-02', lines: 2, vnd: 90_000_000, usedRate: null }],
  unconverted: { lines: 2, vnd: 90_000_000 },
  ...over,
});

describe('missing USD rates of a report', () => {
  it('asks only for a report with USD figures and months without a rate', () => {
    expect(asksForRates(missing())).toBe(true);
    expect(asksForRates(missing({ months: [] }))).toBe(false);
    expect(asksForRates(missing({ usd: false }))).toBe(false);
    expect(linesLeft(missing())).toBe(2);
  });

  it("enters a month's State Treasury rate as the rates screen does, in the user's way of writing numbers", () => {
    expect(monthText('2026-02')).toBe('02/2026');
    expect(treasurySource('2026-02')).toBe('Tỷ giá hạch toán ngoại tệ tháng 02/2026 — Kho bạc Nhà nước');
    expect(monthRateInput('2026-02', '25.122', ' KBNN ', 'vi')).toEqual({
      currency: 'USD',
      validOn: '2026-02',
      rate: '25122',
      source: 'KBNN',
    });
    expect(monthRateInput('2026-02', '25,122.5', 'KBNN', 'en')).toMatchObject({ rate: '25122.5' });
  });
});
