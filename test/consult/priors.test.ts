import { bundledKnowledgeBase } from '../../harness/knowledge-base';
import { AnswerPriors } from '../../src/consult/priors';
import { questionsFor } from '../../src/consult/questions';
import { normalizeFacts } from '../../src/facts/normalize';

async function ranked(facts: Record<string, unknown>, priors?: AnswerPriors) {
  const { kb, diagnoser } = bundledKnowledgeBase();
  const normalized = normalizeFacts(facts, kb.vocabulary);
  if (!normalized.ok) throw new Error('invalid facts');
  return questionsFor(kb, await diagnoser.diagnose(normalized.all), normalized, priors).map((q) => [q.fact, q.expectedQuestions] as const);
}

const opening = { clientKind: 'outlook', symptoms: ['cannot-connect'] };

describe('priors from the field', () => {
  it('give an answer seen more often more weight, by Laplace: a value never seen keeps a chance, an unseen fact is uniform', () => {
    const priors = AnswerPriors.fromCounts(
      [
        { item: 'natMode', measure: '"none"', n: 6 },
        { item: 'natMode', measure: '"many-to-one"', n: 2 },
      ],
      'v',
    );
    const values = ['none', 'one-to-one', 'many-to-one', 'port-forwarding'].map((value) => ({ value }));
    expect(priors.probability('natMode', 'none', values)).toBeCloseTo(7 / 12);
    expect(priors.probability('natMode', 'port-forwarding', values)).toBeCloseTo(1 / 12);
    expect(priors.probability('firewallPlatform', 'none', values.slice(0, 3))).toBeCloseTo(1 / 3);
  });

  it('leave the ranking to the rules alone when not asked for, the same on every call', async () => {
    const first = await ranked(opening);
    expect(first[0]).toEqual(['exchangeVersion', 4.25]);
    expect(await ranked(opening)).toEqual(first);
  });

  it('put first the question whose likely answer settles most, when the field says which answer is likely', async () => {
    // Most callers have no firewall in the path: asking about it first settles the most in expectation.
    const priors = AnswerPriors.fromCounts([{ item: 'firewallPlatform', measure: '"none"', n: 1000 }], 'firewall-none');
    const weighted = await ranked(opening, priors);
    expect(weighted[0]![0]).toBe('firewallPlatform');
    expect(weighted[0]![1]).toBeLessThan(4);
    // The same facts are asked, in another order.
    expect(weighted.map(([fact]) => fact).sort()).toEqual((await ranked(opening)).map(([fact]) => fact).sort());
  });
});
