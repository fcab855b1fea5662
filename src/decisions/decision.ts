import crypto from 'node:crypto';
import type { FactValue } from '../facts/normalize';

/** Where a decision was made: POST /v1/diagnose, POST /v1/annotate (and its batches), or a ticketing system's webhook. */
export type DecisionKind = 'diagnose' | 'annotate' | 'webhook';

/**
 * A fact a decision used, and where it came from: stated by the caller, read from a ticket's
 * text, or derived by the service from other facts (`from` names them).
 */
export interface DecidedFact {
  value: FactValue;
  source: 'stated' | 'extracted' | 'derived';
  from?: string[];
}

/** A diagnosis as a decision reported it, with its workarounds and whether each applied (null: undetermined). */
export interface DecidedDiagnosis {
  id: string;
  article: string;
  status: 'confirmed' | 'likely' | 'out-of-scope';
  workarounds: { id: string; applicable: boolean | null }[];
}

/** A question a decision left for the caller: the fact, and the articles whose diagnoses wait for it. */
interface LeftQuestion {
  fact: string;
  articles: string[];
}

/**
 * What one diagnosis, annotation or webhook decided, without who asked and when: the same facts
 * give the same content, so an answer served from the cache carries its content along.
 */
export interface DecisionContent {
  kind: DecisionKind;
  kbRevision: string;
  facts: Record<string, DecidedFact>;
  /** Facts the caller said are unknown (sent as null). */
  unknown: string[];
  diagnoses: DecidedDiagnosis[];
  /** The questions the answer left, best first; none left means the consultation had nothing more to ask. */
  questions: LeftQuestion[];
  /** The ticket it is about, for annotations and webhooks: its system (webhooks) and its id there. */
  ticket?: { system?: string; id: string };
  /** The ticket's text; only kept when DECISION_LOG_TEXT is true, since tickets can hold personal data. */
  text?: { subject?: string; body?: string };
}

/** A decision as the log records it: its content, an id, when, and the caller's API key name (never the key). */
export interface Decision extends DecisionContent {
  id: string;
  at: number;
  caller?: string;
}

/**
 * A decision on its way to the log: its content kept as the object it was made from, which
 * answers served from the cache share, so that the content is serialized and tallied once, not
 * once per request.
 */
export interface LoggedDecision {
  id: string;
  at: number;
  caller?: string | undefined;
  content: DecisionContent;
}

/** A decision read back as one to write (what tests and scripts that fill a log start from). */
export function logged({ id, at, caller, ...content }: Decision): LoggedDecision {
  return { id, at, caller, content };
}

/**
 * A new decision id: a UUID whose first 48 bits are the time in milliseconds (the layout of
 * RFC 9562's version 7), so that ids recorded together sort together and a database's index of
 * them grows at its end instead of splitting pages all over (a random UUID's cost at thousands of
 * decisions a second), and 74 random bits, so that they cannot be guessed.
 */
export function newDecisionId(now = Date.now()): string {
  const time = now.toString(16).padStart(12, '0');
  const random = crypto.randomUUID();
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${random.slice(15, 18)}-${random.slice(19, 23)}-${random.slice(24)}`;
}

/**
 * What happened after a decision: a diagnosis the agent confirmed or rejected, the workaround that
 * resolved it, `none` (none of the diagnoses was it), or `unmatched`: the ticket was solved with a
 * resolution that names none of the decision's workarounds (never guessed at).
 */
type OutcomeKind = 'confirmed' | 'rejected' | 'resolved' | 'none' | 'unmatched';

/** An outcome reported for a decision, by an agent through the API or by a ticketing system's "solved" event. */
export interface Outcome {
  decisionId: string;
  at: number;
  kind: OutcomeKind;
  /** For confirmed and rejected: the diagnosis. */
  diagnosis?: string;
  /** For resolved: the workaround. */
  workaround?: string;
  /** Who said so: `agent` (the API) or the ticketing system. */
  source: 'agent' | 'zendesk' | 'jira' | 'servicenow';
  caller?: string;
}

/** Whether a decision stalled: it left questions and reported no diagnosis that holds. */
export const stalled = (decision: Pick<DecisionContent, 'questions' | 'diagnoses'>): boolean => decision.questions.length > 0 && !decision.diagnoses.some((d) => d.status !== 'out-of-scope');
