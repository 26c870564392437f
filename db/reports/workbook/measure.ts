/**
 * How much room a text takes on the printed page: its width in points in Times New Roman (Liberation Serif has the
 * same metrics), the lines it wraps to in a cell, and the row height those lines need. Spreadsheets neither widen a
 * column nor grow a written row to fit, so the report sizes them itself; the widths per glyph are a little over the
 * font's own (digits ½ em, capitals about ⅔ em, small letters under ½ em; a line 1.2 em), so a text measured to fit does fit.
 */

/** Points per unit of column width (the width of a digit in the workbook's default font, as spreadsheets count it). */
export const POINTS_PER_WIDTH = 5.25;
/** A cell's text keeps this far from its left and right edges. */
const CELL_PADDING = 4;

const NARROW = new Set([..." .,;:!|'()[]/-ilIjtf1"]);

/** Widths of the characters met so far: a report measures every character of tens of thousands of cells. */
const glyphWidths = new Map<string, number>();

/** Width of one character, in ems. */
function glyph(c: string): number {
  let width = glyphWidths.get(c);
  if (width === undefined) {
    width = glyphWidth(c);
    // Characters are few (letters, digits, accented letters), but a text may hold any: a bound keeps the map small.
    if (glyphWidths.size >= 4_096) glyphWidths.clear();
    glyphWidths.set(c, width);
  }
  return width;
}

function glyphWidth(c: string): number {
  if (NARROW.has(c)) return 0.34;
  if (c >= '0' && c <= '9') return 0.5;
  if (c === 'm' || c === 'w' || c === 'M' || c === 'W') return 0.9;
  const base = c.normalize('NFD')[0]!;
  if (base !== base.toLowerCase()) return 0.72;
  if (base !== base.toUpperCase()) return 0.47;
  return 0.6;
}

/** A line's width in points at a font size, bold a little wider. */
export function textWidth(text: string, size: number, bold = false): number {
  let ems = 0;
  for (const c of text) ems += glyph(c);
  return ems * size * (bold ? 1.08 : 1);
}

/** Points of text a cell of these column widths holds on one line. */
export function cellPoints(widths: number[]): number {
  return widths.reduce((sum, w) => sum + w * POINTS_PER_WIDTH + 3.75, 0) - CELL_PADDING;
}

/** The lines a text wraps to in `points` (at its spaces; a word longer than a line takes lines of its own). */
export function wrapLines(text: string, points: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(' ')) {
      const joined = line ? `${line} ${word}` : word;
      if (!line || textWidth(joined, size, bold) <= points) line = joined;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines;
}

function emsOf(text: string): number {
  let ems = 0;
  for (const c of text) ems += glyph(c);
  return ems;
}

/** Lines texts take, by font and room: a report measures the same donors, places and units in row after row. */
const linesByText = new Map<string, number>();

/**
 * Lines a text takes in `points`, counting a word too long for one line as the lines it breaks into. The same count
 * as wrapping it with `wrapLines` and measuring each line: a line's ems are added up in the order `textWidth` adds
 * them, character by character, so every comparison is made with the same number.
 */
export function linesIn(text: string, points: number, size: number, bold = false): number {
  const key = `${points}|${size}|${bold ? 1 : 0}|${text}`;
  let lines = linesByText.get(key);
  if (lines === undefined) {
    lines = countLines(text, points, size, bold);
    if (linesByText.size >= 20_000) linesByText.clear();
    linesByText.set(key, lines);
  }
  return lines;
}

function countLines(text: string, points: number, size: number, bold: boolean): number {
  const factor = bold ? 1.08 : 1;
  // As `textWidth` computes a width from ems, so that the numbers compared are the same.
  const width = (ems: number) => ems * size * factor;
  const space = glyph(' ');
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    // The line so far, as its ems; an empty line takes the next word without a space, as `wrapLines` does.
    let line = 0;
    let empty = true;
    for (const word of paragraph.split(' ')) {
      if (empty) {
        line = emsOf(word);
        empty = word === '';
        continue;
      }
      // The joined line's ems, added in the order of its characters: the line's, the space's, then the word's.
      let joined = line + space;
      for (const c of word) joined += glyph(c);
      if (width(joined) <= points) line = joined;
      else {
        lines += Math.max(1, Math.ceil(width(line) / points));
        line = emsOf(word);
        empty = word === '';
      }
    }
    lines += Math.max(1, Math.ceil(width(line) / points));
  }
  return lines;
}

/** The height of a row holding `lines` lines at a font size (the most a spreadsheet row takes is 409 points). */
export function heightOf(lines: number, size: number): number {
  return Math.min(409, Math.ceil(lines * size * 1.2 + 4));
}
