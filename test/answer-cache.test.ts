import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { answerWeight, encodedDiagnoseAnswer, type EncodedAnswer } from '../src/http/answer-cache';
import { BoundedCache } from '../src/consult/bounded-cache';
import { Diagnoser } from '../src/engine/diagnose';
import { Metrics } from '../src/observability/metrics';
import { bundledRulesDir } from '../src/paths';
import { KnowledgeBaseHolder } from '../src/app/holder';
import type { Article } from '../src/kb/model';
import { TestApi, type Schemas } from '../harness/api';
import { bundledKnowledgeBase } from '../harness/knowledge-base';

type DiagnoseResponse = Schemas['DiagnoseResponse'];
type Problem = Schemas['Problem'];

const article = (id: string) => ({ article: { id, title: id, url: `https://example.com/${id}` } });

describe('the answer cache (BoundedCache weighed by bytes)', () => {
  it('keeps answers up to its size, dropping the least recently used first', () => {
    const cache = new BoundedCache<EncodedAnswer>(30, answerWeight);
    cache.set('a', { body: Buffer.from('1234567890'), diagnoses: [] }); // 12 bytes with its key
    cache.set('b', { body: Buffer.from('1234567890'), diagnoses: [] });
    expect(cache.get('a')?.body.toString()).toBe('1234567890'); // a is now the most recently used
    cache.set('c', { body: Buffer.from('1234567890'), diagnoses: [article('KB1')] }); // 36 > 30: b goes
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')?.diagnoses).toEqual([article('KB1')]);
    expect(cache.size).toBe(2);
  });

  it('counts a key set again once, with its latest value', () => {
    const cache = new BoundedCache<EncodedAnswer>(24, answerWeight);
    cache.set('a', { body: Buffer.from('1234567890'), diagnoses: [] });
    cache.set('a', { body: Buffer.from('0987654321'), diagnoses: [] });
    cache.set('b', { body: Buffer.from('1234567890'), diagnoses: [] }); // 24 in all: both fit
    expect(cache.get('a')?.body.toString()).toBe('0987654321');
    expect(cache.get('b')).toBeDefined();
  });

  it('never keeps an answer larger than the whole cache', () => {
    const cache = new BoundedCache<EncodedAnswer>(5, answerWeight);
    cache.set('a', { body: Buffer.from('1234567890'), diagnoses: [] });
    expect(cache.size).toBe(0);
  });
});

describe('an encoded answer', () => {
  it('holds its bytes in memory of its own, so that the cache keeps no more than it counts', async () => {
    const answer = await encodedDiagnoseAnswer(bundledKnowledgeBase(), { facts: { clientKind: 'owa-server', symptoms: ['certificate-warning'] } }, { includeCandidates: false });
    expect(answer.body.length).toBeLessThan(4096); // short enough for Buffer.from to cut it from a shared slab
    expect(answer.body.buffer.byteLength).toBe(answer.body.length);
    expect((JSON.parse(answer.body.toString('utf8')) as DiagnoseResponse).kb.revision).toBe(bundledKnowledgeBase().kb.revision);
  });
});

describe('POST /v1/diagnose through the answer cache', () => {
  const facts = { clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', symptoms: ['cannot-connect'], serverAddress: '10.0.0.5' };
  const reordered = { serverAddress: '10.0.0.5', symptoms: ['cannot-connect'], natMode: 'many-to-one', exchangeVersion: '2003', clientKind: 'outlook' };

  it('answers byte for byte what the service answers without it, for the same facts in any order', async () => {
    const cached = await TestApi.start();
    const uncached = await TestApi.start({ answerCacheMb: 0 });
    try {
      const fresh = await uncached.post('/v1/diagnose', { facts });
      const first = await cached.post('/v1/diagnose', { facts });
      const again = await cached.post('/v1/diagnose', { facts: reordered });
      expect(first.text).toBe(fresh.text);
      expect(again.text).toBe(fresh.text);
      expect(again.headers.get('content-type')).toBe(fresh.headers.get('content-type'));
      // Given and derived facts are told apart: the same address space sent directly is another answer.
      const direct = await cached.post<DiagnoseResponse>('/v1/diagnose', { facts: { ...facts, serverAddress: undefined, serverAddressSpace: 'private' } });
      expect(direct.body.facts.given.serverAddressSpace).toBe('private');
      expect(direct.body.facts.derived).toEqual({ addressTranslation: true });
      // The option is part of the key.
      const withCandidates = await cached.request<DiagnoseResponse>('POST', '/v1/diagnose?include=candidates', { json: { facts } });
      expect(withCandidates.body.candidates?.length).toBeGreaterThan(0);
      // A bad request is checked every time, never answered from the cache.
      expect((await cached.post('/v1/diagnose', { facts: { ...facts, natMode: 'pat' } })).status).toBe(400);
    } finally {
      await cached.close();
      await uncached.close();
    }
  });

  it('builds the answer to a request once, however its body is spaced; another request is built', async () => {
    const served = bundledKnowledgeBase();
    const counted = { kb: served.kb, diagnoser: new Diagnoser(served.kb) };
    const diagnose = jest.spyOn(counted.diagnoser, 'diagnose');
    const api = await TestApi.start({ snapshot: counted });
    try {
      const compact = await api.request('POST', '/v1/diagnose', { body: JSON.stringify({ facts }), headers: { 'content-type': 'application/json' } });
      const spaced = await api.request('POST', '/v1/diagnose', { body: JSON.stringify({ facts }, null, 2), headers: { 'content-type': 'application/json' } });
      expect(spaced.text).toBe(compact.text);
      expect(diagnose).toHaveBeenCalledTimes(1);
      const reorderedAnswer = await api.post('/v1/diagnose', { facts: reordered });
      expect(reorderedAnswer.text).toBe(compact.text);
      expect(diagnose).toHaveBeenCalledTimes(2);
      await api.request('POST', '/v1/diagnose?include=candidates', { json: { facts } });
      expect(diagnose).toHaveBeenCalledTimes(3);
      // Refused requests are never stored: sent again, they are checked again.
      for (let i = 0; i < 2; i++) expect((await api.post<Problem>('/v1/diagnose', { facts: { ...facts, natMode: 'pat' } })).body.code).toBe('invalid_fact_value');
      expect((await api.request('POST', '/v1/diagnose', { body: JSON.stringify({ facts }), headers: { 'content-type': 'text/plain' } })).status).toBe(415);
      expect(diagnose).toHaveBeenCalledTimes(3);
    } finally {
      await api.close();
    }
  });

  it('leaves a body nested too deep to serialize again to validation, which refuses it', async () => {
    const api = await TestApi.start();
    try {
      const depth = 45_000; // under the 100 kB body limit; JSON.parse reads it, JSON.stringify cannot write it
      const res = await api.request<Problem>('POST', '/v1/diagnose', { body: `{"facts":${'['.repeat(depth)}${']'.repeat(depth)}}`, headers: { 'content-type': 'application/json' } });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_request');
    } finally {
      await api.close();
    }
  });

  it('counts a cached answer’s diagnoses in the metrics like a computed one', async () => {
    const metrics = new Metrics();
    const holder = new KnowledgeBaseHolder(bundledRulesDir, { loaded: (kb) => metrics.knowledgeBaseLoaded(kb), diagnosed: (d) => metrics.diagnosed(d) });
    const api = await TestApi.start({ holder, metrics });
    try {
      for (let i = 0; i < 3; i++) await api.post('/v1/diagnose', { facts });
      const text = await metrics.registry.metrics();
      expect(text).toMatch(/diagnoses_total\{article="KB291615"\} 3/);
    } finally {
      await api.close();
    }
  });

  it('after a reload, answers from the new knowledge base, not from the old one’s cache', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kb-'));
    fs.cpSync(bundledRulesDir, dir, { recursive: true });
    const holder = new KnowledgeBaseHolder(dir);
    const key = '0123456789abcdef';
    const api = await TestApi.start({ holder, adminApiKeys: [key] });
    try {
      const headers = { 'x-api-key': key };
      const diagnose = async () => (await api.request<DiagnoseResponse>('POST', '/v1/diagnose', { json: { facts }, headers })).body.diagnoses[0]?.title;
      const before = await diagnose();
      expect(await diagnose()).toBe(before); // now cached
      const file = path.join(dir, 'articles', 'KB291615.json');
      const article = JSON.parse(fs.readFileSync(file, 'utf8')) as Article;
      article.diagnoses.find((d) => d.id === 'nat-loses-rpc-information')!.title = 'Retitled after the reload';
      fs.writeFileSync(file, JSON.stringify(article));
      expect((await api.request('POST', '/admin/reload', { headers })).status).toBe(200);
      expect(await diagnose()).toBe('Retitled after the reload');
    } finally {
      await api.close();
    }
  });
});
