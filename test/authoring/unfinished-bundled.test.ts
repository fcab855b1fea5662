import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { bundledRulesDir, projectRoot } from '../../src/paths';

// While an author fills in a scaffolded article, the bundled rules do not load: the command line
// must still run validate (found adding KB180795 by docs/authoring.md, when it did not).
jest.mock('../../src/kb/load', () => ({
  ...jest.requireActual<object>('../../src/kb/load'),
  loadKnowledgeBase: (dir: string) => {
    throw new Error(`articles/KB100001.json at /url: not written yet (loading ${dir})`);
  },
}));

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { cli } = require('../../src/cli/cli') as typeof import('../../src/cli/cli');

describe('the command line while the bundled rules hold an unfinished article', () => {
  const io = () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (chunk) => (out += chunk));
    return { io: { stdin: new PassThrough(), stdout, stderr: new PassThrough(), progress: false }, out: () => out };
  };

  it('builds, and validate lists what is left to fill in', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'unfinished-'));
    const rules = path.join(root, 'rules');
    const scenarios = path.join(root, 'scenarios');
    fs.cpSync(bundledRulesDir, rules, { recursive: true });
    fs.cpSync(path.join(projectRoot, 'test', 'scenarios'), scenarios, { recursive: true });
    const dirs = ['--rules', rules, '--scenarios', scenarios];
    const fixture = path.join(projectRoot, 'test', 'fixtures', 'added-article', 'Q100001.txt');
    await cli(io().io).parseAsync(['new-article', 'KB100001', '--source', fixture, ...dirs], { from: 'user' });
    const run = io();
    await expect(cli(run.io).parseAsync(['validate', ...dirs], { from: 'user' })).rejects.toThrow(/lint errors/);
    expect(run.out()).toMatch(/^error: articles\/KB100001\.json at \/url: to fill in: /m);
  });
});
