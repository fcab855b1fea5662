import { expect } from '@jest/globals';
import pg from 'pg';
import { backoffMs, DEFAULT_RETRY_POLICY, retryAfterMs } from '../../src/delivery/retry-policy';
import { retryable } from '../../src/delivery/send';
import { TestApi, type Schemas } from '../../harness/api';
import { startDeliveringApi, type DeliveringApi } from '../support/delivering-api';

// The outbox seen and operated over HTTP, and what the service says when its store is gone.

type DeliveryDetail = Schemas['DeliveryDetail'];
type DeliveryList = Schemas['DeliveryList'];
type Problem = Schemas['Problem'];
type Ready = Schemas['Ready'];
type WebhookAnswer = Schemas['WebhookAnswer'];

const CALLER = 'caller-key-0123456789';
const ADMIN = 'admin-key-0123456789';
const incident = (sysId: string) => ({ sys_id: sysId, description: 'Outlook 2003 cannot connect to Exchange 2003 through NAT.' });

describe('GET /v1/deliveries and the retry of a dead letter', () => {
  let service: DeliveringApi;
  const ids: string[] = [];
  beforeAll(async () => {
    // Delivery configured for ServiceNow but never started: the deliveries stay as recorded.
    service = await startDeliveringApi({ targets: { servicenow: { url: 'http://127.0.0.1:9', user: 'u', password: 'p' } }, start: false, app: { apiKeys: [CALLER], adminApiKeys: [ADMIN] } });
    for (let i = 0; i < 5; i += 1) {
      const res = await service.api.request<WebhookAnswer>('POST', '/v1/webhooks/servicenow', { json: incident(`s${i}`), headers: { 'x-api-key': CALLER } });
      ids.unshift(res.body.delivery!.id);
    }
  });
  afterAll(() => service.close());
  const get = <T>(path: string, key = CALLER) => service.api.request<T>('GET', path, { headers: { 'x-api-key': key } });
  const retry = (id: string, key?: string) => service.api.request<Problem>('POST', `/v1/deliveries/${id}/retry`, { headers: key ? { 'x-api-key': key } : {} });

  it('pages newest first with a cursor, to the last page, which has no next', async () => {
    const first = await get<DeliveryList>('/v1/deliveries?limit=2');
    const second = await get<DeliveryList>(`/v1/deliveries?limit=2&cursor=${first.body.next!}`);
    const third = await get<DeliveryList>(`/v1/deliveries?limit=2&cursor=${second.body.next!}`);
    expect([...first.body.deliveries, ...second.body.deliveries, ...third.body.deliveries].map((d) => d.id)).toEqual(ids);
    expect(third.body.next).toBeUndefined();
  });

  it.each([
    ['state=queued&system=servicenow', 5],
    ['state=delivered', 0],
    ['system=zendesk', 0],
  ])('filters by %s', async (query, count) => {
    expect((await get<DeliveryList>(`/v1/deliveries?${query}`)).body.deliveries).toHaveLength(count);
  });

  it.each([
    ['state=lost', '/query/state'],
    ['limit=101', '/query/limit'],
    ['cursor=bm90IGEgY3Vyc29y', '/query/cursor'],
  ])('refuses %s with a 400 naming the parameter', async (query, pointer) => {
    const res = await get<Problem>(`/v1/deliveries?${query}`);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.pointer).toBe(pointer);
  });

  it('shows one delivery with its requests, and 404 for one it does not have', async () => {
    const res = await get<DeliveryDetail>(`/v1/deliveries/${ids[0]!}`);
    expect(res.body).toMatchObject({
      delivery: { id: ids[0], system: 'servicenow', ticket: 's4', state: 'queued', requests: [{ method: 'PATCH', path: '/api/now/table/incident/s4' }] },
      attempts: [],
    });
    expect((await get('/v1/deliveries/nothing')).status).toBe(404);
  });

  it('when a delivery is not dead, then retrying it is a 409; without an admin key, a 401 or 403', async () => {
    expect((await retry(ids[0]!, ADMIN)).body.code).toBe('not_dead_letter');
    expect((await retry(ids[0]!, CALLER)).status).toBe(403);
    expect((await retry(ids[0]!)).status).toBe(401);
    expect((await retry('nothing', ADMIN)).status).toBe(404);
  });

  it('metrics count the queued deliveries and what the outbox holds', async () => {
    const text = (await get('/metrics', ADMIN)).text;
    expect(text).toContain('deliveries_queued_total{system="servicenow"} 5');
    expect(text).toContain('outbox_deliveries{system="servicenow",state="queued"} 5');
    for (const name of ['deliveries_delivered_total', 'deliveries_retried_total', 'deliveries_dead_lettered_total', 'delivery_latency_seconds']) expect(text).toContain(`# TYPE ${name}`);
  });
});

it('an app built without a store answers the deliveries with a 404 problem', async () => {
  const api = await TestApi.start();
  try {
    const res = await api.get<Problem>('/v1/deliveries');
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe('This service keeps no outbox: it delivers nothing.');
  } finally {
    await api.close();
  }
});

describe('a store that cannot be reached', () => {
  it('when PostgreSQL refuses connections, then /readyz is a 503 naming why, and a webhook a 503 to send again', async () => {
    const service = await startDeliveringApi({ kind: 'postgres', targets: { servicenow: { url: 'http://127.0.0.1:9', user: 'u', password: 'p' } }, start: false });
    try {
      expect((await service.api.get<Ready>('/readyz')).body).toMatchObject({ status: 'ready', store: { kind: 'postgres', reachable: true } });
      const url = new URL(service.store.settings.databaseUrl!);
      const name = url.pathname.slice(1);
      url.pathname = '/postgres';
      const admin = new pg.Client({ connectionString: url.toString() });
      await admin.connect();
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [name]);
      try {
        const ready = await service.api.get<Ready>('/readyz');
        expect(ready.status).toBe(503);
        // A new connection is refused; a pooled one the server just terminated may answer first, with why.
        expect(ready.body).toMatchObject({
          status: 'unavailable',
          store: { kind: 'postgres', reachable: false, detail: expect.stringMatching(/not currently accepting connections|terminating connection due to administrator command/) },
        });
        const webhook = await service.api.post<Problem>('/v1/webhooks/servicenow', incident('x'));
        expect(webhook.status).toBe(503);
        expect(webhook.body.code).toBe('store_unavailable');
        expect(webhook.headers.get('retry-after')).toBe('5');
      } finally {
        await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
        await admin.end();
      }
      expect((await service.api.get('/readyz')).status).toBe(200);
    } finally {
      await service.close();
    }
  });
});

describe('the retry policy', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, firstRetryMs: 1000, longestRetryMs: 60_000 };

  it.each([
    [1, 500, 1000],
    [2, 1000, 2000],
    [5, 8000, 16_000],
    [30, 30_000, 60_000],
  ])('after %i failures waits between %i and %i ms, half of it random', (failures, low, high) => {
    expect(backoffMs(failures, policy, () => 0)).toBe(low);
    expect(backoffMs(failures, policy, () => 1)).toBe(high);
  });

  it.each([
    ['120', 120_000],
    ['Wed, 30 Nov 2026 12:00:30 GMT', 30_000],
    ['Wed, 30 Nov 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    [null, undefined],
  ])('reads Retry-After %s as %s ms', (header, ms) => {
    expect(retryAfterMs(header, Date.parse('2026-11-30T12:00:00Z'))).toBe(ms);
  });

  it.each([
    [408, true],
    [409, true],
    [429, true],
    [500, true],
    [503, true],
    [301, false],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [422, false],
  ])('status %i is retried: %s', (status, again) => {
    expect(retryable(status)).toBe(again);
  });
});
