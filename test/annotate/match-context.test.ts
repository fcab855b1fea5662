import fc from 'fast-check';
import { matches } from '../../src/annotate/clauses';
import { tokenize } from '../../src/annotate/language';
import { AddressRoles } from '../../src/annotate/match-context';
import { Negation } from '../../src/annotate/negation';
import { requiredTextsIn } from '../../src/annotate/required-texts';
import { Sentences } from '../../src/annotate/sentences';
import type { Extraction } from '../../src/kb/extraction';
import { normalizeText } from '../../src/kb/phrases';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

// Negation and address roles are found from indexes built once per text (tokens per sentence,
// cues per text). They must say what reading the sentence or clause around each match from
// scratch says: the references below are that reading.
const { extraction } = bundledKnowledgeBase().kb;

function clauseStart(text: string, index: number, breaks: readonly string[]): number {
  const lower = text.slice(0, index).toLowerCase();
  return Math.max(
    0,
    ...breaks.map((b) => {
      const at = lower.lastIndexOf(b);
      return at < 0 ? 0 : at + b.length;
    }),
  );
}

const SENTENCE_BREAKS = ['. ', '! ', '? ', '; ', '\n', '." ', '!" ', '?" '];

function negatedByReading(text: string, index: number, { negation }: Extraction): boolean {
  const start = clauseStart(text, index, SENTENCE_BREAKS);
  // The sentence runs to just past the first break at or after the match.
  let end = text.length;
  for (const b of SENTENCE_BREAKS) {
    for (let at = text.indexOf(b, start); at >= 0; at = text.indexOf(b, at + 1)) {
      if (at + b.length > index) {
        end = Math.min(end, at + b.length);
        break;
      }
    }
  }
  const { normals, starts } = tokenize(text.slice(start, end));
  let first = -1;
  starts.forEach((s, i) => {
    if (s + start <= index) first = i;
  });
  for (let i = first - 1; i >= 0 && i >= first - negation.window; i -= 1) {
    if (negation.clauseBreaks.has(normals[i]!)) return false;
    if (negation.cues.has(normals[i]!)) return true;
  }
  return false;
}

function roleByReading(text: string, index: number, { addresses }: Extraction): string | undefined {
  // A cue right after the address (here: at `index`, as if the address were empty) says it first.
  for (const cue of addresses.following) {
    if (new RegExp(cue.regex.source, 'iy').exec(text.slice(index))?.index === 0) return cue.role;
  }
  const clause = text.slice(clauseStart(text, index, addresses.clauseBreaks), index);
  let nearest: { end: number; role: string } | undefined;
  for (const cue of addresses.cues) {
    for (const found of matches(cue.regex, clause)) {
      const end = found.index + found[0].length;
      if (!nearest || end > nearest.end) nearest = { end, role: roleInText(text, cue) };
    }
  }
  return nearest?.role;
}

// A cue's role in the whole text: its other role where the text never says what it needs.
function roleInText(text: string, { role, roleWhenAbsent }: Extraction['addresses']['cues'][number]): string {
  return roleWhenAbsent && !new RegExp(roleWhenAbsent.regex.source, 'i').test(text) ? roleWhenAbsent.role : role;
}

// Text made of the words, cues, breaks and addresses that matter, in any order and case.
const pieces = [
  'no',
  'not',
  "don't",
  'never',
  "can't",
  'cannot',
  'won’t',
  'NAT',
  'ISA',
  'blocked',
  'we',
  'use',
  'server',
  'Exchange',
  'mail server',
  'front-end',
  'my ip',
  'laptop',
  'client',
  'box',
  'but',
  'however',
  '10.0.0.5',
  '192.168.1.2',
  'fe80::1',
  ' ',
  ' ',
  '. ',
  ', ',
  ';',
  ':',
  '(',
  ')',
  '\n',
  '! ',
  '? ',
  "'",
  '"',
  'back-end',
  'x',
];
const text = fc.array(fc.tuple(fc.constantFrom(...pieces), fc.boolean()), { maxLength: 40 }).map((parts) => parts.map(([piece, upper]) => (upper ? piece.toUpperCase() : piece)).join(''));

it('a match is negated exactly when reading the tokens of its sentence says so', () => {
  fc.assert(
    fc.property(text, (sample) => {
      const negation = new Negation(sample, extraction, new Sentences(sample, extraction));
      for (let index = 0; index <= sample.length; index += 1) expect(negation.at(index)).toBe(negatedByReading(sample, index, extraction));
    }),
    { numRuns: 2000, seed: 7 },
  );
});

it('a cue further back than the window reaches asks for no tokens', () => {
  const sample = 'No VPN is needed here, the remote users run Outlook 2003 against it';
  let calls = 0;
  const counting = (piece: string) => {
    calls += 1;
    return tokenize(piece);
  };
  const negation = new Negation(sample, extraction, new Sentences(sample, extraction), counting);
  expect(negation.at(sample.indexOf('Outlook'))).toBe(false);
  expect(calls).toBe(0);
  // Within reach, the sentence is read: "not" is two words before.
  expect(new Negation('they do not run Outlook', extraction, new Sentences('they do not run Outlook', extraction), counting).at(16)).toBe(true);
  expect(calls).toBe(1);
});

it('an address gets the role that reading its clause gives', () => {
  fc.assert(
    fc.property(text, (sample) => {
      const roles = new AddressRoles(sample, extraction, requiredTextsIn(normalizeText(sample), extraction.requiredTexts));
      // Addresses start where a character that is not part of a word ends.
      for (let index = 0; index <= sample.length; index += 1) {
        if (index === 0 || /\W/.test(sample[index - 1]!)) expect(roles.at(index)).toBe(roleByReading(sample, index, extraction));
      }
    }),
    { numRuns: 2000, seed: 7 },
  );
});
