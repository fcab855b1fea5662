import type { AnnotatedFact } from '../annotate/evidence-bounds';
import type { TicketReading } from '../annotate/extract';
import type { Vocabulary } from '../kb/vocabulary';
import type { checkedFacts } from './checked-facts';

/** The facts a caller stated, as checkedFacts gives them back. */
type Stated = Pick<ReturnType<typeof checkedFacts>, 'given' | 'unknown'>;

/**
 * The facts a caller stated merged over those read from text: what an annotation and a diagnosis
 * sent with text both use. A stated fact, or a stated fact derived from it (serverAddressSpace for
 * serverAddress), or one the caller says is unknown, overrides what the text says: the caller
 * knows their environment better than a pattern reads it.
 *
 * `raw` is what the caller sent, for the names it used; `stated` the same facts checked. Gives each
 * fact with where it came from, and the input to diagnose (null for a fact said to be unknown).
 */
export function statedOverRead(
  vocabulary: Vocabulary,
  raw: Record<string, unknown> | undefined,
  stated: Stated,
  read: TicketReading['facts'],
): { facts: Record<string, AnnotatedFact>; input: Record<string, unknown> } {
  const said = (fact: string) => raw !== undefined && Object.hasOwn(raw, fact);
  const overridden = (name: string) => {
    const derived = vocabulary.derivedFrom(name)?.name;
    return said(name) || (derived !== undefined && said(derived));
  };
  const facts: Record<string, AnnotatedFact> = {};
  const input: Record<string, unknown> = {};
  for (const name of vocabulary.names) {
    if (Object.hasOwn(stated.given, name)) {
      facts[name] = { value: stated.given[name]!, source: 'given', evidence: [] };
      input[name] = stated.given[name];
    } else if (Object.hasOwn(read, name) && !overridden(name)) {
      const { value, confidence, evidence, evidenceOmitted } = read[name]!;
      facts[name] = { value, source: 'extracted', confidence, evidence, ...(evidenceOmitted ? { evidenceOmitted } : {}) };
      input[name] = value;
    } else if (stated.unknown.includes(name)) {
      input[name] = null;
    }
  }
  return { facts, input };
}
