import crypto from 'node:crypto';
import { TestApi, type Schemas } from '../../harness/api';

// Each system's own authentication of its webhooks, and that a webhook so authenticated is not
// asked for an API key too (Jira's admin webhooks cannot send one).

const ZENDESK = 'zendesk-signing-secret';
const JIRA = 'jira-webhook-secret';
const SERVICENOW = 'servicenow-shared-secret';
const CALLER = 'caller-key-0123456789';
let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start({ zendeskSecret: ZENDESK, zendeskMaxAgeMs: 300_000, jiraSecret: JIRA, serviceNowSecret: SERVICENOW, apiKeys: [CALLER] });
});
afterAll(() => api.close());

const send = <T>(path: string, body: string, headers: Record<string, string>) => api.request<T>('POST', path, { body, headers: { 'content-type': 'application/json', ...headers } });

describe('Zendesk: the signature, and a timestamp within the freshness window', () => {
  const body = JSON.stringify({ ticket: { id: 7, description: 'Outlook cannot connect' } });
  const signed = (timestamp: string, secret = ZENDESK, signedBody = body) => ({
    'x-zendesk-webhook-signature': crypto
      .createHmac('sha256', secret)
      .update(timestamp + signedBody)
      .digest('base64'),
    'x-zendesk-webhook-signature-timestamp': timestamp,
  });
  const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

  it('when signed now, then it is accepted without an API key', async () => {
    expect((await send('/v1/webhooks/zendesk', body, signed(minutesAgo(0)))).status).toBe(200);
  });

  it.each([
    ['signed 10 minutes ago (a replay)', signed(minutesAgo(10)), /more than 300 s from the service's clock/],
    ['signed 10 minutes ahead', signed(minutesAgo(-10)), /more than 300 s/],
    ['with a timestamp that is not a time', signed('yesterday'), /more than 300 s/],
    ['signed with another secret', signed(minutesAgo(0), 'other'), /does not match/],
    ['signed over another body', signed(minutesAgo(0), ZENDESK, '{}'), /does not match/],
    ['not signed', {}, /are required/],
  ])('when %s, then it is a 401 saying why', async (_case, headers, why) => {
    const res = await send<Schemas['Problem']>('/v1/webhooks/zendesk', body, headers);
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(why);
  });
});

describe("Jira: X-Hub-Signature, the HMAC-SHA256 of the body with the webhook's secret", () => {
  const body = JSON.stringify({ webhookEvent: 'jira:issue_created', issue: { id: '1', key: 'HELP-1', fields: { description: 'Outlook cannot connect' } } });
  const hub = (secret: string, signed = body) => `sha256=${crypto.createHmac('sha256', secret).update(signed).digest('hex')}`;

  it('when the signature matches, then it is accepted without an API key', async () => {
    expect((await send('/v1/webhooks/jira', body, { 'x-hub-signature': hub(JIRA) })).status).toBe(200);
  });

  it.each([
    ['signed with another secret', { 'x-hub-signature': hub('other') }],
    ['signed over another body', { 'x-hub-signature': hub(JIRA, '{}') }],
    ['without the method prefix', { 'x-hub-signature': hub(JIRA).slice('sha256='.length) }],
    ['not signed, with an API key', { 'x-api-key': CALLER }],
  ])('when %s, then it is a 401', async (_case, headers) => {
    const res = await send<Schemas['Problem']>('/v1/webhooks/jira', body, headers);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });
});

describe('ServiceNow: the shared secret in a header or as the basic auth password', () => {
  const body = JSON.stringify({ sys_id: 'a1', description: 'Outlook cannot connect' });
  const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

  it.each([
    ['X-Webhook-Secret', { 'x-webhook-secret': SERVICENOW }],
    ['basic auth', { authorization: basic('snc.rest', SERVICENOW) }],
  ])('when the secret comes in %s, then it is accepted', async (_case, headers) => {
    expect((await send('/v1/webhooks/servicenow', body, headers)).status).toBe(200);
  });

  it.each([
    ['a wrong secret', { 'x-webhook-secret': 'wrong' }],
    ['a wrong password', { authorization: basic('snc.rest', 'wrong') }],
    ['nothing', {}],
  ])('when it sends %s, then it is a 401', async (_case, headers) => {
    expect((await send('/v1/webhooks/servicenow', body, headers)).status).toBe(401);
  });
});

it('the rest of the API still needs the API key', async () => {
  expect((await api.get('/v1/facts')).status).toBe(401);
});
