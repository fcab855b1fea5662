import { Router } from 'express';
import { answerCaches } from '../answer-cache';
import type { Contract } from '../contract';
import { diagnoseAnswerBody } from '../diagnose-answer';
import type { Serving } from '../serving';
import { jsonBody, queryParameters } from '../validate';

/** POST /v1/diagnose. `answerCacheBytes`: room for cached answers per knowledge base (0: none). */
export function diagnoseRoutes(contract: Contract, serving: Serving, answerCacheBytes: number): Router {
  const router = Router();
  const answerCacheOf = answerCaches(answerCacheBytes);
  router.post('/v1/diagnose', queryParameters(contract, '/v1/diagnose', 'post'), jsonBody(contract, 'DiagnoseRequest'), async (req, res) => {
    const served = serving(req);
    const body = await diagnoseAnswerBody(served, req.body.facts, { includeCandidates: req.query.include === 'candidates' }, answerCacheOf(served.kb));
    // What res.json would send for the same answer. The header is set as is: express's res.type
    // would look the media type up and parse it again on every request.
    res.setHeader('Content-Type', 'application/json; charset=utf-8');
    res.send(body);
  });
  return router;
}
