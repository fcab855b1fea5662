import { Router } from 'express';
import type { Metrics } from '../../observability/metrics';
import type { Contract } from '../contract';
import { publishedContract } from '../published-contract';
import type { Health } from '../schemas';
import type { Serving } from '../serving';
import { metricsRoute } from './metrics';

/** `metricsKeys`: the keys GET /metrics needs; none: it is open. */
export function operationsRoutes(contract: Contract, serving: Serving, metrics: Metrics | undefined, { metricsKeys }: { metricsKeys: string[] }): Router {
  const router = Router();
  // Ready once a knowledge base is loaded: the process only listens after loading one, and a
  // failed reload keeps the old one, so a listening service is always ready.
  router.get('/readyz', (req, res) => {
    const { kb } = serving(req);
    res.json({ status: 'ready', kb: { revision: kb.revision, articles: kb.articles.length } });
  });
  router.get('/metrics', metricsRoute(metrics, metricsKeys));
  router.get('/healthz', (req, res) => {
    const { kb } = serving(req);
    res.json({ status: 'ok', kb: { revision: kb.revision, articles: kb.articles.length } } satisfies Health);
  });
  const published = publishedContract(contract);
  router.get('/openapi.json', (_req, res) => {
    res.json(published);
  });
  return router;
}
