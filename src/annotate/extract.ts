import { isIpAddress } from '../facts/address-space';
import type { FactValue } from '../facts/normalize';
import type { Extraction, FactPattern } from '../kb/extraction';
import type { Scalar } from '../kb/model';
import type { Vocabulary } from '../kb/vocabulary';

export type TicketField = 'subject' | 'body';

export interface Span {
  field: TicketField;
  text: string;
  /** Offsets into the field, in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
}

export interface ExtractedFact {
  value: FactValue;
  /** The confidence of the pattern that decided the value (the lowest, for a list). */
  confidence: number;
  evidence: Span[];
}

interface Hit {
  fact: string;
  value: Scalar;
  confidence: number;
  span: Span;
}

const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;

/**
 * Reads the facts a ticket states from its subject and body with the knowledge base's extraction
 * patterns. A negated match ("we don't use NAT") gives the pattern's negated value, or nothing.
 * Where matches disagree on a fact, the most confident wins, then the first (subject before body).
 */
export function extractFacts(ticket: Partial<Record<TicketField, string>>, extraction: Extraction, vocabulary: Vocabulary): Record<string, ExtractedFact> {
  const hits: Hit[] = [];
  for (const field of ['subject', 'body'] as const) {
    const text = ticket[field] ?? '';
    for (const pattern of extraction.patterns) hits.push(...patternHits(pattern, field, text, extraction, vocabulary));
    hits.push(...addressHits(field, text, extraction));
  }
  const facts: Record<string, ExtractedFact> = {};
  for (const definition of vocabulary.facts) {
    const own = hits.filter((hit) => hit.fact === definition.name);
    if (own.length === 0) continue;
    facts[definition.name] = definition.type === 'string-list' ? listFact(own, definition.values!.map((v) => v.value)) : scalarFact(own);
  }
  return facts;
}

function patternHits(pattern: FactPattern, field: TicketField, text: string, extraction: Extraction, vocabulary: Vocabulary): Hit[] {
  const hits: Hit[] = [];
  const allowed = vocabulary.allowedValues(pattern.fact) ?? [];
  for (const match of matches(pattern.regex, text)) {
    let value: Scalar | undefined = pattern.valueFromGroup ? match[pattern.valueFromGroup]?.toLowerCase() : pattern.value;
    if (pattern.negatable && isNegated(text, match.index, extraction)) value = pattern.negatedValue;
    if (value === undefined || !allowed.includes(value)) continue;
    hits.push({ fact: pattern.fact, value, confidence: pattern.confidence, span: span(field, text, match.index, match[0].length) });
  }
  return hits;
}

function isNegated(text: string, index: number, { negation }: Extraction): boolean {
  const before = text.slice(clauseStart(text, index, negation.clauseBreaks), index).toLowerCase();
  const words = before.match(/[a-z']+/g) ?? [];
  return words.slice(-negation.window).some((word) => negation.cues.has(word));
}

function clauseStart(text: string, index: number, breaks: string[]): number {
  const lower = text.slice(0, index).toLowerCase();
  return Math.max(0, ...breaks.map((b) => {
    const at = lower.lastIndexOf(b);
    return at < 0 ? 0 : at + b.length;
  }));
}

/** An address belongs to the role of the nearest cue before it in its clause; no cue, no fact. */
function addressHits(field: TicketField, text: string, { addresses }: Extraction): Hit[] {
  const hits: Hit[] = [];
  for (const match of [...matches(IPV4, text), ...matches(IPV6, text)]) {
    if (!isIpAddress(match[0])) continue;
    const clause = text.slice(clauseStart(text, match.index, addresses.clauseBreaks), match.index);
    let nearest: { end: number; role: string } | undefined;
    for (const cue of addresses.cues) {
      for (const found of matches(cue.regex, clause)) {
        const end = found.index + found[0].length;
        if (!nearest || end > nearest.end) nearest = { end, role: cue.role };
      }
    }
    if (nearest) hits.push({ fact: nearest.role, value: match[0], confidence: 0.8, span: span(field, text, match.index, match[0].length) });
  }
  return hits.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Every match of a global regular expression, by exec: String.prototype.matchAll copies the
 * expression on every call, which was the largest single cost of annotating a ticket.
 */
function matches(regex: RegExp, text: string): RegExpExecArray[] {
  const found: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match; match = regex.exec(text)) {
    found.push(match);
    if (match[0] === '') regex.lastIndex += 1;
  }
  return found;
}

function span(field: TicketField, text: string, start: number, length: number): Span {
  return { field, text: text.slice(start, start + length), start, end: start + length };
}

function scalarFact(hits: Hit[]): ExtractedFact {
  // Stable sort: among equally confident hits the first in the ticket stays first.
  const best = [...hits].sort((a, b) => b.confidence - a.confidence)[0];
  const agreeing = hits.filter((hit) => hit.value === best.value);
  return { value: best.value, confidence: best.confidence, evidence: agreeing.map((hit) => hit.span) };
}

function listFact(hits: Hit[], order: Scalar[]): ExtractedFact {
  const values = order.filter((value) => hits.some((hit) => hit.value === value));
  return {
    value: values as string[],
    confidence: Math.min(...values.map((value) => Math.max(...hits.filter((h) => h.value === value).map((h) => h.confidence)))),
    evidence: hits.map((hit) => hit.span),
  };
}
