import type { Extraction } from '../kb/extraction';
import { findPhrases } from './phrases';
import { PhraseListBuilder, normalizeText } from '../kb/phrases';
import { Negation } from './negation';
import { Sentences } from './sentences';

/** A workaround a resolution may name, by the phrases of its own wording (rules/articles, `resolvedBy`). */
export interface ResolutionCandidate {
  id: string;
  phrases: readonly string[];
}

/**
 * The workarounds a ticket's resolution note names, read as the extractor reads a ticket: each
 * candidate's phrases as whole words, a match negated by a cue before it in its clause ("we did
 * not set up a one-to-one translation") not counted, and neither one whose sentence has a
 * negation after it ("one-to-one translation did not help"): a resolution is credited only where
 * the note says so plainly, never guessed at.
 */
export function namedWorkarounds(resolution: string, extraction: Extraction, candidates: readonly ResolutionCandidate[]): string[] {
  if (resolution.trim() === '' || candidates.length === 0) return [];
  const builder = new PhraseListBuilder();
  for (const [index, candidate] of candidates.entries()) builder.add(candidate.phrases, { kind: 'cue', cue: index });
  const list = builder.build();
  const sentences = new Sentences(resolution, extraction);
  const negation = new Negation(resolution, extraction, sentences);
  // The cues' spellings as whole words: "no" in "now connects" is none.
  const cueAfter = new RegExp(`\\b${extraction.negation.cueAfterText.source}`, 'i');
  const named = new Set<string>();
  for (const hit of findPhrases(normalizeText(resolution), list)) {
    const use = list.uses[hit.use]!;
    if (use.kind !== 'cue') continue;
    const after = resolution.slice(hit.end, sentences.endOf(hit.start));
    if (negation.at(hit.start) || cueAfter.test(after)) continue;
    named.add(candidates[use.cue]!.id);
  }
  return [...named];
}
