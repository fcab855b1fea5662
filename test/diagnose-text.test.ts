import { expect } from '@jest/globals';
import { TestApi, type Schemas } from '../harness/api';
import { startLoggingApi } from './support/logging-api';

type DiagnoseResponse = Schemas['DiagnoseResponse'];
type DecisionDetail = Schemas['DecisionDetail'];
type Problem = Schemas['Problem'];

let api: TestApi;
beforeAll(async () => {
  api = await TestApi.start();
});
afterAll(() => api.close());

const said = "it's Outlook 2003 on a SonicWall doing NAT overload, the server is 192.168.1.20";

describe('POST /v1/diagnose with text', () => {
  it('reads facts from the text, returns each with source "text" and the words it came from, and diagnoses with them', async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook', exchangeVersion: '2003', symptoms: ['cannot-connect'] }, text: said });
    expect(res.status).toBe(200);
    const { fromText, given } = res.body.facts;
    expect(given).toEqual({ clientKind: 'outlook', exchangeVersion: '2003', symptoms: ['cannot-connect'] });
    expect(fromText?.outlookVersion).toEqual({ value: '2003', source: 'text', confidence: expect.any(Number), evidence: [{ field: 'text', text: 'Outlook 2003', start: 5, end: 17 }] });
    expect(fromText?.firewallPlatform?.value).toBe('non-windows');
    expect(fromText?.natMode?.value).toBe('many-to-one');
    expect(fromText?.serverAddress?.value).toBe('192.168.1.20');
    for (const fact of Object.values(fromText ?? {})) for (const span of fact.evidence) expect(said.slice(span.start, span.end)).toBe(span.text);
    // The address read from the text derives its space, as a stated one does.
    expect(res.body.facts.derived.serverAddressSpace).toBe('private');
    expect(res.body.diagnoses.map((d) => d.id)).toContain('KB291615.nat-loses-rpc-information');
    expect(res.body.questions.map((q) => q.fact)).not.toContain('natMode');
  });

  it('a stated fact wins over the text, and so does one stated as unknown or stated through the address it derives from', async () => {
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook', outlookVersion: '2007', natMode: null, serverAddressSpace: 'public' }, text: said });
    expect(res.status).toBe(200);
    expect(res.body.facts.given.outlookVersion).toBe('2007');
    expect(Object.keys(res.body.facts.fromText ?? {}).sort()).toEqual(['firewallPlatform']);
    expect(res.body.facts.unknown).toEqual(['natMode']);
    expect(res.body.facts.given.serverAddressSpace).toBe('public');
  });

  it('a fact read from the text that the stated facts rule out gives way: words never get a request refused', async () => {
    // natMode none implies no translation; "does NAT" reads a translation, which the stated mode rules out.
    const res = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook', natMode: 'none' }, text: 'the router does NAT, we run Outlook 2003' });
    expect(res.status).toBe(200);
    expect(res.body.facts.given.natMode).toBe('none');
    expect(res.body.facts.fromText).toEqual({ outlookVersion: expect.objectContaining({ value: '2003' }), firewallPlatform: expect.objectContaining({ value: 'non-windows' }) });
    expect(res.body.facts.derived.addressTranslation).toBe(false);
  });

  it('without text the answer has no fromText, and text that states nothing gives an empty one', async () => {
    const without = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook' } });
    expect(without.body.facts.fromText).toBeUndefined();
    const nothing = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook' }, text: 'no idea, sorry' });
    expect(nothing.status).toBe(200);
    expect(nothing.body.facts.fromText).toEqual({});
    expect({ ...nothing.body, facts: without.body.facts }).toEqual(without.body);
  });

  it('once the client is stated, the firewall, NAT and port facts are read from an answer that does not name it again; before, they are not', async () => {
    const text = 'the firewall is ISA Server 2004';
    const opened = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook' }, text });
    expect(opened.body.facts.fromText?.firewallPlatform?.value).toBe('windows-nt');
    // With nothing stated, a firewall alone may be about anything (a web proxy, a port forward for a web server).
    const cold = await api.post<DiagnoseResponse>('/v1/diagnose', { facts: {}, text });
    expect(cold.body.facts.fromText).toEqual({});
  });

  it('the same facts with different text get different answers, the cache notwithstanding', async () => {
    const facts = { clientKind: 'outlook', exchangeVersion: '2003' };
    const first = await api.post<DiagnoseResponse>('/v1/diagnose', { facts, text: 'the firewall is ISA Server' });
    const second = await api.post<DiagnoseResponse>('/v1/diagnose', { facts, text: 'the firewall is a Cisco PIX' });
    expect(first.body.facts.fromText?.firewallPlatform?.value).toBe('windows-nt');
    expect(second.body.facts.fromText?.firewallPlatform?.value).toBe('non-windows');
  });

  it.each([
    [{ facts: {}, text: 'x'.repeat(4001) }, '/text', /4000/],
    [{ facts: {}, text: 42 }, '/text', /string/],
    [{ text: 'Outlook 2003' }, '/facts', /required/],
  ])('refuses %j, naming the field and what is allowed', async (body, pointer, detail) => {
    const res = await api.post<Problem>('/v1/diagnose', body);
    expect(res.status).toBe(400);
    expect(res.body.errors?.[0]?.pointer).toBe(pointer);
    expect(res.body.errors?.[0]?.detail).toMatch(detail);
  });

  it('the decision log records the facts read from the text as extracted, and the text only when told to keep text', async () => {
    for (const keepText of [false, true]) {
      const logging = await startLoggingApi('sqlite', { recorder: { keepText } });
      try {
        const res = await logging.api.post<DiagnoseResponse>('/v1/diagnose', { facts: { clientKind: 'outlook' }, text: said });
        const { body } = await logging.api.get<DecisionDetail>(`/v1/decisions/${res.body.decisionId}`);
        expect(body.decision.facts.clientKind).toEqual({ value: 'outlook', source: 'stated' });
        expect(body.decision.facts.outlookVersion).toEqual({ value: '2003', source: 'extracted' });
        expect(body.decision.text).toEqual(keepText ? { body: said } : undefined);
      } finally {
        await logging.close();
      }
    }
  });
});
