// CPU time per hostile request: the service (src/main.ts of this checkout, or of the checkout
// given as the first argument) in its own process, each payload of scripts/hostile.ts sent alone,
// `CPU_HOSTILE_TURNS` times (default 5), and the process's own CPU time (from /proc) per request.
// On a machine shared with other jobs, CPU time varies far less than the time to answer.
// `npx tsx scripts/cpu-hostile.ts [checkout]`
import http from 'node:http';
import path from 'node:path';
import { hostilePayloads } from './hostile';
import { cpuTicks, startServiceProcess } from '../harness/service-process';

async function main(): Promise<void> {
  const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..'));
  const turns = Number(process.env.CPU_HOSTILE_TURNS ?? 5);
  const service = await startServiceProcess(path.join(root, 'src/main.ts'), { nodeArgs: ['--import', 'tsx'], env: { PORT: '0', LOG_LEVEL: 'warn', RATE_LIMIT_PER_MINUTE: '0' }, cwd: root });
  const pid = service.child.pid!;
  const only = process.env.CPU_HOSTILE_ONLY;
  try {
    for (const payload of hostilePayloads().filter((p) => !only || p.name.includes(only))) {
      const ms: number[] = [];
      const statuses = new Set<number | string>();
      for (let turn = 0; turn < turns; turn += 1) {
        const before = cpuTicks(pid);
        statuses.add(await post(`${service.url}${payload.path}`, payload.type, payload.body, payload.headers));
        ms.push((cpuTicks(pid) - before) * 10);
      }
      const sorted = [...ms].sort((a, b) => a - b);
      console.log(`${payload.name}: ${[...statuses].join('/')}, CPU median ${sorted[Math.floor(turns / 2)]} ms (turns ${ms.join(' ')})`);
    }
  } finally {
    service.child.kill('SIGTERM');
  }
}

function post(url: string, type: string, body: Buffer, headers: Record<string, string> = {}): Promise<number | string> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: 'POST', agent: false, headers: { 'content-type': type, ...headers } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode!));
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    req.end(body);
  });
}

void main();
