import { expect } from '@jest/globals';
import { annotationOf, problemOf, TestApi, type Schemas } from '../../harness/api';
import { MAX_EVIDENCE_PER_ANNOTATION, MAX_EVIDENCE_PER_FACT } from '../../src/annotate/evidence-bounds';

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start({ batchBodyLimit: '64kb' });
});
afterAll(() => api.close());

type Annotation = Schemas['Annotation'];
type BatchResponse = Schemas['BatchResponse'];
type BatchResult = Schemas['BatchResult'];
type Problem = Schemas['Problem'];

const ticket = {
  id: 'Z-4711',
  subject: "Outlook can't connect from home",
  body: 'Outlook 2003 cannot connect to Exchange 2003 since the SonicWall does NAT overload. The exchange server is 10.0.0.5.',
};

describe('POST /v1/annotate', () => {
  it('reads the facts with the exact text and offsets they came from, diagnoses, tags and writes a note', async () => {
    const res = await api.post<Annotation>('/v1/annotate', { ticket });
    expect(res.status).toBe(200);
    const { facts } = res.body;
    expect(facts.outlookVersion).toEqual({ value: '2003', source: 'extracted', confidence: expect.any(Number), evidence: [{ field: 'body', text: 'Outlook 2003', start: 0, end: 12 }] });
    for (const fact of Object.values(facts)) {
      for (const span of fact.evidence) expect(ticket[span.field as 'subject' | 'body'].slice(span.start, span.end)).toBe(span.text);
    }
    expect(facts.firewallPlatform?.value).toBe('non-windows');
    expect(facts.natMode?.value).toBe('many-to-one');
    expect(facts.serverAddress?.value).toBe('10.0.0.5');
    expect(res.body.diagnoses.map((d) => d.id)).toEqual(['KB291615.nat-loses-rpc-information']);
    expect(res.body.tags).toEqual(expect.arrayContaining(['kb291615', 'nat', 'nat-many-to-one', 'outlook', 'outlook-2003', 'exchange-2003', 'cannot-connect']));
    expect(res.body.tags).toEqual([...res.body.tags].sort());
    expect(res.body.note.markdown).toContain('[KB291615: ');
    expect(res.body.note.markdown).toContain('**Perform a one-to-one translation');
    expect(res.body.note.text).toContain('KB291615');
    expect(res.body.note.text).not.toContain('**');
    // What the note says beyond the text: the scope, the derived facts, the articles not covering Exchange 2003.
    expect(res.body.note.text).toContain('Applies to: Microsoft Outlook, no versions named (revision 2024-01-24)');
    expect(res.body.note.text).toMatch(
      /DERIVED FACTS\n- serverAddressSpace: Private \(RFC 1918\) \[derived from serverAddress "10\.0\.0\.5".*\n- addressTranslation: Yes, addresses are translated between them \[derived from natMode "many-to-one"/,
    );
    expect(res.body.outOfScope.map((d) => d.id)).toEqual(['KB148732.firewall-rejects-rpc-ports']);
    expect(res.body.note.text).toMatch(/NOT COVERED BY THE ARTICLES FOR THESE VERSIONS\n- KB148732 /);
    expect(res.body.ticket).toEqual({ id: 'Z-4711' });
  });

  it('facts sent with the ticket win over the text, and say so', async () => {
    const res = await api.post<Annotation>('/v1/annotate', { ticket: { ...ticket, facts: { firewallPlatform: 'windows-nt', serverAddressSpace: 'public' } } });
    expect(res.body.facts.firewallPlatform).toEqual({ value: 'windows-nt', source: 'given', evidence: [] });
    // The given address space overrides the address read from the text, rather than conflicting with it.
    expect(res.body.facts.serverAddress).toBeUndefined();
    expect(res.body.facts.serverAddressSpace?.source).toBe('given');
    const nat = res.body.diagnoses.find((d) => d.id === 'KB291615.nat-loses-rpc-information');
    const oneToOne = nat?.workarounds.find((w) => w.id === 'KB291615.one-to-one-translation');
    expect(oneToOne?.applicable).toBe(false);
  });

  it('a fact read from the text that the facts sent with the ticket rule out gives way, rather than the ticket being refused', async () => {
    // natMode none implies no translation; "does NAT" reads one, which the stated mode rules out.
    const res = await api.post<Annotation>('/v1/annotate', { ticket: { id: 'Z-4712', body: 'Outlook 2003 cannot connect, the router does NAT', facts: { natMode: 'none' } } });
    expect(res.status).toBe(200);
    expect(res.body.facts.natMode).toEqual({ value: 'none', source: 'given', evidence: [] });
    expect(res.body.facts.addressTranslation).toBeUndefined();
    expect(res.body.facts.outlookVersion?.value).toBe('2003');
  });

  it('a ticket about something else gets no facts, no diagnosis and no tags', async () => {
    const res = await api.post<Annotation>('/v1/annotate', { ticket: { id: '9', subject: 'Printer jam', body: 'The printer on floor 2 shows error 50.4.' } });
    expect(res.body).toMatchObject({ facts: {}, diagnoses: [], tags: [] });
    expect(res.body.note.text).toContain('No diagnosis holds');
  });

  it('an invalid given fact is a 400 pointing into the ticket', async () => {
    const res = await api.post<Problem>('/v1/annotate', { ticket: { ...ticket, facts: { natMode: 'pat' } } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ pointer: '/ticket/facts/natMode', allowed: expect.arrayContaining(['many-to-one']) });
  });

  it('a given fact of the wrong JSON type is an invalid_fact_value pointing into the ticket, with the allowed values', async () => {
    const res = await api.post<Problem>('/v1/annotate', { ticket: { ...ticket, facts: { exchangeVersion: 2003 } } });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_fact_value');
    expect(res.body.errors).toEqual([{ pointer: '/ticket/facts/exchangeVersion', detail: expect.stringContaining('send "2003"'), allowed: expect.arrayContaining(['2003']) }]);
  });

  it.each([[4711], ['4711']])('a ticket id sent as %j (a number, as Zendesk sends it, or a string) is given back as sent', async (id) => {
    const res = await api.post<Annotation>('/v1/annotate', { ticket: { ...ticket, id } });
    expect(res.status).toBe(200);
    expect(res.body.ticket.id).toBe(id);
  });

  it.each([[''], [-1], [1.5], [{ id: 1 }]])('a ticket id of %j is a 400 pointing at it', async (id) => {
    const res = await api.post<Problem>('/v1/annotate', { ticket: { ...ticket, id } });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.pointer)).toContain('/ticket/id');
  });

  it('a ticket without an id is a 400', async () => {
    const res = await api.post<Problem>('/v1/annotate', { ticket: { subject: 'x' } });
    expect(res.status).toBe(400);
    expect(res.body.errors).toContainEqual({ pointer: '/ticket/id', detail: 'is required' });
  });
});

describe('POST /v1/annotate/batch (JSON)', () => {
  it('answers every ticket in order, each with its annotation or its own error', async () => {
    const res = await api.post<BatchResponse>('/v1/annotate/batch', {
      tickets: [ticket, { id: 'bad', facts: { natType: 'x' } }, { subject: 'no id' }, { id: 'ok-2', body: 'ActiveSync phones fail to sync' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.id, r.status])).toEqual([
      ['Z-4711', 200],
      ['bad', 400],
      [undefined, 400],
      ['ok-2', 200],
    ]);
    expect(problemOf(res.body.results[1])).toMatchObject({ code: 'unknown_fact', errors: [expect.objectContaining({ pointer: '/tickets/1/facts/natType' })] });
    expect(problemOf(res.body.results[2])?.errors).toContainEqual({ pointer: '/tickets/2/id', detail: 'is required' });
  });

  it('takes ticket ids as numbers and as strings, as the Zendesk webhook does, and gives each back as sent', async () => {
    const res = await api.post<BatchResponse>('/v1/annotate/batch', { tickets: [{ ...ticket, id: 4711 }, { ...ticket, id: '4712' }, { id: 4713, facts: { natType: 'x' } }, { id: 1.5 }] });
    expect(res.status).toBe(200);
    expect(res.body.results.map((r: BatchResult) => [r.id, r.status])).toEqual([
      [4711, 200],
      ['4712', 200],
      [4713, 400],
      [undefined, 400],
    ]);
    expect(annotationOf(res.body.results[0])?.ticket.id).toBe(4711);
  });

  it("a ticket's fact of the wrong JSON type is that ticket's invalid_fact_value, pointing into the batch", async () => {
    const res = await api.post<BatchResponse>('/v1/annotate/batch', { tickets: [ticket, { id: 'typed', facts: { port135Reachable: 1 } }] });
    expect(problemOf(res.body.results[1])).toMatchObject({
      code: 'invalid_fact_value',
      errors: [{ pointer: '/tickets/1/facts/port135Reachable', detail: expect.stringContaining('it takes true or false'), allowed: [true, false] }],
    });
  });

  it('a ticket holding more values than any valid one is refused at its first problem, and the problem says so', async () => {
    const res = await api.post<BatchResponse>('/v1/annotate/batch', { tickets: [{ id: 'big', facts: { symptoms: Array(5000).fill(0) } }] });
    const problem = problemOf(res.body.results[0]);
    expect(problem?.errors?.length).toBeLessThan(5);
    expect(problem?.errors?.[0]?.pointer).toBe('/tickets/0/facts/symptoms');
    expect(problem?.detail).toMatch(/only the first problem is listed/);
  });

  it('more than 100 tickets is a 413 that says what to do instead', async () => {
    const res = await api.post<Problem>('/v1/annotate/batch', { tickets: Array.from({ length: 101 }, (_, i) => ({ id: String(i) })) });
    expect(res.status).toBe(413);
    expect(res.body.detail).toMatch(/at most 100.*x-ndjson/);
  });

  it('a body over the batch limit is a 413', async () => {
    const res = await api.post('/v1/annotate/batch', { tickets: [{ id: '1', body: 'x'.repeat(70_000) }] });
    expect(res.status).toBe(413);
  });

  it('a body that is not {"tickets": [...]} is a 400', async () => {
    const res = await api.post<Problem>('/v1/annotate/batch', { ticket });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.pointer).toBe('/tickets');
  });

  it('another content type is a 415', async () => {
    const res = await api.request('POST', '/v1/annotate/batch', { body: 'x', headers: { 'content-type': 'text/csv' } });
    expect(res.status).toBe(415);
  });
});

describe('POST /v1/annotate/batch (NDJSON)', () => {
  const ndjson = (body: string) => api.request<BatchResult[]>('POST', '/v1/annotate/batch', { body, headers: { 'content-type': 'application/x-ndjson' } });

  it('streams one result per non-empty line, numbered, with bad lines getting their own error', async () => {
    const body = [JSON.stringify(ticket), '', '{not json', JSON.stringify({ id: 'x', facts: { natMode: 'pat' } }), JSON.stringify({ id: 'y', body: 'Outlook 2007 cannot connect' })].join('\n');
    const res = await ndjson(body);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    expect(res.body.map((r) => [r.line, r.status, r.id])).toEqual([
      [1, 200, 'Z-4711'],
      [3, 400, undefined],
      [4, 400, 'x'],
      [5, 200, 'y'],
    ]);
    expect(problemOf(res.body[1])?.code).toBe('malformed_json');
  });

  it('a line over the limit gets a 413 result and the lines after it are still answered', async () => {
    const long = JSON.stringify({ id: 'long', body: 'y'.repeat(200 * 1024) });
    const res = await ndjson(`${long}\n${JSON.stringify({ id: 'after' })}\n`);
    expect(res.body.map((r) => [r.line, r.status])).toEqual([
      [1, 413],
      [2, 200],
    ]);
  });

  it('handles many lines (a backfill) and keeps their order', async () => {
    const lines = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `t${i}`, body: i % 2 ? 'Outlook 2003 cannot connect to Exchange 2003, port 135 blocked' : 'printer' }));
    const res = await ndjson(lines.join('\n'));
    expect(res.body).toHaveLength(200);
    expect(res.body.map((r) => r.id)).toEqual(lines.map((_, i) => `t${i}`));
    expect(annotationOf(res.body[1])?.diagnoses.map((d) => d.id)).toEqual(['KB833799.endpoint-mapper-unreachable']);
  });
});

describe('context the vocabulary cannot hold', () => {
  it('is listed in the annotation with its evidence, and in the note under its own heading', async () => {
    const body = 'Outlook for Mac cannot connect to our Exchange 2007; over the VPN it works.';
    const res = await api.post<Annotation>('/v1/annotate', { ticket: { id: 'mac', body } });
    expect(res.status).toBe(200);
    const mac = res.body.context.find((c) => c.id === 'outlook-for-mac');
    expect(mac?.evidence).toEqual([{ field: 'body', text: 'Outlook for Mac', start: 0, end: 15 }]);
    expect(res.body.note.text).toMatch(/ALSO MENTIONED[^\n]*\n- Outlook for Mac [^\n]*\(from "Outlook for Mac"\)/);
    expect(res.body.note.markdown).toContain('It works over a VPN');
  });
});

describe('bounded answers', () => {
  it('a ticket that repeats a fact thousands of times gets a few spans of evidence per fact and in all, and says how many were left out', async () => {
    const body = 'NAT on the SonicWall, Outlook 2003 cannot connect, port 135 is blocked, the phones fail to sync. '.repeat(600);
    const res = await api.post<Annotation>('/v1/annotate', { ticket: { id: 'long', body } });
    expect(res.status).toBe(200);
    const facts = Object.values(res.body.facts);
    const shown = facts.reduce((sum, fact) => sum + fact.evidence.length, 0);
    expect(shown).toBeLessThanOrEqual(MAX_EVIDENCE_PER_ANNOTATION);
    for (const fact of facts) expect(fact.evidence.length).toBeLessThanOrEqual(MAX_EVIDENCE_PER_FACT);
    // Every match is accounted for: shown, or counted as left out.
    expect(res.body.facts.addressTranslation!.evidence.length + res.body.facts.addressTranslation!.evidenceOmitted!).toBe(600);
    expect(res.body.facts.symptoms!.evidence.length + res.body.facts.symptoms!.evidenceOmitted!).toBe(1200);
    // The note quotes a few and says how many more there are.
    expect(res.body.note.text).toMatch(/addressTranslation: .*\(from "NAT", "NAT", "NAT" and 597 more\)/);
  });

  it('a ticket with few matches keeps all its evidence and no count of left-out spans', async () => {
    const res = await api.post<Annotation>('/v1/annotate', { ticket });
    for (const fact of Object.values(res.body.facts)) expect(fact.evidenceOmitted).toBeUndefined();
  });
});
