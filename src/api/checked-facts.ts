import { normalizeFacts, type NormalizedFacts } from '../facts/normalize';
import type { Vocabulary } from '../kb/vocabulary';
import { describeFieldErrors, Problem } from './problem';

/** normalizeFacts, with facts the vocabulary does not allow turned into a 400 problem listing each. */
export function checkedFacts(input: Record<string, unknown>, vocabulary: Vocabulary, pointerBase?: string): Extract<NormalizedFacts, { ok: true }> {
  const facts = normalizeFacts(input, vocabulary, pointerBase);
  if (!facts.ok) throw new Problem(400, facts.code, describeFieldErrors(facts.errors), facts.errors);
  return facts;
}
