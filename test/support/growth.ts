import { performance } from 'node:perf_hooks';

/**
 * How much longer `run` takes on twice the input: the time per call at `size * 2` over the time
 * per call at `size`. Linear work gives about 2, quadratic about 4.
 *
 * Made to hold on a slow, busy machine: time is this process's CPU time, not the clock's (another
 * process, or jest's other worker, running meanwhile does not count); each figure is the least of
 * several samples (a busy moment only ever adds time), each sample repeats the call until it has
 * taken long enough to measure, and the two sizes take turns so that a slow stretch falls on both.
 * Five samples a size: with three, a batch of error-dense keys once measured 3.4 on CI (a linear
 * handler, over the bound of 3); linear-time.test.ts checks that the measure tells quadratic work
 * from linear.
 */
export async function growthRatio(run: (size: number) => unknown, size: number, samples = 5): Promise<number> {
  await perCall(run, size); // warm-up: compile the code paths before timing them
  const small: number[] = [];
  const large: number[] = [];
  for (let i = 0; i < samples; i += 1) {
    small.push(await perCall(run, size));
    large.push(await perCall(run, size * 2));
  }
  return Math.min(...large) / Math.min(...small);
}

/**
 * `growthRatio`, measured again while it is at or over `bound` (up to `attempts` measures in all),
 * and the least kept. A busy machine only ever adds time, to one measure's samples more than
 * another's: under a full `.ci/run` an MCP call on a linear handler once measured 3.56 (1.4-1.5
 * alone), and annotating a 60,000-character ticket of one repeated 12-character piece 3.02 after
 * three measures (2.3-2.5 alone: the larger ticket's tables and garbage fall out of the caches).
 * Quadratic work measures about 4 every time, so it still fails the bound, however many measures.
 */
export async function settledGrowthRatio(run: (size: number) => unknown, size: number, bound: number, samples = 5, attempts = 5): Promise<number> {
  let least = Infinity;
  for (let attempt = 0; attempt < attempts && least >= bound; attempt += 1) {
    least = Math.min(least, await growthRatio(run, size, samples));
  }
  return least;
}

const SAMPLE_MS = 60;

/** CPU time (user and system) this process has used, in milliseconds. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

async function perCall(run: (size: number) => unknown, size: number): Promise<number> {
  let calls = 0;
  const started = performance.now();
  const cpuStarted = cpuMs();
  do {
    await run(size);
    calls += 1;
  } while (performance.now() - started < SAMPLE_MS);
  return (cpuMs() - cpuStarted) / calls;
}
