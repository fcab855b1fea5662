// `npm test`: the checks (scripts/checks.ts: the type-check and the linters) and jest, side by
// side. jest waits on servers, browsers and processes for a third of its run; the checks, at a
// lower priority, fill those gaps instead of adding their own half-minute in front. jest prints
// as it goes; the checks' output is held and printed after it, so that the two do not interleave.
// Arguments go to jest (`npm test -- test/api.test.ts`). Exits non-zero if either fails.
import { spawn } from 'node:child_process';

const checks = spawn('nice', ['-n', '10', process.execPath, '--import', 'tsx', 'scripts/checks.ts'], { stdio: ['ignore', 'pipe', 'pipe'] });
let checksOutput = '';
checks.stdout.on('data', (chunk: Buffer) => (checksOutput += chunk.toString()));
checks.stderr.on('data', (chunk: Buffer) => (checksOutput += chunk.toString()));
const checksDone = new Promise<number>((resolve) => checks.on('exit', (code) => resolve(code ?? 1)));

const jest = spawn(process.execPath, [require.resolve('jest/bin/jest'), ...process.argv.slice(2)], { stdio: 'inherit' });
const jestDone = new Promise<number>((resolve) => jest.on('exit', (code) => resolve(code ?? 1)));

void (async () => {
  const jestCode = await jestDone;
  const checksCode = await checksDone;
  process.stdout.write(`\nChecks (type-check, ESLint, Prettier, knip): ${checksCode === 0 ? 'passed' : 'FAILED'}\n${checksOutput}`);
  process.exitCode = jestCode !== 0 || checksCode !== 0 ? 1 : 0;
})();
