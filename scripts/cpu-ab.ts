// Compares two builds of the service by CPU time per request, which this shared 2-core machine
// lets vary less than throughput: both bench servers run at once and take turns under the same
// load (autocannon, 50 connections, 20,000 requests a turn), six turns each, and the server
// process's own CPU time (from /proc) is divided by the requests it answered.
//
//   git worktree add /tmp/base <ref> && (cd /tmp/base && ln -s "$PWD/node_modules" . && npx tsc -p tsconfig.build.json)
//   npm run build && npx tsx scripts/cpu-ab.ts /tmp/base/dist [route]
//
// route is /bench/echo (default) or /v1/diagnose.
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/paths';
import { cpuTicks, startServiceProcess } from './service-process';

const [baseDist, route = '/bench/echo'] = process.argv.slice(2);
if (!baseDist) throw new Error('usage: tsx scripts/cpu-ab.ts <baseline dist directory> [route]');
const TURNS = 6;
const REQUESTS = 20_000;

const start = (dist: string) => startServiceProcess(path.join(dist, 'bench-server.js'));

const body = JSON.stringify({ facts: { clientKind: 'outlook', symptoms: ['cannot-connect'], natMode: 'many-to-one' } });
const load = (url: string) =>
  new Promise<void>((resolve, reject) => autocannon({ url: url + route, connections: 50, amount: REQUESTS, method: 'POST', headers: { 'content-type': 'application/json' }, body }, (e) => (e ? reject(e) : resolve())));

async function main(): Promise<void> {
  const servers = { baseline: await start(baseDist!), candidate: await start(path.join(projectRoot, 'dist')) };
  for (const server of Object.values(servers)) await load(server.url); // warm-up
  const micros: Record<keyof typeof servers, number[]> = { baseline: [], candidate: [] };
  for (let turn = 0; turn < TURNS; turn += 1) {
    // Alternate which goes first, so neither always meets the machine in the same state.
    for (const name of (turn % 2 ? ['baseline', 'candidate'] : ['candidate', 'baseline']) as (keyof typeof servers)[]) {
      const before = cpuTicks(servers[name].child.pid!);
      await load(servers[name].url);
      micros[name].push(((cpuTicks(servers[name].child.pid!) - before) * 10_000) / REQUESTS);
    }
  }
  for (const server of Object.values(servers)) server.child.kill('SIGTERM');
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log(`CPU µs per request on ${route}, ${TURNS} turns of ${REQUESTS}:`);
  for (const [name, xs] of Object.entries(micros)) console.log(`  ${name.padEnd(9)} median ${median(xs).toFixed(0).padStart(4)}   turns: ${xs.map((x) => x.toFixed(0)).join(' ')}`);
}

void main();
