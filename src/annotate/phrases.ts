import { nextState, outputsFrom, outputsTo } from '../kb/code-unit-automaton';
import { WORD, type PhraseList } from '../kb/phrases';
import { GraphemeBoundaries } from './grapheme-boundaries';

interface PhraseHit {
  /** Index into the list's uses. */
  use: number;
  start: number;
  end: number;
}

/**
 * The phrases of a list found in a text made by normalizeText, as whole words (a plural counts:
 * "FortiGates"). Overlapping phrases are all found ("ISA" within "ISA Server 2004"), in the order
 * of their ends, then the longest first, then in the order of the list; a phrase only from one
 * grapheme cluster to another (see GraphemeBoundaries).
 */
export function findPhrases(normalized: string, list: PhraseList): PhraseHit[] {
  return findPhrasesAndRequiredTexts(normalized, list).phrases;
}

/**
 * The phrases findPhrases finds, and which of the list's requiredTexts the text holds, by index,
 * exactly where `includes` would find them (inside a word, or before a combining accent), as
 * requiredTextsIn finds them: both in one pass over the list's automaton.
 */
export function findPhrasesAndRequiredTexts(normalized: string, list: PhraseList): { phrases: PhraseHit[]; required: Uint8Array } {
  const hits: PhraseHit[] = [];
  const { automaton } = list;
  const { outputs, lengths } = automaton;
  const firstRequired = list.entries.length;
  const required = new Uint8Array(list.requiredTexts.length);
  for (const text of list.requiredEverywhere) required[text] = 1;
  const clusters = new GraphemeBoundaries(normalized);
  let state = 0;
  for (let at = 0; at < normalized.length; at += 1) {
    state = nextState(automaton, state, normalized.charCodeAt(at));
    for (let o = outputsFrom(automaton, state), to = outputsTo(automaton, state); o < to; o += 1) {
      const index = outputs[o]!;
      if (index >= firstRequired) {
        required[index - firstRequired] = 1;
        continue;
      }
      const entry = list.entries[index]!;
      const start = at + 1 - lengths[index]!;
      if (!clusters.at(start) || !clusters.at(at + 1)) continue;
      if (entry.wordStart && start > 0 && WORD.test(normalized[start - 1]!)) continue;
      let end = at + 1;
      if (entry.wordEnd && end < normalized.length && WORD.test(normalized[end]!)) {
        end = entry.plural ? pluralEnd(normalized, end) : -1;
        if (end < 0) continue;
      }
      hits.push({ use: entry.use, start, end });
    }
  }
  return { phrases: hits, required };
}

function pluralEnd(text: string, end: number): number {
  for (const suffix of ['s', 'es']) {
    const after = end + suffix.length;
    if (text.startsWith(suffix, end) && (after >= text.length || !WORD.test(text[after]!))) return after;
  }
  return -1;
}
