import crypto from 'node:crypto';
import { MAX_ADF_DEPTH } from '../../src/webhooks/adf';
import { expect } from '@jest/globals';
import { TestApi, type Schemas } from '../../harness/api';
import { member } from '../../harness/member';

type Problem = Schemas['Problem'];
type WebhookAnswer = Schemas['WebhookAnswer'];

const secret = 'dGhpcyBpcyBhIHRlc3Qgc2VjcmV0';
let open: TestApi;
let signed: TestApi;
// Room for an ADF document far deeper, or longer, than the default 100 kB allows.
let deep: TestApi;
beforeAll(async () => {
  open = await TestApi.start();
  signed = await TestApi.start({ zendeskSecret: secret });
  deep = await TestApi.start({ bodyLimit: '4mb' });
});
afterAll(async () => {
  await open.close();
  await signed.close();
  await deep.close();
});

const text = 'Outlook 2003 cannot connect to Exchange 2003 through our SonicWall doing NAT.';

describe('Zendesk', () => {
  const payload = { ticket: { id: 1234, subject: 'Outlook down', description: text } };

  it('annotates and answers with an internal comment and tags to write back', async () => {
    const res = await open.post<WebhookAnswer>('/v1/webhooks/zendesk', payload);
    expect(res.status).toBe(200);
    // Given back as Zendesk sent it: a number stays a number.
    expect(res.body.annotation.ticket.id).toBe(1234);
    expect(res.body.writeBack).toEqual([
      {
        method: 'PUT',
        path: '/api/v2/tickets/1234.json',
        body: { ticket: { comment: { body: res.body.annotation.note.text, public: false }, additional_tags: res.body.annotation.tags } },
      },
    ]);
    expect(res.body.annotation.tags).toContain('kb291615');
  });

  it('gives an id sent as a string back as a string', async () => {
    const res = await open.post<WebhookAnswer>('/v1/webhooks/zendesk', { ticket: { ...payload.ticket, id: '1234' } });
    expect(res.body.annotation.ticket.id).toBe('1234');
    expect(res.body.writeBack[0]?.path).toBe('/api/v2/tickets/1234.json');
  });

  it('with a secret configured, accepts a correct signature over timestamp + body', async () => {
    const body = JSON.stringify(payload);
    const timestamp = new Date().toISOString();
    const signature = crypto
      .createHmac('sha256', secret)
      .update(timestamp + body)
      .digest('base64');
    const res = await signed.request('POST', '/v1/webhooks/zendesk', {
      body,
      headers: { 'content-type': 'application/json', 'x-zendesk-webhook-signature': signature, 'x-zendesk-webhook-signature-timestamp': timestamp },
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no signature', {}],
    ['a signature over another body', { 'x-zendesk-webhook-signature': crypto.createHmac('sha256', secret).update('t{}').digest('base64'), 'x-zendesk-webhook-signature-timestamp': 't' }],
    [
      'a signature with another secret',
      {
        'x-zendesk-webhook-signature': crypto
          .createHmac('sha256', 'other')
          .update(`t${JSON.stringify(payload)}`)
          .digest('base64'),
        'x-zendesk-webhook-signature-timestamp': 't',
      },
    ],
  ])('with a secret configured, refuses %s with a 401', async (_case, headers) => {
    const res = await signed.request<Problem>('POST', '/v1/webhooks/zendesk', { json: payload, headers });
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('unauthorized');
  });
});

describe('Jira', () => {
  const adf = {
    type: 'doc',
    version: 1,
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Since Monday:' }] },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Outlook 2007 ' },
          { type: 'text', text: 'cannot connect', marks: [{ type: 'strong' }] },
          { type: 'hardBreak' },
          { type: 'text', text: 'port 135 is blocked. Exchange 2003.' },
        ],
      },
    ],
  };

  it.each([
    ['plain text', text],
    ['Atlassian Document Format', adf],
  ])('reads a %s description, and writes back an ADF comment and labels', async (_kind, description) => {
    const res = await open.post<WebhookAnswer>('/v1/webhooks/jira', { webhookEvent: 'jira:issue_created', issue: { id: '10001', key: 'HELP-7', fields: { summary: 'Mail', description } } });
    expect(res.status).toBe(200);
    const [comment, labels] = res.body.writeBack;
    expect(comment).toMatchObject({ method: 'POST', path: '/rest/api/3/issue/HELP-7/comment', body: { body: { type: 'doc', version: 1 } } });
    expect(JSON.stringify(member(comment?.body, 'body'))).toContain(res.body.annotation.diagnoses[0]?.article.id);
    expect(labels).toEqual({ method: 'PUT', path: '/rest/api/3/issue/HELP-7', body: { update: { labels: res.body.annotation.tags.map((add) => ({ add })) } } });
  });

  it("takes evidence offsets from the ADF description's plain text", async () => {
    const res = await open.post<WebhookAnswer>('/v1/webhooks/jira', { webhookEvent: 'jira:issue_created', issue: { id: '1', key: 'HELP-8', fields: { description: adf } } });
    const { facts, diagnoses } = res.body.annotation;
    expect(facts.outlookVersion?.evidence[0]).toEqual({ field: 'body', text: 'Outlook 2007', start: 14, end: 26 });
    expect(facts.port135Reachable?.value).toBe(false);
    expect(diagnoses.map((d) => d.id)).toEqual(['KB833799.endpoint-mapper-unreachable']);
  });

  const issue = (description: unknown) => ({ webhookEvent: 'jira:issue_created', issue: { id: '1', key: 'HELP-10', fields: { description } } });
  const at = '/issue/fields/description';

  it.each([
    ['content that is not a list', { type: 'doc', content: 'abc' }, `${at}/content`, 'must be a list of nodes'],
    ['a node that is null', { type: 'doc', content: [null] }, `${at}/content/0`, 'must be a node: an object with a type'],
    ['a node without a type', { type: 'doc', content: [{ text: 'x' }] }, `${at}/content/0`, 'must be a node: an object with a type'],
    ['a text node whose text is not a string', { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 5 }] }] }, `${at}/content/0/content/0/text`, 'must be a string'],
  ])('a description with %s is a 400 naming where and what', async (_case, description, pointer, detail) => {
    const res = await open.post<Problem>('/v1/webhooks/jira', issue(description));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer, detail }]);
  });

  it('a description nested deeper than ADF goes is a 400, however deep', async () => {
    // Written out, as JSON.stringify would itself recurse as deep.
    const levels = 50_000;
    const description = `${'{"type":"p","content":['.repeat(levels)}{"type":"text","text":"Outlook"}${']}'.repeat(levels)}`;
    const body = JSON.stringify(issue(null)).replace('null', description);
    const res = await deep.request<Problem>('POST', '/v1/webhooks/jira', { body, headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toEqual({ pointer: `${at}${'/content/0'.repeat(MAX_ADF_DEPTH + 1)}`, detail: `is nested deeper than ${MAX_ADF_DEPTH} levels` });
  });

  it('a description whose text is longer than a ticket body may be is a 400', async () => {
    const paragraph = { type: 'paragraph', content: [{ type: 'text', text: 'x'.repeat(1000) }] };
    const res = await deep.post<Problem>('/v1/webhooks/jira', issue({ type: 'doc', content: Array(61).fill(paragraph) }));
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer: at, detail: 'has more than 60000 characters of text' }]);
  });

  it('other events than an issue created or updated are a 400 that says which are handled', async () => {
    const res = await open.post<Problem>('/v1/webhooks/jira', { webhookEvent: 'comment_created', issue: { id: '1', key: 'HELP-9', fields: {} } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ pointer: '/webhookEvent', detail: 'must be jira:issue_created or jira:issue_updated', allowed: ['jira:issue_created', 'jira:issue_updated'] }]);
  });
});

describe('ServiceNow', () => {
  it('annotates an incident and writes the note to work_notes', async () => {
    const res = await open.post<WebhookAnswer>('/v1/webhooks/servicenow', { sys_id: 'a1b2c3', number: 'INC0010001', short_description: 'Outlook', description: text });
    expect(res.status).toBe(200);
    expect(res.body.annotation.ticket.id).toBe('INC0010001');
    expect(res.body.writeBack).toEqual([{ method: 'PATCH', path: '/api/now/table/incident/a1b2c3', body: { work_notes: res.body.annotation.note.text } }]);
  });

  it('an incident without sys_id is a 400', async () => {
    const res = await open.post<Problem>('/v1/webhooks/servicenow', { number: 'INC1' });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ pointer: '/sys_id', detail: 'is required' });
  });
});
