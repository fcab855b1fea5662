import { questionsFor } from '../consult/questions';
import type { Candidate } from '../engine/diagnose';
import type { NormalizedFacts } from '../facts/normalize';
import type { BoundedCache } from '../service/bounded-cache';
import type { CachedAnswer } from './answer-cache';
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

/**
 * The same answer as the bytes of its JSON, through the knowledge base's answer cache when there
 * is one. The facts are checked every time (a bad request is never answered from the cache), and
 * the key is built from the checked facts, which are in vocabulary order: the same facts in any
 * key order hit.
 */
export async function diagnoseAnswerBody(served: Served, rawFacts: Record<string, unknown>, options: { includeCandidates: boolean }, cache: BoundedCache<CachedAnswer> | undefined): Promise<Buffer> {
  const facts = checkedFacts(rawFacts, served.kb.vocabulary);
  if (!cache) return Buffer.from(JSON.stringify(await answerFor(served, facts, options)));
  // What the answer shows of the facts (given, derived from them, unknown) and the option.
  const key = JSON.stringify([facts.given, facts.unknown, options.includeCandidates]);
  const hit = cache.get(key);
  if (hit) {
    served.diagnoser.observed(hit.diagnoses);
    return hit.body;
  }
  const answer = await answerFor(served, facts, options);
  const body = Buffer.from(JSON.stringify(answer));
  cache.set(key, { body, diagnoses: answer.diagnoses.map(({ article }) => ({ article })) });
  return body;
}

async function answerFor({ kb, diagnoser }: Served, facts: CheckedFacts, options: { includeCandidates: boolean }): Promise<DiagnoseResponse> {
  const report = await diagnoser.diagnose(facts.all);
  return {
    diagnoses: report.diagnoses,
    questions: questionsFor(kb, report, facts),
    ...(options.includeCandidates ? { candidates: report.candidates.map(candidateView) } : {}),
    facts: { given: facts.given, derived: facts.derived, unknown: facts.unknown },
    kb: { revision: kb.revision },
  };
}

type CheckedFacts = Extract<NormalizedFacts, { ok: true }>;

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
