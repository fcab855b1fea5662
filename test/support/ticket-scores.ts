import { extractFacts } from '../../src/annotate/extract';
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
 * Scores extraction against the corpus labels, per fact: a value extracted and labelled is a true
 * positive; extracted but not labelled (or labelled otherwise) a false positive; labelled but not
 * extracted (or extracted otherwise) a false negative. A list fact (symptoms) counts per value.
 */
export function scoreExtraction(corpus: ScoredTicket[]): { byFact: Map<string, Score>; mistakes: TicketMistake[] } {
  const { kb } = bundledKnowledgeBase();
  const byFact = new Map<string, Score>(kb.vocabulary.names.map((name) => [name, { truePositives: 0, falsePositives: 0, falseNegatives: 0 }]));
  const mistakes: TicketMistake[] = [];
  for (const ticket of corpus) {
    const extracted = extractFacts(ticket, kb.extraction, kb.vocabulary);
    for (const name of kb.vocabulary.names) {
      const score = byFact.get(name)!;
      const expected = asValues(ticket.facts[name]);
      const found = asValues(extracted[name]?.value);
      const hits = found.filter((v) => expected.includes(v)).length;
      score.truePositives += hits;
      score.falsePositives += found.length - hits;
      score.falseNegatives += expected.length - hits;
      if (hits !== found.length || hits !== expected.length) {
        mistakes.push({ id: ticket.id, fact: name, expected: ticket.facts[name], extracted: extracted[name]?.value });
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
