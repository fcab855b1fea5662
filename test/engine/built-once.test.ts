import { TestApi } from '../support/api';

// Counts Engine constructions while keeping json-rules-engine's real behaviour.
jest.mock('json-rules-engine', () => {
  const actual = jest.requireActual('json-rules-engine');
  let constructed = 0;
  class CountingEngine extends actual.Engine {
    constructor(...args: unknown[]) {
      super(...args);
      constructed += 1;
    }
  }
  return { ...actual, Engine: CountingEngine, constructedEngines: () => constructed };
});

const { constructedEngines } = jest.requireMock('json-rules-engine') as { constructedEngines: () => number };

it('builds the json-rules-engine Engine once per knowledge base, not per request', async () => {
  const api = await TestApi.start();
  try {
    const before = constructedEngines();
    for (let i = 0; i < 5; i += 1) {
      const res = await api.post('/v1/diagnose', { facts: { clientKind: 'outlook', natMode: 'many-to-one', symptoms: ['cannot-connect'] } });
      expect(res.status).toBe(200);
    }
    expect(before).toBe(1);
    expect(constructedEngines()).toBe(1);
  } finally {
    await api.close();
  }
});
