import { expect } from '@jest/globals';
import { TestApi, type Schemas } from '../../harness/api';

type DiagnoseResponse = Schemas['DiagnoseResponse'];
type Annotation = Schemas['Annotation'];
type DecisionDetail = Schemas['DecisionDetail'];
type FieldFigures = Schemas['FieldFigures'];
type Problem = Schemas['Problem'];
import { DecisionRecorder } from '../../src/decisions/recorder';
import { Metrics } from '../../src/observability/metrics';
import { startLoggingApi, type LoggingApi } from '../support/logging-api';
import { STORE_KINDS, testStore } from '../support/stores';

const natFacts = { clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', firewallPlatform: 'non-windows', symptoms: ['cannot-connect'] };
const DIAGNOSIS = 'KB291615.nat-loses-rpc-information';
const WORKAROUND = 'KB291615.one-to-one-translation';
const KEY = 'helpdesk-key-0123456789';

describe.each(STORE_KINDS)('the decision log over HTTP, on the %s store', (kind) => {
  let logging: LoggingApi;
  let api: TestApi;
  beforeAll(async () => {
    logging = await startLoggingApi(kind, { app: { apiKeys: [`helpdesk:${KEY}`] } });
    api = logging.api;
  });
  afterAll(() => logging.close());
  const headers = { 'x-api-key': KEY };
  const post = <Body = unknown>(path: string, json: unknown) => api.request<Body>('POST', path, { json, headers });
  const get = <Body = unknown>(path: string) => api.request<Body>('GET', path, { headers });

  it('records a diagnosis with its facts, diagnoses and caller, and gives its id in the body and a header', async () => {
    const res = await post<DiagnoseResponse>('/v1/diagnose', { facts: natFacts });
    expect(res.status).toBe(200);
    expect(res.body.decisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers.get('x-decision-id')).toBe(res.body.decisionId);
    const { status, body } = await get<DecisionDetail>(`/v1/decisions/${res.body.decisionId}`);
    expect(status).toBe(200);
    expect(body.outcomes).toEqual([]);
    const { decision } = body;
    expect(decision).toMatchObject({ id: res.body.decisionId, kind: 'diagnose', kb: { revision: res.body.kb.revision }, caller: 'helpdesk', unknown: [] });
    expect(decision.facts.natMode).toEqual({ value: 'many-to-one', source: 'stated' });
    expect(decision.facts.addressTranslation).toEqual({ value: true, source: 'derived', from: ['natMode'] });
    expect(decision.diagnoses).toContainEqual({ id: DIAGNOSIS, article: 'KB291615', status: 'confirmed', workarounds: expect.arrayContaining([{ id: WORKAROUND, applicable: true }]) });
    // The key itself is nowhere in what was recorded.
    expect(JSON.stringify(body)).not.toContain(KEY);
  });

  it('records an answer served from the cache as a decision of its own', async () => {
    const first = await post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook', natMode: 'one-to-one' } });
    const again = await post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook', natMode: 'one-to-one' } });
    expect(again.body.decisionId).not.toBe(first.body.decisionId);
    // The same answer but for its id (toEqual takes an undefined property for a missing one).
    expect({ ...again.body, decisionId: undefined }).toEqual({ ...first.body, decisionId: undefined });
    expect((await get<DecisionDetail>(`/v1/decisions/${again.body.decisionId}`)).body.decision.facts.natMode).toEqual({ value: 'one-to-one', source: 'stated' });
  });

  it('records an annotation with the facts read from the ticket, names the decision in the note, and keeps no ticket text', async () => {
    const ticket = { id: 'T-1', subject: 'Outlook down', body: 'Outlook 2003 cannot connect to Exchange 2003 through our SonicWall doing NAT. Call jane.doe@example.com' };
    const res = await post<Annotation>('/v1/annotate', { ticket });
    const id = res.body.decisionId as string;
    expect(res.body.note.text).toContain(`decision ${id}`);
    const { decision } = (await get<DecisionDetail>(`/v1/decisions/${id}`)).body;
    expect(decision).toMatchObject({ kind: 'annotate', ticket: { id: 'T-1' } });
    expect(decision.facts.outlookVersion).toEqual({ value: '2003', source: 'extracted' });
    expect(decision.text).toBeUndefined();
    expect(JSON.stringify(decision)).not.toContain('jane.doe');
  });

  it("records a chatbot's diagnosis over MCP as a decision of its key, with the id in the tool's result", async () => {
    const res = await api.request('POST', '/mcp', {
      json: { jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'diagnose', arguments: { facts: natFacts } } },
      headers: { ...headers, accept: 'application/json, text/event-stream' },
    });
    const { decisionId } = (res.body as { result: { structuredContent: { decisionId: string } } }).result.structuredContent;
    expect(decisionId).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get<DecisionDetail>(`/v1/decisions/${decisionId}`)).body.decision).toMatchObject({ kind: 'diagnose', caller: 'helpdesk' });
  });

  it('takes an outcome naming a diagnosis or workaround of the decision, and counts it in the figures', async () => {
    const { body } = await post<DiagnoseResponse>('/v1/diagnose', { facts: natFacts });
    const before = (await get<FieldFigures>('/v1/stats')).body;
    const resolved = await post<{ outcome: Schemas['Outcome'] }>(`/v1/decisions/${body.decisionId}/outcome`, { kind: 'resolved', workaround: WORKAROUND });
    expect(resolved.status).toBe(201);
    expect(resolved.body.outcome).toMatchObject({ kind: 'resolved', workaround: WORKAROUND, source: 'agent', caller: 'helpdesk' });
    expect((await post(`/v1/decisions/${body.decisionId}/outcome`, { kind: 'confirmed', diagnosis: DIAGNOSIS })).status).toBe(201);
    expect((await get<DecisionDetail>(`/v1/decisions/${body.decisionId}`)).body.outcomes.map((o: { kind: string }) => o.kind)).toEqual(['resolved', 'confirmed']);
    const after = (await get<FieldFigures>('/v1/stats')).body;
    const figures = (f: FieldFigures) => f.articles.find((a) => a.id === 'KB291615')!;
    const diagnosis = (f: FieldFigures) => figures(f).diagnoses.find((d) => d.id === DIAGNOSIS)!;
    const workaround = (f: FieldFigures) => figures(f).workarounds.find((w) => w.id === WORKAROUND)!;
    expect(diagnosis(after).agreed - diagnosis(before).agreed).toBe(2);
    expect(workaround(after).resolved - workaround(before).resolved).toBe(1);
    expect(workaround(after).resolutionRate).toBeGreaterThan(0);
    expect(after.outcomes.resolved).toBeGreaterThanOrEqual(1);
  });

  it.each([
    [{ kind: 'confirmed', diagnosis: 'KB000000.nothing' }, '/diagnosis', [DIAGNOSIS]],
    [{ kind: 'rejected' }, '/diagnosis', [DIAGNOSIS]],
    [{ kind: 'resolved', workaround: 'KB833799.static-ports-profile' }, '/workaround', [WORKAROUND]],
    [{ kind: 'none', diagnosis: DIAGNOSIS }, '/diagnosis', []],
  ])("refuses the outcome %j with a 400 naming the field and the decision's own", async (outcome, pointer, allowed) => {
    const { body } = await post<DiagnoseResponse>('/v1/diagnose', { facts: natFacts });
    const res = await post<Problem>(`/v1/decisions/${body.decisionId}/outcome`, outcome);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('invalid_request');
    expect(res.body.errors?.[0]?.pointer).toBe(pointer);
    expect(res.body.errors?.[0]?.allowed).toEqual(expect.arrayContaining(allowed));
  });

  it('refuses an outcome of an unknown kind by the contract, naming the allowed kinds', async () => {
    const { body } = await post<DiagnoseResponse>('/v1/diagnose', { facts: natFacts });
    const res = await post<Problem>(`/v1/decisions/${body.decisionId}/outcome`, { kind: 'fixed' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]).toMatchObject({ pointer: '/kind', allowed: ['confirmed', 'rejected', 'resolved', 'none'] });
  });

  it('answers 404 for a decision it does not hold, and its outcome', async () => {
    expect((await get('/v1/decisions/no-such-decision')).status).toBe(404);
    expect((await post('/v1/decisions/no-such-decision/outcome', { kind: 'none' })).status).toBe(404);
  });

  it('filters the figures by revision and hour, and refuses a range that ends before it starts', async () => {
    const { body } = await post<DiagnoseResponse>('/v1/diagnose', { facts: natFacts });
    const all = (await get<FieldFigures>('/v1/stats')).body;
    expect(all.decisions).toBeGreaterThan(0);
    expect((await get<FieldFigures>(`/v1/stats?kbRevision=${body.kb.revision}`)).body.decisions).toBe(all.decisions);
    expect((await get<FieldFigures>('/v1/stats?kbRevision=0000')).body.decisions).toBe(0);
    expect((await get<FieldFigures>('/v1/stats?to=2001-01-01T00:00:00Z')).body).toMatchObject({ decisions: 0, to: '2001-01-01T00:00:00.000Z' });
    const refused = await get<Problem>('/v1/stats?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z');
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]?.pointer).toBe('/query/from');
    expect((await get<FieldFigures>('/v1/stats?from=yesterday')).status).toBe(400);
  });
});

describe('questions ranked with the priors of the field (?priors=field)', () => {
  it('follow the answers the log has seen, while the default order stays that of the rules', async () => {
    const logging = await startLoggingApi();
    const { api } = logging;
    try {
      // Callers who, once asked, said there is no firewall in the path.
      for (let i = 0; i < 40; i += 1) await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook', firewallPlatform: 'none' } });
      const opening = { facts: { clientKind: 'outlook', symptoms: ['cannot-connect'] } };
      const plain = await api.post<DiagnoseResponse>('/v1/diagnose', opening);
      const weighted = await api.post<DiagnoseResponse>('/v1/diagnose?priors=field', opening);
      expect(plain.body.questions[0]?.fact).toBe('exchangeVersion');
      expect(weighted.status).toBe(200);
      expect(weighted.body.questions[0]?.fact).toBe('firewallPlatform');
      expect(weighted.body.decisionId).toBeDefined();
      expect((await api.post<DiagnoseResponse>('/v1/diagnose', opening)).body.questions).toEqual(plain.body.questions);
    } finally {
      await logging.close();
    }
  });

  it('are refused with a 400 naming the parameter when the service keeps no decision log, or the value is not one it takes', async () => {
    const api = await TestApi.start();
    try {
      const off = await api.post<Problem>('/v1/diagnose?priors=field', { facts: natFacts });
      expect(off.status).toBe(400);
      expect(off.body.errors?.[0]?.pointer).toBe('/query/priors');
      const bogus = await api.post<Problem>('/v1/diagnose?priors=guess', { facts: natFacts });
      expect(bogus.status).toBe(400);
      expect(bogus.body.errors?.[0]).toMatchObject({ pointer: '/query/priors', allowed: ['field'] });
    } finally {
      await api.close();
    }
  });
});

describe('the decision log', () => {
  it('when it is off, then answers carry no decision id and its routes are 404s', async () => {
    const api = await TestApi.start();
    try {
      const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: natFacts });
      expect(res.body.decisionId).toBeUndefined();
      expect(res.headers.get('x-decision-id')).toBeNull();
      expect((await api.get<FieldFigures>('/v1/stats')).status).toBe(404);
      expect((await api.get('/v1/decisions/x')).status).toBe(404);
    } finally {
      await api.close();
    }
  });

  it('keeps the ticket text when told to', async () => {
    const logging = await startLoggingApi('sqlite', { recorder: { keepText: true } });
    const { api } = logging;
    try {
      const res = await api.post<Annotation>('/v1/annotate', { ticket: { id: 'T-2', subject: 'Outlook', body: 'Outlook 2003 behind NAT' } });
      expect((await api.get<DecisionDetail>(`/v1/decisions/${res.body.decisionId}`)).body.decision.text).toEqual({ subject: 'Outlook', body: 'Outlook 2003 behind NAT' });
    } finally {
      await logging.close();
    }
  });

  it('when the store fails, then the diagnosis is answered all the same and the lost decision is counted in /metrics', async () => {
    const t = await testStore('sqlite');
    await t.store.close();
    const metrics = new Metrics();
    let counted!: () => void;
    const lost = new Promise<void>((resolve) => (counted = resolve));
    const recorder = new DecisionRecorder({
      log: t.store.decisions,
      lost: (count) => {
        metrics.decisionsLost(count);
        counted();
      },
    });
    const api = await TestApi.start({ decisions: recorder, metrics });
    try {
      const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: natFacts });
      expect(res.status).toBe(200);
      expect(res.body.diagnoses.length).toBeGreaterThan(0);
      await lost;
      expect((await api.get('/metrics')).text).toMatch(/^decision_log_failures_total 1$/m);
    } finally {
      await api.close();
      await t.dispose().catch(() => undefined);
    }
  });
});
