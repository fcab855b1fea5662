import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { builtProject } from './support/built-project';

// The documented ways to start the service, run as a process manager or a container runtime runs
// them: one SIGTERM to the pid it started must stop the service. `npm start` once left
// `node dist/main.js` listening: npm handed the signal to the sh between them, which died of it.
// Starting, serving and stopping a process on a busy 2-core machine takes a few seconds each.
jest.setTimeout(90_000);

/** Runs a command in `cwd` until it says where it listens; resolves with its pid's exit and the port. */
function started(command: string, args: string[], cwd: string): Promise<{ pid: number; port: number; exit: Promise<{ code: number | null; signal: string | null }> }> {
  const child = spawn(command, args, {
    cwd,
    // A process group of its own, so that whatever it leaves behind can be ended (see afterEach).
    detached: true,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'start-data-')) },
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

// The project built from the sources under test, for the run (see built-project.ts).
const project = builtProject();

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
