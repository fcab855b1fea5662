// Fuzz: 10,000 generated requests (FUZZ_RUNS to change), valid and malformed, against the real
// service on a loopback port. Prints the statuses, every 5xx and every response that does not
// match openapi.yaml, and whether a probe request answers the same before and after. Then the
// hostile requests of scripts/hostile.ts (FUZZ_HOSTILE_ROUNDS times, default 3) while autocannon
// loads /healthz and a small diagnose: the light requests' p99 must stay under 100 ms, nothing
// may 5xx, and each hostile request must be answered within 1 s (an NDJSON stream: its first line,
// and each next line, within 1 s). The hostile requests go to the service in a process of its own,
// as it is deployed, so that autocannon and the clients do not share its event loop and CPU time
// (FUZZ_HOSTILE_IN_PROCESS=1 sends them to the in-process service instead).
// `npm run fuzz`; exits 1 on any finding.
import path from 'node:path';
import { configFromEnv } from '../src/config/config';
import { startService } from '../src/service/server';
import { fuzz } from '../harness/fuzz';
import { describeHostile, hostileUnderLoad } from './hostile';
import { startServiceProcess } from '../harness/service-process';

async function hostileRequests(inProcessUrl: string): Promise<ReturnType<typeof describeHostile>> {
  const rounds = Number(process.env.FUZZ_HOSTILE_ROUNDS ?? 3);
  if (process.env.FUZZ_HOSTILE_IN_PROCESS === '1') return describeHostile(await hostileUnderLoad(inProcessUrl, { rounds }));
  const own = await startServiceProcess(path.join(__dirname, '../src/main.ts'), { nodeArgs: ['--import', 'tsx'], env: { PORT: '0', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' } });
  try {
    return describeHostile(await hostileUnderLoad(own.url, { rounds }));
  } finally {
    own.child.kill('SIGTERM');
  }
}

async function main(): Promise<void> {
  const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
  const seed = Number(process.env.FUZZ_SEED ?? 20261121);
  const service = await startService({ ...configFromEnv({}), port: 0, logLevel: 'silent', rateLimitPerMinute: 0 });
  const started = Date.now();
  const report = await fuzz(service.url, runs, seed);
  const fuzzSeconds = (Date.now() - started) / 1000;
  const hostile = await hostileRequests(service.url);
  await service.shutdown(1000);
  console.log(`fuzz: ${report.requests} requests (seed ${seed}) in ${fuzzSeconds.toFixed(1)} s`);
  console.log(
    `statuses: ${Object.entries(report.byStatus)
      .map(([s, n]) => `${s}: ${n}`)
      .join(', ')}`,
  );
  console.log(`5xx: ${report.serverErrors.length}, not as the contract says: ${report.nonConformant.length}, probe unchanged: ${report.probeUnchanged ? 'yes' : 'NO'}`);
  for (const line of [...report.serverErrors, ...report.nonConformant].slice(0, 20)) console.log(`  ${line}`);
  console.log(`hostile requests under load (${process.env.FUZZ_HOSTILE_IN_PROCESS === '1' ? 'the in-process service' : 'the service in its own process'}):`);
  for (const line of hostile.lines) console.log(`  ${line}`);
  if (report.serverErrors.length || report.nonConformant.length || !report.probeUnchanged || !hostile.ok) process.exitCode = 1;
}

void main();
