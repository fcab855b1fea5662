import fc from 'fast-check';
import { matches } from '../../src/annotate/clauses';
import { AddressRoles, Negation } from '../../src/annotate/match-context';
import type { Extraction } from '../../src/kb/extraction';
import { bundledKnowledgeBase } from '../support/knowledge-base';

// Negation and address roles are found from indexes built once per text. They must say what
// reading the clause before each match says, which is how they were first written (and what
// made annotation quadratic): the reference below is that reading.
const { extraction } = bundledKnowledgeBase().kb;

function clauseStart(text: string, index: number, breaks: string[]): number {
  const lower = text.slice(0, index).toLowerCase();
  return Math.max(0, ...breaks.map((b) => {
    const at = lower.lastIndexOf(b);
    return at < 0 ? 0 : at + b.length;
  }));
}

function negatedByReading(text: string, index: number, { negation }: Extraction): boolean {
  const before = text.slice(clauseStart(text, index, negation.clauseBreaks), index).toLowerCase();
  const words = before.match(/[a-z']+/g) ?? [];
  return words.slice(-negation.window).some((word) => negation.cues.has(word));
}

function roleByReading(text: string, index: number, { addresses }: Extraction): string | undefined {
  const clause = text.slice(clauseStart(text, index, addresses.clauseBreaks), index);
  let nearest: { end: number; role: string } | undefined;
  for (const cue of addresses.cues) {
    for (const found of matches(cue.regex, clause)) {
      const end = found.index + found[0].length;
      if (!nearest || end > nearest.end) nearest = { end, role: cue.role };
    }
  }
  return nearest?.role;
}

// Text made of the words, cues, breaks and addresses that matter, in any order and case.
const pieces = [
  'no', 'not', "don't", 'never', 'NAT', 'we', 'use', 'server', 'Exchange', 'mail server', 'front-end', 'my ip', 'laptop', 'client', 'box',
  'but', 'however', '10.0.0.5', '192.168.1.2', 'fe80::1', ' ', ' ', '. ', ', ', ';', ':', '(', ')', '\n', '! ', '? ', "'", 'x',
];
const text = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.boolean()), { maxLength: 40 })
  .map((parts) => parts.map(([piece, upper]) => (upper ? piece.toUpperCase() : piece)).join(''));

it('a match is negated exactly when reading its clause says so', () => {
  fc.assert(
    fc.property(text, (sample) => {
      const negation = new Negation(sample, extraction);
      for (let index = 0; index <= sample.length; index += 1) expect(negation.at(index)).toBe(negatedByReading(sample, index, extraction));
    }),
    { numRuns: 2000, seed: 7 },
  );
});

it('an address gets the role that reading its clause gives', () => {
  fc.assert(
    fc.property(text, (sample) => {
      const roles = new AddressRoles(sample, extraction);
      // Addresses start where a character that is not part of a word ends.
      for (let index = 0; index <= sample.length; index += 1) {
        if (index === 0 || /\W/.test(sample[index - 1])) expect(roles.at(index)).toBe(roleByReading(sample, index, extraction));
      }
    }),
    { numRuns: 2000, seed: 7 },
  );
});
