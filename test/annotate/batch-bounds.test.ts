import { TestApi } from '../support/api';
import { MAX_BATCH_TEXT, MAX_TICKET_FACTS } from '../../src/app/annotate-batch';

// The bounds that keep a JSON batch's worst case within a second on a loaded 2-core machine
// (issue #14): it is answered all at once, on the event loop that serves every other request.
// The service's own defaults here, not the small limits of api.test.ts.
let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const text = (length: number) => 'Outlook 2003 cannot connect through NAT, port 135 is blocked. '.repeat(Math.ceil(length / 62)).slice(0, length);

it(`a JSON batch over ${MAX_BATCH_TEXT} characters of subjects and bodies is a 413 naming the bound and what to send instead`, async () => {
  const tickets = Array.from({ length: 2 }, (_, i) => ({ id: String(i), subject: 'NAT', body: text(60_000) }));
  const res = await api.post('/v1/annotate/batch', { tickets });
  expect(res.status).toBe(413);
  expect(res.body.code).toBe('payload_too_large');
  expect(res.body.detail).toMatch(/120,006 characters; a JSON batch takes at most 100,000.*application\/x-ndjson/);
  expect(res.body.errors).toEqual([{ pointer: '/tickets', detail: expect.stringContaining('at most 100,000') }]);
});

it('a JSON batch at the text bound is answered', async () => {
  const tickets = Array.from({ length: 4 }, (_, i) => ({ id: String(i), body: text(MAX_BATCH_TEXT / 4) }));
  const res = await api.post('/v1/annotate/batch', { tickets });
  expect(res.status).toBe(200);
  expect(res.body.results.map((r: { status: number }) => r.status)).toEqual([200, 200, 200, 200]);
});

it(`a ticket giving more than ${MAX_TICKET_FACTS} facts is refused unread, on its own, naming the bound`, async () => {
  const facts = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`f${i}`, 0]));
  const res = await api.post('/v1/annotate/batch', { tickets: [{ id: 'many', facts }, { id: 'ok', body: 'NAT' }] });
  expect(res.status).toBe(200);
  const [many, ok] = res.body.results;
  expect(many).toMatchObject({ id: 'many', status: 400, problem: { code: 'invalid_request', errors: [{ pointer: '/tickets/0/facts', detail: 'has 50,000 facts; a ticket may give at most 100' }] } });
  expect(ok.status).toBe(200);
});

it('the same in an NDJSON line', async () => {
  const facts = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`f${i}`, 0]));
  const res = await api.request('POST', '/v1/annotate/batch', { body: `${JSON.stringify({ id: 'many', facts })}\n`, headers: { 'content-type': 'application/x-ndjson' } });
  expect(res.body).toEqual([expect.objectContaining({ line: 1, status: 400, problem: expect.objectContaining({ errors: [{ pointer: '/facts', detail: 'has 5,000 facts; a ticket may give at most 100' }] }) })]);
});

it('a JSON batch body over 1 MB is a 413 before it is parsed', async () => {
  const facts = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`f${i}`, 0]));
  const res = await api.post('/v1/annotate/batch', { tickets: [{ id: 'big', facts }] });
  expect(res.status).toBe(413);
  expect(res.body.detail).toMatch(/limit of 1048576 bytes/);
});
