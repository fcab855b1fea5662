// The fault part of `npm run soak`: hostile requests against the service's own process, a
// cluster of two workers losing one three ways under load, and a shutdown with idle and
// half-sent connections. Loopback only.
import net from 'node:net';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/paths';
import { describeHostile, hostileUnderLoad } from './hostile';
import { connect, workersOf } from '../harness/connections';
import { startServiceProcess } from '../harness/service-process';

const ZENDESK_SECRET = 'soak-zendesk-secret';
const light = [
  { path: '/healthz', method: 'GET' as const },
  {
    path: '/v1/diagnose',
    method: 'POST' as const,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ facts: { clientKind: 'outlook', natMode: 'many-to-one', symptoms: ['cannot-connect'] } }),
  },
];
const quiet = { PORT: '0', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' };

/** Every hostile payload, signed where a secret is set, while the light load runs. */
export async function hostile(rounds: number): Promise<boolean> {
  const { child, url } = await startServiceProcess(path.join(projectRoot, 'dist/main.js'), { env: { ...quiet, ZENDESK_WEBHOOK_SECRET: ZENDESK_SECRET } });
  try {
    const report = describeHostile(await hostileUnderLoad(url, { rounds, zendeskSecret: ZENDESK_SECRET }));
    console.log('hostile requests under load (dist/main.js):');
    for (const line of report.lines) console.log(`  ${line}`);
    return report.ok;
  } finally {
    child.kill('SIGTERM');
  }
}

/**
 * A cluster of two workers under autocannon: one worker is stopped with SIGTERM while an idle
 * connection is held to the service, one is killed with SIGKILL, one throws an uncaught exception
 * (test/fixtures/crash-on-sigusr2.cjs, preloaded). The service must answer throughout.
 */
export async function clusterFaults(): Promise<boolean> {
  const { child, url } = await startServiceProcess(path.join(projectRoot, 'dist/cluster.js'), {
    nodeArgs: ['--require', path.join(projectRoot, 'test/fixtures/crash-on-sigusr2.cjs')],
    env: { ...quiet, WORKERS: '2' },
  });
  let listened = 0;
  child.stdout!.on('data', (chunk) => (listened += (String(chunk).match(/listening on/g) ?? []).length));
  while (workersOf(child.pid!).length < 2) await new Promise((resolve) => setTimeout(resolve, 100));
  const load = new Promise<autocannon.Result>((resolve, reject) => {
    autocannon({ url, connections: 10, duration: 24, requests: light }, (error, result) => (error ? reject(error as Error) : resolve(result)));
  });
  const replaced: string[] = [];
  for (const [way, signal] of [
    ['SIGTERM, holding an idle connection', 'SIGTERM'],
    ['SIGKILL', 'SIGKILL'],
    ['an uncaught exception', 'SIGUSR2'],
  ] as const) {
    await new Promise((resolve) => setTimeout(resolve, 4000));
    const idle = await connect(url);
    const [victim] = workersOf(child.pid!);
    const before = listened;
    const killed = performance.now();
    process.kill(victim!, signal);
    while (listened === before) await new Promise((resolve) => setTimeout(resolve, 20));
    replaced.push(`${way}: replaced in ${(performance.now() - killed).toFixed(0)} ms`);
    idle.destroy();
  }
  const result = await load;
  child.kill('SIGTERM');
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  console.log(
    `cluster of 2 under load, losing a worker three ways: ${result.requests.total} requests, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}; exit ${code}`,
  );
  for (const line of replaced) console.log(`  ${line}`);
  return result.non2xx === 0 && result.timeouts === 0 && code === 0;
}

/**
 * Shutdown with an idle keep-alive connection, a half-sent one and a request in flight: the
 * process must exit 0 within a second of answering the last request.
 */
export async function shutdownWithIdleConnections(): Promise<boolean> {
  const { child, url } = await startServiceProcess(path.join(projectRoot, 'dist/main.js'), { env: { ...quiet, SHUTDOWN_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '120000' } });
  const exit = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const idle = await connect(url);
  idle.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  await new Promise((resolve) => idle.once('data', resolve));
  const halfSent = await connect(url);
  halfSent.write('POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Ty');
  const body = JSON.stringify({ facts: { clientKind: 'outlook', natMode: 'many-to-one', symptoms: ['cannot-connect'] } });
  const inFlight = await connect(url);
  inFlight.write(`POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
  await fetch(`${url}/healthz`);
  const closed = (socket: net.Socket) => new Promise((resolve) => socket.once('close', resolve));
  const signalled = performance.now();
  child.kill('SIGTERM');
  await Promise.all([closed(idle), closed(halfSent)]);
  const idleClosed = performance.now() - signalled;
  const answered = new Promise<number>((resolve) => inFlight.once('data', () => resolve(performance.now())));
  await new Promise((resolve) => setTimeout(resolve, 500)); // the request in flight takes a while to finish
  inFlight.write(body.slice(10));
  const answeredAt = await answered;
  const code = await exit;
  const afterAnswer = performance.now() - answeredAt;
  console.log(`shutdown with idle and half-sent connections: both closed ${idleClosed.toFixed(0)} ms after SIGTERM; exit ${code} ${afterAnswer.toFixed(0)} ms after the last answer`);
  return code === 0 && afterAnswer < 1000;
}
