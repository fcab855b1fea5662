import type { FactValue } from '../facts/normalize';
import { isLinkLocal } from '../facts/address-space';
import type { ContextPattern, Extraction, FactPattern, SentenceRule, SpokenForms } from '../kb/extraction';
import type { Scalar } from '../kb/model';
import { normalizeText } from '../kb/phrases';
import type { Vocabulary } from '../kb/vocabulary';
import { addressHits } from './addresses';
import { eachMatch, matchesAnywhere, matchesOf } from './alternative-search';
import { boundFactEvidence, type Evidenced } from './evidence-bounds';
import { Negation, type Tokenizer } from './negation';
import { findPhrasesAndRequiredTexts } from './phrases';
import { passes } from '../kb/prefilter';
import { Sentences, type HedgeCondition } from './sentences';
import { readSpokenForms, type SpokenText } from './spoken-forms';

/** The fields of a ticket that are read for facts. */
export type TicketField = 'subject' | 'body';

/** Where the ticket says something: the field, the words as written there, and their offsets. */
export interface Span {
  field: TicketField;
  text: string;
  /** Offsets into the field, in UTF-16 code units (JavaScript string indices), end exclusive. */
  start: number;
  end: number;
}

interface ExtractedFact extends Evidenced {
  value: FactValue;
  /** The confidence of the pattern that decided the value (the lowest, for a list). */
  confidence: number;
}

/** Something the ticket mentions that no fact can hold ("Outlook for Mac"), with where it says so. */
export interface ContextMention extends Evidenced {
  id: string;
  label: string;
}

/** What a ticket's text says: the facts it states, and the context the vocabulary cannot hold. */
export interface TicketReading {
  facts: Record<string, ExtractedFact>;
  context: ContextMention[];
}

interface Hit {
  fact: string;
  value: Scalar;
  confidence: number;
  span: Span;
  /** Left out when this other fact is read from the ticket too (see FactPattern.unlessRead). */
  unlessRead?: string | undefined;
  /** Hedges of its sentence that lower it only where the ticket reads another fact so (settleConditions). */
  conditions?: HedgeCondition[] | undefined;
}

/** A ticket's text as read, with what is found once and asked of by every match. */
interface ReadText {
  whole: TicketText;
  /** The text as patterns read it (TicketText.text). */
  text: string;
  negation: Negation;
  sentences: Sentences;
  /** Which of the extraction's required texts the ticket holds, by index. */
  found: Uint8Array;
}

// Between the subject and the body when they are read as one text: a full stop on a line of its
// own, which no pattern reads across (patterns stop at full stops and line breaks) and which
// ends a sentence. Reading both fields at once halves the passes over a ticket, which is most of
// the cost of a short one.
const FIELD_BREAK = '\n.\n';

/** A ticket's subject and body as one text, and the way back from an offset in it to a field. */
class TicketText {
  /** The joined text with typographic apostrophes, quotes and spaces read plain (see forMatching), and spoken forms as their words (spoken-forms.ts). */
  readonly text: string;
  private readonly original: string;
  private readonly spoken: SpokenText;
  private readonly bodyStart: number;

  constructor(
    private readonly subject: string,
    body: string,
    spokenForms: SpokenForms | undefined,
  ) {
    this.original = `${subject}${FIELD_BREAK}${body}`;
    this.spoken = readSpokenForms(forMatching(this.original), spokenForms);
    this.text = this.spoken.text;
    this.bodyStart = subject.length + FIELD_BREAK.length;
  }

  /** The span of the ticket at [at, at + atLength) of the joined text as read, in its field's offsets as written. */
  span(at: number, atLength: number): Span {
    const start = this.spoken.start(at);
    const length = this.spoken.end(at + atLength) - start;
    const text = this.original.slice(start, start + length);
    if (start < this.bodyStart) return { field: 'subject', text, start, end: Math.min(start + length, this.subject.length) };
    return { field: 'body', text, start: start - this.bodyStart, end: start - this.bodyStart + length };
  }
}

/**
 * Reads the facts a ticket states from its subject and body with the knowledge base's extraction
 * patterns and lexicons, with at most MAX_EVIDENCE_PER_FACT spans of evidence each (the rest
 * counted). A negated match ("we don't use NAT") gives the pattern's negated value, or nothing; a
 * match in a hedged or client-side sentence counts for less, and below the minimum confidence not
 * at all. Where matches disagree on a fact, the most confident wins, then the first (subject
 * before body). Mentions of context items are listed with their evidence.
 *
 * `as.onTopic`: the text is known to be about an Exchange client whatever it names, as a chat
 * answer is once the consultation has stated the client (see the extraction's topic): the
 * firewall, NAT and port facts are then read without the text naming a client, version or
 * symptom itself. `as.chatAnswer`: the text is a chat answer (POST /v1/diagnose `text`), so the
 * patterns only answers need are read too (FactPattern.chatAnswersOnly).
 */
export function readTicket(
  ticket: Partial<Record<TicketField, string>>,
  extraction: Extraction,
  vocabulary: Vocabulary,
  tokenizer?: Tokenizer,
  as: { onTopic?: boolean; chatAnswer?: boolean } = {},
): TicketReading {
  const { onTopic = false, chatAnswer = false } = as;
  const hits: Hit[] = [];
  const mentions = new Map<string, { item: ContextItem; spans: Span[] }>();
  const whole = new TicketText(ticket.subject ?? '', ticket.body ?? '', extraction.spokenForms);
  const { text } = whole;
  const sentences = new Sentences(text, extraction);
  // Cues first: they decide what the facts found in their sentences are worth.
  const normalized = normalizeText(text);
  const { phrases, required: found } = findPhrasesAndRequiredTexts(normalized, extraction.phrases);
  const at: ReadText = { whole, text, negation: new Negation(text, extraction, sentences, tokenizer), sentences, found };
  for (const phrase of phrases) {
    const use = extraction.phrases.uses[phrase.use]!;
    if (use.kind === 'cue') sentences.cueAt(use.cue, phrase.start);
  }
  for (const phrase of phrases) {
    const use = extraction.phrases.uses[phrase.use]!;
    if (use.kind === 'fact') {
      const hit = factHit(use, phrase.start, phrase.end - phrase.start, at, vocabulary);
      if (hit) hits.push(hit);
    } else if (use.kind === 'context' && !(use.negatable && at.negation.at(phrase.start))) {
      mention(mentions, use, whole.span(phrase.start, phrase.end - phrase.start));
    }
  }
  for (const pattern of extraction.patterns) {
    if ((chatAnswer || !pattern.chatAnswersOnly) && passes(pattern.prefilter, found)) addPatternHits(pattern, at, vocabulary, hits);
  }
  for (const rule of extraction.sentenceRules) {
    if (passes(rule.prefilter, found)) hits.push(...sentenceRuleHits(rule, at));
  }
  // A link-local address (fe80::, 169.254.x) is a machine's too, but the one it reaches no other
  // network with: beside another address of the same role (ipconfig lists both), the other is the one meant.
  for (const hit of addressHits(text, extraction, found)) hits.push({ fact: hit.role, value: hit.address, confidence: isLinkLocal(hit.address) ? 0.75 : 0.8, span: whole.span(hit.index, hit.length) });
  for (const pattern of extraction.context) {
    if (!passes(pattern.prefilter, found)) continue;
    eachMatch(pattern.regex, pattern.alternatives, text, found, (match) => {
      if (!(pattern.negatable && at.negation.at(match.index))) mention(mentions, pattern, whole.span(match.index, match[0].length));
    });
  }
  const withdrawn: { fact: string; value?: Scalar }[] = [];
  for (const withdrawal of extraction.withdrawals) {
    if (!passes(withdrawal.prefilter, found)) continue;
    if (matchesAnywhere(withdrawal.regex, withdrawal.alternatives, text, found)) withdrawn.push(withdrawal);
  }
  const kept = hits.filter((hit) => !withdrawn.some(({ fact, value }) => fact === hit.fact && (value === undefined || value === hit.value)));
  settleConditions(kept, extraction.minimumConfidence);
  const confident = kept.filter((hit) => hit.confidence >= extraction.minimumConfidence);
  const read = new Set(confident.map((hit) => hit.fact));
  const { topic } = extraction;
  const offTopic = !onTopic && topic !== undefined && ![...topic.facts].some((fact) => read.has(fact));
  const admitted = confident.filter((hit) => !(hit.unlessRead && read.has(hit.unlessRead)) && !(offTopic && topic.gated.has(hit.fact)));
  return {
    facts: factsOf(oneRolePerAddress(admitted), vocabulary),
    context: [...mentions.values()].map(({ item, spans }) => ({ id: item.id, label: item.label, ...boundFactEvidence(inTicketOrder(spans)) })),
  };
}

/**
 * Lowers the hits whose sentences hold a hedge that applies only where the ticket reads another
 * fact as one of some values (SentenceCues.onlyWhereRead): that fact is read first, from its
 * confident hits, as factsOf would read it.
 */
function settleConditions(hits: Hit[], minimumConfidence: number): void {
  const read = new Map<string, Scalar | undefined>();
  const readOf = (fact: string) => {
    if (!read.has(fact)) {
      const own = hits.filter((hit) => hit.fact === fact && hit.confidence >= minimumConfidence);
      // A condition's fact is one value (kb/extraction.ts checks it), read as factsOf reads it.
      const value = own.length > 0 ? scalarFact(own).value : undefined;
      read.set(fact, Array.isArray(value) ? undefined : value);
    }
    return read.get(fact);
  };
  for (const hit of hits) {
    for (const condition of hit.conditions ?? []) {
      const value = readOf(condition.fact);
      if (value !== undefined && condition.values.has(value)) hit.confidence *= condition.factor;
    }
  }
}

/**
 * One machine is not both ends of the path: an address read as the server's and as the client's
 * (an Exchange server's address beside a client-side cue: "telnet 198.51.100.20 135 works")
 * stays the server's, which the writers labelled in 6 of the 9 development tickets where this
 * happened, and the client's is read from its other hits.
 */
function oneRolePerAddress(hits: Hit[]): Hit[] {
  const serverHits = hits.filter((hit) => hit.fact === 'serverAddress');
  if (serverHits.length === 0) return hits;
  const server = scalarFact(serverHits).value;
  return hits.filter((hit) => !(hit.fact === 'clientAddress' && hit.value === server));
}

/** The facts alone, for callers that have no use for the context. */
export function extractFacts(ticket: Partial<Record<TicketField, string>>, extraction: Extraction, vocabulary: Vocabulary): Record<string, ExtractedFact> {
  return readTicket(ticket, extraction, vocabulary).facts;
}

function factsOf(hits: Hit[], vocabulary: Vocabulary): Record<string, ExtractedFact> {
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
    facts[definition.name] =
      definition.type === 'string-list'
        ? listFact(
            own,
            definition.values!.map((v) => v.value),
          )
        : scalarFact(own);
  }
  return facts;
}

type ContextItem = Pick<ContextPattern, 'id' | 'label'>;

function mention(mentions: Map<string, { item: ContextItem; spans: Span[] }>, item: ContextItem, found: Span): void {
  const own = mentions.get(item.id) ?? { item, spans: [] };
  own.spans.push(found);
  mentions.set(item.id, own);
}

/** What a pattern or phrase for a fact found at `index` says, or nothing: negated with no negated value, or a value the fact cannot take. */
function factHit(use: FactUse, index: number, length: number, at: ReadText, vocabulary: Vocabulary, value: Scalar | undefined = use.value): Hit | undefined {
  if (use.negatable && at.negation.at(index)) value = use.negatedValue;
  if (value === undefined || !(vocabulary.allowedValues(use.fact) ?? []).includes(value)) return undefined;
  const cues = at.sentences.cuesAt(index, length);
  const confidence = use.confidence * at.sentences.factor(use.fact, cues);
  return { fact: use.fact, value, confidence, span: at.whole.span(index, length), unlessRead: use.unlessRead, conditions: at.sentences.conditionsAt(use.fact, cues) };
}

type FactUse = Pick<FactPattern, 'fact' | 'value' | 'negatedValue' | 'negatable' | 'confidence' | 'unlessRead'>;

/** Adds the hits of a pattern to `hits`, reading matches as they come (no array of them: most patterns match nothing). */
function addPatternHits(pattern: FactPattern, at: ReadText, vocabulary: Vocabulary, hits: Hit[]): void {
  eachMatch(pattern.regex, pattern.alternatives, at.text, at.found, (match) => {
    const value = pattern.valueFromGroup ? match[pattern.valueFromGroup]?.toLowerCase() : pattern.value;
    const hit = factHit(pattern, match.index, match[0].length, at, vocabulary, value);
    if (hit) hits.push(hit);
  });
}

/** One hit per sentence in which every pattern of the rule matches, at the first pattern's first match there. */
function sentenceRuleHits(rule: SentenceRule, at: ReadText): Hit[] {
  const matchesOfPattern = (i: number) => matchesOf(rule.all[i]!, rule.allAlternatives[i], at.text, at.found);
  const firstInSentence = new Map<number, RegExpExecArray>();
  for (const match of matchesOfPattern(0)) {
    if (rule.negatable && at.negation.at(match.index)) continue;
    const sentence = at.sentences.startOf(match.index);
    if (!firstInSentence.has(sentence)) firstInSentence.set(sentence, match);
  }
  if (firstInSentence.size === 0) return [];
  let sentences = new Set(firstInSentence.keys());
  for (let i = 1; i < rule.all.length; i += 1) {
    const found = new Set<number>();
    for (const match of matchesOfPattern(i)) if (sentences.has(at.sentences.startOf(match.index))) found.add(at.sentences.startOf(match.index));
    sentences = found;
  }
  return [...sentences].map((sentence) => {
    const match = firstInSentence.get(sentence)!;
    const confidence = rule.confidence * at.sentences.factor(rule.fact, match.index);
    return { fact: rule.fact, value: rule.value, confidence, span: at.whole.span(match.index, match[0].length), conditions: at.sentences.conditionsAt(rule.fact, match.index) };
  });
}

// A line broken inside a sentence, as mail clients wrap text ("Outlook still says server\n>
// unavailable.", "our back-end EXBE1\n(10.5.0.10)"): the break after a line that does not end a
// sentence (no full stop, colon or semicolon), when the next line goes on with one of
// LINE_GOES_ON, reads as spaces (and so do the quote mark of a quoted line and an address's
// indent), so that phrases, sentences and address cues run across it; replaced character for
// character, so offsets hold.
const AN_ADDRESS = String.raw`(?:\d{1,3}\.){3}\d{1,3}\b`;
const LINE_GOES_ON = [
  '[a-z]', // a lower-case word
  String.raw`\([\da-z]`, // a bracket: "EXBE1\n(10.5.0.10)"
  AN_ADDRESS,
  String.raw`\d{2,5}(?![\d.)])\b`, // a port or a version, not a list's "1." or "2)"
  String.raw`(?<=\b(?:of|and|with|the|a|an|to|for|in|on|at|by|from|or)\n(?:> ?)?)[A-Z]`, // any word after "of", "the"...
].join('|');
const HARD_WRAP = new RegExp(String.raw`\n(?<=[^\s.!?:;]\n)(?:> ?)?(?:[ \t]*(?=${AN_ADDRESS}))?(?=${LINE_GOES_ON})`, 'g');

/**
 * The text with typographic apostrophes and quotes and no-break spaces read as their plain forms
 * ("couldn’t" as "couldn't"), so that one pattern serves both, and hard-wrapped lines joined
 * (HARD_WRAP). Each replacement is one UTF-16 code unit for one, so offsets into the result are
 * offsets into the ticket.
 */
function forMatching(text: string): string {
  return text
    .replace(/[\u2018\u2019\u02bc\u2032]/g, "'")
    .replace(/[\u201c\u201d\u2033]/g, '"')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(HARD_WRAP, (wrap) => ' '.repeat(wrap.length));
}

function scalarFact(hits: Hit[]): ExtractedFact {
  // Among equally confident hits the first in the ticket wins, whichever kind of pattern found it.
  const best = [...hits].sort((a, b) => b.confidence - a.confidence || inTicket(a.span, b.span))[0]!;
  const agreeing = hits.filter((hit) => hit.value === best.value);
  return { value: best.value, confidence: best.confidence, ...boundFactEvidence(inTicketOrder(agreeing.map((hit) => hit.span))) };
}

function listFact(hits: Hit[], order: Scalar[]): ExtractedFact {
  // The best confidence of each value found, in one pass: a ticket can have thousands of hits.
  const best = new Map<Scalar, number>();
  for (const hit of hits) best.set(hit.value, Math.max(best.get(hit.value) ?? 0, hit.confidence));
  const values = order.filter((value) => best.has(value));
  return {
    value: values as string[],
    confidence: values.reduce((lowest, value) => Math.min(lowest, best.get(value)!), 1),
    ...boundFactEvidence(inTicketOrder(hits.map((hit) => hit.span))),
  };
}

/**
 * Spans in the order of the ticket (subject first), each once: a span that another one of the
 * same fact covers ("fail" within "fail to sync", read by two patterns) is left out.
 */
function inTicketOrder(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => inTicket(a, b) || b.end - a.end);
  const kept: Span[] = [];
  for (const span of sorted) {
    const last = kept[kept.length - 1];
    if (last && last.field === span.field && span.end <= last.end) continue;
    kept.push(span);
  }
  return kept;
}

/** Compares two spans by where they start in the ticket: the subject before the body, then by offset. */
function inTicket(a: Span, b: Span): number {
  return fieldOrder(a) - fieldOrder(b) || a.start - b.start;
}

function fieldOrder(span: Span): number {
  return span.field === 'subject' ? 0 : 1;
}
