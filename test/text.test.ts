/** Folded text keys: the quick folding agrees with the folding as defined, for any text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldSlowly, foldText } from '../contract/text';
import { propertyParams } from './random';

// Vietnamese letters precomposed and decomposed, marks alone, spaces of every kind, punctuation, and characters the
// table does not hold (Greek with its final sigma, CJK, an emoji, a lone surrogate).
const pieces = [
  ...'aAzZ09 .,-()\'"/\t\n\r',
  ...'ăâđêôơưĂÂĐÊÔƠƯáàảãạấầẩẫậắằẳẵặéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
  ...'ÁÀẢÃẠẤẦẨẪẬẮẰẲẴẶÉÈẺẼẸẾỀỂỄỆÍÌỈĨỊÓÒỎÕỌỐỒỔỖỘỚỜỞỠỢÚÙỦŨỤỨỪỬỮỰÝỲỶỸỴ',
  '\u0300',
  '\u0301',
  '\u0303',
  '\u0309',
  '\u0323',
  '\u00a0',
  '\u2002',
  '\u2009',
  '\u202f',
  '\u200b',
  '\u2019',
  '\u201c',
  '\u2013',
  'İ',
  'ǅ',
  'ß',
  'Ω',
  'Σ',
  'ΟΣ',
  '台',
  '😀',
  '\ud800',
  'Bảo Lạc'.normalize('NFD'),
  'ĐÀI LOAN',
  'Ｔ',
];

describe('folding text', () => {
  it('gives what the definition gives, for any text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const text = parts.join('');
        expect(foldText(text)).toBe(foldSlowly(text));
        expect(foldText(`${text} ${'x'.repeat(120)}`)).toBe(foldSlowly(`${text} ${'x'.repeat(120)}`));
      }),
      propertyParams(3000),
    );
    expect(foldText('  Tổ chức  Tzu\u00a0Chi ')).toBe('to chuc tzu chi');
    expect(foldText('ĐÀI LOAN ΟΣ')).toBe('dai loan ος');
  });
});
