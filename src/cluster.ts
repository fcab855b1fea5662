import cluster from 'node:cluster';
import os from 'node:os';
import { run } from './run';

// One worker per core (WORKERS to choose another number). The service keeps no state between
// requests, so the workers share the port and any of them can answer any request. The primary
// passes SIGHUP (reload) and SIGTERM/SIGINT (graceful stop) on to every worker, and exits once
// they all have, with 0 only if every one stopped cleanly.
if (cluster.isPrimary) {
  const count = Number(process.env.WORKERS ?? os.availableParallelism());
  if (!Number.isInteger(count) || count < 1 || count > 256) {
    console.error(`outlook-connectivity-kb: cannot start: WORKERS must be a whole number from 1 to 256, not "${process.env.WORKERS}"`);
    process.exit(1);
  }
  let stopping = false;
  let failed = false;
  for (let i = 0; i < count; i += 1) cluster.fork();
  cluster.on('exit', (worker, code) => {
    if (code !== 0) failed = true;
    if (!stopping) {
      // A worker that dies on its own is replaced; one that cannot start (bad settings, invalid
      // knowledge base) would fail again, so that stops everything.
      if (code === 1 && !worker.exitedAfterDisconnect) {
        console.error('outlook-connectivity-kb: a worker could not start; stopping');
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      } else {
        cluster.fork();
      }
    }
    if (Object.keys(cluster.workers ?? {}).length === 0 && stopping) process.exit(failed ? 1 : 0);
  });
  process.on('SIGHUP', () => Object.values(cluster.workers ?? {}).forEach((w) => w?.process.kill('SIGHUP')));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopping = true;
      Object.values(cluster.workers ?? {}).forEach((w) => w?.process.kill('SIGTERM'));
    });
  }
} else {
  run().catch((error: Error) => {
    console.error(`outlook-connectivity-kb: cannot start: ${error.message}`);
    process.exit(1);
  });
}
