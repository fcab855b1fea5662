import { Router } from 'express';
import { normalizeFacts } from '../../facts/normalize';
import type { Contract } from '../contract';
import { Problem } from '../problem';
import type { DiagnoseResponse } from '../schemas';
import type { Serving } from '../serving';
import { jsonBody } from '../validate';

export function diagnoseRoutes(contract: Contract, serving: Serving): Router {
  const router = Router();
  router.post('/v1/diagnose', jsonBody(contract, 'DiagnoseRequest'), async (req, res) => {
    const { kb, diagnoser } = serving();
    const facts = normalizeFacts(req.body.facts, kb.vocabulary);
    if (!facts.ok) {
      const summary = facts.errors.map((e) => `${e.pointer}: ${e.detail}`).join('; ');
      throw new Problem(400, facts.code, summary, facts.errors);
    }
    const report = await diagnoser.diagnose(facts.all);
    res.json({
      diagnoses: report.diagnoses,
      facts: { given: facts.given, derived: facts.derived },
      kb: { revision: kb.revision },
    } satisfies DiagnoseResponse);
  });
  return router;
}
