// The service for `npm run bench`: the production stack (logs at warn, no rate limit) plus an
// echo route on the same stack, in its own process so the load generator has the other core.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createApp } from './api/app';
import { createLogger } from './observability/logging';
import { Metrics } from './observability/metrics';
import { bundledRulesDir } from './paths';
import { KnowledgeBaseHolder } from './service/holder';

const metrics = new Metrics();
const holder = new KnowledgeBaseHolder(bundledRulesDir, { loaded: (kb) => metrics.knowledgeBaseLoaded(kb), diagnosed: (d) => metrics.diagnosed(d) });
// ANSWER_CACHE_MB as the service reads it, so the benchmark can measure with the cache off too.
const answerCacheMb = Number(process.env.ANSWER_CACHE_MB ?? 32);
const app = createApp({ holder, metrics, logger: createLogger('warn'), benchEcho: true, answerCacheMb });
const server = http.createServer(app).listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
