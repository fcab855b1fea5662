import { questionsFor, type Question } from '../src/consult/questions';
import type { AnswerPriors } from '../src/consult/priors';
import type { DiagnosisReport } from '../src/engine/diagnose';
import { normalizeFacts } from '../src/facts/normalize';
import { bundledKnowledgeBase } from './knowledge-base';

export type Facts = Record<string, unknown>;

export interface Consultation {
  /** The facts asked, in order. */
  asked: string[];
  /** The facts the conversation ended with (null: the user did not know). */
  facts: Facts;
  report: DiagnosisReport;
}

// What a user says first: the client and the symptoms, and how Outlook connects when they know
// it (the service never asks that: direct RPC is the articles' premise until told otherwise).
const OPENING_FACTS = ['clientKind', 'symptoms', 'rpcOverHttp'];
const MAX_QUESTIONS = 20;

/** What a user whose environment is `environment` says first (see OPENING_FACTS). */
export function openingFacts(environment: Facts): Facts {
  const facts: Facts = {};
  for (const name of OPENING_FACTS) if (Object.hasOwn(environment, name)) facts[name] = environment[name];
  return facts;
}

/** The service's diagnosis of `facts` and the questions it would ask next, best first. */
async function turn(facts: Facts, priors?: AnswerPriors): Promise<{ report: DiagnosisReport; questions: Question[] }> {
  const { kb, diagnoser } = bundledKnowledgeBase();
  const normalized = normalizeFacts(facts, kb.vocabulary);
  if (!normalized.ok) throw new Error(`the simulated user sent invalid facts: ${JSON.stringify(normalized.errors)}`);
  const report = await diagnoser.diagnose(normalized.all);
  // Through the service's question cache: the simulator and the floor search meet the same facts again and again.
  return { report, questions: questionsFor(kb, report, normalized, priors) };
}

/**
 * The user's answer to a question about `fact`, as the name and value it sends: the fact itself,
 * the IP address a derived address-space fact comes from, or, when the environment does not
 * say, null ("don't know").
 */
export function answerFrom(environment: Facts, fact: string): [name: string, value: unknown] {
  const source = bundledKnowledgeBase().kb.vocabulary.get(fact)?.derivedFrom;
  if (Object.hasOwn(environment, fact)) return [fact, environment[fact]];
  if (source && Object.hasOwn(environment, source)) return [source, environment[source]];
  return [fact, null];
}

/**
 * A simulated user who opens with only the symptom and the client kind, then answers each top
 * question from `environment` (the scenario's full facts). It stops when nothing is left to ask.
 * With `priors`, the questions are ranked as `?priors=field` ranks them.
 */
export async function consult(environment: Facts, priors?: AnswerPriors): Promise<Consultation> {
  const facts = openingFacts(environment);
  const asked: string[] = [];
  for (;;) {
    const { report, questions } = await turn(facts, priors);
    const [question] = questions;
    if (!question) return { asked, facts, report };
    if (asked.includes(question.fact)) throw new Error(`asked ${question.fact} twice`);
    if (asked.length === MAX_QUESTIONS) throw new Error(`no end after ${MAX_QUESTIONS} questions: ${asked.join(', ')}`);
    asked.push(question.fact);
    const [name, value] = answerFrom(environment, question.fact);
    facts[name] = value;
  }
}
