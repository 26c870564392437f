/**
 * Vietnamese text written in the encodings offices' files come in, by the tests themselves: Windows-1258 (Microsoft's
 * code page, as Node's decoder reads it, with tone marks combined onto the letter where the code page has the letter
 * and as separate marks otherwise, or always separate), and the old font encodings TCVN3 (TCVN 5712:1993, the "ABC"
 * fonts .VnTime) and VNI (VNI-Times), as the bytes a Western Windows saves of text typed with those fonts.
 */

const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'] as const;
const BASES = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/** Every Vietnamese vowel with every tone, lower case then upper case, and đ Đ: 146 letters. */
export const ALL_LETTERS = (() => {
  const lower = BASES.flatMap((b) => TONES.map((t) => (b + t).normalize('NFC')));
  return [...lower, 'đ', ...lower.map((c) => c.toUpperCase()), 'Đ'];
})();

const toneOf = (ch: string) => TONES.find((t) => t !== '' && ch.normalize('NFD').includes(t)) ?? '';
const withoutTone = (ch: string) => {
  const tone = toneOf(ch);
  return tone ? ch.normalize('NFD').replace(tone, '').normalize('NFC') : ch;
};

const CP1258 = (() => {
  const decoder = new TextDecoder('windows-1258');
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    if (ch !== '\ufffd' && !map.has(ch)) map.set(ch, b);
  }
  return map;
})();

/**
 * Text in Windows-1258. `marks`: 'where-needed' writes a toned letter the code page has as that letter (à, é) and
 * the others as the letter and a tone mark (ầ = â + U+0300); 'always' writes every tone as a mark (à = a + U+0300).
 */
export function windows1258(text: string, marks: 'where-needed' | 'always'): Buffer {
  const out: number[] = [];
  for (const ch of text.normalize('NFC')) {
    const direct = CP1258.get(ch);
    if (direct !== undefined && (marks === 'where-needed' || !toneOf(ch))) {
      out.push(direct);
      continue;
    }
    const base = CP1258.get(withoutTone(ch));
    const tone = CP1258.get(toneOf(ch));
    if (base === undefined || tone === undefined) throw new Error(`${ch} has no Windows-1258 form`);
    out.push(base, tone);
  }
  return Buffer.from(out);
}

// TCVN3's letters (TCVN 5712:1993), as a Western code page shows its bytes.
const TCVN3_FROM = 'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵĂÂĐÊÔƠƯ';
const TCVN3_TO = 'µ¸¶·¹¨»¾¼½Æ©ÇÊÈÉË®ÌÐÎÏÑªÒÕÓÔÖ×ÝØÜÞßãáâä«åèæçé¬êíëìîïóñòô\u00adõøö÷ùúýûüþ¡¢§£¤¥¦';

/** Text typed with a TCVN3 font, as saved by a Western Windows. TCVN3 has no capitals with tones: `text` has none. */
export function tcvn3(text: string): Buffer {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const i = TCVN3_FROM.indexOf(ch);
    if (i < 0 && ch >= '\u0080') throw new Error(`${ch} has no TCVN3 form`);
    out += i < 0 ? ch : TCVN3_TO[i];
  }
  return Buffer.from(out, 'latin1');
}

// VNI writes the letter, then one character for its shape and tone together.
const VNI_MARK: Record<string, Record<string, string>> = {
  '': { '': '', '\u0300': 'ø', '\u0301': 'ù', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' },
  '\u0302': { '': 'â', '\u0300': 'à', '\u0301': 'á', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' },
  '\u0306': { '': 'ê', '\u0300': 'è', '\u0301': 'é', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' },
};
const VNI_WHOLE: Record<string, string> = { ì: 'ì', í: 'í', ỉ: 'æ', ĩ: 'ó', ị: 'ò', ỵ: 'î', đ: 'ñ' };

/** Text typed with a VNI font, as saved by a Western Windows. */
export function vni(text: string): Buffer {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const lower = ch.toLowerCase();
    const upper = ch !== lower;
    const up = (s: string) => (upper ? s.toUpperCase() : s);
    if (ch < '\u0080') out += ch;
    else if (VNI_WHOLE[lower]) out += up(VNI_WHOLE[lower]);
    else {
      const tone = toneOf(lower);
      const shaped = withoutTone(lower);
      // ơ and ư are letters of their own (ô and ö), which take the tone marks as a, e, o do.
      if (shaped === 'ơ' || shaped === 'ư') out += up(shaped === 'ơ' ? 'ô' : 'ö') + up(VNI_MARK['']![tone]!);
      else {
        const parts = shaped.normalize('NFD');
        const mark = VNI_MARK[parts.slice(1)]?.[tone];
        if (mark === undefined) throw new Error(`${ch} has no VNI form`);
        out += up(parts[0]!) + up(mark);
      }
    }
  }
  return Buffer.from(out, 'latin1');
}
