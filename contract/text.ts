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
    folds.set(text, (folded = fold(text)));
  }
  return folded;
}

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The words of a search query, folded; empty words are dropped. */
export function searchWords(query: string): string[] {
  return foldText(query).split(' ').filter((w) => w.length > 0);
}

/** Escapes LIKE wildcards so a user's "%" or "_" is matched literally (with ESCAPE '\\'). */
export function escapeLike(word: string): string {
  return word.replace(/[\\%_]/g, (c) => '\\' + c);
}
