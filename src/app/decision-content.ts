import type { DecidedDiagnosis, DecidedFact, DecisionContent, DecisionKind } from '../decisions/decision';
import type { Derivation } from '../facts/derive';
import type { DiagnoseResponse } from '../contract/schemas';
import type { Annotation, Ticket } from './annotate';

/** The part of an answer a decision is made of: the same for a diagnosis and an annotation. */
interface Decided {
  diagnoses: readonly { id: string; status: 'confirmed' | 'likely'; article: { id: string }; workarounds: readonly { id: string; applicable: boolean | null }[] }[];
  outOfScope: readonly { id: string; article: { id: string } }[];
  questions: readonly { fact: string; why: readonly { id: string }[] }[];
  unknown: readonly string[];
  kb: { revision: string };
}

// An item id is `<article>.<diagnosis or workaround>`.
const articleOf = (id: string) => id.slice(0, id.indexOf('.'));

function content(kind: DecisionKind, answer: Decided, facts: Record<string, DecidedFact>): DecisionContent {
  const diagnoses: DecidedDiagnosis[] = [
    ...answer.diagnoses.map(({ id, status, article, workarounds }) => ({ id, article: article.id, status, workarounds: workarounds.map((w) => ({ id: w.id, applicable: w.applicable })) })),
    ...answer.outOfScope.map(({ id, article }) => ({ id, article: article.id, status: 'out-of-scope' as const, workarounds: [] })),
  ];
  return {
    kind,
    kbRevision: answer.kb.revision,
    facts,
    unknown: [...answer.unknown],
    diagnoses,
    questions: answer.questions.map((q) => ({ fact: q.fact, articles: [...new Set(q.why.map((reason) => articleOf(reason.id)))] })),
  };
}

function derivedFacts(derivations: Record<string, Pick<Derivation, 'value' | 'from'>>): Record<string, DecidedFact> {
  return Object.fromEntries(Object.entries(derivations).map(([name, d]) => [name, { value: d.value, source: 'derived', from: Object.keys(d.from) }]));
}

/**
 * What a POST /v1/diagnose answer decided: the facts stated, read from the text sent with them
 * (extracted) and derived, the diagnoses, the questions left; and the text, for the recorder to
 * keep (as the body) only when it is told to.
 */
export function diagnoseDecision(answer: DiagnoseResponse, text?: string): DecisionContent {
  const stated = Object.fromEntries(Object.entries(answer.facts.given).map(([name, value]) => [name, { value: value, source: 'stated' as const }]));
  const read = Object.fromEntries(Object.entries(answer.facts.fromText ?? {}).map(([name, f]) => [name, { value: f.value, source: 'extracted' as const }]));
  return {
    ...content('diagnose', { ...answer, unknown: answer.facts.unknown }, { ...stated, ...read, ...derivedFacts(answer.facts.derivations) }),
    ...(text !== undefined ? { text: { body: text } } : {}),
  };
}

/**
 * What an annotation decided: the facts given with the ticket (stated) or read from its text
 * (extracted), those derived from them, the diagnoses and the questions left; and the ticket,
 * with its text for the recorder to keep only when it is told to.
 */
export function annotationDecision(
  annotation: Annotation,
  derivations: Record<string, Pick<Derivation, 'value' | 'from'>>,
  ticket: Ticket,
  webhook?: { system: string; ticket: string },
): DecisionContent {
  const read = Object.fromEntries(Object.entries(annotation.facts).map(([name, f]) => [name, { value: f.value, source: f.source === 'given' ? ('stated' as const) : ('extracted' as const) }]));
  return {
    ...content(webhook ? 'webhook' : 'annotate', annotation, { ...read, ...derivedFacts(derivations) }),
    ticket: webhook ? { system: webhook.system, id: webhook.ticket } : { id: String(ticket.id) },
    text: { ...(ticket.subject !== undefined ? { subject: ticket.subject } : {}), ...(ticket.body !== undefined ? { body: ticket.body } : {}) },
  };
}
