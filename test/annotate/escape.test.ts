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
