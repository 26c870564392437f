/** The amount of đồng in words printed under a report's totals. */
import { describe, expect, it } from 'vitest';
import { dongInWords } from '../db/reports/words';

describe('đồng in words', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [15, 'Mười lăm đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi tư đồng'],
    [101, 'Một trăm linh một đồng'],
    [1_001, 'Một nghìn không trăm linh một đồng'],
    [1_000_005, 'Một triệu không trăm linh năm đồng'],
    [305_000, 'Ba trăm linh năm nghìn đồng'],
    [1_002_400_000, 'Một tỷ không trăm linh hai triệu bốn trăm nghìn đồng'],
    [2_500_000_000_000, 'Hai nghìn năm trăm tỷ đồng'],
    [45_678_000_000, 'Bốn mươi lăm tỷ sáu trăm bảy mươi tám triệu đồng'],
  ])('%d reads "%s"', (vnd, words) => {
    expect(dongInWords(vnd)).toBe(words);
  });

  it('reads past the exact range of a float as a bigint, and refuses a fraction', () => {
    expect(dongInWords(10n ** 18n)).toBe('Một tỷ tỷ đồng');
    expect(() => dongInWords(1.5)).toThrow(RangeError);
  });
});
