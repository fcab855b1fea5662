import fs from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { cli } from '../../src/cli/cli';
import { projectRoot } from '../../src/paths';

// docs/authoring.md is what an author follows: every command it gives must exist as written.
describe('docs/authoring.md', () => {
  const doc = fs.readFileSync(path.join(projectRoot, 'docs', 'authoring.md'), 'utf8');
  const scripts = Object.keys((JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
  const commands = cli({ stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough(), progress: false }).commands.map((c) => c.name());

  it('names npm scripts package.json has', () => {
    const named = [...doc.matchAll(/npm run ([\w:-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(3);
    for (const name of named) expect({ name, known: scripts.includes(name) }).toEqual({ name, known: true });
  });

  it('names commands of the command line, in its order of work', () => {
    const named = [...doc.matchAll(/(?:npm run kb --|outlook-kb) ([a-z-]+)/g)].map((m) => m[1]!);
    expect(named).toEqual(expect.arrayContaining(['new-article', 'validate', 'coverage']));
    for (const name of named) expect({ name, known: commands.includes(name) }).toEqual({ name, known: true });
    expect(doc.indexOf('kb -- new-article')).toBeLessThan(doc.indexOf('kb -- validate'));
    expect(doc.indexOf('kb -- validate')).toBeLessThan(doc.indexOf('kb -- coverage'));
  });

  it('links files that exist', () => {
    for (const [, target] of doc.matchAll(/\]\((\.\.\/[^)#]+)\)/g)) expect({ target, exists: fs.existsSync(path.join(projectRoot, 'docs', target!)) }).toEqual({ target, exists: true });
  });
});
