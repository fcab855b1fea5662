import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createKbClient, KbError, type Answer, type AnyFactValue, type BatchResult, type FactName, type KbClient, type Ticket } from '../src/index.js';
import { startService, type LiveService } from './service.js';

const KEY = 'client-test-key-0123456789';
const NAT_TICKET: Ticket = {
  id: '4711',
  subject: "Outlook can't connect from home",
  body: 'Outlook 2003 cannot connect to Exchange 2003 since the SonicWall does NAT for the office.',
};

let service: LiveService;
let kb: KbClient;
before(async () => {
  service = await startService({ API_KEYS: KEY });
  kb = createKbClient({ baseUrl: service.url, apiKey: KEY });
});
after(() => service?.stop());

describe('diagnose', () => {
  it('answers the diagnoses that hold and what to ask next', async () => {
    const answer = await kb.diagnose({ clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', firewallPlatform: 'non-windows', symptoms: ['cannot-connect'] });
    assert.deepEqual(
      answer.diagnoses.map((d) => [d.id, d.status]),
      [['KB291615.nat-loses-rpc-information', 'confirmed']],
    );
    assert.ok(Array.isArray(answer.questions));
    assert.equal(answer.candidates, undefined);
  });

  it('adds every candidate when asked', async () => {
    const answer = await kb.diagnose({ clientKind: 'outlook' }, { candidates: true });
    assert.ok(answer.candidates && answer.candidates.length > 5);
  });

  it("throws the service's problem, with its stable code, for a value the vocabulary does not have", async () => {
    await assert.rejects(kb.diagnose({ natMode: 'many-to-none' } as never), (error: unknown) => error instanceof KbError && error.status === 400 && error.problem?.code === 'invalid_fact_value');
  });

  it('sends the API key: without it the service answers 401', async () => {
    const keyless = createKbClient({ baseUrl: service.url });
    await assert.rejects(keyless.diagnose({}), (error: unknown) => error instanceof KbError && error.status === 401 && error.problem?.code === 'unauthorized');
  });
});

describe('consult', () => {
  // An environment as a person would describe it, asked one question at a time; what is not
  // here they do not know.
  const environment: Partial<Record<FactName, AnyFactValue>> = { exchangeVersion: '2003', natMode: 'many-to-one', firewallPlatform: 'non-windows', outlookVersion: '2003' };

  it('asks the top question each time, sends the answers, and stops when nothing is left to ask', async () => {
    const seen: string[] = [];
    const consultation = await kb.consult({ clientKind: 'outlook', symptoms: ['cannot-connect'] }, (question, answer) => {
      assert.equal(question, answer.questions[0]);
      assert.ok(question.text.length > 0);
      seen.push(question.fact);
      return environment[question.fact] ?? null;
    });
    assert.equal(consultation.done, true);
    assert.deepEqual(consultation.answer.questions, []);
    assert.deepEqual(
      consultation.asked.map((a) => a.question.fact),
      seen,
    );
    assert.equal(new Set(seen).size, seen.length, 'no fact is asked twice');
    assert.ok(seen.includes('natMode') || seen.includes('addressTranslation'), `the NAT mode is asked for (asked: ${seen.join(', ')})`);
    for (const { question, answer } of consultation.asked) assert.equal(consultation.facts[question.fact], answer);
    // What the person did not know was sent as null and is reported unknown.
    const unknown = consultation.asked.filter((a) => a.answer === null).map((a) => a.question.fact);
    assert.deepEqual([...consultation.answer.facts.unknown].sort(), [...unknown].sort());
    assert.ok(consultation.answer.diagnoses.some((d) => d.id === 'KB291615.nat-loses-rpc-information'));
  });

  it('stops when the callback answers undefined, or after maxQuestions', async () => {
    const left = await kb.consult({ clientKind: 'outlook' }, (): Answer => undefined);
    assert.equal(left.done, false);
    assert.equal(left.asked.length, 0);
    assert.ok(left.answer.questions.length > 0);
    const one = await kb.consult({ clientKind: 'outlook' }, () => null, { maxQuestions: 1 });
    assert.equal(one.done, false);
    assert.equal(one.asked.length, 1);
  });
});

describe('annotate', () => {
  it('reads the facts a ticket states, with their evidence, and diagnoses', async () => {
    const annotation = await kb.annotate(NAT_TICKET);
    assert.equal(annotation.ticket.id, '4711');
    assert.equal(annotation.facts.exchangeVersion?.value, '2003');
    assert.equal(annotation.facts.exchangeVersion?.source, 'extracted');
    assert.deepEqual(
      annotation.diagnoses.map((d) => d.id),
      ['KB291615.nat-loses-rpc-information'],
    );
    assert.ok(annotation.tags.includes('kb291615'));
  });

  it('lets the facts sent with the ticket win', async () => {
    const annotation = await kb.annotate({ ...NAT_TICKET, facts: { exchangeVersion: '5.5' } });
    assert.equal(annotation.facts.exchangeVersion?.value, '5.5');
    assert.equal(annotation.facts.exchangeVersion?.source, 'given');
  });
});

describe('backfill', () => {
  it('streams any number of tickets (more than a JSON batch takes) and yields one result per ticket, in order', async () => {
    function* tickets(): Generator<Ticket> {
      for (let i = 1; i <= 250; i++) yield { ...NAT_TICKET, id: `T${i}` };
    }
    const results: BatchResult[] = [];
    for await (const result of kb.backfill(tickets())) results.push(result);
    assert.equal(results.length, 250);
    results.forEach((result, i) => {
      assert.equal(result.line, i + 1);
      assert.equal(result.status, 200);
      assert.equal(result.id, `T${i + 1}`);
    });
  });

  it('gives a bad ticket its own problem and goes on', async () => {
    const results: BatchResult[] = [];
    for await (const result of kb.backfill([{ id: 'a', body: 'Outlook 2003' }, { subject: 'no id' } as unknown as Ticket, { id: 'c', body: 'Exchange 2003' }])) results.push(result);
    assert.deepEqual(
      results.map((r) => [r.line, r.status]),
      [
        [1, 200],
        [2, 400],
        [3, 200],
      ],
    );
    const bad = results[1]!;
    assert.ok('problem' in bad && bad.problem.code === 'invalid_request');
  });

  it('yields results while the tickets are still being sent', async () => {
    // The third ticket is read only once the first result has arrived: a client that waited for
    // the whole request to be sent before reading would never get there.
    let firstResult!: () => void;
    const arrived = new Promise<void>((resolve) => (firstResult = resolve));
    async function* tickets(): AsyncGenerator<Ticket> {
      yield { ...NAT_TICKET, id: 'first' };
      yield { ...NAT_TICKET, id: 'second' };
      await arrived;
      yield { ...NAT_TICKET, id: 'third' };
    }
    const ids: (string | number)[] = [];
    for await (const result of kb.backfill(tickets())) {
      ids.push(result.id ?? '');
      firstResult();
    }
    assert.deepEqual(ids, ['first', 'second', 'third']);
  });

  it('throws when the service refuses the stream itself', async () => {
    const keyless = createKbClient({ baseUrl: service.url });
    const results = keyless.backfill([NAT_TICKET]);
    await assert.rejects(results.next(), (error: unknown) => error instanceof KbError && error.status === 401);
  });
});

describe('api', () => {
  it('calls any operation of openapi.yaml, typed', async () => {
    const { data, error } = await kb.api.GET('/v1/articles/{id}', { params: { path: { id: 'KB291615' } } });
    assert.equal(error, undefined);
    assert.equal(data?.kb.revision.length, 12);
    const missing = await kb.api.GET('/v1/articles/{id}', { params: { path: { id: 'KB000000' } } });
    assert.equal(missing.response.status, 404);
    assert.equal(missing.error?.code, 'not_found');
  });
});
