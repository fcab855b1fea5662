import fc from 'fast-check';
import { findPhrasesAndRequiredTexts } from '../../src/annotate/phrases';
import { requiredTextsIn } from '../../src/annotate/required-texts';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { readCorpus } from '../../harness/tickets';
import { normalizeText } from '../../src/kb/phrases';

// The one pass must find a text exactly where `includes` would, which is what the patterns'
// `requires` meant when each was asked of the ticket in turn.
describe('the texts rules require, found in one pass', () => {
  it('finds each text where includes does: inside words, overlapping, prefixes of each other, before a combining accent', () => {
    const unit = fc.constantFrom('a', 'b', 'n', 't', ' ', 'e', '\u0301', '→', '固');
    const texts = fc.uniqueArray(fc.string({ unit, maxLength: 4 }), { maxLength: 8 });
    fc.assert(
      fc.property(texts, fc.string({ unit, maxLength: 40 }), (required, ticket) => {
        const found = requiredTextsIn(ticket, required);
        expect([...found].map((f) => f === 1)).toEqual(required.map((text) => ticket.includes(text)));
      }),
      { numRuns: 3000, seed: 11 },
    );
  });

  it('finds them where includes does in an automaton too large for a 16-bit table', () => {
    // 40,000 texts of five of ten letters make some 51,000 states.
    const letters = 'abcdefghij';
    const texts = Array.from({ length: 40000 }, (_, n) => [...String(n).padStart(5, '0')].map((d) => letters[Number(d)]).join(''));
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...letters, ' '), maxLength: 60 }), (ticket) => {
        const found = requiredTextsIn(ticket, texts);
        expect(texts.filter((text, i) => (found[i] === 1) !== ticket.includes(text))).toEqual([]);
      }),
      { numRuns: 20, seed: 3 },
    );
  });

  it('agrees with includes on the bundled rules over the first corpus, found in the pass that finds the phrases', () => {
    const { requiredTexts, phrases } = bundledKnowledgeBase().kb.extraction;
    for (const { subject, body } of readCorpus()) {
      const normalized = normalizeText(`${subject}\n.\n${body}`);
      const found = findPhrasesAndRequiredTexts(normalized, phrases).required;
      expect(requiredTexts.filter((_, i) => found[i] === 1)).toEqual(requiredTexts.filter((text) => normalized.includes(text)));
    }
  });
});
