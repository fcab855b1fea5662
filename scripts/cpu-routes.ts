// What routes cost the server in CPU time per request, on one build (see cpu-turns.ts): one
// bench server, the routes taking turns, five turns of 40,000 requests each, cycling through the
// benchmark's 1,000 fact sets. Shows what a route costs beyond the echo, which throughput on this
// shared machine is too noisy to show.
//
//   npm run build && npx tsx scripts/cpu-routes.ts /bench/echo /v1/diagnose
//
// The bench server reads ANSWER_CACHE_MB, so ANSWER_CACHE_MB=0 measures diagnose without its cache.
import { loadKnowledgeBase } from '../src/kb/load';
import { bundledRulesDir } from '../src/paths';
import { cpuTurns, printCpuTurns } from './cpu-turns';
import { factSets } from './fact-sets';
import { postsTo, startBenchServer } from '../harness/service-process';

const routes = process.argv.slice(2);
if (routes.length === 0) throw new Error('usage: tsx scripts/cpu-routes.ts <route> [route ...], e.g. /bench/echo /v1/diagnose');
const TURNS = 5;
const REQUESTS = 40_000;

const bodies = factSets(loadKnowledgeBase(bundledRulesDir).vocabulary, 1000).map((facts) => JSON.stringify({ facts }));

async function main(): Promise<void> {
  const server = await startBenchServer();
  const micros = await cpuTurns(
    routes.map((route) => ({ name: route, server, requests: postsTo(route, bodies) })),
    TURNS,
    REQUESTS,
  );
  server.child.kill('SIGTERM');
  printCpuTurns(`CPU µs per request, ${TURNS} turns of ${REQUESTS} requests each:`, micros);
}

void main();
