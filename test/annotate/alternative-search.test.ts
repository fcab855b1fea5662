import fc from 'fast-check';
import { eachMatch, matchesAnywhere, matchesOf } from '../../src/annotate/alternative-search';
import { findPhrasesAndRequiredTexts } from '../../src/annotate/phrases';
import { alternativesOf, type Alternatives } from '../../src/kb/alternatives';
import { normalizeText } from '../../src/kb/phrases';
import { passes, prefilterOf } from '../../src/kb/prefilter';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { readBlindCorpora, readCorpus } from '../../harness/tickets';

/** Every match of a global expression as exec finds them, as [index, text] pairs. */
function wholeMatches(regex: RegExp, text: string): [number, string][] {
  const found: [number, string][] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    found.push([match.index, match[0]]);
    if (match[0] === '') regex.lastIndex += 1;
  }
  return found;
}

const pairs = (matches: RegExpExecArray[]) => matches.map((match): [number, string] => [match.index, match[0]]);

describe('searching only the alternatives a ticket can match', () => {
  // Alternatives that overlap, share a start, match empty, or look behind, where the order of the
  // alternatives and where a search resumes decide which matches the whole expression returns.
  const alternative = fc.constantFrom('ab', 'a', 'b+', 'ba', 'a?', '(?<=a)b', 'b(?=a)', '(?:ab)+', 'c', 'x*', '\\bab', 'bab');

  it('finds the matches the whole expression finds, whichever alternatives the ticket holds the texts of', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(alternative, { minLength: 2, maxLength: 5 }),
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 30 }),
        fc.infiniteStream(fc.boolean()),
        (sources, text, extra) => {
          const whole = new RegExp(sources.join('|'), 'gi');
          // Alternative i requires text i; the ticket holds it where the alternative matches, and
          // maybe elsewhere too (a prefilter only ever lets through more than matches).
          const matchesSomewhere = sources.map((source) => new RegExp(source, 'gi').test(text));
          const found = Uint8Array.from(matchesSomewhere, (matches) => (matches || extra.next().value ? 1 : 0));
          const alternatives: Alternatives = { expressions: sources.map((source) => new RegExp(source, 'gi')), prefilters: sources.map((_, i) => prefilterOf([[i]], [])) };
          expect(pairs(matchesOf(whole, alternatives, text, found))).toEqual(wholeMatches(whole, text));
          expect(matchesAnywhere(whole, alternatives, text, found)).toBe(new RegExp(whole.source, 'i').test(text));
        },
      ),
      { numRuns: 4000, seed: 5 },
    );
  });

  it('splits a group that stands beside assertions alone into its alternatives, and finds what the whole finds', () => {
    const assertion = fc.constantFrom('', '\\b', '(?<=a)', '(?!b)', '^');
    fc.assert(
      fc.property(
        fc.uniqueArray(alternative, { minLength: 2, maxLength: 5 }),
        assertion,
        assertion,
        fc.string({ unit: fc.constantFrom('a', 'b', 'c', ' '), maxLength: 30 }),
        fc.infiniteStream(fc.boolean()),
        (sources, before, after, text, extra) => {
          const whole = new RegExp(`${before}(?:${sources.join('|')})${after}`, 'gi');
          let next = 0;
          const alternatives = alternativesOf(whole, () => prefilterOf([[next++]], []))!;
          expect(alternatives.expressions.map((e) => e.source)).toEqual(sources.map((source) => `${before}(?:${source})${after}`));
          const found = Uint8Array.from(alternatives.expressions, (expression) => (new RegExp(expression.source, 'i').test(text) || extra.next().value ? 1 : 0));
          expect(pairs(matchesOf(whole, alternatives, text, found))).toEqual(wholeMatches(whole, text));
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('merges in the expression order where two alternatives match at one position, and resumes after the match chosen', () => {
    const whole = /ba|bab|c/gi;
    const alternatives = alternativesOf(whole, (expression) => prefilterOf([[['ba', 'bab', 'c'].indexOf(expression.source)]], []))!;
    // The ticket holds no "c": only "ba" and "bab" are searched, and both match at 0.
    const found = Uint8Array.from([1, 1, 0]);
    expect(pairs(matchesOf(whole, alternatives, 'babba', found))).toEqual([
      [0, 'ba'],
      [3, 'ba'],
    ]);
  });

  it('reads nothing into an expression with capture groups, whose numbers count across alternatives', () => {
    expect(alternativesOf(/(a)|b/gi, () => prefilterOf([[0]], []))).toBeUndefined();
    expect(alternativesOf(/ab/gi, () => prefilterOf([[0]], []))).toBeUndefined();
    // A quantified group, or one beside characters, is not a choice the whole makes once.
    expect(alternativesOf(/(?:a|b)+/gi, () => prefilterOf([[0]], []))).toBeUndefined();
    expect(alternativesOf(/x(?:a|b)/gi, () => prefilterOf([[0]], []))).toBeUndefined();
    expect(alternativesOf(/a|b/gi, () => prefilterOf([], []))).toBeUndefined();
  });

  it('finds what the whole expression finds for every rule of the bundled knowledge base, over the first corpus and a blind one', () => {
    const { extraction } = bundledKnowledgeBase().kb;
    const expressions = [
      ...extraction.patterns.map((p) => ({ regex: p.regex, alternatives: p.alternatives, prefilter: p.prefilter })),
      ...extraction.sentenceRules.flatMap((rule) => rule.all.map((regex, i) => ({ regex, alternatives: rule.allAlternatives[i], prefilter: rule.prefilter }))),
      ...extraction.withdrawals.map((w) => ({ regex: w.regex, alternatives: w.alternatives, prefilter: w.prefilter })),
      ...extraction.context.map((c) => ({ regex: c.regex, alternatives: c.alternatives, prefilter: c.prefilter })),
    ].filter((expression) => expression.alternatives !== undefined);
    expect(expressions.length).toBeGreaterThan(50);
    const tickets = [...readCorpus(), ...readBlindCorpora()[0]!.tickets];
    let narrowed = 0;
    for (const { subject, body } of tickets) {
      const text = `${subject}\n.\n${body}`;
      const found = findPhrasesAndRequiredTexts(normalizeText(text), extraction.phrases).required;
      for (const { regex, alternatives, prefilter } of expressions) {
        if (!passes(prefilter, found)) continue;
        if (alternatives!.prefilters.some((p) => !passes(p, found))) narrowed += 1;
        expect(pairs(matchesOf(regex, alternatives, text, found))).toEqual(wholeMatches(regex, text));
      }
    }
    // The comparison is worth something only where alternatives were left out.
    expect(narrowed).toBeGreaterThan(100);
  });

  it('visits matches in order and stops at the end of the text', () => {
    const seen: number[] = [];
    const alternatives = alternativesOf(/x|y|z/gi, (expression) => prefilterOf([[['x', 'y', 'z'].indexOf(expression.source)]], []))!;
    eachMatch(/x|y|z/gi, alternatives, 'zy y', Uint8Array.from([0, 1, 1]), (match) => seen.push(match.index));
    expect(seen).toEqual([0, 1, 3]);
  });
});
