import express, { type Express, type RequestHandler } from 'express';
import type { Metrics } from '../../observability/metrics';
import { Problem } from '../../contract/problem';
import { problemHandler } from '../problem-response';
import { keyMatcher } from '../security';

/**
 * GET /metrics: the Prometheus text, rendered at most once a second whatever the number of
 * scrapes (a flood of them had raised the API's p99 from 15 to 185 ms), and behind `keys` when
 * there are any (METRICS_API_KEY, and the admin keys).
 */
export function metricsRoute(metrics: Metrics | undefined, keys: string[]): RequestHandler {
  const match = keyMatcher(keys.map((key) => ({ key, role: 'admin' as const })));
  return async (req, res) => {
    if (!metrics) return void res.status(404).type('text/plain').send('metrics are off\n');
    if (keys.length && !match(req)) {
      throw new Problem(401, 'unauthorized', 'Send METRICS_API_KEY (or an admin key) in X-API-Key or Authorization: Bearer.', undefined, { 'WWW-Authenticate': 'Bearer' });
    }
    res.type(metrics.registry.contentType).send(await metrics.scrape());
  };
}

/** The app behind METRICS_PORT: /metrics alone, on a port of its own (one a firewall can keep internal). */
export function metricsApp(metrics: Metrics, keys: string[]): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/metrics', metricsRoute(metrics, keys));
  app.use((req, _res, next) => next(new Problem(404, 'not_found', `Only GET /metrics is served on this port, not ${req.method} ${req.path}.`)));
  app.use(problemHandler());
  return app;
}
