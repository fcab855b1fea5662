import type { AnnotatedFact } from '../annotate/evidence-bounds';
import type { TicketReading } from '../annotate/extract';
import { decodePointerToken } from '../contract/pointers';
import { normalizeFacts, type NormalizedFacts } from '../facts/normalize';
import type { Vocabulary } from '../kb/vocabulary';
import { checkedFacts } from './checked-facts';

/** The facts a caller stated, as checkedFacts gives them back. */
type Stated = Pick<ReturnType<typeof checkedFacts>, 'given' | 'unknown'>;

type CheckedFacts = Extract<NormalizedFacts, { ok: true }>;

/**
 * The facts a caller stated merged over those read from text: what an annotation and a diagnosis
 * sent with text both use. A stated fact, or a stated fact derived from it (serverAddressSpace for
 * serverAddress), or one the caller says is unknown, overrides what the text says: the caller
 * knows their environment better than a pattern reads it. So does what the stated facts imply: a
 * fact read that they rule out ("the router does NAT" beside a stated `natMode: none`, whose
 * implied translation is none) gives way (see consistentWithStated), and text never gets a
 * request refused.
 *
 * `raw` is what the caller sent, for the names it used; `stated` the same facts checked; `at` the
 * pointer of the facts in the request. Gives each fact with where it came from, and all of them
 * checked as one set (null for a fact said to be unknown).
 */
export function statedOverRead(
  vocabulary: Vocabulary,
  raw: Record<string, unknown> | undefined,
  stated: Stated,
  read: TicketReading['facts'],
  at = '/facts',
): { facts: Record<string, AnnotatedFact>; all: CheckedFacts } {
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
  return { facts, all: consistentWithStated(input, facts, vocabulary, at) };
}

/**
 * The stated facts and those read from the text, checked as one set. A fact read that the stated
 * ones rule out gives way: the facts named by the refusal first; if that is not enough, every
 * fact read (the stated ones were checked alone). Drops from `input` and `facts` what gives way.
 */
function consistentWithStated(input: Record<string, unknown>, facts: Record<string, AnnotatedFact>, vocabulary: Vocabulary, at: string): CheckedFacts {
  const read = () => Object.keys(facts).filter((name) => facts[name]!.source === 'extracted');
  const drop = (names: string[]) => names.forEach((name) => void (delete input[name], delete facts[name]));
  let all = normalizeFacts(input, vocabulary, at);
  if (all.ok) return all;
  const refused = new Set(all.errors.map((error) => decodePointerToken(error.pointer.slice(`${at}/`.length))));
  drop(read().filter((name) => refused.has(name)));
  all = normalizeFacts(input, vocabulary, at);
  if (all.ok) return all;
  drop(read());
  return checkedFacts(input, vocabulary, at);
}
