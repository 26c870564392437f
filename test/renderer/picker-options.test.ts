/** What the donor and place pickers offer for what is typed, apart from the pickers. */
import { describe, expect, it } from 'vitest';
import type { Donor } from '../../contract';
import { foldPlaceText, foldText } from '../../contract/text';
import {
  anyDonorMatch,
  donorMatches,
  donorOptions,
  firstMatches,
  matches,
  NEW_DONOR,
  NO_MATCH,
} from '../../renderer/src/components/pickerOptions';
import { initI18n } from '../../renderer/src/i18n';

const t = initI18n('en').getFixedT('en');
const donor = (id: string, name: string, more: Partial<Donor> = {}) =>
  ({ id, name, shortName: null, country: null, aliases: [], ...more }) as unknown as Donor;
const donors = [
  donor('d1', 'Tổ chức Tzu Chi', { country: 'Đài Loan' }),
  donor('d2', 'Plan International', { shortName: 'Plan', aliases: ['Tổ chức Plan'] }),
];

describe('the pickers', () => {
  it('find what was typed accents and case aside, in a donor’s names and country', () => {
    expect(matches('nha', 'Nhà ở')).toBe(true);
    expect(matches('nha', null, undefined, 'Học bổng')).toBe(false);
    expect(donorMatches(donors[0]!, 'dai loan')).toBe(true);
    expect(donorMatches(donors[1]!, 'to chuc plan')).toBe(true);
    expect(anyDonorMatch(donors, '', undefined)).toBe(true);
    expect(anyDonorMatch(donors, 'tzu', undefined)).toBe(true);
    expect(anyDonorMatch(donors, 'tzu', 'd1')).toBe(false);
  });

  it('offer the donors, a note when nothing matches, and the offer to make one named as typed', () => {
    expect(donorOptions(donors, '', true, undefined, false, t).map((o) => o.label)).toEqual([
      'Tổ chức Tzu Chi',
      'Plan International (Plan)',
    ]);
    const none = donorOptions(donors, 'Caritas', false, 'd1', true, t);
    expect(none.map((o) => o.value)).toEqual([NO_MATCH, 'd2', NEW_DONOR]);
    expect(none[0]!.disabled).toBe(true);
    expect(none.at(-1)!.label).toContain('"Caritas"');
    expect(donorOptions(donors, 'plan', true, undefined, true, t).at(-1)!.label).not.toContain('"');
  });

  it('show the first matches of a place search, every place while nothing is typed', () => {
    const folded = ['Xã Tĩnh Túc', 'Xã Ca Thành', 'Huyện Nguyên Bình'].map((name) => ({
      name,
      folded: foldText(name),
    }));
    expect(firstMatches(folded, '', 1)).toHaveLength(3);
    expect(firstMatches(folded, 'xa', 5).map((o) => o.name)).toEqual(['Xã Tĩnh Túc', 'Xã Ca Thành']);
    expect(firstMatches(folded, 'xa', 1).map((o) => o.name)).toEqual(['Xã Tĩnh Túc']);
  });

  it("find a place whichever apostrophe is typed: the office writes B’Lao and Ea H'Leo", () => {
    const names = ['Phường B’Lao', "Xã Ea H'Leo", 'Xã D’Ran', 'Xã Đạ Tẻh'].map((name) => ({
      name,
      folded: foldPlaceText(name),
    }));
    const found = (typed: string) => firstMatches(names, typed, 5, foldPlaceText).map((o) => o.name);
    for (const typed of ["b'lao", 'B’LAO', 'bʼlao', 'b`lao']) expect(found(typed)).toEqual(['Phường B’Lao']);
    for (const typed of ["ea h'leo", 'Ea H’Leo']) expect(found(typed)).toEqual(["Xã Ea H'Leo"]);
    expect(found("d'ran")).toEqual(['Xã D’Ran']);
  });
});
