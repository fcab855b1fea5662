// `npm test`'s first step: the type-check and the linters of `npm run lint`, side by side (one
// after the other they were a sixth of the run). Exits non-zero if any fails, after all have
// printed what they found.
import { spawn } from 'node:child_process';

const run = (command: string, args: string[]) =>
  new Promise<number>((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', shell: process.platform === 'win32' });
    child.on('exit', (code) => resolve(code ?? 1));
  });

// tsc keeps what it learned of each file (its build info, under node_modules/.cache) and checks
// again only what changed and what depends on it: a second run takes seconds, not a core's
// twenty. A fresh checkout (CI) has none, and checks everything.
const buildInfo = 'node_modules/.cache/outlook-kb/tsconfig.tsbuildinfo';

// ESLint takes the longest (a type-aware pass over every file); Prettier and knip, one after the
// other, take about as long as tsc: three lanes, what `npm run lint` runs plus the type-check.
const lanes: [string, string[]][][] = [
  [['npx', ['tsc', '-p', 'tsconfig.json', '--incremental', '--tsBuildInfoFile', buildInfo]]],
  [['npx', ['eslint', 'src', 'harness', 'scripts', 'test']]],
  [
    // Prettier keeps, per file, what it found for that content, these options and this version:
    // it reads again only the files that changed, with nothing to go stale.
    ['npx', ['prettier', '--check', '--cache', '--cache-location', 'node_modules/.cache/outlook-kb/prettier', '.']],
    ['npx', ['knip']],
  ],
];
const lane = async (steps: [string, string[]][]) => {
  for (const [command, args] of steps) if ((await run(command, args)) !== 0) return 1;
  return 0;
};

void Promise.all(lanes.map(lane)).then((codes) => {
  process.exitCode = codes.some((code) => code !== 0) ? 1 : 0;
});
