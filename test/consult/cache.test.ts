import { cachedNextQuestions, type Question } from '../../src/consult/questions';

describe('question cache', () => {
  it('computes once per key and knowledge base, and answers the same afterwards', () => {
    const kb = {};
    let computed = 0;
    const compute = (): Question[] => {
      computed += 1;
      return [];
    };
    const first = cachedNextQuestions(kb, 'a', compute);
    expect(cachedNextQuestions(kb, 'a', compute)).toBe(first);
    expect(computed).toBe(1);
    cachedNextQuestions(kb, 'b', compute);
    cachedNextQuestions({}, 'a', compute); // another knowledge base (after a reload): its own cache
    expect(computed).toBe(3);
  });

  it('keeps at most 5,000 entries, dropping the least recently used', () => {
    const kb = {};
    let computed = 0;
    const compute = (): Question[] => {
      computed += 1;
      return [];
    };
    for (let i = 0; i < 5000; i += 1) cachedNextQuestions(kb, String(i), compute);
    cachedNextQuestions(kb, '0', compute); // used again: now the most recent
    cachedNextQuestions(kb, 'new', compute); // evicts '1', the least recently used
    const before = computed;
    cachedNextQuestions(kb, '0', compute);
    expect(computed).toBe(before);
    cachedNextQuestions(kb, '1', compute);
    expect(computed).toBe(before + 1);
  });
});
