/** A unit as the pickers and the ledger show it: a former one with the first day it was not in force, in either language. */
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../renderer/src/i18n';
import { placeLabel } from '../../renderer/src/places';

const i18n = initI18n('vi');

describe('a place as shown beside others', () => {
  it("marks a former unit with the day after its last, and leaves today's as named", () => {
    const vi = i18n.getFixedT('vi');
    const en = i18n.getFixedT('en');
    const former = { displayName: 'Xã Lũng Cú', validTo: '2025-06-30' };
    expect(placeLabel(former, vi)).toBe('Xã Lũng Cú (trước 01/07/2025)');
    expect(placeLabel(former, en)).toBe('Xã Lũng Cú (before 01/07/2025)');
    expect(placeLabel({ displayName: 'Huyện Thử', validTo: '2019-12-31' }, vi)).toBe('Huyện Thử (trước 01/01/2020)');
    expect(placeLabel({ displayName: 'Xã Lũng Cú', validTo: null }, vi)).toBe('Xã Lũng Cú');
  });
});
