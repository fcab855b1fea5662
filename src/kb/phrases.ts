import { buildCodeUnitAutomaton, type CodeUnitAutomaton } from './code-unit-automaton';
import type { Scalar } from './model';

/** What a phrase found in a ticket stands for. */
export type PhraseUse =
  | { kind: 'fact'; fact: string; value: Scalar; negatedValue?: Scalar | undefined; negatable: boolean; confidence: number }
  | { kind: 'context'; id: string; label: string; negatable: boolean }
  /** A cue of Extraction.sentenceCues, by its index there. */
  | { kind: 'cue'; cue: number };

/**
 * Every phrase of the lexicons and cue lists in one Aho-Corasick automaton, so that a ticket is
 * read once for all of them, however many there are (one regular expression per lexicon entry
 * read it 74 times and took most of the time of an annotation). The automaton is the project's
 * own, over code units (code-unit-automaton.ts): the modern-ahocorasick library it replaced,
 * which stepped by grapheme cluster through a Map of strings and a generator, took a tenth of an
 * annotation; findPhrases keeps its matches to whole clusters as the library did.
 */
export interface PhraseList {
  uses: PhraseUse[];
  /** Per dictionary entry of the automaton: the use it stands for, and how its ends must fall. */
  entries: PhraseEntry[];
  /**
   * The automaton of the entries' phrases, by entry, and after them of `requiredTexts`: the pass
   * that finds a ticket's phrases finds the texts its rules require too, where a second pass over
   * an automaton of their own took as long again (annotate/phrases.ts).
   */
  automaton: CodeUnitAutomaton;
  /** The texts prefilters require (Extraction.requiredTexts): text i is the automaton's entries.length + i. */
  requiredTexts: readonly string[];
  /** Those of requiredTexts that are empty, which the automaton never finds and every ticket holds, as `includes` says. */
  requiredEverywhere: readonly number[];
}

/**
 * One phrase of the automaton's dictionary: what it stands for and the word boundaries a match
 * must respect.
 */
interface PhraseEntry {
  use: number;
  /** The phrase starts with a letter or digit, so the text before it must not be one. */
  wordStart: boolean;
  /** The phrase ends with a letter or digit, so the text after it must not be one. */
  wordEnd: boolean;
  /** The phrase ends with a letter, so "s" or "es" may follow it (a plural). */
  plural: boolean;
}

/** Builds a PhraseList: phrases are added with what they stand for. */
export class PhraseListBuilder {
  private readonly uses: PhraseUse[] = [];
  private readonly entries: PhraseEntry[] = [];
  private readonly dictionary: string[] = [];

  add(phrases: readonly string[], use: PhraseUse): void {
    const index = this.uses.push(use) - 1;
    for (const phrase of phrases) {
      const normal = normalizePhrase(phrase);
      if (normal === '') continue;
      // "Check Point" is also written "CheckPoint", "Sonic Wall" "SonicWall".
      for (const form of new Set([normal, normal.replaceAll(' ', '')])) {
        this.dictionary.push(form);
        this.entries.push({ use: index, wordStart: WORD.test(form[0]!), wordEnd: WORD.test(form[form.length - 1]!), plural: /[a-z]/.test(form[form.length - 1]!) });
      }
    }
  }

  /** The list, its automaton holding `requiredTexts` too, for findPhrasesAndRequiredTexts to find. */
  build(requiredTexts: readonly string[] = []): PhraseList {
    return {
      uses: this.uses,
      entries: this.entries,
      automaton: buildCodeUnitAutomaton([...this.dictionary, ...requiredTexts]),
      requiredTexts,
      requiredEverywhere: requiredTexts.flatMap((text, index) => (text === '' ? [index] : [])),
    };
  }
}

/**
 * A character of a word in a normalized text: a phrase that starts or ends with one is found only
 * as a whole word (findPhrases). Accented letters are word characters too, or "cr" (a change
 * request) would be found in "créé" and "Nous avons créé une redirection de port pour 135" read
 * as a plan. Only the alphabets written with spaces between words count (Latin, Greek, Cyrillic):
 * in Chinese or Japanese every letter touches the next, and no phrase would be found in a sentence.
 */
export const WORD = /[0-9\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}]/u;

/**
 * A phrase as the automaton holds it: lower case, and every run of spaces, hyphens and
 * underscores one space ("Port-Forwarding" is "port forwarding").
 */
function normalizePhrase(phrase: string): string {
  return phrase
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/**
 * A text as phrases are looked for in it: letters in lower case, and spaces, hyphens and
 * underscores as spaces. Each character stays one UTF-16 code unit, so offsets into the result
 * are offsets into the text: the few capitals whose lower case is longer ("İ") are left as they
 * are. Letters beyond ASCII are lowered too, as normalizePhrase lowers the phrases: "Échec de la
 * synchronisation" and "Не удается открыть" are read as the lexicons write them.
 */
export function normalizeText(text: string): string {
  // The runtime's toLowerCase over the whole text, as normalizePhrase lowers the phrases; where it
  // writes a character longer than it was ("İ"), every character is lowered alone and the longer
  // ones kept as they are. (A replace with a function for each capital, as before, took a ticket
  // of short capitalised lines more than twice as long at twice the length, and three times as
  // long as this at any length.)
  const lower = text.toLowerCase();
  return (lower.length === text.length ? lower : lowerEachInPlace(text)).replace(SPACES, ' ');
}

const SPACES = /[\s_-]/g;

function lowerEachInPlace(text: string): string {
  let lowered = '';
  for (const character of text) {
    const lower = character.toLowerCase();
    lowered += lower.length === character.length ? lower : character;
  }
  return lowered;
}
