import { expect } from '@jest/globals';
import { TestApi, type Schemas } from '../../harness/api';
import { MAX_BATCH_TEXT } from '../../src/app/annotate-batch';

// The bounds that keep a JSON batch's worst case within a second on a loaded 2-core machine
// (issue #14): it is answered all at once, on the event loop that serves every other request.
// The service's own defaults here, not the small limits of api.test.ts.
type BatchResponse = Schemas['BatchResponse'];
type Problem = Schemas['Problem'];

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const text = (length: number) => 'Outlook 2003 cannot connect through NAT, port 135 is blocked. '.repeat(Math.ceil(length / 62)).slice(0, length);

it(`a JSON batch over ${MAX_BATCH_TEXT} characters of subjects and bodies is a 413 naming the bound and what to send instead`, async () => {
  const tickets = Array.from({ length: 2 }, (_, i) => ({ id: String(i), subject: 'NAT', body: text(60_000) }));
  const res = await api.post<Problem>('/v1/annotate/batch', { tickets });
  expect(res.status).toBe(413);
  expect(res.body.code).toBe('payload_too_large');
  expect(res.body.detail).toMatch(/120,006 characters; a JSON batch takes at most 100,000.*application\/x-ndjson/);
  expect(res.body.errors).toEqual([{ pointer: '/tickets', detail: expect.stringContaining('at most 100,000') }]);
});

it('a JSON batch at the text bound is answered', async () => {
  const tickets = Array.from({ length: 4 }, (_, i) => ({ id: String(i), body: text(MAX_BATCH_TEXT / 4) }));
  const res = await api.post<BatchResponse>('/v1/annotate/batch', { tickets });
  expect(res.status).toBe(200);
  expect(res.body.results.map((r) => r.status)).toEqual([200, 200, 200, 200]);
});

// No bound on facts a ticket gives: counting the names of an object of 50,000-100,000 of them
// took time growing 3.7 times for twice the names (V8 sorts a large object's keys to list them),
// which the linear-time property refused; the 1 MB body bounds them, and the schema check stops
// at the first problem of so large a value.
it('a ticket of 90,000 unknown facts (1 MB) is refused on its own', async () => {
  const facts = Object.fromEntries(Array.from({ length: 90_000 }, (_, i) => [`f${i}`, 0]));
  const res = await api.post<BatchResponse>('/v1/annotate/batch', {
    tickets: [
      { id: 'many', facts },
      { id: 'ok', body: 'NAT' },
    ],
  });
  expect(res.status).toBe(200);
  expect(res.body.results.map((r) => r.status)).toEqual([400, 200]);
});

it('a JSON batch body over 1 MB is a 413 before it is parsed', async () => {
  const facts = Object.fromEntries(Array.from({ length: 150_000 }, (_, i) => [`f${i}`, 0]));
  const res = await api.post<Problem>('/v1/annotate/batch', { tickets: [{ id: 'big', facts }] });
  expect(res.status).toBe(413);
  expect(res.body.detail).toMatch(/limit of 1048576 bytes/);
});
