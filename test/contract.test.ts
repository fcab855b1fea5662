import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Contract } from '../src/contract/contract';
import { ARTIFACTS } from '../src/artifacts/generate';
import { projectRoot } from '../src/paths';

describe('openapi.yaml', () => {
  it('is what src/contract/types.gen.ts was generated from (run `npm run gen:types` after editing it)', () => {
    // openapi-typescript is ESM-only inside, so it runs as its own CLI rather than under jest.
    const cli = path.join(projectRoot, 'node_modules/openapi-typescript/bin/cli.js');
    const fresh = execFileSync(process.execPath, [cli, 'openapi.yaml'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const committed = fs.readFileSync(path.join(projectRoot, 'src/contract/types.gen.ts'), 'utf8');
    expect(committed).toBe(fresh);
  });
});

describe('routes and contract', () => {
  it('every configuration file the service generates is described in openapi.yaml', () => {
    const paths = Object.keys(new Contract().document.paths ?? {});
    for (const name of ARTIFACTS) expect(paths).toContain(`/v1/artifacts/${name}`);
  });
});
