import { expect } from '@jest/globals';
import type { OpenAPIV3_1 } from 'openapi-types';
import { Contract, operationsOf } from '../src/contract/contract';
import { bundledRulesDir } from '../src/paths';
import { KnowledgeBaseHolder } from '../src/app/holder';
import type { TestApi } from '../harness/api';
import { member } from '../harness/member';
import { recordDeadLetter, startDeliveringApi, type DeliveringApi } from './support/delivering-api';
import { logged, type Decision } from '../src/decisions/decision';
import { batchTallies } from '../src/decisions/tallies';

// Every operation of openapi.yaml, sent exactly as its examples give it (what "Try it out" in
// the API reference sends), must succeed. The service runs with an admin key so that the admin
// operation is on too.
const KEY = 'example-key';
const { document } = new Contract();
const operations = operationsOf(document);

let api: TestApi;
let delivering: DeliveringApi;
beforeAll(async () => {
  // A store holding a dead letter under the id the delivery operations' examples name.
  delivering = await startDeliveringApi({ app: { holder: new KnowledgeBaseHolder(bundledRulesDir), adminApiKeys: [KEY] }, start: false, decisions: true });
  const decisions = delivering.decisions!;
  api = delivering.api;
  const id = ((document.paths?.['/v1/deliveries/{id}']?.get?.parameters ?? []) as OpenAPIV3_1.ParameterObject[]).find((p) => p.name === 'id')!.example as string;
  await recordDeadLetter(delivering.store.store.outbox, id);
  // A decision under the id the decision operations' examples name, with the diagnosis and workaround their outcomes name.
  const decisionId = ((document.paths?.['/v1/decisions/{id}']?.get?.parameters ?? []) as OpenAPIV3_1.ParameterObject[]).find((p) => p.name === 'id')!.example as string;
  const decision: Decision = {
    id: decisionId,
    at: Date.parse('2026-11-15T10:00:00Z'),
    kind: 'diagnose',
    kbRevision: '4b75f7142426',
    facts: { natMode: { value: 'many-to-one', source: 'stated' } },
    unknown: [],
    diagnoses: [{ id: 'KB291615.nat-loses-rpc-information', article: 'KB291615', status: 'confirmed', workarounds: [{ id: 'KB291615.one-to-one-translation', applicable: true }] }],
    questions: [],
  };
  await decisions.log.record([logged(decision)], batchTallies([logged(decision)]));
});
afterAll(() => delivering.close());

/** A path or query parameter's example, as a URL carries it; undefined when it has none. */
function exampleOf(parameter: OpenAPIV3_1.ParameterObject): string | number | boolean | undefined {
  const example: unknown = parameter.example ?? Object.values(parameter.examples ?? {})[0]?.valueOf();
  if (example === undefined || typeof example === 'string' || typeof example === 'number' || typeof example === 'boolean') return example;
  throw new Error(`the example of parameter ${parameter.name} is not a value a URL can carry: ${JSON.stringify(example)}`);
}

describe('the examples in openapi.yaml', () => {
  it('cover every operation', () => {
    expect(operations.length).toBeGreaterThanOrEqual(18);
  });

  it.each(operations.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o] as const))('%s succeeds as its examples give it', async (_name, { path: template, method, operation }) => {
    const parameters = (operation.parameters ?? []) as OpenAPIV3_1.ParameterObject[];
    // A required parameter without an example would leave "Try it out" with a blank to fill.
    for (const parameter of parameters.filter((p) => p.required))
      expect({ parameter: parameter.name, example: exampleOf(parameter) }).toEqual({ parameter: parameter.name, example: expect.anything() });
    let path = template;
    const query = new URLSearchParams();
    for (const parameter of parameters) {
      const example = exampleOf(parameter);
      if (example === undefined) continue;
      if (parameter.in === 'path') path = path.replace(`{${parameter.name}}`, encodeURIComponent(String(example)));
      if (parameter.in === 'query') query.set(parameter.name, String(example));
    }
    const body = operation.requestBody as OpenAPIV3_1.RequestBodyObject | undefined;
    const examples = Object.values(body?.content['application/json']?.examples ?? {}) as OpenAPIV3_1.ExampleObject[];
    if (body) expect(examples.length).toBeGreaterThan(0);
    for (const example of body ? examples : [undefined]) {
      const url = query.size ? `${path}?${query}` : path;
      const res = await api.request(method.toUpperCase(), url, {
        headers: { 'x-api-key': KEY, accept: 'application/json' },
        ...(example ? { json: example.value } : {}),
      });
      // The URL and the answer in the failure message, to see which example broke and why.
      expect({ url, succeeded: res.status >= 200 && res.status < 300, answer: res.status < 300 ? '' : res.text }).toEqual({ url, succeeded: true, answer: '' });
      // A JSON-RPC answer carries its failure inside a 200.
      if (template === '/mcp') expect(member(res.body, 'error')).toBeUndefined();
    }
  });
});
