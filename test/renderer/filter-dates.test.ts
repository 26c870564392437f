/** A filter's date field: what it applies as typed, and when it takes up a date set elsewhere. */
import { describe, expect, it } from 'vitest';
import { followsDate, typedFilterDate } from '../../renderer/src/filters';

describe('a filter’s date', () => {
  it('applies a real day, clears when emptied, and applies nothing while it is neither', () => {
    expect(typedFilterDate('07/07/2022')).toEqual({ iso: '2022-07-07' });
    expect(typedFilterDate('  ')).toEqual({ iso: undefined });
    expect(typedFilterDate('31/02/2022')).toBeNull();
    expect(typedFilterDate('07/07')).toBeNull();
  });

  it('takes up a date set elsewhere, unless the user is typing one not yet readable', () => {
    expect(followsDate('', '2022-07-01')).toBe(true);
    expect(followsDate('07/07/2022', '2022-07-01')).toBe(true);
    expect(followsDate('07/07/2022', undefined)).toBe(true);
    expect(followsDate('01/07/2022', '2022-07-01')).toBe(false);
    expect(followsDate('', undefined)).toBe(false);
    expect(followsDate('07/0', '2022-07-01')).toBe(false);
  });
});
