import fc from 'fast-check';
import { ClauseStarts } from '../../src/annotate/clauses';

// Every end of every occurrence of a break, found without regard to case, overlapping ones too:
// what a case-insensitive expression per break finds.
function clauseEnds(text: string, breaks: readonly string[]): number[] {
  const ends: number[] = [];
  for (const found of breaks) {
    const regex = new RegExp(found.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi');
    for (let match = regex.exec(text); match; match = regex.exec(text)) {
      ends.push(match.index + match[0].length);
      regex.lastIndex = match.index + 1;
    }
  }
  return ends.sort((a, b) => a - b);
}

describe('the clauses of a text', () => {
  it('start after every break, found as a case-insensitive expression finds it, whether the break has case or not', () => {
    const unit = fc.constantFrom('.', ' ', '\n', '!', 'b', 'B', 'u', 't', 'K', '\u212a', 'k', 'é', 'É', ';');
    const breaks = fc.uniqueArray(fc.string({ unit, minLength: 1, maxLength: 3 }), { maxLength: 4 });
    fc.assert(
      fc.property(breaks, fc.string({ unit, maxLength: 30 }), (list, text) => {
        const clauses = new ClauseStarts(text, list);
        const ends = clauseEnds(text, list);
        for (let index = 0; index <= text.length; index += 1) {
          const before = ends.filter((end) => end <= index);
          expect(clauses.before(index)).toBe(before.length ? before[before.length - 1] : 0);
          expect(clauses.after(index)).toBe(ends[before.length]);
        }
      }),
      { numRuns: 3000, seed: 29 },
    );
  });
});
