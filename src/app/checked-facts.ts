import { normalizeFacts, type NormalizedFacts } from '../facts/normalize';
import type { Vocabulary } from '../kb/vocabulary';
import { describeFieldErrors } from '../contract/problem';
import { AppError } from './errors';

/** normalizeFacts, with facts the vocabulary does not allow refused by an AppError listing each. */
export function checkedFacts(input: Record<string, unknown>, vocabulary: Vocabulary, pointerBase?: string): Extract<NormalizedFacts, { ok: true }> {
  const facts = normalizeFacts(input, vocabulary, pointerBase);
  if (!facts.ok) throw new AppError(facts.code, describeFieldErrors(facts.errors), facts.errors);
  return facts;
}
