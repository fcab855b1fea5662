// `npm run bench`: in one run, with fixed seeds, on 1,000 distinct fact sets drawn from the
// vocabulary: (1) in-process diagnosis against the json-rules-engine baseline; (2) HTTP
// POST /v1/diagnose against an echo route on the same stack (autocannon, 50 connections), with
// the answer cache on (as the service runs) and off, and an echo on bare express 5 for the floor;
// (3) ticket annotation in-process; (2b) the same diagnose with the decision log off, against on; (4) start-up time, also for generated knowledge bases 10
// and 100 times larger; (5) webhook intake with delivery on: Zendesk webhooks, each a new
// ticket, accepted and recorded in the embedded store while a stand-in for Zendesk's API answers
// the deliveries at once. Prints a table and writes bench-results.json.
//
// The service is measured as it runs in production, compiled to dist/ (npm run bench builds it
// first): run through tsx, its closures carry a name-keeping helper that cost several times the
// diagnosis itself.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { Engine } from 'json-rules-engine';
import type * as AnnotateModule from '../src/app/annotate';
import type * as DiagnoseModule from '../src/engine/diagnose';
import type * as RulesModule from '../src/engine/rules';
import type { Facts } from '../src/facts/normalize';
import type * as LoadModule from '../src/kb/load';
import type * as StoreModule from '../src/store/store';
import { bundledRulesDir, projectRoot } from '../src/paths';
import { readCorpus } from '../harness/tickets';
import { TicketingStandIn } from '../harness/ticketing-stand-in';
import { factSets } from './fact-sets';
import { postsTo, startBenchServer as startBenchProcess, startServiceProcess } from '../harness/service-process';

// The compiled modules, typed as their sources: dist/ has no type declarations for an import to
// check against, so they are required and given their sources' types.
const requireCompiled = createRequire(__filename);
const { annotate } = requireCompiled('../dist/app/annotate') as typeof AnnotateModule;
const { Diagnoser } = requireCompiled('../dist/engine/diagnose') as typeof DiagnoseModule;
const { toEngineRules } = requireCompiled('../dist/engine/rules') as typeof RulesModule;
const { loadKnowledgeBase } = requireCompiled('../dist/kb/load') as typeof LoadModule;
const { openStore } = requireCompiled('../dist/store/store') as typeof StoreModule;

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const kb = loadKnowledgeBase(bundledRulesDir);

function stats(samples: number[]): { median: number; p99: number } {
  const sorted = [...samples].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, p99: sorted[Math.floor(sorted.length * 0.99)]! };
}

async function time<T>(rounds: number, sets: Facts[], run: (facts: Facts) => T | Promise<T>): Promise<number[]> {
  const micros: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    for (const facts of sets) {
      const start = process.hrtime.bigint();
      await run(facts);
      micros.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  return micros;
}

async function inProcess(sets: Facts[]) {
  // The baseline a careful user of the library writes: one Engine over the same rules, built once, run per call.
  const engine = new Engine(toEngineRules(kb), { allowUndefinedFacts: true });
  const diagnoser = new Diagnoser(kb);
  await time(1, sets, (f) => engine.run({ ...f }));
  await time(1, sets, (f) => diagnoser.diagnoseNow(f)); // warm-up
  // The two take turns, a round each, so that neither is measured only while the machine is busy.
  const samples = { baseline: [] as number[], service: [] as number[] };
  for (let round = 0; round < 3; round += 1) {
    samples.baseline.push(...(await time(1, sets, (f) => engine.run({ ...f }))));
    samples.service.push(...(await time(1, sets, (f) => diagnoser.diagnoseNow(f))));
  }
  const baseline = stats(samples.baseline);
  const service = stats(samples.service);
  return { baseline, service, ratio: baseline.median / service.median };
}

// Each HTTP figure is the median of ROUNDS rounds, the routes taking turns within a round, so
// that the ratio compares runs made under the same conditions on a machine shared with others.
const ROUNDS = 3;

async function startBenchServer(env: Record<string, string> = {}): Promise<{ url: string; stop: () => Promise<void> }> {
  const { child, url } = await startBenchProcess({ env });
  // Resolves once the process has exited: its store closed, its last decisions written.
  return { url, stop: () => new Promise<void>((resolve) => (child.once('exit', () => resolve()), child.kill('SIGTERM'))) };
}

async function http(sets: Facts[]) {
  // The service as configured by default (answer cache and decision log on, the log in a store of
  // its own), the same with the cache off, and with the decision log off.
  const dataDir = (name: string) => fs.mkdtempSync(path.join(os.tmpdir(), `bench-${name}-`));
  const dirs = [dataDir('service'), dataDir('uncached')];
  const service = await startBenchServer({ DATA_DIR: dirs[0]! });
  const uncached = await startBenchServer({ ANSWER_CACHE_MB: '0', DATA_DIR: dirs[1]! });
  const unlogged = await startBenchServer({ DECISION_LOG: 'false' });
  // And express 5 alone (body parser and echo): the floor of the chosen stack on this machine.
  const bare = await startBenchServer({ BENCH_BARE: '1' });
  const bodies = sets.map((facts) => JSON.stringify({ facts }));
  const run = (url: string, route: string) =>
    new Promise<autocannon.Result>((resolve, reject) => autocannon({ url, connections: 50, duration: SECONDS, requests: postsTo(route, bodies) }, (e, r) => (e ? reject(e as Error) : resolve(r))));
  await run(service.url, '/v1/diagnose'); // warm-up: caches, JIT
  await run(uncached.url, '/v1/diagnose');
  await run(unlogged.url, '/v1/diagnose');
  const rounds: { echo: autocannon.Result; diagnose: autocannon.Result; unlogged: autocannon.Result; uncached: autocannon.Result; bare: autocannon.Result }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    rounds.push({
      echo: await run(service.url, '/bench/echo'),
      diagnose: await run(service.url, '/v1/diagnose'),
      unlogged: await run(unlogged.url, '/v1/diagnose'),
      uncached: await run(uncached.url, '/v1/diagnose'),
      bare: await run(bare.url, '/bench/echo'),
    });
  }
  await Promise.all([service, uncached, unlogged, bare].map((server) => server.stop()));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const view = (pick: (r: (typeof rounds)[number]) => autocannon.Result) => ({
    rps: Math.round(median(rounds.map((r) => pick(r).requests.average))),
    p50: median(rounds.map((r) => pick(r).latency.p50)),
    p99: median(rounds.map((r) => pick(r).latency.p99)),
    errors: rounds.reduce((sum, r) => sum + pick(r).errors, 0),
    non2xx: rounds.reduce((sum, r) => sum + pick(r).non2xx, 0),
    perRound: rounds.map((r) => ({ rps: Math.round(pick(r).requests.average), p99: pick(r).latency.p99 })),
  });
  return {
    rounds: ROUNDS,
    echo: view((r) => r.echo),
    diagnose: view((r) => r.diagnose),
    diagnoseUnlogged: view((r) => r.unlogged),
    diagnoseUncached: view((r) => r.uncached),
    bareExpressEcho: view((r) => r.bare),
    ratio: median(rounds.map((r) => r.diagnose.requests.average / r.echo.requests.average)),
    ratioUncached: median(rounds.map((r) => r.uncached.requests.average / r.echo.requests.average)),
    ratioLogged: median(rounds.map((r) => r.diagnose.requests.average / r.unlogged.requests.average)),
  };
}

async function annotation() {
  const corpus = readCorpus().map(({ id, subject, body }) => ({ id, subject, body }));
  const served = { kb, diagnoser: new Diagnoser(kb) };
  const secondsForRound = async (): Promise<number> => {
    const start = process.hrtime.bigint();
    for (const ticket of corpus) await annotate(served, ticket);
    return Number(process.hrtime.bigint() - start) / 1e9;
  };
  const timeRounds = async (count: number) => {
    let seconds = 0;
    for (let round = 0; round < count; round += 1) seconds += await secondsForRound();
    return { tickets: count * corpus.length, perSecond: Math.round((count * corpus.length) / seconds) };
  };
  // The first rounds are V8 compiling the extractor's expressions and the annotator's code, not
  // the rate a running service annotates at: measured, a fresh process reaches its steady speed
  // only after some 4,000-6,000 tickets (60 rounds and more of the 60-ticket corpus); the first
  // 600, which include the first use's loading and compiling, run at about a quarter of it (a
  // service does those before it listens). Both are reported: the first 600 as `cold`, and the
  // steady rate after a warm-up of 100 rounds, which is what the per-core target is about.
  const cold = await timeRounds(10);
  const warmUp = await timeRounds(90);
  return { ...(await timeRounds(40)), warmedWith: cold.tickets + warmUp.tickets, cold };
}

function printAnnotation(a: Awaited<ReturnType<typeof annotation>>): void {
  console.log(
    `annotation (in-process, one core): ${a.perSecond} tickets/s over ${a.tickets} tickets, after a warm-up of ${a.warmedWith} (the first ${a.cold.tickets} of a fresh process: ${a.cold.perSecond} tickets/s)`,
  );
}

function startup() {
  const measure = (dir: string) => {
    const start = process.hrtime.bigint();
    const loaded = loadKnowledgeBase(dir);
    new Diagnoser(loaded);
    return { articles: loaded.articles.length, ms: Math.round(Number(process.hrtime.bigint() - start) / 1e5) / 10 };
  };
  const scaled = (factor: number) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-kb-'));
    fs.cpSync(bundledRulesDir, dir, { recursive: true });
    for (const file of fs.readdirSync(path.join(bundledRulesDir, 'articles'))) {
      const article = JSON.parse(fs.readFileSync(path.join(bundledRulesDir, 'articles', file), 'utf8')) as { id: string; diagnoses: { supersedes?: unknown }[] };
      for (let copy = 1; copy < factor; copy += 1) {
        const id = `${article.id}-C${copy}`;
        // Copies without supersedes (their targets are the originals' ids).
        const diagnoses = article.diagnoses.map((d) => ({ ...d, supersedes: undefined }));
        fs.writeFileSync(path.join(dir, 'articles', `${id}.json`), JSON.stringify({ ...article, id, diagnoses }));
      }
    }
    return measure(dir);
  };
  return { bundled: measure(bundledRulesDir), times10: scaled(10), times100: scaled(100) };
}

/**
 * Zendesk webhooks as fast as the service accepts them, each for a new ticket (so each is a new
 * delivery, committed before its 200), with delivery on against a stand-in that answers at once.
 * Afterwards the store is read: every webhook answered 200 must be a row in it. The embedded
 * store in a new DATA_DIR, or BENCH_DATABASE_URL's PostgreSQL (rows there before are not counted).
 */
async function webhookIntake() {
  const zendesk = await TicketingStandIn.start('zendesk');
  const settings = { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'bench-outbox-')), ...(process.env.BENCH_DATABASE_URL ? { databaseUrl: process.env.BENCH_DATABASE_URL } : {}) };
  const count = async (state?: string) => {
    const store = await openStore(settings);
    const counts = await store.outbox.counts();
    await store.close();
    return counts.filter((c) => !state || c.state === state).reduce((sum, c) => sum + c.count, 0);
  };
  const before = { recorded: await count(), delivered: await count('delivered') };
  // No rate limit: the default (1,000 a second per address) would be what is measured.
  const env = {
    ...(process.env.DECISION_LOG ? { DECISION_LOG: process.env.DECISION_LOG } : {}),
    PORT: '0',
    LOG_LEVEL: 'warn',
    RATE_LIMIT_PER_MINUTE: '0',
    DATA_DIR: settings.dataDir,
    ...(settings.databaseUrl ? { DATABASE_URL: settings.databaseUrl } : {}),
    ...zendesk.env(),
  };
  const { child, url } = await startServiceProcess(path.join(projectRoot, 'dist/main.js'), { env });
  let ticket = Date.now();
  const description = readCorpus()[0]!.body;
  const request: autocannon.Request = {
    method: 'POST',
    path: '/v1/webhooks/zendesk',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({ ...req, body: JSON.stringify({ ticket: { id: (ticket += 1), subject: 'Outlook cannot connect', description } }) }),
  };
  const run = (seconds: number) =>
    new Promise<autocannon.Result>((resolve, reject) => autocannon({ url, connections: 50, duration: seconds, requests: [request] }, (e, r) => (e ? reject(e as Error) : resolve(r))));
  await run(2); // warm-up
  const result = await run(SECONDS);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  await zendesk.close();
  const recorded = (await count()) - before.recorded;
  const delivered = (await count('delivered')) - before.delivered;
  fs.rmSync(settings.dataDir, { recursive: true, force: true });
  return {
    store: settings.databaseUrl ? 'postgres' : 'sqlite',
    perSecond: Math.round(result.requests.average),
    p99: result.latency.p99,
    accepted: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors,
    // Every webhook answered 200, warm-up included, is a row: the run's 200s are at most that many.
    recorded,
    delivered,
    sentToStandIn: zendesk.applied.length,
  };
}

function printWebhookIntake(w: Awaited<ReturnType<typeof webhookIntake>>): void {
  console.log(
    `webhook intake, delivery on, ${w.store} store (autocannon 50 connections, ${SECONDS} s): ${w.perSecond} webhooks/s accepted, p99 ${w.p99} ms, ${w.accepted} answered 200, ${w.non2xx} non-2xx, ${w.errors} errors; in the store after the run (warm-up included): ${w.recorded} recorded, ${w.delivered} delivered (${w.sentToStandIn} sent to the stand-in)`,
  );
}

function printHttp(h: Awaited<ReturnType<typeof http>>): void {
  console.log(`HTTP, autocannon 50 connections, ${SECONDS} s a run, median of ${h.rounds} rounds   req/s   p50 ms  p99 ms  errors  non-2xx`);
  for (const [name, v] of [
    ['echo', h.echo],
    ['POST /v1/diagnose', h.diagnose],
    ['  decision log off', h.diagnoseUnlogged],
    ['  answer cache off', h.diagnoseUncached],
    ['bare express echo', h.bareExpressEcho],
  ] as const) {
    console.log(
      `  ${name.padEnd(18)} ${String(v.rps).padStart(8)} ${String(v.p50).padStart(8)} ${String(v.p99).padStart(7)} ${String(v.errors).padStart(7)} ${String(v.non2xx).padStart(8)}   rounds: ${v.perRound.map((x) => `${x.rps}/${x.p99}ms`).join(' ')}`,
    );
  }
  console.log(`  diagnose / echo throughput: ${(h.ratio * 100).toFixed(0)}% (answer cache off: ${(h.ratioUncached * 100).toFixed(0)}%)`);
  console.log(`  diagnose with the decision log on / off: ${(h.ratioLogged * 100).toFixed(0)}% of the throughput (target: within 15%)`);
}

async function main(): Promise<void> {
  // BENCH_ONLY=webhooks: the intake alone, to repeat it without the rest.
  if (process.env.BENCH_ONLY === 'webhooks') return printWebhookIntake(await webhookIntake());
  // BENCH_ONLY=annotation: ticket annotation alone.
  if (process.env.BENCH_ONLY === 'annotation') return printAnnotation(await annotation());
  const sets = factSets(kb.vocabulary, 1000);
  // BENCH_ONLY=http: the HTTP rounds alone (diagnose against echo, cache and decision log on and off).
  if (process.env.BENCH_ONLY === 'http') return printHttp(await http(sets));
  const results = {
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version, platform: `${os.platform()} ${os.release()}` },
    factSets: sets.length,
    inProcess: await inProcess(sets),
    http: await http(sets),
    annotation: await annotation(),
    startup: startup(),
    webhookIntake: await webhookIntake(),
  };
  const r = results;
  console.log(`machine: ${r.machine.cpus} cores (${r.machine.model}), ${r.machine.memoryGiB} GiB, Node ${r.machine.node}`);
  console.log(`fact sets: ${r.factSets}`);
  console.log(`in-process diagnosis (µs per call)     median     p99`);
  console.log(`  json-rules-engine baseline        ${r.inProcess.baseline.median.toFixed(1).padStart(8)} ${r.inProcess.baseline.p99.toFixed(1).padStart(8)}`);
  console.log(`  service (compiled, with evidence) ${r.inProcess.service.median.toFixed(1).padStart(8)} ${r.inProcess.service.p99.toFixed(1).padStart(8)}`);
  console.log(`  speed-up (baseline / service median): ${r.inProcess.ratio.toFixed(1)}x`);
  printHttp(r.http);
  printAnnotation(r.annotation);
  console.log(
    `start-up (load, validate, build): ${r.startup.bundled.ms} ms for ${r.startup.bundled.articles} articles; ${r.startup.times10.ms} ms for ${r.startup.times10.articles}; ${r.startup.times100.ms} ms for ${r.startup.times100.articles}`,
  );
  printWebhookIntake(r.webhookIntake);
  fs.writeFileSync(path.join(projectRoot, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

void main();
