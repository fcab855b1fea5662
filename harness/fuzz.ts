import fc from 'fast-check';
import { assertConformant } from './api';
import { bundledKnowledgeBase } from './knowledge-base';

export interface FuzzReport {
  requests: number;
  byStatus: Record<string, number>;
  /** Responses with status 500 or more. */
  serverErrors: string[];
  /** Responses that do not match openapi.yaml (an error that is not a valid problem, say). */
  nonConformant: string[];
  /** The probe request answered the same, byte for byte, before and after. */
  probeUnchanged: boolean;
}

interface FuzzRequest {
  method: string;
  path: string;
  contentType?: string | undefined;
  body?: string;
}

const PROBE = { clientKind: 'outlook', natMode: 'many-to-one', firewallPlatform: 'windows-nt', symptoms: ['cannot-connect'] };

/** Generated requests, valid and malformed, over every route of the service. */
function requests(): fc.Arbitrary<FuzzRequest> {
  const { vocabulary } = bundledKnowledgeBase().kb;
  const names = vocabulary.names;
  const allowed = vocabulary.facts.flatMap((f) => f.values?.map((v) => v.value) ?? []);
  const oddStrings = fc.oneof(fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-composite' }), fc.constantFrom('\u0000', '\ud800', '\u202e', '𝕆𝕦𝕥𝕝𝕠𝕠𝕜', 'x'.repeat(300_000)));
  const value = fc.oneof(
    fc.constantFrom(...allowed),
    oddStrings,
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.array(fc.oneof(fc.constantFrom(...allowed), fc.string())),
    fc.object(),
  );
  const factName = fc.oneof(fc.constantFrom(...names), fc.string(), fc.constantFrom('__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype'));
  const validFacts = fc.record(
    Object.fromEntries(
      vocabulary.facts
        .filter((f) => f.values)
        .map((f) => [f.name, f.type === 'string-list' ? fc.subarray(f.values!.map((v) => v.value as string)) : fc.constantFrom(...f.values!.map((v) => v.value), null)]),
    ),
    { requiredKeys: [] },
  );
  const json = fc.oneof(
    validFacts.map((facts) => JSON.stringify({ facts })),
    fc.dictionary(factName, value).map((facts) => JSON.stringify({ facts })),
    fc.record({ ticket: fc.record({ id: fc.string(), subject: oddStrings, body: oddStrings, facts: fc.dictionary(factName, value) }, { requiredKeys: [] }) }).map((b) => JSON.stringify(b)),
    fc.array(fc.record({ id: fc.string(), body: fc.string() }), { maxLength: 120 }).map((tickets) => JSON.stringify({ tickets })),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.integer({ min: 10, max: 20_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.integer({ min: 10, max: 5_000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
    fc.constantFrom(
      '{"facts": {',
      '{"facts": {"port135Reachable": 1e999999}}',
      '{"facts": {"clientKind": "outlook",}}',
      'null',
      '"',
      '',
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"diagnose","arguments":{"facts":{"natMode":"pat"}}}}',
    ),
    fc.string({ unit: 'binary' }),
  );
  const path = fc.constantFrom(
    '/v1/diagnose',
    '/v1/diagnose?include=candidates',
    '/v1/diagnose?include=%00',
    '/v1/annotate',
    '/v1/annotate/batch',
    '/v1/facts',
    '/v1/articles',
    '/v1/articles/KB291615',
    '/v1/articles/%E2%80%AE',
    '/v1/articles/..%2F..%2Fetc',
    '/v1/webhooks/zendesk',
    '/v1/webhooks/jira',
    '/v1/webhooks/servicenow',
    '/v1/artifacts/exchange-static-ports.reg?directoryPort=5001&storePort=99999999999',
    '/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001&tcpExchangePort=6002',
    '/mcp',
    '/healthz',
    '/readyz',
    '/openapi.json',
    '/admin/reload',
    '/nope',
    '/v1/diagnose/../facts',
  );
  // Mostly the methods the routes have, so that most requests reach them; the rest test 405.
  const method = fc.oneof(
    { arbitrary: fc.constant('POST'), weight: 6 },
    { arbitrary: fc.constant('GET'), weight: 3 },
    { arbitrary: fc.constantFrom('PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'), weight: 1 },
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-16',
    'text/plain',
    'application/x-ndjson',
    'application/x-www-form-urlencoded',
    'multipart/form-data',
    undefined,
  );
  return fc.record({ method, path, contentType, body: json }).map((r) => (r.method === 'GET' || r.method === 'HEAD' ? { method: r.method, path: r.path } : r));
}

/**
 * Sends `runs` generated requests to a running service and checks each answer: never a 5xx,
 * every response as openapi.yaml describes it (so every error a valid problem), and the same
 * probe request answered byte for byte the same before and after.
 */
export async function fuzz(baseUrl: string, runs: number, seed: number): Promise<FuzzReport> {
  const probe = async () => (await fetch(`${baseUrl}/v1/diagnose`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ facts: PROBE }) })).text();
  const before = await probe();
  const report: FuzzReport = { requests: 0, byStatus: {}, serverErrors: [], nonConformant: [], probeUnchanged: false };
  const samples = fc.sample(requests(), { numRuns: runs, seed });
  for (const request of samples) {
    const res = await fetch(`${baseUrl}${request.path}`, {
      method: request.method,
      headers: { ...(request.contentType ? { 'content-type': request.contentType } : {}), accept: 'application/json, text/event-stream' },
      ...(request.body !== undefined ? { body: request.body } : {}),
    });
    const text = await res.text();
    report.requests += 1;
    report.byStatus[res.status] = (report.byStatus[res.status] ?? 0) + 1;
    const what = `${request.method} ${request.path} (${request.contentType ?? 'no type'}, ${request.body?.length ?? 0} chars) -> ${res.status}`;
    if (res.status >= 500) report.serverErrors.push(`${what}: ${text.slice(0, 200)}`);
    const mediaType = (res.headers.get('content-type') ?? '').split(';')[0]!;
    // /mcp answers JSON-RPC, which openapi.yaml leaves to the protocol; HEAD has no body to check.
    if (request.path === '/mcp' || request.method === 'HEAD' || request.method === 'OPTIONS') continue;
    try {
      const body: unknown = mediaType.endsWith('json') && mediaType !== 'application/x-ndjson' ? JSON.parse(text) : text;
      // fetch resolves dot segments (/v1/diagnose/../facts is /v1/facts): check the path it sent.
      const sent = new URL(request.path, baseUrl);
      if (mediaType !== 'application/x-ndjson') assertConformant(request.method, `${sent.pathname}${sent.search}`, res.status, mediaType, body);
    } catch (error) {
      report.nonConformant.push(`${what}: ${(error as Error).message.slice(0, 300)}`);
    }
  }
  report.probeUnchanged = (await probe()) === before;
  return report;
}
