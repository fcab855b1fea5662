import { questionsFor } from '../consult/questions';
import type { AnswerPriors } from '../consult/priors';
import type { Candidate } from '../engine/diagnose';
import type { NormalizedFacts } from '../facts/normalize';
import { boundEvidence } from '../annotate/evidence-bounds';
import { readTicket } from '../annotate/extract';
import { checkedFacts } from './checked-facts';
import { statedOverRead } from './stated-over-read';
import type { DiagnoseResponse } from '../contract/schemas';
import type { Snapshot } from './snapshot';

/** What a diagnose request sends: the facts the caller knows, and what the user said in their own words. */
export interface DiagnoseInput {
  facts: Record<string, unknown>;
  /** Read with the ticket extractor; the facts it states go under the stated facts, which win. */
  text?: string | undefined;
}

/**
 * The answer to a diagnose request, shared by POST /v1/diagnose, the MCP `diagnose` tool and the
 * command line. Throws an AppError for facts the vocabulary does not allow.
 */
export async function diagnoseAnswer(snapshot: Snapshot, { facts: raw, text }: DiagnoseInput, options: DiagnoseOptions): Promise<DiagnoseResponse> {
  const stated = checkedFacts(raw, snapshot.kb.vocabulary);
  if (text === undefined) return answerFor(snapshot, stated, undefined, options);
  // A chat answer is short (the contract bounds it to 4,000 characters): read on the event loop,
  // under a millisecond. Once the caller has stated the client, a version or a symptom, the
  // answer is about that client's path ("the firewall is ISA Server") without naming it again.
  const { extraction, vocabulary } = snapshot.kb;
  const onTopic = Object.keys(stated.given).some((fact) => extraction.topic?.facts.has(fact));
  const { facts: read } = readTicket({ body: text }, extraction, vocabulary, undefined, { onTopic, chatAnswer: true });
  const { facts, all } = statedOverRead(vocabulary, raw, stated, read);
  const fromText: FromText = {};
  for (const [name, fact] of Object.entries(boundEvidence(facts))) {
    if (fact.source !== 'extracted') continue;
    const { value, confidence, evidence, evidenceOmitted } = fact;
    fromText[name] = { value, source: 'text', confidence: confidence!, evidence: evidence.map((span) => ({ ...span, field: 'text' })), ...(evidenceOmitted ? { evidenceOmitted } : {}) };
  }
  return answerFor(snapshot, { ...all, given: stated.given }, fromText, options);
}

type FromText = NonNullable<DiagnoseResponse['facts']['fromText']>;

/** `includeCandidates`: every diagnosis with its status; `priors`: rank questions by the answers observed in the field. */
interface DiagnoseOptions {
  includeCandidates: boolean;
  priors?: AnswerPriors | undefined;
}

async function answerFor({ kb, diagnoser }: Snapshot, facts: CheckedFacts, fromText: FromText | undefined, options: DiagnoseOptions): Promise<DiagnoseResponse> {
  const report = await diagnoser.diagnose(facts.all);
  return {
    diagnoses: report.diagnoses,
    outOfScope: report.outOfScope,
    conflicts: facts.conflicts,
    questions: questionsFor(kb, report, facts, options.priors),
    ...(options.includeCandidates ? { candidates: report.candidates.map(candidateView) } : {}),
    facts: { given: facts.given, ...(fromText ? { fromText } : {}), derived: facts.derived, derivations: facts.derivations, unknown: facts.unknown },
    kb: { revision: kb.revision },
  };
}

type CheckedFacts = Extract<NormalizedFacts, { ok: true }>;

function candidateView({ id, title, article, status, evaluation, scopeEvaluation }: Candidate): NonNullable<DiagnoseResponse['candidates']>[number] {
  return {
    id,
    title,
    article,
    status,
    ...(status === 'ruled-out' ? { failedConditions: evaluation.failed } : {}),
    ...(status === 'out-of-scope' ? { failedConditions: scopeEvaluation.failed } : {}),
    ...(status === 'undetermined' ? { missingFacts: evaluation.missingFacts } : {}),
  };
}
