import { readTicket } from '../src/annotate/extract';
import type { Tokenizer } from '../src/annotate/negation';
import { bundledKnowledgeBase } from './knowledge-base';
import type { CorpusTicket } from './tickets';

/** What scoring needs of a ticket: its text and the facts a support engineer assigned. */
type ScoredTicket = Pick<CorpusTicket, 'id' | 'subject' | 'body' | 'facts'>;

export interface Score {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface TicketMistake {
  id: string;
  fact: string;
  expected: unknown;
  extracted: unknown;
}

/**
 * Which facts and values a corpus's labels speak for. The blind corpus was labelled with the
 * public vocabulary of docs/domain.md alone, so a fact or value added since (rpcOverHttp,
 * error-1720) is neither right nor wrong there and is not scored.
 */
export interface LabelScope {
  facts: readonly string[];
  values?: Record<string, readonly string[]>;
}

export const DOMAIN_VOCABULARY: LabelScope = {
  facts: ['clientKind', 'outlookVersion', 'exchangeVersion', 'firewallPlatform', 'natMode', 'clientAddress', 'serverAddress', 'publicAddressAssignment', 'port135Reachable', 'symptoms'],
  values: { symptoms: ['cannot-connect', 'name-resolution-fails', 'certificate-warning', 'sync-fails'] },
};

/**
 * Scores extraction against the corpus labels, per fact: a value extracted and labelled is a true
 * positive; extracted but not labelled (or labelled otherwise) a false positive; labelled but not
 * extracted (or extracted otherwise) a false negative. A list fact (symptoms) counts per value.
 */
export function scoreExtraction(corpus: ScoredTicket[], scope?: LabelScope, tokenizer?: Tokenizer): { byFact: Map<string, Score>; mistakes: TicketMistake[] } {
  const { kb } = bundledKnowledgeBase();
  const extracted = (ticket: ScoredTicket) => Object.fromEntries(Object.entries(readTicket(ticket, kb.extraction, kb.vocabulary, tokenizer).facts).map(([name, fact]) => [name, fact.value]));
  return scoreLabels(corpus, extracted, scope);
}

/**
 * Scores any reading of a corpus against its labels the same way: the extractor's, or a second
 * person's labels of the same tickets (how far two careful readers agree is the measure of what a
 * reader can reach).
 */
export function scoreLabels(corpus: ScoredTicket[], found: (ticket: ScoredTicket) => Record<string, unknown>, scope?: LabelScope): { byFact: Map<string, Score>; mistakes: TicketMistake[] } {
  const { kb } = bundledKnowledgeBase();
  const names = kb.vocabulary.names.filter((name) => !scope || scope.facts.includes(name));
  const inScope = (name: string, values: unknown[]) => values.filter((v) => !scope?.values?.[name] || scope.values[name].includes(v as string));
  const byFact = new Map<string, Score>(names.map((name) => [name, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  const mistakes: TicketMistake[] = [];
  for (const ticket of corpus) {
    const reading = found(ticket);
    for (const name of names) {
      const score = byFact.get(name)!;
      const expected = inScope(name, asValues(ticket.facts[name]));
      const given = inScope(name, asValues(reading[name]));
      const hits = given.filter((v) => expected.includes(v)).length;
      score.truePositives += hits;
      score.falsePositives += given.length - hits;
      score.falseNegatives += expected.length - hits;
      if (hits !== given.length || hits !== expected.length) {
        mistakes.push({ id: ticket.id, fact: name, expected: ticket.facts[name], extracted: reading[name] });
      }
    }
  }
  return { byFact, mistakes };
}

function asValues(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

export const precision = (s: Score) => (s.truePositives + s.falsePositives === 0 ? 1 : s.truePositives / (s.truePositives + s.falsePositives));
export const recall = (s: Score) => (s.truePositives + s.falseNegatives === 0 ? 1 : s.truePositives / (s.truePositives + s.falseNegatives));

export function total(scores: Iterable<Score>): Score {
  const sum = { truePositives: 0, falsePositives: 0, falseNegatives: 0 };
  for (const s of scores) {
    sum.truePositives += s.truePositives;
    sum.falsePositives += s.falsePositives;
    sum.falseNegatives += s.falseNegatives;
  }
  return sum;
}
