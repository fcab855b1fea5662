import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import type { Article } from '../src/kb/model';
import { bundledRulesDir, projectRoot } from '../src/paths';
import { builtProject } from './support/built-project';
import type { Schemas } from '../harness/api';
import { connect, workersOf } from '../harness/connections';

// The real process, started as `npm start` starts it (`node dist/main.js`, from the run's build of
// the sources under test, see built-project.ts), for what only a process shows: signals.
// Each test starts services and, in the cluster tests, workers that start again: on a busy
// 2-core machine that is tens of seconds.
jest.setTimeout(90_000);

function start(
  rulesDir: string,
  entry = 'dist/main.js',
  extraEnv: Record<string, string> = {},
  nodeArgs: string[] = [],
): Promise<{ child: ChildProcess; url: string; exit: Promise<number | null>; output: () => string }> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(builtProject(), entry)], {
    cwd: builtProject(),
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      RULES_DIR: rulesDir,
      DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'proc-data-')),
      LOG_LEVEL: 'silent',
      SHUTDOWN_TIMEOUT_MS: '10000',
      // No test here reads a long ticket: a thread that loads the rules again is CPU the other
      // test files running beside these need.
      ANNOTATION_THREADS: '0',
      ...extraEnv,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      // Every worker of a cluster says it listens; wait for all of them.
      const listening = [...out.matchAll(/listening on (http:\/\/\S+)/g)];
      if (listening.length >= Number(extraEnv.WORKERS ?? 1)) {
        expect(new Set(listening.map((m) => m[1])).size).toBe(1);
        resolve({ child, url: listening[0]![1]!, exit, output: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited ${code} before listening: ${out}`)));
  });
}

async function revision(url: string): Promise<string> {
  return ((await (await fetch(`${url}/healthz`)).json()) as { kb: { revision: string } }).kb.revision;
}

/**
 * Waits for `check` to hold, looking every 50 ms. The bound is generous: it is there so that a
 * test fails rather than hangs, not to time anything (a busy machine starts a worker slowly).
 */
async function eventually(check: () => boolean | Promise<boolean>, withinMs = 20_000): Promise<void> {
  for (const end = Date.now() + withinMs; Date.now() < end;) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`condition not met in ${withinMs / 1000} s`);
}

function copyRules(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'proc-'));
  fs.cpSync(bundledRulesDir, dir, { recursive: true });
  return dir;
}

it('SIGHUP reloads a valid knowledge base and keeps the old one when the new one is invalid', async () => {
  const dir = copyRules();
  // Errors logged, so that the refused reload can be waited for rather than slept on.
  const { child, url, exit, output } = await start(dir, 'dist/main.js', { LOG_LEVEL: 'error' });
  try {
    const first = await revision(url);
    const file = path.join(dir, 'articles', 'KB833799.json');
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as Article;
    fs.writeFileSync(file, JSON.stringify({ ...data, title: `${data.title}.` }));
    child.kill('SIGHUP');
    await eventually(async () => (await revision(url)) !== first);
    const second = await revision(url);
    fs.writeFileSync(file, 'not json');
    child.kill('SIGHUP');
    await eventually(() => output().includes('knowledge base reload refused'));
    expect(await revision(url)).toBe(second);
    expect(child.exitCode).toBeNull();
  } finally {
    child.kill('SIGTERM');
    await exit;
  }
});

it('SIGTERM lets a request in flight finish, then exits 0', async () => {
  const { child, url, exit } = await start(copyRules());
  const { port } = new URL(url);
  const answer = new Promise<string>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: '/v1/annotate/batch', method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve(body));
    });
    req.on('error', reject);
    // Half the tickets now, the signal, then the rest: the request was accepted before SIGTERM.
    const line = (i: number) => `${JSON.stringify({ id: `t${i}`, body: 'Outlook 2003 cannot connect' })}\n`;
    for (let i = 0; i < 5; i += 1) req.write(line(i));
    setTimeout(() => {
      child.kill('SIGTERM');
      setTimeout(() => {
        for (let i = 5; i < 10; i += 1) req.write(line(i));
        req.end();
      }, 300);
    }, 300);
  });
  const lines = (await answer)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Schemas['BatchResult']);
  expect(lines.map((l) => l.id)).toEqual(Array.from({ length: 10 }, (_, i) => `t${i}`));
  expect(await exit).toBe(0);
  // No longer accepting: a new connection is refused.
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
});

it('the cluster runs one service per worker on one port, counts the rate limit across them, and stops them all on SIGTERM with exit 0', async () => {
  // Port 0 in a cluster: the primary picks one free port and every worker shares it.
  const { child, url, exit } = await start(copyRules(), 'dist/cluster.js', { WORKERS: '2', RATE_LIMIT_PER_MINUTE: '4' });
  try {
    // A fresh connection each time, so that either worker may take it. Probes are not limited.
    for (let i = 0; i < 10; i += 1) expect((await fetch(`${url}/readyz`, { headers: { connection: 'close' } })).status).toBe(200);
    // The workers count the rate limit together: four answers in all, not four each.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await fetch(`${url}/v1/facts`, { headers: { connection: 'close' } })).status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(4);
    expect(statuses.slice(4)).toEqual(Array(6).fill(429));
  } finally {
    child.kill('SIGTERM');
  }
  expect(await exit).toBe(0);
});

it('the cluster refuses a bad WORKERS setting', async () => {
  const child = spawn(process.execPath, [path.join(builtProject(), 'dist/cluster.js')], {
    cwd: builtProject(),
    env: { ...process.env, WORKERS: 'many' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(err).toMatch(/WORKERS must be a whole number from 1 to 256, not "many"/);
});

/** Everything the server sends on a socket until it closes it. */
function received(socket: net.Socket): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
  });
}

it('SIGTERM closes idle and half-sent connections at once, answers the request in flight with Connection: close, and exits 0', async () => {
  // REQUEST_TIMEOUT_MS far beyond SHUTDOWN_TIMEOUT_MS: only the shutdown itself can close the half-sent connection in time.
  const { child, url, exit } = await start(copyRules(), 'dist/main.js', { SHUTDOWN_TIMEOUT_MS: '20000', REQUEST_TIMEOUT_MS: '120000' });
  const idle = await connect(url);
  const idleClosed = received(idle);
  const firstAnswer = new Promise((resolve) => idle.once('data', resolve));
  idle.write('GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n');
  await firstAnswer; // answered, and kept alive: now idle
  const halfSent = await connect(url);
  const halfSentClosed = received(halfSent);
  halfSent.write('POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: appl');
  const body = JSON.stringify({ facts: { clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', symptoms: ['cannot-connect'] } });
  const inFlight = await connect(url);
  const inFlightAnswer = received(inFlight);
  inFlight.write(`POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
  // The request has reached the service once it has read its headers; a second request on another connection shows that it has.
  await fetch(`${url}/healthz`);
  child.kill('SIGTERM');
  expect(await idleClosed).toMatch(/^HTTP\/1.1 200/); // only its first answer: then closed
  expect(await halfSentClosed).toBe('');
  inFlight.write(body.slice(10));
  const answer = await inFlightAnswer;
  expect(answer).toMatch(/^HTTP\/1.1 200/);
  expect(answer).toMatch(/\r\nConnection: close\r\n/i);
  expect((JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)) as Schemas['DiagnoseResponse']).diagnoses).toHaveLength(1);
  expect(await exit).toBe(0);
});

it('a cluster replaces a worker that dies after it started, however it dies, and keeps answering throughout', async () => {
  const { child, url, exit, output } = await start(copyRules(), 'dist/cluster.js', { WORKERS: '2' }, ['--require', path.join(projectRoot, 'test/fixtures/crash-on-sigusr2.cjs')]);
  const listened = () => output().match(/listening on/g)!.length;
  let answering = true;
  let step = 'start';
  let answered = 0;
  const failures: string[] = [];
  const load = (async () => {
    while (answering) {
      // A new connection each time (fetch would keep one open to a worker about to stop), and
      // a deadline: a request left hanging is what must not happen.
      const outcome = await new Promise<string>((resolve) => {
        const req = http.get(`${url}/readyz`, { agent: false, timeout: 5000 }, (res) => {
          res.resume();
          res.on('end', () => resolve(String(res.statusCode)));
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', (error: NodeJS.ErrnoException) => resolve(`${error.code ?? error.message} at ${step}`));
      });
      if (outcome === '200') answered += 1;
      else failures.push(outcome);
    }
  })();
  try {
    // An idle connection held to the worker that is stopped first.
    const idle = await connect(url);
    const ways: [string, (pid: number) => void][] = [
      ['SIGTERM', (pid) => process.kill(pid, 'SIGTERM')],
      ['SIGKILL', (pid) => process.kill(pid, 'SIGKILL')],
      // test/fixtures/crash-on-sigusr2.cjs, preloaded, throws in the worker.
      ['an uncaught exception', (pid) => process.kill(pid, 'SIGUSR2')],
    ];
    for (const [name, kill] of ways) {
      step = name;
      const before = listened();
      const [victim] = workersOf(child.pid!);
      kill(victim!);
      await eventually(() => listened() > before && !workersOf(child.pid!).includes(victim!));
      const sofar = answered;
      await eventually(() => answered > sofar);
    }
    idle.destroy();
    expect(child.exitCode).toBeNull();
    expect(workersOf(child.pid!)).toHaveLength(2);
  } finally {
    answering = false;
    await load;
    child.kill('SIGTERM');
  }
  expect(await exit).toBe(0);
  // No request was left hanging. A connection a dying worker had just accepted can be reset
  // (SIGKILL takes its requests with it; a stopping one closes connections with no request yet).
  expect(failures.filter((failure) => !/^ECONNRESET /.test(failure))).toEqual([]);
  expect(failures.length).toBeLessThanOrEqual(3);
});

it('a cluster whose workers cannot start stops, after a few tries, with exit 1', async () => {
  const child = spawn(process.execPath, [path.join(builtProject(), 'dist/cluster.js')], {
    cwd: builtProject(),
    env: { ...process.env, PORT: '0', RULES_DIR: path.join(os.tmpdir(), 'no-such-rules'), WORKERS: '2', LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr.on('data', (c) => (err += c));
  const code = await new Promise((resolve) => child.on('exit', resolve));
  expect(code).toBe(1);
  expect(err).toMatch(/workers keep failing to start/);
});
