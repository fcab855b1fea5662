import type { Extraction } from '../kb/extraction';
import type { FactDefinition } from '../kb/model';
import { Vocabulary } from '../kb/vocabulary';
import { readTicket, type TicketField, type TicketReading } from './extract';

/** What a worker thread needs to read a ticket: the knowledge base's patterns and vocabulary. */
interface ExtractionRules {
  extraction: Extraction;
  facts: readonly FactDefinition[];
}

/** One ticket for a worker thread to read, with the rules to read it by when the worker lacks them. */
export interface ExtractionTask {
  /** The knowledge base's revision, under which the worker keeps its rules. */
  revision: string;
  /** Sent when the worker said it did not have them. */
  rules?: ExtractionRules;
  ticket: Partial<Record<TicketField, string>>;
}

/** The worker's reading of the ticket, or its request for the rules of a revision it does not keep. */
export type ExtractionResult = { reading: TicketReading } | { needsRules: true };

// The rules of the last few revisions (a reload can leave requests on the old one for a while).
const KEPT_REVISIONS = 4;
const rulesByRevision = new Map<string, { extraction: Extraction; vocabulary: Vocabulary }>();

/** The worker thread's task (piscina calls the default export): readTicket on one ticket. */
export default function extractInWorker({ revision, rules, ticket }: ExtractionTask): ExtractionResult {
  if (rules) {
    rulesByRevision.set(revision, { extraction: rules.extraction, vocabulary: new Vocabulary(rules.facts) });
    if (rulesByRevision.size > KEPT_REVISIONS) rulesByRevision.delete(rulesByRevision.keys().next().value!);
  }
  const kept = rulesByRevision.get(revision);
  if (!kept) return { needsRules: true };
  return { reading: readTicket(ticket, kept.extraction, kept.vocabulary) };
}
