import { Router } from 'express';
import type { Metrics } from '../../observability/metrics';
import type { Contract } from '../contract';
import { publishedContract } from '../published-contract';
import type { Health } from '../schemas';
import type { Serving } from '../serving';

export function operationsRoutes(contract: Contract, serving: Serving, metrics?: Metrics): Router {
  const router = Router();
  // Ready once a knowledge base is loaded: the process only listens after loading one, and a
  // failed reload keeps the old one, so a listening service is always ready.
  router.get('/readyz', (req, res) => {
    const { kb } = serving(req);
    res.json({ status: 'ready', kb: { revision: kb.revision, articles: kb.articles.length } });
  });
  router.get('/metrics', async (_req, res) => {
    if (!metrics) return void res.status(404).type('text/plain').send('metrics are off\n');
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
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
