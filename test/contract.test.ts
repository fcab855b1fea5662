import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Contract } from '../src/api/contract';
import { ARTIFACTS } from '../src/artifacts/generate';
import { projectRoot } from '../src/paths';
import { assertConformant, TestApi } from './support/api';

describe('openapi.yaml', () => {
  it('is what src/api/types.gen.ts was generated from (run `npm run gen:types` after editing it)', () => {
    // openapi-typescript is ESM-only inside, so it runs as its own CLI rather than under jest.
    const cli = path.join(projectRoot, 'node_modules/openapi-typescript/bin/cli.js');
    const fresh = execFileSync(process.execPath, [cli, 'openapi.yaml'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const committed = fs.readFileSync(path.join(projectRoot, 'src/api/types.gen.ts'), 'utf8');
    expect(committed).toBe(fresh);
  });
});

describe('routes and contract', () => {
  it('every configuration file the service generates is described in openapi.yaml', () => {
    const paths = Object.keys(new Contract().document.paths ?? {});
    for (const name of ARTIFACTS) expect(paths).toContain(`/v1/artifacts/${name}`);
  });
});

describe('the 4xx answers openapi.yaml gives the open GET operations', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  // fetch sends no body with a GET, so this goes through node:http.
  function getWithBody(path: string, body: string): Promise<{ status: number; type: string; body: unknown }> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${api.baseUrl}${path}`, { method: 'GET', agent: false, headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode!, type: String(res.headers['content-type']).split(';')[0]!, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it.each([['/healthz'], ['/readyz'], ['/openapi.json']])('%s answers a malformed JSON body with the documented 400, and a body over the limit with the documented 413', async (path) => {
    const malformed = await getWithBody(path, '{');
    expect(malformed.status).toBe(400);
    assertConformant('GET', path, malformed.status, malformed.type, malformed.body);
    const large = await getWithBody(path, `"${'x'.repeat(200_000)}"`);
    expect(large.status).toBe(413);
    assertConformant('GET', path, large.status, large.type, large.body);
  });
});
