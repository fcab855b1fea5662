import { questionsFor } from '../consult/questions';
import type { AnswerPriors } from '../consult/priors';
import type { Candidate } from '../engine/diagnose';
import type { NormalizedFacts } from '../facts/normalize';
import { checkedFacts } from './checked-facts';
import type { DiagnoseResponse } from '../contract/schemas';
import type { Snapshot } from './snapshot';

/**
 * The answer to a diagnose request, shared by POST /v1/diagnose and the MCP `diagnose` tool.
 * Throws an AppError for facts the vocabulary does not allow.
 */
export async function diagnoseAnswer(snapshot: Snapshot, rawFacts: Record<string, unknown>, options: DiagnoseOptions): Promise<DiagnoseResponse> {
  return answerFor(snapshot, checkedFacts(rawFacts, snapshot.kb.vocabulary), options);
}

/** `includeCandidates`: every diagnosis with its status; `priors`: rank questions by the answers observed in the field. */
interface DiagnoseOptions {
  includeCandidates: boolean;
  priors?: AnswerPriors | undefined;
}

async function answerFor({ kb, diagnoser }: Snapshot, facts: CheckedFacts, options: DiagnoseOptions): Promise<DiagnoseResponse> {
  const report = await diagnoser.diagnose(facts.all);
  return {
    diagnoses: report.diagnoses,
    outOfScope: report.outOfScope,
    conflicts: facts.conflicts,
    questions: questionsFor(kb, report, facts, options.priors),
    ...(options.includeCandidates ? { candidates: report.candidates.map(candidateView) } : {}),
    facts: { given: facts.given, derived: facts.derived, derivations: facts.derivations, unknown: facts.unknown },
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
