import http from 'node:http';
import { expect } from '@jest/globals';
import type { OpenAPIV3_1 } from 'openapi-types';
import { TestApi, type Schemas } from '../harness/api';

type ArticleList = Schemas['ArticleList'];
type ArticleResponse = Schemas['ArticleResponse'];
type DiagnoseResponse = Schemas['DiagnoseResponse'];
type FactList = Schemas['FactList'];
type Health = Schemas['Health'];
type Problem = Schemas['Problem'];

/** A POST with these headers and nothing else: fetch always adds Content-Length. */
function rawPost(url: string, headers: Record<string, string>): Promise<{ status: number; body: Problem }> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text) as Problem }));
    });
    req.on('error', reject);
    req.end();
  });
}

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start({ bodyLimit: '2kb' });
});
afterAll(() => api.close());

import { bundledKnowledgeBase } from '../harness/knowledge-base';

const natFacts = { clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', firewallPlatform: 'windows-nt', symptoms: ['cannot-connect'] };
/** natFacts but one. */
const natFactsWithout = (name: keyof typeof natFacts) => Object.fromEntries(Object.entries(natFacts).filter(([key]) => key !== name));
const articleIds = () => bundledKnowledgeBase().kb.articles.map((a) => a.id);

describe('POST /v1/diagnose', () => {
  it('when the facts fit an article, then it returns the diagnosis with cause, workarounds, evidence and article', async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: natFacts });
    expect(res.status).toBe(200);
    expect(res.body.diagnoses.map((d) => d.id)).toEqual(['KB291615.nat-loses-rpc-information']);
    const diagnosis = res.body.diagnoses[0]!;
    expect(diagnosis.article).toEqual({ id: 'KB291615', title: expect.stringContaining('NAT'), url: expect.stringMatching(/^https:/) });
    expect(diagnosis.cause.text).toContain('lose the RPC connectivity information');
    const workarounds = Object.fromEntries(diagnosis.workarounds.map((w) => [w.id, w]));
    expect(workarounds['KB291615.one-to-one-translation']).toMatchObject({
      applicable: false,
      reason: expect.stringContaining('end-point mapper'),
    });
    expect(workarounds['KB291615.outlook-web-access']?.applicable).toBe(true);
    expect(diagnosis.evidence).toContainEqual({
      fact: 'natMode',
      operator: 'in',
      expected: ['many-to-one', 'port-forwarding'],
      observed: 'many-to-one',
      result: true,
      source: expect.objectContaining({ section: 'Symptoms' }),
      derived: expect.any(String),
    });
    // The scope: the article names no versions of Outlook; the later Exchange documents bound it.
    expect(diagnosis.scope.status).toBe('in-scope');
    expect(diagnosis.scope.appliesTo).toContainEqual({
      product: 'Microsoft Outlook',
      fact: 'outlookVersion',
      note: expect.stringMatching(/names no versions/),
      source: expect.objectContaining({ revisions: ['2024-01-24'] }),
    });
    expect(diagnosis.scope.evidence).toContainEqual(
      expect.objectContaining({ fact: 'exchangeVersion', observed: '2003', result: true, source: expect.objectContaining({ article: 'EXCH2013-outlook-anywhere' }) }),
    );
    // KB148732's conditions hold too, but it speaks for Exchange 4.0-5.5 only: shown as such, not confirmed.
    expect(res.body.outOfScope.map((d) => [d.id, d.reasons.map((e) => e.fact)])).toEqual([['KB148732.firewall-rejects-rpc-ports', ['exchangeVersion']]]);
    expect(res.body.conflicts).toEqual([]);
    expect(res.body.kb.revision).toMatch(/^[0-9a-f]{12}$/);
  });

  it('when the versions are outside what the articles speak for, then the closest are out of scope, citing why, and none is confirmed', async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { ...natFacts, exchangeVersion: '2019', outlookVersion: '2016' } });
    expect(res.status).toBe(200);
    expect(res.body.diagnoses).toEqual([]);
    const kb291615 = res.body.outOfScope.find((d) => d.id === 'KB291615.nat-loses-rpc-information');
    expect(kb291615).toMatchObject({ status: 'out-of-scope', conditions: 'hold', scope: { status: 'out-of-scope' } });
    expect(kb291615?.reasons).toEqual([expect.objectContaining({ fact: 'exchangeVersion', observed: '2019', result: false, source: expect.objectContaining({ article: 'EXCH2016-mapi-over-http' }) })]);
  });

  it('when the Exchange version is not given, then it is asked, not assumed', async () => {
    const partial = natFactsWithout('exchangeVersion');
    const res = await api.post<DiagnoseResponse>('/v1/diagnose?include=candidates', { facts: partial });
    expect(res.body.diagnoses).toEqual([]);
    expect(res.body.candidates?.find((c) => c.id === 'KB291615.nat-loses-rpc-information')).toMatchObject({ status: 'undetermined', missingFacts: ['exchangeVersion'] });
    expect(res.body.questions[0]?.fact).toBe('exchangeVersion');
  });

  it("when the article calls the cause likely and nothing confirms it, then the diagnosis is likely, with the article's words", async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', {
      facts: { clientKind: 'activesync-device', exchangeVersion: '2003', natMode: 'port-forwarding', publicAddressAssignment: 'static', symptoms: ['sync-fails'] },
    });
    expect(res.body.diagnoses).toEqual([
      expect.objectContaining({ id: 'TIP-EAS-NAT.certificate-mismatch-through-nat', status: 'likely', likely: expect.objectContaining({ source: expect.objectContaining({ paragraph: 8 }) }) }),
    ]);
  });

  it('when a stated fact and a derivation disagree, then the stated fact is used and the conflict is in the answer', async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { ...natFacts, natMode: 'none', clientAddress: '203.0.113.8', serverAddress: '192.168.1.20' } });
    expect(res.status).toBe(200);
    expect(res.body.facts.derived.addressTranslation).toBe(false);
    expect(res.body.conflicts).toEqual([expect.objectContaining({ fact: 'addressTranslation', value: false, decidedBy: { natMode: 'none' }, ignored: expect.objectContaining({ value: true }) })]);
    expect(res.body.diagnoses).toEqual([]);
  });

  it('when no diagnosis holds, then it answers 200 with an empty list', async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook', natMode: 'none' } });
    expect(res.status).toBe(200);
    expect(res.body.diagnoses).toEqual([]);
  });

  it('when a fact a diagnosis needs is missing, then that diagnosis is not reported', async () => {
    const partial = natFactsWithout('natMode');
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: partial });
    expect(res.body.diagnoses).toEqual([]);
  });

  it('when an IP address is given, then its address space is derived and used by the rules', async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', {
      facts: {
        clientKind: 'activesync-device',
        exchangeVersion: '2003',
        serverAddress: '10.0.0.25',
        clientAddress: '2a00:1450:4001:82b::200e',
        publicAddressAssignment: 'static',
        symptoms: ['certificate-warning'],
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.facts.derived).toEqual({ clientAddressSpace: 'public', serverAddressSpace: 'private', addressTranslation: true });
    expect(res.body.facts.derivations.addressTranslation).toMatchObject({ value: true, from: { clientAddressSpace: 'public', serverAddressSpace: 'private' } });
    expect(res.body.diagnoses.map((d) => d.id)).toEqual(['TIP-EAS-NAT.certificate-mismatch-through-nat']);
    expect(res.body.diagnoses[0]?.evidence).toContainEqual(
      expect.objectContaining({ fact: 'serverAddressSpace', observed: 'private', result: true, standsFor: 'natMode', derived: expect.any(String) }),
    );
  });

  it('when the same facts are sent again, in another key order, then the answer is byte-identical', async () => {
    const first = await api.post('/v1/diagnose', { facts: natFacts });
    const reordered = Object.fromEntries(Object.entries(natFacts).reverse());
    const second = await api.post('/v1/diagnose', { facts: reordered });
    expect(second.text).toBe(first.text);
  });
});

describe('POST /v1/diagnose with bad input', () => {
  it('when a fact name is unknown, then 400 unknown_fact names it and lists the known facts', async () => {
    const res = await api.post<Problem>('/v1/diagnose', { facts: { clientKind: 'outlook', natType: 'pat' } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('unknown_fact');
    expect(res.body.errors).toEqual([{ pointer: '/facts/natType', detail: 'unknown fact "natType"', allowed: expect.arrayContaining(['natMode', 'clientKind', 'symptoms']) }]);
  });

  it('when a value is outside the fact set, then 400 invalid_fact_value lists the allowed values', async () => {
    const res = await api.post<Problem>('/v1/diagnose', { facts: { natMode: 'pat' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_fact_value');
    expect(res.body.errors).toEqual([{ pointer: '/facts/natMode', detail: expect.stringContaining('"pat"'), allowed: ['none', 'one-to-one', 'many-to-one', 'port-forwarding'] }]);
  });

  it.each([
    ['a boolean fact sent as a string', { port135Reachable: 'no' }, '/facts/port135Reachable'],
    ['a list fact sent as a string', { symptoms: 'cannot-connect' }, '/facts/symptoms'],
    ['a list with an unknown value', { symptoms: ['cannot-connect', 'slow'] }, '/facts/symptoms'],
    ['an address that is not an IP address', { clientAddress: 'mail.example.com' }, '/facts/clientAddress'],
  ])('when %s, then 400 names the field', async (_case, facts, pointer) => {
    const res = await api.post<Problem>('/v1/diagnose', { facts });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_fact_value');
    expect(res.body.errors?.map((e) => e.pointer)).toEqual([pointer]);
  });

  it('when several facts are wrong, then every one is reported', async () => {
    const res = await api.post<Problem>('/v1/diagnose', { facts: { clientKind: 'thunderbird', natType: 'x', natMode: 'pat' } });
    expect(res.body.errors?.map((e) => e.pointer)).toEqual(['/facts/clientKind', '/facts/natType', '/facts/natMode']);
  });

  it('when more fields are wrong than a problem lists, then it lists 50 and counts the rest, in errorsOmitted and the detail', async () => {
    const res = await api.post<Problem>('/v1/diagnose', { facts: Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`f${i}`, 'x'])) });
    expect(res.status).toBe(400);
    expect(res.body.errors).toHaveLength(50);
    expect(res.body.errorsOmitted).toBeGreaterThan(0);
    expect(res.body.detail).toMatch(new RegExp(`; and ${res.body.errorsOmitted!} more$`));
  });

  it('when a derived fact contradicts the address it derives from, then 400 conflicting_facts', async () => {
    const res = await api.post<Problem>('/v1/diagnose', { facts: { serverAddress: '192.168.1.4', serverAddressSpace: 'public' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('conflicting_facts');
    expect(res.body.errors?.[0]?.pointer).toBe('/facts/serverAddressSpace');
  });

  it.each([
    ['facts missing', {}, '/facts', 'is required'],
    ['an extra top-level field', { facts: {}, debug: true }, '/debug', 'is not allowed here'],
    ['facts not an object', { facts: ['outlook'] }, '/facts', 'must be object'],
  ])('when %s, then 400 invalid_request points at it', async (_case, body, pointer, detail) => {
    const res = await api.post<Problem>('/v1/diagnose', body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.errors).toContainEqual({ pointer, detail });
  });

  it('when the JSON is malformed, then 400 malformed_json', async () => {
    const res = await api.request<Problem>('POST', '/v1/diagnose', { body: '{"facts": {', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('malformed_json');
  });

  it.each([['text/plain'], ['application/x-www-form-urlencoded']])('when the content type is %s, then 415', async (type) => {
    const res = await api.request<Problem>('POST', '/v1/diagnose', { body: 'facts=1', headers: { 'content-type': type } });
    expect(res.status).toBe(415);
    expect(res.body.code).toBe('unsupported_media_type');
  });

  it.each([
    ['no body at all', {}],
    ['a body of zero bytes', { body: '' }],
  ])('when application/json comes with %s, then 400 says the body is empty, not that it is not JSON', async (_case, body) => {
    const res = await api.request<Problem>('POST', '/v1/diagnose', { ...body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_request', detail: 'The request body is empty: send a DiagnoseRequest as application/json.' });
    expect(res.body.errors).toEqual([{ pointer: '/', detail: 'is empty; send a DiagnoseRequest as application/json' }]);
  });

  it('when a request has no Content-Length and no body, then 400 says the body is empty', async () => {
    const { status, body } = await rawPost(`${api.baseUrl}/v1/diagnose`, { 'content-type': 'application/json' });
    expect(status).toBe(400);
    expect(body.detail).toMatch(/^The request body is empty/);
  });

  it('when a JSON batch comes without a body, then 400 says the body is empty and what to send', async () => {
    const res = await api.request<Problem>('POST', '/v1/annotate/batch', { body: '', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.detail).toMatch(/^The request body is empty: send \{"tickets": \[\.\.\.\]\}/);
  });

  it('when the body is over the limit, then 413 payload_too_large', async () => {
    const res = await api.post<Problem>('/v1/diagnose', { facts: { clientKind: 'x'.repeat(4096) } });
    expect(res.status).toBe(413);
    expect(res.body.code).toBe('payload_too_large');
  });

  it('when facts are named __proto__, constructor or toString, then they are unknown facts and nothing is polluted', async () => {
    const res = await api.request<Problem>('POST', '/v1/diagnose', {
      body: '{"facts": {"__proto__": "outlook", "constructor": "x", "toString": "y"}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('unknown_fact');
    expect(res.body.errors?.map((e) => e.pointer)).toEqual(['/facts/__proto__', '/facts/constructor', '/facts/toString']);
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>)['clientKind']).toBeUndefined();
  });

  it('when an unknown fact (e.g. nested __proto__) has an object for its value, then 400 unknown_fact names it, and nothing is polluted', async () => {
    const res = await api.request<Problem>('POST', '/v1/diagnose', {
      body: '{"facts": {"__proto__": {"polluted": true}}}',
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('unknown_fact');
    expect(res.body.errors).toEqual([{ pointer: '/facts/__proto__', detail: 'unknown fact "__proto__"', allowed: expect.arrayContaining(['natMode']) }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it.each([
    ['a number for a string fact', { outlookVersion: 2003 }, '/facts/outlookVersion', 'outlookVersion must be one of the allowed values, not 2003 (a number; it takes a string: send "2003")'],
    ['an object for a string fact', { natMode: { kind: 'pat' } }, '/facts/natMode', 'natMode must be one of the allowed values, not {"kind":"pat"} (an object; it takes a string)'],
    [
      'a string for a boolean fact',
      { port135Reachable: 'true' },
      '/facts/port135Reachable',
      'port135Reachable must be one of the allowed values, not "true" (a string; it takes true or false: send true)',
    ],
    ['a number in a list fact', { symptoms: ['cannot-connect', 7] }, '/facts/symptoms', 'symptoms has values it does not allow: 7'],
    ['a number for an address', { clientAddress: 10 }, '/facts/clientAddress', expect.stringMatching(/: 10 is a number, not a string$/)],
  ])('when a fact has a value of the wrong JSON type (%s), then 400 invalid_fact_value names the fact and its allowed values', async (_case, facts, pointer, detail) => {
    const res = await api.post<Problem>('/v1/diagnose', { facts });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_fact_value');
    expect(res.body.errors).toEqual([{ pointer, detail, ...(pointer === '/facts/clientAddress' ? {} : { allowed: expect.any(Array) }) }]);
  });

  it('when a number is sent for outlookVersion, then the allowed values are listed', async () => {
    const res = await api.post<Problem>('/v1/diagnose', { facts: { outlookVersion: 2003 } });
    expect(res.body.errors?.[0]?.allowed).toEqual(['97', '98', '2000', '2002', '2003', '2007', '2010', '2013', '2016', '2019', '2021', '365']);
  });

  it('when a request has a schema error and vocabulary errors, then one 400 lists them all', async () => {
    const res = await api.post<Problem>('/v1/diagnose', { facts: { outlookVersion: 2003, natMode: 'pat', symptoms: Array(40).fill('cannot-connect') }, debug: true });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.errors?.map((e) => e.pointer)).toEqual(['/debug', '/facts/symptoms', '/facts/outlookVersion', '/facts/natMode']);
    expect(res.body.errors?.[2]).toMatchObject({ detail: expect.stringContaining('send "2003"'), allowed: expect.arrayContaining(['2003']) });
    expect(res.body.detail).toMatch(/^The request body does not match DiagnoseRequest: \/debug is not allowed here; \/facts\/symptoms must NOT have more than 32 items; \/facts\/outlookVersion/);
  });
});

describe('knowledge-base routes', () => {
  it('GET /v1/facts lists the public vocabulary with values, labels and questions', async () => {
    const res = await api.get<FactList>('/v1/facts');
    expect(res.status).toBe(200);
    const names = res.body.facts.map((f) => f.name);
    for (const name of [
      'clientKind',
      'outlookVersion',
      'exchangeVersion',
      'firewallPlatform',
      'natMode',
      'clientAddress',
      'serverAddress',
      'clientAddressSpace',
      'serverAddressSpace',
      'publicAddressAssignment',
      'port135Reachable',
      'symptoms',
    ]) {
      expect(names).toContain(name);
    }
    const natMode = res.body.facts.find((f) => f.name === 'natMode');
    expect(natMode?.values?.map((v) => v.value)).toEqual(['none', 'one-to-one', 'many-to-one', 'port-forwarding']);
    expect(natMode?.question).toMatch(/\?$/);
  });

  it('GET /v1/articles lists the articles by id with their diagnoses', async () => {
    const res = await api.get<ArticleList>('/v1/articles');
    expect(res.status).toBe(200);
    expect(res.body.articles.map((a) => a.id)).toEqual(articleIds());
    const kb291615 = res.body.articles.find((a) => a.id === 'KB291615');
    expect(kb291615?.revisions).toEqual([
      { id: '2.1', date: '2007-01-31' },
      { id: '2024-01-24', date: '2024-01-24' },
    ]);
  });

  it('GET /v1/articles/KB291615 gives both revisions and where their wording differs', async () => {
    const res = await api.get<ArticleResponse>('/v1/articles/KB291615');
    expect(res.status).toBe(200);
    expect(res.body.article.wordingDifferences).toContainEqual(expect.objectContaining({ byRevision: { '2.1': 'Outlook Web Access', '2024-01-24': 'Outlook Web App' } }));
    expect(res.body.article.references.map((r) => r.id)).toEqual(expect.arrayContaining(['RFC 1631', 'RFC 1918', 'KB238390', 'KB238954']));
  });

  it.each([['kb291615'], ['Kb291615'], ['tip-eas-nat']])('GET /v1/articles/%s finds the article in any case and answers with its id as listed', async (asked) => {
    const res = await api.get<ArticleResponse>(`/v1/articles/${asked}`);
    expect(res.status).toBe(200);
    expect(res.body.article.id).toBe(asked.toUpperCase());
  });

  it.each([
    ['KB29165', 'KB291615'],
    ['291615', 'KB291615'],
    ['TIP-EAS-NT', 'TIP-EAS-NAT'],
  ])('GET /v1/articles/%s, an id it does not have, is a 404 saying the closest one', async (asked, closest) => {
    const res = await api.get<Problem>(`/v1/articles/${asked}`);
    expect(res.status).toBe(404);
    expect(res.body.detail).toMatch(new RegExp(`^No article "${asked}"; did you mean ${closest}\\? The knowledge base has: KB148732, `));
  });

  it('GET /v1/articles/{id} for an unknown article is a 404 problem naming the known ones', async () => {
    const res = await api.get<Problem>('/v1/articles/KB000001');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
    expect(res.body.detail).toMatch(/^No article "KB000001"\. The knowledge base has: .*KB291615/);
  });
});

describe('other routes', () => {
  it('GET /healthz reports the knowledge base being served', async () => {
    const res = await api.get<Health>('/healthz');
    expect(res.body).toEqual({ status: 'ok', kb: { revision: expect.any(String), articles: articleIds().length } });
  });

  it('GET /openapi.json serves the contract', async () => {
    const res = await api.get<OpenAPIV3_1.Document>('/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    expect(Object.keys(res.body.paths ?? {})).toContain('/v1/diagnose');
  });

  it('an unknown route is a 404 problem', async () => {
    const res = await api.get<Problem>('/v2/diagnose');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });

  it('a known route with another method is a 405 problem with Allow', async () => {
    const res = await api.get<Problem>('/v1/diagnose');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(res.body.code).toBe('method_not_allowed');
  });
});

describe('POST /v1/diagnose with JSON that is not an object', () => {
  it.each([['null'], ['"outlook"'], ['[1]']])('when the body is %s, then 400 invalid_request says it must be an object', async (body) => {
    const res = await api.request<Problem>('POST', '/v1/diagnose', { body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.errors).toContainEqual({ pointer: '/', detail: 'must be object' });
  });
});
