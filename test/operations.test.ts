import { expect } from '@jest/globals';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '../src/observability/logging';
import { Metrics } from '../src/observability/metrics';
import { bundledRulesDir } from '../src/paths';
import { compileFileValidators } from '../src/kb/schemas';
import { KnowledgeBaseHolder } from '../src/app/holder';
import type { Article } from '../src/kb/model';
import { TestApi, type ResponseBody, type Schemas } from '../harness/api';
import { bundledKnowledgeBase } from '../harness/knowledge-base';

const facts = { clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', firewallPlatform: 'non-windows', symptoms: ['cannot-connect'] };
const KEY = 'test-key-0123456789abcdef';
const ADMIN_KEY = 'admin-key-0123456789abcdef';

type ArticleResponse = Schemas['ArticleResponse'];
type Health = Schemas['Health'];
type Problem = Schemas['Problem'];
type Reloaded = ResponseBody<'reloadKnowledgeBase', 200>;

/** A line of the service's log, as pino writes it: its level, its message, and what was logged with it (the request, the error). */
interface LogLine {
  level: number;
  msg: string;
  req?: { id?: string };
  [field: string]: unknown;
}

function memoryLog() {
  const lines: LogLine[] = [];
  const stream = new Writable({
    write: (chunk, _enc, done) => {
      lines.push(JSON.parse(String(chunk)) as LogLine);
      done();
    },
  });
  return { logger: createLogger('info', stream), lines };
}

describe('request ids and logs', () => {
  const log = memoryLog();
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ logger: log.logger });
  });
  afterAll(() => api.close());

  it('echoes a usable X-Request-Id and logs the request under it, without the facts', async () => {
    const res = await api.request('POST', '/v1/diagnose', { json: { facts }, headers: { 'x-request-id': 'ticket-4711.a' } });
    expect(res.headers.get('x-request-id')).toBe('ticket-4711.a');
    expect(res.headers.get('x-kb-revision')).toMatch(/^[0-9a-f]{12}$/);
    await new Promise((r) => setImmediate(r));
    const line = log.lines.find((l) => l.req?.id === 'ticket-4711.a');
    expect(line).toMatchObject({ level: 30, req: { method: 'POST', path: '/v1/diagnose' }, res: { statusCode: 200 }, service: 'outlook-connectivity-kb' });
    expect(JSON.stringify(log.lines)).not.toContain('many-to-one');
  });

  it.each([[undefined], ['has spaces in it'], ['x'.repeat(200)]])('makes a new id when the caller sends %p', async (given) => {
    const res = await api.request('GET', '/healthz', { headers: given ? { 'x-request-id': given } : {} });
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs no key, even when one is sent', async () => {
    await api.request('GET', '/v1/facts', { headers: { 'x-api-key': 'secret-key-0123456789' } });
    await new Promise((r) => setImmediate(r));
    expect(JSON.stringify(log.lines)).not.toContain('secret-key-0123456789');
  });
});

describe('a fault of the service', () => {
  it("is a 500 problem, logged once through the service's logger with the request id and the error", async () => {
    const log = memoryLog();
    const { kb } = bundledKnowledgeBase();
    const failing = { kb, diagnoser: { diagnose: () => Promise.reject(new Error('the diagnoser broke')) } } as never;
    const api = await TestApi.start({ logger: log.logger, snapshot: failing, answerCacheMb: 0 });
    try {
      // fetch, not api.request: the contract describes the answers the service means to give, not its faults.
      const res = await fetch(`${api.baseUrl}/v1/diagnose`, { method: 'POST', body: JSON.stringify({ facts }), headers: { 'content-type': 'application/json', 'x-request-id': 'fault-1' } });
      expect(res.status).toBe(500);
      const body = await res.text();
      expect(JSON.parse(body)).toMatchObject({ code: 'internal_error' });
      expect(body).not.toContain('the diagnoser broke');
      await new Promise((r) => setImmediate(r));
      const faults = log.lines.filter((l) => l.level === 50 && l.msg === 'the service failed to answer a request');
      expect(faults).toHaveLength(1);
      expect(faults[0]).toMatchObject({ req: { id: 'fault-1' }, err: { message: 'the diagnoser broke' } });
    } finally {
      await api.close();
    }
  });
});

describe('request ids with request logs off (LOG_LEVEL above info)', () => {
  it('still echoes or makes the request id, and writes nothing for a good request', async () => {
    const lines: LogLine[] = [];
    const stream = new Writable({
      write: (chunk, _enc, done) => {
        lines.push(JSON.parse(String(chunk)) as LogLine);
        done();
      },
    });
    const api = await TestApi.start({ logger: createLogger('warn', stream) });
    try {
      const given = await api.request('GET', '/healthz', { headers: { 'x-request-id': 'abc-1' } });
      expect(given.headers.get('x-request-id')).toBe('abc-1');
      const made = await api.get('/healthz');
      expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      await new Promise((r) => setImmediate(r));
      expect(lines).toEqual([]);
    } finally {
      await api.close();
    }
  });
});

describe('metrics, readiness and security headers', () => {
  const metrics = new Metrics();
  let api: TestApi;
  beforeAll(async () => {
    const holder = new KnowledgeBaseHolder(bundledRulesDir, { loaded: (kb) => metrics.knowledgeBaseLoaded(kb), diagnosed: (d) => metrics.diagnosed(d) });
    api = await TestApi.start({ holder, metrics });
  });
  afterAll(() => api.close());

  it('counts requests by route and status, diagnoses by article, and shows the revision snapshot', async () => {
    await api.post('/v1/diagnose', { facts });
    await api.get('/v1/articles/KB291615');
    const res = await api.get('/metrics');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/http_requests_total\{route="\/v1\/diagnose",method="POST",status="200"\} 1/);
    expect(res.text).toMatch(/http_requests_total\{route="\/v1\/articles\/:id",method="GET",status="200"\} 1/);
    expect(res.text).toMatch(/http_request_duration_seconds_bucket\{le="[\d.]+",route="\/v1\/diagnose",method="POST"\} \d/);
    expect(res.text).toMatch(/diagnoses_total\{article="KB291615"\} 1/);
    expect(res.text).toMatch(/knowledge_base_info\{revision="[0-9a-f]{12}",articles="\d+"\} 1/);
  });

  it('/readyz answers with the knowledge base snapshot', async () => {
    const res = await api.get<Schemas['Ready']>('/readyz');
    expect(res.body).toEqual({ status: 'ready', kb: { revision: expect.stringMatching(/^[0-9a-f]{12}$/), articles: expect.any(Number) } });
  });

  it('sends security headers', async () => {
    const res = await api.get('/healthz');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});

describe('metrics of requests refused before a route took them', () => {
  // An app of its own: scrapes are rendered at most once a second, so another test's scrape would be seen.
  const metrics = new Metrics();
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ metrics, bodyLimit: '100kb' });
  });
  afterAll(() => api.close());

  it('counts a request refused before its route took it (405, 413, malformed JSON) under the route it was sent to, whatever the method', async () => {
    const json = { 'content-type': 'application/json' };
    expect((await api.request('DELETE', '/v1/articles/KB291615')).status).toBe(405);
    expect((await api.request('PUT', '/v1/artifacts/outlook-static-ports.prf')).status).toBe(405);
    expect((await api.request('POST', '/v1/annotate', { body: '{"ticket": ', headers: json })).status).toBe(400);
    expect((await api.request('POST', '/v1/annotate', { body: JSON.stringify({ ticket: { id: '1', body: 'x'.repeat(200_000) } }), headers: json })).status).toBe(413);
    expect((await api.get('/v1/artifacts/outlook-static-ports.prf?tcpExchangePort=6001')).status).toBe(200);
    expect((await api.get('/v2/nothing')).status).toBe(404);
    const { text } = await api.get('/metrics');
    expect(text).toMatch(/http_requests_total\{route="\/v1\/articles\/:id",method="DELETE",status="405"\} 1/);
    expect(text).toMatch(/http_requests_total\{route="\/v1\/artifacts\/outlook-static-ports\.prf",method="PUT",status="405"\} 1/);
    expect(text).toMatch(/http_requests_total\{route="\/v1\/artifacts\/outlook-static-ports\.prf",method="GET",status="200"\} 1/);
    expect(text).toMatch(/http_requests_total\{route="\/v1\/annotate",method="POST",status="400"\} 1/);
    expect(text).toMatch(/http_requests_total\{route="\/v1\/annotate",method="POST",status="413"\} 1/);
    // Only a path no route has is unmatched.
    expect(text.match(/http_requests_total\{route="unmatched".*/g)).toEqual(['http_requests_total{route="unmatched",method="GET",status="404"} 1']);
  });
});

describe('API keys', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ apiKeys: [KEY, 'other-key-0123456789abcdef'] });
  });
  afterAll(() => api.close());

  it.each([[{}], [{ 'x-api-key': 'wrong-key-0123456789abcdef' }], [{ authorization: 'Bearer nope' }]])('refuses %j with a 401 problem', async (headers) => {
    const res = await api.request<Problem>('POST', '/v1/diagnose', { json: { facts }, headers });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
    expect(res.headers.get('www-authenticate')).toBe('Bearer');
  });

  it.each([[{ 'x-api-key': KEY }], [{ authorization: `Bearer ${KEY}` }], [{ 'x-api-key': 'other-key-0123456789abcdef' }]])('accepts %j', async (headers) => {
    const res = await api.request('POST', '/v1/diagnose', { json: { facts }, headers });
    expect(res.status).toBe(200);
  });

  it.each([['/healthz'], ['/readyz'], ['/openapi.json']])('leaves %s open', async (route) => {
    expect((await api.get(route)).status).toBe(200);
  });
});

describe('rate limiting', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ rateLimitPerMinute: 3 });
  });
  afterAll(() => api.close());

  it('answers a 429 problem with Retry-After and RateLimit headers past the limit, and leaves health checks alone', async () => {
    for (let i = 0; i < 3; i += 1) expect((await api.get('/v1/facts')).status).toBe(200);
    const res = await api.get<Problem>('/v1/facts');
    expect(res.status).toBe(429);
    expect(res.body.code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(res.headers.get('ratelimit')).toMatch(/limit=3, remaining=0/);
    expect((await api.get('/healthz')).status).toBe(200);
  });
});

describe('rate limiting behind a proxy, and by key', () => {
  const forwarded = (address: string) => ({ 'x-forwarded-for': address });

  it("without TRUST_PROXY, every client behind a proxy shares the proxy's count", async () => {
    const api = await TestApi.start({ rateLimitPerMinute: 2 });
    try {
      expect((await api.request('GET', '/v1/facts', { headers: forwarded('203.0.113.1') })).status).toBe(200);
      expect((await api.request('GET', '/v1/facts', { headers: forwarded('203.0.113.2') })).status).toBe(200);
      expect((await api.request('GET', '/v1/facts', { headers: forwarded('203.0.113.3') })).status).toBe(429);
    } finally {
      await api.close();
    }
  });

  it('with TRUST_PROXY naming the proxy, each client has a count of its own', async () => {
    const api = await TestApi.start({ rateLimitPerMinute: 2, trustProxy: ['loopback'] });
    try {
      for (const client of ['203.0.113.1', '203.0.113.2', '203.0.113.3']) {
        expect((await api.request('GET', '/v1/facts', { headers: forwarded(client) })).status).toBe(200);
        expect((await api.request('GET', '/v1/facts', { headers: forwarded(client) })).status).toBe(200);
      }
      expect((await api.request('GET', '/v1/facts', { headers: forwarded('203.0.113.1') })).status).toBe(429);
    } finally {
      await api.close();
    }
  });

  it('with API keys, each key has a count of its own, from whatever address', async () => {
    const other = 'other-key-0123456789abcdef';
    const api = await TestApi.start({ rateLimitPerMinute: 2, apiKeys: [KEY, other] });
    try {
      for (const key of [KEY, other]) {
        for (let i = 0; i < 2; i += 1) expect((await api.request('GET', '/v1/facts', { headers: { 'x-api-key': key } })).status).toBe(200);
      }
      const res = await api.request<Problem>('GET', '/v1/facts', { headers: { 'x-api-key': KEY } });
      expect(res.status).toBe(429);
      expect(res.body.detail).toMatch(/with this API key/);
    } finally {
      await api.close();
    }
  });
});

describe('/metrics with METRICS_API_KEY', () => {
  const METRICS_KEY = 'metrics-key-0123456789abcdef';
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ metrics: new Metrics(), metricsApiKey: METRICS_KEY, adminApiKeys: [ADMIN_KEY] });
  });
  afterAll(() => api.close());

  it('needs the metrics key or an admin key', async () => {
    expect((await api.get('/metrics')).status).toBe(401);
    expect((await api.request('GET', '/metrics', { headers: { authorization: `Bearer ${METRICS_KEY}` } })).status).toBe(200);
    expect((await api.request('GET', '/metrics', { headers: { 'x-api-key': ADMIN_KEY } })).status).toBe(200);
  });

  it('renders the metrics at most once a second, however often it is scraped', async () => {
    const scrape = async () => (await api.request('GET', '/metrics', { headers: { 'x-api-key': METRICS_KEY } })).text;
    const first = await scrape();
    await api.get('/healthz');
    // The request just made is counted, but the text rendered before it is still served.
    expect(await scrape()).toBe(first);
  });
});

describe('CORS', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ corsOrigins: ['https://helpdesk.example.com'] });
  });
  afterAll(() => api.close());

  it('allows the configured origin and no other', async () => {
    const allowed = await api.request('GET', '/v1/facts', { headers: { origin: 'https://helpdesk.example.com' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://helpdesk.example.com');
    const other = await api.request('GET', '/v1/facts', { headers: { origin: 'https://evil.example.net' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('reloading the knowledge base', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reload-'));
  fs.cpSync(bundledRulesDir, dir, { recursive: true });
  const metrics = new Metrics();
  const holder = new KnowledgeBaseHolder(dir, { loaded: (kb) => metrics.knowledgeBaseLoaded(kb), loadFailed: () => metrics.knowledgeBaseLoadFailed() });
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start({ holder, metrics, apiKeys: [KEY], adminApiKeys: [ADMIN_KEY] });
  });
  afterAll(() => api.close());
  const reload = <T>() => api.request<T>('POST', '/admin/reload', { headers: { 'x-api-key': ADMIN_KEY } });
  const article = path.join(dir, 'articles', 'KB291615.json');

  it('swaps in a valid new knowledge base, and answers carry its revision', async () => {
    const before = (await api.request<Health>('GET', '/healthz')).body.kb.revision;
    const data = JSON.parse(fs.readFileSync(article, 'utf8')) as Article;
    fs.writeFileSync(article, JSON.stringify({ ...data, title: `${data.title} (edited)` }));
    const res = await reload<Reloaded>();
    expect(res.status).toBe(200);
    expect(res.body.previousRevision).toBe(before);
    expect(res.body.revision).not.toBe(before);
    const after = await api.request<ArticleResponse>('GET', '/v1/articles/KB291615', { headers: { 'x-api-key': KEY } });
    expect(after.body.article.title).toMatch(/\(edited\)$/);
    expect(after.headers.get('x-kb-revision')).toBe(res.body.revision);
  });

  it('refuses an invalid one with a 422, keeps serving the old one, and counts the failure', async () => {
    const snapshotOf = (await api.get<Health>('/healthz')).body.kb.revision;
    fs.writeFileSync(article, '{"id": "KB291615"');
    const res = await reload<Problem>();
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('reload_failed');
    expect(res.body.detail).toContain('articles/KB291615.json');
    expect((await api.get<Health>('/healthz')).body.kb.revision).toBe(snapshotOf);
    const diagnose = await api.request('POST', '/v1/diagnose', { json: { facts }, headers: { 'x-api-key': KEY } });
    expect(diagnose.status).toBe(200);
    expect((await api.get('/metrics')).text).toMatch(/knowledge_base_load_failures_total 1/);
  });

  it('needs a key', async () => {
    expect((await api.request('POST', '/admin/reload')).status).toBe(401);
  });

  it("needs an admin key: a caller's key is a 403", async () => {
    const res = await api.request<Problem>('POST', '/admin/reload', { headers: { 'x-api-key': KEY } });
    expect(res.status).toBe(403);
    expect(res.body.detail).toMatch(/ADMIN_API_KEYS/);
  });

  it('an admin key calls the API too', async () => {
    expect((await api.request('POST', '/v1/diagnose', { json: { facts }, headers: { 'x-api-key': ADMIN_KEY } })).status).toBe(200);
  });
});

describe('admin keys without caller keys', () => {
  it('leave the API open and guard only the admin routes', async () => {
    const api = await TestApi.start({ holder: new KnowledgeBaseHolder(bundledRulesDir), adminApiKeys: [ADMIN_KEY] });
    try {
      expect((await api.post('/v1/diagnose', { facts })).status).toBe(200);
      expect((await api.request('POST', '/admin/reload')).status).toBe(401);
      expect((await api.request('POST', '/admin/reload', { headers: { authorization: `Bearer ${ADMIN_KEY}` } })).status).toBe(200);
    } finally {
      await api.close();
    }
  });
});

describe('building a knowledge base on reload', () => {
  it('compiles the file validators once per process: they were most of what a reload blocked for', () => {
    expect(compileFileValidators()).toBe(compileFileValidators());
  });
});

describe('reloading without API keys', () => {
  it('is off (403), since it could not be authenticated', async () => {
    const api = await TestApi.start({ holder: new KnowledgeBaseHolder(bundledRulesDir) });
    try {
      const res = await api.request<Problem>('POST', '/admin/reload');
      expect(res.status).toBe(403);
      expect(res.body.detail).toMatch(/ADMIN_API_KEYS.*SIGHUP/);
    } finally {
      await api.close();
    }
  });
});

describe('reload under load', () => {
  it('answers every request while valid and invalid reloads happen', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'reload-load-'));
    fs.cpSync(bundledRulesDir, dir, { recursive: true });
    const holder = new KnowledgeBaseHolder(dir);
    const api = await TestApi.start({ holder });
    const article = path.join(dir, 'articles', 'KB833799.json');
    const original = fs.readFileSync(article, 'utf8');
    let stop = false;
    const statuses: number[] = [];
    const clients = Array.from({ length: 8 }, async () => {
      while (!stop) statuses.push((await api.post('/v1/diagnose', { facts })).status);
    });
    try {
      for (let round = 0; round < 5; round += 1) {
        fs.writeFileSync(article, JSON.stringify({ ...(JSON.parse(original) as Article), title: `round ${round}` }));
        holder.reload();
        await new Promise((r) => setTimeout(r, 20));
        fs.writeFileSync(article, '{ broken');
        expect(() => holder.reload()).toThrow();
        await new Promise((r) => setTimeout(r, 20));
      }
    } finally {
      stop = true;
      await Promise.all(clients);
      await api.close();
    }
    expect(statuses.length).toBeGreaterThan(10);
    expect(statuses.every((s) => s === 200)).toBe(true);
    // Ten reloads of the whole knowledge base under eight clients: 1.2 s alone, over jest's default
    // 5 s once in `.ci/run`, where the type-check and linters run beside two jest workers.
  }, 30_000);
});
