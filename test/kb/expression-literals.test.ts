import fc from 'fast-check';
import { literalsByWay, literalsOf } from '../../src/kb/expression-literals';
import { normalizeText } from '../../src/kb/phrases';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { readBlindCorpora, readCorpus } from '../../harness/tickets';

// A prefilter that is wrong skips a ticket its expression would have read: every list must be
// met by every text the expression matches, as normalizeText writes that text.
function holds(lists: string[][], text: string): boolean {
  const normalized = normalizeText(text);
  return lists.every((list) => list.some((literal) => normalized.includes(literal)));
}

describe('the literals an expression requires', () => {
  it.each([
    // [source, lists]
    ['telnet', [['telnet']]],
    ['\\bport\\s+135\\b', [['port'], ['135']]],
    ['(?:forwarded|mapped) to', [['forwarded', 'mapped'], [' to']]],
    ['connection (?:failed|refused)', [['connection'], ['failed', 'refused']]],
    ['outl?o{1,2}k', [['out']]],
    // What an optional part or a negative lookaround holds is not required; a positive lookaround's is.
    ['(?:static )?NAT(?! box)', [['nat']]],
    ['\\d+(?<=\\bport )', [['port ']]],
    // Case does not matter: the ticket is read in lower case.
    ['[Pp]ortQry', [['portqry']]],
    // Hyphens, underscores and line breaks are spaces in the text the prefilter reads.
    ['port-forwarding', [['forwarding']]],
    ['one\\nline', [['one line']]],
    // A letter with case beyond ASCII is not a literal (its other case may be written apart); kana and kanji are.
    ['ПОРТ 135', [[' 135']]],
    ['ポート転送', [['ポート転送']]],
    // Anything that may match without a literal of two characters or more requires nothing.
    ['a|bc', []],
    ['(?:ab)?', []],
    ['\\d{1,3}\\.\\d{1,3}', []],
    ['[a-z]+', []],
  ])('%s', (source, lists) => {
    expect(literalsOf(source)).toEqual(lists);
  });

  it('keeps no space as a literal where spaces may stand for other characters', () => {
    expect(literalsOf('the server is', { spaceIsLiteral: false })).toEqual([['server'], ['the'], ['is']]);
  });

  it('holds for every text an expression matches: random expressions over random texts', () => {
    const letter = fc.constantFrom('a', 'b', 'A', 'B', ' ', '-', '_', '\n', '1', 'é', 'É', 'ポ');
    const regexSource = fc.letrec<{ expression: string; element: string }>((tie) => ({
      expression: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        tie('element'),
        fc.array(tie('element'), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')),
        fc.array(tie('element'), { minLength: 2, maxLength: 3 }).map((parts) => `(?:${parts.join('|')})`),
      ),
      element: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        letter.map((c) => (c === '\n' ? '\\n' : c)),
        fc.constantFrom('\\b', '\\s', '\\w', '.', '[ab]', '[aA]', '[^a]', '\\d', '\\-'),
        fc.tuple(tie('expression'), fc.constantFrom('?', '*', '+', '{2}', '{1,2}', '{0,1}')).map(([e, q]) => `(?:${e})${q}`),
        fc.tuple(fc.constantFrom('(?=', '(?!', '(?<=', '(?<!', '(?:', '('), tie('expression')).map(([open, e]) => `${open}${e})`),
      ),
    })).expression;
    fc.assert(
      fc.property(regexSource, fc.array(fc.string({ unit: letter, maxLength: 12 }), { minLength: 1, maxLength: 6 }), (source, texts) => {
        const regex = new RegExp(source, 'gi');
        const lists = literalsOf(source);
        for (const text of [...texts, ...texts.map((t) => t.toUpperCase())]) {
          regex.lastIndex = 0;
          if (regex.test(text)) expect(holds(lists, text)).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 5 },
    );
  });

  it('holds for every expression of the bundled rules over the corpora', () => {
    const expressions = bundledExpressions().map((regex) => ({ regex, lists: literalsOf(regex.source) }));
    const tickets = sampledTickets();
    let matched = 0;
    for (const { subject, body } of tickets) {
      const text = `${subject}\n.\n${body}`;
      for (const { regex, lists } of expressions) {
        regex.lastIndex = 0;
        if (!regex.test(text)) continue;
        matched += 1;
        if (!holds(lists, text)) throw new Error(`${regex.source} matches a ticket that misses one of ${JSON.stringify(lists)}`);
      }
    }
    // The check saw matches, not only tickets the expressions pass over.
    expect(matched).toBeGreaterThan(1000);
  });
});

// A ticket is searched where it meets the lists of one way: every match must meet those of the way it took.
describe('the literals each way of an expression requires', () => {
  it.each([
    // [source, ways]
    ['forwarded to|\\bpublish(?:es)? rpc', [[['forwarded ']], [['publish'], [' rpc']]]],
    // A group standing alone, but for \b, is read as its ways; so is a capturing one.
    ['\\b(?:static nat|port forward)\\b', [[['static nat']], [['port forwa']]]],
    ['(telnet)|(portqry)', [[['telnet']], [['portqry']]]],
    // One way is what literalsOf says already; a way that requires nothing leaves none to check.
    ['telnet', []],
    ['nat|x', []],
  ])('%s', (source, ways) => {
    expect(literalsByWay(source)).toEqual(ways);
  });

  it('holds for every text an expression matches: random alternations over random texts', () => {
    const letter = fc.constantFrom('a', 'b', 'A', ' ', '-', '\n', '1', 'é', 'ポ');
    const element = fc.constantFrom('ab', 'ba', 'a b', 'bb', '\\b', '\\s', '\\w', '.', '[ab]', '(?=ab)', '(?<=ba)', '(?!ab)', '(?:ab)?', '(?:ab|ba)', '(aa)', 'ポポ', 'É');
    const way = fc.array(element, { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));
    const source = fc.array(way, { minLength: 2, maxLength: 4 }).chain((ways) => fc.constantFrom(ways.join('|'), `\\b(?:${ways.join('|')})`, `(${ways.join('|')})\\b`));
    fc.assert(
      fc.property(source, fc.array(fc.string({ unit: letter, maxLength: 12 }), { minLength: 1, maxLength: 6 }), (pattern, texts) => {
        const regex = new RegExp(pattern, 'gi');
        const ways = literalsByWay(pattern);
        for (const text of [...texts, ...texts.map((t) => t.toUpperCase())]) {
          regex.lastIndex = 0;
          if (regex.test(text) && ways.length > 0) expect(ways.some((lists) => holds(lists, text))).toBe(true);
        }
      }),
      { numRuns: 3000, seed: 9 },
    );
  });

  it('holds for every expression of the bundled rules over the corpora', () => {
    const expressions = bundledExpressions()
      .map((regex) => ({ regex, ways: literalsByWay(regex.source) }))
      .filter(({ ways }) => ways.length > 0);
    const tickets = sampledTickets();
    let matched = 0;
    for (const { subject, body } of tickets) {
      const text = `${subject}\n.\n${body}`;
      for (const { regex, ways } of expressions) {
        regex.lastIndex = 0;
        if (!regex.test(text)) continue;
        matched += 1;
        if (!ways.some((lists) => holds(lists, text))) throw new Error(`${regex.source} matches a ticket that meets none of its ways ${JSON.stringify(ways)}`);
      }
    }
    expect(matched).toBeGreaterThan(200);
  });
});

/** Every expression of the bundled rules that reads a ticket's text. */
function bundledExpressions(): RegExp[] {
  const { extraction } = bundledKnowledgeBase().kb;
  return [...extraction.patterns.map((p) => p.regex), ...extraction.sentenceRules.flatMap((r) => r.all), ...extraction.withdrawals.map((w) => w.regex), ...extraction.context.map((c) => c.regex)];
}

/** Every tenth ticket of the blind corpora, and the first corpus: some 1,000 tickets in all. */
function sampledTickets() {
  return [...readCorpus(), ...readBlindCorpora().flatMap((c) => c.tickets.filter((_, i) => i % 10 === 0))];
}
