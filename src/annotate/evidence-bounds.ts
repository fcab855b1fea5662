import type { FactValue } from '../facts/normalize';
import type { Span } from './extract';

/**
 * How much evidence an annotation lists. A ticket that says "NAT" 15,000 times has 15,000 spans
 * of evidence for one fact; listing them all made answers many times larger than the requests.
 * An annotation lists the first spans of each fact, at most MAX_EVIDENCE_PER_FACT, and at most
 * MAX_EVIDENCE_PER_ANNOTATION in all, and gives the number left out as `evidenceOmitted`.
 */
export const MAX_EVIDENCE_PER_FACT = 10;
/** The most spans an annotation lists over all its facts (see MAX_EVIDENCE_PER_FACT). */
export const MAX_EVIDENCE_PER_ANNOTATION = 50;

/** Anything shown with the ticket's words for it: the spans kept, and how many more were left out. */
export interface Evidenced {
  evidence: Span[];
  evidenceOmitted?: number;
}

/** A fact's evidence cut to MAX_EVIDENCE_PER_FACT spans, the rest counted. */
export function boundFactEvidence(evidence: Span[]): Evidenced {
  return evidence.length > MAX_EVIDENCE_PER_FACT ? { evidence: evidence.slice(0, MAX_EVIDENCE_PER_FACT), evidenceOmitted: evidence.length - MAX_EVIDENCE_PER_FACT } : { evidence };
}

/**
 * The same facts with their evidence cut to the bounds. Every fact that has evidence keeps at
 * least its first span while the bound allows: the room is shared out one span per fact at a
 * time, in the facts' order.
 */
export function boundEvidence<T extends Evidenced>(facts: Record<string, T>): Record<string, T> {
  const entries = Object.entries(facts);
  const kept = entries.map(() => 0);
  let room = MAX_EVIDENCE_PER_ANNOTATION;
  for (let added = true; added && room > 0;) {
    added = false;
    entries.forEach(([, fact], i) => {
      if (room > 0 && kept[i]! < Math.min(fact.evidence.length, MAX_EVIDENCE_PER_FACT)) {
        kept[i]! += 1;
        room -= 1;
        added = true;
      }
    });
  }
  return Object.fromEntries(
    entries.map(([name, fact], i) => {
      const omitted = fact.evidence.length - kept[i]! + (fact.evidenceOmitted ?? 0);
      return [name, omitted > 0 ? { ...fact, evidence: fact.evidence.slice(0, kept[i]), evidenceOmitted: omitted } : fact];
    }),
  );
}

/** A fact of the annotation, with its evidence bounded as above. */
export interface AnnotatedFact extends Evidenced {
  value: FactValue;
  source: 'extracted' | 'given';
  confidence?: number;
}
