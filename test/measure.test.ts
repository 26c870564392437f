/**
 * The lines a report's cell text takes: counted without building the wrapped lines, it is the same count as wrapping
 * the text (`wrapLines`) and measuring each line, for any text, room, size and weight, and the same when asked again.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { linesIn, textWidth, wrapLines } from '../db/reports/workbook/measure';
import { propertyParams } from './random';

/** The count as wrapping gives it: each wrapped line, and a word too long for a line as the lines it breaks into. */
const wrappedCount = (text: string, points: number, size: number, bold: boolean) =>
  wrapLines(text, points, size, bold).reduce(
    (n, line) => n + Math.max(1, Math.ceil(textWidth(line, size, bold) / points)),
    0,
  );

// Spaces and newlines often, doubled and at the ends; short and long words; Vietnamese letters; wide and narrow glyphs.
const piece = fc.constantFrom(
  ' ',
  ' ',
  '  ',
  '\n',
  'a',
  'Nguyễn',
  'Hội Chữ thập đỏ',
  'mmmmmmmmmmmmmmmmmmmm',
  'il1',
  'WW',
  '1.234.567',
  '(Đ)',
  'ường',
  'x',
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('the lines a text takes', () => {
  it('are the lines it wraps to, long words counted as the lines they break into', () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 3, max: 60 }),
        fc.constantFrom(9, 10, 11, 12, 13, 14),
        fc.boolean(),
        (t, width, size, bold) => {
          const points = width * 5.25 - 0.25;
          const expected = wrappedCount(t, points, size, bold);
          expect(linesIn(t, points, size, bold)).toBe(expected);
          expect(linesIn(t, points, size, bold)).toBe(expected);
        },
      ),
      propertyParams(2000),
    );
  });

  it('at the edge: a line exactly as wide as the room still holds the next word', () => {
    const size = 11;
    const points = textWidth('ab cd', size);
    expect(linesIn('ab cd', points, size)).toBe(1);
    expect(linesIn('ab cd', points - 0.01, size)).toBe(2);
    expect(linesIn('', points, size)).toBe(1);
    expect(linesIn('a\n\nb', points, size)).toBe(3);
  });
});
