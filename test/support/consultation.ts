import { nextQuestions } from '../../src/consult/questions';
import type { DiagnosisReport } from '../../src/engine/diagnose';
import { normalizeFacts } from '../../src/facts/normalize';
import { bundledKnowledgeBase } from './knowledge-base';

export interface Consultation {
  /** The facts asked, in order. */
  asked: string[];
  /** The facts the conversation ended with (null: the user did not know). */
  facts: Record<string, unknown>;
  report: DiagnosisReport;
}

const OPENING_FACTS = ['clientKind', 'symptoms'];
const MAX_QUESTIONS = 20;

/**
 * A simulated user who opens with only the symptom and the client kind, then answers each top
 * question from `environment` (the scenario's full facts): with the fact itself, with the IP
 * address a derived address-space fact comes from, or, when the environment does not say, with
 * null ("don't know"). It stops when nothing is left to ask.
 */
export async function consult(environment: Record<string, unknown>): Promise<Consultation> {
  const { kb, diagnoser } = bundledKnowledgeBase();
  const facts: Record<string, unknown> = {};
  for (const name of OPENING_FACTS) if (Object.hasOwn(environment, name)) facts[name] = environment[name];
  const asked: string[] = [];
  for (;;) {
    const normalized = normalizeFacts(facts, kb.vocabulary);
    if (!normalized.ok) throw new Error(`the simulated user sent invalid facts: ${JSON.stringify(normalized.errors)}`);
    const report = await diagnoser.diagnose(normalized.all);
    const [question] = nextQuestions(report, kb.vocabulary, normalized.unknown);
    if (!question) return { asked, facts, report };
    if (asked.includes(question.fact)) throw new Error(`asked ${question.fact} twice`);
    if (asked.length === MAX_QUESTIONS) throw new Error(`no end after ${MAX_QUESTIONS} questions: ${asked.join(', ')}`);
    asked.push(question.fact);
    const source = kb.vocabulary.get(question.fact)?.derivedFrom;
    if (Object.hasOwn(environment, question.fact)) facts[question.fact] = environment[question.fact];
    else if (source && Object.hasOwn(environment, source)) facts[source] = environment[source];
    else facts[question.fact] = null;
  }
}
