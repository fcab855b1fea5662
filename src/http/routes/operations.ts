import { Router } from 'express';
import type { Metrics } from '../../observability/metrics';
import type { Contract } from '../../contract/contract';
import { publishedContract } from '../../contract/published';
import type { Store } from '../../store/store';
import type { Health, Ready } from '../../contract/schemas';
import type { SnapshotOf } from '../../app/snapshot';
import { metricsRoute } from './metrics';

/** How long /readyz waits for the store before saying it cannot be reached. */
const STORE_PING_MS = 2000;

/** `metricsKeys`: the keys GET /metrics needs; none: it is open. `store`: the database readiness depends on. */
export function operationsRoutes(
  contract: Contract,
  snapshotOf: SnapshotOf,
  metrics: Metrics | undefined,
  { metricsKeys, store }: { metricsKeys: string[]; store?: Pick<Store, 'kind' | 'ping'> },
): Router {
  const router = Router();
  // A knowledge base is always loaded (the process only listens after loading one, and a failed
  // reload keeps the old one); what can make a listening service unready is a store it cannot
  // reach: it could not record a webhook's delivery, so the load balancer should send elsewhere.
  router.get('/readyz', async (req, res) => {
    const { kb } = snapshotOf(req);
    const kbInfo = { revision: kb.revision, articles: kb.articles.length };
    if (!store) return void res.json({ status: 'ready', kb: kbInfo } satisfies Ready);
    const problem = await reachable(store);
    res.status(problem ? 503 : 200).json({
      status: problem ? 'unavailable' : 'ready',
      store: { kind: store.kind, reachable: !problem, ...(problem ? { detail: problem } : {}) },
      kb: kbInfo,
    } satisfies Ready);
  });
  router.get('/metrics', metricsRoute(metrics, metricsKeys));
  router.get('/healthz', (req, res) => {
    const { kb } = snapshotOf(req);
    res.json({ status: 'ok', kb: { revision: kb.revision, articles: kb.articles.length } } satisfies Health);
  });
  const published = publishedContract(contract);
  router.get('/openapi.json', (_req, res) => {
    res.json(published);
  });
  return router;
}

/** Why the store cannot be reached, or undefined when it answers within STORE_PING_MS. */
async function reachable(store: Pick<Store, 'ping'>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => (timer = setTimeout(() => resolve(`no answer within ${STORE_PING_MS} ms`), STORE_PING_MS)));
  try {
    return await Promise.race([store.ping().then(() => undefined), late]);
  } catch (error) {
    return (error as Error).message || String(error);
  } finally {
    clearTimeout(timer);
  }
}
