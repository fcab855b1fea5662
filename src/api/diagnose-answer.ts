import { questionsFor } from '../consult/questions';
import type { Candidate } from '../engine/diagnose';
import { checkedFacts } from './checked-facts';
import type { DiagnoseResponse } from './schemas';
import type { Served } from './serving';

/**
 * The answer to a diagnose request, shared by POST /v1/diagnose and the MCP `diagnose` tool.
 * Throws a Problem for facts the vocabulary does not allow.
 */
export async function diagnoseAnswer(
  { kb, diagnoser }: Served,
  rawFacts: Record<string, unknown>,
  options: { includeCandidates: boolean },
): Promise<DiagnoseResponse> {
  const facts = checkedFacts(rawFacts, kb.vocabulary);
  const report = await diagnoser.diagnose(facts.all);
  return {
    diagnoses: report.diagnoses,
    questions: questionsFor(kb, report, facts),
    ...(options.includeCandidates ? { candidates: report.candidates.map(candidateView) } : {}),
    facts: { given: facts.given, derived: facts.derived, unknown: facts.unknown },
    kb: { revision: kb.revision },
  };
}

function candidateView({ id, title, article, status, evaluation }: Candidate): NonNullable<DiagnoseResponse['candidates']>[number] {
  return {
    id,
    title,
    article,
    status,
    ...(status === 'ruled-out' ? { failedConditions: evaluation.failed } : {}),
    ...(status === 'undetermined' ? { missingFacts: evaluation.missingFacts } : {}),
  };
}
