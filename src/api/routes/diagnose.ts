import { Router } from 'express';
import { answerCaches } from '../answer-cache';
import type { Contract } from '../contract';
import { diagnoseAnswerJson } from '../diagnose-answer';
import type { Serving } from '../serving';
import { jsonBody, queryParameters } from '../validate';

/** POST /v1/diagnose. `answerCacheChars`: room for cached answers per knowledge base (0: none). */
export function diagnoseRoutes(contract: Contract, serving: Serving, answerCacheChars: number): Router {
  const router = Router();
  const answerCacheOf = answerCaches(answerCacheChars);
  router.post('/v1/diagnose', queryParameters(contract, '/v1/diagnose', 'post'), jsonBody(contract, 'DiagnoseRequest'), async (req, res) => {
    const served = serving(req);
    const json = await diagnoseAnswerJson(served, req.body.facts, { includeCandidates: req.query.include === 'candidates' }, answerCacheOf(served.kb));
    // What res.json would send for the same answer: the JSON, as UTF-8.
    res.type('application/json').send(json);
  });
  return router;
}
