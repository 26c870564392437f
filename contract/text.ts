/**
 * Accent-, case- and normalisation-insensitive text keys, so "bao lac", "Bảo Lạc" typed in NFC
 * and "Bảo Lạc" pasted in NFD from another program all compare equal.
 */
export function foldText(text: string): string {
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
