import fc from 'fast-check';
import { normalizeText } from '../../src/kb/phrases';

// What normalizeText wrote when it was two replaces; it now writes the same in one pass.
const asTwoReplaces = (text: string) =>
  text
    .replace(/\p{Lu}/gu, (c) => {
      const lower = c.toLowerCase();
      return lower.length === c.length ? lower : c;
    })
    .replace(/[\s_-]/g, ' ');

describe('normalizeText', () => {
  it('writes what the two replaces wrote, for capitals, spaces and surrogates of any kind', () => {
    // ASCII capitals and spaces, a no-break and an ideographic space, a line separator, accented
    // and Cyrillic capitals, a capital whose lower case is longer (İ), a Deseret capital and an
    // emoji (surrogate pairs), and lone surrogates.
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
        expect(normal).toBe(asTwoReplaces(text));
        expect(normal).toHaveLength(text.length);
      }),
      { numRuns: 3000, seed: 41 },
    );
  });

  it('keeps a long text whole, past the chunks it is written in', () => {
    const text = 'Port-Forwarding\u00a0to EXCH01 İ '.repeat(2000);
    expect(normalizeText(text)).toBe(asTwoReplaces(text));
  });
});
