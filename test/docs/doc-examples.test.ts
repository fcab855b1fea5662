import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import type { OpenAPIV3_1 } from 'openapi-types';
import { cli } from '../../src/cli/cli';
import { Contract } from '../../src/contract/contract';
import { KnowledgeBaseHolder } from '../../src/app/holder';
import { bundledRulesDir, projectRoot } from '../../src/paths';
import { recordDeadLetter, startDeliveringApi, type DeliveringApi } from '../support/delivering-api';
import { curlRequest, differenceFromShown, docExamples, documentationFiles, shellWords } from '../support/doc-examples';

// Every shell example in README.md and docs/ is run, and the JSON a page shows after it is
// compared with what it prints (as a whole, or the part the page shows), so that a page cannot
// drift from the service. curl commands go to the service in-process (the address in the URL is
// the one the quick start prints), `npx outlook-kb` runs the command line; the other commands a
// page shows must be ones this project has (see notRun).

const { document } = new Contract();
// The dead letter the delivery examples name: the one openapi.yaml's examples name.
const deliveryId = ((document.paths?.['/v1/deliveries/{id}']?.get?.parameters ?? []) as OpenAPIV3_1.ParameterObject[]).find((p) => p.name === 'id')!.example as string;

let delivering: DeliveringApi;
beforeAll(async () => {
  delivering = await startDeliveringApi({ app: { holder: new KnowledgeBaseHolder(bundledRulesDir) }, start: false });
  await recordDeadLetter(delivering.store.store.outbox, deliveryId);
});
afterAll(() => delivering.close());

const scripts = (JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;

/**
 * Why a command a page shows is not run here, or undefined if it must be run: the commands that
 * build, start or test the project itself are run by .ci/run and the process tests, and must
 * name a script package.json has.
 */
function notRun(words: string[]): string | undefined {
  const [program, first, second] = words;
  if (program === 'npm' && (first === 'ci' || first === 'install')) return 'installs the project';
  if (program === 'npm' && (first === 'start' || first === 'test')) return scripts[first] ? `package.json's ${first}` : undefined;
  if (program === 'npm' && first === 'run' && second !== undefined) return scripts[second] ? `package.json's ${second}` : undefined;
  if (program === 'node' && first?.startsWith('dist/')) return fs.existsSync(path.join(projectRoot, 'src', `${first.slice('dist/'.length, -'.js'.length)}.ts`)) ? 'the built service' : undefined;
  if (program === 'kill') return 'signals the running service';
  // The measuring scripts print figures of the machine they run on: run by hand, never compared.
  if (program === 'npx' && first === 'tsx' && second?.startsWith('scripts/')) return fs.existsSync(path.join(projectRoot, second)) ? 'a measuring script' : undefined;
  return undefined;
}

async function run(command: string): Promise<string> {
  const words = shellWords(command);
  if (words[0] === 'curl') {
    const request = curlRequest(words);
    const res = await delivering.api.request(request.method, request.url, { headers: request.headers, ...(request.body !== undefined ? { body: request.body } : {}) });
    return res.text;
  }
  if (words[0] === 'npx' && words[1] === 'outlook-kb') {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    await cli({ stdin: new PassThrough(), stdout, stderr: new PassThrough(), progress: false }).parseAsync(words.slice(2), { from: 'user' });
    return out;
  }
  // Chained commands (npm ci && npm start) are each checked.
  // Settings before a command (ANSWER_CACHE_MB=0 npx ...) are the environment it runs in.
  const parts = command.split('&&').map((part) => shellWords(part.trim()).filter((_word, i, all) => !all.slice(0, i + 1).every((w) => /^[A-Z_]+=/.test(w))));
  const refused = parts.find((part) => notRun(part) === undefined);
  if (refused) throw new Error(`a page shows a command this test can neither run nor account for: ${refused.join(' ')}`);
  return '';
}

const examples = documentationFiles(projectRoot).flatMap(docExamples);

it('finds the examples of README.md and docs/', () => {
  expect(examples.filter((e) => e.shown !== undefined).length).toBeGreaterThanOrEqual(4);
});

it.each(examples.map((e) => [`${path.relative(projectRoot, e.file)}:${e.line}`, e] as const))('%s runs and prints what the page shows', async (_where, example) => {
  let output = '';
  for (const command of example.commands) output = await run(command);
  if (example.shown !== undefined) {
    expect(differenceFromShown(JSON.parse(output) as unknown, example.shown)).toBeUndefined();
  }
});
