/**
 * The text of a CSV file in the encodings Vietnamese offices save it in: UTF-8 (with or without its byte order mark),
 * UTF-16 little or big endian (Excel's "Unicode text"), and Windows-1258 (the CSV of an older Excel on a Vietnamese
 * Windows). They are told apart by the byte order mark, then by where zero bytes fall (UTF-16 without a mark), then by
 * whether the bytes are valid UTF-8; bytes that are not are Windows-1258. Windows-1258 writes most tone marks as
 * combining marks after the letter ("Nha" + U+0300): the text is composed (NFC), as every other encoding's is, so that
 * names compare as typed.
 *
 * Text typed with the old Vietnamese fonts, TCVN3 (ABC, .VnTime) or VNI (VNI-Times), is not Vietnamese letters but
 * Western ones drawn as Vietnamese by the font ("Ngµy cam kÕt", "Ngaøy cam keát"): such a file is recognised and
 * refused, naming the font's encoding, rather than read as garbled names.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';

/** The file's text and the encoding it was read in. */
export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

/** How much of the file the byte statistics look at. */
const SAMPLE_BYTES = 64 * 1024;

export function detectEncoding(bytes: Buffer): { encoding: TextEncoding; bom: number } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    return { encoding: 'utf-8', bom: 3 };
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: 2 };
  const utf16 = utf16ByZeros(bytes.subarray(0, SAMPLE_BYTES));
  if (utf16) return { encoding: utf16, bom: 0 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bom: 0 };
  } catch {
    return { encoding: 'windows-1258', bom: 0 };
  }
}

/**
 * UTF-16 without a byte order mark: the high byte of every ASCII character (separators, digits, spaces) is zero, so
 * a third or more of the pairs have a zero on one side and almost none on the other. No text in a one-byte encoding
 * or UTF-8 has zero bytes.
 */
function utf16ByZeros(sample: Buffer): 'utf-16le' | 'utf-16be' | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  if (odd >= pairs / 3 && even <= pairs / 50) return 'utf-16le';
  if (even >= pairs / 3 && odd <= pairs / 50) return 'utf-16be';
  return null;
}

/** The file's text, composed (NFC), without its byte order mark. */
export function decodeText(bytes: Buffer): DecodedText {
  const { encoding, bom } = detectEncoding(bytes);
  const text = new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes.subarray(bom));
  return { text: text.normalize('NFC'), encoding };
}

// Vietnamese letters as Unicode writes them composed, beside the 26 of ASCII.
const VIETNAMESE_LETTERS = new Set(
  [
    'àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ',
    'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴĐ',
  ].join(''),
);

// Letters TCVN3 draws as Vietnamese from symbols no Vietnamese or Western word has ("Ngµy": ngày, "§¬n": đơn).
const TCVN3_SIGNS = /[¡¢£¤¥¦§¨©ª«¬\u00ad®µ¶·¸¹»¼½¾×÷ÇÐßçþ]/u;
// VNI writes a letter, then its marks as a second character: "Vieät", "ngaøy", "ñoàn" (đoàn), "Ñoàng".
const VNI_MARKS = /[aeiouyAEIOUYôöÔÖ][øùûõïâáàåãäéèúüëêØÙÛÕÏÂÁÀÅÃÄÉÈÚÜËÊ]|[ñÑöÖæÆîÎòÒ]/u;

// Latin letters and marks beyond ASCII: other scripts (Chinese, Khmer, Cyrillic names) are Unicode read right.
const LATIN_BEYOND_ASCII = /[\u0080-\u024f\u1e00-\u1eff]|[\u0300-\u036f]/u;

/**
 * A word in Latin letters beyond ASCII: Vietnamese, or foreign when it has a letter outside the Vietnamese alphabet
 * or a capital inside it ("ViÖt"); null for a word of ASCII letters or of another script.
 */
function wordKind(word: string): 'vietnamese' | 'foreign' | null {
  if (!LATIN_BEYOND_ASCII.test(word)) return null;
  let previousLower = false;
  for (const ch of word) {
    const ascii = ch < '\u0080';
    if (!ascii && LATIN_BEYOND_ASCII.test(ch) && !VIETNAMESE_LETTERS.has(ch)) return 'foreign';
    const upper = ch !== ch.toLowerCase();
    if (!ascii && upper && previousLower) return 'foreign';
    previousLower = ch !== ch.toUpperCase();
  }
  return 'vietnamese';
}

/** Words and the old fonts' signs (TCVN3 writes some letters as symbols: they are part of its words). */
const WORDS = /[\p{L}\p{M}¡-¿×÷]+/gu;

/**
 * TCVN3 or VNI when most accented words of the text are not Vietnamese and look like that font's; 'unknown' when
 * they are not Vietnamese and look like neither (text in another encoding); null for Vietnamese text. `view` is the
 * text as a Western (Windows-1252) reader shows the same bytes, what the fonts' tables are written in.
 */
export function oldFontOf(text: string, view: string = text): 'TCVN3' | 'VNI' | 'unknown' | null {
  let accented = 0;
  let foreign = 0;
  for (const [word] of text.slice(0, SAMPLE_BYTES).matchAll(WORDS)) {
    const kind = wordKind(word);
    if (kind) accented++;
    if (kind === 'foreign') foreign++;
  }
  // A few foreign names among Vietnamese ones (Österreich, Ærø) are names; a quarter of the words is the encoding.
  if (foreign < 3 || foreign < accented / 4) return null;
  let tcvn3 = 0;
  let vni = 0;
  for (const [word] of view.slice(0, SAMPLE_BYTES).matchAll(WORDS)) {
    if (!LATIN_BEYOND_ASCII.test(word)) continue;
    if (TCVN3_SIGNS.test(word)) tcvn3++;
    else if (VNI_MARKS.test(word)) vni++;
  }
  if (Math.max(tcvn3, vni) < foreign / 2) return 'unknown';
  return tcvn3 >= vni ? 'TCVN3' : 'VNI';
}
