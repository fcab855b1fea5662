import fc from 'fast-check';
import { normalizeText } from '../../src/kb/phrases';

// Each character lowered alone, where its lower case keeps its length, and white space, hyphens
// and underscores as spaces: what normalizeText writes (over the whole text at once, faster).
const characterByCharacter = (text: string) =>
  [...text]
    .map((c) => {
      const lower = c.toLowerCase();
      return lower.length === c.length ? lower : c;
    })
    .join('')
    .replace(/[\s_-]/g, ' ');

describe('normalizeText', () => {
  it('lowers each character as toLowerCase does where that keeps its length, and writes white space as spaces, surrogates of any kind included', () => {
    // ASCII capitals and spaces, a no-break and an ideographic space, a line separator, accented
    // and Cyrillic capitals, a capital whose lower case is longer (İ), a Deseret capital and an
    // emoji (surrogate pairs), lone surrogates, a titlecase letter and a Roman numeral. (Not the
    // Greek capital sigma, which toLowerCase lowers by the letters around it.)
    const unit = fc.constantFrom(
      'A',
      'z',
      'Q',
      ' ',
      '\t',
      '\n',
      '\r',
      '_',
      '-',
      '.',
      '1',
      '\u00a0',
      '\u3000',
      '\u2028',
      '\ufeff',
      'É',
      'é',
      'Ж',
      'İ',
      'ẞ',
      '\ud801\udc00',
      '\ud83d\ude00',
      '\ud801',
      '\udc00',
    );
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), (text) => {
        const normal = normalizeText(text);
        expect(normal).toBe(characterByCharacter(text));
        expect(normal).toHaveLength(text.length);
      }),
      { numRuns: 3000, seed: 41 },
    );
  });

  it('writes a long text with a capital whose lower case is longer character by character', () => {
    const text = 'Port-Forwarding\u00a0to EXCH01 İ '.repeat(2000);
    expect(normalizeText(text)).toBe(characterByCharacter(text));
  });
});
