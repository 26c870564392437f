/**
 * Accent-, case- and normalisation-insensitive text keys, so "bao lac", "Bảo Lạc" typed in NFC
 * and "Bảo Lạc" pasted in NFD from another program all compare equal.
 */
const folds = new Map<string, string>();

export function foldText(text: string): string {
  // The same names (places, donors, header words) are folded over and over, a whole catalogue per file read: short
  // texts are kept, up to a bound, and the cache starts over when full.
  if (text.length > 120) return fold(text);
  let folded = folds.get(text);
  if (folded === undefined) {
    if (folds.size >= 20_000) folds.clear();
    folded = fold(text);
    folds.set(text, folded);
  }
  return folded;
}

/**
 * A place's name folded with its apostrophes alike: the statistics office writes "B’Lao" and "Ea H'Leo", and an
 * officer types either. Only places: donors' stored keys keep the apostrophe they were written with.
 */
export function foldPlaceText(text: string): string {
  return foldText(text.replace(/[\u2018\u2019\u02bc`\u00b4]/g, "'"));
}

/** The folding as defined: decomposed, marks dropped, đ as d, lower case, spaces collapsed and trimmed. */
export function foldSlowly(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * In the Latin letters (Vietnamese among them), their combining marks and general punctuation, a text folds as its
 * characters do one by one: each is folded once and kept (' ' for a space, '' for a mark), and a text of them only
 * is folded from that table, some three times quicker (a quarter's import folds every pledge's words). A text with
 * any other character (Greek, whose final sigma lowers by context; a character outside the BMP) is folded as defined.
 */
const UNIT_FOLDS_END = 0x2070;
const unitFolds: (string | undefined)[] = new Array(UNIT_FOLDS_END);
const foldsByUnit = (c: number) =>
  c < 0x250 || (c >= 0x300 && c < 0x370) || (c >= 0x1e00 && c < 0x1f00) || (c >= 0x2000 && c < UNIT_FOLDS_END);

function fold(text: string): string {
  let out = '';
  let spaceBefore = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let folded: string;
    if (c < 128) {
      if (c >= 65 && c <= 90) folded = String.fromCharCode(c + 32);
      else if (c === 32 || (c >= 9 && c <= 13)) folded = ' ';
      else folded = text[i]!;
    } else {
      if (!foldsByUnit(c)) return foldSlowly(text);
      folded = unitFolds[c] ??= /\s/.test(text[i]!) ? ' ' : foldSlowly(text[i]!);
    }
    if (folded === ' ') spaceBefore = out.length > 0;
    else if (folded !== '') {
      if (spaceBefore) out += ' ';
      spaceBefore = false;
      out += folded;
    }
  }
  return out;
}

/** The words of a search query, folded; empty words are dropped. */
export function searchWords(query: string): string[] {
  return foldText(query)
    .split(' ')
    .filter((w) => w.length > 0);
}

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally (with ESCAPE '\\'). */
export function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => `\\${c}`);
}
