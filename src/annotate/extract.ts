import net from 'node:net';
import type { FactValue } from '../facts/normalize';
import type { Extraction, FactPattern } from '../kb/extraction';
import type { Scalar } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';
import { matches } from './clauses';
import { boundFactEvidence, type Evidenced } from './evidence-bounds';
import { AddressRoles, Negation } from './match-context';

export type TicketField = 'subject' | 'body';

export interface Span {
  field: TicketField;
  text: string;
  /** Offsets into the field, in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
}

export interface ExtractedFact extends Evidenced {
  value: FactValue;
  /** The confidence of the pattern that decided the value (the lowest, for a list). */
  confidence: number;
}

interface Hit {
  fact: string;
  value: Scalar;
  confidence: number;
  span: Span;
}

export const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
export const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;

/**
 * Reads the facts a ticket states from its subject and body with the knowledge base's extraction
 * patterns, with at most MAX_EVIDENCE_PER_FACT spans of evidence each (the rest counted). A negated match ("we don't use NAT") gives the pattern's negated value, or nothing.
 * Where matches disagree on a fact, the most confident wins, then the first (subject before body).
 */
export function extractFacts(ticket: Partial<Record<TicketField, string>>, extraction: Extraction, vocabulary: Vocabulary): Record<string, ExtractedFact> {
  const hits: Hit[] = [];
  for (const field of ['subject', 'body'] as const) {
    const text = ticket[field] ?? '';
    const negation = new Negation(text, extraction);
    for (const pattern of extraction.patterns) hits.push(...patternHits(pattern, field, text, negation, vocabulary));
    hits.push(...addressHits(field, text, extraction));
  }
  const byFact = new Map<string, Hit[]>();
  for (const hit of hits) {
    const own = byFact.get(hit.fact);
    if (own) own.push(hit);
    else byFact.set(hit.fact, [hit]);
  }
  const facts: Record<string, ExtractedFact> = {};
  for (const definition of vocabulary.facts) {
    const own = byFact.get(definition.name);
    if (!own) continue;
    facts[definition.name] = definition.type === 'string-list' ? listFact(own, definition.values!.map((v) => v.value)) : scalarFact(own);
  }
  return facts;
}

function patternHits(pattern: FactPattern, field: TicketField, text: string, negation: Negation, vocabulary: Vocabulary): Hit[] {
  const hits: Hit[] = [];
  const allowed = vocabulary.allowedValues(pattern.fact) ?? [];
  for (const match of matches(pattern.regex, text)) {
    let value: Scalar | undefined = pattern.valueFromGroup ? match[pattern.valueFromGroup]?.toLowerCase() : pattern.value;
    if (pattern.negatable && negation.at(match.index)) value = pattern.negatedValue;
    if (value === undefined || !allowed.includes(value)) continue;
    hits.push({ fact: pattern.fact, value, confidence: pattern.confidence, span: span(field, text, match.index, match[0].length) });
  }
  return hits;
}

/**
 * Whether a match of IPV4 or IPV6 is an address, as isIpAddress says, but at a fraction of the
 * cost: ipaddr.js tries the text as IPv4 first and throws (building a stack trace) for every
 * IPv6 address, 15 µs each, so a ticket of 6,000 addresses took 100 ms. On the texts these two
 * expressions match, Node's parser agrees with isIpAddress (test/annotate/addresses.test.ts).
 */
export function isAddressMatch(text: string): boolean {
  return net.isIP(text) !== 0;
}

/** Addresses with the role the words before them give. */
function addressHits(field: TicketField, text: string, extraction: Extraction): Hit[] {
  const hits: Hit[] = [];
  let roles: AddressRoles | undefined;
  for (const match of [...matches(IPV4, text), ...matches(IPV6, text)]) {
    if (!isAddressMatch(match[0])) continue;
    roles ??= new AddressRoles(text, extraction);
    const role = roles.at(match.index);
    if (role) hits.push({ fact: role, value: match[0], confidence: 0.8, span: span(field, text, match.index, match[0].length) });
  }
  return hits.sort((a, b) => a.span.start - b.span.start);
}

function span(field: TicketField, text: string, start: number, length: number): Span {
  return { field, text: text.slice(start, start + length), start, end: start + length };
}

function scalarFact(hits: Hit[]): ExtractedFact {
  // Stable sort: among equally confident hits the first in the ticket stays first.
  const best = [...hits].sort((a, b) => b.confidence - a.confidence)[0];
  const agreeing = hits.filter((hit) => hit.value === best.value);
  return { value: best.value, confidence: best.confidence, ...boundFactEvidence(agreeing.map((hit) => hit.span)) };
}

function listFact(hits: Hit[], order: Scalar[]): ExtractedFact {
  // The best confidence of each value found, in one pass: a ticket can have thousands of hits.
  const best = new Map<Scalar, number>();
  for (const hit of hits) best.set(hit.value, Math.max(best.get(hit.value) ?? 0, hit.confidence));
  const values = order.filter((value) => best.has(value));
  return {
    value: values as string[],
    confidence: values.reduce((lowest, value) => Math.min(lowest, best.get(value)!), 1),
    ...boundFactEvidence(hits.map((hit) => hit.span)),
  };
}
