// The service for `npm run bench`: the production stack (logs at warn, no rate limit, the
// decision log on unless DECISION_LOG=false, in DATA_DIR) plus an
// echo route on the same stack, in its own process so the load generator has the other core.
// BENCH_BARE=1 serves instead only express 5 with its JSON body parser and the echo route: the
// floor the chosen stack sets for any route on this machine. Both are served as the service is
// (createHttpServer).
//
//   node --import tsx scripts/bench-server.ts [dist directory]
//
// The service is the compiled one in the dist directory (default: this checkout's dist/), so a
// benchmark measures what runs in production and scripts/cpu-ab.ts can serve two builds.
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { projectRoot } from '../src/paths';

type Compiled<T> = T;
const dist = path.resolve(process.argv[2] ?? path.join(projectRoot, 'dist'));
// Loaded by path at run time (the dist directory is an argument), which no import statement can do.
const requireCompiled = createRequire(__filename);
const load = <T>(module: string): Compiled<T> => requireCompiled(path.join(dist, module)) as T;
const { createApp } = load<typeof import('../src/http/app')>('http/app.js');
const { createHttpServer } = load<typeof import('../src/http/http-server')>('http/http-server.js');
const { configFromEnv } = load<typeof import('../src/config/config')>('config/config.js');
const { createLogger } = load<typeof import('../src/observability/logging')>('observability/logging.js');
const { Metrics } = load<typeof import('../src/observability/metrics')>('observability/metrics.js');
const { KnowledgeBaseHolder } = load<typeof import('../src/app/holder')>('app/holder.js');
const { bundledRulesDir } = load<typeof import('../src/paths')>('paths/index.js');
const { openStore } = load<typeof import('../src/store/store')>('store/store.js');
const { DecisionRecorder } = load<typeof import('../src/decisions/recorder')>('decisions/recorder.js');

/** POST /bench/echo answers its JSON body: the floor of any route on the same stack. */
const echo = () => express.Router().post('/bench/echo', (req, res) => void res.json(req.body));

async function serviceApp(): Promise<express.Express> {
  const metrics = new Metrics();
  const holder = new KnowledgeBaseHolder(bundledRulesDir, { loaded: (kb) => metrics.knowledgeBaseLoaded(kb), diagnosed: (d) => metrics.diagnosed(d) });
  // ANSWER_CACHE_MB and DECISION_LOG (with DATA_DIR) as the service reads them, so the benchmark
  // can measure with the cache off, and the decision log on (as the service runs) and off.
  const config = configFromEnv();
  let decisions: InstanceType<typeof DecisionRecorder> | undefined;
  if (config.decisionLog) {
    const store = await openStore(config);
    decisions = new DecisionRecorder({ log: store.decisions, lost: (count, error) => console.error(`${count} decisions lost: ${error.message}`) });
    closing = async () => {
      await decisions?.flush();
      await store.close();
    };
  }
  return createApp(
    { holder, metrics, logger: createLogger('warn'), answerCacheMb: config.answerCacheMb, ...(decisions ? { decisions } : {}) },
    { routes: () => [echo()], undescribedPosts: ['/bench/echo'] },
  );
}

let closing = async () => {};

function bareApp(): express.Express {
  const app = express();
  app.use(express.json({ strict: false }));
  app.use(echo());
  return app;
}

void (async () => {
  const server = createHttpServer(process.env.BENCH_BARE === '1' ? bareApp() : await serviceApp()).listen(0, '127.0.0.1', () => {
    console.log(`listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
  process.on('SIGTERM', () => server.close(() => void closing().then(() => process.exit(0))));
})();
