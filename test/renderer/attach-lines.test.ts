/** What the "attach pledge lines" dialog offers for what is typed and the switch, and how its keys move and check. */
import { describe, expect, it } from 'vitest';
import {
  ATTACH_LIMIT,
  attachableLines,
  attachLinesInput,
  chosenOffered,
  moveActive,
  toggleChosen,
} from '../../renderer/src/components/attachLines';

const line = (id: string, donorId: string, donorName: string, description: string, placeName: string) => ({
  id,
  donorId,
  donorName,
  donorShortName: donorId === 'plan' ? 'Plan' : null,
  description,
  placeName,
  todayPlaceName: placeName === 'Xã Hưng Đạo (đơn vị cũ)' ? 'Phường Nùng Trí Cao' : null,
});
const lines = [
  line('1', 'vcf', 'Quỹ Cộng đồng Việt Nam', 'Bể nước trường tiểu học', 'Xã Bảo Lạc'),
  line('2', 'vcf', 'Quỹ Cộng đồng Việt Nam', 'Sửa nhà văn hóa', 'Xã Hưng Đạo (đơn vị cũ)'),
  line('3', 'plan', 'Plan International', 'Bể nước sinh hoạt', 'Xã Bảo Lạc'),
  line('4', 'plan', 'Plan International', "Học bổng cho học sinh Ea H'Leo", 'Xã Ea H’Leo'),
];
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('the lines offered to attach', () => {
  it('are by default the item donor’s own, asked of the ledger so, and every donor’s with the switch', () => {
    expect(attachLinesInput('vcf', false)).toEqual({
      filter: { withoutItem: true, donorId: 'vcf' },
      page: { offset: 0, limit: ATTACH_LIMIT },
    });
    expect(attachLinesInput('vcf', true).filter).toEqual({ withoutItem: true });
    expect(ids(attachableLines(lines, '', 'vcf'))).toEqual(['1', '2']);
    expect(ids(attachableLines(lines, '', null))).toEqual(['1', '2', '3', '4']);
  });

  it('narrow to every word typed, accents and case aside, in description, donor or place', () => {
    expect(ids(attachableLines(lines, 'be nuoc', null))).toEqual(['1', '3']);
    expect(ids(attachableLines(lines, 'be nuoc', 'vcf'))).toEqual(['1']);
    expect(ids(attachableLines(lines, 'BẢO LẠC  nuoc', null))).toEqual(['1', '3']);
    expect(ids(attachableLines(lines, 'plan bao lac', null))).toEqual(['3']);
    expect(ids(attachableLines(lines, 'quy cong dong', null))).toEqual(['1', '2']);
    // Today's unit of a former one, and an apostrophe typed either way.
    expect(ids(attachableLines(lines, 'nung tri cao', null))).toEqual(['2']);
    expect(ids(attachableLines(lines, "ea h'leo", null))).toEqual(['4']);
    expect(ids(attachableLines(lines, 'ea h’leo', null))).toEqual(['4']);
    expect(attachableLines(lines, 'khong co', null)).toEqual([]);
    expect(ids(attachableLines(lines, '   ', 'plan'))).toEqual(['3', '4']);
  });
});

describe('the dialog’s keys', () => {
  it('move the active line within the list, down from none to the first', () => {
    expect(moveActive(-1, 1, 3)).toBe(0);
    expect(moveActive(0, 1, 3)).toBe(1);
    expect(moveActive(2, 1, 3)).toBe(2);
    expect(moveActive(0, -1, 3)).toBe(-1);
    expect(moveActive(-1, -1, 3)).toBe(-1);
    expect(moveActive(-1, 1, 0)).toBe(-1);
  });

  it('check and uncheck a line, and attach only the chosen lines still offered', () => {
    expect(toggleChosen([], '1')).toEqual(['1']);
    expect(toggleChosen(['1', '3'], '1')).toEqual(['3']);
    expect(chosenOffered(['1', '3'], lines.slice(0, 2))).toEqual(['1']);
  });
});
