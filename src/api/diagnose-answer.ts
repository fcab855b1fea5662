import { cachedNextQuestions, nextQuestions } from '../consult/questions';
import type { Candidate } from '../engine/diagnose';
import { normalizeFacts } from '../facts/normalize';
import { Problem } from './problem';
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
  const facts = normalizeFacts(rawFacts, kb.vocabulary);
  if (!facts.ok) {
    const summary = facts.errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ');
    throw new Problem(400, facts.code, summary, facts.errors);
  }
  const report = await diagnoser.diagnose(facts.all);
  return {
    diagnoses: report.diagnoses,
    questions: cachedNextQuestions(kb, JSON.stringify([facts.all, facts.unknown]), () => nextQuestions(report, kb.vocabulary, facts.unknown)),
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
