import cluster, { type Worker } from 'node:cluster';
import os from 'node:os';
import { ClusterMemoryStorePrimary } from '@express-rate-limit/cluster-memory-store';
import { configFromEnv } from './config/config';
import { run } from './service/run';

// One worker per core (WORKERS to choose another number). The service keeps no state between
// requests, so the workers share the port and any of them can answer any request. The primary
// passes SIGHUP (reload) and SIGTERM/SIGINT (graceful stop) on to every worker, and exits once
// they all have, with 0 only if every one stopped cleanly.
//
// A worker that dies after it started listening (a crash, an uncaught exception, a kill) is
// replaced, after a pause that doubles with each death in the last minute. Only a worker that
// dies before it listens failed to start; when START_ATTEMPTS of them fail in a row (bad
// settings, an invalid knowledge base, a port taken), trying again would not help: the cluster stops.
const START_ATTEMPTS = 5;
const FIRST_PAUSE_MS = 100;
const LONGEST_PAUSE_MS = 10_000;

function fail(message: string): never {
  console.error(`outlook-connectivity-kb: cannot start: ${message}`);
  process.exit(1);
}

if (cluster.isPrimary) {
  const count = Number(process.env.WORKERS ?? os.availableParallelism());
  if (!Number.isInteger(count) || count < 1 || count > 256) fail(`WORKERS must be a whole number from 1 to 256, not "${process.env.WORKERS}"`);
  // Every worker would refuse bad settings the same way: say so once, before starting any.
  try {
    configFromEnv();
  } catch (error) {
    fail((error as Error).message);
  }

  // The rate limit's counts, shared by the workers (see rateLimiter).
  new ClusterMemoryStorePrimary().init();
  const listening = new WeakSet<Worker>();
  const deaths: number[] = [];
  let failedStarts = 0;
  let stopping = false;
  let failed = false;
  const alive = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
  const stop = () => {
    stopping = true;
    alive().forEach((w) => w.process.kill('SIGTERM'));
    if (alive().length === 0) process.exit(failed ? 1 : 0);
  };

  // The kernel hands connections to the workers, not the primary in turn: a connection the
  // primary had passed to a worker as it was killed was never answered nor closed (the process
  // test's requests hung at SIGKILL); left in the kernel's queue, another worker takes it.
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  for (let i = 0; i < count; i += 1) cluster.fork();
  cluster.on('listening', (worker) => {
    listening.add(worker);
    failedStarts = 0;
  });
  cluster.on('exit', (worker, code, signal) => {
    // A worker replaced after a crash does not make the stop that comes later unclean.
    if (stopping && code !== 0) failed = true;
    if (!stopping) {
      if (!listening.has(worker)) failedStarts += 1;
      if (failedStarts >= START_ATTEMPTS) {
        console.error(`outlook-connectivity-kb: workers keep failing to start (${failedStarts} in a row); stopping`);
        failed = true;
        stop();
      } else {
        const now = Date.now();
        deaths.push(now);
        while (deaths[0]! < now - 60_000) deaths.shift();
        const pause = Math.min(LONGEST_PAUSE_MS, FIRST_PAUSE_MS * 2 ** (deaths.length - 1));
        console.error(`outlook-connectivity-kb: worker ${worker.process.pid} exited (${signal ?? `code ${code}`}); starting another in ${pause} ms`);
        setTimeout(() => !stopping && cluster.fork(), pause);
      }
    }
    if (alive().length === 0 && stopping) process.exit(failed ? 1 : 0);
  });
  process.on('SIGHUP', () => alive().forEach((w) => w.process.kill('SIGHUP')));
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, stop);
} else {
  run().catch((error: Error) => fail(error.message));
}
