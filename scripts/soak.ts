// Soak: the real service as its own process on loopback, under autocannon at 100 connections
// for SOAK_SECONDS (default 60) over mixed endpoints, with a valid and then an invalid reload
// (SIGHUP) half-way; then shutdown under load: SIGTERM while loaded. Memory is judged by the live
// heap after a full collection (a heap snapshot on SIGUSR2), which must grow by 10% or less.
// Then the faults of scripts/soak-faults.ts: hostile requests under load, a cluster losing workers
// under load, a shutdown with idle and half-sent connections.
// Prints the figures and exits 1 if any requirement fails. `npm run soak`.
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { bundledRulesDir, projectRoot } from '../src/paths';
import { startServiceProcess, type ServiceProcess } from '../harness/service-process';
import { clusterFaults, hostile, shutdownWithIdleConnections } from './soak-faults';

const seconds = Number(process.env.SOAK_SECONDS ?? 60);
const connections = Number(process.env.SOAK_CONNECTIONS ?? 100);

// Heap snapshots, which the service writes on SIGUSR2 (see liveHeap), land here.
const snapshots = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-heap-'));

function start(rulesDir: string): Promise<ServiceProcess> {
  return startServiceProcess(path.join(projectRoot, 'dist/main.js'), {
    nodeArgs: ['--heapsnapshot-signal=SIGUSR2'],
    env: { PORT: '0', RULES_DIR: rulesDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', SHUTDOWN_TIMEOUT_MS: '10000' },
    cwd: snapshots,
  });
}

async function memory(url: string): Promise<{ rss: number; heap: number }> {
  const text = await (await fetch(`${url}/metrics`)).text();
  return { rss: Number(/^process_resident_memory_bytes (\d+)/m.exec(text)?.[1]), heap: Number(/^nodejs_heap_size_used_bytes (\d+)/m.exec(text)?.[1]) };
}

/**
 * The heap that is still reachable: a heap snapshot collects all garbage first, so the heap used
 * just after one is what the service holds on to. Resident memory and heap used taken at any
 * other moment also count garbage not yet collected and the heap's own sizing, which move by a
 * fifth from one minute to the next under load; a leak shows in this figure instead.
 */
async function liveHeap(child: ChildProcess, url: string): Promise<number> {
  const before = new Set(fs.readdirSync(snapshots));
  child.kill('SIGUSR2');
  let written: string | undefined;
  for (let waited = 0; !written && waited < 60_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    written = fs.readdirSync(snapshots).find((file) => file.endsWith('.heapsnapshot') && !before.has(file));
  }
  if (!written) throw new Error('the service wrote no heap snapshot on SIGUSR2');
  // The file is complete when its size stops changing.
  for (let size = -1; size !== fs.statSync(path.join(snapshots, written)).size;) {
    size = fs.statSync(path.join(snapshots, written)).size;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  const { heap } = await memory(url);
  fs.rmSync(path.join(snapshots, written));
  return heap;
}

const json = (body: unknown) => ({ method: 'POST' as const, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const requests = [
  { path: '/v1/diagnose', ...json({ facts: { clientKind: 'outlook', natMode: 'many-to-one', firewallPlatform: 'windows-nt', symptoms: ['cannot-connect'] } }) },
  {
    path: '/v1/diagnose?include=candidates',
    ...json({ facts: { clientKind: 'activesync-device', exchangeVersion: '2003', serverAddress: '192.168.1.5', publicAddressAssignment: 'static', symptoms: ['certificate-warning'] } }),
  },
  { path: '/v1/annotate', ...json({ ticket: { id: 'soak', subject: 'Outlook', body: 'Outlook 2003 cannot connect to Exchange 2003 through our SonicWall doing NAT; port 135 is open.' } }) },
  { path: '/v1/facts', method: 'GET' as const },
  { path: '/v1/articles/KB291615', method: 'GET' as const },
  { path: '/healthz', method: 'GET' as const },
];

function load(url: string, duration: number): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    autocannon({ url, connections, duration, requests }, (error, result) => (error ? reject(error as Error) : resolve(result)));
  });
}

async function soak(): Promise<boolean> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'soak-'));
  fs.cpSync(bundledRulesDir, dir, { recursive: true });
  const { child, url } = await start(dir);
  await load(url, Number(process.env.SOAK_WARMUP ?? 15)); // warm-up: let the heap reach its working size first
  const before = await memory(url);
  const liveBefore = await liveHeap(child, url);
  const article = path.join(dir, 'articles', 'KB833799.json');
  const original = fs.readFileSync(article, 'utf8');
  const reloads = setTimeout(
    () => {
      const data = JSON.parse(original) as { title: string };
      fs.writeFileSync(article, JSON.stringify({ ...data, title: `${data.title} (soak)` }));
      child.kill('SIGHUP'); // valid
      setTimeout(() => {
        fs.writeFileSync(article, '{ not json');
        child.kill('SIGHUP'); // invalid: the previous one must keep serving
      }, 2000);
    },
    (seconds * 1000) / 2,
  );
  const result = await load(url, seconds);
  clearTimeout(reloads);
  const after = await memory(url);
  const liveAfter = await liveHeap(child, url);
  const metrics = await (await fetch(`${url}/metrics`)).text();
  child.kill('SIGTERM');
  const growth = (liveAfter - liveBefore) / liveBefore;
  const failures = /knowledge_base_load_failures_total (\d+)/.exec(metrics)?.[1];
  console.log(
    `soak: ${seconds} s at ${connections} connections: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
  );
  console.log(`      errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx}`);
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  console.log(`      live heap (after a full collection) after warm-up ${mib(liveBefore)}, at the end ${mib(liveAfter)} (${(growth * 100).toFixed(1)}%)`);
  // (Taking the first snapshot itself adds to resident memory, so the end figure includes it.)
  console.log(`      for reference, without a collection: resident memory ${mib(before.rss)} -> ${mib(after.rss)}, heap used ${mib(before.heap)} -> ${mib(after.heap)}`);
  console.log(`      reloads under load: one valid, one invalid (refused: ${failures})`);
  return result.errors === 0 && result.timeouts === 0 && result.non2xx === 0 && growth <= 0.1 && failures === '1';
}

/**
 * Shutdown under load: clients keep sending requests on keep-alive connections; SIGTERM comes
 * half-way. A request the service accepted must get its whole answer; a request sent after it
 * stopped accepting is refused at the connection, which is not a dropped request.
 */
async function shutdown(): Promise<boolean> {
  const { child, url } = await start(bundledRulesDir);
  const { port } = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const body = JSON.stringify({ facts: { clientKind: 'outlook', natMode: 'many-to-one', symptoms: ['cannot-connect'] } });
  let answered = 0;
  let cut = 0;
  let refused = 0;
  let stopped = false;
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const one = () =>
    new Promise<void>((resolve) => {
      const req = http.request({ host: '127.0.0.1', port, path: '/v1/diagnose', method: 'POST', agent, headers: { 'content-type': 'application/json' } }, (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          try {
            JSON.parse(text);
            if (res.statusCode === 200) answered += 1;
            else cut += 1;
          } catch {
            cut += 1; // an answer that ends half-way
          }
          resolve();
        });
        res.on('aborted', () => {
          cut += 1;
          resolve();
        });
      });
      req.on('error', () => {
        refused += 1; // never answered: the connection was refused or closed before the request was read
        resolve();
      });
      req.end(body);
    });
  const clients = Array.from({ length: 50 }, async () => {
    while (!stopped) await one();
  });
  setTimeout(() => child.kill('SIGTERM'), 2000);
  const code = await exit;
  stopped = true;
  await Promise.all(clients);
  agent.destroy();
  console.log(`shutdown under load: exit code ${code}, ${answered} answered in full, ${cut} cut short, ${refused} refused after it stopped accepting`);
  return code === 0 && cut === 0 && answered > 0;
}

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(projectRoot, 'dist/main.js'))) throw new Error('run npm run build first');
  const results = [await soak(), await shutdown(), await hostile(Number(process.env.SOAK_HOSTILE_ROUNDS ?? 3)), await clusterFaults(), await shutdownWithIdleConnections()];
  const ok = results.every(Boolean);
  console.log(ok ? 'soak: all requirements met' : 'soak: REQUIREMENT FAILED');
  process.exitCode = ok ? 0 : 1;
}

void main();
