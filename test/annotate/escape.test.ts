import MarkdownIt from 'markdown-it';
import fc from 'fast-check';
import { journalText, markdownLiteral, MAX_QUOTE_LENGTH, oneLineQuote } from '../../src/annotate/escape';

describe('escaping ticket text for notes', () => {
  it('a quote is one line, and a long one is cut and ends with …', () => {
    expect(oneLineQuote('a\r\n\tb\u2028c\u202ed')).toBe('a b c d');
    const long = oneLineQuote('x'.repeat(500));
    expect(long).toHaveLength(MAX_QUOTE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });

  it('a quote that needs no change is kept as it is, and one that does is changed, for every code unit', () => {
    // What the quick test lets through must be what replacing and trimming would leave alone.
    const full = (text: string) => text.replace(/[\s\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]+/gu, ' ').trim();
    for (let unit = 0; unit < 0x10000; unit += 1) {
      const c = String.fromCharCode(unit);
      for (const text of [`a${c}b`, `${c}ab`, `ab${c}`, `a ${c}b`]) expect([text, oneLineQuote(text)]).toEqual([text, full(text)]);
    }
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(' ', '  ', 'a', '\t', '\n', '\u00a0', '\u200e', '\u3000', 'é', '\ufeff', '\u0085'), maxLength: 20 }), (text) => {
        expect(oneLineQuote(text)).toBe(full(text));
      }),
      { numRuns: 3000, seed: 3 },
    );
  });

  it('Markdown shows any text as it is written: no link, emphasis, HTML or entity', () => {
    const markdown = new MarkdownIt({ html: true, linkify: true });
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('[', ']', '(', ')', '<', '>', '*', '_', '`', '&', '#', '!', '\\', 'a', ':', '/', '.', ' ', 'w', ';') }), (text) => {
        const line = oneLineQuote(text);
        const html = markdown.renderInline(markdownLiteral(line));
        const decoded = html
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&');
        expect(decoded).toBe(line);
      }),
      { numRuns: 2000, seed: 3 },
    );
  });

  it('ServiceNow journal text has no [code] tag, in any case or spacing', () => {
    expect(journalText('a [code]<b>x</b>[/code] [ CODE ] [/ Code] b')).toBe('a ［code］<b>x</b>［/code］ ［ CODE ］ ［/ Code］ b');
    expect(journalText('[codes] [x]')).toBe('[codes] [x]');
  });
});
