import { Router } from 'express';
import type { Contract } from '../contract';
import { diagnoseAnswer } from '../diagnose-answer';
import type { Serving } from '../serving';
import { jsonBody, queryParameters } from '../validate';

export function diagnoseRoutes(contract: Contract, serving: Serving): Router {
  const router = Router();
  router.post('/v1/diagnose', queryParameters(contract, '/v1/diagnose', 'post'), jsonBody(contract, 'DiagnoseRequest'), async (req, res) => {
    res.json(await diagnoseAnswer(serving(), req.body.facts, { includeCandidates: req.query.include === 'candidates' }));
  });
  return router;
}
