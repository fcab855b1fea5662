import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's top, from dist/test/ of this package. */
const repository = fileURLToPath(new URL('../../../../', import.meta.url));

export interface LiveService {
  url: string;
  stop(): Promise<void>;
}

/**
 * The service as it runs in production: the repository's build (`npm run build` at the top),
 * `node dist/main.js`, on a free loopback port (PORT=0), with its SQLite store in a temporary
 * directory.
 */
export async function startService(env: Record<string, string> = {}): Promise<LiveService> {
  const main = path.join(repository, 'dist', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run npm run build at the top of the repository first`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-client-test-'));
  const { DATABASE_URL: _database, ...inherited } = process.env;
  const child = spawn(process.execPath, [main], {
    cwd: repository,
    env: { ...inherited, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the service did not start within 30 s:\n${output}`)), 30_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const found = /listening on (http:\/\/\S+)/.exec(output);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]!);
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the service exited (${code}) before listening:\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
