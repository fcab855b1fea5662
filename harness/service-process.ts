import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../src/paths';
import type autocannon from 'autocannon';

export interface ServiceProcess {
  child: ChildProcess;
  url: string;
}

/**
 * Runs an entry point (dist/main.js, or scripts/bench-server.ts with tsx) as its own process and
 * resolves with its URL once it says it listens; rejects if it exits before. Its log goes to this
 * process's stderr.
 */
export function startServiceProcess(script: string, options: { nodeArgs?: string[]; args?: string[]; env?: Record<string, string>; cwd?: string } = {}): Promise<ServiceProcess> {
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), script, ...(options.args ?? [])], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: options.cwd,
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const url = /listening on (http:\/\/\S+)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`${script} exited ${code}: ${out}`)));
  });
}

/** The CPU time a process has used so far (utime + stime from /proc), in clock ticks of 10 ms. */
export function cpuTicks(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** autocannon's requests: POSTs of each JSON body to one route, in turn. */
export const postsTo = (route: string, bodies: string[]): autocannon.Request[] => bodies.map((body) => ({ method: 'POST', path: route, headers: { 'content-type': 'application/json' }, body }));

/** The bench server (scripts/bench-server.ts) serving the build in `dist` (default: this checkout's). */
export function startBenchServer(options: { dist?: string; env?: Record<string, string> } = {}): Promise<ServiceProcess> {
  return startServiceProcess(path.join(projectRoot, 'scripts', 'bench-server.ts'), {
    nodeArgs: ['--import', 'tsx'],
    args: options.dist ? [options.dist] : [],
    ...(options.env !== undefined ? { env: options.env } : {}),
  });
}
