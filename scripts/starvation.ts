// How much the heaviest legal requests slow the light ones: autocannon loads /healthz and a small
// diagnose (10 connections, STARVATION_SECONDS, default 15) while STARVATION_CLIENTS (default 4)
// clients keep sending batches of 80 tickets of 60,000 characters (4.8 MB), against dist/main.js.
// Prints the light requests' latency and the batches' throughput. `npx tsx scripts/starvation.ts`
// after `npm run build`; ANNOTATION_THREADS=0 compares reading tickets on the event loop.
import http from 'node:http';
import path from 'node:path';
import autocannon from 'autocannon';
import { projectRoot } from '../src/paths';
import { startServiceProcess } from '../harness/service-process';
const K = Number(process.env.STARVATION_CLIENTS ?? 4);
const SECONDS = Number(process.env.STARVATION_SECONDS ?? 15);
const ticket = (i: number) => ({ id: String(i), body: 'NAT on the SonicWall, Outlook 2003 cannot connect, port 135 is blocked. '.repeat(1000).slice(0, 60000) });
const batch = JSON.stringify({ tickets: Array.from({ length: 80 }, (_, i) => ticket(i)) });
function post(port: number, p: string, body: string): Promise<number> {
  return new Promise((resolve) => {
    const t = Date.now();
    const req = http.request({ host: '127.0.0.1', port, path: p, method: 'POST', agent: false, headers: { 'content-type': 'application/json' } }, (res) => {
      res.resume();
      res.on('end', () => resolve(Date.now() - t));
    });
    req.on('error', () => resolve(-1));
    req.end(body);
  });
}
void (async () => {
  const { child, url } = await startServiceProcess(path.join(projectRoot, 'dist/main.js'), { env: { PORT: '0', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0', BODY_LIMIT: '102400' } });
  const port = Number(new URL(url).port);
  let stop = false;
  const heavy: number[] = [];
  const clients = Array.from({ length: K }, async () => {
    while (!stop) heavy.push(await post(port, '/v1/annotate/batch', batch));
  });
  await new Promise((r) => setTimeout(r, 1000));
  const result = await new Promise<autocannon.Result>((resolve, reject) =>
    autocannon(
      {
        url,
        connections: 10,
        duration: SECONDS,
        requests: [
          { path: '/healthz', method: 'GET' },
          {
            path: '/v1/diagnose',
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ facts: { clientKind: 'outlook', natMode: 'many-to-one', symptoms: ['cannot-connect'] } }),
          },
        ],
      },
      (e, r) => (e ? reject(e as Error) : resolve(r)),
    ),
  );
  stop = true;
  await Promise.all(clients);
  child.kill('SIGTERM');
  heavy.sort((a, b) => a - b);
  console.log(`light: ${result.requests.total} req, p50 ${result.latency.p50} p99 ${result.latency.p99} max ${result.latency.max} ms, non2xx ${result.non2xx} errors ${result.errors}`);
  console.log(`heavy: ${heavy.length} batches (${((heavy.length * 80) / SECONDS).toFixed(0)} tickets/s), median ${heavy[heavy.length >> 1]} ms, max ${heavy[heavy.length - 1]} ms`);
})();
