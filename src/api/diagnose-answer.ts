import { questionsFor } from '../consult/questions';
import type { Candidate } from '../engine/diagnose';
import type { NormalizedFacts } from '../facts/normalize';
import type { EncodedAnswer } from './answer-cache';
import { checkedFacts } from './checked-facts';
import type { DiagnoseResponse } from './schemas';
import type { Served } from './serving';

/**
 * The answer to a diagnose request, shared by POST /v1/diagnose and the MCP `diagnose` tool.
 * Throws a Problem for facts the vocabulary does not allow.
 */
export async function diagnoseAnswer(served: Served, rawFacts: Record<string, unknown>, options: { includeCandidates: boolean }): Promise<DiagnoseResponse> {
  return answerFor(served, checkedFacts(rawFacts, served.kb.vocabulary), options);
}

/** The same answer encoded as it is sent, with the diagnoses the metrics count. */
export async function encodedDiagnoseAnswer(served: Served, rawFacts: Record<string, unknown>, options: { includeCandidates: boolean }): Promise<EncodedAnswer> {
  const answer = await diagnoseAnswer(served, rawFacts, options);
  return { body: ownBytes(JSON.stringify(answer)), diagnoses: answer.diagnoses.map(({ article }) => ({ article })) };
}

/**
 * The UTF-8 bytes of `text` in memory of their own. Buffer.from cuts short texts out of a shared
 * 8 kB slab, which a cached answer would keep whole: the cache, which counts the answer's bytes,
 * would hold up to four times what it counts.
 */
function ownBytes(text: string): Buffer {
  const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(text));
  bytes.write(text);
  return bytes;
}

async function answerFor({ kb, diagnoser }: Served, facts: CheckedFacts, options: { includeCandidates: boolean }): Promise<DiagnoseResponse> {
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
