import fc from 'fast-check';
import type { Facts } from '../src/facts/normalize';
import type { Vocabulary } from '../src/kb/vocabulary';

/**
 * `count` distinct fact sets drawn from the vocabulary's facts with fixed values, each with a
 * client kind and at least one symptom; the same ones on every run (fixed seeds). The benchmarks'
 * realistic requests: every one a valid request.
 */
export function factSets(vocabulary: Vocabulary, count: number): Facts[] {
  // A fact the service derives (addressTranslation) is left out: drawn at random beside natMode,
  // it would contradict it, and a real caller sends one or the other.
  const entries = vocabulary.facts
    .filter((f) => f.values && !f.derivations)
    .map(
      (f) =>
        [
          f.name,
          f.type === 'string-list'
            ? fc.subarray(
                f.values!.map((v) => v.value as string),
                { minLength: 1 },
              )
            : fc.constantFrom(...f.values!.map((v) => v.value)),
        ] as const,
    );
  const arbitrary = fc.record(Object.fromEntries(entries), { requiredKeys: ['clientKind', 'symptoms'] }) as fc.Arbitrary<Facts>;
  const seen = new Map<string, Facts>();
  for (let seed = 1; seen.size < count; seed += 1) {
    for (const facts of fc.sample(arbitrary, { numRuns: count, seed })) if (seen.size < count) seen.set(JSON.stringify(facts), facts);
  }
  return [...seen.values()];
}
