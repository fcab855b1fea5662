import { expect } from '@jest/globals';
import http from 'node:http';
import net from 'node:net';
import zlib from 'node:zlib';
import type { Express } from 'express';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { configFromEnv, ConfigError, keyOf } from '../src/config/config';
import { openStore } from '../src/store/store';
import { batchTallies } from '../src/decisions/tallies';
import { KnowledgeBaseError } from '../src/kb/errors';
import { bundledRulesDir } from '../src/paths';
import { startService } from '../src/service/server';
import type { Schemas } from '../harness/api';

// Starting the real service (the knowledge base, the store, a worker thread) took up to 8.9 s on
// this 2-core machine under another project's load (load average 12), the base commit too: a
// bound that fails rather than hangs, not a timing.
jest.setTimeout(30_000);

describe('configuration from the environment', () => {
  it('has documented defaults', () => {
    expect(configFromEnv({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      rulesDir: bundledRulesDir,
      logLevel: 'info',
      bodyLimit: 102400,
      rateLimitPerMinute: 60000,
      apiKeys: [],
      adminApiKeys: [],
      trustProxy: false,
      corsOrigins: [],
      shutdownTimeoutMs: 10000,
      requestTimeoutMs: 30000,
      answerCacheMb: 32,
      annotationThreads: 1,
      zendeskMaxAgeMs: 300000,
      dataDir: path.resolve('data'),
      targets: {},
      retryPolicy: { firstRetryMs: 1000, longestRetryMs: 600000, giveUpMs: 86400000, timeoutMs: 30000 },
      deliveryConcurrency: 8,
      deliveryPollMs: 1000,
      decisionLog: true,
      decisionLogDays: 90,
      decisionLogText: false,
    });
  });

  it('reads every setting', () => {
    expect(
      configFromEnv({
        PORT: '8080',
        HOST: '0.0.0.0',
        RULES_DIR: '/srv/rules',
        LOG_LEVEL: 'debug',
        BODY_LIMIT: '2048',
        RATE_LIMIT_PER_MINUTE: '0',
        API_KEYS: 'k1-0123456789abcdef, k2-0123456789abcdef',
        ADMIN_API_KEYS: 'a1-0123456789abcdef',
        TRUST_PROXY: 'loopback, 10.0.0.0/8',
        METRICS_API_KEY: 'm1-0123456789abcdef',
        METRICS_PORT: '9464',
        CORS_ORIGINS: 'https://helpdesk.example.com',
        SHUTDOWN_TIMEOUT_MS: '500',
        REQUEST_TIMEOUT_MS: '2000',
        ANSWER_CACHE_MB: '0',
        ANNOTATION_THREADS: '0',
        ZENDESK_WEBHOOK_SECRET: 's',
        ZENDESK_WEBHOOK_MAX_AGE_MS: '60000',
        JIRA_WEBHOOK_SECRET: 'j',
        SERVICENOW_WEBHOOK_SECRET: 'n',
        DATA_DIR: '/var/lib/outlook-kb',
        DATABASE_URL: 'postgres://kb@db.example.com/kb',
        ZENDESK_URL: 'https://acme.zendesk.com',
        ZENDESK_EMAIL: 'agent@acme.com',
        ZENDESK_API_TOKEN: 'zt',
        JIRA_URL: 'https://acme.atlassian.net',
        JIRA_EMAIL: 'bot@acme.com',
        JIRA_API_TOKEN: 'jt',
        SERVICENOW_URL: 'https://acme.service-now.com',
        SERVICENOW_USER: 'kb',
        SERVICENOW_PASSWORD: 'sp',
        DELIVERY_FIRST_RETRY_MS: '500',
        DELIVERY_LONGEST_RETRY_MS: '60000',
        DELIVERY_GIVE_UP_MS: '3600000',
        DELIVERY_TIMEOUT_MS: '5000',
        DELIVERY_CONCURRENCY: '4',
        DELIVERY_POLL_MS: '250',
        DECISION_LOG: 'false',
        DECISION_LOG_DAYS: '30',
        DECISION_LOG_TEXT: 'true',
      }),
    ).toEqual({
      port: 8080,
      host: '0.0.0.0',
      rulesDir: '/srv/rules',
      logLevel: 'debug',
      bodyLimit: 2048,
      rateLimitPerMinute: 0,
      apiKeys: ['k1-0123456789abcdef', 'k2-0123456789abcdef'],
      adminApiKeys: ['a1-0123456789abcdef'],
      trustProxy: ['loopback', '10.0.0.0/8'],
      metricsApiKey: 'm1-0123456789abcdef',
      metricsPort: 9464,
      corsOrigins: ['https://helpdesk.example.com'],
      shutdownTimeoutMs: 500,
      requestTimeoutMs: 2000,
      answerCacheMb: 0,
      annotationThreads: 0,
      zendeskSecret: 's',
      zendeskMaxAgeMs: 60000,
      jiraSecret: 'j',
      serviceNowSecret: 'n',
      dataDir: '/var/lib/outlook-kb',
      databaseUrl: 'postgres://kb@db.example.com/kb',
      targets: {
        zendesk: { url: 'https://acme.zendesk.com', email: 'agent@acme.com', apiToken: 'zt' },
        jira: { url: 'https://acme.atlassian.net', email: 'bot@acme.com', apiToken: 'jt' },
        servicenow: { url: 'https://acme.service-now.com', user: 'kb', password: 'sp' },
      },
      retryPolicy: { firstRetryMs: 500, longestRetryMs: 60000, giveUpMs: 3600000, timeoutMs: 5000 },
      deliveryConcurrency: 4,
      deliveryPollMs: 250,
      decisionLog: false,
      decisionLogDays: 30,
      decisionLogText: true,
    });
  });

  it.each([
    ['PORT', 'http', /PORT must be an integer from 0 to 65535/],
    ['PORT', '65536', /PORT must be/],
    ['LOG_LEVEL', 'verbose', /LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"/],
    ['BODY_LIMIT', '10', /BODY_LIMIT must be a number of bytes from 1024/],
    ['RATE_LIMIT_PER_MINUTE', '-5', /RATE_LIMIT_PER_MINUTE must be a whole number/],
    ['API_KEYS', 'short', /API_KEYS must be comma-separated keys of at least 16 characters/],
    ['CORS_ORIGINS', 'helpdesk.example.com', /CORS_ORIGINS must be comma-separated origins/],
    ['SHUTDOWN_TIMEOUT_MS', '1e3', /SHUTDOWN_TIMEOUT_MS must be milliseconds/],
    ['REQUEST_TIMEOUT_MS', '10', /REQUEST_TIMEOUT_MS must be milliseconds from 1000/],
    ['ANSWER_CACHE_MB', '4097', /ANSWER_CACHE_MB must be a whole number of megabytes from 0 to 4096/],
    ['ANNOTATION_THREADS', '65', /ANNOTATION_THREADS must be a whole number of threads from 0 to 64/],
    ['ADMIN_API_KEYS', 'short', /ADMIN_API_KEYS must be comma-separated keys of at least 16 characters/],
    ['TRUST_PROXY', '10.0.0.0/99', /TRUST_PROXY must be true, false, a number of proxies, or comma-separated addresses, subnets \(CIDR\) and loopback, linklocal or uniquelocal, not "10.0.0.0\/99"/],
    ['METRICS_API_KEY', 'short', /METRICS_API_KEY must be a key of at least 16 characters/],
    ['METRICS_PORT', 'x', /METRICS_PORT must be an integer from 0 to 65535/],
    ['DATABASE_URL', 'mysql://db/kb', /DATABASE_URL must be a PostgreSQL URL/],
    ['DELIVERY_GIVE_UP_MS', '10', /DELIVERY_GIVE_UP_MS must be milliseconds from 1000/],
    ['ZENDESK_URL', 'https://acme.zendesk.com', /ZENDESK_EMAIL and ZENDESK_API_TOKEN must be set too: delivery to a ticketing system needs ZENDESK_URL, ZENDESK_EMAIL, ZENDESK_API_TOKEN/],
    ['SERVICENOW_PASSWORD', 'p', /SERVICENOW_URL and SERVICENOW_USER must be set too/],
    ['DECISION_LOG', 'yes', /DECISION_LOG must be true or false, not "yes"/],
    ['DECISION_LOG_DAYS', '0', /DECISION_LOG_DAYS must be a whole number of days from 1 to 3650/],
    ['DECISION_LOG_TEXT', '1', /DECISION_LOG_TEXT must be true or false/],
    ['API_KEYS', 'helpdesk:short', /API_KEYS must be comma-separated keys of at least 16 characters each, each optionally named \(name:key\)/],
  ])('rejects %s=%s naming the setting and what it allows', (name, value, message) => {
    expect(() => configFromEnv({ [name]: value })).toThrow(ConfigError);
    expect(() => configFromEnv({ [name]: value })).toThrow(message);
  });

  it.each([
    ['true', true],
    ['false', false],
    ['2', 2],
    ['uniquelocal', ['uniquelocal']],
  ])('reads TRUST_PROXY=%s as express takes it', (text, value) => {
    expect(configFromEnv({ TRUST_PROXY: text }).trustProxy).toEqual(value);
  });

  it("refuses a key that is both a caller's and an admin's, named or not", () => {
    expect(() => configFromEnv({ API_KEYS: 'k1-0123456789abcdef', ADMIN_API_KEYS: 'k1-0123456789abcdef' })).toThrow(/ADMIN_API_KEYS must not repeat a key of API_KEYS/);
    expect(() => configFromEnv({ API_KEYS: 'helpdesk:k1-0123456789abcdef', ADMIN_API_KEYS: 'ops:k1-0123456789abcdef' })).toThrow(/ADMIN_API_KEYS must not repeat a key of API_KEYS/);
  });

  it('names a key by what stands before its colon, and a bare key by its digest, never by the key', () => {
    expect(keyOf('helpdesk:k1-0123456789abcdef')).toEqual({ name: 'helpdesk', key: 'k1-0123456789abcdef' });
    const bare = keyOf('k1-0123456789abcdef');
    expect(bare.key).toBe('k1-0123456789abcdef');
    expect(bare.name).toMatch(/^key-[0-9a-f]{8}$/);
    expect(bare.name).not.toContain('0123456789');
  });

  it('refuses a base URL that is not one', () => {
    expect(() => configFromEnv({ JIRA_URL: 'acme.atlassian.net', JIRA_EMAIL: 'e', JIRA_API_TOKEN: 't' })).toThrow(/JIRA_URL must be the system's base URL/);
  });

  it('reports every bad setting at once', () => {
    expect(() => configFromEnv({ PORT: 'x', LOG_LEVEL: 'y' })).toThrow(/PORT must be .*; LOG_LEVEL must be/);
  });
});

describe('starting the service', () => {
  it('records its decisions in the store, writes the last of them on shutdown, and removes those older than DECISION_LOG_DAYS at start', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-service-log-'));
    try {
      const before = await openStore({ dataDir });
      const old = { id: 'old', at: Date.now() - 10 * 86_400_000, caller: undefined, content: { kind: 'diagnose' as const, kbRevision: 'r', facts: {}, unknown: [], diagnoses: [], questions: [] } };
      await before.decisions.record([old], batchTallies([old]));
      await before.close();
      const service = await startService({ ...configFromEnv({ DATA_DIR: dataDir, DECISION_LOG_DAYS: '2' }), port: 0, logLevel: 'silent' });
      let id: string;
      try {
        expect(await service.retention).toBe(1);
        const res = await fetch(`${service.url}/v1/diagnose`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ facts: { clientKind: 'outlook' } }) });
        id = ((await res.json()) as { decisionId: string }).decisionId;
      } finally {
        await service.shutdown(1000);
      }
      const after = await openStore({ dataDir });
      try {
        expect(await after.decisions.get('old')).toBeUndefined();
        expect((await after.decisions.get(id))?.decision.kind).toBe('diagnose');
      } finally {
        await after.close();
      }
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('listens on the configured port and answers with the bundled knowledge base', async () => {
    const service = await startService({ ...configFromEnv({ DATA_DIR: os.tmpdir() }), port: 0, logLevel: 'silent' });
    try {
      expect(service.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const app = service.server.listeners('request')[0] as Express;
      const prototypes: unknown[] = [];
      service.server.prependListener('request', (req, res) => prototypes.push(Object.getPrototypeOf(req), Object.getPrototypeOf(res)));
      const health = (await (await fetch(`${service.url}/healthz`)).json()) as { kb: unknown };
      expect(health.kb).toEqual({ revision: service.kb.revision, articles: service.kb.articles.length });
      // Served by createHttpServer: built on the app's prototypes (see src/http/http-server.ts).
      expect(prototypes).toHaveLength(2);
      expect(prototypes[0]).toBe(app.request);
      expect(prototypes[1]).toBe(app.response);
    } finally {
      await service.shutdown(1000);
    }
  });

  it('refuses to start on an invalid knowledge base, naming the file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.cpSync(bundledRulesDir, dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'articles', 'KB833799.json'), '{}');
    const config = { ...configFromEnv({ DATA_DIR: os.tmpdir() }), port: 0, rulesDir: dir, logLevel: 'silent' as const };
    await expect(startService(config)).rejects.toThrow(KnowledgeBaseError);
    await expect(startService(config)).rejects.toThrow(/^articles\/KB833799\.json/);
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics on its own port only', async () => {
    const service = await startService({ ...configFromEnv({ DATA_DIR: os.tmpdir() }), port: 0, logLevel: 'silent', metricsPort: 0 });
    try {
      expect((await fetch(`${service.url}/metrics`)).status).toBe(404);
      const scraped = await fetch(`${service.metricsUrl}/metrics`);
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/knowledge_base_info/);
      expect((await fetch(`${service.metricsUrl}/v1/facts`)).status).toBe(404);
    } finally {
      await service.shutdown(1000);
    }
  });
});

describe('request timeouts', () => {
  it.each([
    ['its request', 'POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"facts":'],
    ['its headers', 'POST /v1/diagnose HTTP/1.1\r\nHost: x\r\nContent-Ty'],
  ])('cuts off a client that does not finish sending %s within REQUEST_TIMEOUT_MS', async (_what, sent) => {
    const service = await startService({ ...configFromEnv({ DATA_DIR: os.tmpdir() }), port: 0, logLevel: 'silent', requestTimeoutMs: 1000 });
    try {
      const { port } = new URL(service.url);
      const started = Date.now();
      const answer = await new Promise<string>((resolve) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(sent));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString()));
        socket.on('close', () => resolve(text));
      });
      expect(answer).toMatch(/^HTTP\/1.1 408/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await service.shutdown(1000);
    }
  });
});

describe('NDJSON backfills and REQUEST_TIMEOUT_MS', () => {
  let service: Awaited<ReturnType<typeof startService>>;
  beforeAll(async () => {
    service = await startService({ ...configFromEnv({ DATA_DIR: os.tmpdir() }), port: 0, logLevel: 'silent', requestTimeoutMs: 1000, annotationThreads: 0 });
  });
  afterAll(() => service.shutdown(1000));

  /** A streamed batch: the lines its answer gives, as they come, and when it ends. */
  function backfill(headers: Record<string, string> = {}) {
    const lines: Schemas['BatchResult'][] = [];
    let text = '';
    let request!: http.ClientRequest;
    const ended = new Promise<void>((resolve, reject) => {
      request = http.request(`${service.url}/v1/annotate/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', ...headers } }, (res) => {
        res.on('data', (chunk) => {
          text += chunk;
          const complete = text.split('\n');
          text = complete.pop()!;
          lines.push(...complete.map((line) => JSON.parse(line) as Schemas['BatchResult']));
        });
        res.on('end', resolve);
        res.on('error', reject);
      });
      request.on('error', reject);
    });
    return { request, lines, ended };
  }
  const line = (i: number) => `${JSON.stringify({ id: `t${i}`, body: 'Outlook 2003 cannot connect' })}\n`;

  it('a stream that keeps sending runs past REQUEST_TIMEOUT_MS', async () => {
    const { request, lines, ended } = backfill();
    // A line every 200 ms for three times the timeout.
    for (let i = 0; i < 15; i += 1) {
      request.write(line(i));
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    request.end();
    await ended;
    expect(lines.map((l) => [l.id, l.status])).toEqual(Array.from({ length: 15 }, (_, i) => [`t${i}`, 200]));
  });

  it('a stream that stops sending for REQUEST_TIMEOUT_MS is ended, with a last line saying why', async () => {
    const { request, lines, ended } = backfill();
    request.write(line(0));
    await ended;
    expect(lines[0]).toMatchObject({ id: 't0', status: 200 });
    expect(lines.at(-1)).toMatchObject({ status: 408, problem: { code: 'request_timeout' } });
    request.destroy();
  });

  it('a gzipped stream is read as its lines', async () => {
    const { request, lines, ended } = backfill({ 'content-encoding': 'gzip' });
    request.end(zlib.gzipSync(line(0) + line(1)));
    await ended;
    expect(lines.map((l) => [l.id, l.status])).toEqual([
      ['t0', 200],
      ['t1', 200],
    ]);
  });

  it('an encoding it cannot read is one 415, not an error per line', async () => {
    const res = await fetch(`${service.url}/v1/annotate/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'content-encoding': 'compress' }, body: line(0) + line(1) });
    expect(res.status).toBe(415);
    expect(await res.json()).toMatchObject({ code: 'unsupported_media_type', detail: expect.stringMatching(/gzip/) });
  });
});
