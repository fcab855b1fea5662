import { questionsFor } from '../consult/questions';
import type { Candidate } from '../engine/diagnose';
import type { NormalizedFacts } from '../facts/normalize';
import { checkedFacts } from './checked-facts';
import type { DiagnoseResponse } from '../contract/schemas';
import type { Snapshot } from './snapshot';

/**
 * The answer to a diagnose request, shared by POST /v1/diagnose and the MCP `diagnose` tool.
 * Throws an AppError for facts the vocabulary does not allow.
 */
export async function diagnoseAnswer(snapshot: Snapshot, rawFacts: Record<string, unknown>, options: { includeCandidates: boolean }): Promise<DiagnoseResponse> {
  return answerFor(snapshot, checkedFacts(rawFacts, snapshot.kb.vocabulary), options);
}

async function answerFor({ kb, diagnoser }: Snapshot, facts: CheckedFacts, options: { includeCandidates: boolean }): Promise<DiagnoseResponse> {
  const report = await diagnoser.diagnose(facts.all);
  return {
    diagnoses: report.diagnoses,
    outOfScope: report.outOfScope,
    conflicts: facts.conflicts,
    questions: questionsFor(kb, report, facts),
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
