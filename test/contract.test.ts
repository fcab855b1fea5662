import { expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import type { OpenAPIV3_1 } from 'openapi-types';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { Contract, operationsOf } from '../src/contract/contract';
import { artifactNames } from '../src/artifacts/generate';
import { bundledKnowledgeBase } from '../harness/knowledge-base';
import { projectRoot } from '../src/paths';
import { assertConformant, TestApi } from '../harness/api';

describe('openapi.yaml', () => {
  it('is what src/contract/types.gen.ts was generated from (run `npm run gen:types` after editing it)', () => {
    // openapi-typescript is ESM-only inside, so it runs as its own CLI rather than under jest.
    const cli = path.join(projectRoot, 'node_modules/openapi-typescript/bin/cli.js');
    const fresh = execFileSync(process.execPath, [cli, 'openapi.yaml'], { cwd: projectRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    const committed = fs.readFileSync(path.join(projectRoot, 'src/contract/types.gen.ts'), 'utf8');
    expect(committed).toBe(fresh);
  });
});

describe('field error pointers', () => {
  it('put query parameters at /query/<name>, which no request body can hold: no body has a top-level query property', () => {
    const contract = new Contract();
    type Schema = OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject | undefined;
    const resolve = (schema: Schema): Schema => (schema && '$ref' in schema ? contract.document.components?.schemas?.[schema.$ref.split('/').pop()!] : schema);
    const bodies = operationsOf(contract.document).flatMap(({ operation }) =>
      Object.values((operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined)?.content ?? {}).map((media) => resolve(media.schema)),
    );
    expect(bodies.length).toBeGreaterThan(5);
    for (const body of bodies) expect(Object.keys((body && !('$ref' in body) ? body.properties : undefined) ?? {})).not.toContain('query');
  });
});

describe('routes and contract', () => {
  it('every configuration file the service generates is described in openapi.yaml', () => {
    const paths = Object.keys(new Contract().document.paths ?? {});
    for (const name of artifactNames(bundledKnowledgeBase().kb)) expect(paths).toContain(`/v1/artifacts/${name}`);
  });
});

describe('the 4xx answers openapi.yaml gives for what any request can get wrong', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(() => api.close());

  // fetch sends no body with a GET, so this goes through node:http.
  function send(method: string, path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: unknown }> {
    return new Promise((resolve, reject) => {
      const all = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers };
      const req = http.request(`${api.baseUrl}${path}`, { method, agent: false, headers: all }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const type = String(res.headers['content-type']).split(';')[0]!;
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({ status: res.statusCode!, type, body: type.endsWith('json') ? JSON.parse(text) : text });
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  async function expectDocumented(method: string, path: string, status: number, body: string, headers?: Record<string, string>): Promise<unknown> {
    const answer = await send(method, path, body, headers);
    expect(answer.status).toBe(status);
    assertConformant(method, path, answer.status, answer.type, answer.body);
    return answer.body;
  }

  // A body is read only where the operation takes one: a GET's is left unread, however bad.
  const gets = operationsOf(new Contract().document).filter((o) => o.method === 'get');
  it.each(gets.map((o) => [o.path]))('GET %s answers a malformed or oversized body as it answers none', async (template) => {
    const path = template.replace(/\{[^}]+\}/g, 'KB291615');
    const none = await send('GET', path, '');
    expect(none.status).not.toBe(413);
    for (const body of ['{', `"${'x'.repeat(200_000)}"`]) {
      const answer = await expectDocumented('GET', path, none.status, body);
      // The metrics' text changes from one scrape to the next; the JSON answers do not.
      if (typeof none.body !== 'string') expect(answer).toEqual(none.body);
    }
  });

  it.each([['/admin/reload'], ['/v1/deliveries/x/retry']])('POST %s, which takes no body, does not read one', async (path) => {
    const none = await send('POST', path, '');
    const bad = await send('POST', path, '{', { 'content-type': 'text/plain' });
    expect([bad.status, bad.body]).toEqual([none.status, none.body]);
    expect(bad.status).not.toBe(400);
  });

  it.each(gets.map((o) => [o.path]))('GET %s refuses a query parameter it does not have with its documented 400', async (template) => {
    const path = `${template.replace(/\{[^}]+\}/g, 'KB291615')}?verbose=1`;
    expect(await expectDocumented('GET', path, 400, '')).toMatchObject({ code: 'invalid_request', errors: expect.arrayContaining([expect.objectContaining({ pointer: '/query/verbose' })]) });
  });

  it('POST /mcp answers what it cannot take with its documented 400, 406, 413 and 415', async () => {
    expect(await expectDocumented('POST', '/mcp', 400, '{')).toMatchObject({ code: 'malformed_json' });
    expect(await expectDocumented('POST', '/mcp', 400, '{"not": "JSON-RPC"}')).toMatchObject({ error: { code: -32700 } });
    const list = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(await expectDocumented('POST', '/mcp', 406, list, { accept: 'text/html' })).toMatchObject({ error: { code: -32000 } });
    await expectDocumented('POST', '/mcp', 413, `"${'x'.repeat(200_000)}"`);
    expect(await expectDocumented('POST', '/mcp', 415, list, { 'content-type': 'text/plain' })).toMatchObject({ error: { code: -32000 } });
  });
});
