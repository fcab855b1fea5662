import { Diagnoser } from '../../src/engine/diagnose';
import { normalizeFacts } from '../../src/facts/normalize';
import { TestApi, type Schemas } from '../../harness/api';
import { bundledKnowledgeBase } from '../../harness/knowledge-base';

// Counts Engine constructions while keeping json-rules-engine's real behaviour.
jest.mock('json-rules-engine', () => {
  const actual = jest.requireActual<typeof import('json-rules-engine')>('json-rules-engine');
  let constructed = 0;
  class CountingEngine extends actual.Engine {
    constructor(...args: ConstructorParameters<typeof actual.Engine>) {
      super(...args);
      constructed += 1;
    }
  }
  return { ...actual, Engine: CountingEngine, constructedEngines: () => constructed };
});

const { constructedEngines } = jest.requireMock<{ constructedEngines: () => number }>('json-rules-engine');
const facts = { clientKind: 'outlook', exchangeVersion: '2003', natMode: 'many-to-one', symptoms: ['cannot-connect'] };

it('when the service answers, then it builds no json-rules-engine Engine: the compiled conditions serve every request', async () => {
  const before = constructedEngines();
  const api = await TestApi.start();
  try {
    for (let i = 0; i < 5; i += 1) {
      const res = await api.post<Schemas['DiagnoseResponse']>('/v1/diagnose', { facts });
      expect(res.status).toBe(200);
      expect(res.body.diagnoses.map((d) => d.id)).toEqual(['KB291615.nat-loses-rpc-information']);
    }
    expect(constructedEngines()).toBe(before);
  } finally {
    await api.close();
  }
});

it('when the reference mode is asked for, then it builds the Engine once, not per call', async () => {
  const before = constructedEngines();
  const { kb } = bundledKnowledgeBase();
  const reference = new Diagnoser(kb, () => {}, 'engine');
  const normalized = normalizeFacts(facts, kb.vocabulary);
  if (!normalized.ok) throw new Error(JSON.stringify(normalized.errors));
  for (let i = 0; i < 5; i += 1) expect((await reference.diagnose(normalized.all)).diagnoses).toHaveLength(1);
  expect(constructedEngines()).toBe(before + 1);
});
