import fc from 'fast-check';
import { buildCodeUnitAutomaton, nextState, outputsFrom, outputsTo } from '../../src/kb/code-unit-automaton';

/** Every occurrence the automaton reports, as [text index, end], in the order of the pass. */
function walk(texts: readonly string[], ticket: string): [number, number][] {
  const automaton = buildCodeUnitAutomaton(texts);
  const found: [number, number][] = [];
  let state = 0;
  for (let at = 0; at < ticket.length; at += 1) {
    state = nextState(automaton, state, ticket.charCodeAt(at));
    for (let o = outputsFrom(automaton, state); o < outputsTo(automaton, state); o += 1) found.push([automaton.outputs[o]!, at + 1]);
  }
  return found;
}

/** The same by brute force: by end, then the longest text first, then the first in the list. */
function everyOccurrence(texts: readonly string[], ticket: string): [number, number][] {
  const found: [number, number][] = [];
  for (let end = 1; end <= ticket.length; end += 1) {
    const ending = texts.map((text, index) => ({ text, index })).filter(({ text }) => text !== '' && text.length <= end && ticket.startsWith(text, end - text.length));
    ending.sort((a, b) => b.text.length - a.text.length || a.index - b.index);
    for (const { index } of ending) found.push([index, end]);
  }
  return found;
}

describe('the Aho-Corasick automaton over code units', () => {
  it('finds every occurrence of every text, overlapping, nested and repeated, in order of their ends, the longest first', () => {
    const unit = fc.constantFrom('a', 'b', 'n', ' ', 'e', '\u0301', '→', '固', '\ud83d', '\ude00');
    fc.assert(
      fc.property(fc.array(fc.string({ unit, maxLength: 5 }), { maxLength: 10 }), fc.string({ unit, maxLength: 40 }), (texts, ticket) => {
        expect(walk(texts, ticket)).toEqual(everyOccurrence(texts, ticket));
      }),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('lists a text that appears twice under both its indices, the first first', () => {
    expect(walk(['nat', 'at', 'nat', 'a'], 'a nat')).toEqual([
      [3, 1],
      [3, 4],
      [0, 5],
      [2, 5],
      [1, 5],
    ]);
  });

  it('follows failure links through long chains of suffixes', () => {
    // "aaaa…b" makes the pass fall back one state at a time from the deepest "a" state.
    const texts = ['aaaaaaaaab', 'aab', 'ab', 'b', 'aaaaaaaaaa'];
    expect(walk(texts, 'aaaaaaaaaaaab')).toEqual(everyOccurrence(texts, 'aaaaaaaaaaaab'));
  });

  it('finds nothing of an empty text, nor in an empty ticket', () => {
    expect(walk(['', 'a'], 'aa')).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(walk(['a'], '')).toEqual([]);
    expect(walk([], 'abc')).toEqual([]);
  });

  it('stays exact with tens of thousands of states', () => {
    const letters = 'abcdefghij';
    const texts = Array.from({ length: 6000 }, (_, n) => [...String(n * 17).padStart(5, '0')].map((d) => letters[Number(d)]).join(''));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters, ' '), maxLength: 60 }), (ticket) => {
        expect(walk(texts, ticket)).toEqual(everyOccurrence(texts, ticket));
      }),
      { numRuns: 20, seed: 5 },
    );
  });
});
