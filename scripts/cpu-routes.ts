// What routes cost the server in CPU time per request, on one build: one bench server, the routes
// taking turns under the same load (autocannon, 50 connections, 40,000 requests a turn, cycling
// through the benchmark's 1,000 fact sets), five turns each, after a warm-up turn each. Shows what
// a route costs beyond the echo, which throughput on this shared machine is too noisy to show.
//
//   npm run build && npx tsx scripts/cpu-routes.ts /bench/echo /v1/diagnose
//
// The bench server reads ANSWER_CACHE_MB, so ANSWER_CACHE_MB=0 measures diagnose without its cache.
import path from 'node:path';
import autocannon from 'autocannon';
import { loadKnowledgeBase } from '../src/kb/load';
import { bundledRulesDir, projectRoot } from '../src/paths';
import { factSets } from './fact-sets';
import { cpuTicks, startServiceProcess } from './service-process';

const routes = process.argv.slice(2);
if (routes.length === 0) throw new Error('usage: tsx scripts/cpu-routes.ts <route> [route ...], e.g. /bench/echo /v1/diagnose');
const TURNS = 5;
const REQUESTS = 40_000;

const bodies = factSets(loadKnowledgeBase(bundledRulesDir).vocabulary, 1000).map((facts) => JSON.stringify({ facts }));
const load = (url: string, route: string) =>
  new Promise<autocannon.Result>((resolve, reject) =>
    autocannon({ url, connections: 50, amount: REQUESTS, requests: bodies.map((body) => ({ method: 'POST' as const, path: route, headers: { 'content-type': 'application/json' }, body })) }, (e, r) => (e ? reject(e) : resolve(r))),
  );

async function main(): Promise<void> {
  const server = await startServiceProcess(path.join(projectRoot, 'dist/bench-server.js'));
  for (const route of routes) await load(server.url, route); // warm-up
  const micros = new Map<string, number[]>(routes.map((route) => [route, []]));
  for (let turn = 0; turn < TURNS; turn += 1) {
    // Alternate the order, so that no route always meets the machine in the same state.
    for (const route of turn % 2 ? [...routes].reverse() : routes) {
      const before = cpuTicks(server.child.pid!);
      const result = await load(server.url, route);
      micros.get(route)!.push(((cpuTicks(server.child.pid!) - before) * 10_000) / result.requests.total);
    }
  }
  server.child.kill('SIGTERM');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`CPU µs per request, ${TURNS} turns of ${REQUESTS} requests each:`);
  for (const [route, xs] of micros) console.log(`  ${route.padEnd(14)} median ${median(xs).toFixed(1).padStart(6)}   turns: ${xs.map((x) => x.toFixed(0)).join(' ')}`);
}

void main();
