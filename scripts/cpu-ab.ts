// Compares two builds of the service by CPU time per request (see cpu-turns.ts): both bench
// servers run at once and take turns on one route, six turns of 20,000 requests each.
//
//   git worktree add /tmp/base <ref> && (cd /tmp/base && ln -s "$PWD/node_modules" . && npx tsc -p tsconfig.build.json)
//   npm run build && npx tsx scripts/cpu-ab.ts /tmp/base/dist [route]
//
// (The baseline must be a build with the same module layout: src/http/app.ts and the rest.)
//
// route is /bench/echo (default) or /v1/diagnose.
import path from 'node:path';
import { projectRoot } from '../src/paths';
import { cpuTurns, printCpuTurns } from './cpu-turns';
import { postsTo, startBenchServer } from '../harness/service-process';

const [baseDist, route = '/bench/echo'] = process.argv.slice(2);
if (!baseDist) throw new Error('usage: tsx scripts/cpu-ab.ts <baseline dist directory> [route]');
const TURNS = 6;
const REQUESTS = 20_000;

const start = (dist: string) => startBenchServer({ dist });
const requests = postsTo(route, [JSON.stringify({ facts: { clientKind: 'outlook', symptoms: ['cannot-connect'], natMode: 'many-to-one' } })]);

async function main(): Promise<void> {
  const contenders = [
    { name: 'baseline', server: await start(baseDist!), requests },
    { name: 'candidate', server: await start(path.join(projectRoot, 'dist')), requests },
  ];
  const micros = await cpuTurns(contenders, TURNS, REQUESTS);
  for (const { server } of contenders) server.child.kill('SIGTERM');
  printCpuTurns(`CPU µs per request on ${route}, ${TURNS} turns of ${REQUESTS}:`, micros);
}

void main();
