// The service for `npm run bench`: the production stack (logs at warn, no rate limit) plus an
// echo route on the same stack, in its own process so the load generator has the other core.
// BENCH_BARE=1 serves instead only express 5 with its JSON body parser and the echo route: the
// floor the chosen stack sets for any route on this machine. Both are served as the service is
// (createHttpServer).
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createApp } from './api/app';
import { createHttpServer } from './api/http-server';
import { configFromEnv } from './config';
import { createLogger } from './observability/logging';
import { Metrics } from './observability/metrics';
import { bundledRulesDir } from './paths';
import { KnowledgeBaseHolder } from './service/holder';

function serviceApp(): express.Express {
  const metrics = new Metrics();
  const holder = new KnowledgeBaseHolder(bundledRulesDir, { loaded: (kb) => metrics.knowledgeBaseLoaded(kb), diagnosed: (d) => metrics.diagnosed(d) });
  // ANSWER_CACHE_MB as the service reads it, so the benchmark can measure with the cache off too.
  return createApp({ holder, metrics, logger: createLogger('warn'), benchEcho: true, answerCacheMb: configFromEnv().answerCacheMb });
}

function bareApp(): express.Express {
  const app = express();
  app.use(express.json({ strict: false }));
  app.post('/bench/echo', (req, res) => void res.json(req.body));
  return app;
}

const server = createHttpServer(process.env.BENCH_BARE === '1' ? bareApp() : serviceApp()).listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
