import { Router, type Response } from 'express';
import { decisionDetail, fieldFigures, reportOutcome, type DecisionLogging } from '../../app/decisions';
import type { SnapshotOf } from '../../app/snapshot';
import { AppError } from '../../app/errors';
import type { Contract } from '../../contract/contract';
import type { OutcomeRequest } from '../../contract/schemas';
import { Problem } from '../../contract/problem';
import { jsonBody, queryParameters } from '../../contract/validate-request';
import type { ApiKey } from '../security';

/** The name of the API key a request came with (never the key), for the decision log; undefined when the API is open. */
export const callerOf = (res: Response): string | undefined => (res.locals.apiKey as ApiKey | undefined)?.name;

/**
 * The decision log over HTTP: one decision with its outcomes, an outcome reported by an agent,
 * and the field figures. A store that cannot take an outcome is a 503, to be sent again.
 */
export function decisionRoutes(contract: Contract, snapshotOf: SnapshotOf, logging: DecisionLogging): Router {
  const router = Router();

  router.get('/v1/decisions/:id', async (req, res) => {
    res.json(await decisionDetail(logging, String(req.params.id)));
  });

  router.post('/v1/decisions/:id/outcome', jsonBody(contract, 'OutcomeRequest'), async (req, res) => {
    const outcome = await reportOutcome(logging, String(req.params.id), req.body as OutcomeRequest, callerOf(res)).catch((error: unknown) => {
      if (error instanceof AppError) throw error;
      throw new Problem(503, 'store_unavailable', `The outcome could not be recorded (${(error as Error).message}); send it again.`, undefined, { 'Retry-After': '5' });
    });
    res.status(201).json({ outcome });
  });

  router.get('/v1/stats', queryParameters(contract, '/v1/stats', 'get'), async (req, res) => {
    res.json(await fieldFigures(logging, snapshotOf(req).kb, req.query));
  });

  return router;
}
