import { Router } from 'express';
import { nextQuestions } from '../../consult/questions';
import type { Candidate } from '../../engine/diagnose';
import { normalizeFacts } from '../../facts/normalize';
import type { Contract } from '../contract';
import { Problem } from '../problem';
import type { DiagnoseResponse } from '../schemas';
import type { Serving } from '../serving';
import { jsonBody, queryParameters } from '../validate';

export function diagnoseRoutes(contract: Contract, serving: Serving): Router {
  const router = Router();
  router.post('/v1/diagnose', queryParameters(contract, '/v1/diagnose', 'post'), jsonBody(contract, 'DiagnoseRequest'), async (req, res) => {
    const { kb, diagnoser } = serving();
    const facts = normalizeFacts(req.body.facts, kb.vocabulary);
    if (!facts.ok) {
      const summary = facts.errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ');
      throw new Problem(400, facts.code, summary, facts.errors);
    }
    const report = await diagnoser.diagnose(facts.all);
    res.json({
      diagnoses: report.diagnoses,
      questions: nextQuestions(report, kb.vocabulary, facts.unknown),
      ...(req.query.include === 'candidates' ? { candidates: report.candidates.map(candidateView) } : {}),
      facts: { given: facts.given, derived: facts.derived, unknown: facts.unknown },
      kb: { revision: kb.revision },
    } satisfies DiagnoseResponse);
  });
  return router;
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
