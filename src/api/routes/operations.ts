import { Router } from 'express';
import type { Contract } from '../contract';
import type { Health } from '../schemas';
import type { Serving } from '../serving';

export function operationsRoutes(contract: Contract, serving: Serving): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    const { kb } = serving();
    res.json({ status: 'ok', kb: { revision: kb.revision, articles: kb.articles.length } } satisfies Health);
  });
  router.get('/openapi.json', (_req, res) => {
    res.json(contract.document);
  });
  return router;
}
