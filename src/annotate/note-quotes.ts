import type { AnnotatedFact } from './evidence-bounds';
import type { Evidenced } from './evidence-bounds';
import { oneLineQuote } from './escape';
import type { Inline } from './note';

/** A note quotes at most this many spans of a fact's evidence, and says how many more there are. */
const MAX_QUOTES_PER_FACT = 3;

/** Where a fact in a note comes from: ` (given)`, or ` (from "a", "b" and 12 more)`, the quotes marked as ticket text. */
export function factSource(fact: AnnotatedFact): Inline[] {
  if (fact.source === 'given') return [{ text: ' (given)' }];
  return quotedFrom(fact);
}

/** ` (from "a", "b" and 12 more)`: the first spans of some evidence, marked as ticket text. */
export function quotedFrom(fact: Evidenced): Inline[] {
  const quoted = fact.evidence.slice(0, MAX_QUOTES_PER_FACT);
  const more = fact.evidence.length - quoted.length + (fact.evidenceOmitted ?? 0);
  const inlines: Inline[] = [{ text: ' (from ' }];
  quoted.forEach((span, i) => inlines.push(...(i > 0 ? [{ text: ', ' }] : []), { text: '"' }, { text: oneLineQuote(span.text), quoted: true }, { text: '"' }));
  inlines.push({ text: more > 0 ? ` and ${more} more)` : ')' });
  return inlines;
}
