import { cachedNextQuestions, type Question } from '../../src/consult/questions';

/** A question computation that counts how often it ran. */
function counted(): { compute: () => Question[]; runs: () => number } {
  let runs = 0;
  return {
    compute: () => {
      runs += 1;
      return [];
    },
    runs: () => runs,
  };
}

describe('question cache', () => {
  it('computes once per key and knowledge base, and answers the same afterwards', () => {
    const kb = {};
    const { compute, runs } = counted();
    const first = cachedNextQuestions(kb, 'a', compute);
    expect(cachedNextQuestions(kb, 'a', compute)).toBe(first);
    expect(runs()).toBe(1);
    cachedNextQuestions(kb, 'b', compute);
    cachedNextQuestions({}, 'a', compute); // another knowledge base (after a reload): its own cache
    expect(runs()).toBe(3);
  });

  it('keeps at most 5,000 entries, dropping the least recently used', () => {
    const kb = {};
    const { compute, runs } = counted();
    for (let i = 0; i < 5000; i += 1) cachedNextQuestions(kb, String(i), compute);
    cachedNextQuestions(kb, '0', compute); // used again: now the most recent
    cachedNextQuestions(kb, 'new', compute); // evicts '1', the least recently used
    const before = runs();
    cachedNextQuestions(kb, '0', compute);
    expect(runs()).toBe(before);
    cachedNextQuestions(kb, '1', compute);
    expect(runs()).toBe(before + 1);
  });
});
