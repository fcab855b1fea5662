import { PhraseListBuilder, type PhraseList } from '../kb/phrases';
import { findPhrasesAndRequiredTexts } from './phrases';

/**
 * Which of `texts` (Extraction.requiredTexts) occur in a normalized ticket (normalizeText), by
 * index, found in one pass. Asking `includes` of the ticket once per text a rule requires (some
 * 250 of them) read a ticket hundreds of times and took more of its reading than the patterns
 * themselves.
 *
 * The pass is an Aho-Corasick automaton over UTF-16 code units (code-unit-automaton.ts), so a
 * text is found exactly where `includes` would find it (inside a word, or a letter before a
 * combining accent), which findPhrases, keeping to whole grapheme clusters, would not: a
 * prefilter must never skip a ticket its pattern would match. (A trie walked from every position,
 * with a Map per node, did the same in more steps and took 6% of an annotation; a dense table of
 * steps, 570 kB for some 2,900 states, ran no faster than the sparse one it shares with the
 * phrases.) A ticket's reading finds its rules' texts in the pass that finds its phrases
 * (findPhrasesAndRequiredTexts); this is that pass with no phrases.
 */
export function requiredTextsIn(normalized: string, texts: readonly string[]): Uint8Array {
  return findPhrasesAndRequiredTexts(normalized, phraseListOf(texts)).required;
}

// The lists of no phrases that find the texts this thread has been asked about, kept while their
// texts are (a knowledge base's rules live as long as it does).
const phraseLists = new WeakMap<readonly string[], PhraseList>();

function phraseListOf(texts: readonly string[]): PhraseList {
  let list = phraseLists.get(texts);
  if (!list) {
    list = new PhraseListBuilder().build(texts);
    phraseLists.set(texts, list);
  }
  return list;
}
