import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { projectRoot } from '../src/paths';

// The documented ways to start the service, run as a process manager or a container runtime runs
// them: one SIGTERM to the pid it started must stop the service. `npm start` once left
// `node dist/main.js` listening: npm handed the signal to the sh between them, which died of it.
// Starting, serving and stopping a process on a busy 2-core machine takes a few seconds each.
jest.setTimeout(90_000);

/**
 * A copy of the project whose dist/ is this checkout's src/ as it is now, transpiled: the
 * commands run as documented (`node dist/main.js`, `npm start`) without building over the
 * checkout's own dist/, which other tests may be reading. Everything else is linked.
 */
function builtProject(): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'start-'));
  const { options } = ts.convertCompilerOptionsFromJson((JSON.parse(fs.readFileSync(path.join(projectRoot, 'tsconfig.json'), 'utf8')) as { compilerOptions: unknown }).compilerOptions, projectRoot);
  const src = path.join(projectRoot, 'src');
  for (const file of fs.readdirSync(src, { recursive: true, encoding: 'utf8' })) {
    if (!file.endsWith('.ts') || file.startsWith(path.join('web', 'page'))) continue;
    const { outputText } = ts.transpileModule(fs.readFileSync(path.join(src, file), 'utf8'), { compilerOptions: { ...options, noEmit: false }, fileName: file });
    const target = path.join(root, 'dist', file.replace(/\.ts$/, '.js'));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, outputText);
  }
  for (const name of ['rules', 'openapi.yaml', 'node_modules', 'src', 'package.json']) fs.symlinkSync(path.join(projectRoot, name), path.join(root, name));
  return root;
}

/** Runs a command in `cwd` until it says where it listens; resolves with its pid's exit and the port. */
function started(command: string, args: string[], cwd: string): Promise<{ pid: number; port: number; exit: Promise<{ code: number | null; signal: string | null }> }> {
  const child = spawn(command, args, {
    cwd,
    // A process group of its own, so that whatever it leaves behind can be ended (see afterEach).
    detached: true,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: path.join(cwd, 'data') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exit = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const port = /listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(out)?.[1];
      if (port) resolve({ pid: child.pid!, port: Number(port), exit });
    });
    child.on('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited ${code} before listening: ${out}`)));
    groups.push(child.pid!);
  });
}

/** The process groups the tests started; a service a signal failed to stop is still in its group. */
const groups: number[] = [];
afterEach(() => {
  for (const group of groups.splice(0)) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // The group is gone: everything in it stopped, as it should.
    }
  }
});

/** Whether anything accepts connections on the port. */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let project: string;
beforeAll(() => {
  project = builtProject();
});
// The copy's links point into the checkout: rmSync removes the links, not what they point to.
afterAll(() => fs.rmSync(project, { recursive: true, force: true }));

it('node dist/main.js, the documented production start, stops on one SIGTERM to its pid: exit 0, the port closed', async () => {
  const { pid, port, exit } = await started(process.execPath, ['dist/main.js'], project);
  expect(await listening(port)).toBe(true);
  process.kill(pid, 'SIGTERM');
  expect(await exit).toEqual({ code: 0, signal: null });
  expect(await listening(port)).toBe(false);
});

it('npm start hands one SIGTERM on to the service itself (its script execs node): exit 0, the port closed', async () => {
  const { pid, port, exit } = await started('npm', ['start', '--silent'], project);
  process.kill(pid, 'SIGTERM');
  // npm passes the signal to its script's process and ends as that did: with an sh in between,
  // sh died of the signal (so npm ended killed by it too) and node was left listening.
  expect(await exit).toEqual({ code: 0, signal: null });
  expect(await listening(port)).toBe(false);
});

it('the service handles SIGTERM by the time it says it listens, so a signal sent on that line stops it cleanly', async () => {
  // The line was once printed before the handlers were installed: a signal sent as soon as it
  // was read killed the process outright (signal SIGTERM, no graceful shutdown).
  for (let i = 0; i < 3; i++) {
    const { pid, exit } = await started(process.execPath, ['dist/main.js'], project);
    process.kill(pid, 'SIGTERM');
    expect(await exit).toEqual({ code: 0, signal: null });
  }
});
